"""Framing: cut a received byte stream into messages, and build frames to send.

TCP is a byte stream: one send() by the peer can arrive as several recv() chunks, and several
sends can arrive as one chunk (粘包, "sticky packets"). The receive view shows the raw chunks
untouched; a decoder from this package runs beside it and shows which messages those chunks
really carry. Every decoded record carries :class:`Span` ranges that point back into the chunks,
so a view can draw both and link them.

* :mod:`.spec`: :class:`FrameSpec` and its spec string (``--frame`` on the command line,
  ``SessionConfig.framing`` in profiles), :func:`parse_frame_spec`, :func:`format_frame_spec`.
* :mod:`.decoders`: the incremental decoders (:func:`make_decoder`) and how each one
  recovers from a stream that breaks its framing.
* :mod:`.records`: what decoders return (:class:`Message`, :class:`FrameErrorRecord`,
  :class:`Span`), and the packed bookkeeping that keeps a record's spans bounded however
  finely its bytes were split.
* :mod:`.encoders`: :func:`encode_frame`, the frames a decoder cuts back into the payloads.

Import from here: ``from netassistant.core.framing import FrameSpec, make_decoder``. Only
:mod:`.spec` loads with the package; the rest load at their first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netassistant.core.framing.spec import (
    DEFAULT_MAX_LENGTH,
    DELIMITER,
    FIXED,
    LARGEST_MAX_LENGTH,
    LENGTH,
    MAX_FIXED_SIZE,
    FrameSpec,
    FramingError,
    format_frame_spec,
    parse_frame_spec,
)
from netassistant.core.lazynames import lazy_names

if TYPE_CHECKING:
    from netassistant.core.framing.decoders import (
        Decoder,
        DelimiterDecoder,
        FixedDecoder,
        LengthDecoder,
        make_decoder,
    )
    from netassistant.core.framing.encoders import encode_frame, encode_frames
    from netassistant.core.framing.records import (
        MAX_SPANS,
        FrameErrorRecord,
        Message,
        Span,
        SpanRun,
        chunk_seqs,
        seqs_text,
        span_fields,
    )

#: The names loaded on first use (PEP 562), and the module each comes from: a framing
#: box or a ``--frame`` option only parses and formats specs, and the decoders' records
#: (four dataclasses, written and compiled at import) wait for the first decoder.
_LAZY = {
    **dict.fromkeys(
        ("Decoder", "DelimiterDecoder", "FixedDecoder", "LengthDecoder", "make_decoder"),
        "netassistant.core.framing.decoders",
    ),
    **dict.fromkeys(("encode_frame", "encode_frames"), "netassistant.core.framing.encoders"),
    **dict.fromkeys(
        (
            "MAX_SPANS",
            "FrameErrorRecord",
            "Message",
            "Span",
            "SpanRun",
            "chunk_seqs",
            "seqs_text",
            "span_fields",
        ),
        "netassistant.core.framing.records",
    ),
}


__getattr__ = lazy_names(__name__, _LAZY, globals())


__all__ = [
    "DEFAULT_MAX_LENGTH",
    "DELIMITER",
    "FIXED",
    "LARGEST_MAX_LENGTH",
    "LENGTH",
    "MAX_FIXED_SIZE",
    "MAX_SPANS",
    "Decoder",
    "DelimiterDecoder",
    "FixedDecoder",
    "FrameErrorRecord",
    "FrameSpec",
    "FramingError",
    "LengthDecoder",
    "Message",
    "Span",
    "SpanRun",
    "chunk_seqs",
    "encode_frame",
    "encode_frames",
    "format_frame_spec",
    "make_decoder",
    "parse_frame_spec",
    "seqs_text",
    "span_fields",
]
