"""Near misses for a name the register does not know: `NearMisses(spellings).nearest(name)` offers the known
names closest to it (character bigrams for Chinese, trigrams for Latin script, then a similarity ratio).

It only ranks spellings it is given; `bot.register.names` decides which spellings a user might have meant.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable

from bot.register.folding import fold

_CJK = re.compile(r"[\u3400-\u9fff]")


class NearMisses:
    """Folded spellings, each with how to show it (the register's own spellings it stands for)."""

    def __init__(self, spellings: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        self._shown: dict[str, tuple[str, ...]] = {}
        self._grams: dict[str, set[str]] = defaultdict(set)
        for key, shown in spellings:
            self._shown[key] = shown
            for gram in _grams(key):
                self._grams[gram].add(key)

    def nearest(self, name: str, n: int = 5, cutoff: float = 0.6) -> list[str]:
        """The known names closest to `name`, best first, at most `n`."""
        key = fold(name)
        if len(key) < 2:
            return []
        counts: dict[str, int] = defaultdict(int)
        for gram in _grams(key):
            for candidate in self._grams.get(gram, ()):
                counts[candidate] += 1
        shortlist = sorted(counts, key=counts.__getitem__, reverse=True)[:200]
        scored = []
        for candidate in shortlist:
            ratio = difflib.SequenceMatcher(None, key, candidate).ratio()
            if ratio >= cutoff:
                scored.append((ratio, -len(candidate), candidate))
        scored.sort(reverse=True)
        names: list[str] = []
        for _, _, candidate in scored:
            for display in self._shown[candidate]:
                if display not in names:
                    names.append(display)
        return names[:n]


def _grams(key: str) -> set[str]:
    if _CJK.search(key):
        return {key[i : i + 2] for i in range(len(key) - 1)} or {key}
    return {key[i : i + 3] for i in range(len(key) - 2)} or {key}
