"""What a packet template is: an ordered list of fields, as JSON-ready data.

A :class:`Template` is plain data (it is stored with the profiles and can travel in a
packet library as JSON); nothing here imports the binary library, so listing, loading
and validating templates costs no more than a dataclass. Building and parsing bytes live
in :mod:`.codec`.

Field kinds:

- integers ``u8 u16 u32 u64 i8 i16 i32 i64`` (``endian`` big, little or native), with
  optional ``enum`` names for values; ``role="length"`` makes one a length field whose
  value is computed: the byte count of the fields ``covers`` names (first, last;
  "" = from the start / to the end) plus ``adjust``;
- floats ``f32 f64``;
- ``bytes`` and ``string`` (``encoding``) of a fixed ``size``, or ``size=0``: variable,
  sized by a length field that covers it, else by the rest of the message;
- ``bits``: ``bits`` = ((name, width), ...) from the most significant bit, a whole number
  of bytes; their values are keyed ``"field.name"``;
- ``checksum``: ``algorithm`` (a :mod:`netassistant.core.checksum` name) computed over
  the fields ``covers`` names ("" = from the start / up to the checksum).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from netassistant.core.i18n import text

#: Integer kinds: (bytes, signed).
INT_KINDS: dict[str, tuple[int, bool]] = {
    "u8": (1, False),
    "u16": (2, False),
    "u32": (4, False),
    "u64": (8, False),
    "i8": (1, True),
    "i16": (2, True),
    "i32": (4, True),
    "i64": (8, True),
}
FLOAT_KINDS: dict[str, int] = {"f32": 4, "f64": 8}
KINDS: tuple[str, ...] = (*INT_KINDS, *FLOAT_KINDS, "bytes", "string", "bits", "checksum")
ENDIANS: tuple[str, ...] = ("big", "little", "native")
#: A fixed bytes/string field is at most this long (a template describes a frame).
MAX_SIZE = 65536
MAX_FIELDS = 256


class TemplateError(ValueError):
    """A template that does not describe a frame; ``args[0]`` is a translatable Text."""


def int_range(kind: str) -> tuple[int, int]:
    """The lowest and highest value of an integer kind."""
    size, signed = INT_KINDS[kind]
    bits = size * 8
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


@dataclasses.dataclass(frozen=True, slots=True)
class Field:
    """One field of a frame (see the module docstring for the kinds).

    Attributes:
        name: Unique within its template; what columns and the grid show.
        kind: One of :data:`KINDS`.
        endian: "big", "little" or "native" (this machine's order, like ``struct``'s).
        default: The value a new message starts with (hex text for ``bytes``).
        size: ``bytes``/``string``: fixed size in bytes, 0 = variable.
        encoding: ``string``: its text encoding.
        enum: Integer kinds: names for values (name -> value).
        bits: ``bits``: (name, width in bits) from the most significant bit.
        role: "" or "length" (an integer computed from ``covers``).
        covers: Length and checksum: first and last field of the range they cover.
        adjust: Length: added to the byte count.
        algorithm: ``checksum``: a name from :data:`netassistant.core.checksum.ALGORITHMS`.
    """

    name: str
    kind: str
    endian: str = "big"
    default: Any = None
    size: int = 0
    encoding: str = "utf-8"
    enum: dict[str, int] = dataclasses.field(default_factory=dict)
    bits: tuple[tuple[str, int], ...] = ()
    role: str = ""
    covers: tuple[str, str] = ("", "")
    adjust: int = 0
    algorithm: str = ""

    @property
    def computed(self) -> bool:
        """True for a length or checksum: its value comes from the other fields."""
        return self.role == "length" or self.kind == "checksum"

    @property
    def value_names(self) -> list[str]:
        """The keys of this field's values (``"flags.ack"`` for each bit of a bits field)."""
        if self.kind == "bits":
            return [f"{self.name}.{sub}" for sub, _ in self.bits]
        return [self.name]

    def fixed_size(self) -> int | None:
        """Bytes on the wire, or None for a variable bytes/string field."""
        if self.kind in INT_KINDS:
            return INT_KINDS[self.kind][0]
        if self.kind in FLOAT_KINDS:
            return FLOAT_KINDS[self.kind]
        if self.kind == "bits":
            return sum(width for _, width in self.bits) // 8
        if self.kind == "checksum":
            from netassistant.core.checksum import ALGORITHMS

            return ALGORITHMS[self.algorithm].width_bytes
        return self.size or None

    def initial(self) -> dict[str, Any]:
        """This field's starting values (its default, or zero / empty)."""
        if self.kind == "bits":
            given = self.default if isinstance(self.default, dict) else {}
            return {f"{self.name}.{sub}": int(given.get(sub, 0)) for sub, _ in self.bits}
        if self.default is not None:
            return {self.name: self.default}
        if self.kind in FLOAT_KINDS:
            return {self.name: 0.0}
        if self.kind == "bytes":
            return {self.name: "00" * self.size}
        if self.kind == "string":
            return {self.name: ""}
        return {self.name: 0}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, without the settings left at their defaults."""
        out: dict[str, Any] = {"name": self.name, "kind": self.kind}
        for f in dataclasses.fields(self)[2:]:
            value = getattr(self, f.name)
            default = f.default_factory() if callable(f.default_factory) else f.default
            if value != default:
                out[f.name] = [list(b) for b in value] if f.name == "bits" else value
        if "covers" in out:
            out["covers"] = list(self.covers)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Field:
        """The field from :meth:`to_dict`'s form (unknown keys are refused by name).

        Raises:
            TemplateError: A key that is not a field setting, or a value of the wrong type.
        """
        if not isinstance(data, dict):
            raise TemplateError(text("a field must be a JSON object, not {value!r}", value=data))
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise TemplateError(
                text(
                    "unknown field setting {key!r}; known: {known}",
                    key=unknown[0],
                    known=", ".join(sorted(known)),
                )
            )
        kw = dict(data)
        try:
            if "bits" in kw:
                kw["bits"] = tuple((str(n), int(w)) for n, w in kw["bits"])
            if "covers" in kw:
                first, last = kw["covers"]
                kw["covers"] = (str(first), str(last))
            if "enum" in kw:
                kw["enum"] = {str(k): int(v) for k, v in dict(kw["enum"]).items()}
        except (TypeError, ValueError):
            raise TemplateError(
                text("field {name!r}: bits, covers or enum is malformed", name=data.get("name"))
            ) from None
        return cls(**kw)


@dataclasses.dataclass(frozen=True, slots=True)
class Template:
    """A frame described as fields, in wire order.

    Attributes:
        name: What the user calls it.
        fields: The fields, in order.
        description: A line saying what it is for.
    """

    name: str
    fields: tuple[Field, ...]
    description: str = ""

    def __post_init__(self) -> None:
        from netassistant.core.templates.checks import check_template

        check_template(self)

    def field(self, name: str) -> Field:
        """The field called ``name``."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def index(self, name: str) -> int:
        """Position of the field called ``name``."""
        return [f.name for f in self.fields].index(name)

    def covered(self, f: Field) -> range:
        """Indexes of the fields a length or checksum field covers."""
        first, last = f.covers
        start = self.index(first) if first else 0
        if last:
            stop = self.index(last) + 1
        elif f.kind == "checksum":
            stop = self.index(f.name)
        else:
            stop = len(self.fields)
        return range(start, stop)

    def value_names(self) -> list[str]:
        """Every value key, in wire order (the message view's columns)."""
        return [key for f in self.fields for key in f.value_names]

    def defaults(self) -> dict[str, Any]:
        """The starting values of a new message."""
        out: dict[str, Any] = {}
        for f in self.fields:
            out.update(f.initial())
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (what profiles store)."""
        out: dict[str, Any] = {"name": self.name, "fields": [f.to_dict() for f in self.fields]}
        if self.description:
            out["description"] = self.description
        return out

    @classmethod
    def from_dict(cls, data: Any) -> Template:
        """A template from :meth:`to_dict`'s form.

        Raises:
            TemplateError: Malformed data, or fields that do not describe a frame.
        """
        if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
            raise TemplateError(text("a template must be a JSON object with a list of fields"))
        fields = tuple(Field.from_dict(f) for f in data["fields"])
        try:
            return cls(str(data.get("name", "")), fields, str(data.get("description", "")))
        except TypeError as exc:
            raise TemplateError(text("the template is malformed: {error}", error=exc)) from None
