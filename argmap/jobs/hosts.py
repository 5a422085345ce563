"""Which ``Host`` headers a local server answers: the address it listens on and the names it is served under.

A page on another site can rebind its own DNS name to 127.0.0.1 and then read a local server's answers as
same-origin (DNS rebinding).  The browser still sends that site's name in ``Host``, so a server that answers
only its own names is out of reach.  ``argmap serve`` and ``argmap preview`` both apply this rule.

>>> names = allowed_hosts("127.0.0.1")
>>> host_allowed("127.0.0.1:8000", names), host_allowed("localhost", names), host_allowed("evil.example", names)
(True, True, False)
>>> host_allowed("maps.school.example", allowed_hosts("0.0.0.0", ["maps.school.example"]))
True
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

__all__ = ["allowed_hosts", "host_allowed", "host_name"]

_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_WILDCARDS = ("0.0.0.0", "::", "")


def allowed_hosts(bound: str, served_as: Iterable[str] = ()) -> frozenset[str]:
    """The host names a server bound to ``bound`` answers: that address, the loopback names when it is a loopback
    address, and each of ``served_as`` (the names it is served under).

    A server bound to every address (``0.0.0.0``) answers any IP address, and names only when listed.

    >>> sorted(allowed_hosts("localhost"))
    ['127.0.0.1', '::1', 'localhost']
    >>> sorted(allowed_hosts("0.0.0.0", ["Maps.Example"]))
    ['*ip', 'maps.example']
    """
    names = {n.strip().lower().strip("[]") for n in served_as if n.strip()}
    host = bound.strip().lower().strip("[]")
    if host in _WILDCARDS:
        names.add("*ip")
    elif host in _LOOPBACK_NAMES or _is_loopback(host):
        names.update(_LOOPBACK_NAMES)
        names.add(host)
    else:
        names.add(host)
    return frozenset(names)


def host_name(header: str) -> str:
    """The name in a ``Host`` header, without its port or IPv6 brackets, in lower case.

    >>> host_name("[::1]:8000"), host_name("Localhost:80"), host_name("example.org")
    ('::1', 'localhost', 'example.org')
    """
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value[1:]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def host_allowed(header: str | None, allowed: frozenset[str]) -> bool:
    """True when a request with this ``Host`` header (None: none sent) may be answered; any, when ``allowed`` is
    empty.

    >>> host_allowed(None, frozenset({"localhost"})), host_allowed("x", frozenset())
    (False, True)
    """
    if not allowed:
        return True
    if header is None:
        return False
    name = host_name(header)
    return name in allowed or ("*ip" in allowed and _is_ip(name))


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_loopback(name: str) -> bool:
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
