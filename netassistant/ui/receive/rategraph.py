"""The live rate graph: RX/TX bytes/s and chunks/s of a pane over the last minute.

Drawn with Qt's own QPainter (four polylines in a small widget), not pyqtgraph: the graph
is a few hundred points redrawn twice a second, which QPainter does in well under a
millisecond, while ``python -X importtime -c "import PySide6.QtWidgets; import pyqtgraph"``
measured pyqtgraph at 1.5-2.4 s of import on the shared 2-core machine (numpy 0.4-0.6 s of
it) and ~25 MB of wheels (numpy) for the installers. A plotting library earns that with
zooming, axes and many series; this needs none of it.

The graph is fed from the session's counters (:class:`~netassistant.core.ratehistory.
RateHistory`, sampled by a timer while the graph is shown), never per chunk.
"""

from __future__ import annotations

import time
from typing import Final

from PySide6.QtCore import QPointF, QRectF, QTimer, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from netassistant.core.ratehistory import RateHistory
from netassistant.qt.models.clientmodel import format_count
from netassistant.qt.session import SessionController
from netassistant.ui.widgets import combo_box

#: How often the counters are sampled while the graph is shown.
SAMPLE_MS: Final = 500
WINDOW_S: Final = 60.0
#: RX dark blue and TX dark red, as the receive log draws them.
RX_COLOR: Final = QColor(0x00, 0x00, 0x99)
TX_COLOR: Final = QColor(0x99, 0x00, 0x00)


def nice_ceiling(value: float) -> float:
    """The next 1, 2 or 5 × 10^n at or above ``value`` (at least 1): a round axis top."""
    top = 1.0
    while top < value:
        for step in (2.0, 2.5, 2.0):  # 1 → 2 → 5 → 10 → 20 ...
            top *= step
            if top >= value:
                break
    return top


class RateGraph(QWidget):
    """Draws one pair of series (RX and TX) of a :class:`RateHistory`.

    Attributes:
        history: Where the points come from.
        series: Index of the RX series in a point (0 bytes, 2 chunks); TX is the next one.
    """

    def __init__(self, history: RateHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rateGraph")
        self.history = history
        self.series = 0
        self.setMinimumSize(200, 90)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Axes, the scale's top, and the RX and TX lines (newest at the right)."""
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(2, 14, -2, -2)
        painter.fillRect(area, self.palette().base())
        painter.setPen(self.palette().mid().color())
        painter.drawRect(area)
        points = list(self.history.points)
        top = nice_ceiling(max(self.history.peak(self.series), self.history.peak(self.series + 1)))
        painter.setPen(self.palette().text().color())
        painter.drawText(QPointF(area.left() + 2, area.top() - 3), format_count(int(top)))
        metrics = painter.fontMetrics()
        x = area.right()
        for label, color in ((self.tr("TX"), TX_COLOR), (self.tr("RX"), RX_COLOR)):
            x -= metrics.horizontalAdvance(label) + 6
            painter.setPen(color)
            painter.drawText(QPointF(x, area.top() - 3), label)
        if not points:
            return
        now = points[-1].t
        for offset, color in ((0, RX_COLOR), (1, TX_COLOR)):
            line = QPolygonF()
            for p in points:
                x = area.right() - (now - p.t) / self.history.seconds * area.width()
                y = area.bottom() - p.rates[self.series + offset] / top * area.height()
                line.append(QPointF(x, y))
            painter.setPen(QPen(color, 1.5))
            painter.drawPolyline(line)


class RateGraphBox(QWidget):
    """The graph, a bytes/chunks switch and the current rates, sampling a controller.

    Attributes:
        history: The sampled rates.
        graph: The drawing.
        legend: RX and TX now, in words.
    """

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rateGraphBox")
        self.controller = controller
        self.history = RateHistory(WINDOW_S)
        self.graph = RateGraph(self.history)
        self.unit = combo_box(
            "rateGraphUnit",
            self.tr("Rate graph unit"),
            self.tr("Graph bytes or chunks (recv/send calls) per second"),
            [(self.tr("bytes/s"), 0), (self.tr("chunks/s"), 2)],
        )
        self.legend = QLabel()
        self.legend.setObjectName("rateGraphLegend")
        self.legend.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.unit)
        row.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.graph, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(SAMPLE_MS)
        self.timer.timeout.connect(self.sample)
        self.unit.currentIndexChanged.connect(self._on_unit)
        self.sample()
        self.timer.start()

    @Slot()
    def sample(self) -> None:
        """Read the counters now and redraw (called by the timer)."""
        if not self.isVisible() and self.history.points:
            # Hidden: keep only the baseline fresh, so reopening starts from now.
            self.history.clear()
        stats = self.controller.stats
        counters = (stats.rx_bytes, stats.tx_bytes, stats.rx_chunks, stats.tx_chunks)
        point = self.history.sample(time.monotonic(), counters)
        series = self.graph.series
        if point is not None:
            self.legend.setText(
                self.tr("RX %1 · TX %2")
                .replace("%1", format_count(int(point.rates[series])))
                .replace("%2", format_count(int(point.rates[series + 1])))
            )
        self.graph.update()

    @Slot(int)
    def _on_unit(self, _index: int) -> None:
        self.graph.series = int(self.unit.currentData())
        self.sample()
