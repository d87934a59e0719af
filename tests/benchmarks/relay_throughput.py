"""The relay engine against a plain Python relay loop, measured in the same run.

Run: ``python tests/benchmarks/relay_throughput.py [--quick]``

Throughput: a sender process writes ``--mib`` MiB in 64 KiB writes through the relay to a
receiver process that times the bytes from the first to EOF. The relay is either the
engine (``Kind.RELAY``, no faults, every recv() a chunk on both legs, events counted by a
sink) or a plain loop (selectors, recv(65536) / sendall). The two alternate, ``--rounds``
times each; the medians are compared.

Latency: a client sends 32-byte messages, one every 5 ms, to an echo server in another
process, directly and through each relay; the added one-way latency is half the extra
round trip (the relay is crossed twice per round trip).

Loopback only, every run bounded in bytes and time. The last line printed is one JSON
object with ``relay_ratio`` (engine rate / plain loop rate, target >= 0.7) and
``added_latency_p50_ms`` (the engine's, target <= 0.5), plus the figures behind them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing as mp
import os
import selectors
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine import create_engine

HOST = "127.0.0.1"
TIME_LIMIT = 30.0  # seconds: no single measurement may run longer
WRITE = 64 * 1024


# --------------------------------------------------------------- peers (child processes)
def _receiver(srv: socket.socket, results: mp.Queue) -> None:
    srv.settimeout(TIME_LIMIT)
    conn, _ = srv.accept()
    conn.settimeout(TIME_LIMIT)
    got = len(conn.recv(WRITE))
    t0 = time.perf_counter()
    while data := conn.recv(WRITE):
        got += len(data)
    results.put((got, time.perf_counter() - t0))
    conn.close()


def _sender(port: int, total: int) -> None:
    block = b"\xa5" * WRITE
    with socket.create_connection((HOST, port), timeout=TIME_LIMIT) as sock:
        sent = 0
        deadline = time.monotonic() + TIME_LIMIT
        while sent < total and time.monotonic() < deadline:
            sock.sendall(block)
            sent += len(block)


def _echo(srv: socket.socket) -> None:
    srv.settimeout(TIME_LIMIT)
    for _ in range(8):  # one connection per latency run, at most this many
        try:
            conn, _ = srv.accept()
        except OSError:
            return
        with conn:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.settimeout(TIME_LIMIT)
            with contextlib.suppress(OSError):
                while data := conn.recv(4096):
                    conn.sendall(data)


# ---------------------------------------------------------------------------- relays
@contextlib.contextmanager
def engine_relay(upstream_port: int) -> Iterator[int]:
    """The relay engine on a thread; yields its port."""
    counted = [0]

    def sink(batch: list) -> None:
        counted[0] += len(batch)

    config = SessionConfig(
        kind=Kind.RELAY, remote_port=upstream_port, nodelay=True, recv_size=WRITE
    ).validate()
    engine = create_engine(config, sink)
    thread = threading.Thread(target=engine.run, daemon=True)
    thread.start()
    engine.opened.wait(TIME_LIMIT)
    try:
        yield engine.port  # type: ignore[attr-defined]
    finally:
        engine.stop()
        thread.join(TIME_LIMIT)


@contextlib.contextmanager
def plain_relay(upstream_port: int) -> Iterator[int]:
    """The baseline: accept, connect upstream, then recv(65536)/sendall both ways."""
    listener = socket.create_server((HOST, 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            server = socket.create_connection((HOST, upstream_port))
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            relay_pair(client, server, stop)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(TIME_LIMIT)
        listener.close()


def relay_pair(client: socket.socket, server: socket.socket, stop: threading.Event) -> None:
    sel = selectors.DefaultSelector()
    sel.register(client, selectors.EVENT_READ, server)
    sel.register(server, selectors.EVENT_READ, client)
    open_ways = 2
    while open_ways and not stop.is_set():
        for key, _ in sel.select(0.2):
            src: socket.socket = key.fileobj  # type: ignore[assignment]
            data = src.recv(WRITE)
            if data:
                key.data.sendall(data)
            else:
                sel.unregister(src)
                key.data.shutdown(socket.SHUT_WR)
                open_ways -= 1
    sel.close()
    client.close()
    server.close()


Relay = Callable[[int], contextlib.AbstractContextManager[int]]


# ---------------------------------------------------------------------- measurements
def throughput(relay: Relay, total: int) -> float:
    """MiB/s through ``relay``, as the receiver saw it."""
    srv = socket.create_server((HOST, 0))
    results: mp.Queue = mp.Queue()
    receiver = mp.Process(target=_receiver, args=(srv, results))
    receiver.start()
    with relay(srv.getsockname()[1]) as port:
        sender = mp.Process(target=_sender, args=(port, total))
        sender.start()
        got, elapsed = results.get(timeout=TIME_LIMIT)
        sender.join(TIME_LIMIT)
    receiver.join(TIME_LIMIT)
    srv.close()
    assert got >= total, (got, total)
    return got / elapsed / (1024 * 1024)


def round_trips(port: int, count: int) -> list[float]:
    """Round-trip times (ms) of ``count`` 32-byte messages, one every 5 ms."""
    times = []
    with socket.create_connection((HOST, port), timeout=TIME_LIMIT) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        message = b"m" * 32
        for _ in range(count):
            t0 = time.perf_counter()
            sock.sendall(message)
            got = 0
            while got < len(message):
                got += len(sock.recv(64))
            times.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.005)
    return times[5:]  # the first few warm up caches and the connection


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller loads, fewer rounds")
    parser.add_argument("--mib", type=int, default=None, help="MiB per throughput run")
    parser.add_argument("--rounds", type=int, default=None, help="runs of each relay")
    args = parser.parse_args()
    mib = args.mib or (128 if args.quick else 512)
    rounds = args.rounds or (3 if args.quick else 5)
    total = mib * 1024 * 1024
    rates: dict[str, list[float]] = {"engine": [], "plain": []}
    for n in range(rounds):
        for name, relay in (("plain", plain_relay), ("engine", engine_relay)):
            rate = throughput(relay, total)
            rates[name].append(rate)
            print(f"round {n + 1}: {name:6} {rate:8.1f} MiB/s ({mib} MiB in 64 KiB writes)")
    engine_rate = statistics.median(rates["engine"])
    plain_rate = statistics.median(rates["plain"])
    print(f"median: engine {engine_rate:.1f} MiB/s, plain loop {plain_rate:.1f} MiB/s")

    messages = 200 if args.quick else 1000
    echo_srv = socket.create_server((HOST, 0))
    echo_port = echo_srv.getsockname()[1]
    echo = mp.Process(target=_echo, args=(echo_srv,))
    echo.start()
    direct = statistics.median(round_trips(echo_port, messages))
    with engine_relay(echo_port) as port:
        via_engine = statistics.median(round_trips(port, messages))
    with plain_relay(echo_port) as port:
        via_plain = statistics.median(round_trips(port, messages))
    echo_srv.close()
    echo.kill()
    echo.join(TIME_LIMIT)
    added = (via_engine - direct) / 2
    added_plain = (via_plain - direct) / 2
    print(
        f"round trip p50: direct {direct:.3f} ms, via engine {via_engine:.3f} ms, "
        f"via plain loop {via_plain:.3f} ms ({messages} x 32 B, one every 5 ms)"
    )
    print(f"added one-way latency p50: engine {added:.3f} ms, plain loop {added_plain:.3f} ms")
    print(
        json.dumps(
            {
                "relay_ratio": round(engine_rate / plain_rate, 3),
                "added_latency_p50_ms": round(added, 3),
                "engine_mib_s": round(engine_rate, 1),
                "plain_mib_s": round(plain_rate, 1),
                "added_latency_plain_p50_ms": round(added_plain, 3),
                "rtt_direct_p50_ms": round(direct, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
