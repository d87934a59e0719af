"""StatsBar: the status line of a pane (counters, what the view dropped, session state)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from netassistant.core.stats import SessionState, SessionStats
from netassistant.qt.coremessages import tr_core
from netassistant.qt.models.clientmodel import format_count
from netassistant.ui.widgets import decorate


class _LabelHolder(QWidget):
    """A layout-less holder that lets a fixed-size label be narrower than it is.

    The counters label is as wide as 100 GB each way, which would set the width of the
    whole pane (a presentation mode boost grows it further). The holder asks for that
    width but accepts down to ``minimum`` (what a 1 MB session needs); below the label's
    full width only its right end is cut, and only for numbers that large.
    """

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        label.move(0, 0)
        self.minimum = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_minimum(self, width: int) -> None:
        """Accept down to ``width`` pixels (and follow the label's new fixed size)."""
        self.minimum = min(width, self.label.width())
        self.setFixedHeight(self.label.height())
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """The label's full size."""
        return self.label.size()

    def minimumSizeHint(self) -> QSize:
        """Narrower than the label: room for a 1 MB session's counters."""
        return QSize(self.minimum, self.label.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Say the whole text in the tooltip while the label's end is cut."""
        super().resizeEvent(event)
        self.update_tip()

    def update_tip(self) -> None:
        """Keep the tooltip in step with the label's text."""
        cut = self.width() < self.label.fontMetrics().horizontalAdvance(self.label.text())
        self.setToolTip(self.label.text() if cut else "")


class StatsBar(QWidget):
    """Byte and chunk counters, the view's drop count, the state and a reset button.

    Counters count everything the session did; the "dropped from view" label only
    says that the receive view no longer holds its oldest chunks.

    Attributes:
        counters: "RX: 1,234 B (12 chunks)  TX: 56 B (3 chunks)".
        dropped: "dropped from view: N chunks, M bytes", hidden while N is 0.
        state: The translated session state, with the local address when known.
        reset_button: The "Reset counters" button.

    Signals:
        reset_requested(): the user asked to zero the counters.
    """

    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counters = QLabel()
        self.counters.setObjectName("statsCounters")
        self.dropped = QLabel()
        self.dropped.setObjectName("statsDropped")
        self.dropped.setToolTip(
            self.tr("The view keeps only the newest chunks; the counters still count everything")
        )
        self.dropped.hide()
        self.state = QLabel()
        self.state.setObjectName("statsState")
        self.accept_note = QLabel(self.tr("accepting paused"))
        self.accept_note.setObjectName("statsAcceptPaused")
        self.accept_note.hide()
        self.message = QLabel()
        self.message.setObjectName("statsMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.reset_button = QPushButton(self.tr("Reset counters"))
        decorate(
            self.reset_button,
            "statsReset",
            self.tr("Reset counters"),
            self.tr("Set the RX and TX byte and chunk counters back to zero"),
        )
        self.reset_button.clicked.connect(self.reset_requested)
        self.reset_button.clicked.connect(lambda: self.show_message(""))

        # Two rows, so a pane stays narrow enough for two side by side on a laptop.
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.state)
        top.addSpacing(12)
        top.addWidget(self.accept_note)
        top.addWidget(self.message, 1)
        top.addStretch(1)
        top.addWidget(self.reset_button)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        self._counters_holder = _LabelHolder(self.counters)
        bottom.addWidget(self._counters_holder)
        bottom.addSpacing(12)
        bottom.addWidget(self.dropped)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self._shown = SessionStats()
        self._shown_dropped = (0, 0)
        self._fix_sizes()
        self.update_stats(SessionStats())

    def changeEvent(self, event: QEvent) -> None:
        """A zoom changes the font: the fixed label sizes are measured again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            shown, dropped = self._shown, self._shown_dropped
            self._fix_sizes()
            self.update_stats(shown)
            self.set_dropped(*dropped)

    def _fix_sizes(self) -> None:
        """Give the changing labels fixed sizes, wide enough for big numbers.

        A label whose text changes width asks its parent layout to redo itself, and that
        goes up to the window: under a flood that re-laid out and repainted the whole
        window many times a second. Qt does not propagate geometry updates from a widget
        of fixed size.
        """
        big = SessionStats()  # 100 GB and ten million chunks each way fit; more is clipped
        big.rx_bytes = big.tx_bytes = 99_999_999_999
        big.rx_chunks = big.tx_chunks = 9_999_999
        self.update_stats(big)
        # Measured without showing it: a label shown and hidden again would leave its
        # width in the layouts' cached minimum sizes (seen when a zoom re-measures).
        self.dropped.setText(self._dropped_text(9_999_999, 99_999_999_999))
        metrics = self.fontMetrics()
        height = metrics.height() + 4
        for label in (self.counters, self.dropped):
            label.setFixedSize(metrics.horizontalAdvance(label.text()) + 8, height)
        # A classroom session (1 MB and 10,000 chunks each way) is never cut, in Chinese
        # too; bigger counts may lose their right end in a narrow pane (tooltip: whole).
        usual = SessionStats()
        usual.rx_bytes = usual.tx_bytes = 999_999
        usual.rx_chunks = usual.tx_chunks = 9_999
        self.update_stats(usual)
        self._counters_holder.set_minimum(metrics.horizontalAdvance(self.counters.text()) + 8)
        widest = "[ffff:ffff:ffff:ffff::1]:65535"
        self.state.setFixedSize(
            max(
                metrics.horizontalAdvance(self.state_text(state, widest))
                for state in (SessionState.LISTENING, SessionState.CONNECTED)
            )
            + 8,
            height,
        )
        self.dropped.clear()

    def _chunks(self, n: int) -> str:
        # Two strings rather than "%n chunk(s)": no English .qm is shipped for plurals,
        # and Chinese has a single form anyway.
        if n == 1:
            return self.tr("1 chunk")
        return self.tr("%1 chunks").replace("%1", format_count(n))

    def update_stats(self, stats: SessionStats) -> None:
        """Show the counters and state of ``stats``."""
        self._shown = stats
        self.counters.setText(
            self.tr("RX: %1 B (%2)  TX: %3 B (%4)")
            .replace("%1", format_count(stats.rx_bytes))
            .replace("%2", self._chunks(stats.rx_chunks))
            .replace("%3", format_count(stats.tx_bytes))
            .replace("%4", self._chunks(stats.tx_chunks))
        )
        self._counters_holder.update_tip()
        self.state.setText(self.state_text(stats.state, stats.local))
        failed = stats.state is SessionState.FAILED
        self.state.setToolTip(tr_core(stats.last_error) if failed else "")
        # A dynamic property, so a style sheet can colour the states.
        self.state.setProperty("sessionState", stats.state.value)

    def state_text(self, state: SessionState, local: str = "") -> str:
        """The translated name of ``state``; listening/connected name ``local`` if known."""
        if state is SessionState.LISTENING and local:
            return self.tr("Listening on %1").replace("%1", local)
        if state is SessionState.CONNECTED and local:
            return self.tr("Connected (local %1)").replace("%1", local)
        names = {
            SessionState.IDLE: self.tr("Idle"),
            SessionState.STARTING: self.tr("Starting…"),
            SessionState.LISTENING: self.tr("Listening"),
            SessionState.CONNECTING: self.tr("Connecting…"),
            SessionState.CONNECTED: self.tr("Connected"),
            SessionState.STOPPING: self.tr("Stopping…"),
            SessionState.STOPPED: self.tr("Stopped"),
            SessionState.FAILED: self.tr("Failed"),
        }
        return names[state]

    def set_accepting_paused(self, paused: bool) -> None:
        """Say "accepting paused" while a server's accept() calls are paused."""
        self.accept_note.setVisible(paused)

    def show_message(self, text: str) -> None:
        """Show a problem on the status line until the counters are reset."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_dropped(self, rows: int, nbytes: int) -> None:
        """Say how many chunks and bytes the view has dropped (hidden for 0 chunks)."""
        self._shown_dropped = (rows, nbytes)
        if rows <= 0:
            self.dropped.clear()
            self.dropped.hide()
            return
        self.dropped.setText(self._dropped_text(rows, nbytes))
        self.dropped.show()

    def _dropped_text(self, rows: int, nbytes: int) -> str:
        nbytes_text = (
            self.tr("1 byte")
            if nbytes == 1
            else self.tr("%1 bytes").replace("%1", format_count(nbytes))
        )
        return (
            self.tr("dropped from view: %1, %2")
            .replace("%1", self._chunks(rows))
            .replace("%2", nbytes_text)
        )
