"""Who is asking: the visitor's address, the same for every limit that counts it."""

from __future__ import annotations

import ipaddress


def client_ip(request) -> str:
    """The visitor's IP address, for the per-IP limits (subscribing, signing in).

    Behind the TLS proxy on the same host (see the README), every request comes
    from a private address and the proxy appends the visitor's address to
    X-Forwarded-For: take that last entry (the ones before it are the client's
    own say). A request from a public address came straight in: its header is
    ignored, or anyone could dodge the limit by sending one.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    try:
        via_proxy = ipaddress.ip_address(remote).is_private
    except ValueError:
        via_proxy = False
    if via_proxy and forwarded:
        try:
            return str(ipaddress.ip_address(forwarded.split(",")[-1].strip()))
        except ValueError:
            pass
    return remote
