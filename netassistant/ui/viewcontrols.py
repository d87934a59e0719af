"""The View menu's presentation controls: zoom, presentation mode, theme, settings columns.

Everything here works on the window as a whole, never per widget: zoom scales the
application font (:mod:`netassistant.qt.zoom`), the theme sets the application palette
(:mod:`netassistant.ui.theme`), and the settings column of every pane (the first widget
of its body splitter) is hidden or shown. Panes opened later, and views other branches
add to a pane, follow without knowing about this module.

Presentation mode (F11) hides the toolbars and the settings columns, shows each pane's
title in large type, zooms by :data:`PRESENTATION_BOOST` on top of the user's zoom and
switches to a high-contrast palette; leaving it puts back exactly what was there.
Zoom and theme are remembered in the app's settings; presentation mode is not (a window
that opens in it would surprise whoever starts the app next).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from netassistant.qt.logcolors import is_dark
from netassistant.qt.zoom import zoom
from netassistant.ui.pane.settingsstrip import SettingsStrip
from netassistant.ui.theme import THEMES, apply_theme, high_contrast_palette, set_palette

if TYPE_CHECKING:
    from netassistant.ui.appstate import AppState
    from netassistant.ui.pane.pane import SessionPane

#: How much larger presentation mode draws everything, on top of the user's zoom.
PRESENTATION_BOOST = 1.4
#: Pane titles in presentation mode, relative to the (zoomed) application font.
TITLE_SCALE = 1.5
#: A pane's margins, splitter handles and scroll bar, in pixels, beyond its parts.
_PANE_CHROME = 24
ZOOM_KEY, THEME_KEY, SETTINGS_KEY = "view/zoom", "view/theme", "view/settings_column"


def settings_column(pane: QWidget) -> QWidget | None:
    """The pane's settings column: the first widget of its body splitter."""
    splitters = getattr(pane, "splitters", ())
    return splitters[0].widget(0) if splitters else None


def full_column_width(column: QWidget) -> int:
    """The width a settings column needs to show its contents without sideways scrolling."""
    if not isinstance(column, QScrollArea) or (content := column.widget()) is None:
        return column.minimumSizeHint().width()
    inner = content.minimumSizeHint().width()
    scrollbar = column.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return max(column.minimumWidth(), inner + scrollbar + 2 * column.frameWidth())


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
        self._tiles = tiles  # View > Side by side
        self._window = window
        self._state = state
        self._zoom = zoom()
        self._panes: list[SessionPane] = []
        self._titles: dict[SessionPane, QLabel] = {}
        self._saved_toolbars: list[QToolBar] = []
        self._saved_palette: QPalette | None = None
        self._saved_size = QSize()
        self._strips: dict[SessionPane, SettingsStrip] = {}
        self._auto_collapsed = False
        self._auto_changing = False
        self._build(menu)
        self._restore()
        window.installEventFilter(self)
        # After the window has moved the panes (its own slot runs after this one).
        tiles.toggled.connect(lambda _on: QTimer.singleShot(0, self._auto_fit))

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
        self.settings_action = self._action(
            self.tr("Settings &column"),
            "settingsColumn",
            self.tr("Show the settings column of each pane (hide it to give the log the width)"),
            "Ctrl+Shift+H",
        )
        self.settings_action.setCheckable(True)
        self.settings_action.setChecked(True)
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
        self.settings_action.toggled.connect(self._on_settings_toggled)
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
        shown = str(self._state.value(SETTINGS_KEY, "true")).lower() != "false"
        self.settings_action.setChecked(shown)

    # -------------------------------------------------------------------- panes
    def pane_added(self, pane: SessionPane) -> None:
        """Give a new pane the window's view: settings column and presentation title."""
        self._panes.append(pane)
        pane.destroyed.connect(lambda _obj=None, p=pane: self._forget(p))
        title = QLabel(pane.title())
        title.setObjectName("presentationTitle")
        title.setVisible(self.presenting)
        pane.title_changed.connect(title.setText)
        layout = pane.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, title)
        self._titles[pane] = title
        self._style_title(title)
        self._add_strip(pane)
        column = settings_column(pane)
        if column is not None:
            # Narrow column: a field goes under its label instead of being cut off.
            for form in column.findChildren(QFormLayout):
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._set_column(pane, self._settings_shown())
        self._auto_fit()

    def _add_strip(self, pane: SessionPane) -> None:
        """Put a :class:`SettingsStrip` left of the pane's body (it shows while collapsed)."""
        layout = pane.layout()
        body = pane.splitters[0] if getattr(pane, "splitters", ()) else None
        if not isinstance(layout, QVBoxLayout) or body is None or layout.indexOf(body) < 0:
            return
        index = layout.indexOf(body)
        layout.removeWidget(body)
        row = QHBoxLayout()
        strip = SettingsStrip(pane)
        strip.expand_requested.connect(lambda p=pane: self._set_column(p, True))
        row.addWidget(strip)
        row.addWidget(body, 1)
        layout.insertLayout(index, row, 1)
        self._strips[pane] = strip

    def _set_column(self, pane: SessionPane, shown: bool) -> None:
        """Show or collapse one pane's settings column (the strip stands in for it)."""
        column = settings_column(pane)
        if column is None:
            return
        column.setVisible(shown)
        strip = self._strips.get(pane)
        if strip is not None:
            strip.setVisible(not shown and not self.presenting)
        if shown:
            body = pane.splitters[0]
            sizes = body.sizes()
            want = full_column_width(column)
            if len(sizes) == 2 and 0 < sizes[0] < want and sum(sizes) > want:
                body.setSizes([want, sum(sizes) - want])  # no sideways scrolling if it fits

    def _forget(self, pane: SessionPane) -> None:
        if pane in self._panes:
            self._panes.remove(pane)
        self._titles.pop(pane, None)
        self._strips.pop(pane, None)

    def _settings_shown(self) -> bool:
        return self.settings_action.isChecked() and not self.presenting

    def _show_settings(self) -> None:
        shown = self._settings_shown()
        for pane in self._panes:
            self._set_column(pane, shown)

    @Slot(bool)
    def _on_settings_toggled(self, on: bool) -> None:
        if not self.presenting and not self._auto_changing:
            self._state.set_value(SETTINGS_KEY, "true" if on else "false")
            self._auto_collapsed = False  # the user decided
        self._show_settings()

    # -------------------------------------------------------------- side by side
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the window's width (settings columns collapse when panes do not fit)."""
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self._auto_fit()
        return False

    def needed_width(self) -> int:
        """The width the side-by-side panes need with their settings columns open."""
        panes = [p for p in self._panes if p.isVisibleTo(self._window)]
        total = 0
        for pane in panes:
            column = settings_column(pane)
            if column is None:
                total += pane.minimumSizeHint().width()
                continue
            right = pane.splitters[1]  # the log over the send area
            total += full_column_width(column) + right.minimumSizeHint().width() + _PANE_CHROME
        return total

    @Slot()
    def _auto_fit(self) -> None:
        """Side by side too narrow for every settings column: collapse them, and back."""
        narrow = self._tiles.isChecked() and self._window.width() < self.needed_width()
        if self.presenting:
            return
        if narrow and self.settings_action.isChecked():
            self._auto_collapsed = True
            self._set_settings_action(False)
        elif not narrow and self._auto_collapsed:
            self._auto_collapsed = False
            self._set_settings_action(True)

    def _set_settings_action(self, on: bool) -> None:
        self._auto_changing = True
        try:
            self.settings_action.setChecked(on)
        finally:
            self._auto_changing = False

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
        apply_theme(theme)
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
            set_palette(high_contrast_palette(is_dark(self._saved_palette)))
            self.settings_action.setEnabled(False)
            self._show_settings()
            for title in self._titles.values():
                title.setVisible(True)
            self._fit_boost()
        else:
            palette, self._saved_palette = self._saved_palette, None
            assert palette is not None
            self._zoom.set_boost(1.0)
            set_palette(palette)
            for bar in self._saved_toolbars:
                bar.show()
            self._saved_toolbars = []
            self.settings_action.setEnabled(True)
            self._show_settings()
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
