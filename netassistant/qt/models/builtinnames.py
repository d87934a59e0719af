"""The built-in profiles' and templates' names and descriptions, translated when shown.

The stored name stays English (``netassistant-cli --profile "Echo server"`` and saved
panes keep working in every language); only what is drawn is translated, in the
``BuiltinProfile`` context. The texts are listed here because lupdate does not read the
profiles' JSON files; a test checks the list against ``resources/profiles``.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from netassistant.core.profiles.model import Profile

_CONTEXT: Final = "BuiltinProfile"

#: Every built-in profile's name and description, as stored.
# One line per text, unwrapped, so lupdate and a reader see each whole.
# fmt: off
BUILTIN_TEXTS: Final = frozenset((
    QT_TRANSLATE_NOOP("BuiltinProfile", "Echo server"),
    QT_TRANSLATE_NOOP("BuiltinProfile", "Chat server"),
    QT_TRANSLATE_NOOP("BuiltinProfile", "Chat client"),
    QT_TRANSLATE_NOOP("BuiltinProfile", "UDP chat A"),
    QT_TRANSLATE_NOOP("BuiltinProfile", "UDP chat B"),
    QT_TRANSLATE_NOOP("BuiltinProfile", "Time server"),
    QT_TRANSLATE_NOOP("BuiltinProfile", "Sticky-packet demo client"),
    QT_TRANSLATE_NOOP("BuiltinProfile", "Length-prefix server"),
    QT_TRANSLATE_NOOP("BuiltinProfile", "Length-prefix client"),
    QT_TRANSLATE_NOOP("BuiltinProfile", "TCP server on 127.0.0.1:9000 that sends every received chunk straight back."),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinProfile", "TCP chat, server side: start it first, then connect the Chat client and type to each other."),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinProfile", "TCP chat, client side: connects to the Chat server on 127.0.0.1:9001."),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinProfile", "UDP peer bound to 127.0.0.1:9002 that sends datagrams to UDP chat B on port 9003."),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinProfile", "UDP peer bound to 127.0.0.1:9003 that sends datagrams to UDP chat A on port 9002."),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinProfile", "TCP server on 127.0.0.1:9004 with a reply rule: a message matching \"time\" is answered with the current time."),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinProfile", "Sends \"hello\" 10 times in one burst to the Echo server: watch the small sends arrive merged into fewer chunks."),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinProfile", "TCP server on 127.0.0.1:9005 that splits the stream into messages by a 4-byte big-endian length header."),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinProfile", "TCP client to 127.0.0.1:9005 that puts a 4-byte big-endian length header before every message it sends."),  # noqa: E501
))
# fmt: on


#: Every built-in packet template's name and description (core/templates/builtin.py).
# fmt: off
BUILTIN_TEMPLATE_TEXTS: Final = frozenset((
    QT_TRANSLATE_NOOP("BuiltinTemplate", "struct header message"),
    QT_TRANSLATE_NOOP("BuiltinTemplate", "struct.pack('i', len(data)) + data, as in the socket tutorials"),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinTemplate", "Modbus/TCP read holding registers request"),
    QT_TRANSLATE_NOOP("BuiltinTemplate", "MBAP header, then function 3, the first register and how many"),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinTemplate", "Modbus/TCP read holding registers response"),
    QT_TRANSLATE_NOOP("BuiltinTemplate", "MBAP header, then function 3, a byte count and the registers' values"),  # noqa: E501
    QT_TRANSLATE_NOOP("BuiltinTemplate", "length + type + payload + CRC-16"),
    QT_TRANSLATE_NOOP("BuiltinTemplate", "a 2-byte length of type and payload, then CRC-16/MODBUS (low byte first) of it all"),  # noqa: E501
))
# fmt: on


def shown_template_text(text: str) -> str:
    """``text`` translated if it is a built-in template's name or description.

    Like a profile's, a template's stored name stays English: packets and profiles refer
    to templates by it in every language.
    """
    if text in BUILTIN_TEMPLATE_TEXTS:
        return QCoreApplication.translate("BuiltinTemplate", text)
    return text


def shown_text(text: str) -> str:
    """``text`` translated if it is a built-in profile's name or description."""
    if text in BUILTIN_TEXTS:
        return QCoreApplication.translate(_CONTEXT, text)
    return text


def shown_name(profile: Profile) -> str:
    """The profile's name as shown: translated for a built-in."""
    return shown_text(profile.name) if profile.builtin else profile.name


def shown_description(profile: Profile) -> str:
    """The profile's description as shown: translated for a built-in."""
    return shown_text(profile.description) if profile.builtin else profile.description
