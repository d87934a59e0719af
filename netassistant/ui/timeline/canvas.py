"""TimelineCanvas: the sequence diagram itself, custom-painted, scrolling vertically.

One column per lifeline (this socket, then its peers; a relay: clients | relay | server),
time running down. Only the rows in view are painted, so 50,000 steps draw as fast as
fifty. The canvas knows nothing of sessions or files: the :class:`TimelineView` around it
feeds it, plays it and exports it.

Two time axes: *compressed* (one row per step, gaps collapsed) and *real* (the space
between two steps follows the time between them, at least one row). The text size follows
the widget's font, so the window's zoom and presentation mode enlarge it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from netassistant.core.i18n import text
from netassistant.core.timeline import Step, TimelineBuilder
from netassistant.core.timeline.layout import SELF, columns, drawn_by_link, ends, step_text
from netassistant.core.timeline.steps import ARROW_CALLS
from netassistant.core.timeline.svg import COLOURS
from netassistant.qt.coremessages import tr_core

#: Real time axis: pixels per second, in rows (a 100 ms gap is one row).
ROWS_PER_SECOND = 10.0
#: Compressed axis: a pause at least this long (seconds) is marked where it was collapsed.
GAP_S = 0.5
_HEAD_SIZE = 8


class TimelineCanvas(QAbstractScrollArea):
    """The painted diagram of a :class:`TimelineBuilder`'s steps.

    Attributes:
        builder: The steps drawn.
        rows: The steps shown, top to bottom (all, or those of the chosen lifeline).
        position: Playback position (a row), or None to show every step ("live").
        selected: The selected step's id (0: none).

    Signals:
        step_clicked(object): the user clicked a step (the :class:`Step`).
        step_requested(int): the user pressed a key to step back (-1) or forward (+1).
        play_requested(): the user pressed Space.
    """

    step_clicked = Signal(object)
    step_requested = Signal(int)
    play_requested = Signal()

    def __init__(self, builder: TimelineBuilder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.builder = builder
        self.rows: list[Step] = []
        self.position: int | None = None
        self.selected = 0
        self.real_time = False
        self._lanes: list[str] | None = None
        self._cols: list[str] = [SELF]
        self._tops: list[int] = []  # real time axis: each row's top (compressed: none)
        self._row_of: dict[int, int] = {}
        self.setObjectName("timelineCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)

    # ------------------------------------------------------------------ geometry
    @property
    def row_height(self) -> int:
        """Height of one row: follows the font."""
        return int(QFontMetrics(self.font()).height() * 1.9)

    @property
    def header_height(self) -> int:
        """Height of the lifeline titles at the top (they stay while the rows scroll)."""
        return int(QFontMetrics(self.font()).height() * 2.2)

    def _time_width(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance("0000.000000 s") + 12

    def column_x(self, lane: str) -> int:
        """The x of a lifeline (its centre), in viewport coordinates."""
        index = self._cols.index(lane) if lane in self._cols else 0
        left = self._time_width()
        width = max(1, self.viewport().width() - left)
        step = width / len(self._cols)
        return int(left + step * (index + 0.5))

    def row_top(self, row: int) -> int:
        """The top of a row, in content coordinates (0 = first row)."""
        if self.real_time and row < len(self._tops):
            return self._tops[row]
        return row * self.row_height

    def row_centre_y(self, row: int) -> int:
        """A row's centre line in viewport coordinates (where its arrow is drawn)."""
        return (
            self.header_height
            + self.row_top(row)
            + self.row_height // 2
            - self.verticalScrollBar().value()
        )

    def row_at(self, y: int) -> int:
        """The row at viewport height ``y`` (-1: none)."""
        content = y - self.header_height + self.verticalScrollBar().value()
        if content < 0 or not self.rows:
            return -1
        if self.real_time:
            row = bisect.bisect_right(self._tops, content) - 1
        else:
            row = content // self.row_height
        return row if 0 <= row < len(self.rows) else -1

    def _content_height(self) -> int:
        if not self.rows:
            return 0
        return self.row_top(len(self.rows) - 1) + self.row_height * 2

    # ------------------------------------------------------------------- content
    def set_lanes(self, lanes: Iterable[str] | None) -> None:
        """Show only these peer lifelines (None: all) and the steps between them."""
        self._lanes = None if lanes is None else list(lanes)
        self.refresh()

    def set_real_time(self, on: bool) -> None:
        """Space the rows by real time (True) or one row per step (False)."""
        self.real_time = on
        self.refresh()

    def refresh(self) -> None:
        """Follow the builder's steps (after the model changed)."""
        bar = self.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 2
        self._cols = columns(self.builder, self._lanes)
        if self._lanes is None:
            self.rows = self.builder.steps
        else:
            shown = set(self._cols)
            self.rows = [s for s in self.builder.steps if all(e in shown for e in ends(s))]
        self._row_of = {}
        if self.real_time:
            self._layout_real_time()
        bar.setPageStep(max(1, self.viewport().height() - self.header_height))
        bar.setSingleStep(self.row_height)
        bar.setRange(
            0, max(0, self._content_height() - self.viewport().height() + self.header_height)
        )
        if at_end and self.position is None:
            bar.setValue(bar.maximum())
        self.viewport().update()

    def _layout_real_time(self) -> None:
        height = self.row_height
        per_second = ROWS_PER_SECOND * height
        tops: list[int] = []
        first = self.rows[0].ts_ns if self.rows else 0
        top = -height
        for step in self.rows:
            top = max(top + height, int((step.ts_ns - first) / 1e9 * per_second))
            tops.append(top)
        self._tops = tops

    def row_of(self, step_id: int) -> int:
        """The row showing a step, or -1."""
        if self._lanes is None:
            return self.builder.row_of(step_id)  # every step is shown: its own order
        if not self._row_of and self.rows:
            self._row_of = {step.id: row for row, step in enumerate(self.rows)}
        return self._row_of.get(step_id, -1)

    def select(self, step_id: int) -> None:
        """Select (and scroll to) a step; 0 selects nothing."""
        self.selected = step_id
        row = self.row_of(step_id)
        if row >= 0:
            self.ensure_row_visible(row)
        self.viewport().update()

    def ensure_row_visible(self, row: int) -> None:
        """Scroll so that ``row`` is in view."""
        bar = self.verticalScrollBar()
        top = self.row_top(row)
        visible = self.viewport().height() - self.header_height
        if top < bar.value() or top + self.row_height > bar.value() + visible:
            bar.setValue(max(0, top - visible // 2))

    def set_position(self, row: int | None) -> None:
        """Show the steps up to ``row`` (playback), or all of them (None)."""
        self.position = None if row is None else max(0, min(row, len(self.rows) - 1))
        if self.position is not None:
            self.ensure_row_visible(self.position)
        self.viewport().update()

    # -------------------------------------------------------------------- events
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lay the columns out again for the new width."""
        super().resizeEvent(event)
        self.refresh()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Select the step under the mouse (its row)."""
        row = self.row_at(int(event.position().y()))
        if row >= 0 and (self.position is None or row <= self.position):
            step = self.rows[row]
            self.select(step.id)
            self.step_clicked.emit(step)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows step back and forward, Space plays."""
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step_requested.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step_requested.emit(1)
        elif key == Qt.Key.Key_Space:
            self.play_requested.emit()
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the lifelines, the rows in view and the titles over them."""
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.viewport().rect(), palette.base())
        header = self.header_height
        height = self.viewport().height()
        self._paint_lifelines(painter, header, height)
        last = len(self.rows) - 1 if self.position is None else self.position
        first_row = max(0, self.row_at(header))
        end_row = self.row_at(height - 1)
        end_row = last if end_row < 0 else min(end_row + 1, last)
        shown_sources: set[int] = set()
        for row in range(first_row, end_row + 1):
            step = self.rows[row]
            self._paint_row(painter, row, step, shown_sources)
        # A recv in view whose sends scrolled away above still shows where its bytes came from.
        for row in range(first_row, end_row + 1):
            step = self.rows[row]
            if step.call == "recv":
                for source in self.builder.links_to(step.id):
                    source_row = self.row_of(source.id)
                    if source.id not in shown_sources and 0 <= source_row < first_row:
                        self._paint_link(painter, source, source_row, step, row)
        self._paint_header(painter, header)
        painter.end()

    def _paint_lifelines(self, painter: QPainter, header: int, height: int) -> None:
        pen = QPen(self.palette().mid().color(), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for lane in self._cols:
            x = self.column_x(lane)
            painter.drawLine(x, header, x, height)

    def _paint_header(self, painter: QPainter, header: int) -> None:
        palette = self.palette()
        painter.fillRect(QRect(0, 0, self.viewport().width(), header), palette.window())
        painter.setPen(palette.windowText().color())
        painter.setBrush(palette.button())
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        width = max(40, (self.viewport().width() - self._time_width()) // len(self._cols) - 8)
        for lane in self._cols:
            if lane == SELF:
                title = tr_core(text("this socket {address}", address=self.builder.local_address))
            else:
                title = lane
            x = self.column_x(lane)
            box = QRect(x - width // 2, 2, width, header - 4)
            painter.drawRect(box)
            elided = QFontMetrics(font).elidedText(title, Qt.TextElideMode.ElideMiddle, width - 8)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, elided)
        font.setBold(False)
        painter.setFont(font)
        if self.builder.dropped:
            painter.setPen(QColor(COLOURS["error"]))
            note = self.tr("%n older steps dropped", "", self.builder.dropped)
            painter.drawText(
                QRect(4, 2, self._time_width() - 8, header - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                note,
            )

    def _paint_row(self, painter: QPainter, row: int, step: Step, shown_sources: set[int]) -> None:
        y = self.row_centre_y(row)
        height = self.row_height
        palette = self.palette()
        if step.id == self.selected or row == self.position:
            band = QColor(palette.highlight().color())
            band.setAlpha(70 if step.id == self.selected else 40)
            painter.fillRect(QRect(0, y - height // 2, self.viewport().width(), height), band)
        if not self.real_time and row:
            self._paint_gap(painter, y - height // 2, self.rows[row - 1], step)
        t0 = self.builder.t0_ns or step.ts_ns
        painter.setPen(palette.placeholderText().color())
        painter.drawText(
            QPointF(4, y + QFontMetrics(self.font()).ascent() / 2 - 1),
            f"{(step.ts_ns - t0) / 1e9:.6f} s",
        )
        colour = QColor(COLOURS.get(step.call, "#000000"))
        label = step_text(self.builder, step, tr_core)
        src, dst = ends(step)
        if step.call not in ARROW_CALLS or src == dst or drawn_by_link(self.builder, step):
            x = self.column_x(dst)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x, y), 4, 4)
            painter.setPen(colour)
            metrics = QFontMetrics(self.font())
            left = x + 12
            width = metrics.horizontalAdvance(label)
            if src != dst and self.column_x(src) > x and x - 12 - width >= self._time_width():
                left = x - 12 - width  # clear of the arriving arrows, where it fits
            painter.drawText(QPointF(left, y + metrics.ascent() / 2 - 1), label)
            return
        x1, x2 = self.column_x(src), self.column_x(dst)
        targets = []
        if step.call == "send":
            targets = [
                (t, self.row_of(t.id)) for t in self.builder.links_from(step.id) if t.call == "recv"
            ]
            last = len(self.rows) if self.position is None else self.position
            targets = [(t, r) for t, r in targets if 0 <= r <= last]
        if targets:
            shown_sources.add(step.id)
            for target, target_row in targets:
                self._paint_link(painter, step, row, target, target_row)
        else:
            self._arrow(painter, QPointF(x1, y), QPointF(x2, y), colour, step.call == "segment")
        painter.setPen(colour)
        metrics = QFontMetrics(self.font())
        width = metrics.horizontalAdvance(label)
        left = x1 + 8 if x2 > x1 else x1 - 8 - width
        painter.drawText(QPointF(left, y - 4), label)

    def _paint_gap(self, painter: QPainter, top: int, before: Step, step: Step) -> None:
        """A collapsed pause (compressed axis): a dotted line and how long it was."""
        gap = (step.ts_ns - before.ts_ns) / 1e9
        if gap < GAP_S:
            return
        colour = self.palette().placeholderText().color()
        painter.setPen(QPen(colour, 1, Qt.PenStyle.DotLine))
        painter.drawLine(0, top, self.viewport().width(), top)
        note = self.tr("%1 s later").replace("%1", f"{gap:.3f}")
        metrics = QFontMetrics(self.font())
        painter.drawText(
            self.viewport().width() - metrics.horizontalAdvance(note) - 6,
            top + metrics.ascent() // 2,
            note,
        )

    def _paint_link(
        self, painter: QPainter, source: Step, source_row: int, target: Step, target_row: int
    ) -> None:
        start = QPointF(self.column_x(ends(source)[0]), self.row_centre_y(source_row))
        end = QPointF(self.column_x(ends(target)[1]), self.row_centre_y(target_row))
        self._arrow(painter, start, end, QColor(COLOURS["send"]), False)

    @staticmethod
    def _arrow(
        painter: QPainter, start: QPointF, end: QPointF, colour: QColor, dashed: bool
    ) -> None:
        pen = QPen(colour, 1.6, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawLine(start, end)
        line = end - start
        length = max(1.0, (line.x() ** 2 + line.y() ** 2) ** 0.5)
        ux, uy = line.x() / length, line.y() / length
        back = QPointF(end.x() - ux * _HEAD_SIZE, end.y() - uy * _HEAD_SIZE)
        side = QPointF(-uy * _HEAD_SIZE / 2, ux * _HEAD_SIZE / 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([end, back + side, back - side]))
