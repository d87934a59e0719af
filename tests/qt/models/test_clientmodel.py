"""ClientListModel: row inserts/removes keyed by conn id, counter updates, cell texts."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QModelIndex, Qt

from netassistant.core.stats import ClientInfo
from netassistant.qt.models.clientmodel import ClientListModel, Column, ConnIdRole, format_count

SINCE_NS = 1_700_000_000_123_456_789


pytestmark = pytest.mark.usefixtures("c_locale")


@pytest.fixture
def model(qtmodeltester) -> ClientListModel:
    m = ClientListModel()
    qtmodeltester.check(m)  # also watches every change the test makes afterwards
    return m


class Recorder:
    """Collect the structural and data signals of a model, in order."""

    def __init__(self, model: ClientListModel) -> None:
        self.log: list[tuple] = []
        model.rowsInserted.connect(lambda _p, first, last: self.log.append(("ins", first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.log.append(("rem", first, last)))
        model.modelReset.connect(lambda: self.log.append(("reset",)))
        model.dataChanged.connect(
            lambda tl, br, _roles: self.log.append(
                ("data", tl.row(), tl.column(), br.row(), br.column())
            )
        )


def clients(*ids: int, **changes) -> dict[int, ClientInfo]:
    result = {i: ClientInfo(i, f"127.0.0.1:{50000 + i}", SINCE_NS + i) for i in ids}
    for conn_id, fields in changes.items():
        for name, value in fields.items():
            setattr(result[int(conn_id.lstrip("c"))], name, value)
    return result


def ids(model: ClientListModel) -> list[int]:
    return [model.conn_id_at(row) for row in range(model.rowCount())]


def cell(model: ClientListModel, row: int, column: Column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_headers(model):
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert titles == [
        "#",
        "Address",
        "Connected since",
        "RX bytes",
        "TX bytes",
        "State",
        "Kernel state",
    ]
    assert model.columnCount() == 7


def test_cell_texts(model):
    info = ClientInfo(7, "192.168.1.20:51234", SINCE_NS, rx_bytes=1234, tx_bytes=5)
    model.update_clients({7: info})
    since = time.strftime("%H:%M:%S", time.localtime(SINCE_NS / 1e9))
    texts = [cell(model, 0, c) for c in Column]
    assert texts == ["7", "192.168.1.20:51234", since, "1,234", "5", "open", ""]
    assert cell(model, 0, Column.ADDRESS, ConnIdRole) == 7
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(SINCE_NS // 10**9))
    assert cell(model, 0, Column.SINCE, Qt.ItemDataRole.ToolTipRole) == f"{stamp}.123"
    assert cell(model, 0, Column.RX, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )

    info.half_closed = True
    model.update_clients({7: info})
    assert cell(model, 0, Column.STATE) == "half-closed"
    assert "FIN" in cell(model, 0, Column.STATE, Qt.ItemDataRole.ToolTipRole)


def test_add_remove_by_row_not_reset(model):
    rec = Recorder(model)
    model.update_clients(clients(1, 2))
    assert ids(model) == [1, 2]
    model.update_clients(clients(1, 2, 3))
    assert ids(model) == [1, 2, 3]
    model.update_clients(clients(1, 3))
    assert ids(model) == [1, 3]
    model.update_clients({})
    assert ids(model) == []
    assert rec.log == [("ins", 0, 1), ("ins", 2, 2), ("rem", 1, 1), ("rem", 0, 1)]


def test_inserts_and_removes_in_the_middle(model):
    model.update_clients(clients(1, 5, 9))
    rec = Recorder(model)
    model.update_clients(clients(1, 2, 3, 9, 10, 11))
    assert ids(model) == [1, 2, 3, 9, 10, 11]
    assert rec.log == [("rem", 1, 1), ("ins", 1, 2), ("ins", 4, 5)]
    rec.log.clear()
    model.update_clients(clients(3, 10))
    assert ids(model) == [3, 10]
    # Removed from the end first, so each run's row numbers were still valid.
    assert rec.log == [("rem", 5, 5), ("rem", 3, 3), ("rem", 0, 1)]


def test_counter_update_is_one_data_changed(model):
    model.update_clients(clients(1, 2, 3))
    rec = Recorder(model)
    model.update_clients(clients(1, 2, 3, c1={"rx_bytes": 10}, c3={"tx_bytes": 4}))
    assert rec.log == [("data", 0, Column.RX, 2, Column.TX)]
    assert [cell(model, r, Column.RX) for r in range(3)] == ["10", "0", "0"]
    assert cell(model, 2, Column.TX) == "4"

    rec.log.clear()
    model.update_clients(clients(1, 2, 3, c1={"rx_bytes": 10}, c3={"tx_bytes": 4}))
    assert rec.log == [], "nothing changed, nothing emitted"

    model.update_clients(
        clients(1, 2, 3, c1={"rx_bytes": 10}, c2={"half_closed": True}, c3={"tx_bytes": 4})
    )
    assert rec.log == [("data", 1, Column.STATE, 1, Column.STATE)]


def test_live_client_info_objects(model):
    # SessionStats updates ClientInfo in place; the model must still see the change.
    live = clients(1)
    model.update_clients(live)
    rec = Recorder(model)
    live[1].rx_bytes += 99
    model.update_clients(live)
    assert rec.log == [("data", 0, Column.RX, 0, Column.RX)]
    assert cell(model, 0, Column.RX) == "99"


def test_new_row_and_change_together(model):
    model.update_clients(clients(1))
    rec = Recorder(model)
    model.update_clients(clients(1, 2, c1={"tx_bytes": 3}))
    assert rec.log == [("ins", 1, 1), ("data", 0, Column.TX, 0, Column.TX)]


def test_conn_id_at_and_row_of(model):
    model.update_clients(clients(4, 8))
    assert model.conn_id_at(1) == 8
    assert model.row_of(8) == 1
    assert model.row_of(5) == -1
    assert model.row_of(99) == -1
    with pytest.raises(IndexError, match=r"^no client in row 2$"):
        model.conn_id_at(2)
    with pytest.raises(IndexError, match=r"^no client in row -1$"):
        model.conn_id_at(-1)


def test_table_shape(model):
    model.update_clients(clients(1))
    index = model.index(0, 0)
    assert model.rowCount(index) == 0
    assert model.columnCount(index) == 0
    assert model.data(QModelIndex()) is None
    assert model.flags(index) & Qt.ItemFlag.ItemIsSelectable
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable


def test_format_count_groups_digits_even_in_c_locale():
    assert format_count(0) == "0"
    assert format_count(1234) == "1,234"
    assert format_count(12_345_678_901) == "12,345,678,901"


def test_model_tester_after_churn(qtmodeltester):
    m = ClientListModel()
    m.update_clients(clients(1, 2, 3))
    qtmodeltester.check(m)
    m.update_clients(clients(2, 4, 5, c2={"rx_bytes": 1}))
    m.update_clients(clients(5))
    qtmodeltester.check(m)


def _event(seq: int, kind, conn_id: int):
    from netassistant.core.chunk import ConnEvent

    return ConnEvent(seq, SINCE_NS, kind, conn_id, "127.0.0.1:9000", f"127.0.0.1:{20000 + conn_id}")


def test_events_apply_as_one_insert_and_one_remove_per_run(model):
    from netassistant.core.chunk import EventKind

    rec = Recorder(model)
    model.apply_events(
        [
            _event(1, EventKind.ACCEPTED, 1),
            _event(2, EventKind.ACCEPTED, 2),
            _event(3, EventKind.ACCEPTED, 3),
            _event(4, EventKind.ACCEPTED, 4),
            _event(5, EventKind.ACCEPTED, 5),
            _event(6, EventKind.CLOSED, 5),  # came and went in one batch: never shown
        ]
    )
    assert rec.log == [("ins", 0, 3)]
    assert [model.conn_id_at(r) for r in range(model.rowCount())] == [1, 2, 3, 4]
    assert model.index(0, Column.ADDRESS).data() == "127.0.0.1:20001"
    rec.log.clear()
    model.apply_events(
        [
            _event(7, EventKind.RESET, 2),
            _event(8, EventKind.ABORTED, 3),
            _event(9, EventKind.HALF_CLOSED, 4),
            _event(10, EventKind.CLOSED, 99),  # unknown: ignored
        ]
    )
    assert rec.log == [("rem", 1, 2), ("data", 1, Column.STATE, 1, Column.STATE)]
    assert model.is_half_closed(1)
    rec.log.clear()
    model.apply_events([_event(11, EventKind.LISTENING, 0)])
    assert rec.log == []


def test_ten_thousand_clients_come_and_go_in_one_batch_each(qtmodeltester):
    from netassistant.core.chunk import EventKind

    model = ClientListModel()  # timed without a tester watching each change
    rec = Recorder(model)
    accepts = [_event(i, EventKind.ACCEPTED, i) for i in range(1, 10_001)]
    closes = [_event(10_000 + i, EventKind.CLOSED, i) for i in range(1, 10_001)]
    started = time.perf_counter()
    model.apply_events(accepts)
    inserted = time.perf_counter() - started
    assert model.rowCount() == 10_000
    started = time.perf_counter()
    model.apply_events(closes)
    removed = time.perf_counter() - started
    assert model.rowCount() == 0
    assert rec.log == [("ins", 0, 9_999), ("rem", 0, 9_999)]
    assert inserted < 0.3
    assert removed < 0.3
    # The same churn under the model tester, smaller: it re-checks the model per change.
    qtmodeltester.check(model)
    model.apply_events(accepts[:500])
    qtmodeltester.check(model)
    model.apply_events(closes[100:200] + closes[300:500])
    qtmodeltester.check(model)
    assert model.rowCount() == 200


def test_widest_values_fit_the_largest_plausible_numbers(model):
    widest = model.widest_values()
    assert widest[Column.RX] == "999,999,999,999"
    assert widest[Column.STATE] == "half-closed"


def test_kernel_states_fill_their_column_for_listed_clients_only(model):
    from netassistant.core.chunk import ConnEvent, EventKind

    model.update_clients(clients(1, 2))
    rec = Recorder(model)

    def state(conn_id: int, name: str) -> ConnEvent:
        return ConnEvent(conn_id, 0, EventKind.STATE, conn_id, detail={"state": name})

    model.apply_kernel_states([state(2, "CLOSE_WAIT"), state(9, "TIME_WAIT")])
    assert [cell(model, r, Column.KERNEL) for r in range(2)] == ["", "CLOSE_WAIT"]
    assert rec.log == [("data", 1, Column.KERNEL, 1, Column.KERNEL)]
    assert "TCP_INFO" in cell(model, 0, Column.KERNEL, Qt.ItemDataRole.ToolTipRole)


def test_a_state_heard_before_its_accept_shows_once_the_client_is_listed(model):
    # The window hears a batch's STATE events before the same batch's ACCEPTED, and a
    # state is only sent again when it changes: the first one must not be lost.
    from netassistant.core.chunk import ConnEvent, EventKind

    model.update_clients(clients(1))
    model.apply_kernel_states(
        [ConnEvent(2, 0, EventKind.STATE, 2, detail={"state": "ESTABLISHED"})]
    )
    assert model.rowCount() == 1
    model.update_clients(clients(1, 2))
    assert [cell(model, r, Column.KERNEL) for r in range(2)] == ["", "ESTABLISHED"]


def test_a_small_batch_costs_the_same_with_ten_thousand_clients_listed(qtmodeltester):
    """Clients that come and go a few at a time: each batch is work for its own rows only.

    A pass over every listed row per batch made 10,000 connecting clients crawl.
    """
    from netassistant.core.chunk import EventKind

    model = ClientListModel()
    model.apply_events([_event(i, EventKind.ACCEPTED, i) for i in range(1, 10_001)])
    rec = Recorder(model)
    started = time.perf_counter()
    for n in range(1, 201):
        model.apply_events(
            [
                _event(20_000 + n, EventKind.ACCEPTED, 10_000 + n),
                _event(30_000 + n, EventKind.CLOSED, n),
            ]
        )
    elapsed = time.perf_counter() - started
    assert model.rowCount() == 10_000
    assert [model.conn_id_at(r) for r in (0, 9_999)] == [201, 10_200]
    assert rec.log[:2] == [("rem", 0, 0), ("ins", 9_999, 9_999)]
    assert len(rec.log) == 400
    assert elapsed < 0.25, f"200 small batches took {elapsed:.3f} s"


def test_an_accept_out_of_id_order_is_listed_in_its_place(model):
    from netassistant.core.chunk import EventKind

    model.apply_events([_event(1, EventKind.ACCEPTED, 2), _event(2, EventKind.ACCEPTED, 5)])
    rec = Recorder(model)
    model.apply_events([_event(3, EventKind.ACCEPTED, 3), _event(4, EventKind.ACCEPTED, 1)])
    assert [model.conn_id_at(r) for r in range(model.rowCount())] == [1, 2, 3, 5]
    assert rec.log == [("ins", 0, 0), ("ins", 2, 2)]
    assert (model.row_of(3), model.row_of(4)) == (2, -1)
