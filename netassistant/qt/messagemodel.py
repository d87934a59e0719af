"""The message log: one row per decoded message or decode error.

:class:`MessageModel` sits beside the chunk log. Where the chunk log shows what each
``recv()`` returned, this shows the messages a :class:`~netassistant.core.decoding.MessageDecoder`
cut from them, and for each the chunks (and byte ranges) it came from, so sticky and
split packets read off the screen: ``chunk 7 [0:9]`` is one of several messages in chunk 7,
``chunks 7[5:]–8[:4]`` is a message split over two reads.
"""

from __future__ import annotations

import codecs
import enum
from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase

from netassistant.core.codec import decode_segments
from netassistant.core.decoding import Decoded, DecodedMessage, DecodeError
from netassistant.core.framing import Span
from netassistant.qt.chunkmodel import DisplayMode

_AnyIndex = QModelIndex | QPersistentModelIndex


class MessageColumn(enum.IntEnum):
    """The message log's columns, in display order."""

    INDEX = 0
    CONN = 1
    LEN = 2
    CHUNKS = 3
    CHECKSUM = 4
    DATA = 5


_USER_ROLE = int(Qt.ItemDataRole.UserRole)
#: The row's :class:`DecodedMessage` or :class:`DecodeError` itself (any column).
MessageRole: Final = _USER_ROLE + 1
#: True for a :class:`DecodeError` row.
IsErrorRole: Final = _USER_ROLE + 2

DEFAULT_MAX_ROWS: Final = 50_000
DEFAULT_PREVIEW_BYTES: Final = 512
#: The DATA tooltip shows at most this much of a payload as hex.
TOOLTIP_BYTES: Final = 4096
_TOOLTIP_LINE_BYTES = 32

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)

_RIGHT_ALIGNED = frozenset({MessageColumn.INDEX, MessageColumn.CONN, MessageColumn.LEN})
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

MESSAGE_COLOR: Final = QColor(0x00, 0x00, 0x99)  # dark blue, as RX chunks
ERROR_COLOR: Final = QColor(0xC0, 0x00, 0x00)  # red


class MessageModel(QAbstractTableModel):
    """The newest decoded messages and decode errors of a pane, one per row.

    Rows live in a list with a head offset (as in :class:`ChunkLogModel`): a batch is
    one insert and trimming to the cap is one remove, each O(1) per row.

    Attributes:
        max_rows: Row cap.
        dropped_rows: Rows that fell off the top because of the cap since :meth:`clear`.
        display_mode: The current :class:`DisplayMode` of the DATA column.
        encoding: The codec used for text.
        preview_bytes: The DATA column draws at most this many bytes of a payload.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_rows: int = DEFAULT_MAX_ROWS,
        preview_bytes: int = DEFAULT_PREVIEW_BYTES,
    ) -> None:
        super().__init__(parent)
        if max_rows < 1:
            raise ValueError(f"max_rows must be at least 1, not {max_rows}")
        if preview_bytes < 1:
            raise ValueError(f"preview_bytes must be at least 1, not {preview_bytes}")
        self._max_rows = max_rows
        self._preview_bytes = preview_bytes
        self._mode = DisplayMode.HEX
        self._encoding = "utf-8"
        self._fonts: dict[tuple[bool, bool], QFont] = {}  # (fixed, bold) -> font
        self._rows: list[Decoded] = []
        self._head = 0
        self._dropped_rows = 0

    # -- state ------------------------------------------------------------------------

    @property
    def max_rows(self) -> int:
        """Row cap."""
        return self._max_rows

    @property
    def dropped_rows(self) -> int:
        """Rows dropped because of the cap since the last :meth:`clear`."""
        return self._dropped_rows

    @property
    def display_mode(self) -> DisplayMode:
        """How the DATA column draws payloads."""
        return self._mode

    @property
    def encoding(self) -> str:
        """Codec name for text."""
        return self._encoding

    @property
    def preview_bytes(self) -> int:
        """Bytes of a payload the DATA column draws."""
        return self._preview_bytes

    def item_at(self, row: int) -> Decoded:
        """Return the record shown in ``row``.

        Raises:
            IndexError: ``row`` is not a row of the model.
        """
        if not 0 <= row < len(self._rows) - self._head:
            raise IndexError(f"row {row} out of range")
        return self._rows[self._head + row]

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
        if max_rows < 1:
            raise ValueError(f"max_rows must be at least 1, not {max_rows}")
        self._max_rows = max_rows
        excess = len(self._rows) - self._head - max_rows
        if excess > 0:
            self._remove_top(excess)
            self._dropped_rows += excess

    def clear(self) -> None:
        """Remove all rows and reset the drop counter."""
        self.beginResetModel()
        self._rows = []
        self._head = 0
        self._dropped_rows = 0
        self.endResetModel()

    def _remove_top(self, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), 0, count - 1)
        self._head += count
        if self._head * 2 > len(self._rows):
            del self._rows[: self._head]
            self._head = 0
        self.endRemoveRows()

    # -- view settings ----------------------------------------------------------------

    def set_display_mode(self, mode: str) -> None:
        """Draw the DATA column as ``"hex"``, ``"text"`` or ``"both"``.

        Raises:
            ValueError: For another mode name.
        """
        new = DisplayMode(mode)
        if new is not self._mode:
            self._mode = new
            self._data_column_changed()

    def set_encoding(self, name: str) -> None:
        """Decode text with the codec ``name`` (``utf-8``, ``gbk``, ...).

        Raises:
            LookupError: For an unknown codec name.
        """
        codecs.lookup(name)  # fail here, not in data() during a paint
        if name != self._encoding:
            self._encoding = name
            self._data_column_changed()

    def _data_column_changed(self) -> None:
        last = len(self._rows) - self._head - 1
        if last >= 0:
            self.dataChanged.emit(
                self.index(0, MessageColumn.DATA),
                self.index(last, MessageColumn.DATA),
                [_DISPLAY, _TOOLTIP],
            )

    # -- QAbstractItemModel -----------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of rows held (0 under a valid parent: this is a table)."""
        return 0 if parent.isValid() else len(self._rows) - self._head

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under a valid parent: this is a table)."""
        return 0 if parent.isValid() else len(MessageColumn)

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable (for copying), never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Return the translated column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == _DISPLAY
            and 0 <= section < len(MessageColumn)
        ):
            return self._column_titles()[section]
        return super().headerData(section, orientation, role)

    def _column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("#"),
            self.tr("Conn"),
            self.tr("Len"),
            self.tr("From chunks"),
            self.tr("Checksum"),
            self.tr("Data"),
        )

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the value of ``role`` for a cell; see the module's role constants."""
        if not index.isValid():
            return None
        physical = self._head + index.row()
        if physical >= len(self._rows):
            return None
        item = self._rows[physical]
        column = index.column()
        if role == _DISPLAY:
            return self._text(item, column)
        if role == _FOREGROUND:
            return ERROR_COLOR if self._is_bad(item) else MESSAGE_COLOR
        if role == _FONT:
            return self._font(item, column)
        if role == _ALIGNMENT:
            return _ALIGN_RIGHT if column in _RIGHT_ALIGNED else None
        if role == _TOOLTIP:
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
                return item.message
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

    def _data_text(self, data: bytes) -> str:
        preview = data[: self._preview_bytes]
        if self._mode is DisplayMode.HEX:
            text = _hex(preview)
        elif self._mode is DisplayMode.TEXT:
            text = self._plain_text(preview)
        else:
            text = f"{_hex(preview)} | {self._plain_text(preview)}"
        hidden = len(data) - len(preview)
        if hidden:
            text += " " + self.tr("… (+{count} bytes)").format(count=hidden)
        return text

    def _plain_text(self, data: bytes) -> str:
        # Control characters escaped (\r\n, \0, ...) keep each row on one line.
        return "".join(text for text, _special in decode_segments(data, self._encoding))

    def _tooltip(self, item: Decoded, column: int) -> str | None:
        if column == MessageColumn.CHUNKS:
            return "\n".join(
                self.tr("chunk {seq}: bytes {start}–{end} ({count} bytes)").format(
                    seq=span.chunk_seq, start=span.start, end=span.end, count=span.length
                )
                for span in item.spans
            )
        if isinstance(item, DecodeError):
            return item.message if column == MessageColumn.DATA else None
        if column == MessageColumn.CHECKSUM and item.checksum_ok is not None:
            return self.tr("expected {expected}, found {found}").format(
                expected=_hex(item.expected) or "-", found=_hex(item.found) or "-"
            )
        if column == MessageColumn.DATA:
            data = item.payload
            shown = data[:TOOLTIP_BYTES]
            lines = [self.tr("{count} bytes").format(count=len(data))]
            lines.extend(
                _hex(shown[i : i + _TOOLTIP_LINE_BYTES])
                for i in range(0, len(shown), _TOOLTIP_LINE_BYTES)
            )
            if len(data) > len(shown):
                lines.append(self.tr("… (+{count} bytes)").format(count=len(data) - len(shown)))
            return "\n".join(lines)
        return None

    def _font(self, item: Decoded, column: int) -> QFont | None:
        bold = isinstance(item, DecodedMessage) and item.checksum_ok is False
        fixed = column == MessageColumn.DATA
        if not (bold or fixed):
            return None
        key = (fixed, bold)
        font = self._fonts.get(key)
        if font is None:
            # Fonts need a QGuiApplication, so they are made on first use, not at import.
            font = (
                QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if fixed else QFont()
            )
            font.setBold(bold)
            self._fonts[key] = font
        return font


def _hex(data: bytes) -> str:
    """Upper-case spaced hex, computed in C (data() runs on every repaint)."""
    return data.hex(" ").upper()
