"""Every control a user can operate has an objectName, a tooltip and an accessible name."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from netassistant.core.config import Kind
from netassistant.ui.pane.pane import SessionPane

CONTROLS = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


def _inside_compound(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QLineEdit) or type(
            parent
        ).__name__ == ("QComboBoxPrivateContainer"):
            return True
        parent = parent.parentWidget()
    return False


def _controls(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS):
            continue
        # Parts Qt builds inside a control (a combo's line edit and popup list, a table's
        # headers, a line edit's clear button, a spin
        # box's editor, a toolbar's ">>" button) belong to that control.
        if _inside_compound(widget):
            continue
        if widget.objectName() == "qt_toolbar_ext_button":
            continue
        found.append(widget)
    return found


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_every_control_is_named_described_and_accessible(qtbot, kind):
    pane = SessionPane(kind)
    qtbot.addWidget(pane)
    controls = _controls(pane)
    assert len(controls) > 30
    missing = [
        f"{type(w).__name__} name={w.objectName()!r} tip={bool(w.toolTip())} "
        f"accessible={w.accessibleName()!r}"
        for w in controls
        if not (w.objectName() and w.toolTip() and w.accessibleName())
    ]
    assert missing == []
    names = [w.objectName() for w in controls]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert duplicates == [], "objectNames are unique within a pane"
