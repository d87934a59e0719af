"""TimelineModel: batches are applied once per tick, bounded, and peers join by session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from netassistant.core.chunk import Chunk, Direction, EventKind
from netassistant.qt.models.timelinemodel import MAX_EVENTS_PER_TICK, TimelineModel
from tests.core.timeline.test_export import CLIENT, MS, SERVER, T0, ev, rx


class Source(QObject):
    """Something with the controller's ``events_received`` signal (another pane's)."""

    events_received = Signal(object)


def test_batches_are_applied_once_per_tick(qtbot):
    model = TimelineModel()
    changes = []
    model.changed.connect(lambda: changes.append(len(model.builder)))
    model.append_events([ev(1, 0, EventKind.ACCEPTED)])
    model.append_events([rx(2, 1, b"ab")])
    model.append_events([rx(3, 2, b"cd")])
    assert changes == []  # nothing drawn per batch
    with qtbot.waitSignal(model.changed, timeout=2000):
        pass
    assert changes == [3]
    assert [s.call for s in model.builder.steps] == ["accept", "recv", "recv"]


def test_a_flood_tick_keeps_its_newest_chunks(qtbot):
    model = TimelineModel()
    model.append_events([ev(1, 0, EventKind.ACCEPTED)])
    model.append_events([rx(seq, 1, b"x") for seq in range(2, 2 + 3 * MAX_EVENTS_PER_TICK)])
    model.flush()
    steps = model.builder.steps
    assert len(steps) == 1 + MAX_EVENTS_PER_TICK
    assert model.builder.dropped == 2 * MAX_EVENTS_PER_TICK
    assert steps[-1].seq == 1 + 3 * MAX_EVENTS_PER_TICK
    assert steps[-1].start == 3 * MAX_EVENTS_PER_TICK - 1  # the skipped bytes still count


def test_a_peer_panes_events_join_and_link(qtbot):
    model = TimelineModel()
    source = Source()
    model.append_events([ev(1, 0, EventKind.ACCEPTED)])
    held = [ev(1, 0, EventKind.CONNECTED, local=CLIENT, peer=SERVER)]
    assert model.add_peer(source, held) == 1
    assert model.add_peer(source, held) == 1  # once
    source.events_received.emit([Chunk(2, T0 + 1 * MS, 1, Direction.TX, CLIENT, SERVER, b"abcd")])
    model.append_events([rx(2, 2, b"ab"), rx(3, 3, b"cd")])
    model.flush()
    send = next(s for s in model.builder.steps if s.call == "send")
    assert send.session == 1
    assert [(s.start, s.end) for s in model.builder.links_from(send.id)] == [(0, 2), (2, 4)]
    with qtbot.waitSignal(model.changed, timeout=1000):
        model.clear()
    assert len(model.builder) == 0
