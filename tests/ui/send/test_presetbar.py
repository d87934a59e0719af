"""PresetBar, its inline editor, and the send history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from netassistant.core.profiles.model import SendPreset
from netassistant.ui.send.presetbar import HistoryCombo, HistoryList, PresetBar
from tests.ui.helpers import child, undescribed
from tests.ui.test_accessibility import _controls

PRESETS = [
    SendPreset("Hello", "hello", "text", "\r\n"),
    SendPreset("Read coils", "01 01 00 00 00 08", "hex", ""),
]


@pytest.fixture
def bar(hosted) -> PresetBar:
    return hosted(PresetBar)


def click(qtbot, root: QWidget, name: str) -> None:
    qtbot.mouseClick(child(root, QPushButton, name), Qt.MouseButton.LeftButton)


def table(bar: PresetBar) -> QTableWidget:
    return child(bar, QTableWidget, "presetTable")


# ------------------------------------------------------------------ buttons
def test_buttons_emit_their_preset(bar, qtbot):
    assert not child(bar, QLabel, "presetEmpty").isHidden()
    bar.set_presets(PRESETS)
    assert child(bar, QLabel, "presetEmpty").isHidden()
    first, second = child(bar, QPushButton, "preset_0"), child(bar, QPushButton, "preset_1")
    assert (first.text(), second.text()) == ("Hello", "Read coils")
    assert second.toolTip() == "Send hex 01 01 00 00 00 08\n6 bytes: 01 01 00 00 00 08"
    assert first.accessibleName() == "Send preset Hello"
    with qtbot.waitSignal(bar.preset_triggered, timeout=1000) as blocker:
        qtbot.mouseClick(second, Qt.MouseButton.LeftButton)
    assert blocker.args == [PRESETS[1]]
    assert bar.presets() == PRESETS


def test_set_presets_replaces_buttons_without_presets_changed(bar, qtbot):
    bar.set_presets(PRESETS)
    with qtbot.assertNotEmitted(bar.presets_changed, wait=10):
        bar.set_presets(PRESETS[1:])
    assert child(bar, QPushButton, "preset_0").text() == "Read coils"
    assert bar.findChild(QPushButton, "preset_1") is None


# ------------------------------------------------------------------- editor
def test_editor_is_made_when_first_wanted_in_its_place_in_the_tab_order(bar, qtbot):
    # Start-up builds no hidden editor; "Edit presets…" makes it, right after the history.
    bar.set_encoding("gbk")
    assert bar.findChild(QTableWidget, "presetTable") is None
    click(qtbot, bar, "presetEdit")
    assert not table(bar).isHidden()
    assert bar.history.nextInFocusChain() is bar.editor
    assert bar.editor.nextInFocusChain() is table(bar)
    click(qtbot, bar, "presetAdd")
    assert bar.editor.rows()[-1].encoding == "gbk", "the session's encoding, set before"


def test_editor_shows_presets_and_applies_edits(bar, qtbot):
    bar.set_presets(PRESETS)
    click(qtbot, bar, "presetEdit")
    grid = table(bar)
    assert not bar.editor.isHidden()
    assert grid.rowCount() == 2
    assert bar.editor.rows() == PRESETS
    grid.item(0, 0).setText("Hi")
    grid.item(0, 1).setText("hi")
    with qtbot.waitSignal(bar.presets_changed, timeout=1000):
        click(qtbot, bar, "presetApply")
    assert bar.presets() == [SendPreset("Hi", "hi", "text", "\r\n"), PRESETS[1]]
    assert bar.editor.isHidden()
    assert child(bar, QPushButton, "preset_0").text() == "Hi"


def test_editor_rejects_bad_hex_with_the_codec_message(bar, qtbot):
    bar.set_presets(PRESETS)
    click(qtbot, bar, "presetEdit")
    table(bar).item(1, 1).setText("01 0G")
    with qtbot.assertNotEmitted(bar.presets_changed, wait=10):
        click(qtbot, bar, "presetApply")
    error = child(bar, QLabel, "presetError")
    assert not error.isHidden()
    assert error.text() == "Row 2: invalid hex character 'G' at position 4"
    assert (table(bar).currentRow(), table(bar).currentColumn()) == (1, 1)
    assert bar.presets() == PRESETS  # nothing applied
    table(bar).item(1, 1).setText("01 0")
    click(qtbot, bar, "presetApply")
    assert error.text() == "Row 2: odd number of hex digits in '0' at position 3"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (" ", "x", "Row 1: give the button a name"),
        ("n" * 101, "x", "Row 1: the name is longer than 100 characters"),
        ("ok", "", "Row 1: no data to send"),
    ],
)
def test_editor_other_problems(bar, qtbot, name, data, message):
    click(qtbot, bar, "presetEdit")
    click(qtbot, bar, "presetAdd")
    table(bar).item(0, 0).setText(name)
    table(bar).item(0, 1).setText(data)
    click(qtbot, bar, "presetApply")
    assert child(bar, QLabel, "presetError").text() == message


def test_editor_add_mode_append_move_remove_and_cancel(bar, qtbot):
    bar.set_presets(PRESETS)
    click(qtbot, bar, "presetEdit")
    grid = table(bar)
    click(qtbot, bar, "presetAdd")
    assert grid.item(2, 0).text() == "Preset 3"
    grid.setItem(2, 1, QTableWidgetItem("AA BB"))
    mode = grid.cellWidget(2, 2)
    append = grid.cellWidget(2, 5)
    assert isinstance(mode, QComboBox)
    assert isinstance(append, QComboBox)
    mode.setCurrentIndex(mode.findData("hex"))
    append.setCurrentIndex(append.findData("\n"))
    new = SendPreset("Preset 3", "AA BB", "hex", "\n")
    click(qtbot, bar, "presetUp")  # current row is the new one
    assert bar.editor.rows() == [PRESETS[0], new, PRESETS[1]]
    grid.setCurrentCell(0, 0)
    click(qtbot, bar, "presetDown")
    assert bar.editor.rows() == [new, PRESETS[0], PRESETS[1]]
    grid.setCurrentCell(2, 0)
    click(qtbot, bar, "presetRemove")
    assert bar.editor.rows() == [new, PRESETS[0]]
    with qtbot.assertNotEmitted(bar.presets_changed, wait=10):
        click(qtbot, bar, "presetCancel")
    assert bar.editor.isHidden()
    assert bar.presets() == PRESETS
    click(qtbot, bar, "presetEdit")  # a fresh start from the kept presets
    assert bar.editor.rows() == PRESETS


def test_editor_keeps_an_unusual_line_ending(bar, qtbot):
    odd = SendPreset("odd", "x", "text", "\x03")
    bar.set_presets([odd])
    click(qtbot, bar, "presetEdit")
    assert table(bar).cellWidget(0, 5).currentText() == "\\x03"
    assert bar.editor.rows() == [odd]


# ------------------------------------------------------------------ history
def test_history_is_newest_first_and_collapses_duplicates():
    history = HistoryList()
    for text in ("a", "b", "c"):
        history.add(text, "text")
    history.add("a", "text")
    history.add("a", "hex")  # same text, other mode: another entry
    history.add("", "text")  # nothing sent: not remembered
    assert history.items() == [
        {"text": "a", "mode": "hex"},
        {"text": "a", "mode": "text"},
        {"text": "c", "mode": "text"},
        {"text": "b", "mode": "text"},
    ]


def test_history_keeps_fifty():
    history = HistoryList()
    for n in range(60):
        history.add(f"m{n}", "text")
    items = history.items()
    assert len(items) == 50
    assert (items[0]["text"], items[-1]["text"]) == ("m59", "m10")
    history.add("m30", "text")
    assert len(history.items()) == 50
    assert history.items()[0]["text"] == "m30"


def test_history_set_items_round_trip_and_skips_bad_entries():
    history = HistoryList()
    history.set_items(
        [
            {"text": "new", "mode": "text"},
            ["01 02", "hex"],
            {"text": 5, "mode": "text"},
            {"text": "x", "mode": "binary"},
            "junk",
            {"text": "new", "mode": "text"},
        ]
    )
    assert history.items() == [{"text": "new", "mode": "text"}, {"text": "01 02", "mode": "hex"}]
    again = HistoryList()
    again.set_items(history.items())
    assert again.items() == history.items()
    history.set_items([{"text": f"m{n}", "mode": "text"} for n in range(80)])
    assert [i["text"] for i in history.items()] == [f"m{n}" for n in range(50)]


def test_history_combo_emits_the_chosen_entry(bar, qtbot):
    combo = child(bar, HistoryCombo, "sendHistory")
    assert combo is bar.history
    combo.set_items([{"text": "first line\nsecond", "mode": "text"}, {"text": "0A", "mode": "hex"}])
    combo.add("ping", "text")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "ping",
        "first line…",
        "hex: 0A",
    ]
    assert combo.itemData(1, Qt.ItemDataRole.ToolTipRole) == "first line\nsecond"
    assert combo.currentIndex() == -1
    with qtbot.waitSignal(combo.history_chosen, timeout=1000) as blocker:
        combo.activated.emit(2)
    assert blocker.args == ["0A", "hex"]
    assert combo.currentIndex() == -1
    assert combo.items()[0] == {"text": "ping", "mode": "text"}


def test_every_control_is_named_described_and_accessible(bar, qtbot):
    bar.set_presets(PRESETS)
    click(qtbot, bar, "presetEdit")
    names = {w.objectName() for w in _controls(bar)}
    assert {"preset_0", "preset_1", "presetEdit", "sendHistory", "presetTable"} <= names
    assert {"presetAdd", "presetRemove", "presetUp", "presetDown", "presetApply"} <= names
    assert undescribed(bar) == []
    grid = table(bar)
    assert all(grid.cellWidget(0, c).accessibleName() for c in (2, 3, 4, 5))


def test_editor_keeps_escapes_and_encoding_and_checks_the_bytes(bar, qtbot):
    from PySide6.QtWidgets import QCheckBox

    bar.set_encoding("gbk")
    click(qtbot, bar, "presetEdit")
    click(qtbot, bar, "presetAdd")
    grid = table(bar)
    grid.item(0, 1).setText("AT\\r\\n")
    escapes, encoding = grid.cellWidget(0, 3), grid.cellWidget(0, 4)
    assert isinstance(escapes, QCheckBox)
    assert isinstance(encoding, QComboBox)
    assert (escapes.isChecked(), encoding.currentText()) == (False, "gbk")
    escapes.setChecked(True)
    with qtbot.waitSignal(bar.presets_changed):
        click(qtbot, bar, "presetApply")
    assert bar.presets() == [SendPreset("Preset 1", "AT\\r\\n", "text", "", True, "gbk")]
    # The button says exactly what it sends: CR LF, not a backslash and an r.
    assert child(bar, QPushButton, "preset_0").toolTip().endswith("4 bytes: 41 54 0D 0A")

    click(qtbot, bar, "presetEdit")
    grid.item(0, 1).setText("AT\\q")
    click(qtbot, bar, "presetApply")
    assert child(bar, QLabel, "presetError").text().startswith("Row 1: ")
    assert "\\q" in child(bar, QLabel, "presetError").text()
