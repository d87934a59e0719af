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
