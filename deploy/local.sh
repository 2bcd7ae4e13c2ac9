#!/usr/bin/env bash
# The topology of deploy/compose.yaml as local processes on 127.0.0.1, without Docker (deploy/topology.py):
#   deploy/local.sh [--port 8080] [--replicas 2] [--rate-limit N]   start; Ctrl+C stops everything
#   deploy/local.sh stop                                             stop one started from another terminal
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-$here/../.venv/bin/python}"
[ -x "$python" ] || python=python3
exec "$python" "$here/topology.py" "$@"
