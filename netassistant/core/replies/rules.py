r"""Reply rules: the device simulator's ordered list of "when this arrives, send that".

A :class:`ReplyRule` matches a received chunk (one ``recv()``) or a decoded message (with
framing set) by exact bytes, prefix, contains, a hex pattern with wildcards
(``01 ?? 03``; each ``??`` and ``*`` is a capture) or a regular expression with captures,
and answers with a :class:`~netassistant.core.replies.template.ReplyTemplate`, optionally
after a delay. :class:`~netassistant.core.replies.ruleset.ReplyRules` holds the list.

Regular expressions and hex patterns run on RE2 (:mod:`netassistant.core.userregex`), in
time linear in the data, so no rule can freeze the session. Received bytes are only
compared, searched and copied into replies; nothing received is executed, evaluated or
used as a format string.

Old profiles' single auto-reply rule becomes a one-rule list on load
(:mod:`netassistant.core.replies.migrate`).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from netassistant.core.codec import EncodeError, EscapeError, HexError, encode_text, parse_hex
from netassistant.core.i18n import Text, text, translatable
from netassistant.core.packets.model import TYPE_WORDS
from netassistant.core.replies.template import Context, ReplyTemplate, TemplateError
from netassistant.core.userregex import Regex, RegexError

if TYPE_CHECKING:
    import datetime as _dt

#: What a rule looks at: the raw chunk, or a message cut by the pane's framing.
SOURCES: tuple[str, ...] = ("chunk", "message")
#: How a rule matches, in the order the GUI offers them.
MATCH_KINDS: tuple[str, ...] = ("any", "exact", "prefix", "contains", "hex", "regex")
#: How the match text of exact/prefix/contains is read.
MATCH_FORMATS: tuple[str, ...] = ("text", "hex")
REPLY_FORMATS: tuple[str, ...] = ("text", "hex")
#: Longest delay: one minute (a simulator's slow device, not a scheduler).
MAX_DELAY_MS = 60_000
_KEYS = (
    "name",
    "enabled",
    "source",
    "match_kind",
    "match",
    "match_format",
    "reply",
    "reply_format",
    "encoding",
    "escapes",
    "delay_ms",
)


class RuleError(ValueError):
    """A rule that cannot run; ``args[0]`` is the translatable message.

    Attributes:
        index: The rule's position in its list (0-based), or -1.
        field: The field at fault (``"match"``, ``"reply"``...).
        position: 0-based index into that field's text, or -1.
    """

    def __init__(self, message: str, field: str, position: int = -1, index: int = -1) -> None:
        super().__init__(message)
        self.field = field
        self.position = position
        self.index = index


@dataclass(frozen=True, slots=True)
class _Compiled:
    needle: bytes
    pattern: Regex | None
    template: ReplyTemplate


@dataclass(frozen=True)
class ReplyRule:
    r"""One reply rule.

    Attributes:
        name: A label for the table ("" for none).
        enabled: A disabled rule never matches.
        source: ``"chunk"`` or ``"message"`` (needs framing on the pane).
        match_kind: ``any`` (every chunk), ``exact``, ``prefix``, ``contains``, ``hex``
            (a hex pattern, ``??`` one byte, ``*`` any bytes; the whole data must match)
            or ``regex`` (an RE2 search).
        match: The text, hex digits, hex pattern or regular expression.
        match_format: For exact/prefix/contains: ``text`` (encoded, with escapes if set)
            or ``hex``.
        reply: The reply template (see :mod:`netassistant.core.replies.template`).
        reply_format: ``text`` or ``hex`` (the template's literal parts are hex digits).
        encoding: Codec for text.
        escapes: ``\\r \\n \\t \\0 \\xNN \\\\`` in text match and reply.
        delay_ms: Wait this long before replying (on the engine's timers).
    """

    name: str = ""
    enabled: bool = True
    source: str = "chunk"
    match_kind: str = "any"
    match: str = ""
    match_format: str = "text"
    reply: str = "{data}"
    reply_format: str = "text"
    encoding: str = "utf-8"
    escapes: bool = False
    delay_ms: int = 0
    _compiled: list[_Compiled] = field(
        default_factory=list, init=False, repr=False, compare=False, hash=False
    )

    def validate(self) -> None:
        """Check that the rule can run.

        Raises:
            RuleError: naming the field at fault (and the position in it).
        """
        self._compile()

    def _compile(self) -> _Compiled:
        if self._compiled:
            return self._compiled[0]
        _check_choices(self)
        try:
            codecs.lookup(self.encoding)
        except LookupError:
            message = text("unknown encoding {encoding!r}", encoding=self.encoding)
            raise RuleError(message, "encoding") from None
        if not 0 <= self.delay_ms <= MAX_DELAY_MS:
            message = text("the delay must be 0 to {limit} ms", limit=MAX_DELAY_MS)
            raise RuleError(message, "delay_ms")
        needle, pattern = self._compile_match()
        try:
            template = ReplyTemplate(
                self.reply,
                hex_mode=self.reply_format == "hex",
                encoding=self.encoding,
                escapes=self.escapes,
            )
        except TemplateError as exc:
            raise RuleError(exc.args[0], "reply", exc.position) from None
        if not self.reply:
            raise RuleError(text("the reply is empty: enter what to send back"), "reply")
        compiled = _Compiled(needle, pattern, template)
        self._compiled.append(compiled)
        return compiled

    def _compile_match(self) -> tuple[bytes, Regex | None]:
        kind = self.match_kind
        if kind == "any":
            return b"", None
        if not self.match:
            raise RuleError(
                text("nothing to match: enter the bytes, pattern or expression to look for"),
                "match",
            )
        try:
            if kind == "regex":
                return b"", Regex(self.match, encode_text(self.match, self.encoding))
            if kind == "hex":
                return b"", Regex(self.match, hex_pattern(self.match))
            if self.match_format == "hex":
                return parse_hex(self.match), None
            return encode_text(self.match, self.encoding, escapes=self.escapes), None
        except (RegexError, HexError, EscapeError, EncodeError) as exc:
            raise RuleError(exc.args[0], "match", getattr(exc, "position", -1)) from None

    def match_data(self, data: bytes) -> tuple[Sequence[bytes | None], dict[str, Any]] | None:
        """Whether ``data`` matches: its captures (numbered, named), or None.

        Raises:
            RuleError: the rule is invalid (call :meth:`validate` first).
        """
        if not self.enabled:
            return None
        compiled = self._compile()
        kind = self.match_kind
        if compiled.pattern is not None:
            found = compiled.pattern.search(data)
            if found is None:
                return None
            # RE2 names the groups of a bytes pattern with bytes (Latin-1, as the pattern).
            named = {
                k.decode("latin-1") if isinstance(k, bytes) else k: v
                for k, v in found.groupdict().items()
            }
            return found.groups(), named
        needle = compiled.needle
        if kind == "any":
            hit = bool(data)
        elif kind == "exact":
            hit = data == needle
        elif kind == "prefix":
            hit = data.startswith(needle)
        else:
            hit = needle in data
        return ((), {}) if hit else None

    def render(
        self,
        data: bytes,
        match: tuple[Sequence[bytes | None], dict[str, Any]],
        count: int,
        now: _dt.datetime | None = None,
    ) -> bytes:
        """The reply for ``data`` matched with ``match`` (the rule's ``count``-th reply)."""
        groups, named = match
        context = Context(data, groups, named, count, now)
        return self._compile().template.render(context)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; every field written, in a fixed order."""
        return {key: getattr(self, key) for key in _KEYS}

    @classmethod
    def from_dict(cls, data: Any) -> ReplyRule:
        """A rule from its dict; missing keys take defaults (texts are not checked).

        Raises:
            RuleError: not a dict, an unknown key, a wrong type or an unknown choice.
        """
        if not isinstance(data, Mapping):
            message = text("a rule must be an object, not {type}", type=type(data).__name__)
            raise RuleError(message, "rule")
        kwargs: dict[str, Any] = {}
        default = cls()
        for key, value in data.items():
            if key not in _KEYS:
                raise RuleError(text("unknown rule setting {key!r}", key=key), str(key))
            expected = type(getattr(default, key))
            if isinstance(value, bool) is not (expected is bool) or not isinstance(value, expected):
                message = text(
                    "rule setting {key} must be {kind}, not {value!r}",
                    key=key,
                    kind=TYPE_WORDS[expected],
                    value=value if not isinstance(value, str) else value[:40],
                )
                raise RuleError(message, key)
            kwargs[key] = value
        rule = cls(**kwargs)
        _check_choices(rule)
        return rule


_CHOICE_MESSAGES = {
    "source": translatable("unknown rule source {value!r}; use chunk or message"),
    "match_kind": translatable(
        "unknown match kind {value!r}; use any, exact, prefix, contains, hex or regex"
    ),
    "match_format": translatable("unknown match format {value!r}; use text or hex"),
    "reply_format": translatable("unknown reply format {value!r}; use text or hex"),
}


def _check_choices(rule: ReplyRule) -> None:
    for key, choices in (
        ("source", SOURCES),
        ("match_kind", MATCH_KINDS),
        ("match_format", MATCH_FORMATS),
        ("reply_format", REPLY_FORMATS),
    ):
        value = getattr(rule, key)
        if value not in choices:
            raise RuleError(Text(_CHOICE_MESSAGES[key], value=value), key)


_HEX_TOKEN = re.compile(r"\?\?|\*|[0-9A-Fa-f]{2}|\s+|,|0[xX]")


def hex_pattern(pattern: str) -> bytes:
    """A hex pattern (``01 ?? 03 *``) as an anchored RE2 bytes expression.

    ``??`` is one byte and ``*`` any number of bytes; each is a capture (``{1}``, ...).

    Raises:
        HexError: a character that is neither hex, ``??``, ``*`` nor a separator.
    """
    out = [b"\\A"]
    position = 0
    while position < len(pattern):
        token = _HEX_TOKEN.match(pattern, position)
        if token is None:
            message = text(
                "not a hex pattern at position {position}: {char!r} (use hex bytes, ?? for "
                "one byte, * for any bytes)",
                position=position + 1,
                char=pattern[position],
            )
            raise HexError(message, position)
        value = token.group()
        if value == "??":
            out.append(b"((?s:.))")
        elif value == "*":
            out.append(b"((?s:.*))")
        elif len(value) == 2 and value.lower() != "0x":
            out.append(b"\\x" + value.encode("ascii"))
        position = token.end()
    out.append(b"\\Z")
    return b"".join(out)
