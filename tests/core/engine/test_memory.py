"""The allocator and collector tuning the engines rely on for flood throughput."""

from __future__ import annotations

import subprocess
import sys

import pytest

from netassistant.core.collector import YOUNG_THRESHOLD, collect_young_less_often
from tests.helpers import fresh_python

#: A client session that receives ``sys.argv[1]`` bytes from a loopback server, then
#: stops; prints whether the allocator was tuned (and ctypes loaded) before and after, and
#: the collector's thresholds before and after.
RECEIVE_THEN_REPORT = """
import gc, socket, sys, threading
from netassistant.core.chunk import EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine import create_engine

size = int(sys.argv[1])
srv = socket.create_server(("127.0.0.1", 0))
srv.settimeout(30)
config = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=srv.getsockname()[1])
got = [0]
done = threading.Event()

def sink(batch):
    got[0] += sum(len(e.data) for e in batch if hasattr(e, "data"))
    if got[0] >= size or any(getattr(e, "kind", None) is EventKind.CLOSED for e in batch):
        done.set()

engine = create_engine(config, sink)
thresholds = gc.get_threshold()
before = "ctypes" in sys.modules or "netassistant.core.engine.memory" in sys.modules
thread = threading.Thread(target=engine.run)
thread.start()
conn, _ = srv.accept()
conn.sendall(b"x" * size)
done.wait(30)
engine.stop()
thread.join(30)
conn.close()
ctypes_loaded = "ctypes" in sys.modules
from netassistant.core.engine import memory
print(before, got[0], memory._done, ctypes_loaded)
print(*thresholds)
print(*gc.get_threshold())
"""


def _receive(size: int) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", RECEIVE_THEN_REPORT, str(size)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc mallopt is Linux-only")
def test_a_session_that_moves_a_mib_tunes_the_allocator_and_the_collector():
    out = _receive(4 * 1024 * 1024)
    assert out[:4] == ["False", str(4 * 1024 * 1024), "True", "True"]
    young, middle, old = map(int, out[4:7])  # CPython's defaults (700 on 3.11, 3.12)
    assert young < YOUNG_THRESHOLD
    assert out[7:] == [str(YOUNG_THRESHOLD), str(middle), str(old)], "young ones less often"


def test_a_short_session_leaves_the_allocator_the_collector_and_ctypes_alone():
    """A one-shot run moves a few bytes: it never pays for ctypes (cli_oneshot.py)."""
    out = _receive(1000)
    assert out[:4] == ["False", "1000", "False", "False"]
    assert int(out[4]) < YOUNG_THRESHOLD, "CPython's default, which the tuning would raise"
    assert out[4:7] == out[7:], "the collector's thresholds as they were"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ((700, 10, 10), (YOUNG_THRESHOLD, 10, 10)),
        ((700, 5, 2**31 - 1), (YOUNG_THRESHOLD, 5, 2**31 - 1)),  # the window's flood pause
        ((50_000, 10, 10), (50_000, 10, 10)),  # the program chose a higher one: kept
        ((0, 10, 10), (0, 10, 10)),  # 0 turns automatic collection off: left off
    ],
)
def test_collect_young_less_often(before, after):
    import gc

    saved = gc.get_threshold()
    try:
        gc.set_threshold(*before)
        collect_young_less_often()
        assert gc.get_threshold() == after
        collect_young_less_often()
        assert gc.get_threshold() == after, "idempotent"
    finally:
        gc.set_threshold(*saved)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc mallopt is Linux-only")
def test_tuning_is_done_once():
    code = (
        "from netassistant.core.engine import memory\n"
        "assert memory._done is False\n"
        "print(memory.keep_freed_memory(), memory._done, memory.keep_freed_memory())\n"
    )
    assert fresh_python(code).split() == ["True", "True", "True"]
