"""StatsBar: counter, dropped-from-view and state texts; the reset button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from netassistant.core.stats import SessionState, SessionStats
from netassistant.ui.pane.statsbar import StatsBar

pytestmark = pytest.mark.usefixtures("c_locale")


@pytest.fixture
def bar(qtbot) -> StatsBar:
    widget = StatsBar()
    qtbot.addWidget(widget)
    return widget


def stats(**values) -> SessionStats:
    result = SessionStats()
    for name, value in values.items():
        setattr(result, name, value)
    return result


def label(bar: StatsBar, name: str) -> QLabel:
    widget = bar.findChild(QLabel, name)
    assert widget is not None, name
    return widget


def test_initial_texts(bar):
    assert label(bar, "statsCounters").text() == "RX: 0 B (0 chunks)  TX: 0 B (0 chunks)"
    assert label(bar, "statsState").text() == "Idle"
    assert label(bar, "statsDropped").isHidden()


def test_counters_with_thousands_separators(bar):
    bar.update_stats(stats(rx_bytes=1234, rx_chunks=12, tx_bytes=56, tx_chunks=3))
    assert label(bar, "statsCounters").text() == "RX: 1,234 B (12 chunks)  TX: 56 B (3 chunks)"


def test_counters_singular_and_large(bar):
    bar.update_stats(stats(rx_bytes=5_000_000_000, rx_chunks=1_234_567, tx_bytes=1, tx_chunks=1))
    assert label(bar, "statsCounters").text() == (
        "RX: 5,000,000,000 B (1,234,567 chunks)  TX: 1 B (1 chunk)"
    )


def test_grouping_follows_the_locale(bar):
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    bar.update_stats(stats(rx_bytes=1234567))
    assert label(bar, "statsCounters").text() == "RX: 1.234.567 B (0 chunks)  TX: 0 B (0 chunks)"


@pytest.mark.parametrize(
    ("state", "local", "text"),
    [
        (SessionState.IDLE, "", "Idle"),
        (SessionState.STARTING, "", "Starting…"),
        (SessionState.LISTENING, "0.0.0.0:8080", "Listening on 0.0.0.0:8080"),
        (SessionState.LISTENING, "", "Listening"),
        (SessionState.CONNECTING, "", "Connecting…"),
        (SessionState.CONNECTED, "127.0.0.1:50001", "Connected (local 127.0.0.1:50001)"),
        (SessionState.CONNECTED, "", "Connected"),
        (SessionState.STOPPING, "127.0.0.1:1", "Stopping…"),
        (SessionState.STOPPED, "127.0.0.1:1", "Stopped"),
        (SessionState.FAILED, "", "Failed"),
    ],
)
def test_state_texts(bar, state, local, text):
    bar.update_stats(stats(state=state, local=local))
    assert label(bar, "statsState").text() == text
    assert label(bar, "statsState").property("sessionState") == state.value


def test_failed_state_tooltip_has_the_error(bar):
    bar.update_stats(stats(state=SessionState.FAILED, last_error="connection refused"))
    assert label(bar, "statsState").toolTip() == "connection refused"
    bar.update_stats(stats(state=SessionState.IDLE, last_error="connection refused"))
    assert label(bar, "statsState").toolTip() == ""


def test_dropped_label(bar):
    dropped = label(bar, "statsDropped")
    bar.set_dropped(0, 0)
    assert dropped.isHidden()
    bar.set_dropped(5, 1234567)
    assert not dropped.isHidden()
    assert dropped.text() == "dropped from view: 5 chunks, 1,234,567 bytes"
    bar.set_dropped(1, 1)
    assert dropped.text() == "dropped from view: 1 chunk, 1 byte"
    bar.set_dropped(0, 0)
    assert dropped.isHidden()


def test_dropped_does_not_touch_counters(bar):
    bar.update_stats(stats(rx_bytes=10, rx_chunks=2))
    bar.set_dropped(2, 10)
    assert label(bar, "statsCounters").text() == "RX: 10 B (2 chunks)  TX: 0 B (0 chunks)"


def test_reset_button(qtbot, bar):
    button = bar.findChild(QPushButton, "statsReset")
    assert button.toolTip()
    assert button.accessibleName()
    with qtbot.waitSignal(bar.reset_requested, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
