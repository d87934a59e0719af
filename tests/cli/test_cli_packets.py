"""``packets`` command, ``--send-packet``, ``--rules`` and the one-shot exits, as real processes."""

from __future__ import annotations

import json
import socket
import struct
import threading
from pathlib import Path

import pytest

from netassistant.core.packets.library import PacketLibrary
from netassistant.core.packets.model import Packet
from tests.cli.helpers import TIMEOUT, cli, listener, run_cli
from tests.helpers import recv_exactly

FIXTURE = Path(__file__).parents[1] / "core" / "packets" / "data" / "packetsender-packets.ini"


def library(env: dict[str, str]) -> PacketLibrary:
    return PacketLibrary(env["NETASSISTANT_CONFIG_DIR"])


def test_import_list_show_export(env: dict[str, str], tmp_path: Path) -> None:
    imported = run_cli(env, "packets", "import", str(FIXTURE))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines() == [
        "imported packet 'Modbus read'",
        "imported packet 'UDP hello world'",
        "imported packet 'Secure ping'",
        "imported packet '中文'",
        "4 imported, 1 skipped",
    ]
    assert imported.stderr == (
        "netassistant-cli: skipped 'Web page': HTTP Get is an HTTP request in Packet Sender, "
        "not raw socket data; netassistant sends bytes over TCP and UDP only\n"
    )
    listed = run_cli(env, "packets", "list")
    assert listed.stdout.splitlines() == [
        "Modbus read\ttcp\t192.168.1.10:502\tonce\thex: 01 03 00 00 00 01 84 0A",
        "UDP hello world\tudp\t127.0.0.1:55005\tevery 1500 ms\t"
        "hex: 68 65 6C 6C 6F 20 77 6F 72 6C 64 0D 0A",
        "Secure ping\ttcp\texample.test:443\tonce\thex: 70 69 6E 67",
        "中文\tudp\t[::1]:7\tonce\thex: E4 B8 AD",
    ]
    shown = run_cli(env, "packets", "show", "Modbus read")
    record = json.loads(shown.stdout)
    assert (record["wire_hex"], record["port"]) == ("01 03 00 00 00 01 84 0a", 502)
    out = tmp_path / "two.json"
    exported = run_cli(env, "packets", "export", str(out), "中文", "Secure ping")
    assert exported.stdout == f"exported 2 packets to {out}\n"
    assert [p["name"] for p in json.loads(out.read_text("utf-8"))["packets"]] == [
        "中文",
        "Secure ping",
    ]


def test_packet_errors_are_exit_1_with_the_reason(env: dict[str, str], tmp_path: Path) -> None:
    missing = run_cli(env, "packets", "show", "nope")
    assert (missing.returncode, missing.stderr) == (1, "netassistant-cli: no packet named 'nope'\n")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "netassistant-packets", "version": 1, "packets": [1]}')
    imported = run_cli(env, "packets", "import", str(bad))
    assert imported.returncode == 1
    assert imported.stderr == (
        f"netassistant-cli: packet file {bad}: packets[0]: must be a JSON object\n"
    )


def test_send_packet_over_tcp_sends_the_exact_bytes_then_exits(env: dict[str, str]) -> None:
    library(env).save_all(
        [
            Packet("req", "01 03 00 00 00 01", mode="hex", checksum="crc16-modbus", kind="tcp"),
            Packet("hello", "hi\\n", escapes=True, framing="length:!H"),
        ]
    )
    got: list[bytes] = []
    with listener() as srv:

        def serve() -> None:
            conn, _ = srv.accept()
            with conn:
                conn.settimeout(TIMEOUT)
                got.append(recv_exactly(conn, 8 + 5))
                got.append(conn.recv(10))

        reader = threading.Thread(target=serve)
        reader.start()
        port = str(srv.getsockname()[1])
        proc = run_cli(
            env, "tcp-client", "-P", port, "--send-packet", "req", "--send-packet", "hello"
        )
        reader.join(TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert got == [bytes.fromhex("010300000001840a") + b"\x00\x03hi\n", b""]


def test_send_packet_over_udp_goes_to_the_packets_target(env: dict[str, str]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as target:
        target.bind(("127.0.0.1", 0))
        target.settimeout(TIMEOUT)
        port = target.getsockname()[1]
        library(env).save_all(
            [Packet("u", "AA 55", mode="hex", kind="udp", host="127.0.0.1", port=port)]
        )
        proc = run_cli(env, "udp", "--send-packet", "u", "--json")
        data, _ = target.recvfrom(100)
    assert proc.returncode == 0, proc.stderr
    assert data == b"\xaa\x55"
    tx = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["hex"], r["peer"]) for r in tx if r["event"] == "chunk"] == [
        ("aa55", f"127.0.0.1:{port}")
    ]


@pytest.mark.parametrize(
    ("packets", "args", "message"),
    [
        ([], ["tcp-client", "-P", "9"], "--send-packet: no packet named 'p'"),
        (
            [Packet("p", kind="udp")],
            ["tcp-client", "-P", "9"],
            "--send-packet: packet 'p' is meant for UDP sessions, not tcp-client; change its "
            "kind in the library to send it here",
        ),
        (
            [Packet("p", "0g", mode="hex")],
            ["udp", "-P", "9"],
            "--send-packet: packet 'p': ",
        ),
    ],
)
def test_send_packet_usage_errors(
    env: dict[str, str], packets: list[Packet], args: list[str], message: str
) -> None:
    if packets:
        # Written by hand: the library refuses to store an invalid packet.
        path = Path(env["NETASSISTANT_CONFIG_DIR"]) / "packets.json"
        document = {"format": "netassistant-packets", "version": 1,
                    "packets": [p.to_dict() for p in packets]}  # fmt: skip
        path.write_text(json.dumps(document), encoding="utf-8")
    proc = run_cli(env, *args, "--send-packet", "p")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].startswith(f"netassistant-cli: error: {message}")


def test_rules_file_answers_like_the_window(env: dict[str, str], tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps(
            {
                "mode": "first",
                "rules": [
                    {"match_kind": "hex", "match": "01 03 ?? ??",
                     "reply": "01 03 02 {1}{2}{checksum:crc16-modbus}", "reply_format": "hex"},
                    {"match_kind": "any", "reply": "unknown #{n}"},
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    args = ("tcp-server", "-p", "0", "--rules", str(rules), "--json", "--count", "2")
    with cli(env, *args) as server:
        listening = server.wait_record("listening")
        host, _, port = listening["local"].rpartition(":")
        with socket.create_connection((host, int(port)), timeout=TIMEOUT) as client:
            client.sendall(b"\x01\x03\x00\x07")
            reply = recv_exactly(client, 7)
            client.sendall(b"hm")
            assert recv_exactly(client, 10) == b"unknown #1"
        assert server.finish() == 0
    body = b"\x01\x03\x02\x00\x07"
    crc = 0xFFFF
    for byte in body:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    assert reply == body + struct.pack("<H", crc)


def test_rules_errors_are_usage_errors(env: dict[str, str], tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text('{"rules": [{"match_kind": "regex", "match": "(a)\\\\1"}]}', "utf-8")
    proc = run_cli(env, "tcp-server", "--rules", str(rules))
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "netassistant-cli: error: --rules: rule 1: unsupported in auto-reply regular "
        "expressions: backreferences such as \\1 (auto-reply uses RE2, which never "
        "backtracks, so no pattern can freeze the session)"
    )
    both = run_cli(env, "tcp-server", "--rules", str(rules), "--echo")
    assert both.returncode == 2
    assert "use --echo or --rules, not both" in both.stderr


def test_duration_0_that_sends_nothing_is_exit_1_with_the_reason(env: dict[str, str]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as target:
        target.bind(("127.0.0.1", 0))
        port = str(target.getsockname()[1])
        proc = run_cli(env, "udp", "-P", port, "--send", "a", "--send", "b", "--duration", "0")
    assert proc.returncode == 1
    assert proc.stderr == (
        "netassistant-cli: --duration 0 ended the session after 0 of 2 sends; the rest was "
        "not sent (give a longer --duration, or none: a run that only sends ends once all "
        "is sent)\n"
    )


def test_duration_0_without_sends_still_just_starts_and_stops(env: dict[str, str]) -> None:
    proc = run_cli(env, "udp", "--duration", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line)["event"] for line in proc.stdout.splitlines()]
    assert events == ["listening", "stopped"]


def test_a_send_only_run_exits_0_after_wait(env: dict[str, str]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as target:
        target.bind(("127.0.0.1", 0))
        target.settimeout(TIMEOUT)
        port = str(target.getsockname()[1])
        proc = run_cli(env, "udp", "-P", port, "--send-hex", "01 02", "--wait", "200", "--json")
        assert target.recvfrom(10)[0] == b"\x01\x02"
    assert proc.returncode == 0, proc.stderr


def test_a_message_the_peer_refuses_is_exit_1_with_the_reason(env: dict[str, str]) -> None:
    """The server resets the connection at once: the 8 MB send cannot complete."""
    with listener() as srv:

        def reset_at_once() -> None:
            conn, _ = srv.accept()
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()

        thread = threading.Thread(target=reset_at_once)
        thread.start()
        port = str(srv.getsockname()[1])
        args = ("--send", "x" * 1024, "--repeat", "8192", "--sndbuf", "65536")
        proc = run_cli(env, "tcp-client", "-P", port, *args)
        thread.join(TIMEOUT)
    assert proc.returncode == 1
    assert proc.stderr.startswith("netassistant-cli: ")
    assert proc.stderr.count("\n") == 1


def modbus_request_packet(**changes: object) -> Packet:
    from netassistant.core.templates.library import TemplateLibrary

    template = TemplateLibrary().get("Modbus/TCP read holding registers request")
    assert template is not None
    values = {"transaction": 7, "address": "0x10", "quantity": 2}
    return Packet("modbus", template=template, values=values, kind="tcp", **changes)  # type: ignore[arg-type]


def test_a_template_packet_is_shown_listed_and_sent_as_its_built_bytes(
    env: dict[str, str],
) -> None:
    library(env).save_all([modbus_request_packet()])
    listed = run_cli(env, "packets", "list")
    assert listed.stdout == (
        "modbus\ttcp\t-\tonce\ttemplate: Modbus/TCP read holding registers request\n"
    )
    record = json.loads(run_cli(env, "packets", "show", "modbus").stdout)
    assert record["template"]["name"] == "Modbus/TCP read holding registers request"
    assert record["values"] == {"transaction": 7, "address": "0x10", "quantity": 2}
    assert record["wire_hex"] == "00 07 00 00 00 06 01 03 00 10 00 02"
    with listener() as srv:
        got: list[bytes] = []

        def serve() -> None:
            conn, _ = srv.accept()
            with conn:
                conn.settimeout(TIMEOUT)
                got.append(recv_exactly(conn, 12))
                got.append(conn.recv(10))

        reader = threading.Thread(target=serve)
        reader.start()
        port = str(srv.getsockname()[1])
        proc = run_cli(env, "tcp-client", "-P", port, "--send-packet", "modbus")
        reader.join(TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert got == [bytes.fromhex("000700000006010300100002"), b""]


def test_send_packet_repeat_uses_the_packets_interval_unless_interval_is_given(
    env: dict[str, str],
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as target:
        target.bind(("127.0.0.1", 0))
        target.settimeout(TIMEOUT)
        port = target.getsockname()[1]
        library(env).save_all(
            [Packet("tick", "T", kind="udp", host="127.0.0.1", port=port, interval_ms=300)]
        )
        for extra, low, high in (([], 0.55, 0.55 + TIMEOUT), (["--interval", "1"], 0, 0.25)):
            proc = run_cli(env, "udp", "--send-packet", "tick", "--repeat", "3", "--json", *extra)
            assert proc.returncode == 0, proc.stderr
            assert [target.recvfrom(10)[0] for _ in range(3)] == [b"T", b"T", b"T"]
            times = [
                json.loads(line)["ts"]
                for line in proc.stdout.splitlines()
                if json.loads(line)["event"] == "chunk"
            ]
            assert len(times) == 3
            assert low <= times[2] - times[0] < high, (extra, times)
