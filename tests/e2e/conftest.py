"""Fixtures of the end-to-end tests: the real main window."""

from __future__ import annotations

import pytest

from netassistant.ui.mainwindow import MainWindow


@pytest.fixture
def window(qtbot):
    """The real :class:`MainWindow`; every pane it opened must shut down cleanly."""
    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    for pane in win.panes():
        assert pane.shutdown()
