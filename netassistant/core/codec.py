"""Turning the user's text into bytes and bytes into something to look at.

Everything here is a pure function of its arguments. Parse errors carry the
0-based ``position`` in the user's text, so a view can put the cursor on the
culprit, and their messages are written to be shown to the user as they are (``args[0]``
is the message as a translatable :class:`~netassistant.core.i18n.Text`).

Why over 400 lines: this is the one home of every bytes <-> text rule the user sees (hex
in and out, the escape syntax, encodings, dumps as C or Python literals); the send box,
framing, presets, the log and the CLI must agree on them to the character, and keeping
them side by side is what stops the copies that once drifted apart.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from functools import cache

from netassistant.core.i18n import Text

#: Text encodings in the order the GUI offers them.
ENCODINGS: tuple[str, ...] = ("utf-8", "gbk", "gb18030", "big5", "latin-1", "ascii")

_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
# Patterns and tables are made at first use (re caches compiled patterns): every session
# loads this module for its log lines, and a one-shot CLI send uses none of them
# (tests/benchmarks/cli_oneshot.py measures its start-up).
_HEX_TOKEN = r"[^\s,;]+"
_C_IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_]*"
# The escape syntax, in one place: "\r \n \t \0 \xNN \\" (the send box, --send, auto-reply
# text and framing delimiters all read it; escape() and escape_text() write it).
_CHAR_ESCAPES = {"r": "\r", "n": "\n", "t": "\t", "0": "\0", "\\": "\\"}


def _char_escapes_out() -> dict[int, str]:
    return {ord(char): f"\\{code}" for code, char in _CHAR_ESCAPES.items()}


@cache
def _control_escapes_out() -> dict[int, str]:
    r"""Every other C0 control character and DEL as \xNN; they are invisible or break a line."""
    return {**{c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F]}, **_char_escapes_out()}


@cache
def _byte_escapes_out() -> dict[int, str]:
    r"""escape()'s table: bytes as printable ASCII, so a byte outside 0x20-0x7E is \xNN too.

    Among raw bytes NUL reads best as one more \x00 (and saved framing specs have always
    said so).
    """
    return {
        **{c: f"\\x{c:02x}" for c in range(256) if not 0x20 <= c < 0x7F},
        **_char_escapes_out(),
        0: "\\x00",
    }


@cache
def _ascii_table() -> bytes:
    """One table serves printable_ascii() and the hexdump ASCII column."""
    return bytes(b if 0x20 <= b < 0x7F else ord(".") for b in range(256))


# decode_segments() needs to know which characters stood for undecodable bytes, but
# the stock error handlers either lose the byte value or (surrogateescape) cannot
# represent bytes below 0x80, which UTF-16 and friends can leave undecodable. This
# handler maps every undecodable byte b to the lone surrogate U+DC00+b instead; no
# codec in ENCODINGS can decode to a lone surrogate, so the mapping is unambiguous.
_SEGMENTS_ERRORS = "netassistant-segments"


def _mark_undecodable(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(chr(0xDC00 + b) for b in bad), exc.end


codecs.register_error(_SEGMENTS_ERRORS, _mark_undecodable)

_SPECIAL_RUN = "([\x00-\x1f\x7f-\x9f\udc00-\udcff]+)"


@cache
def _special_table() -> dict[int, str]:
    return {
        **{c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)]},
        **{0xDC00 + b: f"\\x{b:02x}" for b in range(256)},
        ord("\r"): "\\r",
        ord("\n"): "\\n",
        ord("\t"): "\\t",
        0: "\\0",
    }


class HexError(ValueError):
    """Text that is not a valid hex byte string.

    Attributes:
        position: 0-based index into the parsed text where the problem starts.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


class EscapeError(ValueError):
    """A backslash escape that :func:`encode_text` does not understand.

    Attributes:
        position: 0-based index of the offending backslash in the text.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


class EncodeError(ValueError):
    """A character that the chosen encoding cannot represent.

    Attributes:
        position: 0-based index of the character in the text.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


def _show_char(ch: str) -> str:
    # Quoting an invisible character (a zero-width space pasted from a web page, say)
    # would show the user '' and no clue; its code point is the useful part.
    return f"'{ch}'" if ch.isprintable() else f"U+{ord(ch):04X}"


def parse_hex(text: str) -> bytes:
    """Parse hex digits typed by a user.

    Tokens are separated by whitespace, commas or semicolons. Each token may start
    with ``0x``/``0X`` and must then hold an even number of hex digits, so
    ``01 02 0a``, ``01020A``, ``0x01,0x02`` and ``0x0102`` all work.

    Args:
        text: The user's text.

    Returns:
        The bytes; ``b""`` for empty or separator-only text.

    Raises:
        HexError: For a non-hex character, a token with an odd number of digits
            or a ``0x`` without digits; ``position`` points into ``text``.
    """
    digits: list[str] = []
    for match in re.finditer(_HEX_TOKEN, text):
        token, start = match.group(), match.start()
        body, body_start = token, start
        if token[:2] in ("0x", "0X"):
            body, body_start = token[2:], start + 2
            if not body:
                raise HexError(
                    Text(
                        "empty '{token}' prefix at position {position}", token=token, position=start
                    ),
                    start,
                )
        for offset, ch in enumerate(body):
            if ch not in _HEX_DIGITS:
                pos = body_start + offset
                message = Text(
                    "invalid hex character {char} at position {position}",
                    char=_show_char(ch),
                    position=pos,
                )
                raise HexError(message, pos)
        if len(body) % 2:
            message = Text(
                "odd number of hex digits in '{token}' at position {position}",
                token=token,
                position=start,
            )
            raise HexError(message, start)
        digits.append(body)
    return bytes.fromhex("".join(digits))


def format_hex(data: bytes, sep: str = " ", upper: bool = True) -> str:
    """Format bytes as hex pairs, e.g. ``01 02 0A``.

    Args:
        data: The bytes.
        sep: Text put between pairs (any length, may be empty).
        upper: Upper-case digits if true.

    Returns:
        The hex text; ``""`` for no data.
    """
    # Table views call this for every visible cell on every repaint, so the common case
    # (one non-letter separator) goes straight to hex(sep) of bytes, bytearray or
    # memoryview alike: ~30x faster than joining pairs in Python, and no copy.
    if sep == " " or (len(sep) == 1 and not sep.isalpha()):
        text = data.hex(sep)
    else:
        text = data.hex()
        if sep:
            text = sep.join(text[i : i + 2] for i in range(0, len(text), 2))
    return text.upper() if upper else text


def encode_text(text: str, encoding: str = "utf-8", escapes: bool = False) -> bytes:
    r"""Encode the user's text for sending.

    With ``escapes`` the backslash escapes ``\r \n \t \0 \\`` stand for those
    characters (encoded with ``encoding`` like the rest), and ``\xNN`` stands for
    the raw byte NN, whatever the encoding.

    Args:
        text: The user's text.
        encoding: A Python codec name.
        escapes: Interpret backslash escapes if true.

    Returns:
        The encoded bytes.

    Raises:
        EscapeError: For an unknown or incomplete escape (only with ``escapes``).
        EncodeError: For a character ``encoding`` cannot represent.
        LookupError: For an unknown encoding name, which is a programming error.
    """
    # The incremental encoder keeps state across pieces, so codecs with a BOM or
    # shift states (utf-16, iso-2022) stay correct when raw bytes are spliced in.
    encoder = codecs.getincrementalencoder(encoding)()
    out = bytearray()
    for start, piece in _split_escapes(text) if escapes else [(0, text)]:
        if isinstance(piece, bytes):
            out += piece
            continue
        try:
            out += encoder.encode(piece)
        except UnicodeEncodeError as exc:
            raise _encode_error(exc, start, encoding) from None
    out += encoder.encode("", final=True)
    return bytes(out)


def _encode_error(exc: UnicodeEncodeError, start: int, encoding: str) -> EncodeError:
    """The error for ``exc``, raised encoding a piece that starts at ``start`` in the text."""
    pos = start + exc.start
    message = Text(
        "character {char} at position {position} cannot be encoded as {encoding}",
        char=_show_char(exc.object[exc.start]),
        position=pos,
        encoding=encoding,
    )
    return EncodeError(message, pos)


def unescape(text: str) -> bytes:
    r"""Turn text with backslash escapes into bytes: the one reader of the escape syntax.

    ``\r \n \t \0 \\`` stand for those characters and ``\xNN`` for the byte NN; every other
    character becomes UTF-8. A lone surrogate from ``surrogateescape`` (a command-line
    argument that was not valid in the locale's encoding) gives back its raw byte.

    Args:
        text: The text, e.g. ``\r\n`` or ``END\x00``.

    Returns:
        The bytes.

    Raises:
        EscapeError: For an unknown or incomplete escape; ``position`` points at its backslash.
        EncodeError: For a character UTF-8 cannot encode (another lone surrogate).
    """
    out = bytearray()
    for start, piece in _split_escapes(text):
        if isinstance(piece, bytes):
            out += piece
            continue
        try:
            out += piece.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError as exc:
            raise _encode_error(exc, start, "utf-8") from None
    return bytes(out)


def escape(data: bytes) -> str:
    r"""Write bytes as printable ASCII that :func:`unescape` turns back into them.

    Printable ASCII stays, except the backslash (``\\``); ``\r \n \t`` are written so;
    every other byte is ``\xNN`` (NUL too), and so is a space at either end, so that
    trimming a settings field cannot lose it.

    Args:
        data: The bytes.

    Returns:
        The text; ``""`` for no data.
    """
    text = bytes(data).decode("latin-1").translate(_byte_escapes_out())
    if text.startswith(" "):
        text = "\\x20" + text[1:]
    if text.endswith(" "):
        text = text[:-1] + "\\x20"
    return text


def escape_text(text: str, keep: str = "") -> str:
    r"""Write text with escapes that :func:`encode_text` (with ``escapes``) reads back.

    The backslash becomes ``\\``; ``\r \n \t \0`` are written so and every other C0 control
    character and DEL as ``\xNN`` (the same byte in every ASCII-compatible encoding); all
    other characters stay as they are.

    Args:
        text: The text.
        keep: Control characters to leave as they are (e.g. ``"\n\t"`` for a text box that
            shows them).

    Returns:
        The escaped text.
    """
    table = _control_escapes_out()
    if keep:
        table = {c: out for c, out in table.items() if chr(c) not in keep}
    return text.translate(table)


def _split_escapes(text: str) -> list[tuple[int, str | bytes]]:
    """Split text into literal runs and escapes, each with its position in ``text``."""
    pieces: list[tuple[int, str | bytes]] = []
    run_start = 0
    pos = text.find("\\")
    while pos != -1:
        if pos > run_start:
            pieces.append((run_start, text[run_start:pos]))
        code = text[pos + 1 : pos + 2]
        if code == "x":
            hex_digits = text[pos + 2 : pos + 4]
            if len(hex_digits) < 2 or not set(hex_digits) <= _HEX_DIGITS:
                message = Text(
                    "incomplete \\x escape at position {position}; "
                    "write two hex digits, like \\x0d",
                    position=pos,
                )
                raise EscapeError(message, pos)
            pieces.append((pos, bytes.fromhex(hex_digits)))
            run_start = pos + 4
        elif code in _CHAR_ESCAPES:
            pieces.append((pos, _CHAR_ESCAPES[code]))
            run_start = pos + 2
        elif not code:
            message = Text(
                "lone '\\' at end of text at position {position}; write \\\\ for a backslash",
                position=pos,
            )
            raise EscapeError(message, pos)
        elif code.isprintable():
            message = Text(
                "bad escape '\\{code}' at position {position}; use \\r \\n \\t \\0 \\xNN or \\\\",
                code=code,
                position=pos,
            )
            raise EscapeError(message, pos)
        else:
            message = Text(
                "bad escape '\\' before {char} at position {position}; "
                "use \\r \\n \\t \\0 \\xNN or \\\\",
                char=_show_char(code),
                position=pos,
            )
            raise EscapeError(message, pos)
        pos = text.find("\\", run_start)
    if run_start < len(text):
        pieces.append((run_start, text[run_start:]))
    return pieces


def decode_text(data: bytes, encoding: str = "utf-8") -> str:
    r"""Decode received bytes for display; never fails on the data.

    Args:
        data: The bytes.
        encoding: A Python codec name.

    Returns:
        The text, with each undecodable byte shown as ``\xNN`` (lower-case hex).

    Raises:
        LookupError: For an unknown encoding name, which is a programming error.
    """
    return bytes(data).decode(encoding, errors="backslashreplace")


def decode_segments(data: bytes, encoding: str = "utf-8") -> list[tuple[str, bool]]:
    r"""Decode bytes into runs of ordinary text and marked-up special characters.

    Special runs hold control characters (Unicode category Cc: U+0000-U+001F and
    U+007F-U+009F) and undecodable bytes, drawn as ``\r``, ``\n``, ``\t``, ``\0``,
    or ``\xNN`` (the code point for other control characters, the raw byte value
    for undecodable bytes; lower-case hex). Adjacent runs of the same kind are
    merged, and no run is empty.

    The joined text, ``"".join(t for t, _ in segments)``, is therefore exactly
    :func:`decode_text` output with every control character replaced by its escape.
    The ``special`` flag is what tells an escaped byte from the same characters
    typed literally in the data.

    Args:
        data: The bytes.
        encoding: A Python codec name.

    Returns:
        ``(text, special)`` pairs in data order; ``[]`` for no data.

    Raises:
        LookupError: For an unknown encoding name, which is a programming error.
    """
    text = bytes(data).decode(encoding, errors=_SEGMENTS_ERRORS)
    if text.isprintable():
        # No control character (Cc) nor marked byte (a lone surrogate, Cs) in it: one run.
        return [(text, False)] if text else []
    # With one capturing group, split() alternates ordinary and special runs.
    parts = re.split(_SPECIAL_RUN, text)
    segments: list[tuple[str, bool]] = []
    table = _special_table()
    for index, part in enumerate(parts):
        if not part:
            continue
        special = index % 2 == 1
        segments.append((part.translate(table) if special else part, special))
    return segments


def printable_ascii(data: bytes) -> str:
    """Show bytes as ASCII, with every byte outside 0x20-0x7E as ``.``.

    Args:
        data: The bytes.

    Returns:
        One character per byte.
    """
    return bytes(data).translate(_ascii_table()).decode("ascii")


def hexdump(data: bytes, width: int = 16) -> str:
    r"""Format bytes like ``hexdump -Cv``, without the final offset line.

    Each line holds an 8-digit hex offset, two spaces, the bytes in lower-case hex
    with an extra space after every 8th, and ``|ascii|``. The last line is padded
    so its ASCII column lines up. Repeated lines are not collapsed into ``*``.

    Args:
        data: The bytes.
        width: Bytes per line (at least 1).

    Returns:
        Lines joined by ``\\n`` with no trailing newline; ``""`` for no data.

    Raises:
        ValueError: If ``width`` is less than 1.
    """
    if width < 1:
        raise ValueError(f"hexdump width must be at least 1, not {width}")
    data = bytes(data)
    hex_width = 3 * width - 1 + (width - 1) // 8
    lines = []
    for offset in range(0, len(data), width):
        row = data[offset : offset + width]
        groups = (row[i : i + 8].hex(" ") for i in range(0, len(row), 8))
        hex_column = "  ".join(groups).ljust(hex_width)
        lines.append(f"{offset:08x}  {hex_column}  |{printable_ascii(row)}|")
    return "\n".join(lines)


def to_c_array(data: bytes, name: str = "data") -> str:
    """Format bytes as a C array definition, 12 bytes per line.

    Empty data gives ``unsigned char data[0] = {};``, which only GNU C and C23
    accept; standard C has no spelling for an empty array.

    Args:
        data: The bytes.
        name: The C identifier for the array.

    Returns:
        The definition, ending in ``};`` with no trailing newline.

    Raises:
        ValueError: If ``name`` is not a C identifier.
    """
    if not re.fullmatch(_C_IDENTIFIER, name):
        raise ValueError(f"{name!r} is not a C identifier")
    data = bytes(data)
    if not data:
        return f"unsigned char {name}[0] = {{}};"
    rows = (
        "    " + ", ".join(f"0x{b:02x}" for b in data[i : i + 12]) for i in range(0, len(data), 12)
    )
    body = ",\n".join(rows)
    return f"unsigned char {name}[{len(data)}] = {{\n{body}\n}};"


def to_python_bytes(data: bytes) -> str:
    """Format bytes as a Python bytes literal that ``eval()`` turns back into them.

    Args:
        data: The bytes.

    Returns:
        The literal, as ``repr(bytes(data))`` writes it.
    """
    return repr(bytes(data))


_FORMATTERS: dict[str, Callable[[bytes], str]] = {
    "hex": format_hex,
    "text": decode_text,
    "hexdump": hexdump,
    "c": to_c_array,
    "python": to_python_bytes,
}

#: Names accepted by :func:`format_as`, in the order the GUI offers them.
FORMATS: tuple[str, ...] = tuple(_FORMATTERS)


def format_as(data: bytes, fmt: str) -> str:
    """Format bytes in one of the :data:`FORMATS` with its default options.

    Args:
        data: The bytes.
        fmt: ``hex``, ``text`` (UTF-8), ``hexdump``, ``c`` or ``python``.

    Returns:
        The formatted text.

    Raises:
        ValueError: For an unknown format name.
    """
    try:
        formatter = _FORMATTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return formatter(data)
