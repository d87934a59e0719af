"""The session pipeline every front end shares: decode, reply, capture, send scripts.

See :mod:`netassistant.core.pipeline.session`.

:class:`AutoResponder`, :class:`CaptureTap` and :data:`Tap` load on first use (PEP 562):
a session that does not reply or capture never imports the reply rules' regex engine or
the capture writers.
"""

from __future__ import annotations

from netassistant.core.lazynames import lazy_names
from netassistant.core.pipeline.script import SendItem, SendScript
from netassistant.core.pipeline.session import (
    BatchSink,
    DecodeSettings,
    Notice,
    PipelineBatch,
    SessionPipeline,
    UnsupportedCommand,
)
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from netassistant.core.pipeline.responder import AutoResponder
    from netassistant.core.pipeline.taps import CaptureTap, Tap

#: The names loaded on first use, and the module each comes from.
_LAZY = {
    "AutoResponder": "netassistant.core.pipeline.responder",
    "CaptureTap": "netassistant.core.pipeline.taps",
    "Tap": "netassistant.core.pipeline.taps",
}


__getattr__ = lazy_names(__name__, _LAZY, globals())


__all__ = [
    "AutoResponder",
    "BatchSink",
    "CaptureTap",
    "DecodeSettings",
    "Notice",
    "PipelineBatch",
    "SendItem",
    "SendScript",
    "SessionPipeline",
    "Tap",
    "UnsupportedCommand",
]
