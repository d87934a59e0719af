"""A kernel-side filter for the wire's capture: only TCP segments to or from our ports.

The capture socket on ``lo`` is handed every packet of the machine's loopback traffic:
another program's 1.6 GB/s flood would be copied to it in full, fill its receive
buffer within microseconds and make the kernel drop the very segments a lesson is
about (the handshake, the FIN), and cost a Python wake-up and a parse per packet. A
classic BPF program (``SO_ATTACH_FILTER``) run by the kernel before it queues a packet
keeps only TCP segments whose source or destination port is one of this session's,
and only their first :data:`SNAPLEN` bytes (every header fits), so a foreign flood
costs the capture nothing.

Packets the program cannot judge cheaply are kept and left to the wire's own matching,
as before: IPv4 fragments and IPv6 packets with extension headers. Anything else that is
not TCP over IPv4/IPv6 is dropped.
"""

from __future__ import annotations

import ctypes
import socket
import struct
from collections.abc import Iterable

#: Bytes of each packet the kernel keeps (Ethernet 14 + IPv6 40 + TCP 60 fit).
SNAPLEN = 256
#: More ports than this and the program keeps every TCP segment (jump offsets are bytes).
MAX_PORTS = 16

SO_ATTACH_FILTER = 26  # linux/asm-generic/socket.h

# Classic BPF opcodes (linux/filter.h).
_LDH_ABS = 0x28  # A = u16 at [k]
_LDB_ABS = 0x30  # A = u8 at [k]
_LDXB_MSH = 0xB1  # X = 4 * ([k] & 0xf)
_LDH_IND = 0x48  # A = u16 at [X + k]
_JEQ = 0x15  # if A == k
_JSET = 0x45  # if A & k
_RET = 0x06  # return k (bytes kept; 0 drops)

_ETH_IPV4, _ETH_IPV6 = 0x0800, 0x86DD
_TCP, _UDP, _ICMPV6 = 6, 17, 58

# One instruction: (opcode, jump-if-true label, jump-if-false label, k). Labels are
# names resolved to relative offsets by _assemble; None means "the next instruction".
_Insn = tuple[int, str | None, str | None, int]


def program(ports: Iterable[int]) -> list[tuple[int, int, int, int]]:
    """The filter as ``(code, jt, jf, k)`` instructions for these ports (none: any TCP).

    Raises:
        ValueError: A port is outside 1..65535.
    """
    wanted = sorted(set(ports))
    if any(not 0 < port < 65536 for port in wanted):
        raise ValueError(f"ports must be 1..65535, got {wanted}")
    if len(wanted) > MAX_PORTS:
        wanted = []
    code: list[tuple[str | None, _Insn]] = []

    def put(insn: _Insn, label: str | None = None) -> None:
        code.append((label, insn))

    def match_ports(load: _Insn, *, last: bool) -> None:
        put(load)
        for i, port in enumerate(wanted):
            final = last and i == len(wanted) - 1
            put((_JEQ, "keep", "drop" if final else None, port))

    put((_LDH_ABS, None, None, 12))  # EtherType
    put((_JEQ, "v4", None, _ETH_IPV4))
    put((_JEQ, "v6", "drop", _ETH_IPV6))
    put((_LDB_ABS, None, None, 23), "v4")  # IPv4 protocol
    put((_JEQ, None, "drop", _TCP))
    put((_LDH_ABS, None, None, 20))  # flags and fragment offset
    put((_JSET, "keep", None, 0x1FFF))  # a later fragment: no TCP header to read
    if wanted:
        put((_LDXB_MSH, None, None, 14))  # X = IPv4 header length
        match_ports((_LDH_IND, None, None, 14), last=False)  # source port
        match_ports((_LDH_IND, None, None, 16), last=True)  # destination port
    else:
        put((_RET, None, None, SNAPLEN))
    put((_LDB_ABS, None, None, 20), "v6")  # IPv6 next header
    put((_JEQ, None, "v6other", _TCP))
    if wanted:
        match_ports((_LDH_ABS, None, None, 54), last=False)
        match_ports((_LDH_ABS, None, None, 56), last=True)
    else:
        put((_RET, None, None, SNAPLEN))
    put((_JEQ, "drop", None, _UDP), "v6other")
    put((_JEQ, "drop", "keep", _ICMPV6))  # extension headers: the wire decides
    put((_RET, None, None, SNAPLEN), "keep")
    put((_RET, None, None, 0), "drop")
    return _assemble(code)


def _assemble(code: list[tuple[str | None, _Insn]]) -> list[tuple[int, int, int, int]]:
    at = {label: i for i, (label, _) in enumerate(code) if label}
    out = []
    for i, (_, (op, true, false, k)) in enumerate(code):
        jt = at[true] - i - 1 if true else 0
        jf = at[false] - i - 1 if false else 0
        if not (0 <= jt < 256 and 0 <= jf < 256):  # pragma: no cover - MAX_PORTS bounds it
            raise ValueError("filter too long for a jump")
        out.append((op, jt, jf, k))
    return out


def attach(sock: socket.socket, ports: Iterable[int]) -> None:
    """Replace the filter of the capture ``sock`` (Linux); packets queued stay queued.

    Raises:
        OSError: The kernel refused the program.
    """
    insns = program(ports)
    raw = b"".join(struct.pack("HBBI", *insn) for insn in insns)
    buffer = ctypes.create_string_buffer(raw)
    # struct sock_fprog { unsigned short len; struct sock_filter *filter; }
    fprog = struct.pack("HL", len(insns), ctypes.addressof(buffer))
    sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, fprog)
