"""Addressing options of a session: multicast joins and interfaces, dual-stack, unmapping.

Everything here is pure data and socket-option packing, so the engine, the CLI and the
window share one reading of ``GROUP[@IFACE]`` and one list of the machine's interfaces.
Interfaces are named by what the kernel says (``socket.if_nameindex()``, the addresses of
each from ``ioctl``/``/proc``); no name is ever looked up in DNS.

``socket`` is imported by the functions that use it: every config check reads its hosts
with :func:`ip_version` (pure text), and the window's first paint needs no socket module
(with ``selectors`` and the enums it makes of every constant, ~6 ms of a launch).
"""

from __future__ import annotations

import contextlib
import struct
import sys

from netassistant.core.i18n import text
from netassistant.core.records import FrozenRecord
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    import socket

    from netassistant.core.config import SessionConfig

_SIOCGIFADDR = 0x8915  # Linux: the IPv4 address of an interface


class Interface(FrozenRecord):
    """One network interface of this machine.

    Attributes:
        index: The kernel's interface index (``if_nametoindex``).
        name: Its name, e.g. ``lo`` or ``eth0``.
        addresses: Its IPv4 and IPv6 addresses as strings (may be empty).
    """

    # A record (see netassistant.core.records): every session's config check loads this.
    __slots__ = ("index", "name", "addresses")  # noqa: RUF023 (fields in order)
    index: int
    name: str
    addresses: tuple[str, ...]

    def __init__(self, index: int, name: str, addresses: tuple[str, ...] = ()) -> None:
        """Keep the fields (see the class docstring)."""
        self._fill(index, name, addresses)


class Membership(FrozenRecord):
    """A multicast group to join, with the interface to join it on.

    Attributes:
        group: The group address, e.g. ``239.1.2.3`` or ``ff02::1:3``.
        interface: As the user wrote it ("" lets the kernel choose): a name, an index or
            an address of this machine.
    """

    __slots__ = ("group", "interface")
    group: str
    interface: str

    def __init__(self, group: str, interface: str = "") -> None:
        """Keep the fields (see the class docstring)."""
        self._fill(group, interface)

    def __str__(self) -> str:
        return f"{self.group}@{self.interface}" if self.interface else self.group


class AddressingError(ValueError):
    """A multicast spec or interface is wrong; ``args[0]`` is a translatable message."""


def ip_version(value: str) -> int | None:
    """4 or 6 if ``value`` is an IP address as ``ipaddress.ip_address`` reads it, else None.

    Every session checks its hosts, and most are IPv4 (``127.0.0.1``): those are read here
    by ipaddress's own rules (four decimal parts 0-255, no leading zeros), so such a
    session never loads ipaddress. Anything with a colon is left to ipaddress.
    """
    if ":" in value:
        import ipaddress

        try:
            return ipaddress.ip_address(value).version
        except ValueError:
            return None
    parts = value.split(".")
    if len(parts) == 4 and all(
        part.isascii()
        and part.isdigit()
        and len(part) <= 3
        and (part == "0" or part[0] != "0")
        and int(part) <= 255
        for part in parts
    ):
        return 4
    return None


def interfaces() -> list[Interface]:
    """The machine's interfaces with their addresses, ordered by index."""
    import socket

    try:
        pairs = socket.if_nameindex()
    except OSError:
        return []
    v6 = _ipv6_addresses()
    out = []
    for index, name in sorted(pairs):
        addrs = [a for a in (_ipv4_address(name),) if a]
        addrs.extend(v6.get(name, ()))
        out.append(Interface(index, name, tuple(addrs)))
    return out


def _ipv4_address(name: str) -> str:
    if not sys.platform.startswith("linux"):
        return ""
    import fcntl
    import socket

    with (
        contextlib.suppress(OSError),
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock,
    ):
        packed = struct.pack("256s", name.encode()[:15])
        result = fcntl.ioctl(sock.fileno(), _SIOCGIFADDR, packed)
        return socket.inet_ntoa(result[20:24])
    return ""


def _ipv6_addresses() -> dict[str, list[str]]:
    """Interface name -> IPv6 addresses, from ``/proc/net/if_inet6`` (Linux)."""
    import ipaddress

    out: dict[str, list[str]] = {}
    with contextlib.suppress(OSError), open("/proc/net/if_inet6", encoding="ascii") as fh:
        for line in fh:
            fields = line.split()
            if len(fields) >= 6:
                with contextlib.suppress(ValueError):
                    addr = str(ipaddress.IPv6Address(int(fields[0], 16)))
                    out.setdefault(fields[5], []).append(addr)
    return out


def parse_membership(spec: str) -> Membership:
    """Read ``GROUP[@IFACE]`` (``239.1.2.3@lo``, ``ff02::1:3@2``, ``239.1.2.3@127.0.0.1``).

    Raises:
        AddressingError: the group is not a multicast address or the spec is empty.
    """
    import ipaddress

    group, _, iface = spec.strip().partition("@")
    group = group.strip()
    try:
        address = ipaddress.ip_address(group)
    except ValueError:
        raise AddressingError(
            text(
                "{group!r} is not an IP address; write a multicast group such as 239.1.2.3"
                " or ff02::1:3, optionally @interface",
                group=group,
            )
        ) from None
    if not address.is_multicast:
        raise AddressingError(
            text("{group} is not a multicast address (224.0.0.0/4 or ff00::/8)", group=str(address))
        )
    return Membership(str(address), iface.strip())


def interface_index(iface: str) -> int:
    """The kernel index of ``iface`` (a name, a number or one of this machine's addresses).

    Raises:
        AddressingError: no interface of this machine has that name, index or address.
    """
    import socket

    if not iface:
        return 0
    if iface.isdigit():
        return int(iface)
    with contextlib.suppress(OSError):
        return socket.if_nametoindex(iface)
    for item in interfaces():
        if iface in item.addresses:
            return item.index
    names = ", ".join(item.name for item in interfaces())
    raise AddressingError(
        text(
            "no interface {iface!r} on this machine; use one of: {names}",
            iface=iface,
            names=names or "-",
        )
    )


def membership_request(member: Membership, family: int) -> tuple[int, int, bytes]:
    """(level, join option, value) to join ``member``; see :func:`leave_option`.

    IPv4 uses ``ip_mreqn`` (group, local address, interface index): an IPv4 address of
    this machine goes into the address field, a name into the index. IPv6 uses
    ``ipv6_mreq`` (group, interface index).

    Raises:
        AddressingError: the group's family differs from the socket's, or no such interface.
    """
    import socket

    version = ip_version(member.group)
    if (version == 6) != (family == socket.AF_INET6):
        raise AddressingError(
            text(
                "{group} is an IPv{version} group; this socket is IPv{other}",
                group=member.group,
                version=version,
                other=6 if family == socket.AF_INET6 else 4,
            )
        )
    if family == socket.AF_INET6:
        index = interface_index(member.interface)
        mreq = socket.inet_pton(socket.AF_INET6, member.group) + struct.pack("@I", index)
        return socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, mreq
    local, index = "0.0.0.0", 0
    if _is_ipv4(member.interface):
        local = member.interface
    else:
        index = interface_index(member.interface)
    mreq = socket.inet_aton(member.group) + socket.inet_aton(local) + struct.pack("@i", index)
    return socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq


def leave_option(family: int) -> int:
    """The option that undoes :func:`membership_request`'s join."""
    import socket

    return socket.IPV6_LEAVE_GROUP if family == socket.AF_INET6 else socket.IP_DROP_MEMBERSHIP


def apply_send_options(sock: socket.socket, config: SessionConfig) -> None:
    """Multicast TTL (hops) and loopback of a UDP socket, as the config asks.

    A TTL of 0 keeps the system's default (1, the local network only).
    """
    import socket

    if sock.family == socket.AF_INET6:
        if config.multicast_ttl:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, config.multicast_ttl)
        loop = 1 if config.multicast_loop else 0
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_LOOP, loop)
    elif sock.family == socket.AF_INET:
        if config.multicast_ttl:
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, config.multicast_ttl)
        sock.setsockopt(
            socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 1 if config.multicast_loop else 0
        )


def set_send_interface(sock: socket.socket, iface: str) -> None:
    """Send multicast out of ``iface`` (``IP_MULTICAST_IF`` / ``IPV6_MULTICAST_IF``)."""
    import socket

    if sock.family == socket.AF_INET6:
        index = interface_index(iface)
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, index)
        return
    if _is_ipv4(iface):
        mreqn = socket.inet_aton("0.0.0.0") + socket.inet_aton(iface) + struct.pack("@i", 0)
    else:
        mreqn = socket.inet_aton("0.0.0.0") * 2 + struct.pack("@i", interface_index(iface))
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, mreqn)


def check_config(config: SessionConfig) -> None:
    """The addressing fields of a config; raise ``ConfigError`` naming the bad one."""
    from netassistant.core.config import ConfigError, Family, Kind

    if not isinstance(config.multicast_joins, list) or not all(
        isinstance(item, str) for item in config.multicast_joins
    ):
        raise ConfigError("multicast_joins", text("must be a list of strings"))
    ttl = config.multicast_ttl
    if isinstance(ttl, bool) or not isinstance(ttl, int) or not 0 <= ttl <= 255:
        raise ConfigError("multicast_ttl", text("must be a whole number from 0 to 255"))
    if not isinstance(config.multicast_if, str):
        raise ConfigError("multicast_if", text("must be a string"))
    if config.dual_stack and config.family is not Family.INET6:
        raise ConfigError(
            "dual_stack", text("dual-stack is for inet6 sessions (a socket on :: or ::0)")
        )
    if config.pktinfo and config.kind is not Kind.UDP:
        raise ConfigError("pktinfo", text("the receiving address is shown for UDP sessions"))
    if config.multicast_joins and config.kind is not Kind.UDP:
        raise ConfigError("multicast_joins", text("broadcast and multicast are for UDP sessions"))
    if config.multicast_joins and config.family is Family.UNIX:
        raise ConfigError(
            "multicast_joins", text("broadcast and multicast need inet or inet6, not unix")
        )
    if not config.multicast_joins:
        return
    import socket

    family = socket.AF_INET6 if config.family is Family.INET6 else socket.AF_INET
    for spec in config.multicast_joins:
        try:
            member = parse_membership(spec)
            membership_request(member, family)
        except AddressingError as exc:
            raise ConfigError("multicast_joins", exc.args[0]) from None


def _is_ipv4(value: str) -> bool:
    return ip_version(value) == 4
