r"""How a log's DATA cell draws bytes: hex, text, or both side by side.

The chunk log and the message log draw their DATA column the same way; these are the
pieces they share. Text is decoded with :func:`codec.decode_segments`, so control
characters come out escaped (``\r\n``, ``\0``, ...) and every row stays one line.
"""

from __future__ import annotations

import enum

from netassistant.core.codec import decode_segments


class DisplayMode(enum.StrEnum):
    """How the DATA column draws a chunk's bytes."""

    HEX = "hex"
    TEXT = "text"
    BOTH = "both"  # "68 65 6C | hel"


def hex_text(data: bytes) -> str:
    """Return ``codec.format_hex(data)``, computed in C.

    format_hex joins the pairs in Python (~35 µs for a 512-byte preview); data() runs
    for every visible cell on every repaint, so the same text comes from bytes.hex().
    """
    return data.hex(" ").upper()


def plain_text(data: bytes, encoding: str) -> str:
    """``data`` decoded with ``encoding``, control characters and bad bytes escaped."""
    # Control characters escaped (\r\n, \0, ...) keep each row on one line.
    return "".join(text for text, _special in decode_segments(data, encoding))


def bytes_text(data: bytes, mode: DisplayMode, encoding: str) -> str:
    """``data`` drawn as ``mode`` says: ``68 65 6C``, ``hel`` or ``68 65 6C | hel``."""
    if mode is DisplayMode.HEX:
        return hex_text(data)
    if mode is DisplayMode.TEXT:
        return plain_text(data, encoding)
    return f"{hex_text(data)} | {plain_text(data, encoding)}"


def hex_lines(data: bytes, per_line: int) -> list[str]:
    """``data`` as hex, ``per_line`` bytes a line (for tooltips)."""
    return [hex_text(data[i : i + per_line]) for i in range(0, len(data), per_line)]
