"""Test-wide settings: Qt draws offscreen, profiles never touch the real user folder."""

from __future__ import annotations

import os

import pytest

from netassistant.qt.environment import prepare_qt_environment

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
prepare_qt_environment()  # Qt paints on the GUI thread alone, as in the app


@pytest.fixture(autouse=True)
def _isolated_config_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("NETASSISTANT_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def window(qtbot):
    """The real main window; every pane it opened must shut down cleanly."""
    from netassistant.ui.mainwindow import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    for pane in win.panes():
        assert pane.shutdown()


@pytest.fixture
def c_locale():
    """Make the C locale Qt's default for the test, so numbers read the same everywhere."""
    from PySide6.QtCore import QLocale  # imported here: core tests run without Qt

    saved = QLocale()
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(saved)


@pytest.fixture(autouse=True)
def _control_pictures_everywhere():
    """Tests expect control pictures (␍␊) whatever fonts this machine has.

    The app itself chooses on first use: pictures where a font can draw them, names
    (‹CR›‹LF›) where none can; ``tests/qt/models/test_cellformat.py`` covers both.
    """
    from netassistant.qt.models import cellformat

    cellformat.set_picture_style(True)
    yield
    cellformat.set_picture_style(None)
