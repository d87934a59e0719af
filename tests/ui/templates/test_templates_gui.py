"""Packet templates in the window: grid, message view columns, hex colours, editor.

Also: the sections are built only when opened, and a pane's templates go in its profile.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from netassistant.core.chunk import Chunk, Direction
from netassistant.core.config import Kind
from netassistant.core.stats import SessionState
from netassistant.core.templates.builtin import LENGTH_TYPE_CRC, MODBUS_TCP_REQUEST
from netassistant.core.templates.model import Field, Template
from netassistant.qt.models.messagemodel import MessageColumn
from netassistant.qt.models.tablemodel import DISPLAY_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE
from netassistant.ui.pane.pane import SessionPane
from netassistant.ui.receive.chunkdetail import ChunkDetail
from netassistant.ui.templates.editor import TemplateEditor
from netassistant.ui.templates.grid import TemplateGrid
from netassistant.ui.templates.hexfields import CURRENT_TINT, TINTS, hex_column
from tests.qt.decoding import LocalDecodePipeline

REQUEST = bytes.fromhex("00 01 00 00 00 06 01 03 00 00 00 0A")
FIRST = len(MessageColumn)


def rx(seq: int, data: bytes) -> Chunk:
    return Chunk(seq, seq * 1000, 1, Direction.RX, "127.0.0.1:502", "127.0.0.1:50001", data)


# ------------------------------------------------------------------ the value grid
def test_grid_builds_the_bytes_live_and_says_what_is_wrong(hosted):
    grid = hosted(lambda host: TemplateGrid(MODBUS_TCP_REQUEST, host))
    assert grid.data == REQUEST
    assert grid.preview.toPlainText() == "00 01 00 00 00 06 01 03 00 00 00 0A"
    assert grid.summary.text() == "12 bytes"
    grid.set_value("quantity", "0x7D")
    assert grid.data == bytes.fromhex("00 01 00 00 00 06 01 03 00 00 00 7D")
    grid.set_value("function", "read_input_registers")
    assert grid.data[7] == 4
    grid.set_value("unit", "300")
    assert grid.data is None
    assert grid.problem("unit") == "unit: 300 is out of range for u8 (0 .. 255)"
    assert grid.preview.toPlainText() == ""
    assert grid.summary.text() == "1 value(s) to fix before the message can be built"
    grid.set_value("unit", "7")
    assert grid.problem("unit") == ""
    assert grid.data == bytes.fromhex("00 01 00 00 00 06 07 04 00 00 00 7D")


def test_grid_fills_in_the_computed_fields(hosted):
    grid = hosted(lambda host: TemplateGrid(LENGTH_TYPE_CRC, host))
    grid.set_value("payload", "01 02 03 04")
    values = {
        grid.table.item(r, 0).text(): grid.table.item(r, 2).text()
        for r in range(grid.table.rowCount())
    }
    assert values["length"] == "5"
    assert grid.data is not None
    assert values["crc"] == grid.data[-2:].hex(" ")


# ------------------------------------------------------------------ message view columns
def test_message_view_shows_a_column_per_field(qapp):
    pipeline = LocalDecodePipeline()
    pipeline.configure("fixed:12", None, None)
    bad = bytearray(REQUEST)
    bad[7] = 4
    pipeline.feed([rx(1, REQUEST + bytes(bad)), rx(2, b"\x00" * 12)])
    model = pipeline.model
    assert model.rowCount() == 3
    assert model.columnCount() == FIRST
    model.set_template(MODBUS_TCP_REQUEST)
    assert model.columnCount() == FIRST + 7
    titles = [
        model.headerData(c, Qt.Orientation.Horizontal, DISPLAY_ROLE)
        for c in range(FIRST, FIRST + 7)
    ]
    assert titles == ["transaction", "protocol", "length", "unit", "function", "address",
                      "quantity"]  # fmt: skip

    def cell(row: int, key: str, role: int = DISPLAY_ROLE):
        return model.data(model.index(row, FIRST + titles.index(key)), role)

    assert cell(0, "function") == "read_holding_registers (3)"
    assert cell(1, "function") == "read_input_registers (4)"
    assert cell(0, "quantity") == "10"
    assert cell(0, "quantity", TOOLTIP_ROLE) == "quantity: 10 (bytes 10–11)"
    # A length that disagrees with the bytes is drawn red.
    assert cell(2, "length") == "0"
    assert cell(2, "length", FOREGROUND_ROLE) is not None
    model.set_template(None)
    assert model.columnCount() == FIRST


def test_a_message_that_does_not_parse_says_why(qapp):
    pipeline = LocalDecodePipeline()
    pipeline.configure("fixed:5", None, None)
    pipeline.feed([rx(1, b"\x00\x01\x00\x00\x00")])
    model = pipeline.model
    model.set_template(MODBUS_TCP_REQUEST)
    assert model.data(model.index(0, FIRST), DISPLAY_ROLE) == (
        "the message ends inside field 'length': it needs 2 bytes at offset 4, 1 are left"
    )
    assert model.data(model.index(0, FIRST + 1), DISPLAY_ROLE) is None


# ------------------------------------------------------------------ hex dump colours
def test_hex_dump_colours_fields_and_names_the_one_under_the_cursor(hosted):
    detail = hosted(lambda host: ChunkDetail(host))
    detail.show_item(rx(1, REQUEST))
    assert detail.fields is None  # nothing is made until a template is chosen
    detail.set_template(MODBUS_TCP_REQUEST)
    assert detail.fields is not None
    selections = detail.hex_view.extraSelections()
    assert len(selections) == 12  # one per byte
    tints = [s.format.background().color() for s in selections]
    # transaction, protocol, length, unit, function, address, quantity: alternating tints.
    assert tints[:2] == [TINTS[0]] * 2
    assert tints[2:4] == [TINTS[1]] * 2
    assert tints[6] == TINTS[1]
    assert tints[7] == TINTS[0]
    cursor = detail.hex_view.textCursor()
    cursor.setPosition(hex_column(7))
    detail.hex_view.setTextCursor(cursor)
    assert detail.fields.label.text() == "Byte 7: function = read_holding_registers (3)"
    tints = [s.format.background().color() for s in detail.hex_view.extraSelections()]
    assert tints[7] == CURRENT_TINT
    assert tints[6] != CURRENT_TINT
    # The ASCII column names the same bytes.
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.Left, n=2)  # the last byte's character
    detail.hex_view.setTextCursor(cursor)
    assert detail.fields.label.text() == "Byte 11: quantity = 10"
    # A sticky chunk: both messages are coloured, the second from byte 12 on.
    detail.show_item(rx(2, REQUEST + REQUEST))
    assert len(detail.hex_view.extraSelections()) == 24
    detail.set_template(None)
    assert detail.hex_view.extraSelections() == []


def test_hex_dump_says_why_a_chunk_does_not_fit_the_template(hosted):
    detail = hosted(lambda host: ChunkDetail(host))
    detail.set_template(MODBUS_TCP_REQUEST)
    detail.show_item(rx(1, b"\x00\x01"))
    assert detail.fields is not None
    assert detail.fields.label.text() == (
        "Template Modbus/TCP read holding registers request: the message ends inside field "
        "'protocol': it needs 2 bytes at offset 2, 0 are left"
    )
    assert detail.hex_view.extraSelections() == []


# ------------------------------------------------------------------ the editor
def test_editor_adds_moves_and_checks_fields(qtbot):
    editor = TemplateEditor(Template("t", (Field("a", "u8"),)))
    qtbot.addWidget(editor)
    assert editor.check()
    editor.table.setCurrentCell(0, 0)
    editor.add_field()
    assert [editor.field_at(r).name for r in range(2)] == ["a", "field1"]
    editor.move_up()
    assert [editor.field_at(r).name for r in range(2)] == ["field1", "a"]
    editor.table.item(0, 0).setText("a")
    assert not editor.check()
    assert editor.error.text() == "two fields are called 'a'"
    editor.table.item(0, 0).setText("b")
    editor.table.item(0, 5).setText("on=1, off=oops")
    assert not editor.check()
    assert editor.error.text() == "b: off=oops is not a name and a number, like a=1 or a:4"
    editor.table.item(0, 5).setText("on=1, off=0")
    assert editor.check()
    assert editor.template() == Template("t", (Field("b", "u8", enum={"on": 1, "off": 0}),
                                               Field("a", "u8")))  # fmt: skip


def test_editor_round_trips_the_builtins(qtbot):
    for template in (MODBUS_TCP_REQUEST, LENGTH_TYPE_CRC):
        editor = TemplateEditor(template)
        qtbot.addWidget(editor)
        assert editor.check(), editor.error.text()
        assert editor.template() == template


# ------------------------------------------------------------------ in a pane
@pytest.fixture
def pane(qtbot):
    pane = SessionPane(Kind.TCP_SERVER)
    qtbot.addWidget(pane)
    yield pane
    assert pane.shutdown()


def test_sections_are_built_only_when_opened(pane):
    sections = pane.sections
    assert [s.body for s in sections.sections()] == [None, None, None]
    box = sections.body(sections.templates)
    assert box is not None
    assert sections.generator.body is None


def test_decode_with_a_template_reaches_the_message_view_and_the_dump(pane):
    box = pane.sections.body(pane.sections.templates)
    box.select(MODBUS_TCP_REQUEST.name)
    box.decode.setChecked(True)
    assert pane.messages.model.template_columns.template == MODBUS_TCP_REQUEST
    assert pane.receive.detail.fields is not None
    box.decode.setChecked(False)
    assert pane.messages.model.template_columns.template is None


def test_a_pane_saves_and_restores_its_own_templates(pane, qtbot):
    mine = Template("mine", (Field("x", "u16", default=7),))
    pane.sections.library.save(mine)
    profile = pane.profile("with templates")
    assert profile.templates == [mine.to_dict()]
    other = SessionPane(Kind.TCP_SERVER)
    qtbot.addWidget(other)
    box = other.sections.body(other.sections.templates)
    other.apply_profile(profile)
    assert other.sections.library.custom == [mine]
    assert "mine" in [box.choice.itemText(i) for i in range(box.choice.count())]
    assert other.shutdown()


# The editor opens as a dialog window: the offscreen platform cannot size its frame.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_editing_a_builtin_saves_a_copy_in_the_pane(pane):
    box = pane.sections.body(pane.sections.templates)
    box.select(MODBUS_TCP_REQUEST.name)
    assert not box.delete_button.isEnabled()  # a built-in stays
    editor = box.edit(box.current())
    assert editor.name.text() == "Modbus/TCP read holding registers request (copy)"
    editor.table.item(6, 3).setText("1")  # quantity's default
    editor.accept()
    copy = pane.sections.library.get("Modbus/TCP read holding registers request (copy)")
    assert copy is not None
    assert copy.field("quantity").default == 1
    assert box.current() == copy
    assert box.delete_button.isEnabled()
    assert pane.profile("p").templates == [copy.to_dict()]
    box.delete_button.click()
    assert pane.sections.library.custom == []


def test_the_decode_hint_says_a_framing_is_needed(pane):
    box = pane.sections.body(pane.sections.templates)
    assert box.hint.isHidden()
    box.decode.setChecked(True)
    assert not box.hint.isHidden()
    assert box.hint.text().startswith("The message view needs a framing")


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_send_grid_sends_into_a_real_server_pane(pane, qtbot):
    import socket

    from PySide6.QtCore import Qt as _Qt

    box = pane.sections.body(pane.sections.templates)
    box.select(MODBUS_TCP_REQUEST.name)
    dialog = box.open_send()
    assert dialog is not None
    dialog.send_button.click()
    assert dialog.status.text() == "the session is not running; nothing was sent"
    pane.settings.local_port.setValue(0)
    qtbot.mouseClick(pane.settings.start_button, _Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=10_000)
    dialog.send_button.click()
    assert dialog.status.text() == "no client is connected; nothing was sent"
    with socket.create_connection(("127.0.0.1", pane.controller.local_port), timeout=5) as c:
        qtbot.waitUntil(lambda: bool(pane.controller.stats.clients), timeout=10_000)
        dialog.grid.set_value("transaction", "0x0102")
        dialog.send_button.click()
        assert dialog.status.text() == "sent 12 bytes"
        assert c.recv(100) == bytes.fromhex("01 02 00 00 00 06 01 03 00 00 00 0A")
    dialog.box_button.click()
    assert pane.send_panel.input_text() == "01 02 00 00 00 06 01 03 00 00 00 0A"
    dialog.close()


def test_every_control_in_the_sections_is_described(pane):
    from tests.ui.helpers import undescribed

    for section in pane.sections.sections():
        body = pane.sections.body(section)
        assert undescribed(body) == [], section.objectName()


def test_every_control_in_the_dialogs_is_described(qtbot):
    from netassistant.ui.templates.senddialog import TemplateSendDialog
    from tests.ui.helpers import undescribed

    for dialog in (TemplateEditor(MODBUS_TCP_REQUEST), TemplateSendDialog(MODBUS_TCP_REQUEST)):
        qtbot.addWidget(dialog)
        assert undescribed(dialog) == [], dialog.objectName()
