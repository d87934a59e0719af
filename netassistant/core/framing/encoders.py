"""Encoders: build the frames a matching decoder cuts back into the same payloads."""

from __future__ import annotations

import struct
from collections.abc import Iterable

from netassistant.core.framing.spec import DELIMITER, FIXED, FrameSpec, FramingError
from netassistant.core.i18n import Text, translatable

# --- encoders ---------------------------------------------------------------------------------


def _largest(fmt: str) -> int:
    code = fmt[-1]
    bits = 8 * struct.calcsize(fmt)
    largest: int = 2 ** (bits - 1) - 1 if code.islower() else 2**bits - 1
    return largest


def encode_frame(spec: FrameSpec, payload: bytes) -> bytes:
    """Build the frame that carries one payload, as the matching decoder expects it.

    Args:
        spec: The framing.
        payload: The message.

    Returns:
        The frame bytes to send.

    Raises:
        FramingError: If the payload cannot be framed so that a decoder gets it back intact.
    """
    payload = bytes(payload)
    size = len(payload)
    if spec.kind == FIXED:
        if size != spec.size:
            if size == 1:
                template = translatable(
                    "payload is {size} byte but fixed framing needs exactly {needed} bytes"
                )
            elif spec.size == 1:
                template = translatable(
                    "payload is {size} bytes but fixed framing needs exactly {needed} byte"
                )
            else:
                template = translatable(
                    "payload is {size} bytes but fixed framing needs exactly {needed} bytes"
                )
            raise FramingError(Text(template, size=size, needed=spec.size))
        return payload
    if size > spec.max_length:
        raise FramingError(
            Text(
                "payload of {size} bytes exceeds the maximum {limit} bytes",
                size=size,
                limit=spec.max_length,
            )
        )
    if spec.kind == DELIMITER:
        delimiter = spec.delimiter
        if delimiter in payload:
            raise FramingError(
                Text("payload contains the delimiter; it would be split into two messages")
            )
        frame = payload + delimiter
        if frame.find(delimiter) != size:
            # e.g. delimiter "==" after a payload ending in "=": the decoder stops one byte early.
            raise FramingError(
                Text(
                    "payload ends with the start of the delimiter; the message would end too early"
                )
            )
        return frame
    value = size + spec.header_size if spec.header_counted else size
    largest = _largest(spec.fmt)
    if value > largest:
        raise FramingError(
            Text(
                "length {value} does not fit the {fmt!r} header (largest is {largest})",
                value=value,
                fmt=spec.fmt,
                largest=largest,
            )
        )
    return struct.pack(spec.fmt, value) + payload


def encode_frames(spec: FrameSpec, payloads: Iterable[bytes]) -> bytes:
    """Build the frames for several payloads, back to back.

    Args:
        spec: The framing.
        payloads: The messages, in order.

    Returns:
        The concatenated frames.

    Raises:
        FramingError: As :func:`encode_frame`, for the first payload that cannot be framed.
    """
    return b"".join(encode_frame(spec, payload) for payload in payloads)
