"""The bot's error hierarchy. Messages are written for the person who reads them; each edge
(CLI, API, UI) translates these into its own form (exit code, HTTP status, on-screen error)."""

from __future__ import annotations


class BotError(Exception):
    """Base class of every error the bot raises on purpose."""


class InvalidQuestion(BotError):
    """The question is empty, too long, or otherwise unusable."""


class CorpusNotIndexed(BotError):
    """No index exists yet."""

    def __init__(self, where: str) -> None:
        super().__init__(f"No documents are indexed in {where}. Run `python -m bot ingest` first.")


class PortInUse(BotError):
    """Another program already listens on the address the server should use."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            f"Port {port} on {host} is already in use, probably by another copy of the bot. Stop that one (Ctrl+C "
            f"in its terminal) or serve on another port: `python -m bot serve --port {port + 1}` (or BOT_PORT)."
        )


class DocumentUnreadable(BotError):
    """A file in the corpus could not be read; ingest reports it and goes on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class OutsideCorpus(BotError):
    """A path given to ingest lies outside the corpus folder."""

    def __init__(self, path: str, corpus: str) -> None:
        super().__init__(
            f"{path} is outside the corpus folder ({corpus}): the bot reads only files inside it, so that its "
            "answers never quote other files. Copy the files into it, or point BOT_CORPUS_DIR at their folder."
        )


class ModelUnavailable(BotError):
    """An embedding model or the LLM could not be loaded or reached."""


class FeedbackUnavailable(BotError):
    """The feedback database cannot be reached. Nothing stored is lost; the next call tries it again."""

    # What a caller of the HTTP API is told: no host names or driver messages, which are for the operator.
    detail = (
        "Feedback cannot be stored right now: the feedback database is not reachable. "
        "Ratings already given are kept; please send this one again in a minute."
    )

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(
            f"The feedback database ({where}) cannot be reached: {reason}. Ratings already stored there are "
            "kept; the bot tries it again on the next call, so it works again once the database is back."
        )
        self.where = where
        self.reason = reason


class StoreUnavailable(BotError):
    """The Chroma server holding the index could not be reached, or did not answer in time."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(
            f"The index's store (Chroma at {where}) is unavailable: {reason}. The bot answers again by itself "
            "once the store is back; try again in a moment."
        )
        self.where = where
        self.reason = reason
