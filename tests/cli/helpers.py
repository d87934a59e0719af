"""Helpers for running ``netassistant-cli`` as a real process against loopback peers."""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import recv_exactly

ROOT = Path(__file__).parents[2]
TIMEOUT = 5.0
CLOCK = r"\d{2}:\d{2}:\d{2}\.\d{3}"


# ------------------------------------------------------------------------------ helpers
@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment for every CLI process: its own config folder, never the user's."""
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    out = dict(os.environ)
    out["NETASSISTANT_CONFIG_DIR"] = str(config_dir)
    out["PYTHONPATH"] = str(ROOT)
    out["PYTHONIOENCODING"] = "utf-8"
    return out


def workdir(env: dict[str, str]) -> Path:
    """The test's tmp_path: anything a process leaves in its current folder ends up there."""
    return Path(env["NETASSISTANT_CONFIG_DIR"]).parent


def run_cli(
    env: dict[str, str], *args: str, timeout: float = TIMEOUT
) -> subprocess.CompletedProcess:
    """Run the CLI to completion."""
    return subprocess.run(
        [sys.executable, "-m", "netassistant.cli", *args],
        cwd=workdir(env),
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


class Cli:
    """A running CLI process whose stdout lines can be waited for one by one."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "netassistant.cli", *args],
            cwd=workdir(env),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._stderr: list[str] = []
        self._readers = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        self._stderr.append(self.proc.stderr.read())

    def next_line(self, timeout: float = TIMEOUT) -> str:
        """The next stdout line; fails if none comes in time or the output ended."""
        try:
            line = self._queue.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no output line within {timeout} s; got {self.lines}") from None
        if line is None:
            self._queue.put(None)
            raise AssertionError(f"output ended; got {self.lines}, stderr {self.stderr!r}")
        self.lines.append(line)
        return line

    def next_record(self, timeout: float = TIMEOUT) -> dict[str, Any]:
        return json.loads(self.next_line(timeout))

    def wait_record(self, event: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """Skip JSON lines up to the first with this ``event``."""
        deadline = time.monotonic() + timeout
        while True:
            record = self.next_record(max(0.0, deadline - time.monotonic()))
            if record["event"] == event:
                return record

    def finish(self, timeout: float = TIMEOUT) -> int:
        """Wait for the process to exit and for all of its output."""
        code = self.proc.wait(timeout)
        for reader in self._readers:
            reader.join(timeout)
        while True:
            line = self._queue.get(timeout=timeout)
            if line is None:
                break
            self.lines.append(line)
        return code

    @property
    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.lines]

    @property
    def stderr(self) -> str:
        return "".join(self._stderr)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(TIMEOUT)
        for reader in self._readers:  # they end at EOF; closing under them would raise
            reader.join(TIMEOUT)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@contextmanager
def cli(env: dict[str, str], *args: str) -> Iterator[Cli]:
    process = Cli(env, *args)
    try:
        yield process
    finally:
        process.kill()


@contextmanager
def listener(family: int = socket.AF_INET, host: str = "127.0.0.1") -> Iterator[socket.socket]:
    """A raw TCP server socket for the CLI's client to connect to."""
    with socket.socket(family, socket.SOCK_STREAM) as srv:
        srv.settimeout(TIMEOUT)
        srv.bind((host, 0))
        srv.listen(1)
        yield srv


def connect(address: str, family: int = socket.AF_INET) -> socket.socket:
    """A raw client for ``address`` as the CLI printed it (host:port, [v6]:port or a path)."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.settimeout(TIMEOUT)
    if family == socket.AF_UNIX:
        sock.connect(address)
    else:
        host, _, port = address.rpartition(":")
        sock.connect((host.strip("[]"), int(port)))
    return sock


def receive_all_then_close(conn: socket.socket, expected: int) -> bytes:
    """Read ``expected`` bytes, send FIN, then read whatever else comes until the peer's FIN."""
    data = recv_exactly(conn, expected)
    conn.shutdown(socket.SHUT_WR)
    conn.settimeout(TIMEOUT)
    while more := conn.recv(65536):
        data += more
    return data


def chunks(records: list[dict[str, Any]], direction: str) -> list[dict[str, Any]]:
    return [r for r in records if r["event"] == "chunk" and r["dir"] == direction]


def client_run(env: dict[str, str], *args: str, expected: int) -> tuple[bytes, Cli]:
    """Run ``tcp-client`` against a raw server; returns what the server got and the process.

    The server reads ``expected`` bytes, half-closes, and keeps reading until the CLI
    closes too, so extra bytes would show up; the CLI ends when it sees the FIN.
    """
    with listener() as srv:
        port = srv.getsockname()[1]
        with cli(env, "tcp-client", "--remote-port", str(port), "--json", *args) as proc:
            conn, _ = srv.accept()
            with conn:
                received = receive_all_then_close(conn, expected)
            assert proc.finish() == 0, proc.stderr
            assert proc.stderr == ""
    return received, proc
