"""This machine's IP addresses on interfaces that are up, read from Linux's netlink.

The same list, in the same order, as Qt's ``QNetworkInterface.allAddresses()`` on Linux
(which asks netlink the same two questions: the links, then the addresses), without
loading QtNetwork: the settings column fills its "Local host" list from it when the
window opens, and QtNetwork (with the Kerberos libraries it links) was ~13 ms of a
launch. :func:`local_addresses` returns None where netlink cannot answer (another
system, a sandbox without it, a reply it cannot read); the caller then asks Qt.

Addresses are written as Qt writes them: IPv4 dotted, IPv6 compressed (RFC 5952), a
link-local IPv6 address with its interface as scope (``fe80::1%eth0``). No name is
looked up.

The netlink socket is made with ``_socket``, the C module under :mod:`socket`: the window
needs no other socket before its first paint, and ``socket`` (with ``selectors`` and the
enums it makes of every constant) was ~6 ms of a launch. Its families are the plain ints
that ``socket.AF_INET``/``AF_INET6`` equal.
"""

from __future__ import annotations

import _socket
import struct
import sys

_NETLINK_ROUTE = 0
_RTM_GETLINK = 18
_RTM_NEWLINK = 16
_RTM_GETADDR = 22
_RTM_NEWADDR = 20
_NLMSG_ERROR = 2
_NLMSG_DONE = 3
_NLM_F_REQUEST = 0x1
_NLM_F_DUMP = 0x300
_IFLA_IFNAME = 3
_IFA_ADDRESS = 1
_IFA_LOCAL = 2
_IFF_UP = 0x1
_RT_SCOPE_LINK = 253
_HEADER = struct.Struct("=LHHLL")  # nlmsghdr: length, type, flags, sequence, port id
_IFINFO = struct.Struct("=BxHiII")  # ifinfomsg: family, type, index, flags, change
_IFADDR = struct.Struct("=BBBBI")  # ifaddrmsg: family, prefix length, flags, scope, index
_ATTR = struct.Struct("=HH")  # rtattr: length, type
#: A dump longer than this is not a machine's interface list: stop reading (bounded).
_MAX_BYTES = 4 * 1024 * 1024


def local_addresses() -> list[tuple[int, str]] | None:
    """``(AF_INET or AF_INET6, address)`` of every interface that is up, or None.

    Interfaces in the kernel's order (by index), each one's IPv4 addresses before its
    IPv6 ones, as ``QNetworkInterface.allAddresses()`` lists them on Linux.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        sock = _socket.socket(_socket.AF_NETLINK, _socket.SOCK_RAW, _NETLINK_ROUTE)
        try:
            sock.settimeout(1.0)
            links = _dump(sock, _RTM_GETLINK, 1, _RTM_NEWLINK)
            addresses = _dump(sock, _RTM_GETADDR, 2, _RTM_NEWADDR)
        finally:
            sock.close()
    except (OSError, ValueError, struct.error):
        return None
    names: dict[int, str] = {}
    up: list[int] = []
    for payload in links:
        _family, _type, index, flags, _change = _IFINFO.unpack_from(payload)
        name = _attributes(payload, _IFINFO.size).get(_IFLA_IFNAME, b"")
        names[index] = name.split(b"\0", 1)[0].decode("utf-8", "replace")
        if flags & _IFF_UP:
            up.append(index)
    per_interface: dict[int, list[tuple[int, str]]] = {index: [] for index in up}
    for payload in addresses:
        family, _prefix, _flags, scope, index = _IFADDR.unpack_from(payload)
        if index not in per_interface or family not in (_socket.AF_INET, _socket.AF_INET6):
            continue
        attributes = _attributes(payload, _IFADDR.size)
        # IFA_LOCAL is our end of a point-to-point link (IFA_ADDRESS is then the peer's).
        raw = attributes.get(_IFA_LOCAL) or attributes.get(_IFA_ADDRESS)
        if raw is None:
            continue
        text = _socket.inet_ntop(family, raw)
        if family == _socket.AF_INET6 and scope == _RT_SCOPE_LINK:
            text += "%" + names.get(index, str(index))
        per_interface[index].append((family, text))
    return [entry for index in up for entry in per_interface[index]]


def _dump(sock: _socket.socket, request: int, sequence: int, answer: int) -> list[bytes]:
    """Send one dump ``request`` (family AF_UNSPEC); the payloads of its ``answer`` messages.

    Raises:
        OSError: netlink refused or the reply did not end within the bounds.
    """
    body = _IFINFO.pack(0, 0, 0, 0, 0) if request == _RTM_GETLINK else _IFADDR.pack(0, 0, 0, 0, 0)
    header = _HEADER.pack(
        _HEADER.size + len(body), request, _NLM_F_REQUEST | _NLM_F_DUMP, sequence, 0
    )
    sock.sendall(header + body)
    payloads: list[bytes] = []
    received = 0
    while received < _MAX_BYTES:
        data = sock.recv(65536)
        if not data:
            break
        received += len(data)
        offset = 0
        while offset + _HEADER.size <= len(data):
            length, kind, _flags, seq, _port = _HEADER.unpack_from(data, offset)
            if length < _HEADER.size or offset + length > len(data):
                raise OSError("a netlink message overruns its datagram")
            if seq == sequence:
                if kind == _NLMSG_DONE:
                    return payloads
                if kind == _NLMSG_ERROR:
                    raise OSError("netlink answered with an error")
                if kind == answer:
                    payloads.append(data[offset + _HEADER.size : offset + length])
            offset += (length + 3) & ~3
    raise OSError("the netlink dump did not end")


def _attributes(payload: bytes, start: int) -> dict[int, bytes]:
    """The rtattr values after a message's fixed part (the first of each type)."""
    out: dict[int, bytes] = {}
    offset = (start + 3) & ~3
    while offset + _ATTR.size <= len(payload):
        length, kind = _ATTR.unpack_from(payload, offset)
        if length < _ATTR.size:
            break
        out.setdefault(kind, payload[offset + _ATTR.size : offset + length])
        offset += (length + 3) & ~3
    return out
