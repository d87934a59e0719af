"""How a log's DATA cell draws bytes: hex, text, or both side by side.

The chunk log and the message log draw their DATA column the same way; these are the
pieces they share. Text is decoded with :func:`codec.decode_segments`, so control
characters come out escaped (``\\r\\n``, ``\\0``, ...) and every row stays one line.
"""

from __future__ import annotations

import enum

from netassistant.core.codec import decode_segments, format_hex


class DisplayMode(enum.StrEnum):
    """How the DATA column draws a chunk's bytes."""

    HEX = "hex"
    TEXT = "text"
    BOTH = "both"  # "68 65 6C | hel"


def plain_text(data: bytes, encoding: str) -> str:
    """``data`` decoded with ``encoding``, control characters and bad bytes escaped."""
    # Control characters escaped (\r\n, \0, ...) keep each row on one line.
    return "".join(text for text, _special in decode_segments(data, encoding))


def bytes_text(data: bytes, mode: DisplayMode, encoding: str) -> str:
    """``data`` drawn as ``mode`` says: ``68 65 6C``, ``hel`` or ``68 65 6C | hel``."""
    if mode is DisplayMode.HEX:
        return format_hex(data)
    if mode is DisplayMode.TEXT:
        return plain_text(data, encoding)
    return f"{format_hex(data)} | {plain_text(data, encoding)}"


def hex_lines(data: bytes, per_line: int) -> list[str]:
    """``data`` as hex, ``per_line`` bytes a line (for tooltips)."""
    return [format_hex(data[i : i + per_line]) for i in range(0, len(data), per_line)]
