"""Zoom, presentation mode, theme and side by side of the main window (issue 10 §5)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QToolBar, QToolButton

from netassistant.core.chunk import Chunk, Direction
from netassistant.core.config import Kind
from netassistant.qt import logcolors
from netassistant.qt.models.chunkmodel import Column
from netassistant.qt.zoom import fixed_font, zoom
from netassistant.ui.appstate import AppState
from netassistant.ui.mainwindow import MainWindow
from netassistant.ui.settingscolumns import settings_column

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def state(tmp_path) -> AppState:
    return AppState(tmp_path)


@pytest.fixture
def make_window(qtbot, state) -> Iterator:
    windows: list[MainWindow] = []

    def make(app_state: AppState | None = None) -> MainWindow:
        window = MainWindow(app_state or state)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.view_controls.set_presentation(False)
        for pane in window.panes():
            window.close_session(pane)
    # The zoom and the palette belong to the application: leave them as found.
    zoom().set_boost(1.0)
    zoom().reset()
    if windows:
        windows[0].view_controls.set_theme("system", remember=False)


def point_size() -> float:
    return QGuiApplication.font().pointSizeF()


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier):
    """A real key press, through Qt's shortcut map (the window must be active)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, key, modifiers)


def test_zoom_shortcuts_change_the_fonts_and_are_remembered(qtbot, make_window, state):
    window = make_window()
    pane = window.open_pane(Kind.TCP_SERVER)
    window.show()
    qtbot.waitExposed(window)
    base, base_fixed = point_size(), QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    log = pane.receive.findChild(type(pane.receive.table), pane.receive.table.objectName())
    row = log.verticalHeader().defaultSectionSize()
    press(qtbot, window, Qt.Key.Key_Equal)  # Ctrl+=, for keyboards where + needs Shift
    assert point_size() == pytest.approx(base * 1.1)
    assert fixed_font().pointSizeF() == pytest.approx(base_fixed.pointSizeF() * 1.1)
    qtbot.waitUntil(lambda: pane.font().pointSizeF() == pytest.approx(base * 1.1), timeout=2000)
    assert log.verticalHeader().defaultSectionSize() > row, "the log's rows grow too"
    press(qtbot, window, Qt.Key.Key_Plus)
    assert zoom().factor == 1.25
    assert state.value("view/zoom") == "1.25"
    assert window.statusBar().currentMessage() == "Zoom: 125 %"
    press(qtbot, window, Qt.Key.Key_Minus)
    assert zoom().factor == 1.1
    # The next start of the app begins at the zoom the user left.
    zoom().reset()
    again = make_window(AppState(state.settings.fileName().rsplit("/", 1)[0]))
    assert zoom().factor == 1.1
    assert point_size() == pytest.approx(base * 1.1)
    again.show()
    press(qtbot, again, Qt.Key.Key_0)
    assert (zoom().factor, point_size()) == (1.0, pytest.approx(base))


def test_zoom_is_bounded(make_window):
    window = make_window()
    for _ in range(30):
        window.view_controls.zoom_in_action.trigger()
    assert zoom().factor == 3.0
    for _ in range(30):
        window.view_controls.zoom_out_action.trigger()
    assert zoom().factor == 0.5
    assert zoom().set_factor(99) == 3.0


def test_a_bad_stored_zoom_starts_at_100(make_window, state):
    state.set_value("view/zoom", "huge")
    make_window()
    assert zoom().factor == 1.0


def test_presentation_mode_hides_and_restores_exactly(qtbot, make_window):
    window = make_window()
    server, client = window.open_pane(Kind.TCP_SERVER), window.open_pane(Kind.TCP_CLIENT)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    toolbar = window.findChild(QToolBar, "sessionToolbar")
    before = (QGuiApplication.font(), QPalette(QGuiApplication.palette()), window.size())
    action = window.view_controls.presentation_action
    assert action.shortcut().toString() == "F11"
    press(qtbot, window, Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)
    assert action.isChecked()
    assert not toolbar.isVisible()
    assert client.receive.display_combo.isVisible(), "a pane's own controls stay"
    for pane in (server, client):
        assert not settings_column(pane).isVisibleTo(pane)
        title = pane.findChild(QLabel, "presentationTitle")
        assert title.isVisibleTo(pane)
        assert title.text() == pane.title()
        assert title.font().bold()
    assert point_size() > before[0].pointSizeF(), "everything larger"
    palette = QGuiApplication.palette()
    assert palette.color(QPalette.ColorRole.Base).name() in ("#ffffff", "#000000")
    assert palette.color(QPalette.ColorRole.Text).name() in ("#000000", "#ffffff")
    assert window.width() == 1366, "never wider than the window the user had"
    assert not window.view_controls.settings_action.isEnabled()
    press(qtbot, window, Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)
    assert not action.isChecked()
    assert QGuiApplication.font() == before[0]
    assert QGuiApplication.palette() == before[1]
    assert window.size() == before[2]
    assert toolbar.isVisible()
    for pane in (server, client):
        assert settings_column(pane).isVisibleTo(pane)
        assert not pane.findChild(QLabel, "presentationTitle").isVisibleTo(pane)


def test_theme_switch_recolours_the_window_and_the_log(make_window, state):
    window = make_window()
    pane = window.open_pane(Kind.TCP_CLIENT)
    pane.receive.append_events([Chunk(1, 0, 1, Direction.RX, "a", "b", b"hi")])
    model = pane.receive.model
    system = QPalette(QGuiApplication.palette())
    controls = window.view_controls
    assert controls.theme() == "system"
    controls.theme_actions["dark"].trigger()
    assert logcolors.is_dark(QGuiApplication.palette())
    assert model.index(0, Column.DATA).data(Qt.ItemDataRole.ForegroundRole) == logcolors.DARK.rx
    assert model.index(0, Column.DATA).data(Qt.ItemDataRole.BackgroundRole) in logcolors.DARK.bands
    assert state.value("view/theme") == "dark"
    controls.theme_actions["light"].trigger()
    assert not logcolors.is_dark(QGuiApplication.palette())
    assert model.index(0, Column.DATA).data(Qt.ItemDataRole.ForegroundRole) == logcolors.LIGHT.rx
    controls.theme_actions["dark"].trigger()
    make_window(AppState(state.settings.fileName().rsplit("/", 1)[0]))
    assert logcolors.is_dark(QGuiApplication.palette()), "remembered"
    controls.theme_actions["system"].trigger()
    assert QGuiApplication.palette() == system
    assert state.value("view/theme") == "system"


def test_dark_log_colours_are_readable():
    def contrast(a, b) -> float:
        def luminance(c) -> float:
            parts = [c.redF(), c.greenF(), c.blueF()]
            lin = [p / 12.92 if p <= 0.03928 else ((p + 0.055) / 1.055) ** 2.4 for p in parts]
            return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    dark = logcolors.DARK
    for text in (dark.rx, dark.tx, dark.error):
        for band in dark.bands:
            assert contrast(text, band) >= 7, (text.name(), band.name())
    assert contrast(dark.event, dark.event_background) >= 7


def test_two_panes_side_by_side_fit_1366(qtbot, make_window):
    window = make_window()
    server, client = window.open_pane(Kind.TCP_SERVER), window.open_pane(Kind.TCP_CLIENT)
    window.set_side_by_side(True)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not settings_column(server).isVisible(), timeout=2000)
    assert window.minimumSizeHint().width() <= 1366
    assert window.width() == 1366
    for pane in (server, client):
        assert not settings_column(pane).isVisible(), "collapsed: they would not fit"
        strip = pane.findChild(QToolButton, "stripStartStop")
        assert strip.isVisible()
        assert strip.toolTip() == pane.settings.start_button.text()
        right = pane.mapTo(window, pane.rect().bottomRight())
        assert right.x() < window.width(), "no pane reaches past the window"
    assert not window.view_controls.settings_action.isChecked()
    # The strip brings one pane's column back; wide enough, the columns come back.
    qtbot.mouseClick(client.findChild(QToolButton, "settingsExpand"), Qt.MouseButton.LeftButton)
    assert settings_column(client).isVisible()
    assert not settings_column(server).isVisible()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: settings_column(server).isVisible(), timeout=2000)
    assert window.view_controls.settings_action.isChecked()
    assert not server.findChild(QToolButton, "stripStartStop").isVisible()


def test_strip_starts_and_stops_the_session(qtbot, make_window):
    window = make_window()
    pane = window.open_pane(Kind.UDP)
    pane.settings.local_port.setValue(0)
    window.view_controls.settings_action.setChecked(False)
    window.show()
    strip = pane.findChild(QToolButton, "stripStartStop")
    assert strip.text() == "▶"
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: strip.text() == "■", timeout=5000)
    assert strip.toolTip() == "Close"
    with qtbot.waitSignal(pane.controller.finished, timeout=5000):
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton)
    assert strip.text() == "▶"
    QApplication.processEvents()
