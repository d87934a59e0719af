"""Auto-reply: answer received data without the user pressing Send.

A pane holds one :class:`AutoReplyRule`. ``echo`` sends every received chunk straight
back; ``match`` sends a fixed reply when a pattern occurs in a received chunk. Rules are
judged per chunk (one ``recv()``), as NetAssist does, so a pattern split across two
chunks by TCP does not match; put framing in front if that matters.

Regular expressions run on RE2 (:mod:`netassistant.core.userregex`), which matches in
time linear in the data, so no pattern can freeze the session; a rule using what RE2
cannot run (backreferences, lookaround, ...) is refused by :meth:`AutoReplyRule.validate`
with a message naming the feature.

Received bytes are only ever compared, searched or copied: nothing received is
executed, evaluated or used as a format string. Placeholders (``{time}``, ``{date}``,
``{datetime}``, ``{len}``) are substituted with plain ``str.replace`` on the user's
reply template alone.
"""

from __future__ import annotations

import codecs
import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from netassistant.core.codec import EncodeError, EscapeError, HexError, encode_text, parse_hex
from netassistant.core.i18n import Text, translatable
from netassistant.core.userregex import Regex, RegexError

ECHO = "echo"
MATCH = "match"
#: Rule modes, in the order the GUI offers them.
MODES: tuple[str, ...] = (ECHO, MATCH)
#: How ``match`` is read: text in the rule's encoding, hex bytes, or a regular expression.
MATCH_MODES: tuple[str, ...] = ("text", "hex", "regex")
#: How ``reply`` is read: text (with placeholders) or hex bytes.
REPLY_MODES: tuple[str, ...] = ("text", "hex")
#: Placeholders understood in a text reply, for the GUI's hint text.
PLACEHOLDERS: tuple[str, ...] = ("{time}", "{date}", "{datetime}", "{len}")

# Values for validate() to try the template with: the longest forms each placeholder takes.
_SAMPLE_VALUES = {"time": "00:00:00", "date": "2000-01-01", "datetime": "2000-01-01 00:00:00"}


class AutoReplyError(ValueError):
    """A rule that cannot be used; the message says why in plain words.

    ``args[0]`` is the message as a translatable :class:`~netassistant.core.i18n.Text`.

    Attributes:
        field: The rule field at fault (``"mode"``, ``"match"``, ``"reply"``, ...), so a
            form can highlight it.
        position: 0-based index into that field's text where the problem is, or -1.
    """

    def __init__(self, message: str, field: str, position: int = -1) -> None:
        super().__init__(message)
        self.field = field
        self.position = position


@dataclass(frozen=True)
class _Prepared:
    """A rule's texts turned into bytes and patterns once, on first use."""

    needle: bytes | None
    pattern: Regex | None
    reply: bytes | None  # fixed reply bytes, or None when the template has placeholders
    template: str  # text reply template (only used when ``reply`` is None)


@dataclass(frozen=True)
class AutoReplyRule:
    r"""One auto-reply rule.

    Attributes:
        mode: ``"echo"`` (send every received chunk back) or ``"match"``.
        match: What to look for (``match`` mode): text, hex digits or a regular expression.
        match_mode: ``"text"`` (substring of the encoded text), ``"hex"`` (byte substring)
            or ``"regex"`` (an RE2 search with a bytes pattern made from the text encoded
            with ``encoding``; see the module's notes).
        reply: What to send back (``match`` mode): text with placeholders, or hex digits.
        reply_mode: ``"text"`` or ``"hex"``.
        encoding: Codec for text fields.
        escapes: In text match and text reply, ``\\r \\n \\t \\0 \\xNN \\\\`` stand for
            those bytes (as in the send box).
    """

    mode: str = ECHO
    match: str = ""
    match_mode: str = "text"
    reply: str = ""
    reply_mode: str = "text"
    encoding: str = "utf-8"
    escapes: bool = False
    _prepared: list[_Prepared] = field(
        default_factory=list, init=False, repr=False, compare=False, hash=False
    )

    # -- checking -----------------------------------------------------------------------

    def validate(self) -> None:
        """Check that the rule can run.

        Raises:
            AutoReplyError: (a ValueError) for an unknown mode or encoding, an empty match
                or reply, bad hex (the codec's message), a bad escape, text the encoding
                cannot represent, an invalid regular expression
                (``invalid regular expression: ...``) or one using what RE2 does not
                support (``unsupported in auto-reply regular expressions: ...``).
        """
        self._prepare()

    def _prepare(self) -> _Prepared:
        # Frozen, so the cache is a one-slot list; a race only computes it twice.
        if self._prepared:
            return self._prepared[0]
        _check_choices(self)
        try:
            codecs.lookup(self.encoding)
        except LookupError:
            message = Text("unknown encoding {encoding!r}", encoding=self.encoding)
            raise AutoReplyError(message, "encoding") from None
        prepared = _Prepared(None, None, None, "")
        if self.mode == MATCH:
            prepared = _Prepared(*self._prepare_match(), *self._prepare_reply())
        self._prepared.append(prepared)
        return prepared

    def _prepare_match(self) -> tuple[bytes | None, Regex | None]:
        if not self.match:
            raise AutoReplyError(
                Text(
                    "nothing to match: enter the text, hex bytes or regular expression to look for"
                ),
                "match",
            )
        if self.match_mode == "hex":
            needle = _hex_field(self.match, "match")
            if not needle:
                raise AutoReplyError(Text("nothing to match: the hex field has no bytes"), "match")
            return needle, None
        if self.match_mode == "text":
            return self._encode(self.match, "match", self.escapes), None
        try:
            return None, Regex(self.match, self._encode(self.match, "match", False))
        except RegexError as exc:
            raise AutoReplyError(exc.args[0], "match", exc.position) from None

    def _prepare_reply(self) -> tuple[bytes | None, str]:
        if not self.reply:
            raise AutoReplyError(
                Text("the reply is empty: enter text or hex bytes to send"), "reply"
            )
        if self.reply_mode == "hex":
            reply = _hex_field(self.reply, "reply")
            if not reply:
                raise AutoReplyError(
                    Text("the reply is empty: the hex field has no bytes"), "reply"
                )
            return reply, ""
        if _has_placeholder(self.reply):
            # Try the template once with sample values, so a bad escape or a character the
            # encoding cannot represent is reported now, not on the first reply.
            self._encode(_fill(self.reply, dict(_SAMPLE_VALUES, len="0")), "reply", self.escapes)
            return None, self.reply
        return self._encode(self.reply, "reply", self.escapes), ""

    def _encode(self, text: str, field_name: str, escapes: bool) -> bytes:
        try:
            return encode_text(text, self.encoding, escapes=escapes)
        except (EncodeError, EscapeError) as exc:
            # With placeholders filled in the position may be off; the message still helps.
            raise AutoReplyError(exc.args[0], field_name, exc.position) from None

    # -- running ------------------------------------------------------------------------

    def reply_for(self, data: bytes, now: _dt.datetime | None = None) -> bytes | None:
        """Return the bytes to send back for one received chunk, or None for no reply.

        Args:
            data: The received chunk's bytes. They are searched and, in echo mode,
                returned as they are; they are never interpreted.
            now: Time for ``{time}``/``{date}``/``{datetime}``; local now if None.

        Returns:
            ``data`` itself (echo; None for empty data), the reply (a match), or None.

        Raises:
            AutoReplyError: If the rule is invalid (call :meth:`validate` first).
        """
        prepared = self._prepare()
        data = bytes(data)
        if self.mode == ECHO:
            return data or None
        if prepared.needle is not None:
            if prepared.needle not in data:
                return None
        elif prepared.pattern is not None and not prepared.pattern.matches(data):
            return None
        if prepared.reply is not None:
            return prepared.reply
        moment = now or _dt.datetime.now()
        values = {
            "time": moment.strftime("%H:%M:%S"),
            "date": moment.strftime("%Y-%m-%d"),
            "datetime": moment.strftime("%Y-%m-%d %H:%M:%S"),
            "len": str(len(data)),
        }
        return self._encode(_fill(prepared.template, values), "reply", self.escapes)

    #: The single rule only ever looks at raw chunks.
    wants_messages = False

    def replies(
        self, data: bytes, source: str, now: _dt.datetime | None = None
    ) -> list[tuple[bytes, float]]:
        """:meth:`reply_for` in the shape ``ReplyRules.replies`` has.

        Returns:
            ``[(reply, 0.0)]`` for a chunk the rule answers, else ``[]``.
        """
        if source != "chunk":
            return []
        reply = self.reply_for(data, now)
        return [] if reply is None else [(reply, 0.0)]

    # -- profiles -----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a JSON-ready dict, as profiles store it.

        Only what the mode uses is written, and ``reply_mode``, ``encoding`` and
        ``escapes`` only when they differ from their defaults, so
        ``from_dict(d).to_dict() == d`` for the built-in profiles.
        """
        if self.mode != MATCH:
            return {"mode": self.mode}
        data: dict[str, Any] = {
            "mode": self.mode,
            "match": self.match,
            "match_mode": self.match_mode,
            "reply": self.reply,
        }
        if self.reply_mode != "text":
            data["reply_mode"] = self.reply_mode
        if self.encoding != "utf-8":
            data["encoding"] = self.encoding
        if self.escapes:
            data["escapes"] = True
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AutoReplyRule:
        """Build a rule from a profile's ``auto_reply`` dict; missing keys take defaults.

        Unknown keys are ignored. The texts are not checked (a saved rule with a bad
        regular expression still loads, so the user can fix it); call :meth:`validate`.

        Raises:
            AutoReplyError: If ``data`` is not a dict, a field has the wrong type, or a
                mode is unknown.
        """
        if not isinstance(data, Mapping):
            message = Text("auto_reply must be an object, not {type}", type=type(data).__name__)
            raise AutoReplyError(message, "auto_reply")
        kwargs: dict[str, Any] = {}
        for name in ("mode", "match", "match_mode", "reply", "reply_mode", "encoding"):
            if name in data:
                value = data[name]
                if not isinstance(value, str):
                    message = Text(
                        "auto_reply {name} must be text, not {type}",
                        name=name,
                        type=type(value).__name__,
                    )
                    raise AutoReplyError(message, name)
                kwargs[name] = value
        if "escapes" in data:
            if not isinstance(data["escapes"], bool):
                raise AutoReplyError(Text("auto_reply escapes must be true or false"), "escapes")
            kwargs["escapes"] = data["escapes"]
        rule = cls(**kwargs)
        _check_choices(rule)
        return rule


# One whole sentence per field (the choices are spelled out as MODES etc. list them).
_UNKNOWN_CHOICE = {
    "mode": translatable("unknown auto-reply mode {value!r}; use echo or match"),
    "match_mode": translatable("unknown auto-reply match mode {value!r}; use text, hex or regex"),
    "reply_mode": translatable("unknown auto-reply reply mode {value!r}; use text or hex"),
}


def _check_choices(rule: AutoReplyRule) -> None:
    for name, value, choices in (
        ("mode", rule.mode, MODES),
        ("match_mode", rule.match_mode, MATCH_MODES),
        ("reply_mode", rule.reply_mode, REPLY_MODES),
    ):
        if value not in choices:
            raise AutoReplyError(Text(_UNKNOWN_CHOICE[name], value=value), name)


def _hex_field(text: str, field_name: str) -> bytes:
    try:
        return parse_hex(text)
    except HexError as exc:
        raise AutoReplyError(exc.args[0], field_name, exc.position) from None


def _has_placeholder(template: str) -> bool:
    return any(name in template for name in PLACEHOLDERS)


def _fill(template: str, values: Mapping[str, str]) -> str:
    # Plain replacement on the user's own template: no str.format, so braces in the
    # template are harmless, and no value (all digits, dashes, colons) contains a brace.
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template
