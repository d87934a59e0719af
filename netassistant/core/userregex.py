r"""A user's regular expression, run on RE2 so that no pattern can freeze the app.

Patterns typed by the user run on every received chunk. Python's ``re`` backtracks:
``(a+)+$`` on thirty ``a`` and a ``!`` takes over a minute (it froze the window for 68 s).
RE2 (PyPI ``google-re2``) matches in time linear in the data, whatever the pattern. It
has no backreferences, lookaround, atomic groups or possessive repeats; a pattern using
them is refused with a :class:`RegexError` naming the feature (and its position), so the
user sees what to change where the pattern is typed.

Patterns are bytes compiled as Latin-1, so like a Python bytes pattern they match byte by
byte; ``\\Z`` is accepted as Python spells it, and ``$`` also matches before a final
newline, as in Python. One difference is left: Python lets the pattern go on to consume
that final newline after ``$`` (``$\\n`` finds ``"x\\n"``); RE2 cannot look ahead, so
here text after ``$`` never matches, which is what such a pattern means to a reader.
"""

from __future__ import annotations

import re
from typing import Any

from netassistant.core.i18n import Text, translatable


class RegexError(ValueError):
    """A pattern that cannot be used; ``args[0]`` is the translatable message.

    Attributes:
        position: 0-based index into the typed pattern where the problem is, or -1.
    """

    def __init__(self, message: str, position: int = -1) -> None:
        super().__init__(message)
        self.position = position


class Regex:
    """A user's regular expression, compiled for RE2: searched in linear time, never backtracking.

    Attributes:
        source: The pattern's bytes (the user's text in the rule's encoding).
        compiled: The RE2 pattern (Latin-1: one byte is one character, like a bytes ``re``).
    """

    def __init__(self, typed: str, source: bytes) -> None:
        """Compile ``source``, the bytes of ``typed`` (used for error positions).

        Raises:
            RegexError: ``invalid regular expression: ...`` for a syntax error (as
                Python's ``re`` words it, with its position), or ``unsupported in
                auto-reply regular expressions: ...`` for what RE2 cannot run.
        """
        try:
            # Python's compiler only parses (it never searches, so it cannot hang): it
            # words syntax errors better than RE2 and knows where they are.
            re.compile(source)
        except re.error as exc:
            position = -1 if exc.pos is None else exc.pos
            message = Text("invalid regular expression: {error}", error=str(exc))
            raise RegexError(message, position) from None
        import re2  # at the first pattern: a window with no regex rule never loads RE2

        options = re2.Options()
        options.log_errors = False  # RE2 would print every refusal on stderr
        options.encoding = re2.Options.Encoding.LATIN1
        try:
            self.compiled = re2.compile(_ESCAPE.sub(_to_re2_escape, source), options)
        except re2.error as exc:
            raise _unsupported(typed, exc) from None
        self.source = source
        # Python's $ also matches before a final newline; RE2's only at the very end.
        self._dollar = b"$" in source

    def search(self, data: bytes) -> Any:
        """The first match in ``data`` (an RE2 match object, like ``re.Match``), or None."""
        found = self.compiled.search(data)
        if found is None and self._dollar and data.endswith(b"\n"):
            # Where Python's $ matched before the final newline, the match ends there and
            # does not use the newline: the same match exists in the data without it.
            found = self.compiled.search(data[:-1])
        return found

    def matches(self, data: bytes) -> bool:
        """True if the pattern occurs in ``data``."""
        return self.search(data) is not None


# One escape (a backslash and the byte after it) at a time, so a typed \\Z stays a backslash
# and a Z.
_ESCAPE = re.compile(rb"\\.", re.DOTALL)


def _to_re2_escape(escape: re.Match[bytes]) -> bytes:
    # Python's \Z (end of the data) is spelled \z in RE2; every other escape is the same.
    return b"\\z" if escape.group() == b"\\Z" else escape.group()


# What RE2 refuses that Python's re accepts: (token in RE2's message, token in the pattern,
# what to call it). The first entry whose two tokens are both present wins.
_UNSUPPORTED: tuple[tuple[str, str, str], ...] = (
    *((f"\\{n}", f"\\{n}", translatable("backreferences such as \\1")) for n in range(1, 10)),
    ("(?P", "(?P=", translatable("named backreferences (?P=name)")),
    ("(?=", "(?=", translatable("lookahead (?=...) and (?!...)")),
    ("(?!", "(?!", translatable("lookahead (?=...) and (?!...)")),
    ("(?<=", "(?<=", translatable("lookbehind (?<=...) and (?<!...)")),
    ("(?<!", "(?<!", translatable("lookbehind (?<=...) and (?<!...)")),
    ("(?>", "(?>", translatable("atomic groups (?>...)")),
    ("(?(", "(?(", translatable("conditional groups (?(1)...|...)")),
    ("(?x", "(?x", translatable("verbose mode (?x)")),
    ("++", "++", translatable("possessive repeats such as a++ or a*+")),
    ("*+", "*+", translatable("possessive repeats such as a++ or a*+")),
    ("?+", "?+", translatable("possessive repeats such as a++ or a*+")),
    ("invalid repetition size", "{", translatable("repeat counts over 1000, such as {{1001}}")),
    (
        "invalid perl operator: (?",
        "(?",
        translatable(
            "this group or flag (RE2 knows (?:...), (?P<name>...), (?i), (?m), (?s) and (?U))"
        ),
    ),
)


def _unsupported(typed: str, exc: Exception) -> RegexError:
    raw = exc.args[0] if exc.args else b""
    detail = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    for in_message, in_pattern, what in _UNSUPPORTED:
        if in_message in detail and in_pattern in typed:
            message = Text(
                "unsupported in auto-reply regular expressions: {what} (auto-reply uses "
                "RE2, which never backtracks, so no pattern can freeze the session)",
                what=Text(what),
            )
            return RegexError(message, typed.find(in_pattern))
    message = Text(
        "unsupported in auto-reply regular expressions: {detail} (auto-reply uses RE2, "
        "which never backtracks, so no pattern can freeze the session)",
        detail=detail,
    )
    return RegexError(message)
