"""Benchmark: how close the traffic generator keeps to its target rate, TCP and UDP.

Run: ``python tests/benchmarks/generator_rate.py [--seconds S] [--size B]``

For each target rate, an engine (TCP client, or UDP) sends ``--size``-byte messages with
a rate plan for ``--seconds`` to a loopback peer that counts what arrives (a child
process, as a real peer is another program). The achieved rate is measured on the
engine's clock (the plan's own report) and cross-checked against the messages the peer
counted. A last run asks for far more than the machine can do (1,000,000 msg/s) and
reports what it reached: the machine's limit, not a target.
The last line is one JSON object: ``{"rates": {...}, "max_error_pct": x, "limit": {...}}``;
``max_error_pct`` is the worst error over the rates below the limit.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netassistant.core.chunk import ConnEvent, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine import create_engine
from netassistant.core.sending.plans import SendPlan

RATES = (100.0, 1_000.0, 10_000.0, 50_000.0)
LIMIT_PROBE = 1_000_000.0
TIMEOUT = 30.0


class Peer:
    """A loopback receiver (UDP socket or TCP listener) counting bytes in a child process.

    A process, not a thread of this one: a peer reading 50,000 datagrams a second in
    Python holds this interpreter's lock most of the time, and the engine under test
    would then wait for it between sends (measured: the 50,000 msg/s UDP step fell to
    ~39,000 msg/s that way while the engine alone sends ~60,000/s). A real peer is
    another program.
    """

    def __init__(self, udp: bool) -> None:
        kind = socket.SOCK_DGRAM if udp else socket.SOCK_STREAM
        self.sock = socket.socket(socket.AF_INET, kind)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 * 1024 * 1024)
        self.sock.bind(("127.0.0.1", 0))
        if not udp:
            self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        # Forked: the child inherits the bound socket (nothing to pickle).
        fork = mp.get_context("fork")
        self._counted = fork.Value("q", 0)
        self._proc = fork.Process(target=_count, args=(self.sock, udp, self._counted), daemon=True)
        self._proc.start()
        self.bytes = 0

    def close(self) -> None:
        """Wait for the child's count (it ends at EOF, or 2 s after the last datagram)."""
        self._proc.join(TIMEOUT)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()
        self.bytes = int(self._counted.value)
        self.sock.close()


def _count(sock: socket.socket, udp: bool, counted: Any) -> None:
    """The child's loop: read and count until EOF (TCP) or 2 s of silence (UDP)."""
    conn = sock
    total = 0
    try:
        if not udp:
            sock.settimeout(TIMEOUT)
            conn, _ = sock.accept()
        conn.settimeout(2.0)
        while data := conn.recv(1 << 20):
            total += len(data)
    except OSError:
        pass
    finally:
        counted.value = total
        if conn is not sock:
            conn.close()


def run_one(udp: bool, rate: float, seconds: float, size: int) -> dict[str, Any]:
    """One plan at ``rate`` msg/s for ``seconds``; the plan's report and the peer's count."""
    peer = Peer(udp)
    ended = threading.Event()
    ready = threading.Event()
    found: list[ConnEvent] = []

    def sink(batch: list[Any]) -> None:
        for e in batch:
            if type(e) is ConnEvent:
                if e.kind in (EventKind.LISTENING, EventKind.CONNECTED):
                    ready.set()
                if e.plan_id and e.state not in ("", "running"):
                    found.append(e)
                    ended.set()

    config = SessionConfig(
        kind=Kind.UDP if udp else Kind.TCP_CLIENT, remote_port=peer.port, local_port=0
    )
    engine = create_engine(config.validate(), sink)
    thread = threading.Thread(target=engine.run, daemon=True)
    thread.start()
    try:
        if not ready.wait(TIMEOUT):
            raise SystemExit("the engine did not start")
        engine.start_plan(SendPlan(b"\x5a" * size, count=0, rate=rate, duration_s=seconds))
        if not ended.wait(seconds + TIMEOUT):
            raise SystemExit(f"the plan at {rate} msg/s did not end")
        time.sleep(0.5 if udp else 0.1)  # let the peer read what is in flight (UDP: no FIN)
    finally:
        engine.stop()
        thread.join(TIMEOUT)
        peer.close()
    end = found[0]
    detail = end.detail or {}
    achieved = float(detail["achieved"])  # type: ignore[arg-type]
    return {
        "target": rate,
        "achieved": round(achieved, 1),
        "error_pct": round(abs(achieved - rate) / rate * 100, 2),
        "sent": end.sent,
        "received": peer.bytes // size,
        "elapsed_s": detail["elapsed_s"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--size", type=int, default=64)
    args = parser.parse_args()
    rates: dict[str, Any] = {}
    limit: dict[str, Any] = {}
    for udp in (False, True):
        proto = "udp" if udp else "tcp"
        for rate in RATES:
            result = run_one(udp, rate, args.seconds, args.size)
            rates[f"{proto}_{int(rate)}"] = result
            print(
                f"{proto} {rate:>9,.0f} msg/s: achieved {result['achieved']:>11,.1f} "
                f"({result['error_pct']:.2f} % off), sent {result['sent']:,}, "
                f"peer counted {result['received']:,}",
                flush=True,
            )
        probe = run_one(udp, LIMIT_PROBE, args.seconds, args.size)
        limit[proto] = probe["achieved"]
        print(f"{proto} limit probe (asked {LIMIT_PROBE:,.0f} msg/s): {probe['achieved']:,.0f}")
    # Rates at or above what the machine reached are its limit, not the generator's error.
    below = [
        r["error_pct"] for key, r in rates.items() if r["target"] < 0.9 * limit[key.split("_")[0]]
    ]
    print(
        json.dumps({"rates": rates, "max_error_pct": max(below) if below else None, "limit": limit})
    )


if __name__ == "__main__":
    main()
