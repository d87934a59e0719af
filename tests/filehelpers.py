"""File helpers for tests: a deadline for calls that must not block, and a full disk.

:func:`finishes` runs a call that must not block (on a FIFO, a device) with a deadline. A
regression that blocks must fail the test, not hang the suite: the call runs on a
daemon thread, and if it is still running at the deadline the test fails. Whoever
created the FIFO then opens its other end (``unblock``) so the stuck thread can end.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

DEADLINE = 3.0


def unblock(fifo: str | os.PathLike[str]) -> None:
    """Open both ends of ``fifo`` briefly, so a thread blocked opening it gets through."""
    with contextlib.suppress(OSError):
        fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # Linux: O_RDWR never blocks on a FIFO
        os.close(fd)


@contextlib.contextmanager
def unblocked_after_deadline(fifo: str | os.PathLike[str]) -> Iterator[None]:
    """Fail if the block takes longer than the deadline, unblocking a stuck FIFO open.

    For calls that must stay on the calling thread (widgets live on the GUI thread): a
    timer opens the FIFO's other end at the deadline, so a blocking regression ends and
    the test fails instead of hanging.
    """
    fired = threading.Event()

    def rescue() -> None:
        fired.set()
        unblock(fifo)

    timer = threading.Timer(DEADLINE, rescue)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
    assert not fired.is_set(), f"blocked on {fifo} for {DEADLINE} s"


def finishes(fn: Callable[..., Any], *args: Any, fifo: Any = None, **kwargs: Any) -> Any:
    """Return ``fn(*args, **kwargs)``, or re-raise what it raised; fail if it blocks."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = fn(*args, **kwargs)
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(DEADLINE)
    if thread.is_alive():
        if fifo is not None:
            unblock(fifo)
        raise AssertionError(f"{getattr(fn, '__name__', fn)} blocked for {DEADLINE} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def fill_disk(capture: Any) -> None:
    """Make every later write of a capture fail with ENOSPC, as on a full disk.

    Captures refuse devices such as ``/dev/full`` when they open, so the test opens a real
    file and then puts ``/dev/full`` behind the capture's descriptor.
    """
    full = os.open("/dev/full", os.O_WRONLY)
    try:
        os.dup2(full, capture._file.fileno())
    finally:
        os.close(full)
