"""The CLI as a thin front end of the core pipeline.

Decoding per peer, checksums, the echo guard, bounded memory and prompt signals; real
processes, real loopback peers.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from netassistant.core.checksum import append_checksum
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.stats import SessionState
from netassistant.qt.decodepipeline import DecodePipeline
from netassistant.qt.session import SessionController
from tests.cli.helpers import TIMEOUT, Cli, cli, connect, run_cli, workdir
from tests.helpers import free_port


def rss_peak_kb(pid: int) -> int:
    """The process's peak resident set (VmHWM), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def udp_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(TIMEOUT)
    return sock


# -------------------------------------------------------------- decoding per peer
def test_udp_peers_are_decoded_apart(env):
    r"""Peer A sends ``ab``, peer B ``cd\\n``: one message ``cd``, never ``abcd``."""
    port = free_port(kind=socket.SOCK_DGRAM)
    args = ("udp", "--local-port", str(port), "--frame", "delimiter:\\n", "--json", "--count", "3")
    with cli(env, *args) as proc, udp_socket() as a, udp_socket() as b:
        proc.wait_record("listening")
        a.sendto(b"ab", ("127.0.0.1", port))
        proc.wait_record("chunk")
        b.sendto(b"cd\n", ("127.0.0.1", port))
        message = proc.wait_record("message")
        a.sendto(b"\n", ("127.0.0.1", port))
        second = proc.wait_record("message")
        assert proc.finish() == 0
    assert (bytes.fromhex(message["hex"]), message["index"]) == (b"cd", 0)
    assert bytes.fromhex(second["hex"]) == b"ab"
    assert "abcd" not in "".join(proc.lines)


# -------------------------------------------------------------------- checksums
def test_checksum_is_appended_on_send_and_verified_on_receive(env):
    """--frame-send --checksum on a client; --checksum on a server reports checksum_ok."""
    port = free_port()
    server_args = ("tcp-server", "--local-port", str(port), "--frame", "length:!H")
    with cli(env, *server_args, "--checksum", "crc16-modbus", "--json") as server:
        server.wait_record("listening")
        client_args = ("tcp-client", "--remote-port", str(port), "--frame", "length:!H")
        client = run_cli(
            env,
            *client_args,
            "--frame-send",
            "--checksum",
            "crc16-modbus",
            "--send",
            "one",
            "--send",
            "two",
            "--duration",
            "0.5",
        )
        assert client.returncode == 0, client.stderr
        first = server.wait_record("message")
        second = server.wait_record("message")
        with connect(f"127.0.0.1:{port}") as raw:
            bad = b"bad\x00\x00"
            raw.sendall(struct.pack("!H", len(bad)) + bad)
            third = server.wait_record("message")
        server.proc.send_signal(signal.SIGINT)
        assert server.finish() == 0
    assert [(bytes.fromhex(m["hex"]), m["checksum_ok"]) for m in (first, second, third)] == [
        (b"one", True),
        (b"two", True),
        (b"bad", False),
    ]


def test_unknown_checksum_is_a_usage_error(env):
    proc = run_cli(env, "tcp-server", "--checksum", "md5", "--duration", "0.1")
    assert proc.returncode == 2
    assert "--checksum: unknown checksum 'md5'; choose one of " in proc.stderr
    assert "Traceback" not in proc.stderr


# ------------------------------------------------------------- window == CLI
def test_cli_and_window_decode_the_same_stream_the_same_way(env, qtbot):
    """The same bytes, sent to the CLI and to a window controller, give the same messages."""
    frames = [
        struct.pack("!H", len(p) + 1) + append_checksum("xor8", p)
        for p in (b"alpha", b"", b"gamma" * 40, "你好".encode())
    ]
    frames.append(b"\x00\x03zz\x00")  # a bad checksum
    stream = b"".join(frames)

    def send_in_pieces(address: str) -> None:
        with connect(address) as sock:
            for start in range(0, len(stream), 7):  # 拆包: every frame split
                sock.sendall(stream[start : start + 7])
                time.sleep(0.001)

    spec = ("--frame", "length:!H", "--checksum", "xor8")
    with cli(env, "tcp-server", "--local-port", "0", *spec, "--json") as proc:
        local = proc.wait_record("listening")["local"]
        send_in_pieces(local)
        cli_messages = [proc.wait_record("message") for _ in frames]
        proc.proc.send_signal(signal.SIGINT)
        assert proc.finish() == 0

    controller = SessionController()
    decode = DecodePipeline(controller)
    controller.decoded_received.connect(decode.feed)
    try:
        decode.configure("length:!H", "xor8", None)
        controller.start(SessionConfig(kind=Kind.TCP_SERVER).validate())
        qtbot.waitUntil(lambda: controller.state is SessionState.LISTENING, timeout=5000)
        send_in_pieces(f"127.0.0.1:{controller.local_port}")
        qtbot.waitUntil(lambda: decode.messages == len(frames), timeout=5000)
    finally:
        assert controller.shutdown()
    window = [decode.model.item_at(row) for row in range(len(frames))]
    assert [(bytes.fromhex(m["hex"]), m["checksum_ok"]) for m in cli_messages] == [
        (m.payload, m.checksum_ok) for m in window
    ]
    assert [m["index"] for m in cli_messages] == [m.index for m in window]


# --------------------------------------------------------------- echo loop guard
def test_two_cli_echoers_stop_bouncing(env):
    port_a = free_port(kind=socket.SOCK_DGRAM)
    port_b = free_port(kind=socket.SOCK_DGRAM)
    common = ("--echo", "--json", "--duration", "8")
    with cli(env, "udp", "--local-port", str(port_b), *common) as b:
        b.wait_record("listening")
        a_args = ("udp", "--local-port", str(port_a), "--remote-port", str(port_b))
        a = Cli(env, *a_args, "--send", "bounce", *common)
        # The bounce is fast without batching: one side's guard trips at once.
        notice = None
        deadline = time.monotonic() + 5
        while notice is None and time.monotonic() < deadline:
            for proc in (a, b):
                try:
                    record = proc.next_record(timeout=0.05)
                except AssertionError:
                    continue
                if record["event"] == "notice":
                    notice = record
        try:
            assert notice is not None, "no loop guard notice"
            for proc in (a, b):
                proc.proc.send_signal(signal.SIGINT)
                assert proc.finish() == 0
        finally:
            a.kill()
    assert notice["source"] == "auto_reply"
    assert notice["message"].startswith("auto-reply paused: ")


# ------------------------------------------------------------- bounded resources
def test_huge_burst_is_refused_with_the_limit(env):
    proc = run_cli(
        env,
        "tcp-client",
        "--remote-port",
        "9",
        "--send",
        "x",
        "--repeat",
        "1000000000000",
        "--burst",
        "--duration",
        "1",
    )
    assert proc.returncode == 2
    assert (
        "--burst would put 1000000000000 bytes into one send call; the limit is 64 MiB: "
        "lower --repeat or drop --burst"
    ) in proc.stderr


def test_send_file_streams_with_bounded_memory_and_short_lines(env, tmp_path):
    """A 300 MB file goes out in pieces: peak RSS stays small, each log line is short."""
    path = tmp_path / "big.bin"
    size = 300 * 1024 * 1024
    with open(path, "wb") as fh:
        fh.truncate(size)  # sparse: cheap to make, read back as zeros
    received = 0
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        args = ("tcp-client", "--remote-port", str(port), "--send-file", str(path))
        with cli(env, *args) as proc:
            server.settimeout(TIMEOUT)
            conn, _ = server.accept()
            with conn:
                conn.settimeout(TIMEOUT)
                peak_mb = 0.0
                while received < size:
                    data = conn.recv(1 << 20)
                    assert data, "the file was cut short"
                    received += len(data)
                    if not peak_mb and received >= size - 32 * 1024 * 1024:
                        # Read while the CLI still has 32 MB to send: once the kernel has
                        # the last bytes, it exits (and its /proc entry loses VmHWM).
                        peak_mb = rss_peak_kb(proc.proc.pid) / 1024
            proc.proc.send_signal(signal.SIGINT)
            assert proc.finish(timeout=10) == 0
    assert received == size
    assert peak_mb < 100, f"peak RSS {peak_mb:.0f} MB"
    lines = [line for line in proc.lines if " TX " in line]
    assert lines
    assert max(len(line) for line in lines) < 2000
    assert "(first 256 shown)" in lines[0]


def test_a_flood_to_a_slow_stdout_stays_small_and_sigterm_ends_it_within_a_second(env):
    """The engine waits for the printer (back-pressure), so memory stays bounded."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "netassistant.cli", "tcp-server", "--local-port", str(port)],
        cwd=workdir(env),
        env=env,
        stdout=subprocess.PIPE,  # never read: the pipe fills and the printer blocks
        stderr=subprocess.DEVNULL,
    )
    stop = threading.Event()

    def flood() -> None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
                block = b"f" * 65536
                deadline = time.monotonic() + 4
                while not stop.is_set() and time.monotonic() < deadline:
                    sock.sendall(block)
        except OSError:
            pass  # the server went away: that is the point

    try:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        sender = threading.Thread(target=flood)
        sender.start()
        time.sleep(2.5)
        peak_mb = rss_peak_kb(proc.pid) / 1024
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(5)
        took = time.monotonic() - started
    finally:
        stop.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        assert proc.stdout is not None
        proc.stdout.close()
    sender.join(TIMEOUT)
    assert peak_mb < 150, f"peak RSS {peak_mb:.0f} MB"
    assert took < 1.0, f"SIGTERM took {took:.2f} s"
    assert proc.returncode == 0


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signals_end_an_idle_session_at_once(env, signum):
    with cli(env, "tcp-server", "--local-port", "0", "--json") as proc:
        proc.wait_record("listening")
        started = time.monotonic()
        proc.proc.send_signal(signum)
        assert proc.finish() == 0
    assert time.monotonic() - started < 1.0
    assert json.loads(proc.lines[-1])["event"] == "stopped"
    assert os.path.exists(str(workdir(env)))


# ----------------------------------------------------------------------- one-shot
def test_a_send_only_run_exits_once_everything_was_handed_to_the_kernel(env):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        started = time.monotonic()
        proc = run_cli(env, "tcp-client", "--remote-port", str(port), "--send", "hello", "--json")
        took = time.monotonic() - started
        conn, _ = server.accept()
        with conn:
            conn.settimeout(TIMEOUT)
            assert conn.recv(100) == b"hello"
            assert conn.recv(100) == b"", "the CLI closed after sending"
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["event"] for r in records if r["event"] in ("chunk", "stopped")] == [
        "chunk",
        "stopped",
    ]
    assert took < 3


def test_wait_collects_replies_before_a_send_only_run_ends(env):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]

        def answer() -> None:
            conn, _ = server.accept()
            with conn:
                conn.settimeout(TIMEOUT)
                conn.recv(100)
                time.sleep(0.1)
                conn.sendall(b"reply")
                time.sleep(0.5)

        peer = threading.Thread(target=answer)
        peer.start()
        args = ("tcp-client", "--remote-port", str(port), "--send", "q", "--wait", "400")
        proc = run_cli(env, *args, "--json")
        peer.join(TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    rx = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [bytes.fromhex(r["hex"]) for r in rx if r.get("dir") == "rx"] == [b"reply"]


@pytest.mark.parametrize("make", ["fifo", "device", "folder"])
def test_send_file_of_a_special_file_is_refused_at_once(env, tmp_path, make):
    if make == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
        what = "a named pipe (FIFO), not a regular file"
    elif make == "device":
        path = Path("/dev/zero")
        what = "a character device, not a regular file"
    else:
        path = tmp_path
        what = "a directory, not a regular file"
    proc = run_cli(env, "tcp-client", "-P", "9", "--send-file", str(path), timeout=5)
    assert proc.returncode == 2
    assert proc.stderr.rstrip("\n").endswith(f"cannot read {path}: {what}")


def test_a_server_reachable_from_other_machines_says_so(env):
    proc = run_cli(
        env, "tcp-server", "--local-host", "0.0.0.0", "--local-port", "0", "--duration", "0"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith("netassistant-cli: warning: ")
    assert "0.0.0.0" in proc.stderr
