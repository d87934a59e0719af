"""The session pipeline every front end shares: decode, reply, capture, send scripts.

See :mod:`netassistant.core.pipeline.session`.
"""

from netassistant.core.pipeline.responder import AutoResponder
from netassistant.core.pipeline.script import SendItem, SendScript
from netassistant.core.pipeline.session import (
    BatchSink,
    DecodeSettings,
    Notice,
    PipelineBatch,
    SessionPipeline,
    UnsupportedCommand,
)
from netassistant.core.pipeline.taps import CaptureTap, Tap

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
