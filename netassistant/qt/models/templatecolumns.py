"""Template columns of the message log: a column per field when a template decodes.

:class:`~netassistant.qt.models.messagemodel.MessageModel` asks this for the cells past
its own columns. A message's payload is parsed when a view first asks for one of its
cells (the visible rows only, never per received chunk), and the result is kept in a
small cache, so scrolling does not parse a row twice and 50,000 rows cost nothing until
they are looked at.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtGui import QColor

from netassistant.core.decoding import DecodedMessage
from netassistant.qt.coremessages import tr_error
from netassistant.qt.models.tablemodel import DISPLAY_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE

if TYPE_CHECKING:
    from netassistant.core.templates.codec import Parsed
    from netassistant.core.templates.model import Template

#: Parsed messages kept (a screenful is a few dozen).
CACHE_SIZE: Final = 512
BAD_COLOR: Final = QColor(0xC0, 0x00, 0x00)


class TemplateColumns:
    """The field columns of one template, and the parsed messages behind them.

    Attributes:
        template: The template decoding the messages, or None (no columns).
        keys: The value keys shown, one column each.
    """

    def __init__(self) -> None:
        self.template: Template | None = None
        self.keys: list[str] = []
        self._cache: collections.OrderedDict[int, tuple[Any, Parsed | str]] = (
            collections.OrderedDict()
        )

    def set_template(self, template: Template | None) -> None:
        """Decode with ``template`` from now on (None: no field columns)."""
        self.template = template
        self.keys = template.value_names() if template is not None else []
        self._cache.clear()

    def count(self) -> int:
        """How many columns the template adds."""
        return len(self.keys)

    def title(self, column: int) -> str:
        """The header of field column ``column`` (0-based among the field columns)."""
        return self.keys[column]

    def parsed(self, item: Any) -> Parsed | str:
        """``item``'s payload parsed (or why it cannot be), cached by the record."""
        key = id(item)
        hit = self._cache.get(key)
        if hit is not None and hit[0] is item:
            self._cache.move_to_end(key)
            return hit[1]
        result: Parsed | str
        if self.template is None or not isinstance(item, DecodedMessage):
            result = ""
        else:
            from netassistant.core.templates.codec import parse
            from netassistant.core.templates.model import TemplateError

            try:
                result = parse(self.template, item.payload)
            except TemplateError as exc:
                result = tr_error(exc)
        self._cache[key] = (item, result)
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return result

    def cell(self, item: Any, column: int, role: int) -> Any:
        """The value of ``role`` in field column ``column`` for the record ``item``."""
        parsed = self.parsed(item)
        if isinstance(parsed, str):
            # The reason it does not parse, in the first field column.
            if role in (DISPLAY_ROLE, TOOLTIP_ROLE) and column == 0:
                return parsed
            return BAD_COLOR if role == FOREGROUND_ROLE and parsed else None
        key = self.keys[column]
        span = next((s for s in parsed.spans if s.key == key), None)
        if span is None:
            return None
        if role == DISPLAY_ROLE:
            return span.shown
        if role == TOOLTIP_ROLE:
            return f"{key}: {span.shown} (bytes {span.start}–{span.end - 1})"
        if role == FOREGROUND_ROLE and not span.ok:
            return BAD_COLOR
        return None
