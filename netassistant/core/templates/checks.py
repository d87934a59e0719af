"""Checks that a template describes a frame that can be both built and parsed.

Each rule says in words what is wrong and which field it is about, so the template editor
can show it next to the field and the CLI can print it.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from netassistant.core.i18n import text
from netassistant.core.templates.model import (
    ENDIANS,
    INT_KINDS,
    KINDS,
    MAX_FIELDS,
    MAX_SIZE,
    TemplateError,
)

if TYPE_CHECKING:
    from netassistant.core.templates.model import Field, Template


def check_template(template: Template) -> None:
    """Raise :class:`TemplateError` unless every field and the layout make sense."""
    if not template.fields:
        raise TemplateError(text("a template needs at least one field"))
    if len(template.fields) > MAX_FIELDS:
        raise TemplateError(
            text(
                "a template has at most {limit} fields, not {count}",
                limit=MAX_FIELDS,
                count=len(template.fields),
            )
        )
    seen: set[str] = set()
    for f in template.fields:
        check_field(f)
        if f.name in seen:
            raise TemplateError(text("two fields are called {name!r}", name=f.name))
        seen.add(f.name)
    for f in template.fields:
        if f.role == "length" or f.kind == "checksum":
            _check_range(template, f)
    _check_sizes(template)


def check_field(f: Field) -> None:
    """Raise :class:`TemplateError` for a field whose own settings are wrong."""
    if not isinstance(f.name, str) or not f.name or not f.name.isprintable() or "." in f.name:
        raise TemplateError(text("a field needs a name without dots, not {name!r}", name=f.name))
    if f.kind not in KINDS:
        raise TemplateError(
            text(
                "field {name!r}: unknown kind {kind!r}; choose one of {kinds}",
                name=f.name,
                kind=f.kind,
                kinds=", ".join(KINDS),
            )
        )
    if f.endian not in ENDIANS:
        raise TemplateError(
            text(
                "field {name!r}: the byte order must be big, little or native, not {endian!r}",
                name=f.name,
                endian=f.endian,
            )
        )
    if f.kind in ("bytes", "string") and not (isinstance(f.size, int) and 0 <= f.size <= MAX_SIZE):
        raise TemplateError(
            text(
                "field {name!r}: the size must be 0 (variable) .. {limit} bytes, not {size!r}",
                name=f.name,
                limit=MAX_SIZE,
                size=f.size,
            )
        )
    if f.kind == "string":
        try:
            codecs.lookup(f.encoding)
        except LookupError:
            raise TemplateError(
                text(
                    "field {name!r}: unknown encoding {encoding!r}",
                    name=f.name,
                    encoding=f.encoding,
                )
            ) from None
    if f.kind == "bits":
        widths = [w for _, w in f.bits]
        if not widths or any(w < 1 for w in widths) or sum(widths) % 8 or sum(widths) > 64:
            raise TemplateError(
                text("field {name!r}: bit widths must add up to 8, 16, 24 ... 64 bits", name=f.name)
            )
        subs = [s for s, _ in f.bits]
        if len(set(subs)) != len(subs) or not all(subs):
            raise TemplateError(text("field {name!r}: each bit needs its own name", name=f.name))
    if f.enum and f.kind not in INT_KINDS:
        raise TemplateError(text("field {name!r}: only integers have enum names", name=f.name))
    if f.role not in ("", "length"):
        raise TemplateError(
            text(
                "field {name!r}: the role must be '' or 'length', not {role!r}",
                name=f.name,
                role=f.role,
            )
        )
    if f.role == "length" and f.kind not in INT_KINDS:
        raise TemplateError(text("field {name!r}: a length must be an integer", name=f.name))
    if f.kind == "checksum":
        from netassistant.core.checksum import ALGORITHMS

        if f.algorithm not in ALGORITHMS:
            raise TemplateError(
                text(
                    "field {name!r}: unknown checksum {algorithm!r}; choose one of {names}",
                    name=f.name,
                    algorithm=f.algorithm,
                    names=", ".join(sorted(ALGORITHMS)),
                )
            )


def _check_range(template: Template, f: Field) -> None:
    names = [x.name for x in template.fields]
    for end in f.covers:
        if end and end not in names:
            raise TemplateError(
                text(
                    "field {name!r} covers {other!r}, which is not a field", name=f.name, other=end
                )
            )
    covered = template.covered(f)
    if not len(covered):
        raise TemplateError(text("field {name!r} covers no fields", name=f.name))
    if f.kind == "checksum" and template.index(f.name) in covered:
        raise TemplateError(text("checksum {name!r} cannot cover itself", name=f.name))


def _check_sizes(template: Template) -> None:
    """Every variable field must be sized: by a length before it, or as the only rest."""
    rest = 0
    for i, f in enumerate(template.fields):
        if f.fixed_size() is not None:
            continue
        length = sizing_length(template, i)
        if length is None:
            rest += 1
            if rest > 1:
                raise TemplateError(
                    text(
                        "field {name!r}: only one variable field can take the rest of the "
                        "message; give it a size or a length field",
                        name=f.name,
                    )
                )
            continue
        others = [template.fields[j] for j in template.covered(length) if j != i]
        if any(o.fixed_size() is None for o in others):
            raise TemplateError(
                text("length {name!r} covers more than one variable field", name=length.name)
            )


def sizing_length(template: Template, index: int) -> Field | None:
    """The nearest length field before field ``index`` that covers it (None: it takes the rest)."""
    for f in reversed(template.fields[:index]):
        if f.role == "length" and index in template.covered(f):
            return f
    return None
