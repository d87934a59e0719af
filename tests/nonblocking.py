"""Run a call that must not block (on a FIFO, a device) with a deadline.

A regression that blocks must fail the test, not hang the suite: the call runs on a
daemon thread, and if it is still running at the deadline the test fails. Whoever
created the FIFO then opens its other end (``unblock``) so the stuck thread can end.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from typing import Any

DEADLINE = 3.0


def unblock(fifo: str | os.PathLike[str]) -> None:
    """Open both ends of ``fifo`` briefly, so a thread blocked opening it gets through."""
    with contextlib.suppress(OSError):
        fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # Linux: O_RDWR never blocks on a FIFO
        os.close(fd)


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
