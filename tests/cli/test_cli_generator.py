"""``--rate`` and ``--bps``: the traffic generator from the command line, real processes.

The pace is the core's rate plan (tests/core/sending/test_generator.py checks its accuracy
on the engine's clock); here: the options reach it, bad values are refused in words, and
a run sends exactly what it says over real loopback TCP and UDP.
"""

from __future__ import annotations

import json
import socket
import threading

import pytest

from tests.cli.helpers import listener, run_cli

RATE_RANGE = "must be a number of messages per second above 0 and at most 1000000"
BPS_RANGE = "must be a number of bytes per second above 0 and at most 10000000000"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rate", "0"], f"argument --rate: {RATE_RANGE}, not '0'"),
        (["--rate", "-5"], f"argument --rate: {RATE_RANGE}, not '-5'"),
        (["--rate", "nan"], f"argument --rate: {RATE_RANGE}, not 'nan'"),
        (["--rate", "1e9"], f"argument --rate: {RATE_RANGE}, not '1e9'"),
        (["--rate", "fast"], f"argument --rate: {RATE_RANGE}, not 'fast'"),
        (["--bps", "0"], f"argument --bps: {BPS_RANGE}, not '0'"),
        (["--bps", "inf"], f"argument --bps: {BPS_RANGE}, not 'inf'"),
    ],
)
def test_bad_rates_are_usage_errors(env, args, message):
    done = run_cli(env, "udp", "--remote-port", "9", "--send", "x", *args)
    assert done.returncode == 2
    assert done.stderr.strip().endswith(message)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--send", "x", "--rate", "5", "--bps", "5"],
            "--rate and --bps both set the pace: give one of them",
        ),
        (
            ["--send", "x", "--rate", "5", "--interval", "10"],
            "--rate sets the pace itself: drop --interval",
        ),
        (
            ["--send", "x", "--bps", "5", "--burst"],
            "--bps sends one message per send call: drop --burst",
        ),
        (
            ["--send", "x", "--send", "y", "--rate", "5"],
            "--rate sends one message over and over: give exactly one --send or --send-hex",
        ),
    ],
)
def test_options_that_do_not_go_with_a_rate_are_named(env, args, message):
    done = run_cli(env, "udp", "--remote-port", "9", *args)
    assert done.returncode == 2
    assert message in done.stderr


def test_udp_rate_with_repeat_sends_exactly_that_many(env):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as rx:
        rx.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        rx.bind(("127.0.0.1", 0))
        port = rx.getsockname()[1]
        done = run_cli(
            env,
            "udp",
            "--remote-port",
            str(port),
            "--send-hex",
            "01 02 03",
            "--rate",
            "1000",
            "--repeat",
            "300",
            "--json",
            timeout=15,
        )
        assert done.returncode == 0, done.stderr
        rx.settimeout(2)
        got = [rx.recv(100) for _ in range(300)]
        assert set(got) == {b"\x01\x02\x03"}
    records = [json.loads(line) for line in done.stdout.splitlines()]
    end = [r for r in records if r.get("message", "").startswith("rate send: done")]
    assert len(end) == 1
    assert end[0]["sent"] == 300
    assert end[0]["unit"] == "msg/s"
    assert end[0]["target"] == 1000.0
    assert abs(end[0]["achieved"] - 1000) <= 50, end[0]
    assert end[0]["message"].startswith("rate send: done, 300 sent, ")
    assert end[0]["message"].endswith(" msg/s (target 1,000 msg/s)")


def test_tcp_bps_until_the_duration_ends_exits_cleanly(env):
    received = bytearray()
    with listener() as server:
        port = server.getsockname()[1]

        def serve() -> None:
            conn, _ = server.accept()
            with conn:
                conn.settimeout(10)
                while data := conn.recv(65536):
                    received.extend(data)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        done = run_cli(
            env,
            "tcp-client",
            "--remote-port",
            str(port),
            "--send",
            "0123456789",
            "--bps",
            "20000",
            "--duration",
            "1",
            timeout=15,
        )
        thread.join(10)
    assert done.returncode == 0, done.stderr
    assert "rate send stopped after" in done.stdout
    assert "(target" not in done.stderr
    # About 1 s at 2,000 messages/s: whole messages only, and no more than the pace allows.
    assert len(received) % 10 == 0
    assert 200 <= len(received) // 10 <= 2100
