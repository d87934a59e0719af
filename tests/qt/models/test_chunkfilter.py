"""ChunkFilter and ChunkFilterProxy: one filter state for the log table and the stream."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from netassistant.core.chunk import EventKind
from netassistant.qt.models.chunkfilter import ChunkFilter, ChunkFilterProxy
from netassistant.qt.models.chunkmodel import ChunkRole, Column
from tests.qt.models.test_chunkmodel import PEER_B, ev, rx, tx
from tests.qt.models.test_chunkmodel import mixed as mixed
from tests.qt.models.test_chunkmodel import model as model


def test_filter_accepts_what_it_says():
    chunk_a, chunk_b = rx(1, b"a"), tx(2, b"b", conn=2, peer=PEER_B)
    event = ev(3, EventKind.CLOSED, conn=2, peer=PEER_B)
    assert not ChunkFilter().active
    assert [ChunkFilter().accepts(e) for e in (chunk_a, chunk_b, event)] == [True] * 3
    only_b = ChunkFilter(conn=2, peer="192.168.1")
    assert only_b.active
    assert [only_b.accepts(e) for e in (chunk_a, chunk_b, event)] == [False, True, True]
    quiet_rx = ChunkFilter(direction="rx", show_events=False)
    assert [quiet_rx.accepts(e) for e in (chunk_a, chunk_b, event)] == [True, False, False]
    assert ChunkFilter(peer="192.168.1.20").replace(peer="") == ChunkFilter()


def test_filter_refuses_an_unknown_direction():
    with pytest.raises(ValueError, match="direction must be 'all', 'rx' or 'tx', not 'up'"):
        ChunkFilter(direction="up")


def test_model_tester_on_filtered_proxy(qtmodeltester, model, mixed):
    proxy = ChunkFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    model.append_events(mixed)
    proxy.set_conn_filter(2)
    qtmodeltester.check(proxy)
    proxy.set_direction_filter("rx")
    proxy.set_show_events(False)
    qtmodeltester.check(proxy)
    model.set_limits(3, 1024)
    model.append_events([rx(8, b"a", conn=2), tx(9, b"b", conn=2)])
    qtmodeltester.check(proxy)


# -- proxy ----------------------------------------------------------------------------


def proxy_seqs(proxy) -> list[int]:
    return [proxy.index(r, 0).data(ChunkRole).seq for r in range(proxy.rowCount())]


@pytest.fixture
def proxy(model, mixed):
    proxy = ChunkFilterProxy()
    proxy.setSourceModel(model)
    model.append_events(mixed)
    return proxy


def test_proxy_shows_everything_in_source_order(proxy):
    assert proxy_seqs(proxy) == [1, 2, 3, 4, 5, 6, 7]


def test_proxy_conn_filter(proxy):
    proxy.set_conn_filter(2)
    assert proxy_seqs(proxy) == [4, 5]
    proxy.set_conn_filter(0)
    assert proxy_seqs(proxy) == [6]
    proxy.set_conn_filter(None)
    assert proxy_seqs(proxy) == [1, 2, 3, 4, 5, 6, 7]


def test_proxy_direction_filter_applies_to_chunks(proxy):
    proxy.set_direction_filter("tx")
    assert proxy_seqs(proxy) == [1, 3, 5, 7]
    proxy.set_direction_filter("rx")
    assert proxy_seqs(proxy) == [1, 2, 4, 5, 6, 7]
    with pytest.raises(ValueError, match="direction must be 'all', 'rx' or 'tx', not 'both'"):
        proxy.set_direction_filter("both")


def test_proxy_peer_filter(proxy):
    proxy.set_peer_filter("192.168")
    assert proxy_seqs(proxy) == [4, 5, 6]
    proxy.set_peer_filter("")
    assert proxy.rowCount() == 7


def test_proxy_hides_events(proxy):
    proxy.set_show_events(False)
    assert proxy_seqs(proxy) == [2, 3, 4, 6]
    proxy.set_conn_filter(1)
    proxy.set_direction_filter("rx")
    assert proxy_seqs(proxy) == [2]
    assert proxy.filter == ChunkFilter(conn=1, direction="rx", show_events=False)


def test_proxy_follows_appends_and_trims(model, proxy):
    proxy.set_conn_filter(2)
    model.append_events([rx(8, b"a", conn=2), rx(9, b"b", conn=1)])
    assert proxy_seqs(proxy) == [4, 5, 8]
    model.set_limits(3, 1024)
    assert proxy_seqs(proxy) == [8]
    model.clear()
    assert proxy.rowCount() == 0


def test_proxy_does_not_sort(proxy):
    proxy.sort(Column.SEQ, Qt.SortOrder.DescendingOrder)
    assert proxy_seqs(proxy) == [1, 2, 3, 4, 5, 6, 7]


def test_proxy_needs_a_chunk_log_model(qapp):
    from PySide6.QtCore import QStringListModel

    with pytest.raises(TypeError, match="ChunkFilterProxy needs a ChunkLogModel"):
        ChunkFilterProxy().setSourceModel(QStringListModel())


def test_proxy_can_be_detached(proxy):
    proxy.setSourceModel(None)
    assert proxy.rowCount() == 0


def test_a_filter_is_a_value_of_its_four_fields():
    # A record since every pane makes one at start: what it derives is not a field.
    shown = ChunkFilter(peer="Host", direction="rx")
    assert repr(shown) == "ChunkFilter(conn=None, direction='rx', peer='Host', show_events=True)"
    assert shown == ChunkFilter(direction="rx", peer="Host")
    assert hash(shown) == hash(ChunkFilter(direction="rx", peer="Host"))
    assert shown != ChunkFilter(peer="host", direction="rx")
    with pytest.raises(AttributeError, match="cannot assign to field 'peer'"):
        shown.peer = "x"  # type: ignore[misc]
    with pytest.raises(ValueError, match="direction must be 'all', 'rx' or 'tx', not 'up'"):
        shown.replace(direction="up")
    with pytest.raises(TypeError, match="ChunkFilter has no field 'colour'"):
        shown.replace(colour="red")
