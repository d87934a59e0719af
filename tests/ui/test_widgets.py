"""The shared control factories: wheel rule, range notes, placeholders."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from netassistant.core.config import Kind
from netassistant.ui.pane.settingspanel import SettingsPanel
from netassistant.ui.receive.loglimits import LogLimitsBox
from netassistant.ui.widgets import combo_box, fill, plain_label, spin_box
from tests.ui.helpers import child

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _wheel(widget: QWidget, steps: int = 1) -> bool:
    """Send one wheel notch (up) to ``widget``; return whether anyone accepted it."""
    center = QPointF(widget.rect().center())
    event = QWheelEvent(
        center,
        QPointF(widget.mapToGlobal(QPoint(int(center.x()), int(center.y())))),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_fill_replaces_numbered_placeholders_once():
    assert fill("%1 of %2", "a%2", "b") == "a%2 of b"
    assert fill("%1 and %3", "x") == "x and %3"


def test_plain_label_drops_mnemonics_and_ellipsis():
    assert plain_label("&Save log…") == "Save log"
    assert plain_label("Fish && chips") == "Fish & chips"


def test_unfocused_spin_and_combo_ignore_the_wheel(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    spin = spin_box("port", "Port", "tip", low=0, high=65535, value=8080)
    combo = combo_box("pick", "Pick", "tip", [("a", 1), ("b", 2), ("c", 3)])
    combo.setCurrentIndex(1)
    layout = QVBoxLayout(host)
    layout.addWidget(spin)
    layout.addWidget(combo)
    host.show()
    qtbot.waitExposed(host)
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus

    _wheel(spin, 3)
    _wheel(combo, -1)
    assert spin.value() == 8080
    assert combo.currentIndex() == 1

    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus, timeout=2000)
    _wheel(spin, 1)
    assert spin.value() == 8081


def test_a_guarded_control_runs_no_python_when_it_repaints(qtbot):
    """Under a flood each call from Qt into Python waits for the GIL: a repaint makes none."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    spin = spin_box("port", "Port", "tip", low=0, high=65535, value=8080)
    combo = combo_box("pick", "Pick", "tip", [("a", 1), ("b", 2)])
    layout.addWidget(spin)
    layout.addWidget(combo)
    host.show()
    qtbot.waitExposed(host)
    calls: list[str] = []
    enter = QEvent(QEvent.Type.Enter)

    def profile(frame, event, _arg) -> None:
        if event == "call":
            calls.append(frame.f_code.co_qualname)

    sys.setprofile(profile)
    try:
        spin.repaint()
        combo.repaint()
        QApplication.sendEvent(spin, enter)
    finally:
        sys.setprofile(None)
    assert calls == []
    assert _wheel(spin, 1) is False  # the wheel still reaches Python, and is refused


def test_wheel_over_an_unfocused_settings_spin_is_left_to_the_scroll_area(qtbot):
    area = QScrollArea()
    qtbot.addWidget(area)
    panel = SettingsPanel(Kind.TCP_SERVER)
    area.setWidget(panel)
    area.resize(300, 200)  # much shorter than the panel: the column scrolls
    area.show()
    qtbot.waitExposed(area)
    port = child(panel, QSpinBox, "localPort")
    port.setValue(8080)
    # Ignored, so for a real (spontaneous) wheel event Qt hands it to the parents and the
    # scroll area scrolls; a synthesized event is never propagated, so only this is seen.
    assert _wheel(port, -2) is False
    assert port.value() == 8080
    assert _wheel(area.viewport(), -2) is True
    assert area.verticalScrollBar().value() > 0


def test_typed_port_out_of_range_is_refused_with_a_note(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    panel = SettingsPanel(Kind.TCP_SERVER, host)
    QVBoxLayout(host).addWidget(panel)
    host.show()
    qtbot.waitExposed(host)
    port = child(panel, QSpinBox, "localPort")
    port.setValue(8080)
    port.setFocus()
    port.lineEdit().selectAll()
    qtbot.keyClicks(port, "99999")
    assert port.lineEdit().text() == "99999"  # not silently cut to 9999
    qtbot.keyClick(port, Qt.Key.Key_Return)
    note = child(panel, QWidget, "localPortNote")
    assert note.isVisible()
    assert note.text() == "99999 is out of range for Local port: enter 0 to 65535. It stays 8080."
    assert port.value() == 8080  # not 9999, passed on the way to 99999

    port.lineEdit().selectAll()
    qtbot.keyClicks(port, "8081")
    qtbot.keyClick(port, Qt.Key.Key_Return)
    assert port.value() == 8081
    assert not note.isVisible()


def test_keep_newest_below_minimum_says_so(hosted, qtbot):
    box = hosted(lambda host: LogLimitsBox(host))
    box.window().show()
    qtbot.waitExposed(box.window())
    rows = box.max_rows
    rows.setFocus()
    rows.lineEdit().selectAll()
    qtbot.keyClicks(rows, "5")
    qtbot.keyClick(rows, Qt.Key.Key_Return)
    note = child(box, QWidget, "maxRowsNote")
    assert note.isVisible()
    assert note.text() == (
        "5 is out of range for Chunks kept: enter 100 to 5000000. It stays 100000."
    )
    assert rows.value() == 100_000


def test_factories_decorate(qtbot):
    combo = combo_box("c", "Combo", "Pick one", [("x", None)], fit_contents=True)
    qtbot.addWidget(combo)
    assert (combo.objectName(), combo.accessibleName(), combo.toolTip()) == (
        "c",
        "Combo",
        "Pick one",
    )
    assert combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContents


@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
def test_a_spin_without_a_note_pops_the_message_up(qtbot):
    from PySide6.QtWidgets import QToolTip

    host = QWidget()
    qtbot.addWidget(host)
    spin = spin_box("repeat", "Repeat count", "tip", low=1, high=100, value=7)
    QVBoxLayout(host).addWidget(spin)
    host.show()
    qtbot.waitExposed(host)
    spin.setFocus()
    spin.lineEdit().selectAll()
    with qtbot.waitSignal(spin.out_of_range) as said:
        qtbot.keyClicks(spin, "1000")
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert said.args == ["1000 is out of range for Repeat count: enter 1 to 100. It stays 7."]
    assert QToolTip.text() == said.args[0]
    assert spin.value() == 7
