"""Field values: what a user typed (or a program gave) checked and turned into a value.

Every value is checked here before ``construct`` sees it, so a value that does not fit is
refused in words ("unit: 300 is out of range for u8 (0 .. 255)") rather than with the
library's terse error; text typed in a grid is accepted as well as numbers (decimal,
``0x`` hex, enum names, hex bytes).
"""

from __future__ import annotations

import math
from typing import Any

from netassistant.core.i18n import Text, text
from netassistant.core.templates.model import (
    FLOAT_KINDS,
    INT_KINDS,
    Field,
    Template,
    TemplateError,
    int_range,
)


def coerce(f: Field, key: str, raw: Any) -> Any:
    """``raw`` (a number, or text typed in a grid) as the value ``f`` holds.

    Raises:
        TemplateError: The value does not fit, in words ("300 is out of range for u8 ...").
    """
    if f.kind == "bits":
        sub = key.split(".", 1)[1]
        width = dict(f.bits)[sub]
        number = _whole(key, raw, {})
        if not 0 <= number < (1 << width):
            raise TemplateError(
                text(
                    "{key}: {value} does not fit in {width} bits (0 .. {high})",
                    key=key,
                    value=number,
                    width=width,
                    high=(1 << width) - 1,
                )
            )
        return number
    if f.kind in INT_KINDS:
        number = _whole(key, raw, f.enum)
        low, high = int_range(f.kind)
        if not low <= number <= high:
            raise TemplateError(
                text(
                    "{key}: {value} is out of range for {kind} ({low} .. {high})",
                    key=key,
                    value=number,
                    kind=f.kind,
                    low=low,
                    high=high,
                )
            )
        return number
    if f.kind in FLOAT_KINDS:
        try:
            real = float(raw)
        except (TypeError, ValueError):
            raise TemplateError(
                text("{key}: {value!r} is not a number", key=key, value=raw)
            ) from None
        if f.kind == "f32" and math.isfinite(real) and abs(real) > 3.4028234663852886e38:
            raise TemplateError(
                text("{key}: {value} is too large for a 32-bit float", key=key, value=raw)
            )
        return real
    if f.kind == "bytes":
        data = _hex(key, raw)
        if f.size and len(data) != f.size:
            raise TemplateError(
                text(
                    "{key}: needs exactly {size} bytes, not {count}",
                    key=key,
                    size=f.size,
                    count=len(data),
                )
            )
        return data.hex(" ")
    if f.kind == "string":
        value = str(raw)
        try:
            data = value.encode(f.encoding)
        except UnicodeEncodeError:
            raise TemplateError(
                text(
                    "{key}: {value!r} cannot be written in {encoding}",
                    key=key,
                    value=value,
                    encoding=f.encoding,
                )
            ) from None
        if f.size and len(data) > f.size:
            raise TemplateError(
                text(
                    "{key}: {count} bytes do not fit in its {size}",
                    key=key,
                    count=len(data),
                    size=f.size,
                )
            )
        return value
    raise TemplateError(text("{key} is computed; it takes no value", key=key))


def _whole(key: str, raw: Any, enum: dict[str, int]) -> int:
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, int):
        return raw
    word = str(raw).strip()
    if word in enum:
        return enum[word]
    try:
        return int(word, 0)
    except ValueError:
        if enum:
            message = text(
                "{key}: {value!r} is not a whole number or one of {names}",
                key=key,
                value=raw,
                names=", ".join(enum),
            )
        else:
            message = text("{key}: {value!r} is not a whole number", key=key, value=raw)
        raise TemplateError(message) from None


def _hex(key: str, raw: Any) -> bytes:
    if isinstance(raw, bytes | bytearray):
        return bytes(raw)
    from netassistant.core.codec import HexError, parse_hex

    try:
        return parse_hex(str(raw))
    except HexError as exc:
        raise TemplateError(text("{key}: {error}", key=key, error=exc)) from None


def check_values(template: Template, values: dict[str, Any]) -> dict[str, Text]:
    """Why each given value cannot be built, by key (empty when all is well)."""
    problems: dict[str, Text] = {}
    for f in template.fields:
        if f.computed:
            continue
        for key in f.value_names:
            if key in values:
                try:
                    coerce(f, key, values[key])
                except TemplateError as exc:
                    problems[key] = exc.args[0]
    return problems
