# Two commands on a fresh machine: `make run` serves the bot, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

.PHONY: run test install install-test browser lint ingest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	# torch first, pinned: the CPU build on this machine's disk (any other version pulls a CUDA build).
	$(BIN)/pip install --quiet torch==2.13.0

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

browser:
	@command -v chromium >/dev/null 2>&1 && fc-list | grep -qi "noto sans cjk" || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

run: install
	$(BIN)/python -m bot serve

ingest: install
	$(BIN)/python -m bot ingest

test: install-test browser
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check bot tests bench && $(BIN)/ruff format --check bot tests bench

clean:
	rm -rf $(VENV) data
