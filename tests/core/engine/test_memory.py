"""The allocator tuning the engines rely on for flood throughput."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import fresh_python

#: A client session that receives ``sys.argv[1]`` bytes from a loopback server, then
#: stops; prints whether the allocator was tuned (and ctypes loaded) before and after.
RECEIVE_THEN_REPORT = """
import socket, sys, threading
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
def test_a_session_that_moves_a_mib_tunes_the_allocator():
    assert _receive(4 * 1024 * 1024) == ["False", str(4 * 1024 * 1024), "True", "True"]


def test_a_short_session_leaves_the_allocator_and_ctypes_alone():
    """A one-shot run moves a few bytes: it never pays for ctypes (cli_oneshot.py)."""
    assert _receive(1000) == ["False", "1000", "False", "False"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc mallopt is Linux-only")
def test_tuning_is_done_once():
    code = (
        "from netassistant.core.engine import memory\n"
        "assert memory._done is False\n"
        "print(memory.keep_freed_memory(), memory._done, memory.keep_freed_memory())\n"
    )
    assert fresh_python(code).split() == ["True", "True", "True"]
