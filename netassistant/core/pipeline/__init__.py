"""The session pipeline every front end shares: decode, reply, capture, send scripts.

See :mod:`netassistant.core.pipeline.session`.

:class:`AutoResponder`, :class:`CaptureTap` and :data:`Tap` load on first use (PEP 562):
a session that does not reply or capture never imports the reply rules' regex engine or
the capture writers.
"""

from __future__ import annotations

import importlib

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
    from typing import Any

    from netassistant.core.pipeline.responder import AutoResponder
    from netassistant.core.pipeline.taps import CaptureTap, Tap

#: The names loaded on first use, and the module each comes from.
_LAZY = {
    "AutoResponder": "netassistant.core.pipeline.responder",
    "CaptureTap": "netassistant.core.pipeline.taps",
    "Tap": "netassistant.core.pipeline.taps",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups do not come here again
    return value


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
