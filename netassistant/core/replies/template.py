r"""Reply templates: the bytes a reply rule sends, with placeholders filled in.

A template is the user's text (or hex digits) with placeholders in braces:

===================  =========================================================
``{1}``, ``{name}``  a capture of the rule's match (bytes, as received); a name the
                     match has no group for stays as typed
``{data}``           the whole received chunk or message (an echo)
``{len}``            its length in bytes, in decimal
``{n}``              how often this rule fired, counting this reply (1, 2, ...)
``{time}``           local time ``HH:MM:SS``; ``{date}`` ``YYYY-MM-DD``;
                     ``{datetime}`` both; ``{unixtime}`` seconds since 1970
``{random:N}``       a random whole number from 0 to N-1 (N up to 2**32)
``{uuid}``           a random UUID (36 characters)
``{hex:01 02 ff}``   these bytes
``{checksum:NAME}``  the checksum NAME (``crc16-modbus``...) of every byte before it
===================  =========================================================

Anything else in braces is literal text, so templates written for the old single rule
(and JSON in a reply) keep working. The template is parsed once, when the rule is checked;
received bytes are only copied into the reply (never parsed, evaluated or used as a
format string).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from netassistant.core.codec import EncodeError, EscapeError, HexError, encode_text, parse_hex
from netassistant.core.i18n import Text, text

if TYPE_CHECKING:
    import datetime as _dt

#: The placeholders, for the GUI's hint.
PLACEHOLDERS: tuple[str, ...] = (
    "{1}",
    "{name}",
    "{data}",
    "{len}",
    "{n}",
    "{time}",
    "{date}",
    "{datetime}",
    "{unixtime}",
    "{random:N}",
    "{uuid}",
    "{hex:..}",
    "{checksum:NAME}",
)
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*|[0-9]{1,2})(?::([^{}]*))?\}")
_CLOCK = {"time": "%H:%M:%S", "date": "%Y-%m-%d", "datetime": "%Y-%m-%d %H:%M:%S"}
MAX_RANDOM = 2**32


class TemplateError(ValueError):
    """A template that cannot be used; ``args[0]`` is the translatable message.

    Attributes:
        position: 0-based index into the template where the problem is, or -1.
    """

    def __init__(self, message: str, position: int = -1) -> None:
        super().__init__(message)
        self.position = position


@dataclass(frozen=True, slots=True)
class Context:
    """What a reply is made from.

    Attributes:
        data: The received chunk or message.
        groups: The match's numbered captures (``groups[0]`` is capture 1); None: absent.
        named: The match's named captures.
        count: How often the rule fired, counting this reply.
        now: The moment of the reply.
    """

    data: bytes
    groups: Sequence[bytes | None] = ()
    named: dict[str, bytes | None] | None = None
    count: int = 1
    now: _dt.datetime | None = None


# A part is either fixed bytes or a function of the context and the bytes made so far.
_Part = bytes | Callable[[Context, bytes], bytes]


class ReplyTemplate:
    """A parsed template; :meth:`render` makes the bytes of one reply.

    Attributes:
        source: The template as typed.
        captures: Capture numbers the template uses.
        names: Capture names (or unknown words) the template uses.
    """

    def __init__(
        self, source: str, *, hex_mode: bool = False, encoding: str = "utf-8", escapes: bool = False
    ) -> None:
        r"""Parse ``source``.

        Args:
            source: The template.
            hex_mode: The literal parts are hex digits, not text.
            encoding: Codec for text parts.
            escapes: Text parts understand ``\\r \\n \\t \\0 \\xNN \\\\``.

        Raises:
            TemplateError: bad hex or escape, text the encoding cannot represent, an
                unknown checksum, or a ``{random:N}`` without a usable N.
        """
        self.source = source
        self.captures: set[int] = set()
        self.names: set[str] = set()
        self._parts: list[_Part] = []
        self._hex = hex_mode
        self._encoding = encoding
        self._escapes = escapes
        position = 0
        for match in _PLACEHOLDER.finditer(source):
            part = self._placeholder(match)
            if part is None:
                continue  # literal text: kept with the text around it
            self._literal(source[position : match.start()], position)
            self._parts.append(part)
            position = match.end()
        self._literal(source[position:], position)
        self.fixed = all(isinstance(p, bytes) for p in self._parts)

    def _literal(self, chunk: str, offset: int) -> None:
        if not chunk:
            return
        try:
            if self._hex:
                data = parse_hex(chunk)
            else:
                data = encode_text(chunk, self._encoding, escapes=self._escapes)
        except (HexError, EscapeError, EncodeError) as exc:
            position = exc.position + offset if getattr(exc, "position", -1) >= 0 else -1
            raise TemplateError(exc.args[0], position) from None
        if data:
            self._parts.append(data)

    def _placeholder(self, match: re.Match[str]) -> Any:
        word, argument = match.group(1), match.group(2)
        if word.isdigit():
            if argument is not None:
                return None
            number = int(word)
            self.captures.add(number)
            return lambda ctx, _made: _capture(ctx.groups, number)
        if argument is None and word in _SIMPLE:
            return _SIMPLE[word]
        if argument is not None and word in _WITH_ARGUMENT:
            return _WITH_ARGUMENT[word](argument, match.start())
        if argument is None:
            # A named capture when the match has a group of that name; else the text as
            # typed (JSON such as {"a": 1} or {json} in a reply stays as it is).
            self.names.add(word)
            typed = b"" if self._hex else encode_text(match.group(), self._encoding)
            return lambda ctx, _made: _named(ctx, word, typed)
        return None

    def render(self, context: Context) -> bytes:
        """The reply's bytes for ``context``."""
        made = b""
        for part in self._parts:
            made += part if isinstance(part, bytes) else part(context, made)
        return made


def _named(context: Context, word: str, typed: bytes) -> bytes:
    named = context.named or {}
    return (named[word] or b"") if word in named else typed


def _capture(groups: Sequence[bytes | None], number: int) -> bytes:
    if number == 0 or number > len(groups):
        return b""
    return groups[number - 1] or b""


def _uuid4() -> bytes:
    """A random UUID as ASCII; uuid (and platform with it) loads only when a rule uses it."""
    import uuid

    return str(uuid.uuid4()).encode("ascii")


def _now(context: Context) -> _dt.datetime:
    if context.now is not None:
        return context.now
    import datetime as _dt  # what replies with a clock placeholder need

    return _dt.datetime.now()


def _clock(fmt: str) -> Callable[[Context, bytes], bytes]:
    return lambda ctx, _made: _now(ctx).strftime(fmt).encode("ascii")


_SIMPLE: dict[str, Callable[[Context, bytes], bytes]] = {
    "data": lambda ctx, _made: ctx.data,
    "len": lambda ctx, _made: str(len(ctx.data)).encode("ascii"),
    "n": lambda ctx, _made: str(ctx.count).encode("ascii"),
    "unixtime": lambda ctx, _made: str(int(_now(ctx).timestamp())).encode("ascii"),
    "uuid": lambda _ctx, _made: _uuid4(),
    **{name: _clock(fmt) for name, fmt in _CLOCK.items()},
}


def _random(argument: str, position: int) -> Callable[[Context, bytes], bytes]:
    if not argument.strip().isdigit() or not 1 <= int(argument) <= MAX_RANDOM:
        message = text(
            "{{random:N}} needs a whole number N from 1 to {limit}, not {value!r}",
            limit=MAX_RANDOM,
            value=argument,
        )
        raise TemplateError(message, position)
    bound = int(argument)
    import secrets  # what replies with a random placeholder need

    return lambda _ctx, _made: str(secrets.randbelow(bound)).encode("ascii")


def _hex(argument: str, position: int) -> Callable[[Context, bytes], bytes] | bytes:
    try:
        data = parse_hex(argument)
    except HexError as exc:
        raise TemplateError(Text("{{hex:...}}: {reason}", reason=exc.args[0]), position) from None
    return data


def _checksum(argument: str, position: int) -> Callable[[Context, bytes], bytes]:
    from netassistant.core.checksum import ALGORITHMS, checksum_bytes

    name, _, order = argument.partition(":")
    if name not in ALGORITHMS or order not in ("", "big", "little"):
        message = text(
            "{{checksum:NAME}}: unknown checksum {name!r}; choose one of {choices} "
            "(optionally :big or :little)",
            name=argument,
            choices=", ".join(sorted(ALGORITHMS)),
        )
        raise TemplateError(message, position)
    return lambda _ctx, made: checksum_bytes(name, made, order or None)


_WITH_ARGUMENT: dict[str, Callable[[str, int], Any]] = {
    "random": _random,
    "hex": _hex,
    "checksum": _checksum,
}
