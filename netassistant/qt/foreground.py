"""The window's one :class:`ForegroundGate`, shared by every session it runs.

The GUI thread holds it while it repaints a receive log or the client table
(ui/foregroundview.py) and while it applies a slice of a session's batch (qt/session.py);
every session worker hands it to its engine, which waits at the top of a loop turn
while it is held. See core/foreground.py for why.
"""

from __future__ import annotations

from typing import Final

from netassistant.core.foreground import ForegroundGate

#: Held by the GUI thread around repaints and slices; the window's engines wait on it.
GUI_GATE: Final = ForegroundGate()
