"""A server at its limits: out of file descriptors, accept queue full, many clients at once."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import select
import socket
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from netassistant.core.chunk import ConnEvent, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine.accepting import FD_RESERVE
from tests.helpers import TIMEOUT, running

pytestmark = pytest.mark.skipif(
    not os.path.exists("/proc/self/stat"), reason="measures CPU time and reads /proc (Linux)"
)

FD_LIMIT = 128
CLIENTS = 150

# The server runs in a child process whose soft RLIMIT_NOFILE is lowered; it prints its
# events as JSON lines and obeys "fill" (take every free descriptor), "free" and "stop".
CHILD = textwrap.dedent(
    f"""
    import json, os, resource, sys, threading
    from netassistant.core.chunk import ConnEvent
    from netassistant.core.config import Kind, SessionConfig
    from netassistant.core.engine import create_engine

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, ({FD_LIMIT}, hard))
    lock = threading.Lock()

    def say(**record):
        with lock:
            sys.stdout.write(json.dumps(record) + "\\n")
            sys.stdout.flush()

    def sink(batch):
        for ev in batch:
            if isinstance(ev, ConnEvent):
                say(kind=ev.kind.value, conn=ev.conn_id, message=str(ev.message))

    engine = create_engine(SessionConfig(kind=Kind.TCP_SERVER).validate(), sink)
    thread = threading.Thread(target=engine.run)
    thread.start()
    engine.opened.wait(10)
    say(port=engine.port)
    fillers = []
    for line in sys.stdin:
        if line.strip() == "fill":
            try:
                while True:
                    fillers.append(os.open(os.devnull, os.O_RDONLY))
            except OSError:
                pass
            say(filled=len(fillers))
        elif line.strip() == "free":
            for fd in fillers:
                os.close(fd)
            fillers.clear()
            say(freed=True)
        else:
            break
    engine.stop()
    thread.join(10)
    """
)


class Child:
    """The server process, its events, and its CPU time."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CHILD],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
        )
        self.records: list[dict] = []
        # A reader thread, because select() on a buffered pipe misses lines already read ahead.
        self._lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read_lines, daemon=True)
        self._reader.start()
        self.port = self.wait_for(lambda r: "port" in r)["port"]

    def _read_lines(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put("")

    def tell(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def wait_for(self, predicate, timeout: float = 10.0) -> dict:
        for record in self.records:
            if predicate(record):
                return record
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if not line:
                break
            record = json.loads(line)
            self.records.append(record)
            if predicate(record):
                return record
        raise AssertionError(f"timed out; child said: {self.records!r}")

    def kinds(self, kind: str) -> list[dict]:
        return [r for r in self.records if r.get("kind") == kind]

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.proc.pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.tell("stop")
        try:
            self.proc.wait(10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(5)
            self._reader.join(5)
            for pipe in (self.proc.stdin, self.proc.stdout):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()


def connect_many(port: int, count: int) -> list[socket.socket]:
    clients = []
    for _ in range(count):
        c = socket.socket()
        c.setblocking(False)
        c.connect_ex(("127.0.0.1", port))
        clients.append(c)
    return clients


def assert_idle_for_two_seconds(child: Child) -> None:
    before = child.cpu_seconds()
    time.sleep(2.0)
    used = child.cpu_seconds() - before
    # A loop spinning on EMFILE uses ~100 % of a core; backing off uses next to nothing.
    assert used < 0.3, f"the server used {used:.2f} s of CPU in 2 s while out of descriptors"


@pytest.mark.parametrize("mode", ["reserve", "exhausted"])
def test_out_of_descriptors_backs_off_reports_once_and_resumes(mode):
    """Out of descriptors, two ways.

    ``reserve``: the engine stops short of the last FD_RESERVE descriptors itself.
    ``exhausted``: something else took every descriptor, so accept() fails with EMFILE.
    """
    child = Child()
    clients: list[socket.socket] = []
    try:
        if mode == "exhausted":
            child.tell("fill")
            child.wait_for(lambda r: "filled" in r)
        clients = connect_many(child.port, CLIENTS)
        error = child.wait_for(lambda r: r.get("kind") == "error")
        assert error["message"].startswith("cannot accept more clients: the process is near its ")
        assert f"limit of {FD_LIMIT} open files" in error["message"]
        time.sleep(0.5)  # the first back-off steps
        assert_idle_for_two_seconds(child)

        # Free descriptors: close accepted clients (reserve) or drop the fillers (exhausted).
        if mode == "exhausted":
            child.tell("free")
            child.wait_for(lambda r: "freed" in r)
        else:
            for c in clients[:10]:
                c.close()
            child.wait_for(lambda r: len(child.kinds("closed")) >= 10)
        late = socket.create_connection(("127.0.0.1", child.port), timeout=TIMEOUT)
        clients.append(late)
        resumed = child.wait_for(lambda r: r.get("message", "").startswith("accepting clients"))
        at = child.records.index(resumed)
        accepted_before = len([r for r in child.records[:at] if r.get("kind") == "accepted"])
        child.wait_for(lambda r: len(child.kinds("accepted")) > accepted_before)  # the late one
        assert len(child.kinds("error")) == 1, "reported once, not once per attempt"
        refused = CLIENTS - accepted_before
        assert resumed["message"] == (
            f"accepting clients again; {refused} connection attempts were refused while the "
            "process was out of file descriptors"
        )
        if mode == "reserve":
            assert accepted_before <= FD_LIMIT - FD_RESERVE
    finally:
        for c in clients:
            c.close()
        child.close()


def test_accept_queue_overflow_is_reported():
    if not os.path.exists("/proc/net/netstat"):
        pytest.skip("the kernel's ListenOverflows counter is in /proc/net/netstat (Linux)")
    with (
        running(SessionConfig(kind=Kind.TCP_SERVER)) as bystander,
        running(SessionConfig(kind=Kind.TCP_SERVER, backlog=1)) as h,
    ):
        h.engine.set_accept_paused(True)  # type: ignore[attr-defined]
        h.wait_event(EventKind.LISTENING)
        time.sleep(0.05)
        clients = connect_many(h.engine.port, 50)
        try:
            ev = h.wait_event(EventKind.ERROR, timeout=5)
            time.sleep(1.2)  # one more poll for the bystander
        finally:
            for c in clients:
                c.close()
    # The kernel's count is machine-wide: a server whose queue is not full is not blamed.
    assert EventKind.ERROR not in bystander.kinds()
    assert ev.message.startswith("the kernel refused ")
    assert "connection attempts because an accept queue was full (" in ev.message
    assert ev.message.endswith(
        "since this server started listening, counted for the whole machine) — raise the "
        "listen backlog or accept faster"
    )
    assert ev.sent > 0
    assert ev.total >= ev.sent
    assert EventKind.ACCEPTED not in h.kinds(), "accepting was paused"


def test_default_backlog_queues_hundreds_of_simultaneous_connects():
    count = 300
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        h.engine.set_accept_paused(True)  # type: ignore[attr-defined]
        h.wait_event(EventKind.LISTENING)
        time.sleep(0.05)
        clients = connect_many(h.engine.port, count)
        try:
            # Every handshake completes into the accept queue, none waits for a SYN retry.
            pending = list(clients)
            deadline = time.monotonic() + 3
            while pending and time.monotonic() < deadline:
                _, ready, _ = select.select([], pending, [], 0.2)
                pending = [c for c in pending if c not in ready]
            assert not pending, f"{len(pending)} of {count} connects did not complete"
            assert all(c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0 for c in clients)
            h.engine.set_accept_paused(False)  # type: ignore[attr-defined]
            h.wait_event(EventKind.ACCEPTED, n=count)
        finally:
            for c in clients:
                c.close()
    errors = [e for e in h.events if isinstance(e, ConnEvent) and e.kind is EventKind.ERROR]
    assert errors == []
