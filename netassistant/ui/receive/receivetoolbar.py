"""The receive view's toolbar: display mode, stream toggle, pause, filters."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from netassistant.ui.widgets import combo_box, decorate, tool_button


class ReceiveToolbar(QWidget):
    """The row of controls above the chunk log; :class:`ReceiveView` wires them.

    Attributes:
        display_combo, stream_toggle, pause_button, autoscroll_button, clear_button,
        save_button, conn_filter, dir_filter, peer_filter, show_events, paused_label: The controls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()

    def _build(self) -> None:
        self.display_combo = combo_box(
            "displayMode",
            self.tr("Display mode"),
            self.tr("Show received bytes as hex, as text, or both side by side"),
            [(self.tr("Hex"), "hex"), (self.tr("Text"), "text"), (self.tr("Both"), "both")],
            fit_contents=True,
        )
        self.stream_toggle = tool_button(
            "streamToggle",
            self.tr("Stream view"),
            self.tr("Show the newest chunks back to back; each colour band is one recv()"),
            checked=False,
        )
        self.pause_button = tool_button(
            "pauseButton",
            self.tr("Pause"),
            self.tr("Stop adding to the log; what arrives meanwhile waits and is added on resume"),
            checked=False,
        )
        self.autoscroll_button = tool_button(
            "autoscroll",
            self.tr("Auto-scroll"),
            self.tr(
                "Keep the newest chunk in view. Turns off by itself when you scroll up "
                "and back on when you scroll to the bottom."
            ),
            checked=True,
        )
        self.clear_button = tool_button(
            "clearButton",
            self.tr("Clear"),
            self.tr("Remove all received chunks from the view (Ctrl+L)"),
            checked=None,
        )
        self.save_button = tool_button(
            "saveLogButton",
            self.tr("Save log…"),
            self.tr(
                "Save every row the log holds now (also those a filter hides) to a text, "
                "CSV or JSON-lines file; then, if you like, keep recording to it"
            ),
        )
        self.conn_filter = combo_box(
            "connFilter",
            self.tr("Connection filter"),
            self.tr("Show the chunks of all connections or of one"),
            [(self.tr("All connections"), None)],
            fit_contents=True,
        )
        self.dir_filter = combo_box(
            "dirFilter",
            self.tr("Direction filter"),
            self.tr("Show received (RX) chunks, sent (TX) chunks, or both"),
            [(self.tr("All"), "all"), (self.tr("RX"), "rx"), (self.tr("TX"), "tx")],
            fit_contents=True,
        )
        self.peer_filter = QLineEdit()
        self.peer_filter.setPlaceholderText(self.tr("Filter peer"))
        self.peer_filter.setClearButtonEnabled(True)
        self.peer_filter.setMaximumWidth(160)
        decorate(
            self.peer_filter,
            "peerFilter",
            self.tr("Peer filter"),
            self.tr(
                "Show only rows whose peer address contains this text, e.g. a UDP sender's port"
            ),
        )
        self.show_events = QCheckBox(self.tr("Events"))
        self.show_events.setChecked(True)
        decorate(
            self.show_events,
            "showEvents",
            self.tr("Show connection events"),
            self.tr("Show connects, closes, resets and errors between the chunks"),
        )
        self.paused_label = QLabel()
        self.paused_label.setObjectName("pausedLabel")
        self.paused_label.setStyleSheet("color: #8a5a00;")
        self.paused_label.hide()
        # A QToolBar folds what does not fit into its ">>" menu, so two panes side by side
        # still fit on a laptop screen.
        # A combo's minimum is its sizeHint (Fixed), so a narrow pane folds a combo into
        # ">>" instead of squeezing it to "Tex" (the toolbar shrinks items to their minimum
        # before it folds them); the hint follows the font, so a zoom re-measures it.
        for combo in (self.display_combo, self.conn_filter, self.dir_filter):
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        bar = QToolBar()
        bar.setObjectName("receiveToolbar")
        bar.setMovable(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        for widget in (
            self.display_combo,
            self.stream_toggle,
            self.pause_button,
            self.autoscroll_button,
            self.clear_button,
            self.save_button,
            self.conn_filter,
            self.dir_filter,
            self.peer_filter,
            self.show_events,
            self.paused_label,
        ):
            bar.addWidget(widget)
