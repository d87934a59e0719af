"""Keep freed receive buffers in the heap instead of handing them back to the kernel.

Under a flood every ``recv()`` allocates a fresh buffer (up to 1 MiB) and the batch
that held it is freed a moment later. With glibc's defaults the freed top of the heap
is returned to the kernel as soon as it exceeds 128 KiB, so the next buffers fault in
freshly zeroed pages: measured on loopback at a 64 KiB recv size, that alone cost about
half the throughput (engine 0.47 of a raw recv loop with the defaults, 0.93-1.12 with a
larger trim threshold; ``tests/benchmarks/engine_throughput.py``). Raising the trim
threshold and top pad keeps a bounded amount of freed memory for reuse.

Linux with glibc only; elsewhere this does nothing. It is process-wide and idempotent.
An engine calls it once its session has moved its first MiB of data (``Engine._flush``),
so a short session (a one-shot CLI send) never loads this module, nor ctypes.
"""

from __future__ import annotations

import ctypes
import sys

#: glibc's mallopt() parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_TOP_PAD = -2
#: glibc's soname on every Linux architecture it supports today.
GLIBC_SONAME = "libc.so.6"
#: Freed heap kept before trimming (bounded: RSS stays within the flood target).
TRIM_THRESHOLD = 128 * 1024 * 1024
TOP_PAD = 16 * 1024 * 1024

_done = False


def keep_freed_memory() -> bool:
    """Tune glibc's allocator once for this process.

    Returns:
        True if the allocator was tuned (now or earlier), False where it cannot be.
    """
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux"):
        return False
    libc = _libc()
    if libc is None:
        return False
    try:
        mallopt = libc.mallopt
    except AttributeError:  # not glibc (e.g. musl has no mallopt)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    ok = bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)) and bool(mallopt(_M_TOP_PAD, TOP_PAD))
    _done = ok
    return ok


def _libc() -> ctypes.CDLL | None:
    """The C library, or None where it cannot be loaded.

    glibc's soname first: that is a plain dlopen(). ``ctypes.util.find_library`` is the
    fallback for other C libraries; it imports subprocess, shutil and tempfile and runs
    ``ldconfig -p``, which costs a one-shot CLI run several milliseconds.
    """
    try:
        return ctypes.CDLL(GLIBC_SONAME)
    except OSError:
        pass
    from ctypes.util import find_library

    name = find_library("c")
    if not name:
        return None
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None
