"""Whether a session can be reached from other machines, said before it starts.

Most sessions bind loopback (``127.0.0.1``, ``::1``) or a Unix socket and are private to
this machine. A profile that listens on ``0.0.0.0``, ``::`` or a real interface address can
be reached by anyone on the network, which a user who opened a shared profile may not
expect: :func:`exposure_warning` says so in one sentence, for the CLI to print on stderr
and the window to show before the session runs. No name is resolved (that could block or
leak); a host name other than ``localhost`` is treated as possibly reachable.
"""

from __future__ import annotations

from netassistant.core.addressing import ip_version
from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.core.i18n import text

_LOCAL_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost", "ip6-loopback"})


def exposure_warning(config: SessionConfig) -> str | None:
    """A warning if ``config`` binds an address other machines can reach, else None.

    TCP servers and UDP sessions bind their local address; TCP clients only connect out,
    so they are never reported.

    Returns:
        E.g. ``this profile listens on 0.0.0.0:9000, reachable from other machines`` (a
        translatable Text), or None for loopback, Unix sockets and clients.
    """
    if config.family is Family.UNIX or config.kind is Kind.TCP_CLIENT:
        return None
    host = config.local_host
    if _is_loopback(host):
        return None
    if not host:
        host = "::" if config.family is Family.INET6 else "0.0.0.0"
    address = f"[{host}]:{config.local_port}" if ":" in host else f"{host}:{config.local_port}"
    if config.kind is Kind.UDP:
        return text(
            "this profile receives UDP on {address}, reachable from other machines",
            address=address,
        )
    return text("this profile listens on {address}, reachable from other machines", address=address)


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOCAL_NAMES:
        return True
    host = host.split("%", 1)[0]
    version = ip_version(host)
    if version == 6:
        import ipaddress

        return ipaddress.IPv6Address(host).is_loopback
    return version == 4 and host.startswith("127.")  # 127.0.0.0/8
