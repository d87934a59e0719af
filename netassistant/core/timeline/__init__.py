"""The live timeline: a session's real socket calls as a sequence diagram.

:class:`TimelineBuilder` turns a session's events into :class:`Step` records (and links a
send to the recvs that delivered its bytes); :func:`write_timeline` writes them as SVG,
Mermaid or JSON. Shared by the window's Timeline view, ``netassistant-cli --timeline`` and
the labs.
"""

from __future__ import annotations

from netassistant.core.timeline.builder import DEFAULT_MAX_STEPS, TimelineBuilder
from netassistant.core.timeline.export import FORMATS, check_timeline_path, write_timeline
from netassistant.core.timeline.steps import CALLS, Step, step_label

__all__ = [
    "CALLS",
    "DEFAULT_MAX_STEPS",
    "FORMATS",
    "Step",
    "TimelineBuilder",
    "check_timeline_path",
    "step_label",
    "write_timeline",
]
