"""One zoom factor for the whole window, applied in one place: the application font.

Every widget that does not set a font of its own follows ``QGuiApplication.font()``, so
scaling that one font zooms the settings, the log, the send box and whatever view a pane
gains later. The fixed-width font of the log, the hex dump and the message table comes
from :func:`fixed_font`, scaled by the same factor. Presentation mode multiplies the
user's zoom by a boost, so leaving it gives back exactly the zoom the user had.

Views that cache metrics (row heights, fonts they set explicitly) follow
:attr:`Zoom.changed`; models ask :func:`fixed_font` on each use (a cached QFont).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

#: The zoom steps of Ctrl++ / Ctrl+-, from 50 % to 300 %.
STEPS = (0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
MIN_ZOOM, MAX_ZOOM = STEPS[0], STEPS[-1]


def _scaled(base: QFont, factor: float) -> QFont:
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(round(base.pointSizeF() * factor, 2))
    elif base.pixelSize() > 0:
        font.setPixelSize(max(1, round(base.pixelSize() * factor)))
    return font


class Zoom(QObject):
    """The window's zoom (the user's factor times the presentation boost).

    Attributes:
        factor: The user's zoom, 0.5 .. 3.0 (remembered by the window).
        boost: Extra factor of presentation mode (1.0 outside it).

    Signals:
        changed(float): the effective factor changed; fonts are already applied.
    """

    changed = Signal(float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base = QFont(QGuiApplication.font())
        self._base_fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._fixed = QFont(self._base_fixed)
        self.factor = 1.0
        self.boost = 1.0

    @property
    def effective(self) -> float:
        """The factor the fonts are drawn at."""
        return self.factor * self.boost

    def base_point_size(self) -> float:
        """The unzoomed application font's size in points (0 if it is set in pixels)."""
        return max(0.0, self._base.pointSizeF())

    def fixed_font(self) -> QFont:
        """The fixed-width font at the current zoom (do not change it; copy it)."""
        return self._fixed

    def set_factor(self, factor: float) -> float:
        """Zoom to ``factor`` (clamped to 50 % .. 300 %); returns the factor taken."""
        factor = min(MAX_ZOOM, max(MIN_ZOOM, float(factor)))
        if factor != self.factor:
            self.factor = factor
            self._apply()
        return factor

    def set_boost(self, boost: float) -> None:
        """Presentation mode's extra factor (1.0 to leave it)."""
        if boost != self.boost:
            self.boost = boost
            self._apply()

    def zoom_in(self) -> float:
        """One step larger."""
        return self.set_factor(next((s for s in STEPS if s > self.factor + 1e-6), MAX_ZOOM))

    def zoom_out(self) -> float:
        """One step smaller."""
        smaller = [s for s in STEPS if s < self.factor - 1e-6]
        return self.set_factor(smaller[-1] if smaller else MIN_ZOOM)

    def reset(self) -> float:
        """Back to 100 %."""
        return self.set_factor(1.0)

    def _apply(self) -> None:
        factor = self.effective
        self._fixed = _scaled(self._base_fixed, factor)
        # One call re-fonts every widget without a font of its own (Qt propagates it).
        QGuiApplication.setFont(_scaled(self._base, factor))
        self.changed.emit(factor)


_zoom: Zoom | None = None


def zoom() -> Zoom:
    """The application's zoom (made on first use: fonts need a QGuiApplication)."""
    global _zoom
    if _zoom is None:
        _zoom = Zoom(QGuiApplication.instance())
    return _zoom


def fixed_font() -> QFont:
    """The fixed-width font of logs and dumps, at the window's zoom."""
    return zoom().fixed_font()
