"""Build bytes from a template's field values, and parse bytes back into them.

Why ``construct``: it is the maintained declarative binary library for Python (parse and
build from one description, so a field cannot be written one way and read another), and
it already knows the corner cases we would otherwise hand-roll: signed/unsigned integers
of every width in big, little and *native* order (the tutorials' ``struct.pack('i', n)``),
IEEE floats, and bit fields packed from the most significant bit (``BitStruct``). Its
own errors are terse (``struct '>B' error during building, given value 256``), so values
are checked first (:mod:`.values`) and refused in words; strings are encoded with Python's codecs
(construct's ``PaddedString`` knows only a few encodings, and GBK matters to our users).
The layout (which field is where, lengths computed over ranges, checksums via
:mod:`netassistant.core.checksum`, the byte span of every field for highlighting) is
ours, sequential and explicit, so a span always matches the bytes it came from.
``construct`` is imported at the first build or parse, never at start-up.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from typing import Any

from netassistant.core.i18n import Text, text
from netassistant.core.templates.checks import sizing_length
from netassistant.core.templates.model import (
    FLOAT_KINDS,
    INT_KINDS,
    Field,
    Template,
    TemplateError,
    int_range,
)
from netassistant.core.templates.values import coerce


class ValueProblems(TemplateError):
    """Values that cannot be built; ``problems`` maps each value key to why (in words)."""

    def __init__(self, problems: dict[str, Text]) -> None:
        first = next(iter(problems.values()))
        super().__init__(first)
        self.problems = problems


@dataclasses.dataclass(frozen=True, slots=True)
class FieldSpan:
    """Where one value sits in a parsed message.

    Attributes:
        key: The value key (the field name, or ``"field.bit"``).
        start: First byte offset.
        end: One past the last byte.
        value: The value read (int, float, hex text for bytes, str).
        shown: How to show it (the enum name with the number, hex, ...).
        ok: False for a checksum that does not match, or a length that disagrees.
    """

    key: str
    start: int
    end: int
    value: Any
    shown: str
    ok: bool = True


@dataclasses.dataclass(frozen=True, slots=True)
class Parsed:
    """A message parsed with a template.

    Attributes:
        spans: One per value, in wire order.
        extra: Bytes after the last field (0 when the template took them all).
    """

    spans: tuple[FieldSpan, ...]
    extra: int = 0

    @property
    def values(self) -> dict[str, Any]:
        """The values by key (what :func:`build` takes back)."""
        return {s.key: s.value for s in self.spans}

    def key_at(self, offset: int) -> str | None:
        """The value key the byte at ``offset`` belongs to (the first, for bits)."""
        for s in self.spans:
            if s.start <= offset < s.end:
                return s.key
        return None


# ---------------------------------------------------------------- construct, lazily
_ENDIAN_CHARS = {"big": ">", "little": "<", "native": "="}
_INT_CHARS = {1: "b", 2: "h", 4: "l", 8: "q"}


@functools.cache
def _number_codec(kind: str, endian: str) -> Any:
    import construct

    if kind in FLOAT_KINDS:
        char = "f" if FLOAT_KINDS[kind] == 4 else "d"
    else:
        size, signed = INT_KINDS[kind]
        char = _INT_CHARS[size] if signed else _INT_CHARS[size].upper()
    return construct.FormatField(_ENDIAN_CHARS[endian], char)


def _bits_codec(f: Field) -> Any:
    import construct

    return construct.BitStruct(*(sub / construct.BitsInteger(width) for sub, width in f.bits))


# ---------------------------------------------------------------- build
def _encode(f: Field, values: dict[str, Any]) -> bytes:
    if f.kind == "bits":
        return bytes(_bits_codec(f).build({sub: values[f"{f.name}.{sub}"] for sub, _ in f.bits}))
    if f.kind in INT_KINDS or f.kind in FLOAT_KINDS:
        return bytes(_number_codec(f.kind, f.endian).build(values[f.name]))
    if f.kind == "bytes":
        return bytes.fromhex(values[f.name])
    data: bytes = values[f.name].encode(f.encoding)
    return data + b"\0" * (f.size - len(data)) if f.size else data


def build(template: Template, values: dict[str, Any] | None = None) -> bytes:
    """The message's bytes: given values over the defaults, lengths and checksums computed.

    Raises:
        ValueProblems: Values that do not fit (all of them, each with its reason).
    """
    given = template.defaults()
    given.update(values or {})
    problems: dict[str, Text] = {}
    clean: dict[str, Any] = {}
    for f in template.fields:
        if f.computed:
            continue
        for key in f.value_names:
            try:
                clean[key] = coerce(f, key, given[key])
            except TemplateError as exc:
                problems[key] = exc.args[0]
    if problems:
        raise ValueProblems(problems)
    parts: list[bytes] = []
    for f in template.fields:
        size = f.fixed_size() if f.computed else None
        parts.append(b"\0" * size if size is not None else _encode(f, clean))
    for i, f in enumerate(template.fields):
        if f.role == "length":
            count = sum(len(parts[j]) for j in template.covered(f)) + f.adjust
            low, high = int_range(f.kind)
            if not low <= count <= high:
                raise ValueProblems(
                    {
                        f.name: text(
                            "{key}: the length {value} is out of range for {kind}",
                            key=f.name,
                            value=count,
                            kind=f.kind,
                        )
                    }
                )
            parts[i] = _encode(f, {f.name: count})
    for i, f in enumerate(template.fields):
        if f.kind == "checksum":
            parts[i] = _checksum(template, f, parts)
    return b"".join(parts)


def _checksum(template: Template, f: Field, parts: list[bytes]) -> bytes:
    from netassistant.core.checksum import checksum_bytes

    data = b"".join(parts[j] for j in template.covered(f))
    order = sys.byteorder if f.endian == "native" else f.endian
    return checksum_bytes(f.algorithm, data, order)


# ---------------------------------------------------------------- parse
def parse(template: Template, data: bytes) -> Parsed:
    """Read ``data`` field by field; lengths size the fields they cover, checksums are verified.

    Raises:
        TemplateError: The data is too short for the template (in words, with the field).
    """
    fields = template.fields
    parts: list[bytes] = []
    lengths: dict[str, int] = {}
    offset = 0
    for i, f in enumerate(fields):
        size = f.fixed_size()
        if size is None:
            size = _variable_size(template, i, lengths, len(data) - offset)
        if offset + size > len(data):
            raise TemplateError(
                text(
                    "the message ends inside field {name!r}: it needs {size} bytes at offset "
                    "{offset}, {left} are left",
                    name=f.name,
                    size=size,
                    offset=offset,
                    left=max(0, len(data) - offset),
                )
            )
        part = data[offset : offset + size]
        parts.append(part)
        if f.role == "length":
            lengths[f.name] = int(_number_codec(f.kind, f.endian).parse(part))
        offset += size
    spans: list[FieldSpan] = []
    start = 0
    for f, part in zip(fields, parts, strict=True):
        spans.extend(_spans(template, f, part, start, parts))
        start += len(part)
    return Parsed(tuple(spans), len(data) - offset)


def _variable_size(template: Template, index: int, lengths: dict[str, int], left: int) -> int:
    f = template.fields[index]
    length = sizing_length(template, index)
    if length is not None:
        others = sum(
            template.fields[j].fixed_size() or 0 for j in template.covered(length) if j != index
        )
        size = lengths[length.name] - length.adjust - others
        if size < 0:
            raise TemplateError(
                text(
                    "length {name!r} says {value}, too short for the fields it covers",
                    name=length.name,
                    value=lengths[length.name],
                )
            )
        return size
    after = sum(g.fixed_size() or 0 for g in template.fields[index + 1 :])
    if left < after:
        raise TemplateError(
            text("the message is too short for field {name!r} and the fields after it", name=f.name)
        )
    return left - after


def _spans(
    template: Template, f: Field, part: bytes, start: int, parts: list[bytes]
) -> list[FieldSpan]:
    end = start + len(part)
    if f.kind == "bits":
        got = _bits_codec(f).parse(part)
        return [
            FieldSpan(f"{f.name}.{sub}", start, end, int(got[sub]), str(int(got[sub])))
            for sub, _ in f.bits
        ]
    if f.kind in INT_KINDS:
        number = int(_number_codec(f.kind, f.endian).parse(part))
        names = {v: k for k, v in f.enum.items()}
        shown = f"{names[number]} ({number})" if number in names else str(number)
        ok = True
        if f.role == "length":
            covered = sum(len(parts[j]) for j in template.covered(f)) + f.adjust
            ok = covered == number
        return [FieldSpan(f.name, start, end, number, shown, ok)]
    if f.kind in FLOAT_KINDS:
        real = float(_number_codec(f.kind, f.endian).parse(part))
        return [FieldSpan(f.name, start, end, real, repr(real))]
    if f.kind == "string":
        raw = part.rstrip(b"\0") if f.size else part
        value = raw.decode(f.encoding, errors="replace")
        return [FieldSpan(f.name, start, end, value, value)]
    shown = part.hex(" ")
    ok = True
    if f.kind == "checksum":
        ok = _checksum(template, f, parts) == part
    return [FieldSpan(f.name, start, end, shown, shown, ok)]


def parse_stream(template: Template, data: bytes, limit: int = 256) -> Parsed:
    """Read ``data`` as messages one after another (a sticky chunk holds several).

    The spans of all of them, offsets from the start of ``data``; ``extra`` is what is
    left after the last whole message (or after ``limit`` messages). A message that ends
    early stops the reading there, unless it is the first (then the error is raised).

    Raises:
        TemplateError: Not even the first message fits, in words.
    """
    spans: list[FieldSpan] = []
    offset = 0
    for count in range(limit):
        try:
            one = parse(template, data[offset:])
        except TemplateError:
            if count == 0:
                raise
            break
        size = len(data) - offset - one.extra
        spans.extend(
            dataclasses.replace(s, start=s.start + offset, end=s.end + offset) for s in one.spans
        )
        offset += size
        if not one.extra or size == 0:
            break
    return Parsed(tuple(spans), len(data) - offset)
