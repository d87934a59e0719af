"""The panes' settings columns: shown, collapsed to a strip, or hidden for presentation.

Two panes side by side need about 1800 px with their settings columns open, more than
a 1366 px projector has. When side by side does not fit, the columns collapse to a
:class:`~netassistant.ui.pane.settingsstrip.SettingsStrip` (show settings, start/stop),
and come back once the window is wide enough; View > Settings column does the same by
hand (remembered). The column is found generically, as the first widget of a pane's
body splitter, so whatever a branch adds to it collapses with it.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from netassistant.ui.pane.settingsstrip import SettingsStrip

if TYPE_CHECKING:
    from netassistant.ui.appstate import AppState
    from netassistant.ui.pane.pane import SessionPane

SETTINGS_KEY = "view/settings_column"
#: A pane's margins, splitter handles and scroll bar, in pixels, beyond its parts.
_PANE_CHROME = 24


def settings_column(pane: QWidget) -> QWidget | None:
    """The pane's settings column: the first widget of its body splitter."""
    splitters = getattr(pane, "splitters", ())
    return splitters[0].widget(0) if splitters else None


def full_column_width(column: QWidget) -> int:
    """The width a settings column needs to show its contents without sideways scrolling."""
    if not isinstance(column, QScrollArea) or (content := column.widget()) is None:
        return column.minimumSizeHint().width()
    inner = content.minimumSizeHint().width()
    # The room the area gives its scroll bar is the bar's size hint (the style's scroll bar
    # extent). Not asked of the style: the first style object Python sees builds PySide's
    # whole QStyle class (~7 ms of a launch).
    scrollbar = column.verticalScrollBar().sizeHint().width()
    return max(column.minimumWidth(), inner + scrollbar + 2 * column.frameWidth())


def fit_column(pane: QWidget) -> None:
    """Widen a shown settings column to its content's width if the pane has the room.

    Sections grow after the column was placed (a TLS box, the socket state, a tool
    section opened later, a zoom): without this the column keeps its first width and
    its right edge is cut by a few pixels.
    """
    column = settings_column(pane)
    if column is None or column.isHidden():
        return
    body = pane.splitters[0]  # type: ignore[attr-defined]
    sizes = body.sizes()
    want = full_column_width(column)
    if len(sizes) == 2 and 0 < sizes[0] < want and sum(sizes) > want:
        body.setSizes([want, sum(sizes) - want])  # no sideways scrolling if it fits


class _ColumnFitter(QObject):
    """Re-fits a pane's settings column whenever its content asks for a new layout."""

    def __init__(self, pane: QWidget, content: QWidget) -> None:
        super().__init__(pane)
        self._pane = pane
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After the content's layout request is handled, fit the column to it."""
        if event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self._fit)
        return False

    @Slot()
    def _fit(self) -> None:
        # A pane being closed may have lost its splitters before this deferred call.
        with contextlib.suppress(RuntimeError):
            fit_column(self._pane)


class SettingsColumns(QObject):
    """Shows, collapses or hides the settings column of every pane of a window.

    Attributes:
        action: View > Settings column (checkable; on by default, remembered).
    """

    def __init__(self, window: QMainWindow, state: AppState, tiles: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._state = state
        self._tiles = tiles  # View > Side by side
        self._panes: list[SessionPane] = []
        self._strips: dict[SessionPane, SettingsStrip] = {}
        self._presenting = False
        self._auto_collapsed = False
        self._auto_changing = False
        self.action = QAction(self.tr("Settings &column"), window)
        self.action.setObjectName("settingsColumn")
        tip = self.tr("Show the settings column of each pane (hide it to give the log the width)")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.action.setCheckable(True)
        self.action.setChecked(str(state.value(SETTINGS_KEY, "true")).lower() != "false")
        window.addAction(self.action)  # the shortcut works while the toolbars are hidden
        self.action.toggled.connect(self._on_toggled)
        window.installEventFilter(self)
        # After the window has moved the panes (its own slot runs after this one).
        tiles.toggled.connect(lambda _on: QTimer.singleShot(0, self._auto_fit))

    # -------------------------------------------------------------------- panes
    def add_pane(self, pane: SessionPane) -> None:
        """Give a new pane its strip, and the window's choice for its column."""
        self._panes.append(pane)
        pane.destroyed.connect(lambda _obj=None, p=pane: self._forget(p))
        self._add_strip(pane)
        column = settings_column(pane)
        if column is not None:
            # Narrow column: a field goes under its label instead of being cut off.
            for form in column.findChildren(QFormLayout):
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            if isinstance(column, QScrollArea) and (content := column.widget()) is not None:
                _ColumnFitter(pane, content)
        self.set_column(pane, self._shown())
        self._auto_fit()

    def _forget(self, pane: SessionPane) -> None:
        if pane in self._panes:
            self._panes.remove(pane)
        self._strips.pop(pane, None)

    def _add_strip(self, pane: SessionPane) -> None:
        """Put a :class:`SettingsStrip` left of the pane's body (it shows while collapsed)."""
        layout = pane.layout()
        body = pane.splitters[0] if getattr(pane, "splitters", ()) else None
        if not isinstance(layout, QVBoxLayout) or body is None or layout.indexOf(body) < 0:
            return
        index = layout.indexOf(body)
        layout.removeWidget(body)
        row = QHBoxLayout()
        strip = SettingsStrip(pane)
        strip.expand_requested.connect(lambda p=pane: self.set_column(p, True))
        row.addWidget(strip)
        row.addWidget(body, 1)
        layout.insertLayout(index, row, 1)
        self._strips[pane] = strip

    def set_column(self, pane: SessionPane, shown: bool) -> None:
        """Show or collapse one pane's settings column (the strip stands in for it)."""
        column = settings_column(pane)
        if column is None:
            return
        column.setVisible(shown)
        strip = self._strips.get(pane)
        if strip is not None:
            strip.setVisible(not shown and not self._presenting)
        if shown:
            fit_column(pane)

    def set_presenting(self, on: bool) -> None:
        """Hide every column and strip for presentation mode (False: as they were)."""
        self._presenting = on
        self.action.setEnabled(not on)
        self._apply()
        if not on:
            self._auto_fit()

    def _shown(self) -> bool:
        return self.action.isChecked() and not self._presenting

    def _apply(self) -> None:
        shown = self._shown()
        for pane in self._panes:
            self.set_column(pane, shown)

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        if not self._auto_changing:
            self._state.set_value(SETTINGS_KEY, "true" if on else "false")
            self._auto_collapsed = False  # the user decided
        self._apply()

    # -------------------------------------------------------------- side by side
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the window's width (the columns collapse when the panes do not fit)."""
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self._auto_fit()
        return False

    def needed_width(self) -> int:
        """The width the visible panes need with their settings columns open."""
        total = 0
        for pane in self._panes:
            if not pane.isVisibleTo(self._window):
                continue
            column = settings_column(pane)
            if column is None:
                total += pane.minimumSizeHint().width()
                continue
            right = pane.splitters[1]  # the log over the send area
            total += full_column_width(column) + right.minimumSizeHint().width() + _PANE_CHROME
        return total

    @Slot()
    def _auto_fit(self) -> None:
        """Side by side too narrow for every column: collapse them, and back."""
        if self._presenting:
            return
        narrow = self._tiles.isChecked() and self._window.width() < self.needed_width()
        if narrow and self.action.isChecked():
            self._auto_collapsed = True
            self._set_action(False)
        elif not narrow and self._auto_collapsed:
            self._auto_collapsed = False
            self._set_action(True)

    def _set_action(self, on: bool) -> None:
        self._auto_changing = True  # not the user's choice: not remembered
        try:
            self.action.setChecked(on)
        finally:
            self._auto_changing = False
