r"""How the receive log draws: fixed-height rows, row separators, marked-up control bytes.

Every chunk is its own row; the table's grid (drawn by Qt in C++, not by a Python
delegate per cell, which cost a quarter of a millisecond a cell under a flood) marks the
boundary between two recv() results even between rows of the same band colour.
:class:`ChunkDataDelegate` draws the DATA column of Text and Both modes from the
model's ``SegmentsRole`` runs, so an escaped ``\r\n`` or ``\0`` in a box never looks
like the same characters typed in the data. :class:`ChunkTableView` is the table that
puts them together; :func:`configure_log_table` sets up any table that reads like it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from netassistant.qt.models.chunkmodel import ChunkLogModel, Column, DisplayMode, SegmentsRole
from netassistant.qt.models.ringmodel import RingTableModel
from netassistant.qt.zoom import fixed_font, zoom
from netassistant.ui.foregroundview import ForegroundTableView
from netassistant.ui.widgets import fit_columns

if TYPE_CHECKING:
    # Not imported at run time: naming QPainter, QStyle or QStyleOptionViewItem builds
    # PySide's classes for them (a few ms of a launch whose log has no row to paint yet).
    # The painting code reaches them through the objects it is handed (a style, an option).
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

#: Grid line between rows (and columns).
SEPARATOR_COLOR: Final = QColor(0xB4, 0xC0, 0xD2)
#: Escaped control characters and undecodable bytes: grey-purple text ...
SPECIAL_FOREGROUND: Final = QColor(0x7B, 0x5E, 0x9E)
#: ... on a light lavender box.
SPECIAL_BACKGROUND: Final = QColor(0xE8, 0xE0, 0xF4)

_BOTH_SEPARATOR = " | "
_SPECIAL_PADDING = 2  # pixels of box on each side of a special run
_TEXT_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CUT_MIN_CHARS = 32  # shorter texts are cheap to lay out whole

_AnyIndex = QModelIndex | QPersistentModelIndex
_Run = tuple[str, bool]  # (text, special), as codec.decode_segments returns them
_ColumnT = TypeVar("_ColumnT", bound=int)  # a model's column enum


class ChunkDataDelegate(QStyledItemDelegate):
    r"""Paints the DATA column with control characters in a distinct style.

    In Hex mode (and for connection events) the cell is painted the standard way. In
    Text and Both modes the decoded preview is drawn run by run from ``SegmentsRole``:
    ordinary text in the row's colour, special runs (``\r``, ``\n``, ``\0``, ``\xNN``)
    in :data:`SPECIAL_FOREGROUND` on a :data:`SPECIAL_BACKGROUND` box. Only the preview
    the model hands out is measured and drawn, and drawing stops at the cell's edge.

    The display mode has one home, the log model: the delegate reads it from there
    (also when the table shows the log through a filter proxy).

    Attributes:
        display_mode: The log model's display mode.
    """

    def __init__(self, log: RingTableModel[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log = log
        self._advances: dict[str, int] = {}  # font key -> its one ASCII width (0: not fixed)

    @property
    def display_mode(self) -> DisplayMode:
        """The mode the log model draws the DATA column in."""
        return self._log.display_mode

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        """Paint one DATA cell."""
        if self._log.display_mode is DisplayMode.HEX:
            self._paint_cut(painter, option, index)
            return
        segments = index.data(SegmentsRole)
        if not segments:  # a connection event, or no data
            super().paint(painter, option, index)
            return
        opt = type(option)(option)  # a copy (QStyleOptionViewItem)
        self.initStyleOption(opt, index)
        runs = self._runs(opt.text, segments)
        if runs is None:  # the model is in another mode than we were told
            super().paint(painter, option, index)
            return
        self._paint_runs(painter, opt, runs)

    def _paint_cut(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        """Paint a cell as QStyledItemDelegate does, laying out only the text that can show.

        A 64-byte chunk is 191 characters of hex, and Qt shapes and measures all of them
        to elide the few dozen that fit: most of a repaint's time under a flood. In a
        fixed-pitch font every character is as wide as the next, so the text is cut a
        little past the cell's width first; the cut text still overflows the cell, so
        Qt elides it to exactly the same characters.
        """
        opt = type(option)(option)  # a copy (QStyleOptionViewItem)
        self.initStyleOption(opt, index)
        text = opt.text
        if len(text) > _CUT_MIN_CHARS and text.isascii():
            advance = self._fixed_advance(opt)
            if advance:
                keep = opt.rect.width() // advance + 2
                if len(text) > keep:
                    opt.text = text[:keep]
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(style.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def _fixed_advance(self, opt: QStyleOptionViewItem) -> int:
        """The width of every ASCII character of the cell's font, or 0 if they differ."""
        key = opt.font.key()
        advance = self._advances.get(key)
        if advance is None:
            metrics = opt.fontMetrics
            widths = {metrics.horizontalAdvance(chr(code)) for code in range(0x20, 0x7F)}
            # Only a font whose printable ASCII all share one positive width is cut.
            advance = widths.pop() if len(widths) == 1 else 0
            self._advances[key] = advance
        return advance

    def _runs(
        self, display: str, segments: list[tuple[str, bool]]
    ) -> list[tuple[str, bool]] | None:
        """Split the cell's display text into the hex prefix, the segments and the note."""
        prefix = ""
        if self._log.display_mode is DisplayMode.BOTH:
            cut = display.find(_BOTH_SEPARATOR)
            if cut < 0:
                return None
            prefix = display[: cut + len(_BOTH_SEPARATOR)]
        joined = "".join(text for text, _special in segments)
        if not display.startswith(joined, len(prefix)):
            return None
        suffix = display[len(prefix) + len(joined) :]  # the "… (+N bytes)" note, if any
        return [(prefix, False), *segments, (suffix, False)]

    def _paint_runs(self, painter: QPainter, opt: QStyleOptionViewItem, runs: list[_Run]) -> None:
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        # Background, band colour, selection and focus, as any other cell.
        style.drawControl(style.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text_rect = style.subElementRect(style.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        text_rect.adjust(margin, 0, -margin, 0)

        selected = bool(opt.state & style.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        normal = palette.color(role)
        metrics = opt.fontMetrics
        top, height, right = text_rect.top(), text_rect.height(), text_rect.right()

        painter.save()
        painter.setClipRect(text_rect)
        painter.setFont(opt.font)
        x = text_rect.left()
        for text, special in runs:
            if not text:
                continue
            if x > right:
                break
            width = metrics.horizontalAdvance(text)
            if special:
                box = QRect(x, top + 1, width + 2 * _SPECIAL_PADDING, max(1, height - 2))
                painter.fillRect(box, SPECIAL_BACKGROUND)
                painter.setPen(SPECIAL_FOREGROUND)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
                x += box.width() + 1
            else:
                painter.setPen(normal)
                painter.drawText(QRect(x, top, width, height), _TEXT_FLAGS, text)
                x += width
        painter.restore()


#: Column widths (the DATA column stretches): the largest plausible value of each,
#: measured in the table's font; the header title is always fitted too.
COLUMN_WIDTHS: Final[dict[Column, int | str]] = {
    Column.TIME: "00:00:00.000",
    Column.DIR: 30,  # and the translated RX / TX, from the model (see ChunkTableView)
    Column.PEER: "255.255.255.255:65535",
    Column.CONN: "#99999",
    Column.SEQ: "99999999",
    Column.LEN: "65535/65535",  # a truncated datagram; wider than any chunk length
}


def configure_log_table(view: QTableView, column_widths: Mapping[_ColumnT, int | str]) -> None:
    """Make ``view`` (with its model set) a log table: fixed-height rows with a line under each.

    Rows are never re-measured (fixed section size, no word wrap), so inserting ten
    thousand rows costs no per-row layout. Whole rows are selected, one at a time, and
    never edited. Every log table gets the same row height, so tables shown side by
    side line up row for row, and its vertical scroll bar always (the first rows never
    resize the viewport).

    Args:
        view: The table, whose model is already set (column widths need its columns).
        column_widths: Initial widths in pixels, or sample values to fit (see
            :func:`~netassistant.ui.widgets.fit_columns`); the last column stretches.
    """
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setWordWrap(False)
    # The bar is always there: brought in by the first rows that overflow the view, it
    # shrank the viewport, re-stretched the header and repainted the whole table once
    # more, under the flood that brought the rows (a third of the first gap's 25-30 ms).
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    view.setShowGrid(True)  # the row separators: painted in C++, cheap under a flood
    view.setStyleSheet(f"QTableView {{ gridline-color: {SEPARATOR_COLOR.name()}; }}")
    view.setSortingEnabled(False)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    columns = view.horizontalHeader()
    columns.setStretchLastSection(True)
    columns.setHighlightSections(False)
    fit_columns(view, column_widths)  # measured again at each zoom, as the row height
    _fit_row_height(view)
    zoom().changed.connect(_RowHeightOnZoom(view).refit)


class _RowHeightOnZoom(QObject):
    """A child of the view, so the connection to the zoom ends with the view."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view

    @Slot(float)
    def refit(self, _factor: float) -> None:
        _fit_row_height(self._view)


def _fit_row_height(view: QTableView) -> None:
    """One row height for the view's font and the fixed font at this zoom."""
    height = max(QFontMetrics(fixed_font()).height(), QFontMetrics(view.font()).height()) + 6
    rows = view.verticalHeader()
    rows.setMinimumSectionSize(height)
    rows.setDefaultSectionSize(height)


def _python_made_viewport() -> QWidget:
    """A viewport like the one a QAbstractItemView makes, made here so Python has it.

    The receive log asks for its viewport when the first flood arrives (to hold its
    repaints back). For a viewport Qt made, that first ``viewport()`` had PySide build
    every QtWidgets class it had not built yet: 16-20 ms, in the first flood's first
    turn. One made in Python is returned as it is.
    """
    port = QWidget()
    port.setObjectName("qt_scrollarea_viewport")  # as Qt names its own (style sheets)
    port.setBackgroundRole(QPalette.ColorRole.Base)
    port.setForegroundRole(QPalette.ColorRole.Text)
    port.setAutoFillBackground(True)
    return port


class ChunkTableView(ForegroundTableView):
    """The log table: one fixed-height row per record with a line under each.

    It repaints holding the window's foreground gate (see ui/foregroundview.py).

    Set up by :func:`configure_log_table`, with :class:`ChunkDataDelegate` drawing the
    DATA column.

    Attributes:
        data_delegate: The DATA column's delegate (it follows the log's display mode).
    """

    def __init__(self, model: ChunkLogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewport(_python_made_viewport())
        self.setModel(model)
        direction = max(model.direction_labels(), key=self.fontMetrics().horizontalAdvance)
        configure_log_table(self, {**COLUMN_WIDTHS, Column.DIR: direction})
        self.data_delegate = ChunkDataDelegate(model, self)
        self.setItemDelegateForColumn(Column.DATA, self.data_delegate)

    def set_source(self, model: QAbstractItemModel) -> None:
        """Show another model (the log or its filter proxy), keeping the column widths."""
        widths = [self.columnWidth(c) for c in range(len(Column))]
        self.setModel(model)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

    def is_at_bottom(self) -> bool:
        """Whether the view is scrolled to the last row."""
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()
