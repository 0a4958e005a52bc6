from django.core.cache import cache

ADMIN_ACCESS_SECONDS = 5 * 60


def may_use_admin(user) -> bool:
    """Whether `user` may open the Wagtail admin, remembered for a few minutes so that a
    learner's pages ask no permission queries. It only decides whether to offer the editing
    bar: the admin checks permissions itself on every request, so a change of role shows in
    the bar within ADMIN_ACCESS_SECONDS and in what the admin allows at once."""
    if not user.is_authenticated or not user.is_active:
        return False
    key = f"admin-access:{user.pk}"
    try:
        allowed = cache.get(key)
        if allowed is None:
            allowed = user.has_perm("wagtailadmin.access_admin")
            cache.set(key, allowed, ADMIN_ACCESS_SECONDS)
    except Exception:  # the cache is down: ask the database
        return user.has_perm("wagtailadmin.access_admin")
    return allowed
