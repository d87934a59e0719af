"""The rate graph: fed from the session's counters, drawn with QPainter."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt

from netassistant.core.config import Kind
from netassistant.core.ratehistory import RateHistory
from netassistant.core.stats import SessionState, SessionStats
from netassistant.ui.pane.pane import SessionPane
from netassistant.ui.receive.rategraph import RateGraph, RateGraphBox, nice_ceiling


class Counters:
    """Stands in for a SessionController: the graph reads only ``stats``."""

    def __init__(self) -> None:
        self.stats = SessionStats()


def test_nice_ceiling():
    assert [nice_ceiling(v) for v in (0, 1, 1.5, 3, 7, 11, 999, 1001)] == [
        1, 1, 2, 5, 10, 20, 1000, 2000,
    ]  # fmt: skip


def test_the_box_samples_the_counters_and_shows_the_rates(hosted, qtbot):
    counters = Counters()
    box = hosted(lambda host: RateGraphBox(counters, host))  # type: ignore[arg-type]
    box.timer.stop()  # the test samples by hand
    counters.stats.rx_bytes = 1000
    counters.stats.rx_chunks = 10
    qtbot.wait(20)
    box.sample()
    point = box.history.points[-1]
    assert point.rates[0] > 0
    assert point.rates[1] == 0
    assert box.legend.text().startswith("RX ")
    assert box.legend.text().endswith(" · TX 0")
    box.unit.setCurrentIndex(1)  # chunks/s
    assert box.graph.series == 2


def test_the_graph_draws_rx_and_tx(qtbot):
    history = RateHistory(seconds=10)
    for i in range(20):
        history.sample(i * 0.5, (i * 1000, i * 500, i, i))
    graph = RateGraph(history)
    qtbot.addWidget(graph)
    graph.resize(300, 120)
    image = graph.grab().toImage()
    pixels = [image.pixelColor(x, y) for x in range(300) for y in range(120)]
    # The RX line (dark blue) at 2,000 B/s and the TX line (dark red) at 1,000 B/s.
    blue = [p for p in pixels if p.blue() > 150 and p.red() < 90 and p.green() < 90]
    red = [p for p in pixels if p.red() > 150 and p.blue() < 90 and p.green() < 90]
    assert len(blue) > 50
    assert len(red) > 50


def test_a_real_udp_pane_graphs_what_it_receives(qtbot):
    pane = SessionPane(Kind.UDP)
    qtbot.addWidget(pane)
    pane.settings.local_port.setValue(0)
    qtbot.mouseClick(pane.settings.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=10_000)
    box = pane.sections.body(pane.sections.rate_graph)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for _ in range(50):
            s.sendto(b"x" * 100, ("127.0.0.1", pane.controller.local_port))
    qtbot.waitUntil(lambda: pane.controller.stats.rx_bytes == 5000, timeout=10_000)
    qtbot.waitUntil(lambda: any(p.rates[0] > 0 for p in box.history.points), timeout=10_000)
    assert pane.shutdown()
