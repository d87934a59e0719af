"""StreamView: the received bytes as one run, each recv() a colour band.

The log shows one chunk per row; this view puts the newest chunks back to back, the
way the bytes form a stream, and alternates the background of consecutive chunks with
a boundary mark between them. Three messages that arrived in one recv() read as one
band (sticky packets); one message split over two recv()s reads as two bands.

The view rebuilds its HTML from the model only while visible, only when the model
changed, and at most once per timer tick (200 ms, stretched to four times the last
rebuild's cost on a slow machine), so a flood of chunks costs a few rebuilds a second
and at most about a fifth of the GUI thread, never one rebuild per chunk.
"""

from __future__ import annotations

import html
import time
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHelpEvent, QHideEvent, QShowEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QLabel, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from netassistant.core.chunk import Chunk, Direction
from netassistant.qt.logcolors import DARK, LIGHT, LogColors, is_dark
from netassistant.qt.models.cellformat import display_segments, lf_mark
from netassistant.qt.models.chunkfilter import ChunkFilter
from netassistant.qt.models.chunkmodel import ChunkLogModel, Column, DisplayMode

DEFAULT_MAX_CHUNKS: Final = 400
#: Data bytes of the newest chunks the stream view draws by default; it rebuilds its whole
#: HTML on a change, so it stays small (the log keeps the rest).
STREAM_VIEW_MAX_BYTES: Final = 64 * 1024
#: Milliseconds between two rebuilds at least (~5 per second at most).
REBUILD_INTERVAL_MS: Final = 200

#: Background of even and odd bands in a light window (light amber, light blue); a
#: dark window gets ``logcolors.DARK.stream_bands``.
STREAM_BANDS: Final = tuple(c.name() for c in LIGHT.stream_bands)
#: The glyph and colour that mark a boundary between two chunks.
BOUNDARY_MARK: Final = "│"
BOUNDARY_COLOR: Final = LIGHT.boundary.name()
_MARK_HTML = f'<span class="m">{BOUNDARY_MARK}</span>'


def _styles(colors: LogColors) -> tuple[str, str, str]:
    """``(style sheet, control byte style, mark style)`` of the run in ``colors``."""
    special = f"color:{colors.special[0].name()};background-color:{colors.special[1].name()}"
    mark = f"color:{colors.boundary.name()};font-weight:bold"
    bands = colors.stream_bands
    # Classes instead of inline styles: the HTML parser resolves a short class name faster
    # than a style attribute, and a flood makes thousands of spans per rebuild.
    sheet = (
        f".b0{{background-color:{bands[0].name()}}} .b1{{background-color:{bands[1].name()}}} "
        f".rx{{color:{colors.rx.name()}}} .tx{{color:{colors.tx.name()}}} "
        f".s{{{special}}} .m{{{mark}}}"
    )
    return sheet, special, mark


#: A rebuild that took t seconds waits at least this many times t before the next, so
#: the view never takes more than a fifth of the GUI thread, however slow the machine.
_PACING_FACTOR = 4


class StreamView(QWidget):
    """The newest chunks of a :class:`ChunkLogModel` drawn as one continuous run.

    It follows the model's display mode and encoding; connection events are skipped.
    At most ``max_chunks`` chunks or ``max_bytes`` data bytes are drawn, whichever
    limit is reached first (the oldest chunk drawn may show only its tail).

    Attributes:
        model: The log whose chunks are drawn.
        text: The read-only text browser holding the run.
        legend: The line explaining the colours.
        rebuild_count: How many times the HTML was rebuilt (for tests and benchmarks).
        rebuild_timer: The single-shot timer that paces rebuilds.
        autoscroll: Whether a rebuild scrolls to the end.
        max_chunks: Chunk limit.
        max_bytes: Data byte limit.

    Signals:
        user_scrolled(bool): the user moved the scroll bar; arg: whether the view is now
            at the end (a rebuild's own scrolling is not reported).
    """

    user_scrolled = Signal(bool)

    def __init__(
        self,
        model: ChunkLogModel,
        parent: QWidget | None = None,
        *,
        max_chunks: int = DEFAULT_MAX_CHUNKS,
        max_bytes: int = STREAM_VIEW_MAX_BYTES,
        interval_ms: int = REBUILD_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.max_chunks = max_chunks
        self.max_bytes = max_bytes
        self.autoscroll = True
        self.rebuild_count = 0
        self._filter = ChunkFilter()
        self._dirty = True
        self._moving = False
        self.rebuild_timer = QTimer(self)
        self.rebuild_timer.setSingleShot(True)
        self._interval_ms = interval_ms
        self.rebuild_timer.setInterval(interval_ms)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.legend = QLabel()
        self.legend.setObjectName("streamLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setUndoRedoEnabled(False)
        # A scroll bar that comes and goes makes every rebuild lay the text out twice.
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.text.setObjectName("streamText")
        self.text.setAccessibleName(self.tr("Received stream"))
        self.text.setToolTip(
            self.tr(
                "The newest chunks back to back; each colour band is one recv() or send. "
                "Hover over a band for its chunk number, size and time."
            )
        )
        self.text.viewport().installEventFilter(self)
        layout.addWidget(self.text, 1)
        self._colors: LogColors | None = None
        self._follow_palette()

    def _follow_palette(self) -> None:
        """Take the log's colours for the window's palette (light or dark) if they changed."""
        # The widget's own palette: logcolors.refresh() runs after the palette change event.
        colors = DARK if is_dark(self.palette()) else LIGHT
        if colors is self._colors:
            return
        self._colors = colors
        sheet, self._special_style, self._mark_style = _styles(colors)
        self.text.document().setDefaultStyleSheet(sheet)
        self.legend.setText(self._legend_html())
        self.mark_dirty()  # the default style sheet applies to the next setHtml()

    def _legend_html(self) -> str:
        swatch = '<span style="background-color:{0}">&nbsp;&nbsp;&nbsp;</span>'
        assert self._colors is not None
        bands = "".join(swatch.format(color.name()) for color in self._colors.stream_bands)
        special = f'<span style="{self._special_style}">\u240d\u240a</span>'
        mark = f'<span style="{self._mark_style}">{BOUNDARY_MARK}</span>'
        return self.tr(
            "{bands} each colour band is one recv() (or send); {mark} marks a boundary; "
            "{special} is a control byte."
        ).format(bands=bands, mark=mark, special=special)

    def _connect_signals(self) -> None:
        self.rebuild_timer.timeout.connect(self._on_timeout)
        self.text.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        model = self.model
        model.rowsInserted.connect(self.mark_dirty)
        model.rowsRemoved.connect(self.mark_dirty)
        model.modelReset.connect(self.mark_dirty)
        model.dataChanged.connect(self.mark_dirty)
        model.layoutChanged.connect(self.mark_dirty)

    # -- state ------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Whether the model changed since the last rebuild."""
        return self._dirty

    @property
    def filter(self) -> ChunkFilter:
        """The filter the drawn chunks pass (the log table's, shared)."""
        return self._filter

    def set_filter(self, new: ChunkFilter) -> None:
        """Draw only the chunks ``new`` accepts (its event setting does not matter here)."""
        if new != self._filter:
            self._filter = new
            self.mark_dirty()

    def set_autoscroll(self, on: bool) -> None:
        """Scroll to the end on each rebuild (True) or keep the position (False)."""
        self.autoscroll = on
        if on:
            self._scroll_to_end()

    @Slot()
    def mark_dirty(self) -> None:
        """Note that the model changed; a rebuild follows within one timer tick."""
        self._dirty = True
        if self.isVisible() and not self.rebuild_timer.isActive():
            self.rebuild_timer.start()

    # -- rebuilding -------------------------------------------------------------------

    @Slot()
    def _on_timeout(self) -> None:
        if self._dirty and self.isVisible():
            self.rebuild()

    def rebuild(self) -> None:
        """Redraw the run from the model now."""
        started = time.perf_counter()
        self._follow_palette()
        self._dirty = False
        self.rebuild_count += 1
        bar = self.text.verticalScrollBar()
        position = bar.value()
        self._moving = True
        try:
            self.text.setHtml(self.to_html())
            if self.autoscroll:
                self._scroll_to_end()
            else:
                bar.setValue(position)
        finally:
            self._moving = False
        spent_ms = (time.perf_counter() - started) * 1000
        self.rebuild_timer.setInterval(max(self._interval_ms, int(spent_ms * _PACING_FACTOR)))

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        # Only the user's scrolling is news; a rebuild's or _scroll_to_end()'s is not.
        if not self._moving:
            self.user_scrolled.emit(value >= self.text.verticalScrollBar().maximum())

    def _scroll_to_end(self) -> None:
        moving, self._moving = self._moving, True
        try:
            self.text.moveCursor(QTextCursor.MoveOperation.End)
            bar = self.text.verticalScrollBar()
            bar.setValue(bar.maximum())
        finally:
            self._moving = moving

    def _pick(self) -> list[tuple[int, Chunk, bytes]]:
        """Return ``(row, chunk, bytes to draw)`` of the newest matching chunks, oldest first."""
        model = self.model
        accepts = self._filter.accepts
        budget = self.max_bytes
        picked: list[tuple[int, Chunk, bytes]] = []
        row = model.rowCount() - 1
        while row >= 0 and len(picked) < self.max_chunks and budget > 0:
            event = model.chunk_at(row)
            if isinstance(event, Chunk) and accepts(event):
                data = event.data if len(event.data) <= budget else event.data[-budget:]
                budget -= len(data)
                picked.append((row, event, data))
            row -= 1
        picked.reverse()
        return picked

    def to_html(self) -> str:
        """Return the HTML for the newest matching chunks (all data escaped)."""
        mode = self.model.display_mode
        encoding = self.model.encoding
        parts = ['<div style="white-space:pre-wrap;font-family:monospace">']
        for number, (row, chunk, data) in enumerate(self._pick()):
            if number:
                parts.append(_MARK_HTML)
            clipped = len(data) < len(chunk.data)
            direction = "rx" if chunk.direction is Direction.RX else "tx"
            title = html.escape(self._band_title(row, chunk, len(data)), quote=True)
            parts.append(f'<span class="b{number & 1} {direction}" title="{title}">')
            if clipped:
                parts.append("…")
            if mode is not DisplayMode.TEXT:
                parts.append(data.hex(" ").upper())
                if mode is DisplayMode.BOTH:
                    parts.append(" | ")
            if mode is not DisplayMode.HEX:
                parts.append(_text_html(data, encoding))
            parts.append("</span>")
        parts.append("</div>")
        return "".join(parts)

    def _band_title(self, row: int, chunk: Chunk, shown: int) -> str:
        direction = self.model.direction_text(chunk)
        when = self.model.index(row, Column.TIME).data()
        title = self.tr("{dir} chunk {seq}, {length} bytes, {time}").format(
            dir=direction, seq=chunk.seq, length=len(chunk.data), time=when
        )
        if shown < len(chunk.data):
            title += " " + self.tr("(last {count} bytes shown)").format(count=shown)
        return title

    # -- events -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (View > Theme) redraws the run in the matching colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with the model as soon as the view is shown."""
        super().showEvent(event)
        if self._dirty:
            self.rebuild()

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop rebuilding while hidden."""
        self.rebuild_timer.stop()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Show a band's title as its tooltip (QTextBrowser does not do it by itself)."""
        if watched is self.text.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cursor = self.text.cursorForPosition(event.pos())
            # A cursor's format is the one of the character before it; step past the
            # character under the mouse.
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
            tip = cursor.charFormat().toolTip() or self.text.toolTip()
            QToolTip.showText(event.globalPos(), tip, self.text)
            return True
        return super().eventFilter(watched, event)


def _text_html(data: bytes, encoding: str) -> str:
    r"""Decoded ``data`` as HTML, control runs in the special style, a break after ``\n``."""
    parts: list[str] = []
    for text, special in display_segments(data, encoding):
        escaped = html.escape(text, quote=False)
        if special:
            # A line feed (its picture, in a special run only) also breaks the line.
            parts.extend(
                ('<span class="s">', escaped.replace(lf_mark(), lf_mark() + "<br>"), "</span>")
            )
        else:
            parts.append(escaped)
    return "".join(parts)
