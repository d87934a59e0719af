r"""Framing specs: what a framing is, and its spec string (``--frame``, ``SessionConfig.framing``).

Three framings exist:

* ``delimiter:\r\n`` (escapes ``\r \n \t \0 \xNN \\``) or ``delimiter-hex:0d0a``:
  every message ends with the delimiter. The hex form also takes ``:keep`` (keep the
  delimiter in the payload) and ``:max=N``.
* ``fixed:16``: every message is exactly that many bytes.
* ``length:!I`` (any single-integer :mod:`struct` format): a length header precedes each
  payload; options ``:incl`` (the length counts the header too) and ``:max=N``.
"""

from __future__ import annotations

import re
import struct

from netassistant.core.codec import EncodeError, EscapeError, escape, unescape
from netassistant.core.i18n import Text, translatable
from netassistant.core.records import FrozenRecord

DELIMITER = "delimiter"
FIXED = "fixed"
LENGTH = "length"

#: Largest payload a decoder accepts unless the spec says otherwise (1 MiB).
DEFAULT_MAX_LENGTH = 1048576
#: Largest size of a fixed-length frame.
MAX_FIXED_SIZE = 1048576
#: Largest ``max=`` a spec may set (1 GiB): a decoder may buffer that much per connection.
LARGEST_MAX_LENGTH = 1 << 30
#: Digits worth reading in a number: more than this is out of range whatever they say, and
#: int() of thousands of digits is slow (Python refuses more than 4300).
_MAX_DIGITS = 20

# One integer code with an optional byte-order prefix; repeat counts ("2H") are refused too,
# because a header must unpack to exactly one number.
_INT_FORMAT = re.compile(r"[@=<>!]?[bBhHiIlLqQnN]")


class FramingError(ValueError):
    """A framing spec, frame or payload that cannot be used; the message says why.

    ``args[0]`` is the message as a translatable :class:`~netassistant.core.i18n.Text`;
    ``str(exc)`` is its English text.
    """


def _unknown_kind(kind: str) -> Text:
    return Text("unknown framing {kind!r}; use delimiter:..., fixed:N or length:FMT", kind=kind)


def _check_int_format(fmt: str) -> None:
    message = Text("{fmt!r} is not a single integer struct format (try !I, <H or B)", fmt=fmt)
    if not isinstance(fmt, str) or not _INT_FORMAT.fullmatch(fmt):
        raise FramingError(message)
    try:
        struct.calcsize(fmt)
    except struct.error:
        # n/N exist only in native mode ("@" or no prefix).
        raise FramingError(message) from None


def _is_count(value: object, low: int, high: int) -> bool:
    # bool is an int subclass, but True is not a byte count.
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    return low <= value <= high


def _fixed_range() -> Text:
    return Text(
        "fixed length must be a whole number of bytes from 1 to {largest}", largest=MAX_FIXED_SIZE
    )


def _read_count(text: str, high: int) -> int | None:
    """``text`` as a whole number from 1 to ``high``, or None if it is anything else.

    Only ASCII digits count: no sign, no spaces inside, no ``1e6``, ``0x10``, ``nan`` or
    digits of other scripts, and no number of more than ``_MAX_DIGITS`` digits reaches int().
    """
    digits = text.lstrip("0")
    if not (text.isascii() and text.isdigit()) or len(digits) > _MAX_DIGITS:
        return None
    value = int(digits or "0")
    return value if 1 <= value <= high else None


def _shown(value: str) -> str:
    """``value`` cut short for an error message (a pasted megabyte stays out of it)."""
    return value if len(value) <= 24 else value[:20] + "…"


class FrameSpec(FrozenRecord):
    """How a byte stream is cut into messages.

    Attributes:
        kind: ``"delimiter"``, ``"fixed"`` or ``"length"``.
        delimiter: The bytes that end each message (delimiter framing).
        size: Bytes per message (fixed framing).
        fmt: :mod:`struct` format of the length header, one integer field (length framing).
        header_counted: The length value includes the header itself (length framing).
        max_length: Largest payload accepted (delimiter and length framing).
        keep_delimiter: Keep the delimiter at the end of each decoded payload.

    Raises:
        FramingError: On construction, if the fields the kind needs are unusable.
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "kind",
        "delimiter",
        "size",
        "fmt",
        "header_counted",
        "max_length",
        "keep_delimiter",
    )
    kind: str
    delimiter: bytes
    size: int
    fmt: str
    header_counted: bool
    max_length: int
    keep_delimiter: bool

    def __init__(
        self,
        kind: str,
        delimiter: bytes = b"",
        size: int = 0,
        fmt: str = "",
        header_counted: bool = False,
        max_length: int = DEFAULT_MAX_LENGTH,
        keep_delimiter: bool = False,
    ) -> None:
        self._fill(kind, delimiter, size, fmt, header_counted, max_length, keep_delimiter)
        self._check()

    def _check(self) -> None:
        # Validating here means decoders and encoders never meet a spec they cannot run.
        if self.kind == DELIMITER:
            if not self.delimiter:
                raise FramingError(Text("empty delimiter"))
        elif self.kind == FIXED:
            if not _is_count(self.size, 1, MAX_FIXED_SIZE):
                raise FramingError(_fixed_range())
        elif self.kind == LENGTH:
            _check_int_format(self.fmt)
        else:
            raise FramingError(_unknown_kind(str(self.kind)))
        if not _is_count(self.max_length, 1, LARGEST_MAX_LENGTH):
            raise FramingError(
                Text(
                    "max must be a whole number of bytes from 1 to {largest}",
                    largest=LARGEST_MAX_LENGTH,
                )
            )

    @property
    def header_size(self) -> int:
        """Size of the length header in bytes (0 unless length framing)."""
        return struct.calcsize(self.fmt) if self.kind == LENGTH else 0


# --- spec strings -----------------------------------------------------------------------------


def _delimiter(text: str) -> bytes:
    """The bytes of an escaped delimiter (``delimiter:`` specs), as :func:`codec.unescape`."""
    try:
        return unescape(text)
    except (EscapeError, EncodeError) as exc:
        # The codec's message already says where (in the delimiter) and what to write.
        raise FramingError(Text("delimiter: {problem}", problem=exc.args[0])) from None


def _parse_options(options: list[str], allowed: tuple[str, ...], unknown: str) -> dict[str, int]:
    """Parse ``flag`` and ``max=N`` options; returns {name: value}, flags as 1.

    ``unknown`` is the template (with ``{option}``) for an option not in ``allowed``.
    """
    found: dict[str, int] = {}
    for raw in options:
        option = raw.strip().lower()
        if not option:
            continue  # a stray trailing colon harms nobody
        if option in allowed:
            found[option] = 1
        elif option.startswith("max="):
            value = option[4:].strip()
            count = _read_count(value, LARGEST_MAX_LENGTH)
            if count is None:
                raise FramingError(
                    Text(
                        "max must be a whole number of bytes from 1 to {largest} (got {value!r})",
                        largest=LARGEST_MAX_LENGTH,
                        value=_shown(value),
                    )
                )
            found["max"] = count
        else:
            raise FramingError(Text(unknown, option=raw.strip()))
    return found


def parse_frame_spec(text: str) -> FrameSpec | None:
    r"""Parse a framing spec string.

    Args:
        text: ``""``/``"none"`` for raw chunks only, or ``delimiter:\r\n``,
            ``delimiter-hex:0d0a[:keep][:max=N]``, ``fixed:N`` or
            ``length:FMT[:incl][:max=N]``. Everything after ``delimiter:`` is the delimiter,
            spaces and colons included.

    Returns:
        The spec, or None for no framing.

    Raises:
        FramingError: If the text is not a valid spec; the message says what to write instead.
    """
    if text.strip().lower() in ("", "none"):
        return None
    head, _, rest = text.lstrip().partition(":")
    kind = head.strip().lower()
    if kind == DELIMITER:
        return FrameSpec(DELIMITER, delimiter=_delimiter(rest))
    if kind == "delimiter-hex":
        hex_text, *options = rest.split(":")
        hex_text = hex_text.strip()
        if not hex_text:
            raise FramingError(Text("empty delimiter"))
        try:
            delimiter = bytes.fromhex(hex_text)
        except ValueError:
            raise FramingError(
                Text(
                    "{hex!r} is not valid hex for a delimiter (two digits per byte, e.g. 0d0a)",
                    hex=hex_text,
                )
            ) from None
        unknown = translatable(
            "unknown option {option!r} for delimiter-hex framing; use keep or max=N"
        )
        found = _parse_options(options, ("keep",), unknown)
        return FrameSpec(
            DELIMITER,
            delimiter=delimiter,
            keep_delimiter=bool(found.get("keep")),
            max_length=found.get("max", DEFAULT_MAX_LENGTH),
        )
    if kind == FIXED:
        size = _read_count(rest.strip(), MAX_FIXED_SIZE)
        if size is None:
            raise FramingError(_fixed_range())
        return FrameSpec(FIXED, size=size)
    if kind == LENGTH:
        fmt, *options = rest.split(":")
        fmt = fmt.strip()
        if not fmt:
            raise FramingError(
                Text("length framing needs a struct format, e.g. length:!I or length:<H")
            )
        _check_int_format(fmt)
        unknown = translatable("unknown option {option!r} for length framing; use incl or max=N")
        found = _parse_options(options, ("incl",), unknown)
        return FrameSpec(
            LENGTH,
            fmt=fmt,
            header_counted=bool(found.get("incl")),
            max_length=found.get("max", DEFAULT_MAX_LENGTH),
        )
    raise FramingError(_unknown_kind(head.strip()))


def format_frame_spec(spec: FrameSpec | None) -> str:
    """Write a spec as the string :func:`parse_frame_spec` reads back to an equal spec.

    Only the fields the spec's kind uses are written.

    Args:
        spec: The spec, or None for no framing.

    Returns:
        The spec string; ``""`` for None.
    """
    if spec is None:
        return ""
    max_option = "" if spec.max_length == DEFAULT_MAX_LENGTH else f":max={spec.max_length}"
    if spec.kind == DELIMITER:
        if spec.keep_delimiter or max_option:
            # Options need the hex form: the escaped form's delimiter may itself contain ":".
            keep = ":keep" if spec.keep_delimiter else ""
            return f"delimiter-hex:{spec.delimiter.hex()}{keep}{max_option}"
        return f"delimiter:{escape(spec.delimiter)}"
    if spec.kind == FIXED:
        return f"fixed:{spec.size}"
    incl = ":incl" if spec.header_counted else ""
    return f"length:{spec.fmt}{incl}{max_option}"
