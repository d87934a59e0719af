"""``--timeline PATH``: a run's socket calls as SVG, Mermaid or JSON, written at its end."""

from __future__ import annotations

import json
import os
import signal
import socket
import xml.etree.ElementTree as ET

import pytest

from tests.cli.helpers import cli, connect, listener, run_cli, workdir
from tests.helpers import free_port, recv_exactly


def test_tcp_server_json_timeline_has_every_call(env, tmp_path):
    path = tmp_path / "server.json"
    args = (
        "tcp-server",
        "--local-port",
        "0",
        "--json",
        "--count",
        "2",
        "--no-kernel-state",
        "--timeline",
        str(path),
    )
    with cli(env, *args) as proc:
        local = proc.next_record()["local"]
        with connect(local) as client:
            peer = "127.0.0.1:%d" % client.getsockname()[1]
            client.sendall(b"hello")
            proc.wait_record("chunk")
            client.sendall(b"world!")
            assert proc.finish() == 0
    steps = json.loads(path.read_text("utf-8"))
    got = [(s["side"], s["call"], s["conn"], s["len"], s.get("range")) for s in steps]
    assert got == [
        ("local", "listen", 0, 0, None),
        ("local", "accept", 1, 0, None),
        ("local", "recv", 1, 5, [0, 5]),
        ("local", "recv", 1, 6, [5, 11]),
        ("local", "close", 1, 0, None),  # --count ended the run: we closed
        ("local", "close", 0, 0, None),  # and the listening socket
    ]
    assert all(set(s) >= {"t", "side", "call", "conn", "seq", "len"} for s in steps)
    assert [s.get("peer") for s in steps[1:5]] == [peer] * 4
    times = [s["t"] for s in steps]
    assert times[0] == 0.0
    assert times == sorted(times)
    records = {r["seq"]: r for r in proc.records}
    assert [records[s["seq"]]["len"] for s in steps if s["call"] == "recv"] == [5, 6]


def test_tcp_client_mermaid_and_udp_svg_timelines(env, tmp_path):
    mmd = tmp_path / "client.mmd"
    with listener() as srv:
        port = srv.getsockname()[1]
        args = (
            "tcp-client",
            "-P",
            str(port),
            "--send",
            "hi",
            "--no-kernel-state",
            "--timeline",
            str(mmd),
        )
        with cli(env, *args) as proc:
            conn, _ = srv.accept()
            with conn:
                assert recv_exactly(conn, 2) == b"hi"
            assert proc.finish() == 0, proc.stderr
    text = mmd.read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == "sequenceDiagram"
    assert lines[1].startswith("    participant L as this socket 127.0.0.1:")
    assert lines[2] == f"    participant P1 as 127.0.0.1:{port}"
    assert [line.split(" (")[0] for line in lines[3:6]] == [
        "    L->>P1: connect()",
        "    L->>P1: connect() returned: connected",
        "    L->>P1: send 2 B #35;3 [0,2)",
    ]

    svg = tmp_path / "udp.svg"
    port_a = free_port(socket.AF_INET, socket.SOCK_DGRAM)
    args = (
        "udp",
        "--json",
        "--local-port",
        str(port_a),
        "--count",
        "1",
        "--no-kernel-state",
        "--timeline",
        str(svg),
    )
    with cli(env, *args) as a:
        a.next_record()
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
            sender.sendto(b"abc", ("127.0.0.1", port_a))
            sender_address = "127.0.0.1:%d" % sender.getsockname()[1]
            assert a.finish() == 0, a.stderr
    root = ET.fromstring(svg.read_bytes())
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert sender_address in texts  # the sender's lifeline
    assert "recv 3 B #2" in texts


@pytest.mark.parametrize("command", ["tcp-server", "tcp-client", "udp"])
def test_a_bad_extension_is_a_usage_error_before_any_socket(env, command):
    port = free_port()
    result = run_cli(
        env, command, "-p", str(port), "-P", "1", "--no-kernel-state", "--timeline", "t.png"
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "netassistant-cli: error: --timeline: a timeline file must end in .svg, .mmd or "
        ".json (it picks the format), not 't.png'"
    )
    assert result.stdout == ""
    assert "t.png" not in os.listdir(workdir(env))
    with socket.socket() as probe:  # nothing was bound on the port
        probe.bind(("127.0.0.1", port))


def test_an_unwritable_timeline_fails_the_run_with_a_message(env, tmp_path):
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    result = run_cli(env, "udp", "--duration", "0", "--no-kernel-state", "--timeline", str(fifo))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"netassistant-cli: cannot write the timeline to {fifo}: "
        "a named pipe (FIFO), not a regular file"
    )


def test_ctrl_c_still_writes_the_timeline(env, tmp_path):
    path = tmp_path / "stopped.json"
    with cli(
        env,
        "tcp-server",
        "--local-port",
        "0",
        "--json",
        "--no-kernel-state",
        "--timeline",
        str(path),
    ) as proc:
        local = proc.next_record()["local"]
        with connect(local) as client:
            client.sendall(b"ping")
            proc.wait_record("chunk")
            proc.proc.send_signal(signal.SIGINT)
            assert proc.finish() == 0
    steps = json.loads(path.read_text("utf-8"))
    assert [(s["call"], s["len"]) for s in steps][:3] == [("listen", 0), ("accept", 0), ("recv", 4)]
