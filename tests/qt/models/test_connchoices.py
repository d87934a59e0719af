"""ConnectionChoices: "all" plus one row per connection, labels made when drawn."""

from __future__ import annotations

from PySide6.QtCore import Qt

from netassistant.qt.models.connchoices import ConnectionChoices


def _rows(model: ConnectionChoices) -> list[tuple[str, object]]:
    return [
        (model.index(r).data(), model.index(r).data(Qt.ItemDataRole.UserRole))
        for r in range(model.rowCount())
    ]


def test_rows_labels_and_lookup(qtmodeltester):
    model = ConnectionChoices("All", "#%1 %2")
    qtmodeltester.check(model)
    model.set_connections([(3, "b:2"), (1, "a:1")])
    assert _rows(model) == [("All", None), ("#1 a:1", 1), ("#3 b:2", 3)]
    assert [model.row_of(c) for c in (None, 1, 3, 2)] == [0, 1, 2, -1]
    model.set_connections([(1, "a:1")], keep=3)  # the selected one stays while chosen
    assert _rows(model) == [("All", None), ("#1 a:1", 1), ("#3 b:2", 3)]
    model.set_connections([])
    assert _rows(model) == [("All", None)]


def test_ten_thousand_connections_are_one_reset(qapp):
    import time

    model = ConnectionChoices("All", "#%1 %2")
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    conns = [(i, f"127.0.0.1:{20000 + i}") for i in range(1, 10_001)]
    started = time.perf_counter()
    model.set_connections(conns)
    model.set_connections(conns)  # unchanged: no signal
    elapsed = time.perf_counter() - started
    assert (model.rowCount(), len(resets)) == (10_001, 1)
    assert elapsed < 0.1
    assert model.index(10_000).data() == "#10000 127.0.0.1:30000"


def _ev(kind, conn_id: int):
    from netassistant.core.chunk import ConnEvent

    return ConnEvent(conn_id, 0, kind, conn_id, "127.0.0.1:7", f"p:{conn_id}")


def test_a_batch_of_events_is_one_insert_and_one_remove_per_run(qtmodeltester):
    from netassistant.core.chunk import EventKind

    model = ConnectionChoices("All", "#%1 %2")
    qtmodeltester.check(model)
    calls: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: calls.append(("insert", a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: calls.append(("remove", a, b)))
    model.apply_events([_ev(EventKind.ACCEPTED, i) for i in range(1, 6)])
    model.apply_events(
        [
            _ev(EventKind.CLOSED, 2),
            _ev(EventKind.RESET, 3),
            _ev(EventKind.ACCEPTED, 6),
            _ev(EventKind.ACCEPTED, 7),
            _ev(EventKind.ABORTED, 7),  # came and went within the batch: never listed
            _ev(EventKind.LOCAL_CLOSE, 5),
        ]
    )
    assert calls == [("insert", 1, 5), ("remove", 5, 5), ("remove", 2, 3), ("insert", 3, 3)]
    assert _rows(model) == [("All", None), ("#1 p:1", 1), ("#4 p:4", 4), ("#6 p:6", 6)]
    assert model.connection_count() == 3


def test_a_kept_connection_stays_when_it_ends(qapp):
    from netassistant.core.chunk import EventKind

    model = ConnectionChoices("All", "#%1 %2")
    model.apply_events([_ev(EventKind.ACCEPTED, 1), _ev(EventKind.CONNECTED, 2)])
    model.apply_events([_ev(EventKind.CLOSED, 1), _ev(EventKind.CLOSED, 2)], keep=2)
    assert _rows(model) == [("All", None), ("#2 p:2", 2)]


def test_an_id_below_the_listed_ones_relists_in_order(qapp):
    from netassistant.core.chunk import EventKind

    model = ConnectionChoices("All", "#%1 %2")
    model.apply_events([_ev(EventKind.ACCEPTED, 5)])
    model.apply_events([_ev(EventKind.ACCEPTED, 2)])
    assert _rows(model) == [("All", None), ("#2 p:2", 2), ("#5 p:5", 5)]
