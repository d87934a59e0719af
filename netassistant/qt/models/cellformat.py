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


#: ASCII names of the control characters, for screens whose fonts lack control pictures.
_NAMES: Final = (
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "HT",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
)
_NAMED: Final = {
    **{f"\\x{code:02x}": f"\u2039{_NAMES[code]}\u203a" for code in range(0x20)},
    "\\x7f": "\u2039DEL\u203a",
    "\\r": "\u2039CR\u203a",
    "\\n": "\u2039LF\u203a",
    "\\t": "\u2039HT\u203a",
    "\\0": "\u2039NUL\u203a",
}
_style: dict[str, str] | None = None  # chosen on first use, see set_picture_style()


def set_picture_style(pictures: bool | None) -> None:
    """Draw control characters as pictures (``␍␊``) or as names (``‹CR›‹LF›``).

    None (the default) chooses on first use: pictures if a font on this screen has them
    (many Linux machines have none, and a missing glyph is an empty box that says
    nothing), names otherwise. Tests fix the style so their expectations hold anywhere.
    """
    global _style
    _style = None if pictures is None else (_PICTURES if pictures else _NAMED)


def _pictures_shown() -> bool:
    """Whether a font here can draw the control pictures (True without a GUI)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        return True
    return drawable("\u240d")  # ␍


def drawable(char: str) -> bool:
    """Whether Qt draws ``char`` with a real glyph in the app font, or a font it falls back to.

    One fallback lookup (~16 ms the first time), as drawing does: asking every installed
    family in turn (the first version) took 110 ms on a machine with none, and fell on
    the first repaint of the first data received.
    """
    from PySide6.QtGui import QGuiApplication, QTextLayout

    layout = QTextLayout(char, QGuiApplication.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    return bool(runs) and all(index != 0 for run in runs for index in run.glyphIndexes())


def _current_style() -> dict[str, str]:
    global _style
    if _style is None:
        _style = _PICTURES if _pictures_shown() else _NAMED
    return _style


def lf_mark() -> str:
    """How a line feed is drawn now; multi-line views break the line after it."""
    return _current_style()["\\n"]


def control_pictures(special: str) -> str:
    r"""A special run of :func:`codec.decode_segments` with control escapes drawn.

    ``"\\r\\n"`` becomes ``"␍␊"`` (or ``"‹CR›‹LF›"``, see :func:`set_picture_style`); an
    undecodable byte (``"\\xff"``) stays as it is.
    """
    style = _current_style()
    return _ESCAPE.sub(lambda match: style.get(match.group(), match.group()), special)


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
