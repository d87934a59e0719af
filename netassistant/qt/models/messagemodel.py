"""The message log: one row per decoded message or decode error.

:class:`MessageModel` sits beside the chunk log. Where the chunk log shows what each
``recv()`` returned, this shows the messages a :class:`~netassistant.core.decoding.MessageDecoder`
cut from them, and for each the chunks (and byte ranges) it came from, so sticky and
split packets read off the screen: ``chunk 7 [0:9]`` is one of several messages in chunk 7,
``chunks 7[5:]–8[:4]`` is a message split over two reads.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from netassistant.core.codec import format_hex
from netassistant.core.decoding import Decoded, DecodedMessage, DecodeError
from netassistant.core.framing import Span, SpanRun
from netassistant.qt.coremessages import tr_core
from netassistant.qt.logcolors import log_colors
from netassistant.qt.models.ringmodel import TOOLTIP_BYTES as TOOLTIP_BYTES
from netassistant.qt.models.ringmodel import RingTableModel, check_max_rows
from netassistant.qt.models.tablemodel import (
    ALIGN_RIGHT,
    ALIGNMENT_ROLE,
    DISPLAY_ROLE,
    FONT_ROLE,
    FOREGROUND_ROLE,
    TOOLTIP_ROLE,
    USER_ROLE,
    AnyIndex,
)
from netassistant.qt.models.templatecolumns import TemplateColumns
from netassistant.qt.zoom import fixed_font, zoom

if TYPE_CHECKING:
    from netassistant.core.templates.model import Template


class MessageColumn(enum.IntEnum):
    """The message log's columns, in display order."""

    INDEX = 0
    CONN = 1
    LEN = 2
    CHUNKS = 3
    CHECKSUM = 4
    DATA = 5


#: The row's :class:`DecodedMessage` or :class:`DecodeError` itself (any column).
MessageRole: Final = USER_ROLE + 1
#: True for a :class:`DecodeError` row.
IsErrorRole: Final = USER_ROLE + 2

DEFAULT_MAX_ROWS: Final = 50_000
DEFAULT_PREVIEW_BYTES: Final = 512

_RIGHT_ALIGNED = frozenset({MessageColumn.INDEX, MessageColumn.CONN, MessageColumn.LEN})

MESSAGE_COLOR: Final = QColor(0x00, 0x00, 0x99)  # dark blue, as RX chunks
ERROR_COLOR: Final = QColor(0xC0, 0x00, 0x00)  # red


class MessageModel(RingTableModel[Decoded]):
    """The newest decoded messages and decode errors of a pane, one per row.

    Rows live in a :class:`RingTableModel`'s list with a head offset (as in
    :class:`ChunkLogModel`): a batch is one insert and trimming to the cap is one
    remove, each O(1) per row.

    Attributes:
        max_rows: Row cap.
        dropped_rows: Rows that fell off the top because of the cap since :meth:`clear`.
        display_mode: The current :class:`DisplayMode` of the DATA column.
        encoding: The codec used for text.
        preview_bytes: The DATA column draws at most this many bytes of a payload.
    """

    columns = MessageColumn
    data_column = MessageColumn.DATA
    data_roles = (DISPLAY_ROLE, TOOLTIP_ROLE)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_rows: int = DEFAULT_MAX_ROWS,
        preview_bytes: int = DEFAULT_PREVIEW_BYTES,
    ) -> None:
        super().__init__(parent, max_rows=max_rows, preview_bytes=preview_bytes)
        self._fonts: dict[tuple[bool, bool, float], QFont] = {}  # (fixed, bold, zoom) -> font
        #: A column per field after DATA while a packet template decodes the messages.
        self.template_columns = TemplateColumns()

    def set_template(self, template: Template | None) -> None:
        """Add a column per field of ``template`` after the data (None: remove them)."""
        self.beginResetModel()
        self.template_columns.set_template(template)
        self.endResetModel()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """The message columns, plus one per template field."""
        own = super().columnCount(parent)
        return own + self.template_columns.count() if own else 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        """Titles of the message columns, and the field names of the template's."""
        extra = section - len(MessageColumn)
        if orientation == Qt.Orientation.Horizontal and extra >= 0 and role == DISPLAY_ROLE:
            return self.template_columns.title(extra)
        return super().headerData(section, orientation, role)

    def item_at(self, row: int) -> Decoded:
        """Return the message or decode error shown in ``row`` (IndexError for a row not held)."""
        return self._row_at(row)

    # -- changing the rows ------------------------------------------------------------

    def append(self, items: Sequence[Decoded]) -> None:
        """Append a batch of records (from :meth:`MessageDecoder.feed`) and trim to the cap.

        Only the records that survive the cap are inserted (one insert), then the oldest
        rows are removed (one remove).
        """
        count = len(items)
        if not count:
            return
        old = len(self._rows) - self._head
        skip_new = max(0, count - self._max_rows)
        drop_old = min(old, max(0, old + count - skip_new - self._max_rows))
        kept = items[skip_new:] if skip_new else items
        self.beginInsertRows(QModelIndex(), old, old + len(kept) - 1)
        self._rows.extend(kept)
        self.endInsertRows()
        if drop_old:
            self._remove_top(drop_old)
        self._dropped_rows += skip_new + drop_old

    def set_max_rows(self, max_rows: int) -> None:
        """Set the row cap and trim the oldest rows to it at once.

        Raises:
            ValueError: ``max_rows`` < 1.
        """
        check_max_rows(max_rows)
        self._max_rows = max_rows
        excess = len(self._rows) - self._head - max_rows
        if excess > 0:
            self._remove_top(excess)
            self._dropped_rows += excess

    # -- QAbstractItemModel -----------------------------------------------------------

    def column_titles(self) -> tuple[str, ...]:
        """The translated header of each column, in column order."""
        return (
            self.tr("#"),
            self.tr("Conn"),
            self.tr("Len"),
            self.tr("From chunks"),
            self.tr("Checksum"),
            self.tr("Data"),
        )

    def _cell_data(self, physical: int, column: int, role: int) -> Any:
        # The module's role constants say what each role returns.
        item = self._rows[physical]
        if column >= len(MessageColumn):
            if role == MessageRole:
                return item
            return self.template_columns.cell(item, column - len(MessageColumn), role)
        if role == DISPLAY_ROLE:
            return self._text(item, column)
        if role == FOREGROUND_ROLE:
            colors = log_colors()  # the light set is MESSAGE_COLOR / ERROR_COLOR
            return colors.error if self._is_bad(item) else colors.rx
        if role == FONT_ROLE:
            return self._font(item, column)
        if role == ALIGNMENT_ROLE:
            return ALIGN_RIGHT if column in _RIGHT_ALIGNED else None
        if role == TOOLTIP_ROLE:
            return self._tooltip(item, column)
        if role == MessageRole:
            return item
        if role == IsErrorRole:
            return isinstance(item, DecodeError)
        return None

    # -- drawing helpers --------------------------------------------------------------

    @staticmethod
    def _is_bad(item: Decoded) -> bool:
        return isinstance(item, DecodeError) or item.checksum_ok is False

    def _text(self, item: Decoded, column: int) -> str:
        if column == MessageColumn.CONN:
            return f"#{item.conn_id}"
        if column == MessageColumn.CHUNKS:
            return self.chunks_text(item.spans, item.last_chunk_length)
        if isinstance(item, DecodeError):
            if column == MessageColumn.LEN:
                return str(item.length)
            if column == MessageColumn.DATA:
                return tr_core(item.message)
            return ""
        if column == MessageColumn.INDEX:
            return str(item.index)
        if column == MessageColumn.LEN:
            return str(len(item.payload))
        if column == MessageColumn.CHECKSUM:
            if item.checksum_ok is None:
                return ""
            return self.tr("ok") if item.checksum_ok else self.tr("MISMATCH")
        if column == MessageColumn.DATA:
            return self._data_text(item.payload)
        return ""

    def chunks_text(self, spans: Sequence[Span], last_chunk_length: int = -1) -> str:
        """Describe where a record's bytes came from, for the "From chunks" column.

        * ``chunk 7``: exactly the whole of chunk 7;
        * ``chunk 7 [0:9]``: bytes 0 to 9 (end excluded) of chunk 7, which holds more;
        * ``chunks 7[5:]–8[:4]``: from byte 5 of chunk 7 to byte 4 of chunk 8 (a bare
          number at either end means the whole chunk); chunks in between are whole.

        Args:
            spans: The record's spans, in order.
            last_chunk_length: Length of the last span's chunk (-1 if unknown, in which
                case its end is always written out).
        """
        if not spans:
            return ""
        first, last = spans[0], spans[-1]
        ends_whole = last.end == last_chunk_length
        if first.chunk_seq == last.chunk_seq:
            if first.start == 0 and ends_whole:
                return self.tr("chunk {seq}").format(seq=first.chunk_seq)
            return self.tr("chunk {seq} [{start}:{end}]").format(
                seq=first.chunk_seq, start=first.start, end=last.end
            )
        head = str(first.chunk_seq) if first.start == 0 else f"{first.chunk_seq}[{first.start}:]"
        tail = str(last.chunk_seq) if ends_whole else f"{last.chunk_seq}[:{last.end}]"
        return self.tr("chunks {first}–{last}").format(first=head, last=tail)

    def _span_text(self, span: Span) -> str:
        if isinstance(span, SpanRun):
            return self.tr("chunks {first}–{last}: {count} bytes, every chunk whole").format(
                first=span.chunk_seq, last=span.last_seq, count=span.length
            )
        return self.tr("chunk {seq}: bytes {start}–{end} ({count} bytes)").format(
            seq=span.chunk_seq, start=span.start, end=span.end, count=span.length
        )

    def _more_bytes(self, count: int) -> str:
        return self.tr("… (+{count} bytes)").format(count=count)

    def _tooltip(self, item: Decoded, column: int) -> str | None:
        if column == MessageColumn.CHUNKS:
            return "\n".join(self._span_text(span) for span in item.spans)
        if isinstance(item, DecodeError):
            return tr_core(item.message) if column == MessageColumn.DATA else None
        if column == MessageColumn.CHECKSUM and item.checksum_ok is not None:
            return self.tr("expected {expected}, found {found}").format(
                expected=format_hex(item.expected) or "-", found=format_hex(item.found) or "-"
            )
        if column == MessageColumn.DATA:
            data = item.payload
            return self._bytes_tooltip(self.tr("{count} bytes").format(count=len(data)), data)
        return None

    def _font(self, item: Decoded, column: int) -> QFont | None:
        bold = isinstance(item, DecodedMessage) and item.checksum_ok is False
        fixed = column == MessageColumn.DATA
        if not (bold or fixed):
            return None
        key = (fixed, bold, zoom().effective)  # a zoom makes new fonts
        font = self._fonts.get(key)
        if font is None:
            # Fonts need a QGuiApplication, so they are made on first use, not at import.
            font = QFont(fixed_font()) if fixed else QFont()
            font.setBold(bold)
            self._fonts[key] = font
        return font
