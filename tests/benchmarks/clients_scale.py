"""Many clients at once: how fast a TCP server pane lists them, how long the GUI freezes.

Run: ``python tests/benchmarks/clients_scale.py [--clients N] [--backlog B]``

The real :class:`MainWindow` runs offscreen with one TCP server pane on 127.0.0.1. A helper
process opens ``--clients`` (default 10,000) non-blocking connections to it at once and
holds them; then it closes them all. Measured in the GUI process:

- ``listed_s``: from the moment the helper is told to connect until the pane's client list
  shows every client (its model has one row per client); ``listed``: how many it shows
  at the end (a client the kernel gave up on, because the server left its accept queue
  full for too long, thinks it is connected but is never listed);
- ``max_freeze_ms``: the longest gap between ticks of a 5 ms QTimer in the GUI thread, from
  that moment until one second after all were listed;
- ``rss_per_client_kb``: the growth of the process's RSS over the same span, per client;
- ``cleared_s``/``clear_freeze_ms``: the same for the helper closing all of them.

In the same run, a plain Python ``accept()`` loop takes the same connections from the same
helper: ``raw_accept_s`` and the ratio. Each side holds one socket per client, so each
process needs ``clients`` + a margin of file descriptors: the soft RLIMIT_NOFILE is raised
to the hard limit, and fewer clients are used (and said) when the hard limit is too low.
The server's listen() backlog is ``--backlog`` (default: the kernel's somaxconn): with a
small one (the pane's default is 16) even the raw loop loses clients, because the kernel
gives up on handshakes it could not queue, and the kernel's queue is not what is measured.
The last line printed is one JSON object with ``clients``, ``listed_s``, ``max_freeze_ms``
and ``rss_per_client_kb``.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import os
import resource
import selectors
import socket
import time
from multiprocessing.connection import Connection
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HOST = "127.0.0.1"
PROBE_MS = 5
TIME_LIMIT = 60.0  # seconds for any one phase
SETTLE_S = 1.0  # keep probing this long after the last client was listed
FD_MARGIN = 512  # descriptors a process needs besides the clients (Qt, Python, pipes)


def _rss_kb() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def raise_fd_limit() -> int:
    """Raise the soft RLIMIT_NOFILE to the hard limit; return the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


# ------------------------------------------------------------------ helper (child process)
def helper(port: int, count: int, pipe: Connection) -> None:
    """Connect ``count`` clients at once when told, hold them, close them when told."""
    raise_fd_limit()
    pipe.send("ready")
    pipe.recv()  # "go"
    socks: list[socket.socket] = []
    sel = selectors.DefaultSelector()
    failed = 0
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        err = s.connect_ex((HOST, port))
        if err not in (0, 115):  # 115: EINPROGRESS
            failed += 1
            s.close()
            continue
        socks.append(s)
        sel.register(s, selectors.EVENT_WRITE)
    pending = len(socks)
    deadline = time.monotonic() + TIME_LIMIT
    while pending and time.monotonic() < deadline:
        for key, _ in sel.select(0.5):
            sel.unregister(key.fileobj)
            sock: Any = key.fileobj
            if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                failed += 1
            pending -= 1
    sel.close()
    pipe.send((time.monotonic(), failed + pending))
    pipe.recv()  # "close"
    for s in socks:
        s.close()
    pipe.send(time.monotonic())
    pipe.recv()  # "exit"


def _start_helper(port: int, count: int) -> tuple[Any, Connection]:
    # spawn: a fresh interpreter, not a fork of a process that runs Qt threads.
    ctx = mp.get_context("spawn")
    ours, theirs = ctx.Pipe()
    proc = ctx.Process(target=helper, args=(port, count, theirs), daemon=True)
    proc.start()
    if not ours.poll(TIME_LIMIT) or ours.recv() != "ready":
        raise SystemExit("the helper process did not start")
    return proc, ours


def _finish_helper(proc: Any, pipe: Connection) -> None:
    pipe.send("exit")
    proc.join(TIME_LIMIT)
    if proc.is_alive():
        proc.kill()


# ------------------------------------------------------------------------------ baseline
def raw_accept(count: int, backlog: int) -> tuple[float, int]:
    """A plain Python accept() loop against ``count`` clients at once.

    Returns:
        (seconds until the last accept, clients accepted). Fewer than ``count`` when the
        kernel gave up on some handshakes (a full accept queue); it then stops after 10 s
        without a new client.
    """
    srv = socket.create_server((HOST, 0), backlog=backlog)
    srv.settimeout(10.0)
    proc, pipe = _start_helper(srv.getsockname()[1], count)
    accepted = []
    t0 = time.perf_counter()
    last = t0
    pipe.send("go")
    while len(accepted) < count and time.perf_counter() - t0 < TIME_LIMIT:
        try:
            accepted.append(srv.accept()[0])
        except TimeoutError:
            break
        last = time.perf_counter()
    pipe.recv()
    pipe.send("close")
    pipe.recv()
    for conn in accepted:
        conn.close()
    srv.close()
    _finish_helper(proc, pipe)
    return last - t0, len(accepted)


# ----------------------------------------------------------------------------------- GUI
def gui_run(count: int, backlog: int) -> dict[str, Any]:
    from guiprobe import GapProbe, app_window, start_pane
    from PySide6.QtCore import QEventLoop, QTimer

    from netassistant.core.config import Kind

    app, window = app_window()
    pane = window.open_pane(Kind.TCP_SERVER)
    pane.settings.local_port.setValue(0)
    pane.settings.backlog.setValue(backlog)
    assert pane.clients is not None
    model = pane.clients.model
    start_pane(app, pane)
    proc, pipe = _start_helper(pane.controller.local_port, count)

    probe = GapProbe(PROBE_MS)

    def phase(until_rows: int, start: Any) -> tuple[float | None, float]:
        """Run the event loop until the list has ``until_rows`` rows (+ settle time).

        Returns:
            (seconds until then or None if never, longest gap in ms).
        """
        loop = QEventLoop()
        state: dict[str, float] = {}
        hard_stop = time.monotonic() + TIME_LIMIT

        def check() -> None:
            now = time.perf_counter()
            if "done" not in state and model.rowCount() == until_rows:
                state["done"] = now
            if ("done" in state and now - state["done"] >= SETTLE_S) or (
                time.monotonic() > hard_stop
            ):
                loop.quit()

        checker = QTimer()
        checker.setInterval(10)
        checker.timeout.connect(check)
        app.processEvents()
        probe.start()
        checker.start()
        t0 = time.perf_counter()
        start()
        loop.exec()
        checker.stop()
        probe.stop()
        done = state.get("done")
        return (None if done is None else done - t0), probe.longest

    gc.collect()
    rss0 = _rss_kb()
    listed_s, freeze_ms = phase(count, lambda: pipe.send("go"))
    rss1 = _rss_kb()
    _connected_at, failed = pipe.recv()
    rows = model.rowCount()
    cleared_s, clear_freeze_ms = phase(0, lambda: pipe.send("close"))
    pipe.recv()
    _finish_helper(proc, pipe)
    for p in window.panes():
        p.shutdown()
    window.close()
    return {
        "listed_s": listed_s,
        "max_freeze_ms": freeze_ms,
        "rss_per_client_kb": (rss1 - rss0) / count,
        "rss_growth_mb": (rss1 - rss0) / 1024,
        "rows": rows,
        "failed": failed,
        "cleared_s": cleared_s,
        "clear_freeze_ms": clear_freeze_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000, help="clients (default 10000)")
    parser.add_argument(
        "--backlog", type=int, default=0, help="listen() backlog (default: somaxconn)"
    )
    args = parser.parse_args()
    limit = raise_fd_limit()
    count = max(1, min(args.clients, 30_000))
    if count + FD_MARGIN > limit:
        fewer = max(1, limit - FD_MARGIN)
        print(
            f"RLIMIT_NOFILE hard limit is {limit}: each process holds one socket per client "
            f"plus ~{FD_MARGIN} others, so {fewer} clients instead of {count}"
        )
        count = fewer
    else:
        print(
            f"RLIMIT_NOFILE soft limit raised to {limit}: enough for {count} clients "
            f"(the GUI and the helper process each hold one socket per client)"
        )
    backlog = args.backlog
    if backlog <= 0:
        with open("/proc/sys/net/core/somaxconn") as fh:
            backlog = min(int(fh.read()), 65535)
    print(f"listen() backlog {backlog}; {count} clients connect at once from a helper process")
    raw_s, raw_n = raw_accept(count, backlog)
    print(f"raw accept() loop: {raw_n} of {count} accepted in {raw_s:.3f} s")
    gui = gui_run(count, backlog)
    listed = gui["listed_s"]
    shown = f"{listed:.3f} s" if listed is not None else f"not within {TIME_LIMIT:.0f} s"
    print(
        f"server pane: all {count} listed in {shown} (rows {gui['rows']}, failed connects "
        f"{gui['failed']}); longest GUI freeze {gui['max_freeze_ms']:.0f} ms; RSS "
        f"+{gui['rss_growth_mb']:.1f} MB = {gui['rss_per_client_kb']:.2f} KB per client"
    )
    cleared = gui["cleared_s"]
    print(
        "all clients closed: list empty in "
        + (f"{cleared:.3f} s" if cleared is not None else f"not within {TIME_LIMIT:.0f} s")
        + f"; longest GUI freeze {gui['clear_freeze_ms']:.0f} ms"
    )
    if listed is not None:
        print(f"ratio pane listing / raw accept loop: {listed / raw_s:.2f}")
    result = {
        "clients": count,
        "listed": gui["rows"],
        "listed_s": None if listed is None else round(listed, 3),
        "max_freeze_ms": round(gui["max_freeze_ms"], 1),
        "rss_per_client_kb": round(gui["rss_per_client_kb"], 2),
        "raw_accept_s": round(raw_s, 3),
        "raw_accepted": raw_n,
        "cleared_s": None if cleared is None else round(cleared, 3),
        "clear_freeze_ms": round(gui["clear_freeze_ms"], 1),
        "backlog": backlog,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
