"""A window's first panes: their framing, reply rules and capture boxes follow the first paint."""

from __future__ import annotations

import pytest

from netassistant.core.config import Kind
from netassistant.ui.pane.pane import NO_FRAMING, SessionPane
from tests.helpers import TIMEOUT

WAIT = int(TIMEOUT * 1000)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

#: The settings column's foot, in order, once a pane is whole.
FOOT = ["framingBox", "replyRulesBox", "captureBox", "logLimits"]


def column_foot(pane: SessionPane) -> list[str]:
    """The object names of the last boxes of the pane's settings column, in order."""
    layout = pane.left_layout
    names = [layout.itemAt(i).widget().objectName() for i in range(layout.count() - 1)]
    return names[-len(FOOT) :]


def test_a_launchs_panes_get_their_boxes_just_after_the_first_paint(qtbot, window):
    window.defer_pane_tools()
    pane = window.open_pane(Kind.TCP_SERVER)
    assert pane._tools is None
    assert column_foot(pane)[-1] == "logLimits"
    assert "framingBox" not in column_foot(pane)
    window.show()
    qtbot.waitUntil(lambda: pane._tools is not None, timeout=WAIT)
    assert column_foot(pane) == FOOT
    # A pane opened later (the window is on screen) is whole at once.
    later = window.open_pane(Kind.UDP)
    assert later._tools is not None
    assert column_foot(later) == FOOT


def test_panes_are_whole_at_once_unless_the_window_defers_them(window):
    pane = window.open_pane(Kind.TCP_CLIENT)
    assert column_foot(pane) == FOOT


def test_asking_for_a_box_of_an_unfinished_pane_makes_them_with_the_panes_settings(qtbot):
    pane = SessionPane(Kind.TCP_SERVER, defer_tools=True)
    qtbot.addWidget(pane)
    # Its config before the boxes exist is the one a whole pane has: no framing.
    whole = SessionPane(Kind.TCP_SERVER)
    qtbot.addWidget(whole)
    assert pane.config() == whole.config()
    assert whole.framing.current_config() == NO_FRAMING
    assert pane.shutdown() is True
    assert pane._tools is None, "shutting down makes nothing"
    pane.settings.encoding.setCurrentText("gbk")  # changed while the boxes are missing
    rules = pane.auto_reply
    assert pane._tools is not None
    assert column_foot(pane) == FOOT
    assert (pane.framing, pane.capture) == pane._tools[::2]
    assert rules._encoding == pane.capture._encoding == "gbk"
    # ... and they are wired: a framing chosen in the box reaches the config.
    pane.framing.set_spec_text("length:!H")
    pane.framing.validate()
    assert pane.config().framing == "length:!H"
