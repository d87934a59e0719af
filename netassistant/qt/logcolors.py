"""The log's own colours (RX, TX, events, errors, row bands) for light and dark palettes.

The log paints its rows with colours of its own, so they must follow the window: dark
blue on white is unreadable on a dark window, and white bands in a dark window glare
on a projector. :func:`log_colors` picks the set that matches the application palette;
the window calls :func:`refresh` after it changes the theme or the palette.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette


class LogColors(NamedTuple):
    """One set of log colours.

    Attributes:
        rx: Text of received chunks.
        tx: Text of sent chunks.
        event: Text of connection events.
        error: Text of errors, resets and drops.
        bands: Backgrounds of even and odd chunk bands.
        event_background: Background of event rows.
        stream_bands: Backgrounds of even and odd chunks in the stream view (stronger
            than ``bands``: there a band is the only sign of a recv() boundary).
        special: Text and background of control bytes (the stream view's boxes).
        boundary: The stream view's boundary mark between two chunks.
    """

    rx: QColor
    tx: QColor
    event: QColor
    error: QColor
    bands: tuple[QColor, QColor]
    event_background: QColor
    stream_bands: tuple[QColor, QColor]
    special: tuple[QColor, QColor]
    boundary: QColor


LIGHT = LogColors(
    rx=QColor(0x00, 0x00, 0x99),  # dark blue
    tx=QColor(0x00, 0x73, 0x00),  # dark green
    event=QColor(0x6E, 0x6E, 0x6E),  # grey
    error=QColor(0xC0, 0x00, 0x00),  # red
    bands=(QColor(0xFF, 0xFF, 0xFF), QColor(0xEA, 0xF1, 0xFB)),  # white, light blue
    event_background=QColor(0xFF, 0xF8, 0xDC),  # light yellow
    stream_bands=(QColor(0xFF, 0xE0, 0x8A), QColor(0xA8, 0xD1, 0xFF)),  # amber, blue
    special=(QColor(0x7B, 0x5E, 0x9E), QColor(0xE8, 0xE0, 0xF4)),  # purple on lavender
    boundary=QColor(0xE0, 0x11, 0x5F),  # crimson
)
#: Light text on dark bands; every pair keeps a contrast ratio above 7:1 (WCAG AAA).
DARK = LogColors(
    rx=QColor(0x9C, 0xC8, 0xFF),  # light blue
    tx=QColor(0x8E, 0xE0, 0x8E),  # light green
    event=QColor(0xC8, 0xC8, 0xC8),  # light grey
    error=QColor(0xFF, 0xA8, 0xA0),  # light red
    bands=(QColor(0x1E, 0x1E, 0x1E), QColor(0x1A, 0x26, 0x36)),  # near black, dark blue
    event_background=QColor(0x33, 0x2B, 0x10),  # dark amber
    # Deep, saturated bands: as distinct from each other as the light ones, without glare.
    stream_bands=(QColor(0x4A, 0x3A, 0x0C), QColor(0x10, 0x33, 0x5C)),  # dark amber, navy
    special=(QColor(0xD8, 0xC8, 0xF0), QColor(0x3A, 0x2C, 0x4E)),  # lavender on plum
    boundary=QColor(0xFF, 0x6E, 0xA8),  # pink
)

_current: LogColors | None = None


def is_dark(palette: QPalette) -> bool:
    """True when ``palette`` draws light text on a dark base."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def refresh() -> LogColors:
    """Pick the set for the application's palette now (after a theme or palette change)."""
    global _current
    _current = DARK if is_dark(QGuiApplication.palette()) else LIGHT
    return _current


def log_colors() -> LogColors:
    """The colours for the current palette (cheap: asked for every painted cell)."""
    return _current if _current is not None else refresh()
