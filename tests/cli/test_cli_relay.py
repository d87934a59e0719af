"""``netassistant-cli relay`` as a real process between a real client and server."""

from __future__ import annotations

import json
import socket

from tests.cli.helpers import TIMEOUT, cli, connect, listener, run_cli
from tests.core.relay.relayhelpers import recv_until_eof


def relay_args(port: int, *extra: str) -> list[str]:
    # Kernel STATE records would interleave; the relay's are tested in test_relay_kernel.py.
    return ["relay", "--local-port", "0", "--remote-host", "127.0.0.1", "--remote-port",
            str(port), "--no-kernel-state", *extra]  # fmt: skip


def test_json_chunks_carry_leg_and_dir_and_a_slicer_splits_the_write(env):
    with (
        listener() as srv,
        cli(
            env,
            *relay_args(srv.getsockname()[1], "--json", "--toxic", "up:slicer:size=4,delay_ms=20"),
        ) as proc,
    ):
        listening = proc.wait_record("listening")
        fault = proc.wait_record("fault")
        assert (fault["fault"], fault["direction"], fault["action"]) == ("slicer", "up", "set")
        assert fault["params"] == {"size": 4, "variation": 0, "delay_ms": 20, "toxicity": 1.0}
        with connect(listening["local"]) as client:
            server, _ = srv.accept()
            with server:
                server.settimeout(TIMEOUT)
                client.sendall(b"hello world")
                assert [server.recv(100) for _ in range(3)] == [b"hell", b"o wo", b"rld"]
                server.sendall(b"ok")
                assert client.recv(100) == b"ok"
                client.shutdown(socket.SHUT_WR)
                assert recv_until_eof(server) == []
                server.shutdown(socket.SHUT_WR)
                assert recv_until_eof(client) == []
        records = []
        while len([r for r in records if r["event"] == "close"]) < 2:
            records.append(proc.next_record())
        chunks = [(r["leg"], r["dir"], r["text"]) for r in records if r["event"] == "chunk"]
        assert chunks == [
            ("client", "rx", "hello world"),
            ("server", "tx", "hell"),
            ("server", "tx", "o wo"),
            ("server", "tx", "rld"),
            ("server", "rx", "ok"),
            ("client", "tx", "ok"),
        ]
        assert {r["conn"] for r in records if r["event"] == "chunk"} == {1}
        legs = [(r["event"], r["leg"]) for r in records if r["event"] not in ("chunk", "fault")]
        assert legs[:2] == [("open", "client"), ("open", "server")]
        assert [leg for leg in legs if leg[0] in ("peer_fin", "half_close")] == [
            ("peer_fin", "client"),
            ("half_close", "server"),
            ("peer_fin", "server"),
            ("half_close", "client"),
        ]
        assert sorted(legs[-2:]) == [("close", "client"), ("close", "server")]


def test_text_lines_name_the_hop(env):
    with listener() as srv, cli(env, *relay_args(srv.getsockname()[1], "--show", "text")) as proc:
        line = proc.next_line()
        address = line.rsplit(" relaying ", 1)[1].split(" to ")[0]
        with connect(address) as client:
            server, _ = srv.accept()
            with server:
                client.sendall(b"hi")
                assert server.recv(10) == b"hi"
        lines = [proc.next_line() for _ in range(4)]
        assert [line.split(" chunk ")[0].split(" ")[1:4] for line in lines[2:]] == [
            ["RX", "client->relay", "#1"],
            ["TX", "relay->server", "#1"],
        ]


def test_udp_relay_with_count(env):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
        server.bind(("127.0.0.1", 0))
        server.settimeout(TIMEOUT)
        args = relay_args(server.getsockname()[1], "--udp", "--json", "--count", "2")
        with cli(env, *args) as proc:
            host, _, port = proc.wait_record("listening")["local"].rpartition(":")
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
                client.settimeout(TIMEOUT)
                client.sendto(b"ping", (host, int(port)))
                data, upstream = server.recvfrom(100)
                server.sendto(b"pong", upstream)
                assert (data, client.recv(100)) == (b"ping", b"pong")
            assert proc.finish() == 0
            chunks = [
                (r["leg"], r["dir"], r["text"]) for r in proc.records if r["event"] == "chunk"
            ]
            assert chunks[:3] == [
                ("client", "rx", "ping"),
                ("server", "tx", "ping"),
                ("server", "rx", "pong"),
            ]


def test_a_bad_toxic_is_a_usage_error_in_words(env):
    proc = run_cli(env, *relay_args(9, "--toxic", "up:slicer:size=0"))
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith(
        "--toxic: slicer: size must be a whole number 1..1048576, not '0'"
    )
    proc = run_cli(env, *relay_args(9, "--toxic", "sideways:drop"))
    assert "unknown fault direction 'sideways' in 'sideways:drop'; use up, down or both" in (
        proc.stderr
    )


def test_relay_needs_a_remote_port(env):
    proc = run_cli(env, "relay", "--local-port", "0")
    assert proc.returncode == 2
    assert "remote_port: 0 is out of range 1..65535" in proc.stderr


def test_other_kinds_json_has_no_leg(env):
    with listener() as srv:
        proc = run_cli(
            env, "tcp-client", "--remote-port", str(srv.getsockname()[1]), "--json", "--send", "x"
        )
        conn, _ = srv.accept()
        conn.close()
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    (tx,) = [r for r in records if r["event"] == "chunk"]
    assert "leg" not in tx
