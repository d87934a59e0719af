"""The Timeline toggle of a pane, and the timeline made the first time it is shown.

A pane gets a **Timeline** button in its receive toolbar and nothing else at start-up: the
model, the view and its painting code load the first time the button is pressed (start-up
does not pay for a view most sessions never open). The timeline then starts from what the
log holds and follows the session's batches; the other panes of the window are offered as
peer sessions, so a server pane and a client pane of this app link their sends and recvs.

Selection goes both ways: clicking a step selects its row in the log, and selecting a row
in the log highlights its step.
"""

from __future__ import annotations

import contextlib
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QToolBar

from netassistant.ui.widgets import tool_button

if TYPE_CHECKING:
    from netassistant.qt.models.timelinemodel import TimelineModel
    from netassistant.ui.pane.pane import SessionPane
    from netassistant.ui.timeline.timelineview import TimelineView


class _Panes(QObject):
    """The window's panes that have a timeline toggle (weakly held).

    Signals:
        added(object): a pane was made.
    """

    added = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.panes: weakref.WeakSet[SessionPane] = weakref.WeakSet()

    def add(self, pane: SessionPane) -> None:
        self.panes.add(pane)
        self.added.emit(pane)


_PANES: _Panes | None = None


def _panes() -> _Panes:
    global _PANES
    if _PANES is None:
        _PANES = _Panes()
    return _PANES


class TimelineHook(QObject):
    """A pane's Timeline toggle; makes the model and view on first use.

    Attributes:
        button: The toggle in the receive toolbar.
        model: The timeline model (None until first shown).
        view: The timeline view (None until first shown).
    """

    def __init__(self, pane: SessionPane) -> None:
        """Add the toggle to ``pane``'s receive toolbar."""
        super().__init__(pane)
        self._pane = pane
        self.model: TimelineModel | None = None
        self.view: TimelineView | None = None
        self.button = tool_button(
            "timelineToggle",
            self.tr("Timeline"),
            self.tr(
                "Show the session as a sequence diagram beside the log: every connect, "
                "accept, send, recv, FIN and RST as an arrow, a send linked to the recvs "
                "that delivered its bytes"
            ),
            checked=False,
        )
        toolbar = pane.receive.toolbar.findChild(QToolBar, "receiveToolbar")
        if toolbar is not None:
            # Beside the other way of looking at the data (Stream view), so it stays in
            # sight when a narrow pane folds the toolbar's end into its ">>" menu.
            actions = toolbar.actions()
            if len(actions) > 2:
                toolbar.insertWidget(actions[2], self.button)
            else:
                toolbar.addWidget(self.button)
        self.button.toggled.connect(self.set_shown)
        _panes().add(pane)

    @Slot(bool)
    def set_shown(self, on: bool) -> None:
        """Show (making it on first use) or hide the timeline."""
        if self.button.isChecked() != on:
            self.button.setChecked(on)  # comes back here through toggled
            return
        if on and self.view is None:
            self._make()
        if self.view is not None:
            self.view.setVisible(on)

    def _make(self) -> None:
        from netassistant.qt.models.timelinemodel import TimelineModel
        from netassistant.ui.timeline.timelineview import TimelineView

        pane = self._pane
        model = TimelineModel(self)
        model.append_events(pane.receive.model.held_events())
        self.model = model
        view = TimelineView(model)
        self.view = view
        pane.receive_split.insertWidget(1, view)
        pane.receive_split.setStretchFactor(1, 3)
        sizes = pane.receive_split.sizes()
        if len(sizes) >= 2:
            total = sizes[0] + sizes[1]
            sizes[0], sizes[1] = total // 2, total - total // 2
            pane.receive_split.setSizes(sizes)
        pane.controller.events_received.connect(model.append_events)
        pane.receive.clear_button.clicked.connect(model.clear)
        pane.receive.row_selected.connect(view.select_seq)
        view.chunk_selected.connect(pane.receive.select_seq)
        if pane.clients is not None:  # a server: the chosen client's lifeline only
            pane.clients.selection_changed.connect(view.show_connection)
        registry = _panes()
        for other in list(registry.panes):
            self._add_peer(other)
        registry.added.connect(self._add_peer)
        model.flush()

    @Slot(object)
    def _add_peer(self, other: SessionPane) -> None:
        if other is self._pane or self.model is None:
            return
        # A pane closed meanwhile has lost its C++ side: RuntimeError.
        with contextlib.suppress(RuntimeError):
            self.model.add_peer(other.controller, other.receive.model.held_events())
