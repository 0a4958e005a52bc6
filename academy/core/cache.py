"""The shared cache, kept out of the way when it is down.

Redis holds nothing that is not also in the database (pages, the tree, session copies, rate
counts), so a Redis outage must cost speed, never a page. `ResilientCache` wraps the real
backend (django-redis in production): while the backend fails, every read is a miss and every
write is dropped, and for `RETRY_SECONDS` after a failure it is not even asked, so a page does
not wait on a dead server once per cache call. Writes tell their caller whether they were kept
(`set` returns False when dropped): the page cache refuses a privacy change it cannot purge.

When the backend answers again, what was written to the database in between may be stale in
it: the tree and page cache start a new generation and the cached session copies are dropped
(a logout during the outage must not come back with them), before anything is read.
"""

import logging
import threading
import time
import uuid

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)
RETRY_SECONDS = 5
# Cached copies of sessions (django.contrib.sessions.backends.cached_db): dropped after an
# outage, the database has them.
SESSION_KEY_PATTERN = "django.contrib.sessions.cached*"

_MISSING = object()


class ResilientCache(BaseCache):
    """OPTIONS: BACKEND, the real backend's dotted path; every other option goes to it."""

    def __init__(self, location, params):
        options = dict(params.get("OPTIONS", {}))
        backend = import_string(options.pop("BACKEND", "django_redis.cache.RedisCache"))
        super().__init__(params)
        self.backend = backend(location, {**params, "OPTIONS": options})
        self._lock = threading.Lock()
        self._down_until = 0.0  # monotonic time before which the backend is not asked
        self._outage = False  # a call failed since the backend last answered

    def _call(self, name, *args, fallback=None, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            if self._outage:
                self._recover()  # before anything is read from the backend again
            return getattr(self.backend, name)(*args, **kwargs)
        except Exception:  # any failure of the cache is a miss; /health/ reports the outage
            with self._lock:
                if not self._outage:
                    logger.error("Cache unavailable: served from the database", exc_info=True)
                self._outage = True
                self._down_until = time.monotonic() + RETRY_SECONDS
            return fallback

    def _recover(self):
        """Forget what may have gone stale while the backend was away; raises if it is still
        away (the outage goes on)."""
        from .page_cache import GENERATION_KEY  # page_cache reads through this cache

        self.backend.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        delete_pattern = getattr(self.backend, "delete_pattern", None)
        if delete_pattern:
            delete_pattern(SESSION_KEY_PATTERN)
        self._outage = False
        logger.warning("Cache available again: new page generation, session copies dropped")

    # Reads: a miss while the backend is down.
    def get(self, key, default=None, version=None):
        value = self._call("get", key, _MISSING, version=version, fallback=_MISSING)
        return default if value is _MISSING else value

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version, fallback={})

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version, fallback=False)

    def incr(self, key, delta=1, version=None):
        value = self._call("incr", key, delta, version=version, fallback=_MISSING)
        if value is _MISSING:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")
        return value

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version=version)

    # Writes: dropped while the backend is down; True when kept.
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        kept = self._call("set", key, value, timeout=timeout, version=version, fallback=False)
        return kept is not False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout=timeout, version=version, fallback=False)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout=timeout, version=version, fallback=list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout=timeout, version=version, fallback=False)

    def delete(self, key, version=None):
        return self._call("delete", key, version=version, fallback=False)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version=version, fallback=None)

    def clear(self):
        return self._call("clear", fallback=None)

    def close(self, **kwargs):
        return self._call("close", fallback=None, **kwargs)
