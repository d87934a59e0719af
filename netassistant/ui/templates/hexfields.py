"""HexFields: colour a hex dump by template field, and name the field under the cursor.

Attached to the chunk detail's ``hexdump -C`` view: a chunk is read as one message after
another (sticky packets hold several), each field's bytes get a background
(two alternating tints, red for a checksum or length that does not match), and the field
the text cursor is on is shown in a stronger colour with its name and value in a label.
The layout of a dump line (offset, two spaces, 16 hex pairs with an extra space after
the eighth, ``|ascii|``) is fixed by :func:`netassistant.core.codec.hexdump`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit

from netassistant.qt.coremessages import tr_error

if TYPE_CHECKING:
    from netassistant.core.templates.codec import FieldSpan, Parsed
    from netassistant.core.templates.model import Template

WIDTH: Final = 16
HEX_START: Final = 10  # "00000000  "
ASCII_START: Final = HEX_START + 3 * WIDTH - 1 + 1 + 3  # hex column, two spaces, "|"
#: Bytes highlighted at most (a dump of a huge chunk stays quick to redraw).
MAX_HIGHLIGHTED: Final = 8192
#: Messages read from one chunk at most (a sticky chunk holds several).
MAX_MESSAGES: Final = 256
TINTS: Final = (QColor(0xC4, 0xDA, 0xFF), QColor(0xFF, 0xE0, 0x8A))
BAD_TINT: Final = QColor(0xFF, 0xCC, 0xCC)
CURRENT_TINT: Final = QColor(0xFF, 0xB8, 0x4D)


def hex_column(offset: int) -> int:
    """Column of byte ``offset``'s hex pair within its dump line."""
    j = offset % WIDTH
    return HEX_START + 3 * j + (1 if j >= 8 else 0)


def byte_at(column: int, line_length: int) -> int | None:
    """The byte (0..15 within the line) at text ``column`` of a dump line, or None."""
    if HEX_START <= column < ASCII_START - 3:
        j = (column - HEX_START - (1 if column >= hex_column(8) else 0)) // 3
        return min(max(j, 0), WIDTH - 1)
    if ASCII_START <= column < line_length - 1:
        return column - ASCII_START
    return None


class HexFields(QObject):
    """Field colours and the field under the cursor, for one hex dump view.

    Attributes:
        view: The dump.
        label: Says which field the cursor is on (or why the data does not parse).
        template: The template decoding the data, or None (no colours).
        parsed: The data shown, parsed (None without a template or when it fails).
    """

    def __init__(self, view: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.label = QLabel()
        self.label.setObjectName("detailField")
        self.label.setWordWrap(True)
        self.label.hide()
        self.template: Template | None = None
        self.parsed: Parsed | None = None
        self._size = 0
        view.cursorPositionChanged.connect(self._on_cursor)

    def set_template(self, template: Template | None) -> None:
        """Colour by ``template`` from the next :meth:`show` (None: no colours)."""
        self.template = template
        if template is None:
            self.parsed = None
            self.view.setExtraSelections([])
            self.label.hide()

    def show(self, data: bytes) -> None:
        """The dump now shows ``data``: parse it and colour its fields."""
        self.parsed = None
        self._size = len(data)
        if self.template is None:
            return
        from netassistant.core.templates.codec import parse_stream
        from netassistant.core.templates.model import TemplateError

        try:
            self.parsed = parse_stream(self.template, data, MAX_MESSAGES)
        except TemplateError as exc:
            self.view.setExtraSelections([])
            self.label.setText(
                self.tr("Template %1: %2")
                .replace("%1", self.template.name)
                .replace("%2", tr_error(exc))
            )
            self.label.show()
            return
        self.label.setText(self.tr("Click a byte to see its field."))
        self.label.show()
        self._paint(None)

    def field_at(self, offset: int) -> FieldSpan | None:
        """The span the byte at ``offset`` belongs to (the first, for a bits field)."""
        if self.parsed is None:
            return None
        return next((s for s in self.parsed.spans if s.start <= offset < s.end), None)

    def _paint(self, current: FieldSpan | None) -> None:
        if self.parsed is None:
            return
        selections: list[QTextEdit.ExtraSelection] = []
        doc = self.view.document()
        starts = sorted({s.start for s in self.parsed.spans})
        for span in self.parsed.spans:
            if span.start >= MAX_HIGHLIGHTED:
                break
            tint = TINTS[starts.index(span.start) % 2] if span.ok else BAD_TINT
            if current is not None and span.start == current.start:
                tint = CURRENT_TINT
            fmt = QTextCharFormat()
            fmt.setBackground(tint)
            for offset in range(span.start, min(span.end, MAX_HIGHLIGHTED)):
                block = doc.findBlockByNumber(offset // WIDTH)
                if not block.isValid():
                    break
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + hex_column(offset))
                cursor.setPosition(
                    block.position() + hex_column(offset) + 2, QTextCursor.MoveMode.KeepAnchor
                )
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
        self.view.setExtraSelections(selections)

    @Slot()
    def _on_cursor(self) -> None:
        if self.parsed is None:
            return
        cursor = self.view.textCursor()
        block = cursor.block()
        j = byte_at(cursor.positionInBlock(), block.length())
        offset = None if j is None else block.blockNumber() * WIDTH + j
        span = None if offset is None or offset >= self._size else self.field_at(offset)
        if span is None:
            return
        # Every value the field holds (a bits field has several).
        values = [s for s in self.parsed.spans if s.start == span.start]
        words = ", ".join(f"{s.key} = {s.shown}" for s in values)
        self.label.setText(self.tr("Byte %1: %2").replace("%1", str(offset)).replace("%2", words))
        self._paint(span)
