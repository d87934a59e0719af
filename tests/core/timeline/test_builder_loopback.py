"""TimelineBuilder over real loopback sessions: the steps and links of real socket calls.

Two engines of this app talk over 127.0.0.1; the server's timeline merges the client's
events as its peer session, so sends link to the recvs that delivered their bytes. Chunk
boundaries are made certain, not hoped for: a slow reader (``read_delay_ms``) lets later
sends pile up in the receive queue (粘包), a small ``recv_size`` cuts one send (拆包).
"""

from __future__ import annotations

from netassistant.core.chunk import Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.timeline import Step, TimelineBuilder
from tests.helpers import Harness, running


# Kernel STATE steps are covered by test_builder.py; these tests pin the call sequence.
def server_config(**kw) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_SERVER, local_port=0, kernel_state=False, **kw)


def client_config(port: int, **kw) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_CLIENT, remote_port=port, kernel_state=False, **kw)


def port_of(h: Harness) -> int:
    return int(h.engine.local_address.rsplit(":", 1)[1])


def shape(steps: list[Step]) -> list[tuple[str, str, int, int, tuple[int, int] | None]]:
    """(side, call, conn, len, byte range) of each step."""
    return [
        (s.side, s.call, s.conn, s.length, (s.start, s.end) if s.start >= 0 else None)
        for s in steps
    ]


def seqs(h: Harness, direction: Direction) -> list[int]:
    return [c.seq for c in h.chunks(direction)]


def wait_tx(h: Harness, count: int) -> None:
    """Wait until the session has reported ``count`` sends (its batch may come later)."""
    h.wait_for(lambda _evs: len(h.chunks(Direction.TX)) >= count)


def links(builder: TimelineBuilder, step: Step) -> list[tuple[int, int]]:
    """A step's links as (session, seq) of the steps it leads to."""
    return [(s.session, s.seq) for s in builder.links_from(step.id)]


def test_handshake_three_sends_and_fin_both_ways():
    # The server reads "hi" at once, then waits 300 ms before each recv of at most 4 bytes:
    # "abc" and "defgh" arrive meanwhile and come out as "abcd" and "efgh".
    with running(server_config(recv_size=4, read_delay_ms=300)) as srv:
        with running(client_config(port_of(srv))) as cli:
            cli.wait_event(EventKind.CONNECTED)
            cli.engine.send(b"hi")
            srv.wait_rx_bytes(2)
            cli.engine.send(b"abc")
            cli.engine.send(b"defgh")
            assert srv.wait_rx_bytes(10) == b"hiabcdefgh"
            cli.engine.half_close()
            srv.wait_event(EventKind.CLOSED)
            cli.wait_event(EventKind.CLOSED)
            cli.wait_event(EventKind.STOPPED)
        builder = TimelineBuilder()
        builder.feed(list(srv.events))
        builder.feed(list(cli.events), session=1)
        assert [len(c.data) for c in srv.chunks()] == [2, 4, 4]

    ours = [s for s in builder.steps if s.session == 0]
    theirs = [s for s in builder.steps if s.session == 1]
    assert shape(ours) == [
        ("local", "listen", 0, 0, None),
        ("local", "accept", 1, 0, None),
        ("local", "recv", 1, 2, (0, 2)),
        ("local", "recv", 1, 4, (2, 6)),
        ("local", "recv", 1, 4, (6, 10)),
        ("peer", "fin", 1, 0, None),
        ("local", "close", 1, 0, None),
    ]
    # The client's calls, seen from the server: its own calls are the peer's, the FIN it
    # received is ours.
    assert shape(theirs) == [
        ("peer", "connect", 1, 0, None),
        ("peer", "connect", 1, 0, None),
        ("peer", "send", 1, 2, (0, 2)),
        ("peer", "send", 1, 3, (2, 5)),
        ("peer", "send", 1, 5, (5, 10)),
        ("peer", "shutdown", 1, 0, None),
        ("local", "fin", 1, 0, None),
        ("peer", "close", 1, 0, None),
    ]
    hi, abc, defgh = (s for s in theirs if s.call == "send")
    r1, r2, r3 = seqs(srv, Direction.RX)
    assert links(builder, hi) == [(0, r1)]
    assert links(builder, abc) == [(0, r2)]
    assert links(builder, defgh) == [(0, r2), (0, r3)]
    # Every peer lifeline is the client's address; every arrow goes down the page.
    client_address = cli.engine.local_address
    assert {s.lane for s in builder.steps if s.call != "listen"} == {client_address}
    rows = {s.id: row for row, s in enumerate(builder.steps)}
    for send in (hi, abc, defgh):
        assert all(rows[r.id] > rows[send.id] for r in builder.links_from(send.id))


def test_two_sends_in_one_recv_converge():
    # 粘包, seen from the client's timeline: the server sends "ab" and "cd" while the
    # client waits before its second recv, which returns both.
    with running(server_config()) as srv:
        with running(client_config(port_of(srv), read_delay_ms=300)) as cli:
            srv.wait_event(EventKind.ACCEPTED)
            srv.engine.send(b"x", 1)
            cli.wait_rx_bytes(1)
            srv.engine.send(b"ab", 1)
            srv.engine.send(b"cd", 1)
            assert cli.wait_rx_bytes(5) == b"xabcd"
            wait_tx(srv, 3)
            builder = TimelineBuilder()
            builder.feed(list(cli.events))
            builder.feed(list(srv.events), session=1)

    recvs = [s for s in builder.steps if s.session == 0 and s.call == "recv"]
    assert shape(recvs) == [("local", "recv", 1, 1, (0, 1)), ("local", "recv", 1, 4, (1, 5))]
    sends = [s for s in builder.steps if s.session == 1 and s.call == "send"]
    assert shape(sends) == [
        ("peer", "send", 1, 1, (0, 1)),
        ("peer", "send", 1, 2, (1, 3)),
        ("peer", "send", 1, 2, (3, 5)),
    ]
    both = recvs[1]
    assert [(s.session, s.seq) for s in builder.links_to(both.id)] == [
        (1, sends[1].seq),
        (1, sends[2].seq),
    ]


def test_one_send_in_three_recvs_diverges_with_exact_ranges():
    # 拆包: recv() takes at most 4 bytes, so one 10-byte send comes out as 4 + 4 + 2.
    with running(server_config(recv_size=4)) as srv:
        with running(client_config(port_of(srv))) as cli:
            cli.wait_event(EventKind.CONNECTED)
            cli.engine.send(b"0123456789")
            assert srv.wait_rx_bytes(10) == b"0123456789"
            wait_tx(cli, 1)
            builder = TimelineBuilder()
            builder.feed(list(srv.events))
            builder.feed(list(cli.events), session=1)

    (send,) = [s for s in builder.steps if s.call == "send"]
    assert (send.session, send.start, send.end) == (1, 0, 10)
    assert [(s.call, s.start, s.end, s.seq) for s in builder.links_from(send.id)] == [
        ("recv", 0, 4, srv.chunks()[0].seq),
        ("recv", 4, 8, srv.chunks()[1].seq),
        ("recv", 8, 10, srv.chunks()[2].seq),
    ]
