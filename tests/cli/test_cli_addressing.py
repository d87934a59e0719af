"""The CLI's addressing, pcap and replay options, as separate processes over loopback."""

from __future__ import annotations

import json
import socket

import dpkt

from tests.cli.helpers import TIMEOUT, chunks, cli, run_cli
from tests.helpers import free_port

GROUP = "239.255.81.9"


def test_join_a_group_on_lo_and_receive(env):
    port = free_port(socket.AF_INET, socket.SOCK_DGRAM)
    args = ("udp", "--json", "-b", "0.0.0.0", "-p", str(port), "--join", f"{GROUP}@lo")
    with cli(env, *args, "--count", "1", "--pktinfo") as proc:
        assert proc.next_record()["message"] == f"bound to 0.0.0.0:{port}"
        assert proc.next_record()["message"] == f"joined multicast group {GROUP} on interface lo"
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as tx:
            tx.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("127.0.0.1"))
            tx.sendto(b"group", (GROUP, port))
            assert proc.finish() == 0
    rx = chunks(proc.records, "rx")
    assert [(r["hex"], r["local"]) for r in rx] == [(b"group".hex(), f"{GROUP}:{port}%lo")]


def test_a_bad_join_is_a_usage_error(env):
    result = run_cli(env, "udp", "--join", "10.1.2.3@lo")
    assert result.returncode == 2
    assert result.stderr.endswith(
        "error: multicast_joins: 10.1.2.3 is not a multicast address (224.0.0.0/4 or ff00::/8)\n"
    )


def test_dual_stack_server_takes_an_ipv4_client(env):
    args = ("tcp-server", "--json", "--family", "inet6", "-b", "::", "--dual-stack")
    args += ("--no-kernel-state",)  # the records below are the session's, in order
    with cli(env, *args, "--count", "1") as proc:
        port = int(proc.next_record()["local"].rpartition(":")[2])
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as c:
            accepted = proc.next_record()
            assert accepted["peer"] == f"127.0.0.1:{c.getsockname()[1]}"
            c.sendall(b"v4")
            assert proc.finish() == 0


def test_pcap_written_and_replayed_into_another_session(env, tmp_path):
    pcap = tmp_path / "s.pcap"
    port = free_port(socket.AF_INET, socket.SOCK_DGRAM)
    with cli(env, "udp", "--json", "-p", str(port), "--count", "3", "--pcap", str(pcap)) as a:
        a.next_record()
        sender = run_cli(
            env,
            "udp",
            "-P",
            str(port),
            "--send",
            "one",
            "--send",
            "two",
            "--send",
            "three",
            "--interval",
            "50",
            "--json",
        )
        assert sender.returncode == 0, sender.stderr
        assert a.finish() == 0
    src = json.loads(sender.stdout.splitlines()[0])["local"]
    with open(pcap, "rb") as fh:
        packets = [dpkt.ethernet.Ethernet(buf).data.data.data for _, buf in dpkt.pcap.Reader(fh)]
    assert packets == [b"one", b"two", b"three"]
    # The pcap's first speaker is the sender: replay its side, 10 times faster.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.bind(("127.0.0.1", 0))
        peer.settimeout(TIMEOUT)
        result = run_cli(
            env,
            "udp",
            "-P",
            str(peer.getsockname()[1]),
            "--replay",
            str(pcap),
            "--replay-peer",
            src,
            "--replay-speed",
            "10",
        )
        assert result.returncode == 0, result.stderr
        assert [peer.recv(100) for _ in range(3)] == [b"one", b"two", b"three"]


def test_replay_of_a_corrupt_log_is_a_usage_error_and_sends_nothing(env, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event": "chunk", "dir": "tx", "ts": 1, "hex": "61"}\n{oops\n')
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.bind(("127.0.0.1", 0))
        peer.setblocking(False)
        result = run_cli(env, "udp", "-P", str(peer.getsockname()[1]), "--replay", str(bad))
        assert result.returncode == 2
        assert f"error: {bad}, line 2: not JSON" in result.stderr
        try:
            peer.recv(100)
            raise AssertionError("something was sent")
        except BlockingIOError:
            pass


def test_pcap_refuses_a_unix_session(env, tmp_path):
    result = run_cli(
        env,
        "tcp-server",
        "--family",
        "unix",
        "-b",
        str(tmp_path / "s"),
        "--pcap",
        str(tmp_path / "x.pcap"),
    )
    assert result.returncode == 2
    assert "error: pcap cannot hold unix socket sessions" in result.stderr
