"""``netassistant-cli`` run as a real process against real loopback peers.

Every peer is a plain socket in the test (or a second CLI process); nothing is mocked.
Every wait is bounded, and every process is killed in a ``finally`` if it is still running.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import struct
import threading
import time
from pathlib import Path

import pytest

from tests.cli.helpers import (
    CLOCK,
    TIMEOUT,
    chunks,
    cli,
    client_run,
    connect,
    listener,
    receive_all_then_close,
    run_cli,
)
from tests.helpers import free_port, recv_exactly


# --------------------------------------------------------------------- 1. tcp-server JSON
def test_tcp_server_json_records_one_per_recv(env):
    # The kernel state has its own test (test_cli_kernel.py): these records are the chunks.
    with cli(
        env, "tcp-server", "--local-port", "0", "--json", "--count", "2", "--no-kernel-state"
    ) as proc:
        listening = proc.next_record()
        assert listening["event"] == "listening"
        local = listening["local"]
        assert re.fullmatch(r"127\.0\.0\.1:\d+", local)
        assert listening["message"] == f"listening on {local}"
        with connect(local) as client:
            peer = "127.0.0.1:%d" % client.getsockname()[1]
            opened = proc.next_record()
            assert (opened["event"], opened["kind"], opened["conn"]) == ("open", "accepted", 1)
            assert (opened["peer"], opened["local"]) == (peer, local)
            client.sendall(b"hello")
            first = proc.next_record()  # seen before the second send: two separate recv()s
            client.sendall(b"w\xc3\xb6rld\n")
            assert proc.finish() == 0
        assert proc.stderr == ""

    records = proc.records
    assert [r["event"] for r in records] == [
        "listening",
        "open",
        "chunk",
        "chunk",
        "close",
        "stopped",
    ]
    second = records[3]
    assert first == records[2]
    for rec, data, text in ((first, b"hello", "hello"), (second, b"w\xc3\xb6rld\n", "wörld\\n")):
        assert rec["dir"] == "rx"
        assert rec["conn"] == 1
        assert (rec["peer"], rec["local"]) == (peer, local)
        assert rec["hex"] == data.hex()
        assert rec["len"] == len(data)
        assert rec["text"] == text
        assert "truncated" not in rec
    seqs = [r["seq"] for r in records]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == len(seqs)
    assert records[4]["reason"] == "local"
    assert records[5]["local"] == local


# ----------------------------------------------------------------- 2. tcp-client sending
def test_tcp_client_repeat_with_interval_sends_each_copy(env):
    received, proc = client_run(
        env, "--send", "a\\n", "--repeat", "3", "--interval", "50", expected=6
    )
    assert received == b"a\na\na\n"
    tx = chunks(proc.records, "tx")
    assert [(r["hex"], r["len"], r["text"], r["conn"]) for r in tx] == [("610a", 2, "a\\n", 1)] * 3
    # 50 ms apart, so each copy was its own send call
    assert tx[2]["ts"] - tx[0]["ts"] >= 0.09


def test_tcp_client_burst_puts_the_copies_in_one_send(env):
    received, proc = client_run(env, "--send", "a\\n", "--repeat", "3", "--burst", expected=6)
    assert received == b"a\na\na\n"
    tx = chunks(proc.records, "tx")
    assert [(r["hex"], r["len"]) for r in tx] == [("610a610a610a", 6)]


def test_tcp_client_send_hex(env):
    received, proc = client_run(env, "--send-hex", "01 02 0a", expected=3)
    assert received == b"\x01\x02\x0a"
    assert [r["hex"] for r in chunks(proc.records, "tx")] == ["01020a"]


def test_tcp_client_send_file(env, tmp_path):
    payload = bytes(range(256)) * 8
    path = tmp_path / "payload.bin"
    path.write_bytes(payload)
    received, proc = client_run(env, "--send-file", str(path), expected=len(payload))
    assert received == payload
    assert [(r["hex"], r["len"]) for r in chunks(proc.records, "tx")] == [
        (payload.hex(), len(payload))
    ]


def test_tcp_client_sends_in_command_line_order(env):
    # STX, text, ETX: the kinds of payload interleave as typed, before and after the
    # sub-command alike.
    args = ("--send-hex", "02", "tcp-client", "--send", "data", "--send-hex", "03")
    with listener() as srv:
        port = srv.getsockname()[1]
        with cli(env, *args, "--remote-port", str(port), "--json", "--burst") as proc:
            conn, _ = srv.accept()
            with conn:
                received = receive_all_then_close(conn, 6)
            assert proc.finish() == 0, proc.stderr
    assert received == b"\x02data\x03"
    assert [r["hex"] for r in chunks(proc.records, "tx")] == [b"\x02data\x03".hex()]


def test_tcp_client_sees_server_data_and_fin(env):
    with listener() as srv:
        port = srv.getsockname()[1]
        with cli(env, "tcp-client", "--remote-port", str(port), "--json") as proc:
            conn, _ = srv.accept()
            with conn:
                conn.sendall(b"\x00hi\xff")
                rx = proc.wait_record("chunk")
                assert (rx["dir"], rx["hex"], rx["text"]) == ("rx", "006869ff", "\\0hi\\xff")
            assert proc.finish() == 0
    close = [r for r in proc.records if r["event"] == "close"]
    assert [c["reason"] for c in close] == ["fin"]
    assert proc.records[-1]["event"] == "stopped"


# --------------------------------------------------------------------------- 3. echo
def test_tcp_server_echo(env):
    with cli(env, "tcp-server", "--local-port", "0", "--json", "--echo") as proc:
        local = proc.next_record()["local"]
        with connect(local) as client:
            proc.wait_record("open")
            client.sendall(b"ping")
            assert recv_exactly(client, 4) == b"ping"
            proc.proc.send_signal(signal.SIGTERM)
            assert proc.finish() == 0
    assert proc.stderr == ""
    data = [(r["dir"], r["hex"]) for r in proc.records if r["event"] == "chunk"]
    assert data == [("rx", b"ping".hex()), ("tx", b"ping".hex())]
    assert proc.records[-1]["event"] == "stopped"


# ------------------------------------------------------------------------ 4. framing
FRAMES = [b"one", b"", b"three\x00"]
FRAMED = b"".join(struct.pack("!I", len(p)) + p for p in FRAMES)


def test_tcp_server_frame_length_json(env):
    args = ("tcp-server", "--local-port", "0", "--json", "--count", "1", "--frame", "length:!I")
    with cli(env, *args) as proc:
        local = proc.next_record()["local"]
        with connect(local) as client:
            proc.wait_record("open")
            client.sendall(FRAMED)  # three frames in one send: one chunk, three messages
            assert proc.finish() == 0
    assert proc.stderr == ""
    records = proc.records
    rx = chunks(records, "rx")
    assert [r["hex"] for r in rx] == [FRAMED.hex()]
    messages = [r for r in records if r["event"] == "message"]
    assert [(m["index"], m["hex"], m["len"], m["conn"]) for m in messages] == [
        (i, p.hex(), len(p), 1) for i, p in enumerate(FRAMES)
    ]
    seq = rx[0]["seq"]
    assert [m["chunks"] for m in messages] == [[seq]] * 3
    assert [m["spans"] for m in messages] == [[[seq, 0, 7]], [[seq, 7, 11]], [[seq, 11, 21]]]
    assert [m["text"] for m in messages] == ["one", "", "three\\0"]
    # messages follow the chunk they came from
    assert records.index(messages[0]) > records.index(rx[0])


def test_tcp_server_frame_length_text_log(env):
    args = ("tcp-server", "--local-port", "0", "--count", "1", "--frame", "length:!I")
    args += ("--no-kernel-state",)
    with cli(env, *args) as proc:
        local = proc.next_line().rpartition(" ")[2]
        with connect(local) as client:
            proc.next_line()  # ACCEPTED
            client.sendall(FRAMED)
            assert proc.finish() == 0
    assert proc.stderr == ""
    msg = [line for line in proc.lines if line.startswith("   MSG")]
    assert msg == [
        "   MSG #1 message 0 len 3 from chunk 3 | 6F 6E 65 | one",
        "   MSG #1 message 1 len 0 from chunk 3 |  | ",
        "   MSG #1 message 2 len 6 from chunk 3 | 74 68 72 65 65 00 | three\\0",
    ]


# --------------------------------------------------------------------- 5. frame-send
def test_tcp_client_frame_send(env):
    expected = struct.pack("!I", 3) + b"one" + struct.pack("!I", 4) + b"two\n"
    received, proc = client_run(
        env,
        "--frame",
        "length:!I",
        "--frame-send",
        "--send",
        "one",
        "--send",
        "two\\n",
        expected=len(expected),
    )
    assert received == expected
    assert [r["hex"] for r in chunks(proc.records, "tx")] == [
        expected[:7].hex(),
        expected[7:].hex(),
    ]


# ---------------------------------------------------------------------------- 6. udp
def test_udp_truncation_and_send(env):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.settimeout(TIMEOUT)
        peer.bind(("127.0.0.1", 0))
        peer_port = peer.getsockname()[1]
        args = ("udp", "--json", "--recv-size", "8", "--local-port", "0")
        args += ("--remote-port", str(peer_port), "--send", "hi", "--count", "1")
        with cli(env, *args) as proc:
            local = proc.next_record()["local"]
            data, addr = peer.recvfrom(100)
            assert data == b"hi"
            assert f"{addr[0]}:{addr[1]}" == local
            big = bytes(range(20))
            peer.sendto(big, addr)
            assert proc.finish() == 0
    assert proc.stderr == ""
    records = proc.records
    assert [r["event"] for r in records] == ["listening", "chunk", "chunk", "stopped"]
    tx, rx = records[1], records[2]
    assert (tx["dir"], tx["hex"], tx["peer"], tx["conn"]) == (
        "tx",
        "6869",
        f"127.0.0.1:{peer_port}",
        0,
    )
    assert (tx["truncated"], tx["orig_len"]) == (False, 2)
    assert rx["dir"] == "rx"
    assert rx["peer"] == f"127.0.0.1:{peer_port}"
    assert (rx["len"], rx["hex"]) == (8, big[:8].hex())
    assert (rx["truncated"], rx["orig_len"]) == (True, 20)


def test_udp_echo_answers_the_sender(env):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.settimeout(TIMEOUT)
        peer.bind(("127.0.0.1", 0))
        sender = "127.0.0.1:%d" % peer.getsockname()[1]
        with cli(env, "udp", "--json", "--local-port", "0", "--echo") as proc:
            host, _, port = proc.next_record()["local"].rpartition(":")
            peer.sendto(b"hey", (host, int(port)))
            assert peer.recvfrom(100) == (b"hey", (host, int(port)))
            proc.proc.send_signal(signal.SIGTERM)
            assert proc.finish() == 0
    data = [(r["dir"], r["hex"], r["peer"]) for r in proc.records if r["event"] == "chunk"]
    assert data == [("rx", b"hey".hex(), sender), ("tx", b"hey".hex(), sender)]


def test_udp_two_cli_processes_talk(env):
    port_a = free_port(socket.AF_INET, socket.SOCK_DGRAM)
    with cli(env, "udp", "--json", "--local-port", str(port_a), "--count", "1") as a:
        assert a.next_record()["local"] == f"127.0.0.1:{port_a}"
        b = run_cli(
            env,
            "udp",
            "--remote-port",
            str(port_a),
            "--send-hex",
            "01 02 0a",
            "--json",
            "--duration",
            "0.2",
        )
        assert b.returncode == 0, b.stderr
        sender = json.loads(b.stdout.splitlines()[0])["local"]
        assert a.finish() == 0
    rx = chunks(a.records, "rx")
    assert [(r["hex"], r["peer"]) for r in rx] == [("01020a", sender)]


# ---------------------------------------------------------------- 7. exit codes, errors
def test_bad_port_is_a_usage_error(env):
    proc = run_cli(env, "tcp-client", "--remote-port", "70000")
    assert proc.returncode == 2
    assert proc.stderr.endswith(
        "error: argument -P/--remote-port: must be a whole number from 0 to 65535, not '70000'\n"
    )
    assert proc.stdout == ""


def test_a_client_needs_a_remote_port_above_0(env):
    proc = run_cli(env, "tcp-client", "--remote-port", "0")
    assert proc.returncode == 2
    assert "remote_port: 0 is out of range 1..65535" in proc.stderr


WHOLE = "must be a whole number from {} to {}, not '{}'"
NUMBER = "must be a number of {} from {} to {}, not '{}'"
ABOVE = "must be a number of {} above {} and at most {}, not '{}'"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--count", "-1", WHOLE.format(1, 2**31 - 1, "-1")),
        ("--count", "0", WHOLE.format(1, 2**31 - 1, "0")),
        ("--count", "1.5", WHOLE.format(1, 2**31 - 1, "1.5")),
        ("--duration", "nan", NUMBER.format("seconds", 0, 31536000, "nan")),
        ("--duration", "-1", NUMBER.format("seconds", 0, 31536000, "-1")),
        ("--duration", "inf", NUMBER.format("seconds", 0, 31536000, "inf")),
        ("--duration", "31536001", NUMBER.format("seconds", 0, 31536000, "31536001")),
        ("--interval", "nan", NUMBER.format("milliseconds", 0, 3600000, "nan")),
        ("--interval", "-5", NUMBER.format("milliseconds", 0, 3600000, "-5")),
        ("--interval", "1e999", NUMBER.format("milliseconds", 0, 3600000, "1e999")),
        ("--repeat", "0", WHOLE.format(1, 10**12, "0")),
        ("--repeat", "-3", WHOLE.format(1, 10**12, "-3")),
        ("--recv-size", "0", WHOLE.format(1, 1048576, "0")),
        ("--recv-size", "9" * 5000, WHOLE.format(1, 1048576, "9" * 37 + "...")),
        ("--rcvbuf", "-1", WHOLE.format(0, 268435456, "-1")),
        ("--sndbuf", "268435457", WHOLE.format(0, 268435456, "268435457")),
        ("--backlog", "-1", WHOLE.format(0, 65535, "-1")),
        ("--connect-timeout", "0", ABOVE.format("seconds", 0, 600, "0")),
        ("--connect-timeout", "nan", ABOVE.format("seconds", 0, 600, "nan")),
        ("--read-delay-ms", "-1", WHOLE.format(0, 60000, "-1")),
        ("--local-port", "-1", WHOLE.format(0, 65535, "-1")),
        ("--remote-port", "x", WHOLE.format(0, 65535, "x")),
    ],
)
def test_numeric_options_refuse_what_is_out_of_range(env, option, value, message):
    proc = run_cli(env, "tcp-client", "--remote-port", "9", option, value)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    last = proc.stderr.splitlines()[-1]
    assert last.startswith("netassistant-cli tcp-client: error: argument ")
    assert last.endswith(f"{option}: {message}")
    assert proc.stdout == ""


def test_profile_save_checks_numbers_too(env):
    proc = run_cli(env, "profile", "save", "x", "--kind", "tcp-server", "--backlog", "nan")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].endswith(
        "argument --backlog: must be a whole number from 0 to 65535, not 'nan'"
    )


def test_profile_save_keeps_a_relays_faults_and_upstream_settings(env):
    saved = run_cli(
        env,
        *("profile", "save", "bent", "--kind", "relay", "-p", "9100", "-P", "9000"),
        *("--toxic", "up:slicer:size=5,variation=2,delay_ms=10", "--toxic", "down:latency:ms=100"),
        *("--idle-timeout", "30", "--fault-seed", "7", "--upstream-insecure"),
    )
    assert saved.returncode == 0, saved.stderr
    shown = run_cli(env, "profile", "show", "bent")
    config = json.loads(shown.stdout)["config"]
    assert config["kind"] == "relay"
    assert config["faults"] == ["up:slicer:size=5,variation=2,delay_ms=10", "down:latency:ms=100"]
    assert (config["relay_idle_timeout"], config["fault_seed"]) == (30.0, 7)
    assert config["upstream_tls"]["verify"] is False
    assert "tls" not in config  # toward clients: plain TCP


def test_profile_save_refuses_relay_settings_for_another_kind(env):
    proc = run_cli(env, "profile", "save", "x", "--kind", "tcp-server", "--toxic", "up:drop")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "netassistant-cli: error: --udp, --toxic, --idle-timeout, --fault-seed and the "
        "--upstream-… options are relay settings: save them with --kind relay"
    )
    assert run_cli(env, "profile", "show", "x").returncode != 0


def test_invalid_hex_is_a_usage_error(env):
    proc = run_cli(env, "tcp-client", "--remote-port", "9", "--send-hex", "zz")
    assert proc.returncode == 2
    assert "invalid hex character 'z' at position 0" in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (
            "fixed:" + "9" * 5000,
            "framing: fixed length must be a whole number of bytes from 1 to 1048576",
        ),
        (
            "length:!I:max=" + "9" * 5000,
            "framing: max must be a whole number of bytes from 1 to 1073741824 "
            "(got '99999999999999999999…')",
        ),
    ],
)
def test_huge_framing_numbers_are_a_usage_error(env, frame, message):
    # 5000 digits once reached int() and ended in a traceback.
    proc = run_cli(env, "tcp-client", "--remote-port", "9", "--frame", frame)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == f"netassistant-cli: error: {message}"
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_unreadable_send_file_is_a_usage_error(env, tmp_path):
    proc = run_cli(env, "tcp-client", "--remote-port", "9", "--send-file", str(tmp_path / "no"))
    assert proc.returncode == 2
    assert f"cannot read {tmp_path / 'no'}: it does not exist" in proc.stderr


def test_connection_refused_is_a_runtime_failure(env):
    port = free_port()
    proc = run_cli(env, "tcp-client", "--remote-port", str(port))
    assert proc.returncode == 1
    assert proc.stderr == (
        f"netassistant-cli: connection refused by 127.0.0.1:{port} — nothing is listening there\n"
    )
    assert "Traceback" not in proc.stderr


def test_reset_by_the_server_is_a_runtime_failure(env):
    with listener() as srv:
        port = srv.getsockname()[1]

        def reset_first_client() -> None:
            conn, _ = srv.accept()
            time.sleep(0.3)  # let the client see "connected" first
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()

        t = threading.Thread(target=reset_first_client)
        t.start()
        proc = run_cli(env, "tcp-client", "--remote-port", str(port))
        t.join(TIMEOUT)
    assert proc.returncode == 1
    assert proc.stderr == f"netassistant-cli: connection reset by 127.0.0.1:{port} (RST)\n"


def test_port_in_use_is_a_runtime_failure(env):
    with listener() as busy:
        port = busy.getsockname()[1]
        proc = run_cli(env, "tcp-server", "--local-port", str(port), "--json")
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"netassistant-cli: port {port} is already in use")
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["event"] for r in records] == ["error", "stopped"]


def test_no_command_and_no_profile_is_a_usage_error(env):
    proc = run_cli(env)
    assert proc.returncode == 2
    assert "choose tcp-server, tcp-client, udp or relay (or --profile NAME)" in proc.stderr


def test_argparse_errors_exit_2(env):
    proc = run_cli(env, "tcp-server", "--show", "x")
    assert proc.returncode == 2
    assert "argument --show: invalid choice: 'x'" in proc.stderr


# -------------------------------------------------------------------------- 8. SIGINT
def test_sigint_stops_cleanly(env):
    with cli(env, "tcp-server", "--local-port", "0") as proc:
        assert re.fullmatch(
            rf"{CLOCK} -- LISTENING #0 listening on 127\.0\.0\.1:\d+", proc.next_line()
        )
        started = time.monotonic()
        proc.proc.send_signal(signal.SIGINT)
        assert proc.finish(timeout=3) == 0
        assert time.monotonic() - started < 3
    assert re.fullmatch(rf"{CLOCK} -- STOPPED #0 stopped", proc.lines[-1])
    assert proc.stderr == ""


def test_sigint_with_a_client_connected(env):
    with cli(env, "tcp-server", "--local-port", "0", "--json") as proc:
        local = proc.next_record()["local"]
        with connect(local) as client:
            proc.wait_record("open")
            proc.proc.send_signal(signal.SIGINT)
            assert proc.finish(timeout=3) == 0
            assert client.recv(10) == b""  # closed with FIN, not left hanging
    assert [r["event"] for r in proc.records][-2:] == ["close", "stopped"]
    assert proc.stderr == ""


# -------------------------------------------------------------------- 9. text format
def test_text_log_lines(env):
    with cli(env, "tcp-server", "--local-port", "0", "--count", "1", "--no-kernel-state") as proc:
        m = re.fullmatch(
            rf"{CLOCK} -- LISTENING #0 listening on (127\.0\.0\.1:\d+)", proc.next_line()
        )
        assert m, proc.lines
        local = m.group(1)
        with connect(local) as client:
            peer = "127.0.0.1:%d" % client.getsockname()[1]
            client.sendall(b"hi\r\n\xff")
            assert proc.finish() == 0
    assert proc.stderr == ""
    patterns = [
        rf"{CLOCK} -- ACCEPTED #1 accepted {re.escape(peer)} as client #1",
        rf"{CLOCK} RX #1 {re.escape(peer)} chunk 3 len 5 \| 68 69 0D 0A FF \| hi\\r\\n\\xff",
        rf"{CLOCK} -- LOCAL_CLOSE #1 disconnected from {re.escape(peer)} \(session stopped\)",
        rf"{CLOCK} -- STOPPED #0 stopped",
    ]
    assert len(proc.lines) == 5
    for line, pattern in zip(proc.lines[1:], patterns, strict=True):
        assert re.fullmatch(pattern, line), (line, pattern)


@pytest.mark.parametrize(
    ("show", "tail"),
    [("hex", r" \| 6F 6B"), ("text", r" \| ok"), ("both", r" \| 6F 6B \| ok")],
)
def test_text_log_show_option_on_tx_lines(env, show, tail):
    with listener() as srv:
        port = srv.getsockname()[1]
        args = ("tcp-client", "--remote-port", str(port), "--send", "ok", "--show", show)
        with cli(env, *args) as proc:
            conn, _ = srv.accept()
            with conn:
                assert receive_all_then_close(conn, 2) == b"ok"
            assert proc.finish() == 0
    remote = re.escape(f"127.0.0.1:{port}")
    tx = [line for line in proc.lines if " TX " in line]
    assert len(tx) == 1
    assert re.fullmatch(rf"{CLOCK} TX #1 {remote} chunk \d+ len 2{tail}", tx[0]), tx[0]


# ----------------------------------------------------------------------- 10. profiles
def test_profile_commands_round_trip(env, tmp_path):
    port = free_port()
    saved = run_cli(
        env, "profile", "save", "demo", "--kind", "tcp-server", "--local-port", str(port)
    )
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith("saved profile 'demo' to ")
    assert Path(env["NETASSISTANT_CONFIG_DIR"]) in Path(saved.stdout.split(" to ", 1)[1]).parents

    listing = run_cli(env, "profile", "list")
    assert listing.returncode == 0, listing.stderr
    names = [line.split("\t")[0] for line in listing.stdout.splitlines()]
    assert "Echo server" in names
    assert f"demo\ttcp-server 127.0.0.1:{port}\t" in listing.stdout.splitlines()

    shown = run_cli(env, "profile", "show", "demo")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["name"] == "demo"
    assert data["config"]["kind"] == "tcp-server"
    assert data["config"]["local_port"] == port

    exported = tmp_path / "demo.json"
    assert run_cli(env, "profile", "export", "demo", str(exported)).returncode == 0
    assert json.loads(exported.read_text("utf-8"))["config"]["local_port"] == port
    deleted = run_cli(env, "profile", "delete", "demo")
    assert (deleted.returncode, deleted.stdout) == (0, "deleted profile 'demo'\n")
    gone = run_cli(env, "profile", "show", "demo")
    assert gone.returncode == 1
    assert "no profile named 'demo'" in gone.stderr
    imported = run_cli(env, "profile", "import", str(exported))
    assert (imported.returncode, imported.stdout) == (0, "imported profile 'demo'\n")
    again = run_cli(env, "profile", "show", "demo")
    assert json.loads(again.stdout) == data

    # a second import of the same name is renamed without --overwrite
    twice = run_cli(env, "profile", "import", str(exported))
    assert (twice.returncode, twice.stdout) == (
        0,
        "imported profile 'demo' as 'demo (2)': the name 'demo' is taken (built-in examples "
        "are never replaced; --overwrite replaces a saved profile)\n",
    )
    replaced = run_cli(env, "profile", "import", "--overwrite", str(exported))
    assert (replaced.returncode, replaced.stdout) == (
        0,
        "imported profile 'demo', replacing the saved one\n",
    )


def test_profile_import_cannot_shadow_a_built_in(env, tmp_path):
    from netassistant.core.profiles.model import find_profile

    hijack = find_profile("Echo server")
    hijack.config = hijack.config.replace(local_host="0.0.0.0", local_port=free_port())
    source = tmp_path / "hijack.json"
    source.write_bytes(hijack.to_json_bytes())
    proc = run_cli(env, "profile", "import", "--overwrite", str(source))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("imported profile 'Echo server' as 'Echo server (2)': ")
    listing = run_cli(env, "profile", "list")
    names = [line.split("\t")[0] for line in listing.stdout.splitlines()]
    assert len(names) == len(set(names)), "every name once"
    assert names.count("Echo server") == 1
    assert "Echo server (2)" in names
    shown = run_cli(env, "profile", "show", "Echo server")
    assert json.loads(shown.stdout)["config"]["local_host"] == "127.0.0.1"
    assert shown.stderr == ""
    shown = run_cli(env, "profile", "show", "Echo server (2)")
    assert shown.stderr == (
        f"netassistant-cli: warning: this profile listens on 0.0.0.0:{hijack.config.local_port}, "
        "reachable from other machines\n"
    )
    saved = run_cli(env, "profile", "save", "Echo server", "--kind", "tcp-server")
    assert saved.returncode == 1
    assert saved.stderr == (
        "netassistant-cli: 'Echo server' is the name of a built-in example; choose another name\n"
    )


def test_hostile_profile_files_never_stop_the_cli(env, tmp_path):
    folder = Path(env["NETASSISTANT_CONFIG_DIR"]) / "profiles"
    folder.mkdir()
    port = free_port()
    assert (
        run_cli(env, "profile", "save", "good", "--kind", "tcp-server", "-p", str(port)).returncode
        == 0
    )
    doc = json.loads((folder / "good.json").read_text("utf-8"))
    doc["name"] = "big"
    (folder / "big.json").write_text(
        json.dumps(doc).replace(f'"local_port": {port}', '"local_port": ' + "9" * 5000), "utf-8"
    )
    doc["name"] = "deep"
    doc["view"] = {"x": "@"}
    (folder / "deep.json").write_text(
        json.dumps(doc).replace('"@"', "[" * 900 + "]" * 900), "utf-8"
    )
    os.mkfifo(folder / "pipe.json")
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)
    listing = run_cli(env, "profile", "list")
    assert listing.returncode == 0
    assert f"good\ttcp-server 127.0.0.1:{port}\t" in listing.stdout.splitlines()
    errors = listing.stderr.splitlines()
    assert len(errors) == 3
    assert "Traceback" not in listing.stderr
    assert errors[0].startswith(
        f"netassistant-cli: profile file {folder / 'big.json'}: config.local_port: the number 999999999999… (5000 digits) is too large"
    )
    assert errors[1].startswith(f"netassistant-cli: profile file {folder / 'deep.json'}: view.x[0]")
    assert (
        errors[2]
        == f"netassistant-cli: cannot read profile file {folder / 'pipe.json'}: a named pipe (FIFO), not a regular file"
    )
    shown = run_cli(env, "profile", "show", "good")
    assert shown.returncode == 0
    assert json.loads(shown.stdout)["name"] == "good"
    imported = run_cli(env, "profile", "import", str(fifo))
    assert (imported.returncode, imported.stderr) == (
        1,
        f"netassistant-cli: cannot read profile file {fifo}: a named pipe (FIFO), not a regular file\n",
    )
    run = run_cli(env, "--profile", "good", "--duration", "0.2")
    assert run.returncode == 0, run.stderr
    missing = run_cli(env, "--profile", "big", "--duration", "0.2")
    assert missing.returncode == 2
    assert "no profile named 'big'" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_run_a_profile_and_override_it(env):
    port, other = free_port(), free_port()
    assert (
        run_cli(
            env,
            *("profile", "save", "demo", "--kind", "tcp-server", "--local-port", str(port)),
            "--no-kernel-state",  # its LISTEN state record has its own test
        ).returncode
        == 0
    )
    proc = run_cli(env, "--profile", "demo", "--duration", "0.3", "--json")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["event"], r["local"]) for r in records] == [
        ("listening", f"127.0.0.1:{port}"),
        ("stopped", f"127.0.0.1:{port}"),
    ]
    # options on the command line win over the profile's
    proc = run_cli(
        env, "tcp-server", "--profile", "demo", "--local-port", str(other), "--duration", "0.3"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].endswith(f"listening on 127.0.0.1:{other}")


def test_run_a_profile_that_serves(env):
    port = free_port()
    save = ("profile", "save", "demo", "--kind", "tcp-server", "--local-port", str(port))
    assert run_cli(env, *save, "--frame", "delimiter:\\n").returncode == 0
    with cli(env, "--profile", "demo", "--json", "--count", "1") as proc:
        assert proc.next_record()["local"] == f"127.0.0.1:{port}"
        with connect(f"127.0.0.1:{port}") as client:
            client.sendall(b"a\nb\n")
            assert proc.finish() == 0
    messages = [r["hex"] for r in proc.records if r["event"] == "message"]
    assert messages == [b"a".hex(), b"b".hex()]


def test_unknown_profile_is_a_usage_error(env):
    proc = run_cli(env, "--profile", "no such thing", "--duration", "0.1")
    assert proc.returncode == 2
    assert "no profile named 'no such thing'" in proc.stderr


# ---------------------------------------------------------------- 11. inet6 and unix
def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback")
def test_inet6_server(env):
    args = ("tcp-server", "--family", "inet6", "--local-host", "::1", "--local-port", "0")
    with cli(env, *args, "--json", "--count", "1") as proc:
        local = proc.next_record()["local"]
        assert re.fullmatch(r"\[::1\]:\d+", local)
        with connect(local, socket.AF_INET6) as client:
            peer = "[::1]:%d" % client.getsockname()[1]
            client.sendall(b"\x00six\xff")
            assert proc.finish() == 0
    rx = chunks(proc.records, "rx")
    assert [(r["hex"], r["peer"], r["local"]) for r in rx] == [(b"\x00six\xff".hex(), peer, local)]


@pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback")
def test_inet6_hosts_default_to_ipv6_loopback(env):
    proc = run_cli(env, "tcp-server", "--family", "inet6", "--json", "--duration", "0")
    assert proc.returncode == 0, proc.stderr
    assert re.fullmatch(r"\[::1\]:\d+", json.loads(proc.stdout.splitlines()[0])["local"])


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no AF_UNIX")
def test_unix_needs_a_path(env, tmp_path):
    # not a socket file called "127.0.0.1" in the current folder
    for kind, field in (("tcp-server", "local_host"), ("tcp-client", "remote_host")):
        proc = run_cli(env, kind, "--family", "unix", timeout=TIMEOUT)
        assert proc.returncode == 2
        assert f"{field}: a unix " in proc.stderr
    saved = run_cli(env, "profile", "save", "u", "--kind", "tcp-server", "--family", "unix")
    assert saved.returncode == 2
    assert "local_host: a unix server needs a socket path to bind" in saved.stderr


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no AF_UNIX")
def test_unix_server(env, tmp_path):
    path = str(tmp_path / "s.sock")
    args = ("tcp-server", "--family", "unix", "--local-host", path, "--json", "--count", "1")
    with cli(env, *args) as proc:
        listening = proc.next_record()
        assert listening["local"] == path
        with connect(path, socket.AF_UNIX) as client:
            client.sendall(b"unix\x00bytes")
            assert proc.finish() == 0
    rx = chunks(proc.records, "rx")
    assert [(r["hex"], r["local"], r["conn"]) for r in rx] == [(b"unix\x00bytes".hex(), path, 1)]
    assert not os.path.exists(path)  # the server removes its socket file


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no AF_UNIX")
def test_unix_client_and_server_processes(env, tmp_path):
    path = str(tmp_path / "c.sock")
    args = ("tcp-server", "--family", "unix", "--local-host", path, "--json", "--count", "1")
    with cli(env, *args) as server:
        server.next_record()
        client = run_cli(
            env,
            "tcp-client",
            "--family",
            "unix",
            "--remote-host",
            path,
            "--send",
            "x\\ty",
            "--duration",
            "0.3",
        )
        assert client.returncode == 0, client.stderr
        assert server.finish() == 0
    assert [r["hex"] for r in chunks(server.records, "rx")] == [b"x\ty".hex()]


def test_profile_export_of_a_built_in_example(env, tmp_path):
    from netassistant.core.profiles.model import find_profile

    path = tmp_path / "echo.json"
    proc = run_cli(env, "profile", "export", "Echo server", str(path))
    assert proc.returncode == 0, proc.stderr
    assert path.read_bytes() == find_profile("Echo server").to_json_bytes()
