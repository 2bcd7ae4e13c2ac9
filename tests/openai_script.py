"""A scripted OpenAI-compatible chat endpoint: a real HTTP server on 127.0.0.1 that answers
`POST /v1/chat/completions` (streaming or not) from a script, so tests drive the real LangChain client
(langchain-openai) end to end. Each request takes the next step of the script: a reply, an HTTP error,
a stall longer than the client waits, or garbage. It records every request it receives."""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Step:
    kind: str  # "reply" | "error" | "stall" | "garbage"
    text: str = ""
    status: int = 200
    seconds: float = 0.0


class ScriptedEndpoint:
    """`with ScriptedEndpoint() as llm:` serves at `llm.base_url` until the block ends."""

    def __init__(self) -> None:
        self.steps: deque[Step] = deque()
        self.requests: list[dict[str, Any]] = []
        self._server: ThreadingHTTPServer | None = None

    def reply(self, text: str) -> ScriptedEndpoint:
        self.steps.append(Step("reply", text))
        return self

    def error(self, status: int = 500) -> ScriptedEndpoint:
        self.steps.append(Step("error", status=status))
        return self

    def stall(self, seconds: float, text: str = "Too late [1].") -> ScriptedEndpoint:
        self.steps.append(Step("stall", text, seconds=seconds))
        return self

    def garbage(self) -> ScriptedEndpoint:
        self.steps.append(Step("garbage"))
        return self

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> ScriptedEndpoint:
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
                endpoint.requests.append(body)
                step = endpoint.steps.popleft() if endpoint.steps else Step("error", status=503)
                if step.kind == "stall":
                    time.sleep(step.seconds)
                if step.kind == "error":
                    self._send(step.status, "application/json", json.dumps({"error": {"message": "scripted"}}))
                elif step.kind == "garbage":
                    if body.get("stream"):
                        self._send(200, "text/event-stream", "data: {this is not json\n\n")
                    else:
                        self._send(200, "application/json", "<html>upstream gateway says hello</html>")
                elif body.get("stream"):
                    self._stream(step.text, body)
                else:
                    self._send(200, "application/json", json.dumps(_completion(step.text, body)))

            def _send(self, status: int, content_type: str, text: str) -> None:
                data = text.encode()
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, text: str, body: dict[str, Any]) -> None:
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.end_headers()
                pieces = re.findall(r"\S+\s*|\s+", text) or [""]
                for n, piece in enumerate(pieces):
                    delta = {"role": "assistant", "content": piece} if n == 0 else {"content": piece}
                    self._event(_chunk(body, delta, None))
                self._event(_chunk(body, {}, "stop"))
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _event(self, data: dict[str, Any]) -> None:
                self.wfile.write(f"data: {json.dumps(data)}\n\n".encode())
                self.wfile.flush()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="scripted-llm", daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()


def _completion(text: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "scripted"),
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop", "logprobs": None}
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(body: dict[str, Any], delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": body.get("model", "scripted"),
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
    }
