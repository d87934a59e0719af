"""Engine receive throughput against a raw Python socket loop, measured in the same run.

Run: ``python tests/benchmarks/engine_throughput.py [--quick] [--only tcp|udp]``

Every load is on loopback (127.0.0.1), bounded in bytes/datagrams and in time.
The last line printed is one JSON object with ``tcp_64k_ratio``, ``tcp_1k_ratio``,
``udp_64_ratio`` and ``udp_1400_ratio`` (engine rate / raw rate), and
``udp_64_unaccounted_max`` / ``udp_1400_unaccounted_max``: datagrams sent but neither
received nor reported dropped by the engine (0 when the loss accounting is exact).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import socket
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # for loopback_senders

from loopback_senders import HOST, tcp_sender, udp_sender

from netassistant.core.chunk import Chunk
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine import create_engine

TIME_LIMIT = 20.0  # seconds: no single measurement may run longer


# ------------------------------------------------------------------ senders (child processes)
def _tcp_sender(port: int, total: int) -> None:
    tcp_sender(port, TIME_LIMIT, total, fill=b"\xa5", timeout=TIME_LIMIT)


# --------------------------------------------------------------------------- TCP
def tcp_raw(recv_size: int, total: int) -> float:
    srv = socket.create_server((HOST, 0))
    port = srv.getsockname()[1]
    proc = mp.Process(target=_tcp_sender, args=(port, total))
    proc.start()
    conn, _ = srv.accept()
    recv = conn.recv
    # Timed from the first data to EOF, as the engine is (its chunks carry their times).
    got = len(recv(recv_size))
    t0 = time.perf_counter()
    while True:
        data = recv(recv_size)
        if not data:
            break
        got += len(data)
    elapsed = time.perf_counter() - t0
    conn.close()
    srv.close()
    proc.join(TIME_LIMIT)
    assert got == total, (got, total)
    return got / elapsed


def tcp_engine(recv_size: int, total: int) -> float:
    counts = {"bytes": 0, "chunks": 0, "last_seq": 0}
    done = threading.Event()
    times: dict[str, float] = {}

    def sink(batch: list) -> None:
        # Record every event cheaply: sequence numbers must be gap-free, bytes must add up.
        if batch[0].seq != counts["last_seq"] + 1 or batch[-1].seq != counts["last_seq"] + len(
            batch
        ):
            raise AssertionError("sequence gap: an event was dropped")
        counts["last_seq"] = batch[-1].seq
        chunks = [ev for ev in batch if type(ev) is Chunk]
        if chunks and not counts["chunks"]:
            times["t0"] = chunks[0].ts_ns / 1e9
        counts["chunks"] += len(chunks)
        counts["bytes"] += sum(map(len, [c.data for c in chunks]))
        for ev in batch:
            if type(ev) is not Chunk and ev.kind.value == "closed":
                times["t1"] = ev.ts_ns / 1e9  # when recv() returned b"" (EOF)
                done.set()

    cfg = SessionConfig(kind=Kind.TCP_SERVER, local_port=0, recv_size=recv_size)
    eng = create_engine(cfg, sink, flush_interval=1 / 60)
    th = threading.Thread(target=eng.run)
    th.start()
    eng.opened.wait(5)
    proc = mp.Process(target=_tcp_sender, args=(eng.port, total))
    proc.start()
    done.wait(TIME_LIMIT)
    eng.stop()
    th.join(5)
    proc.join(TIME_LIMIT)
    assert counts["bytes"] == total, (counts, total)
    # From the first chunk's recv() to the EOF recv(), like the raw loop.
    return counts["bytes"] / (times["t1"] - times["t0"])


# --------------------------------------------------------------------------- UDP
def _udp_count_raw(size: int, seconds: float) -> float:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
    s.bind((HOST, 0))
    s.settimeout(TIME_LIMIT)
    proc = mp.Process(target=udp_sender, args=(s.getsockname()[1], size, seconds))
    proc.start()
    n = 0
    t0 = t1 = 0.0
    while True:
        data, _addr = s.recvfrom(2048)
        if not data:
            break
        if not n:
            t0 = time.perf_counter()
        n += 1
        t1 = time.perf_counter()
    s.close()
    proc.join(TIME_LIMIT)
    return n / (t1 - t0)


def _udp_count_engine(size: int, seconds: float) -> float:
    state = {"n": 0, "t0": 0.0, "t1": 0.0, "all": 0, "dropped": 0}
    done = threading.Event()

    def sink(batch: list) -> None:
        for ev in batch:
            if type(ev) is Chunk:
                state["all"] += 1
                if not ev.data:
                    done.set()
                    continue
                if not state["n"]:
                    state["t0"] = time.perf_counter()
                state["n"] += 1
                state["t1"] = time.perf_counter()
            elif ev.kind.value == "dropped":
                state["dropped"] = ev.total

    cfg = SessionConfig(kind=Kind.UDP, local_port=0, recv_size=2048, rcvbuf=4 * 1024 * 1024)
    eng = create_engine(cfg, sink, flush_interval=1 / 60)
    th = threading.Thread(target=eng.run)
    th.start()
    eng.opened.wait(5)
    sent = mp.Value("q", -1)
    proc = mp.Process(target=udp_sender, args=(eng.port, size, seconds), kwargs={"sent": sent})
    proc.start()
    done.wait(TIME_LIMIT)
    proc.join(TIME_LIMIT)  # every end marker sent: what is not received was dropped
    time.sleep(0.3)  # let the engine read the last ones
    eng.stop()
    th.join(5)
    # Loss accounting: every datagram the kernel took is either received or reported dropped.
    LOSS_CHECK.append(sent.value - state["all"] - state["dropped"])
    return state["n"] / (state["t1"] - state["t0"])


#: sent - received - reported dropped, one entry per engine UDP run (0 = exact accounting).
LOSS_CHECK: list[int] = []


def paired(raw_fn, engine_fn, runs: int, *args) -> tuple[float, float, float]:
    """Alternate raw and engine runs; return (median raw, median engine, median of ratios).

    On a small shared machine the same loop can vary by 30% from run to run; pairing
    each engine run with a raw run made just before it, and taking medians, keeps the
    ratio meaningful.
    """
    raws, engines, ratios = [], [], []
    for _ in range(runs):
        raw = raw_fn(*args)
        eng = engine_fn(*args)
        raws.append(raw)
        engines.append(eng)
        ratios.append(eng / raw)
    return statistics.median(raws), statistics.median(engines), statistics.median(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller volumes, fewer runs")
    parser.add_argument("--only", choices=("tcp", "udp"), help="measure one protocol only")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    big = (256 if args.quick else 1024) * 1024 * 1024
    small = (32 if args.quick else 128) * 1024 * 1024
    udp_seconds = 0.5 if args.quick else 1.5
    out: dict[str, float] = {}
    tcp_loads = () if args.only == "udp" else (("64k", 65536, big), ("1k", 1024, small))
    for label, recv_size, total in tcp_loads:
        raw, eng, ratio = paired(tcp_raw, tcp_engine, runs, recv_size, total)
        print(
            f"TCP recv {label:>3}: raw {raw / 1e6:9.1f} MB/s   engine {eng / 1e6:9.1f} MB/s   "
            f"ratio {ratio:.2f} (median of {runs} paired runs)"
        )
        out[f"tcp_{label}_raw_mb_s"] = round(raw / 1e6, 1)
        out[f"tcp_{label}_engine_mb_s"] = round(eng / 1e6, 1)
        out[f"tcp_{label}_ratio"] = round(ratio, 3)
    for size in () if args.only == "tcp" else (64, 1400):
        raw, eng, ratio = paired(_udp_count_raw, _udp_count_engine, runs, size, udp_seconds)
        print(
            f"UDP {size:>4} B:   raw {raw:9.0f} dgram/s  engine {eng:9.0f} dgram/s  "
            f"ratio {ratio:.2f} (median of {runs} paired runs)"
        )
        out[f"udp_{size}_raw_per_s"] = round(raw)
        out[f"udp_{size}_engine_per_s"] = round(eng)
        out[f"udp_{size}_ratio"] = round(ratio, 3)
        out[f"udp_{size}_unaccounted_max"] = max(LOSS_CHECK, key=abs)
        print(f"           sent - received - reported dropped, per run: {LOSS_CHECK}")
        LOSS_CHECK.clear()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
