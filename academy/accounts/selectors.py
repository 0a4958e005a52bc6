import time

ADMIN_ACCESS_SECONDS = 5 * 60
_ADMIN_ACCESS_KEY = "admin-access"


def may_use_admin(request) -> bool:
    """Whether the request's user may open the Wagtail admin, remembered in their session for a
    few minutes so that a learner's pages ask no permission queries and no extra cache round
    trip (the session is read anyway). It only decides whether to offer the editing bar: the
    admin checks permissions itself on every request, so a change of role shows in the bar
    within ADMIN_ACCESS_SECONDS and in what the admin allows at once."""
    user = request.user
    if not user.is_authenticated or not user.is_active:
        return False
    session = getattr(request, "session", {})  # none on a request made outside the middleware
    now = time.time()
    allowed, until = session.get(_ADMIN_ACCESS_KEY, (None, 0))
    if until <= now:
        allowed = user.has_perm("wagtailadmin.access_admin")
        session[_ADMIN_ACCESS_KEY] = (allowed, now + ADMIN_ACCESS_SECONDS)
    return allowed
