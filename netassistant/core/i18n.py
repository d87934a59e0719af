"""User-facing messages that a front end can translate.

The core never imports Qt, yet its error and event messages reach Chinese users. A
message is therefore made with :func:`text` from an English *template* and named
values: the result is a plain ``str`` (the English sentence, so logs, JSON output and
tests see ordinary text) that also remembers its template and values. The window looks
the template up in its translations (context ``"core"``) and fills in the values; the
templates are listed for lupdate in :mod:`netassistant.qt.coremessages`.
"""

from __future__ import annotations

from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


class Text(str):
    """An English message that remembers how it was made.

    Attributes:
        template: The English template with ``{name}`` placeholders.
        values: The values filled in (a value may itself be a :class:`Text`).
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Text:
        """Fill ``template`` with ``values``."""
        made = super().__new__(cls, template.format(**values))
        made.template = template
        made.values = values
        return made

    def __reduce__(self) -> Any:
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, Any]) -> Text:
    return Text(template, **values)


def text(template: str, /, **values: Any) -> Text:
    """A translatable message: ``text("port {port} is in use", port=80)``."""
    return Text(template, **values)


def translatable(template: str) -> str:
    """Mark a template that is chosen before :func:`text` fills it (a table of sentences).

    Returns ``template`` unchanged; ``tools/core_messages.py`` lists its literal argument
    for translation, as it does the literal first argument of :func:`text`.
    """
    return template


def render(message: str, translate: Any) -> str:
    """``message`` in the user's language.

    Args:
        message: A :class:`Text` (translated) or any other string (returned as it is).
        translate: ``template -> translated template``; a missing translation returns the
            template itself.
    """
    if not isinstance(message, Text):
        return message
    values = {
        key: render(value, translate) if isinstance(value, Text) else value
        for key, value in message.values.items()
    }
    try:
        return str(translate(message.template)).format(**values)
    except (KeyError, IndexError, ValueError):
        # A broken translation must never hide the message: fall back to English.
        return str(message)
