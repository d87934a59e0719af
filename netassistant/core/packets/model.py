"""A saved packet: what to send (text or hex), how it is dressed, where it goes, notes.

A :class:`Packet` is a named send preset with more to it: its payload is a
:class:`~netassistant.core.profiles.model.SendPreset` (the same text/hex/escapes/encoding
rules as the send box and the preset bar), dressed on the way out by a
:class:`~netassistant.core.sending.formats.MessageFormat` (checksum, then frame), with
an optional UDP target and resend interval. A packet may instead be built from a packet
template (:mod:`netassistant.core.templates`) and field values: its payload is then built
at send time (lengths and checksums computed), and ``data``/``mode`` are not used.
:meth:`Packet.wire_bytes` gives the exact bytes that go out, so the window, the panel and
``--send-packet`` send the same thing.

:func:`packet_from_dict` checks a stored dict field by field (the library file and JSON
imports come from users and other programs); every error names the packet and the field.
"""

from __future__ import annotations

import codecs
import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from netassistant.core.i18n import Text, text
from netassistant.core.profiles.model import SendPreset
from netassistant.core.profiles.schema import MAX_NAME_LENGTH, PRESET_MODES

if TYPE_CHECKING:
    from netassistant.core.templates.model import Template

#: Which sessions a packet is meant for: any, stream sessions, or UDP.
KINDS: tuple[str, ...] = ("any", "tcp", "udp")
#: Longest payload text kept in a packet (a packet is typed or imported, not a file).
MAX_DATA_LENGTH = 1024 * 1024
#: Longest notes.
MAX_NOTES_LENGTH = 10_000
#: Longest resend interval: a day.
MAX_INTERVAL_MS = 86_400_000

_KEYS = (
    "name",
    "data",
    "mode",
    "encoding",
    "escapes",
    "append",
    "checksum",
    "checksum_order",
    "framing",
    "kind",
    "host",
    "port",
    "interval_ms",
    "notes",
)
#: Keys written only when the packet is built from a template.
_TEMPLATE_KEYS = ("template", "values")


class PacketError(ValueError):
    """A packet (or packet file) that cannot be used; the message says why.

    ``args[0]`` is a translatable :class:`~netassistant.core.i18n.Text`.

    Attributes:
        field: The packet field at fault (``"data"``, ``"port"``...), or None.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return str(self.args[0])


@dataclasses.dataclass(frozen=True, slots=True)
class Packet:
    r"""One named packet of the library.

    Attributes:
        name: Unique name (1..100 characters, no control characters).
        data: The payload as typed: text, or hex digits when ``mode == "hex"``.
        mode: ``"text"`` or ``"hex"``.
        encoding: Codec for text data.
        escapes: Text data: ``\\r \\n \\t \\0 \\xNN \\\\`` stand for those bytes.
        append: Text appended to the payload (``"\\r\\n"``), encoded as is.
        checksum: A checksum appended on send (a key of ``checksum.ALGORITHMS``) or "".
        checksum_order: ``"big"``, ``"little"`` or "" for the algorithm's own order.
        framing: A frame spec built around payload + checksum (``length:!H``) or "".
        kind: ``"any"``, ``"tcp"`` or ``"udp"``: which sessions the packet is meant for.
        host: UDP target host ("" for the session's remote address).
        port: UDP target port (0 for the session's remote port).
        interval_ms: Resend interval for "Repeat at its interval" and ``--send-packet``
            with ``--repeat`` (0: no interval of its own).
        notes: Free text for the user.
        template: The packet template the payload is built from (None: ``data`` is).
        values: The template's field values by key (missing ones take the defaults).
    """

    name: str
    data: str = ""
    mode: str = "text"
    encoding: str = "utf-8"
    escapes: bool = False
    append: str = ""
    checksum: str = ""
    checksum_order: str = ""
    framing: str = ""
    kind: str = "any"
    host: str = ""
    port: int = 0
    interval_ms: int = 0
    notes: str = ""
    template: Template | None = None
    values: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def payload(self) -> bytes:
        """The payload's bytes before checksum and frame.

        Raises:
            PacketError: bad hex, a bad escape, text the encoding cannot represent, or
                template values that do not fit.
        """
        if self.template is not None:
            return self._built()
        preset = SendPreset(
            self.name, self.data, self.mode, self.append, self.escapes, self.encoding
        )
        try:
            return preset.payload()
        except ValueError as exc:  # HexError, EscapeError and EncodeError are ValueErrors
            raise PacketError(
                Text("packet {name!r}: {reason}", name=self.name, reason=exc.args[0]), "data"
            ) from None

    def _built(self) -> bytes:
        from netassistant.core.templates.codec import build
        from netassistant.core.templates.model import TemplateError

        assert self.template is not None
        try:
            return build(self.template, dict(self.values))
        except TemplateError as exc:  # ValueProblems: the first value that does not fit
            raise PacketError(
                Text("packet {name!r}: {reason}", name=self.name, reason=exc.args[0]), "values"
            ) from None

    def wire_bytes(self) -> bytes:
        """The exact bytes one send of this packet puts on the wire.

        Raises:
            PacketError: the payload, checksum or framing cannot be used.
        """
        from netassistant.core.sending.formats import MessageFormat

        data = self.payload()
        fmt = MessageFormat(self.checksum, self.checksum_order or None, self._frame())
        if not fmt.active:
            return data
        try:
            return fmt.apply(data)
        except ValueError as exc:  # FramingError
            raise PacketError(
                Text("packet {name!r}: {reason}", name=self.name, reason=exc.args[0]), "framing"
            ) from None

    def _frame(self) -> Any:
        if not self.framing:
            return None
        from netassistant.core.framing import parse_frame_spec

        try:
            return parse_frame_spec(self.framing)
        except ValueError as exc:
            raise PacketError(
                Text("packet {name!r}: {reason}", name=self.name, reason=exc.args[0]), "framing"
            ) from None

    def validate(self) -> Packet:
        """Check every field and that the packet builds; returns self.

        Raises:
            PacketError: naming the field at fault.
        """
        packet_from_dict(self.to_dict())
        self.wire_bytes()
        return self

    @property
    def target(self) -> str:
        """``host:port`` for a UDP target, "" when the session's remote address is used."""
        if not self.host and not self.port:
            return ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the stored key order (every field written).

        ``template`` and ``values`` are written only for a template packet.
        """
        out = {key: getattr(self, key) for key in _KEYS}
        if self.template is not None:
            out["template"] = self.template.to_dict()
            out["values"] = dict(self.values)
        return out


def packet_from_dict(data: Any, where: str = "packet") -> Packet:
    """Check a stored packet dict and build the packet; missing keys take defaults.

    Args:
        data: The dict (from the library file or an import).
        where: How the error names the entry (``packets[3]``).

    Raises:
        PacketError: the first bad field, named (``packets[3].port: must be ...``).
    """
    if not isinstance(data, Mapping):
        raise PacketError(Text("{where}: must be a JSON object", where=where))
    for key in data:
        if key not in _KEYS and key not in _TEMPLATE_KEYS:
            raise PacketError(Text("{where}.{key}: unknown setting", where=where, key=key), key)
    kwargs: dict[str, Any] = {}
    for key in _KEYS:
        if key in data:
            kwargs[key] = data[key]
    if "name" not in kwargs:
        raise PacketError(Text("{where}.name: is missing", where=where), "name")
    defaults = Packet(name="x")
    for key, value in kwargs.items():
        expected = type(getattr(defaults, key))
        if isinstance(value, bool) is not (expected is bool) or not isinstance(value, expected):
            reason = Text(
                "must be {kind}, not {value}", kind=TYPE_WORDS[expected], value=_short(value)
            )
            raise PacketError(_at(where, key, reason), key)
    kwargs.update(_template_fields(data, where))
    packet = Packet(**kwargs)
    _check_fields(packet, where)
    return packet


#: Values of a template packet at most (a template has at most 256 fields; bits add some).
MAX_VALUES = 4096


def _template_fields(data: Mapping[str, Any], where: str) -> dict[str, Any]:
    """``template`` and ``values`` of a stored packet, checked (none when absent)."""
    raw, values = data.get("template"), data.get("values", {})
    if raw is None:
        if values:
            reason = text("values are given but there is no template to build them with")
            raise PacketError(_at(where, "values", reason), "values")
        return {}
    from netassistant.core.templates.model import Template, TemplateError
    from netassistant.core.templates.values import check_values

    try:
        template = Template.from_dict(raw)
    except (TemplateError, TypeError, ValueError) as exc:
        why: str = exc.args[0] if isinstance(exc, TemplateError) else str(exc)
        raise PacketError(_at(where, "template", why), "template") from None
    if not isinstance(values, Mapping) or len(values) > MAX_VALUES:
        reason = text("must be a JSON object of at most {limit} values", limit=MAX_VALUES)
        raise PacketError(_at(where, "values", reason), "values")
    known = set(template.value_names())
    for key, value in values.items():
        if key not in known:
            reason = Text(
                "{key!r} is not a field of template {template!r}", key=key, template=template.name
            )
            raise PacketError(_at(where, "values", reason), "values")
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            reason = Text(
                "{key}: must be a number or text, not {value}", key=key, value=_short(value)
            )
            raise PacketError(_at(where, "values", reason), "values")
    problems = check_values(template, dict(values))
    if problems:
        raise PacketError(_at(where, "values", next(iter(problems.values()))), "values")
    return {"template": template, "values": dict(values)}


#: How a field's expected type is named in messages (shared with the reply rules).
TYPE_WORDS = {str: text("text"), bool: text("true or false"), int: text("a whole number")}


def _at(where: str, key: str, reason: str) -> Text:
    return Text("{where}.{key}: {reason}", where=where, key=key, reason=reason)


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _check_fields(packet: Packet, where: str) -> None:
    name = packet.name
    if not name.strip() or len(name) > MAX_NAME_LENGTH or any(ord(c) < 32 for c in name):
        reason = Text(
            "must be 1 to {limit} characters without control characters", limit=MAX_NAME_LENGTH
        )
        raise PacketError(_at(where, "name", reason), "name")
    choices: tuple[tuple[str, str, tuple[str, ...]], ...] = (
        ("mode", packet.mode, PRESET_MODES),
        ("kind", packet.kind, KINDS),
        ("checksum_order", packet.checksum_order, ("", "big", "little")),
    )
    for key, value, allowed in choices:
        if value not in allowed:
            reason = Text(
                "{value!r} is not one of {choices}",
                value=value,
                choices=", ".join(repr(c) for c in allowed),
            )
            raise PacketError(_at(where, key, reason), key)
    if len(packet.data) > MAX_DATA_LENGTH:
        reason = Text("is longer than {limit} characters", limit=MAX_DATA_LENGTH)
        raise PacketError(_at(where, "data", reason), "data")
    if len(packet.notes) > MAX_NOTES_LENGTH:
        reason = Text("is longer than {limit} characters", limit=MAX_NOTES_LENGTH)
        raise PacketError(_at(where, "notes", reason), "notes")
    try:
        codecs.lookup(packet.encoding)
    except LookupError:
        reason = Text("unknown encoding {encoding!r}", encoding=packet.encoding)
        raise PacketError(_at(where, "encoding", reason), "encoding") from None
    if packet.checksum:
        from netassistant.core.checksum import ALGORITHMS

        if packet.checksum not in ALGORITHMS:
            reason = Text(
                "unknown checksum {name!r}; choose one of {choices}",
                name=packet.checksum,
                choices=", ".join(sorted(ALGORITHMS)),
            )
            raise PacketError(_at(where, "checksum", reason), "checksum")
    for key, number, high in (
        ("port", packet.port, 65535),
        ("interval_ms", packet.interval_ms, MAX_INTERVAL_MS),
    ):
        if not 0 <= number <= high:
            reason = Text("{value} is out of range {low}..{high}", value=number, low=0, high=high)
            raise PacketError(_at(where, key, reason), key)
