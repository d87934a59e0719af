"""The traffic generator in a real UDP pane: Start, the engine's words, the datagrams."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt

from netassistant.core.config import Kind
from netassistant.core.stats import SessionState
from netassistant.ui.pane.pane import SessionPane

WAIT = 10_000


@pytest.fixture
def receiver():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        s.bind(("127.0.0.1", 0))
        s.settimeout(5)
        yield s


@pytest.fixture
def pane(qtbot):
    pane = SessionPane(Kind.UDP)
    qtbot.addWidget(pane)
    pane.settings.local_port.setValue(0)
    yield pane
    assert pane.shutdown()


def start(qtbot, pane: SessionPane) -> None:
    qtbot.mouseClick(pane.settings.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT)


def test_generator_sends_a_count_at_a_rate_and_shows_the_achieved_rate(qtbot, pane, receiver):
    start(qtbot, pane)
    pane.send_panel.set_udp_target("127.0.0.1", receiver.getsockname()[1])
    pane.send_panel.set_input_text("tick")
    box = pane.sections.body(pane.sections.generator)
    box.rate.setValue(500)
    box.limit.setCurrentIndex(box.limit.findData("count"))
    box.amount.setValue(100)
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    assert box.button.text() == "Stop"
    assert not box.rate.isEnabled()
    qtbot.waitUntil(lambda: box.status.text().startswith("rate send: done, 100 sent"), timeout=WAIT)
    assert box.status.text().endswith(" msg/s (target 500 msg/s)")
    assert box.button.text() == "Start"
    assert [receiver.recv(100) for _ in range(100)] == [b"tick"] * 100
    assert pane.controller.stats.tx_chunks == 100


def test_generator_stop_cancels_and_says_how_far_it_got(qtbot, pane, receiver):
    start(qtbot, pane)
    pane.send_panel.set_udp_target("127.0.0.1", receiver.getsockname()[1])
    pane.send_panel.set_input_text("x")
    box = pane.sections.body(pane.sections.generator)
    box.rate.setValue(200)
    box.limit.setCurrentIndex(box.limit.findData("none"))
    assert not box.amount.isEnabled()
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.controller.stats.tx_chunks >= 5, timeout=WAIT)
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.status.text().startswith("rate send cancelled after"), timeout=WAIT)
    assert box.button.text() == "Start"


def test_generator_refuses_without_a_session_in_words(qtbot, pane):
    pane.send_panel.set_input_text("x")
    box = pane.sections.body(pane.sections.generator)
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    assert box.error.text() == "the session is not running; nothing was sent"
    assert box.button.text() == "Start"
