"""The View menu's presentation controls: zoom, presentation mode and theme.

Everything here works on the window as a whole, never per widget: zoom scales the
application font (:mod:`netassistant.qt.zoom`), the theme sets the application palette
(:mod:`netassistant.ui.theme`), and the panes' settings columns are shown, collapsed
or hidden by :class:`~netassistant.ui.settingscolumns.SettingsColumns`. Panes opened
later, and views other branches add to a pane, follow without knowing about this module.

Presentation mode (F11) hides the window's toolbars and the settings columns, shows
each pane's title in large type, zooms by up to :data:`PRESENTATION_BOOST` on top of the
user's zoom (as much as the window's width allows) and switches to a high-contrast
palette; leaving it puts back exactly what was there. Zoom and theme are remembered in
the app's settings; presentation mode is not (a window that opens in it would surprise
whoever starts the app next).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QVBoxLayout,
)

from netassistant.qt.logcolors import is_dark
from netassistant.qt.zoom import zoom
from netassistant.ui.settingscolumns import SettingsColumns
from netassistant.ui.theme import THEMES, apply_theme, high_contrast_palette, set_palette

if TYPE_CHECKING:
    from netassistant.ui.appstate import AppState
    from netassistant.ui.pane.pane import SessionPane

#: How much larger presentation mode draws everything, on top of the user's zoom.
PRESENTATION_BOOST = 1.4
#: Pane titles in presentation mode, relative to the (zoomed) application font.
TITLE_SCALE = 1.5
ZOOM_KEY, THEME_KEY = "view/zoom", "view/theme"


class ViewControls(QObject):
    """The View menu entries for zoom, presentation mode, theme and settings columns.

    Attributes:
        zoom_in_action: Ctrl++ (and Ctrl+=).
        zoom_out_action: Ctrl+-.
        zoom_reset_action: Ctrl+0, back to 100 %.
        presentation_action: F11, checkable.
        settings_action: Show the panes' settings columns (checkable, on by default).
        theme_actions: "system", "light" and "dark", one checked.
    """

    def __init__(self, window: QMainWindow, menu: QMenu, state: AppState, tiles: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._state = state
        self._zoom = zoom()
        self._titles: dict[SessionPane, QLabel] = {}
        self._saved_toolbars: list[QToolBar] = []
        self._saved_palette: QPalette | None = None
        self._saved_size = QSize()
        self.columns = SettingsColumns(window, state, tiles)
        self.settings_action = self.columns.action
        self._build(menu)
        self._restore()

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, name: str, tip: str, *keys: QKeySequence | str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        self._window.addAction(action)  # shortcuts work while the toolbars are hidden
        return action

    def _build(self, menu: QMenu) -> None:
        menu.addSeparator()
        self.zoom_in_action = self._action(
            self.tr("Zoom &in"),
            "zoomIn",
            self.tr("Larger text in the whole window"),
            QKeySequence(QKeySequence.StandardKey.ZoomIn),
            "Ctrl+=",
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom &out"),
            "zoomOut",
            self.tr("Smaller text in the whole window"),
            QKeySequence(QKeySequence.StandardKey.ZoomOut),
        )
        self.zoom_reset_action = self._action(
            self.tr("&Actual size"),
            "zoomReset",
            self.tr("Text at its normal size (100 %)"),
            "Ctrl+0",
        )
        self.presentation_action = self._action(
            self.tr("&Presentation mode"),
            "presentationMode",
            self.tr(
                "For a projector: large text, high contrast, pane titles; hides the settings "
                "columns and toolbars (F11 again to leave)"
            ),
            "F11",
        )
        self.presentation_action.setCheckable(True)
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addAction(self.presentation_action)
        theme_menu = menu.addMenu(self.tr("&Theme"))
        theme_menu.setObjectName("themeMenu")
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for theme, text, tip in (
            ("system", self.tr("Follow the &system"), self.tr("Light or dark, as the system is")),
            ("light", self.tr("&Light"), self.tr("Dark text on a light background")),
            ("dark", self.tr("&Dark"), self.tr("Light text on a dark background")),
        ):
            action = QAction(text, self._window)
            action.setObjectName(f"theme-{theme}")
            action.setToolTip(tip)
            action.setCheckable(True)
            group.addAction(action)
            theme_menu.addAction(action)
            action.triggered.connect(lambda _checked=False, t=theme: self.set_theme(t))
            self.theme_actions[theme] = action
        self.zoom_in_action.triggered.connect(self._zoom_in)
        self.zoom_out_action.triggered.connect(self._zoom_out)
        self.zoom_reset_action.triggered.connect(self._zoom_reset)
        self.presentation_action.toggled.connect(self.set_presentation)
        self._zoom.changed.connect(self._on_zoom_changed)

    def _restore(self) -> None:
        self._zoom.set_boost(1.0)
        try:
            factor = float(self._state.value(ZOOM_KEY, 1.0))
        except (TypeError, ValueError):
            factor = 1.0  # a hand-edited settings file: start at 100 %
        self._zoom.set_factor(factor)
        theme = str(self._state.value(THEME_KEY, "system"))
        self.set_theme(theme if theme in THEMES else "system", remember=False)

    # -------------------------------------------------------------------- panes
    def pane_added(self, pane: SessionPane) -> None:
        """Give a new pane the window's view: settings column and presentation title."""
        pane.destroyed.connect(lambda _obj=None, p=pane: self._titles.pop(p, None))
        title = QLabel(pane.title())
        title.setObjectName("presentationTitle")
        title.setVisible(self.presenting)
        pane.title_changed.connect(title.setText)
        layout = pane.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, title)
        self._titles[pane] = title
        self._style_title(title)
        self.columns.add_pane(pane)

    # --------------------------------------------------------------------- zoom
    @Slot()
    def _zoom_in(self) -> None:
        self._remember_zoom(self._zoom.zoom_in())

    @Slot()
    def _zoom_out(self) -> None:
        self._remember_zoom(self._zoom.zoom_out())

    @Slot()
    def _zoom_reset(self) -> None:
        self._remember_zoom(self._zoom.reset())

    def _remember_zoom(self, factor: float) -> None:
        self._state.set_value(ZOOM_KEY, f"{factor:g}")
        status = self._window.statusBar()
        status.showMessage(self.tr("Zoom: %1 %").replace("%1", str(round(factor * 100))), 3000)

    @Slot(float)
    def _on_zoom_changed(self, _factor: float) -> None:
        for title in self._titles.values():
            self._style_title(title)

    def _style_title(self, title: QLabel) -> None:
        font = QFont(QGuiApplication.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
        font.setBold(True)
        title.setFont(font)

    # -------------------------------------------------------------------- theme
    def set_theme(self, theme: str, *, remember: bool = True) -> None:
        """Switch to "system", "light" or "dark" (and remember it)."""
        if self.presenting:
            # Leave presentation mode first, so its palette is not kept as the theme's.
            self.presentation_action.setChecked(False)
        apply_theme(theme, self._window)
        self.theme_actions[theme].setChecked(True)
        if remember:
            self._state.set_value(THEME_KEY, theme)

    def theme(self) -> str:
        """The theme chosen in the menu."""
        return next(t for t, a in self.theme_actions.items() if a.isChecked())

    # ------------------------------------------------------------- presentation
    @property
    def presenting(self) -> bool:
        """True while presentation mode is on."""
        return self._saved_palette is not None

    @Slot(bool)
    def set_presentation(self, on: bool) -> None:
        """Enter or leave presentation mode (leaving restores everything it changed)."""
        if self.presentation_action.isChecked() != on:
            self.presentation_action.setChecked(on)  # comes back here through toggled
            return
        if on == self.presenting:
            return
        if on:
            self._saved_palette = QPalette(QGuiApplication.palette())
            # The window's own toolbars; a pane's (the log's display controls) stay.
            self._saved_toolbars = [
                bar
                for bar in self._window.findChildren(
                    QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly
                )
                if bar.isVisibleTo(self._window)
            ]
            for bar in self._saved_toolbars:
                bar.hide()
            self._saved_size = self._window.size()
            set_palette(high_contrast_palette(is_dark(self._saved_palette)), self._window)
            self.columns.set_presenting(True)
            for title in self._titles.values():
                title.setVisible(True)
            self._fit_boost()
        else:
            palette, self._saved_palette = self._saved_palette, None
            assert palette is not None
            self._zoom.set_boost(1.0)
            set_palette(palette, self._window)
            for bar in self._saved_toolbars:
                bar.show()
            self._saved_toolbars = []
            self.columns.set_presenting(False)
            for title in self._titles.values():
                title.setVisible(False)
            self._settled_min_width()  # the smaller minimum size, before the geometry
            self._window.resize(self._saved_size)

    def _fit_boost(self) -> None:
        """The largest presentation boost at which the window keeps its width.

        Two panes side by side on a 1366 px projector have little room: rather a little
        less enlargement than a window wider than the screen.
        """
        room = self._window.width()  # sized (or maximized) for the projector by the user
        need = self._settled_min_width()  # without the settings columns and toolbars
        # Widths grow about in step with the fonts: estimate first, so the window is never
        # made wider than the screen, not even for a moment.
        fits = room / need if need > 0 else PRESENTATION_BOOST
        boost = max(1.0, min(PRESENTATION_BOOST, int(fits * 0.97 * 20) / 20))
        self._zoom.set_boost(boost)
        self._settled_min_width()
        self._window.resize(self._saved_size)

    def _settled_min_width(self) -> int:
        """The window's minimum width once every layout has followed the last change.

        A font or visibility change reaches the window through one posted layout request
        per level of widgets, so the events are processed until the width stops moving.
        """
        width = -1
        for _ in range(12):
            QApplication.processEvents()
            now = self._window.minimumSizeHint().width()
            if now == width:
                break
            width = now
        return width
