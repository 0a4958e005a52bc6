"""The address a request really comes from, behind as many reverse proxies as we trust.

Behind a load balancer every request has the balancer's REMOTE_ADDR, so rate limits keyed on it
would lock out everyone at once. Each trusted proxy appends the address it received the request
from to X-Forwarded-For, so the client is the entry TRUSTED_PROXY_COUNT places from the right.
Entries further left were written by the client and can be anything: they are never read.
"""

from ipaddress import ip_address

from django.conf import settings


def client_address(request) -> str:
    """The client's IP address: REMOTE_ADDR when TRUSTED_PROXY_COUNT is 0 (no proxy), otherwise
    the address the outermost trusted proxy saw. A header shorter than the proxy chain, or an
    entry that is not an IP address, means the request did not come through our proxies: fall
    back to REMOTE_ADDR rather than trust it."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ip_address(candidate))
    except ValueError:
        return remote
