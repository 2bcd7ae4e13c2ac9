"""When a store's shared collections changed, for the stores' per-replica caches (`bot.store.ChunkStore`,
`bot.register.store.RegisterStore`): a generation id in the store's meta collection, a new random one
written after every write by any process, and read by each replica at most every `every_s` seconds.

Writes made through this process are seen at once (`bump` makes the next check due now); those of other
processes within `every_s`. Reloads are serialised by one lock, and the generation a reload records is the
one read before it read anything, so a write that lands during a reload is reloaded again at the next check.

No records here: the caller's `reload` reads them.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from threading import Lock
from typing import Any


class GenerationWatch:
    """Reloads a cache when the generation under `key` in a meta collection changed, checked every `every_s`."""

    def __init__(self, key: str, every_s: float) -> None:
        self.key = key
        self.every_s = every_s
        self.loaded: str | None = None  # the generation of what the cache holds
        self._checked_at = 0.0
        self._lock = Lock()

    def bump(self, meta: Any) -> None:
        """Say the collections changed: call after every write, last."""
        meta.upsert(ids=[self.key], embeddings=[[0.0]], documents=[uuid.uuid4().hex])
        self._checked_at = 0.0  # this process reads its own write at once, not after the interval

    def current(self, meta: Any) -> str | None:
        """The generation in the meta collection now (None before any write)."""
        documents = meta.get(ids=[self.key], include=["documents"])["documents"]
        return documents[0] if documents else None

    def reload_if_changed(
        self, meta: Any, reload: Callable[[], None], force: bool = False, check_now: bool = False
    ) -> bool:
        """Call `reload` when the generation differs from the loaded one (asked at most every `every_s`
        seconds, or now with `check_now`), or in any case with `force`; True when it reloaded."""
        now = time.monotonic()
        if not (force or check_now) and now - self._checked_at < self.every_s:
            return False
        with self._lock:
            generation = self.current(meta)
            # Checked once the store answered: while it is away, every call asks it again (and fails clearly).
            self._checked_at = now
            if generation == self.loaded and not force:
                return False
            reload()
            self.loaded = generation
        return True
