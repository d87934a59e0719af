r"""How a log's DATA cell draws bytes: hex, text, or both side by side.

The chunk log, the message log, the stream view and the chunk detail draw text the same
way; these are the pieces they share. Text is decoded with :func:`codec.decode_segments`
and its control characters are drawn as Unicode control pictures (CR LF as ``␍␊``, NUL
as ``␀``), so every row stays one line and a received CR LF never looks like the four
characters ``\\r\\n`` typed in the data. Undecodable bytes stay ``\\xNN``; views box
all special runs as well.
"""

from __future__ import annotations

import enum
import re
from typing import Final

from netassistant.core.codec import decode_segments, format_hex

#: Control pictures (U+2400 block) for the escapes decode_segments writes.
_PICTURES: Final = {
    **{f"\\x{code:02x}": chr(0x2400 + code) for code in range(0x20)},
    "\\x7f": "\u2421",  # ␡
    "\\r": "\u240d",  # ␍
    "\\n": "\u240a",  # ␊
    "\\t": "\u2409",  # ␉
    "\\0": "\u2400",  # ␀
}
_ESCAPE: Final = re.compile(r"\\(?:x[0-9a-f]{2}|[rnt0])")
#: The picture of a line feed, after which multi-line views break the line.
LF_PICTURE: Final = "\u240a"


def control_pictures(special: str) -> str:
    r"""A special run of :func:`codec.decode_segments` with control escapes as pictures.

    ``"\\r\\n"`` becomes ``"␍␊"``; an undecodable byte (``"\\xff"``) stays as it is.
    """
    return _ESCAPE.sub(lambda match: _PICTURES.get(match.group(), match.group()), special)


def display_segments(data: bytes, encoding: str) -> list[tuple[str, bool]]:
    """:func:`codec.decode_segments` of ``data`` with control characters as pictures."""
    return [
        (control_pictures(text) if special else text, special)
        for text, special in decode_segments(data, encoding)
    ]


class DisplayMode(enum.StrEnum):
    """How the DATA column draws a chunk's bytes."""

    HEX = "hex"
    TEXT = "text"
    BOTH = "both"  # "68 65 6C | hel"


def plain_text(data: bytes, encoding: str) -> str:
    """``data`` decoded with ``encoding``, control characters as pictures, bad bytes escaped."""
    # Control pictures (␍␊, ␀, ...) keep each row on one line.
    return "".join(text for text, _special in display_segments(data, encoding))


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
