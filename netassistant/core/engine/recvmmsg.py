"""Linux ``recvmmsg(2)`` through ctypes: many datagrams per system call.

Why: under a datagram flood the engine spent over half its time in one
``recvmsg()`` per datagram (py-spy, 64-byte datagrams on loopback). ``recvmmsg``
fills up to ``count`` buffers in one call; Python's :mod:`socket` has no binding
for it, so this is a small one over the C library.

One :class:`DatagramBatch` owns the buffers (``count`` slots of ``size`` bytes plus
room for each sender's address) and is reused for every call, so receiving
allocates nothing but the ``bytes`` of each datagram.

Linux only: :data:`AVAILABLE` is False elsewhere (and where the C library lacks
the call), and the engine keeps its one-``recvfrom_into()``-per-datagram path.
"""

from __future__ import annotations

import ctypes
import errno
import os
import socket
import struct
import sys
from typing import Any

#: Bytes kept for each sender's address: ``sizeof(struct sockaddr_storage)``.
NAME_SIZE = 128


class _IoVec(ctypes.Structure):
    _fields_ = (("iov_base", ctypes.c_void_p), ("iov_len", ctypes.c_size_t))


class _MsgHdr(ctypes.Structure):
    # The kernel's struct user_msghdr; glibc's and musl's layouts are the same bytes.
    _fields_ = (
        ("msg_name", ctypes.c_void_p),
        ("msg_namelen", ctypes.c_uint32),
        ("msg_iov", ctypes.POINTER(_IoVec)),
        ("msg_iovlen", ctypes.c_size_t),
        ("msg_control", ctypes.c_void_p),
        ("msg_controllen", ctypes.c_size_t),
        ("msg_flags", ctypes.c_int),
    )


class _MMsgHdr(ctypes.Structure):
    _fields_ = (("msg_hdr", _MsgHdr), ("msg_len", ctypes.c_uint))


def _load() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the process's own C library
        fn = libc.recvmmsg
    except (OSError, AttributeError):
        return None
    fn.argtypes = (ctypes.c_int, ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_void_p)
    fn.restype = ctypes.c_int
    return fn


_recvmmsg = _load()
#: True where :meth:`DatagramBatch.receive` works (Linux with recvmmsg in its C library).
AVAILABLE = _recvmmsg is not None

_STRIDE = ctypes.sizeof(_MMsgHdr)
# Offsets of the fields the kernel writes, counted in 32-bit words (all are 4-byte aligned),
# so a whole batch of them is read with one strided slice of a uint32 view.
_NAMELEN_WORD = _MMsgHdr.msg_hdr.offset // 4 + _MsgHdr.msg_namelen.offset // 4
_LEN_WORD = _MMsgHdr.msg_len.offset // 4
_STRIDE_WORDS = _STRIDE // 4
_FAMILY = struct.Struct("=H")  # sa_family_t, the first field of every sockaddr
# A plain int: or-ing socket.MsgFlag members runs the enum module's Python code per call.
_DONTWAIT = int(getattr(socket, "MSG_DONTWAIT", 0))


class DatagramBatch:
    """Buffers for up to ``count`` datagrams of up to ``size`` bytes, filled by one call.

    After :meth:`receive` returned ``n``, datagram ``i`` (``i < n``) is
    ``slots[i][:min(lengths(n)[i], size)]`` and came from the address in
    :meth:`name`. With ``MSG_TRUNC`` in the flags a length is the datagram's true
    size, which may exceed ``size`` (the slot holds its first ``size`` bytes).

    Attributes:
        count: Datagrams per call at most.
        size: Bytes per datagram slot.
        slots: One writable memoryview per slot, over one shared buffer.
    """

    def __init__(self, count: int, size: int) -> None:
        if count < 1 or size < 1:
            raise ValueError(f"a batch needs at least one slot of one byte, not {count} x {size}")
        if not AVAILABLE:
            raise OSError(errno.ENOSYS, "recvmmsg() is not available on this system")
        self.count = count
        self.size = size
        self._payload = bytearray(count * size)
        self._names = bytearray(count * NAME_SIZE)
        payload = (ctypes.c_char * len(self._payload)).from_buffer(self._payload)
        names = (ctypes.c_char * len(self._names)).from_buffer(self._names)
        self._iovecs = (_IoVec * count)()
        self._headers = (_MMsgHdr * count)()
        base, name_base = ctypes.addressof(payload), ctypes.addressof(names)
        for i in range(count):
            self._iovecs[i].iov_base = base + i * size
            self._iovecs[i].iov_len = size
            hdr = self._headers[i].msg_hdr
            hdr.msg_name = name_base + i * NAME_SIZE
            hdr.msg_namelen = NAME_SIZE
            hdr.msg_iov = ctypes.pointer(self._iovecs[i])
            hdr.msg_iovlen = 1
        self._keep = (payload, names)  # the ctypes views pin the bytearrays' memory
        # The kernel overwrites msg_namelen with each sender's address length: a pristine
        # copy of the headers is put back before every call (one memmove).
        self._pristine = bytes(self._headers)
        self._address = ctypes.addressof(self._headers)  # plain ints convert fastest
        self._words = memoryview(self._headers).cast("B").cast("I")
        view = memoryview(self._payload)
        self.slots = [view[i * size : (i + 1) * size] for i in range(count)]
        self._used = count

    def receive(self, fd: int, flags: int, count: int = 0) -> int:
        """Receive up to ``count`` (default: all slots) datagrams without blocking.

        Args:
            fd: A datagram socket's file descriptor.
            flags: ``recv`` flags as an int, e.g. ``int(socket.MSG_TRUNC)``; ``MSG_DONTWAIT``
                is added.
            count: At most this many datagrams (0: as many as there are slots).

        Returns:
            How many datagrams arrived (at least 1).

        Raises:
            BlockingIOError: Nothing is waiting.
            OSError: The socket reported an error (e.g. ECONNREFUSED after an ICMP error).
        """
        want = min(count or self.count, self.count)
        ctypes.memmove(self._address, self._pristine, self._used * _STRIDE)
        n: int = _recvmmsg(fd, self._address, want, flags | _DONTWAIT, None)
        if n < 0:
            code = ctypes.get_errno()
            self._used = want
            raise OSError(code, os.strerror(code))
        self._used = n
        return n

    def lengths(self, n: int) -> list[int]:
        """The byte counts of the first ``n`` datagrams of the last call."""
        return self._words[_LEN_WORD::_STRIDE_WORDS][:n].tolist()

    def name_lengths(self, n: int) -> list[int]:
        """The address lengths of the first ``n`` datagrams of the last call."""
        return self._words[_NAMELEN_WORD::_STRIDE_WORDS][:n].tolist()

    def names_match(self, n: int, pattern: bytes) -> bool:
        """True if the first ``n`` address slots all hold ``pattern`` (see :meth:`slot_pattern`).

        One comparison for a whole batch: under a flood from one sender this is what
        tells the engine it can reuse the last formatted address.
        """
        return self._names[: n * NAME_SIZE] == pattern[: n * NAME_SIZE]

    def slot_pattern(self, raw: bytes) -> bytes:
        """What :meth:`names_match` compares against: ``raw`` in every slot, zero-padded."""
        return raw.ljust(NAME_SIZE, b"\0") * self.count

    def name(self, i: int, length: int) -> bytes:
        """The raw address (``struct sockaddr``) datagram ``i`` came from.

        The slot is cleared afterwards, so that a shorter address written there later
        (AF_UNIX paths vary in length) still matches its :meth:`slot_pattern`.
        """
        start = i * NAME_SIZE
        raw = bytes(self._names[start : start + length])
        self._names[start : start + NAME_SIZE] = bytes(NAME_SIZE)
        return raw


def decode_address(raw: bytes) -> Any:
    """A raw ``struct sockaddr`` as Python's ``recvfrom()`` would return it.

    ``(host, port)`` for IPv4, ``(host, port, flowinfo, scope_id)`` for IPv6, a
    path string or (Linux abstract names) ``bytes`` for AF_UNIX, None for an
    unnamed sender.
    """
    if len(raw) < _FAMILY.size:
        return None
    (family,) = _FAMILY.unpack_from(raw)
    if family == socket.AF_INET:
        port, host = struct.unpack_from("!H4s", raw, 2)
        return socket.inet_ntop(socket.AF_INET, host), port
    if family == socket.AF_INET6:
        port, flowinfo, host = struct.unpack_from("!HI16s", raw, 2)
        (scope_id,) = struct.unpack_from("=I", raw, 24)
        text = socket.inet_ntop(socket.AF_INET6, host)
        if scope_id:
            # Python names the scope as getnameinfo() does ("fe80::1%eth0"); so do we.
            flags = socket.NI_NUMERICHOST | socket.NI_NUMERICSERV
            text = socket.getnameinfo((text, port, flowinfo, scope_id), flags)[0]
        return text, port, flowinfo, scope_id
    if family == getattr(socket, "AF_UNIX", -1):
        path = raw[_FAMILY.size :]
        if path[:1] == b"\0":
            return path  # an abstract name: bytes, as Python gives it
        return os.fsdecode(path.split(b"\0", 1)[0])
    return family, raw[_FAMILY.size :]
