"""The window's one :class:`ForegroundGate`, shared by every session it runs.

The GUI thread holds it while it repaints a receive log (ui/receive/delegates.py);
every session worker hands it to its engine, which waits at the top of a loop turn
while it is held. See core/foreground.py for why.
"""

from __future__ import annotations

from typing import Final

from netassistant.core.foreground import ForegroundGate

#: Held by the GUI thread around a log repaint; the window's engines wait on it.
GUI_GATE: Final = ForegroundGate()
