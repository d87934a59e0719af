"""Light / dark theme and the high-contrast palette of presentation mode.

The theme follows the system unless the user picks one (View > Theme). Qt's own colour
scheme support (``QStyleHints.setColorScheme``, Qt 6.8+) is asked first; where the
platform ignores it (X11 without a desktop theme, the offscreen platform), Fusion's
palette for that scheme is set directly, so the choice always shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from netassistant.qt import logcolors

THEMES = ("system", "light", "dark")
_SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}
_system_palette: QPalette | None = None

_Role = QPalette.ColorRole


def _palette(colors: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        # Disabled text stays readable but clearly grey, on either background.
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colors[_Role.PlaceholderText]))
    return palette


def dark_palette() -> QPalette:
    """Fusion's look in dark colours (used when the platform cannot switch schemes)."""
    return _palette(
        {
            _Role.Window: "#2b2b2b",
            _Role.WindowText: "#e8e8e8",
            _Role.Base: "#1e1e1e",
            _Role.AlternateBase: "#262626",
            _Role.ToolTipBase: "#3a3a3a",
            _Role.ToolTipText: "#f0f0f0",
            _Role.PlaceholderText: "#8c8c8c",
            _Role.Text: "#e8e8e8",
            _Role.Button: "#353535",
            _Role.ButtonText: "#e8e8e8",
            _Role.BrightText: "#ff6b6b",
            _Role.Light: "#4a4a4a",
            _Role.Midlight: "#404040",
            _Role.Mid: "#303030",
            _Role.Dark: "#202020",
            _Role.Shadow: "#101010",
            _Role.Highlight: "#3d7fd9",
            _Role.HighlightedText: "#ffffff",
            _Role.Link: "#8ab4f8",
            _Role.LinkVisited: "#c58af9",
        }
    )


def light_palette() -> QPalette:
    """The style's own light palette."""
    return QApplication.style().standardPalette()


def high_contrast_palette(dark: bool) -> QPalette:
    """Black on white (or white on black) with a strong selection, for a projector."""
    fg, bg, alt = ("#ffffff", "#000000", "#1a1a1a") if dark else ("#000000", "#ffffff", "#f2f2f2")
    highlight, highlighted = ("#ffd400", "#000000") if dark else ("#0000c8", "#ffffff")
    return _palette(
        {
            _Role.Window: bg,
            _Role.WindowText: fg,
            _Role.Base: bg,
            _Role.AlternateBase: alt,
            _Role.ToolTipBase: bg,
            _Role.ToolTipText: fg,
            _Role.PlaceholderText: "#a0a0a0" if dark else "#505050",
            _Role.Text: fg,
            _Role.Button: alt,
            _Role.ButtonText: fg,
            _Role.BrightText: "#ff4040",
            _Role.Light: "#808080",
            _Role.Midlight: "#606060",
            _Role.Mid: "#808080",
            _Role.Dark: "#404040",
            _Role.Shadow: fg,
            _Role.Highlight: highlight,
            _Role.HighlightedText: highlighted,
            _Role.Link: "#8ab4f8" if dark else "#0000ee",
            _Role.LinkVisited: "#c58af9" if dark else "#551a8b",
        }
    )


def set_palette(palette: QPalette, window: QWidget) -> None:
    """Give the application ``palette`` and let the log pick its colours for it.

    Args:
        palette: The new palette (nothing happens if it is the current one).
        window: The window whose styled widgets are polished again.
    """
    if palette == QGuiApplication.palette():
        return
    QApplication.setPalette(palette)
    logcolors.refresh()
    # A widget with a style sheet (the log's grid colour, red error labels) keeps the
    # palette it was polished with until its sheet is applied again. Only the window's
    # own widgets: QApplication.allWidgets() also lists widgets half way through deletion.
    for widget in window.findChildren(QWidget):
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def theme_palette(theme: str) -> QPalette:
    """The palette ``theme`` gives on this platform (and switch Qt's colour scheme to it).

    Raises:
        ValueError: ``theme`` is not one of :data:`THEMES`.
    """
    global _system_palette
    if theme not in _SCHEMES:
        raise ValueError(f"unknown theme {theme!r}; use one of {', '.join(THEMES)}")
    if _system_palette is None:
        _system_palette = QPalette(QGuiApplication.palette())
    hints = QGuiApplication.styleHints()
    if theme == "system":
        hints.unsetColorScheme()
        return QPalette(_system_palette)
    scheme = _SCHEMES[theme]
    hints.setColorScheme(scheme)
    if hints.colorScheme() == scheme and QGuiApplication.palette() != _system_palette:
        return QPalette(QGuiApplication.palette())  # the platform switched by itself
    return dark_palette() if theme == "dark" else light_palette()


def apply_theme(theme: str, window: QWidget) -> None:
    """Switch the application to ``theme`` ("system", "light" or "dark")."""
    set_palette(theme_palette(theme), window)
