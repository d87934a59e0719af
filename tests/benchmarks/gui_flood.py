"""Flood the real main window and measure throughput, GUI latency, freezes and memory.

Run: ``python tests/benchmarks/gui_flood.py [--udp] [--seconds S] [--recv-size N]``

The real :class:`MainWindow` runs offscreen with one TCP server pane (or a UDP pane with
``--udp``). A separate process floods it over loopback (127.0.0.1 only) for a bounded
time, once the pane listens and the window has drawn the start (guiprobe.start_pane).
In the same run a raw Python ``recv()`` loop receives the same flood as baseline.
A 10 ms QTimer in the GUI thread probes responsiveness: latency is how late each tick
fires, a freeze is the longest gap between ticks. The last line printed is one JSON
object with ``ratio_vs_raw``, ``latency_p50_ms``, ``latency_p99_ms``, ``max_freeze_ms``,
``rss_growth_mb`` and ``bytes`` (plus, for UDP, ``datagrams`` received and ``dropped``: the
datagrams the kernel reported dropped during the flood because the pane fell behind).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import socket
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # for loopback_senders

from loopback_senders import HOST, tcp_sender, udp_sender

PROBE_MS = 10


def _udp_flood(port: int, seconds: float, size: int) -> None:
    udp_sender(port, size, seconds, end_markers=50, marker_gap=0.002)


def _thread_cpu() -> dict[str, float]:
    """CPU seconds per thread name of this process (Linux /proc)."""
    out: dict[str, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        name = "gui" if tid == str(os.getpid()) else name
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return out


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


# ------------------------------------------------------------------------------- baselines
def raw_tcp(seconds: float, recv_size: int) -> tuple[float, int]:
    srv = socket.create_server((HOST, 0))
    proc = mp.Process(target=tcp_sender, args=(srv.getsockname()[1], seconds))
    proc.start()
    conn, _ = srv.accept()
    got = 0
    t0 = time.perf_counter()
    while data := conn.recv(recv_size):
        got += len(data)
    elapsed = time.perf_counter() - t0
    conn.close()
    srv.close()
    proc.join(30)
    return got / elapsed, got


def raw_udp(seconds: float, size: int) -> tuple[float, int]:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
    s.bind((HOST, 0))
    s.settimeout(30)
    proc = mp.Process(target=_udp_flood, args=(s.getsockname()[1], seconds, size))
    proc.start()
    n = 0
    t0 = t1 = 0.0
    while s.recv(2048):
        if not n:
            t0 = time.perf_counter()
        n += 1
        t1 = time.perf_counter()
    s.close()
    proc.join(30)
    return n / (t1 - t0), n


# ------------------------------------------------------------------------------------- GUI
def gui_run(seconds: float, recv_size: int, udp: bool, size: int) -> dict[str, float]:
    from guiprobe import GapProbe, app_window, start_pane
    from PySide6.QtCore import QEventLoop, QTimer

    from netassistant.core.chunk import Chunk
    from netassistant.core.config import Kind

    app, window = app_window()
    pane = window.open_pane(Kind.UDP if udp else Kind.TCP_SERVER)
    pane.settings.local_port.setValue(0)
    pane.settings.recv_size.setValue(recv_size if not udp else 2048)
    if udp:
        pane.settings.rcvbuf.setValue(4 * 1024 * 1024)
    start_pane(app, pane)
    port = pane.controller.local_port

    state = {"first": 0.0, "last": 0.0, "done": False, "seen": 0}
    stats = pane.controller.stats  # the pane's own counters, updated before each batch is shown

    def on_events(batch: list) -> None:
        # Runs in the GUI thread with every batch, so it looks at as little as it can:
        # the counters the window keeps anyway, and the batch's tail for the end marker.
        # (A first version walked every event here: ~13 % of the GUI thread's flood work.)
        now = time.perf_counter()
        if stats.rx_chunks != state["seen"]:
            state["seen"] = stats.rx_chunks
            state["first"] = state["first"] or now
            state["last"] = now
        for ev in reversed(batch):  # the end comes last: an empty datagram, or "closed"
            if type(ev) is Chunk:
                state["done"] = state["done"] or (udp and not ev.data)
                break
            if ev.kind.value == "closed":
                state["done"] = True

    pane.controller.events_received.connect(on_events)
    probe = GapProbe(PROBE_MS)
    rss0 = _rss_mb()
    rss_peak = rss0
    if udp:
        proc = mp.Process(target=_udp_flood, args=(port, seconds, size))
    else:
        proc = mp.Process(target=tcp_sender, args=(port, seconds))
    # A real event loop, as app.exec() runs it: the GUI thread sleeps when it has nothing to do.
    loop = QEventLoop()
    hard_stop = time.monotonic() + seconds + 30
    peak = [rss_peak]

    def check() -> None:
        peak[0] = max(peak[0], _rss_mb())
        if state["done"] or time.monotonic() > hard_stop:
            loop.quit()

    checker = QTimer()
    checker.setInterval(50)
    checker.timeout.connect(check)
    probe.start()
    checker.start()
    cpu0 = _thread_cpu()
    proc.start()
    loop.exec()
    cpu1 = _thread_cpu()
    checker.stop()
    probe.stop()
    rss_peak = peak[0]
    proc.join(30)
    elapsed = max(1e-9, state["last"] - state["first"])
    # The datagrams and bytes received, the end marker (an empty datagram) not counted,
    # and the datagrams the kernel dropped because the window fell behind.
    state["dgrams"] = stats.rx_chunks - (1 if udp and state["done"] else 0)
    state["bytes"] = stats.rx_bytes
    state["dropped"] = stats.kernel_drops
    late = sorted(max(0.0, g - PROBE_MS) for g in probe.gaps) or [0.0]
    shown = pane.receive.model.rowCount()
    for p in window.panes():
        p.shutdown()
    window.close()
    return {
        "rate": (state["dgrams"] if udp else state["bytes"]) / elapsed,
        "bytes": state["bytes"],
        "datagrams": state["dgrams"],
        "dropped": state["dropped"],
        "latency_p50_ms": statistics.median(late),
        "latency_p99_ms": late[min(len(late) - 1, int(len(late) * 0.99))],
        "max_freeze_ms": probe.longest,
        "rss_growth_mb": rss_peak - rss0,
        "rows_held": shown,
        "gui_cpu_s": cpu1.get("gui", 0.0) - cpu0.get("gui", 0.0),
        "engine_cpu_s": sum(v for k, v in cpu1.items() if k.startswith("session"))
        - sum(v for k, v in cpu0.items() if k.startswith("session")),
        "elapsed_s": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--udp", action="store_true", help="flood 64-byte UDP datagrams")
    parser.add_argument("--seconds", type=float, default=4.0, help="flood duration (default 4)")
    parser.add_argument("--recv-size", type=int, default=65536, help="TCP recv size")
    parser.add_argument("--size", type=int, default=64, help="UDP datagram size")
    args = parser.parse_args()
    if args.udp:
        raw_rate, raw_n = raw_udp(args.seconds, args.size)
        print(f"raw recvfrom loop: {raw_rate:,.0f} datagrams/s ({raw_n:,} received)")
    else:
        raw_rate, raw_n = raw_tcp(args.seconds, args.recv_size)
        print(f"raw recv loop:     {raw_rate / 1e6:,.1f} MB/s ({raw_n / 1e9:.2f} GB)")
    gui = gui_run(args.seconds, args.recv_size, args.udp, args.size)
    unit = "datagrams/s" if args.udp else "MB/s"
    shown = gui["rate"] if args.udp else gui["rate"] / 1e6
    print(f"main window:       {shown:,.1f} {unit} ({gui['bytes'] / 1e9:.2f} GB)")
    print(
        f"GUI probe: latency p50 {gui['latency_p50_ms']:.1f} ms, p99 {gui['latency_p99_ms']:.1f} ms,"
        f" longest freeze {gui['max_freeze_ms']:.1f} ms; RSS growth {gui['rss_growth_mb']:.0f} MB;"
        f" rows held {gui['rows_held']}"
    )
    print(
        f"CPU during the flood: GUI thread {gui['gui_cpu_s']:.2f} s, engine thread "
        f"{gui['engine_cpu_s']:.2f} s, over {gui['elapsed_s']:.2f} s (2 cores, sender included)"
    )
    result = {
        "mode": "udp" if args.udp else "tcp",
        "recv_size": args.recv_size,
        "ratio_vs_raw": round(gui["rate"] / raw_rate, 3),
        "latency_p50_ms": round(gui["latency_p50_ms"], 2),
        "latency_p99_ms": round(gui["latency_p99_ms"], 2),
        "max_freeze_ms": round(gui["max_freeze_ms"], 1),
        "rss_growth_mb": round(gui["rss_growth_mb"], 1),
        "bytes": gui["bytes"],
        "gui_cpu_share": round(gui["gui_cpu_s"] / gui["elapsed_s"], 3),
        "engine_cpu_share": round(gui["engine_cpu_s"] / gui["elapsed_s"], 3),
    }
    if args.udp:
        result["datagrams"] = gui["datagrams"]
        result["dropped"] = gui["dropped"]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
