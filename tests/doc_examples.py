"""The examples in README.md and docs/*.md, run against a live server: `tests/test_doc_examples.py` checks
that each still gives what the page shows, and `python tests/doc_examples.py --write` (`make docs`) writes
what a real run gives into the pages.

An example is a block of a page between `<!-- example KIND -->` and `<!-- /example -->`:

- `questions`: a list of the example questions (`bot.examples`) with the bot's answers;
- `curl`: a `sh` block with one curl command, then a block with what the server answers (JSON, or the
  server-sent events of a stream, shortened);
- `python`: a `python` block (the openai SDK against the server), then a block with what it prints.

Commands name the server `http://127.0.0.1:7860`; they are run against the live server instead.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
DOCUMENTED_URL = "http://127.0.0.1:7860"
_BLOCK = re.compile(r"<!-- example (\w+) -->\n(.*?)<!-- /example -->", re.DOTALL)
_FENCE = re.compile(r"```(\w*)\n(.*?)```", re.DOTALL)
SHOWN_DELTAS = 2  # a stream's first delta events shown before "…"


@dataclass
class Example:
    page: Path
    kind: str
    body: str  # what is between the markers
    start: int  # offsets of `body` in the page
    end: int

    @property
    def code(self) -> str:
        """The command or program (the first fenced block)."""
        return _FENCE.findall(self.body)[0][1]

    @property
    def shown(self) -> str:
        """What the page shows it gives (the second fenced block, or the whole body for `questions`)."""
        blocks = _FENCE.findall(self.body)
        return self.body if self.kind == "questions" else blocks[1][1]

    def __str__(self) -> str:
        return f"{self.page.relative_to(REPO)}: {self.kind} example at offset {self.start}"


def examples(pages: list[Path] = PAGES) -> list[Example]:
    found = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for match in _BLOCK.finditer(text):
            found.append(Example(page, match.group(1), match.group(2), match.start(2), match.end(2)))
    return found


def curl(command: str, base_url: str) -> httpx.Response:
    """Runs a documented `curl` command (-s, -N, -H, -d) with httpx against `base_url`."""
    words = shlex.split(command.replace("\\\n", " "))
    assert words[0] == "curl", command
    url, headers, data = "", {}, None
    rest = iter(words[1:])
    for word in rest:
        if word == "-H":
            name, _, value = next(rest).partition(":")
            headers[name.strip()] = value.strip()
        elif word == "-d":
            data = next(rest)
        elif word.startswith("http"):
            url = word.replace(DOCUMENTED_URL, base_url)
        elif word not in ("-s", "-sN", "-N"):
            raise ValueError(f"the example uses a curl option the check does not know: {word}")
    method = "POST" if data is not None else "GET"
    return httpx.request(method, url, headers=headers, content=data, timeout=120)


def stream_excerpt(body: str) -> str:
    """A stream shortened the way the pages show it: the first deltas, "…", then the last events."""
    events = [e for e in body.strip().split("\n\n") if e]
    deltas = [e for e in events if e.startswith("event: delta")]
    rest = [e for e in events if not e.startswith("event: delta")]
    return "\n\n".join([*deltas[:SHOWN_DELTAS], "…", *rest]) + "\n"


def answer_of(example: Example, base_url: str) -> str:
    """What the example gives now, formatted as its page shows it."""
    if example.kind == "questions":
        return questions_list(base_url)
    if example.kind == "curl":
        response = curl(example.code, base_url)
        if response.headers.get("content-type", "").startswith("text/event-stream"):
            return stream_excerpt(response.text)
        return json.dumps(response.json(), ensure_ascii=False, indent=2) + "\n"
    if example.kind == "python":
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(example.code.replace(DOCUMENTED_URL, base_url), str(example), "exec"), {})
        return printed.getvalue()
    raise ValueError(f"{example}: unknown kind {example.kind!r}")


def questions_list(base_url: str) -> str:
    """The example questions and the bot's answers, as a Markdown list."""
    from bot.examples import EXAMPLES

    lines = []
    for question in EXAMPLES:
        answer = httpx.post(f"{base_url}/api/ask", json={"question": question}, timeout=120).json()
        sources = ", ".join(dict.fromkeys(f"`{c['source']}`" for c in answer["citations"]))
        label = "nearest sources" if answer["abstained"] else "sources"
        lines.append(f"- **{question}**  \n  {answer['answer']}  \n  <sub>{label}: {sources}</sub>\n")
    return "\n" + "\n".join(lines) + "\n"


def same(shown: str, now: str) -> bool:
    """Whether what a page shows is what the example gives now: equal, except that a confidence may
    differ in the third decimal and a stored feedback's `id` depends on what was stored before."""
    if shown == now:
        return True
    try:
        return _close(json.loads(shown), json.loads(now))
    except json.JSONDecodeError:
        pass
    shown_events, now_events = _events(shown), _events(now)
    return len(shown_events) == len(now_events) and all(
        a[0] == b[0] and _close(a[1], b[1]) for a, b in zip(shown_events, now_events, strict=True)
    )


def _events(text: str) -> list[tuple[str, Any]]:
    found = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        found.append((lines.get("event", block), json.loads(lines["data"]) if "data" in lines else None))
    return found


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, int | float) and isinstance(b, int | float) and abs(a - b) < 0.002
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() == b.keys() == {"id"}:
            return isinstance(a["id"], int) and isinstance(b["id"], int)
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def write(base_url: str, pages: list[Path] = PAGES) -> int:
    """Writes what each example gives now into its page; returns how many examples changed."""
    changed = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for example in reversed(examples([page])):
            now = answer_of(example, base_url)
            if same(example.shown, now):
                continue
            if example.kind == "questions":
                text = text[: example.start] + now + text[example.end :]
            else:
                fence = list(_FENCE.finditer(example.body))[1]
                start, end = example.start + fence.start(2), example.start + fence.end(2)
                text = text[:start] + now + text[end:]
            changed += 1
        page.write_text(text, encoding="utf-8")
    return changed


@contextlib.contextmanager
def serving(make_app: Callable[[], Any]):
    """A real uvicorn on a free port of 127.0.0.1 serving `make_app()`, until the block ends."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(make_app(), "127.0.0.1", port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                break
        time.sleep(0.2)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def main() -> int:
    """`--write`: index corpus/ (documents and register tables) into a throwaway folder, serve it, and write
    every example's output."""
    import tempfile

    sys.path.insert(0, str(REPO))
    from bot.config import Settings
    from bot.ingest import ingest
    from bot.server import create_app
    from bot.wiring import build_bot, build_register_store, build_store

    if sys.argv[1:] != ["--write"]:
        print("usage: python tests/doc_examples.py --write", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bot-doc-examples-") as scratch:
        # Built as the test suite builds its bot (tests/conftest.py): documents and register tables.
        settings = Settings(data_dir=Path(scratch))  # type: ignore[call-arg]
        register = build_register_store(settings)
        store = build_store(settings)
        assert ingest([settings.corpus_dir], store, settings.chunk_chars, progress=False, register=register).ok
        with serving(lambda: create_app(build_bot(settings, store, register), settings)) as url:
            changed = write(url)
    print(f"{changed} examples rewritten from a real run.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
