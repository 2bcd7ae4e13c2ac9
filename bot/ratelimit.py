"""The per-client rate limit, on the `limits` library: at most `per_minute` requests in any 60 seconds (a
moving window), counted in this process's memory, or in Redis when `BOT_REDIS_URL` is set, so that every
replica sharing that Redis counts against one limit.

When Redis cannot be reached the limit fails open: requests go through uncounted, one warning is logged
per outage, Redis is tried again a second later, and the limit holds again as soon as it answers. A
limit that is down should not take the bot down with it (docs/RELIABILITY.md, "Shared state").

It decides whether a client may go ahead; who the client is and how a refusal looks is `bot.guard`'s job.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from limits import RateLimitItemPerMinute
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError

log = logging.getLogger(__name__)

REDIS_TIMEOUT_S = 0.5  # a Redis that takes longer than this is treated as down, not waited for
RETRY_AFTER_OUTAGE_S = 1.0  # while Redis is down, try it at most once a second (each try may cost the timeout)


def redis_storage(url: str, key_prefix: str) -> RedisStorage:
    """The asyncio Redis storage of `limits` (redis-py underneath) for a `redis://` or `rediss://` URL."""
    return RedisStorage(
        f"async+{url}",
        implementation="redispy",
        wrap_exceptions=True,
        key_prefix=key_prefix,
        socket_connect_timeout=REDIS_TIMEOUT_S,
        socket_timeout=REDIS_TIMEOUT_S,
    )


def without_password(url: str) -> str:
    """`url` for a log line: the host and port, never the password."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    return f"{parts.scheme}://{host}:{parts.port or 6379}{parts.path}"


class RateLimit:
    """`per_minute` requests per client in any 60 s; 0 means no limit."""

    def __init__(
        self,
        per_minute: int,
        redis_url: str | None = None,
        key_prefix: str = "approvals",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_minute = per_minute
        self.item = RateLimitItemPerMinute(max(per_minute, 1))
        self.where = without_password(redis_url) if redis_url else "memory"
        storage: Storage = redis_storage(redis_url, f"{key_prefix}-ratelimit") if redis_url else MemoryStorage()
        self.limiter = MovingWindowRateLimiter(storage)
        self.clock = clock
        self.down_since: float | None = None  # when the storage stopped answering, on `clock`
        self.last_try = 0.0

    @property
    def shared(self) -> bool:
        return self.where != "memory"

    async def wait(self, client: str) -> float:
        """Counts the request and returns 0 if `client` may go ahead now, else the seconds until it may
        (the request is then not counted). Returns 0 without counting while the storage is down."""
        if self.per_minute <= 0:
            return 0.0
        now = self.clock()
        if self.down_since is not None and now - self.last_try < RETRY_AFTER_OUTAGE_S:
            return 0.0
        self.last_try = now
        try:
            if await self.limiter.hit(self.item, client):
                wait = 0.0
            else:
                stats = await self.limiter.get_window_stats(self.item, client)
                wait = max(stats.reset_time - time.time(), 0.001)
        except StorageError as error:
            self._storage_failed(error.storage_error)
            return 0.0
        self._storage_answered()
        return wait

    @staticmethod
    def retry_after(wait: float) -> int:
        """Whole seconds for a `Retry-After` header: `wait` rounded up, at least 1."""
        return max(1, math.ceil(wait))

    def _storage_failed(self, error: Exception) -> None:
        if self.down_since is None:
            self.down_since = self.clock()
            log.warning(
                "The rate limit's Redis (%s) cannot be reached (%s): requests go through without a limit until "
                "it answers again (tried again every %g s).",
                self.where,
                error,
                RETRY_AFTER_OUTAGE_S,
            )

    def _storage_answered(self) -> None:
        if self.down_since is not None:
            log.warning(
                "The rate limit's Redis (%s) answers again after %.1f s: the limit holds again.",
                self.where,
                self.clock() - self.down_since,
            )
            self.down_since = None
