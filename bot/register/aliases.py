"""The alias table, `corpus/register/aliases.yaml`: English and Chinese names of organisations and services in
the CAC's registers, each with the register's own company, service and product spellings it stands for, and
where the English name comes from. `load_aliases` reads it into `Alias` entries.

It only reads the file; `bot.register.names` links the names in questions with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

ALIASES_PATH = Path(__file__).resolve().parents[2] / "corpus" / "register" / "aliases.yaml"


@dataclass(frozen=True)
class Alias:
    """One entry of the alias table."""

    english: tuple[str, ...]
    chinese: tuple[str, ...]
    type: Literal["company", "service"]
    companies: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    source: str = ""

    @property
    def name(self) -> str:
        return self.english[0] if self.english else self.chinese[0]


def load_aliases(path: Path = ALIASES_PATH) -> tuple[Alias, ...]:
    """The alias table, as `Alias` entries; an entry without names is an error the reader should see."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    aliases = []
    for n, entry in enumerate(entries, 1):
        if not entry.get("english") and not entry.get("chinese"):
            raise ValueError(f"{path}: entry {n} has neither an English nor a Chinese name")
        aliases.append(
            Alias(
                english=tuple(entry.get("english") or ()),
                chinese=tuple(str(c) for c in entry.get("chinese") or ()),
                type=entry.get("type", "company"),
                companies=tuple(entry.get("companies") or ()),
                services=tuple(entry.get("services") or ()),
                products=tuple(entry.get("products") or ()),
                source=entry.get("source", ""),
            )
        )
    return tuple(aliases)
