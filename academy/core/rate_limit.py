"""A fixed-window count per client address in the shared cache, so every app server sees the
same count (Redis in production)."""

from django.core.cache import cache

from .client_address import client_address


def over_limit(request, *, scope: str, limit: int, seconds: int = 60) -> bool:
    """Count this request against `scope` for its client address; True once more than `limit`
    requests came within the window of `seconds`."""
    key = f"rate:{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:
        # The key expired between add and incr (a new window), or the cache is down: the limit
        # fails open. What it guards stays guarded without it (codes of 80 bits, sign-up that
        # tells nothing), and refusing everyone while Redis is down would be the outage.
        return False
