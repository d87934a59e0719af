"""Reply rules in a running SessionPipeline over real loopback sockets."""

from __future__ import annotations

import datetime
import socket
import time

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.pipeline import DecodeSettings
from netassistant.core.pipeline.responder import BOUNCE_LIMIT
from netassistant.core.replies.rules import ReplyRule
from netassistant.core.replies.ruleset import ReplyRules
from tests.helpers import TIMEOUT, pipeline_running, recv_exactly, wait_for_a_notice

NOON = datetime.datetime(2024, 5, 6, 13, 4, 5)


def nothing_more(sock: socket.socket, wait: float = 0.3) -> bool:
    sock.settimeout(wait)
    try:
        return sock.recv(4096) == b""
    except TimeoutError:
        return True
    finally:
        sock.settimeout(TIMEOUT)


def device() -> ReplyRules:
    """A small simulated device: Modbus-ish read, a text query, a catch-all."""
    rules = ReplyRules(
        [
            ReplyRule(
                name="read",
                match_kind="hex",
                match="01 03 ?? ??",
                reply="01 03 02 {1}{2} {checksum:sum8}",
                reply_format="hex",
            ),
            ReplyRule(
                name="temp",
                match_kind="regex",
                match=r"GET (\w+)",
                reply="{1}=21 #{n} {time}\\n",
                escapes=True,
            ),
            ReplyRule(name="else", match_kind="any", reply="?"),
        ]
    )
    rules.validate()
    return rules


def test_a_tcp_device_answers_each_request_by_the_first_matching_rule():
    rules = device()
    config = SessionConfig(kind=Kind.TCP_SERVER)
    with pipeline_running(config, auto_reply=rules, clock=lambda: NOON) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.sendall(b"\x01\x03\x00\x2a")
            assert recv_exactly(client, 6) == b"\x01\x03\x02\x00\x2a\x30"
            client.sendall(b"GET temp")
            assert recv_exactly(client, 20) == b"temp=21 #1 13:04:05\n"
            client.sendall(b"GET volt")
            assert recv_exactly(client, 20) == b"volt=21 #2 13:04:05\n"
            client.sendall(b"hello")
            assert recv_exactly(client, 1) == b"?"
            assert nothing_more(client)
    assert rules.counts() == [1, 2, 1]
    assert h.pipeline.responder.replies_sent == 4


def test_a_delayed_reply_waits_on_the_engine_timers():
    rules = ReplyRules([ReplyRule(match_kind="exact", match="slow", reply="done", delay_ms=300)])
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER), auto_reply=rules) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            start = time.monotonic()
            client.sendall(b"slow")
            assert recv_exactly(client, 4) == b"done"
            took = time.monotonic() - start
    assert 0.28 <= took < 0.28 + TIMEOUT


def test_all_match_sends_every_reply_in_rule_order_over_udp():
    rules = ReplyRules(
        [
            ReplyRule(match_kind="prefix", match="A", reply="one"),
            ReplyRule(match_kind="contains", match="B", reply="two"),
        ],
        "all",
    )
    config = SessionConfig(kind=Kind.UDP, local_port=0)
    with pipeline_running(config, auto_reply=rules) as h:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
            peer.bind(("127.0.0.1", 0))
            peer.settimeout(TIMEOUT)
            peer.sendto(b"AB", ("127.0.0.1", h.port))
            assert peer.recvfrom(100) == (b"one", ("127.0.0.1", h.port))
            assert peer.recvfrom(100) == (b"two", ("127.0.0.1", h.port))
            peer.sendto(b"xB", ("127.0.0.1", h.port))
            assert peer.recvfrom(100)[0] == b"two"
    assert rules.counts() == [1, 2]


def test_message_rules_see_whole_frames_not_chunks():
    """The request arrives in two recv() calls; the message rule sees it once, whole."""
    rules = ReplyRules(
        [ReplyRule(source="message", match_kind="exact", match="STATUS", reply="OK {len}\\n",
                   escapes=True)]
    )  # fmt: skip
    config = SessionConfig(kind=Kind.TCP_SERVER)
    decode = DecodeSettings("delimiter:\\n")
    with pipeline_running(config, auto_reply=rules, decode=decode) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.sendall(b"STA")
            h.wait_rx_bytes(3)
            assert nothing_more(client)
            client.sendall(b"TUS\nSTATUS?\n")
            assert recv_exactly(client, 5) == b"OK 6\n"
            assert nothing_more(client)
    assert rules.counts() == [1]


def test_two_rule_lists_echoing_each_other_still_trip_the_bounce_guard():
    """Two UDP sessions with an echo rule each: the bounce guard pauses one, says why."""
    config = SessionConfig(kind=Kind.UDP, local_port=0)

    def echo() -> ReplyRules:
        return ReplyRules([ReplyRule(match_kind="any", reply="{data}")])

    with (
        pipeline_running(config, auto_reply=echo(), flush_interval=1 / 30) as a,
        pipeline_running(config, auto_reply=echo(), flush_interval=1 / 30) as b,
    ):
        a.pipeline.send_to(b"bounce", "127.0.0.1", b.port)
        assert wait_for_a_notice(a, b, timeout=BOUNCE_LIMIT * 0.5 + 5)
    notices = a.notices + b.notices
    assert len(notices) == 1
    assert notices[0].message == (
        f"auto-reply paused: the peer sent our reply straight back {BOUNCE_LIMIT} times in a "
        "row — two echoing peers would bounce it forever"
    )


def test_editing_one_rule_keeps_the_other_rules_counts_and_the_n_macro():
    """Issue 13: counters restarted on every edit; now only the edited rule does."""
    ping = ReplyRule(name="ping", match_kind="exact", match="ping", reply="pong {n}")
    time_rule = ReplyRule(name="t", match_kind="exact", match="t", reply="T")
    rules = ReplyRules([ping, time_rule])
    config = SessionConfig(kind=Kind.TCP_SERVER)
    with pipeline_running(config, auto_reply=rules) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            for number in (1, 2):
                client.sendall(b"ping")
                assert recv_exactly(client, 6) == f"pong {number}".encode()
            client.sendall(b"t")
            assert recv_exactly(client, 1) == b"T"
            edited = ReplyRules(
                [ReplyRule(name="t", match_kind="exact", match="t", reply="U"), ping]
            )
            h.pipeline.set_auto_reply(edited)
            assert edited.counts() == [0, 2]  # ping moved and kept its 2; "t" was edited
            client.sendall(b"ping")
            assert recv_exactly(client, 6) == b"pong 3"
            client.sendall(b"t")
            assert recv_exactly(client, 1) == b"U"
    assert edited.counts() == [1, 3]
