"""ChunkDetail: everything about the selected chunk, below the receive log.

The log shows a preview of each chunk; this pane shows the whole of one: where it came
from, a ``hexdump -C`` style dump, the decoded text, and buttons that copy it in the
formats people paste into code and bug reports.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.chunk import Chunk, ConnEvent, Direction
from netassistant.core.codec import (
    decode_text,
    format_hex,
    hexdump,
    to_c_array,
    to_python_bytes,
)
from netassistant.core.logformat import clock
from netassistant.qt.coremessages import tr_core
from netassistant.qt.models.cellformat import display_segments, lf_mark
from netassistant.qt.zoom import fixed_font, zoom
from netassistant.ui.widgets import decorate, push_button

if TYPE_CHECKING:
    from netassistant.core.templates.model import Template
    from netassistant.ui.templates.hexfields import HexFields

#: The dump and the decoded text show at most this much of a chunk.
DETAIL_LIMIT: Final = 1024 * 1024


def escaped_text(data: bytes, encoding: str) -> str:
    r"""Decode ``data`` with control characters as pictures (``␍␊``, ``␀``), bad bytes ``\\xNN``.

    A real line break follows each line feed's picture so text protocols stay readable.
    """
    mark = lf_mark()
    return "".join(
        # The picture appears in special runs only: a typed "␊" is ordinary text.
        text.replace(mark, mark + "\n") if special else text
        for text, special in display_segments(data, encoding)
    )


class ChunkDetail(QWidget):
    """The whole of one chunk (or one connection event) and ways to copy it.

    Copies always take the chunk's full data; the dump and the text show the first
    :data:`DETAIL_LIMIT` bytes and say so when there is more.

    Attributes:
        item: The record shown, or None.
        encoding: The codec used for the decoded text.
        header: The one-line description of the record.
        hex_view: The read-only hex dump.
        text_view: The read-only decoded text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: Chunk | ConnEvent | None = None
        self.encoding = "utf-8"
        self.fields: HexFields | None = None  # made when a packet template is chosen
        self._build()
        self._connect_signals()
        self.show_item(None)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)

        top = QHBoxLayout()
        self.header = QLabel()
        decorate(
            self.header,
            "detailHeader",
            self.tr("Selected chunk"),
            self.tr("Direction, sequence number, size, peer, time and connection"),
        )
        self.header.setTextFormat(Qt.TextFormat.PlainText)  # peers and messages are data
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Both may shrink (the header wraps, the buttons fold into the toolbar's ">>"):
        # two panes side by side must fit a laptop screen, and a cut header would hide
        # the words that matter (in Chinese, the end of the sentence).
        self.header.setWordWrap(True)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.header, 1)
        self._copy_hex = push_button(
            "copyHex",
            self.tr("Copy hex"),
            self.tr("Copy the chunk's bytes as hex pairs, like 68 65 6C"),
        )
        self._copy_text = push_button(
            "copyText",
            self.tr("Copy text"),
            self.tr("Copy the chunk decoded as text (undecodable bytes as \\xNN)"),
        )
        self._copy_c = push_button(
            "copyC",
            self.tr("Copy as C array"),
            self.tr("Copy the chunk as a C array definition: unsigned char data[] = {...};"),
        )
        self._copy_python = push_button(
            "copyPython",
            self.tr("Copy as Python bytes"),
            self.tr("Copy the chunk as a Python bytes literal, like b'hi\\r\\n'"),
        )
        buttons = QToolBar()
        buttons.setObjectName("detailToolbar")
        for button in self.copy_buttons:
            buttons.addWidget(button)
        top.addWidget(buttons)
        layout.addLayout(top)

        self._note = QLabel()
        self._note.setObjectName("detailNote")
        self._note.setStyleSheet("color: #8a5a00;")
        self._note.hide()
        layout.addWidget(self._note)

        fixed = fixed_font()
        self.hex_view = self._viewer(
            "detailHex",
            self.tr("Hex dump"),
            self.tr("Offset, bytes in hex and the same bytes as ASCII"),
        )
        self.text_view = self._viewer(
            "detailText",
            self.tr("Decoded text"),
            self.tr("The chunk decoded with the session's encoding; control bytes escaped"),
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("detailSplitter")
        for view in (self.hex_view, self.text_view):
            view.setFont(fixed)
            splitter.addWidget(view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        zoom().changed.connect(self._on_zoom)

    @Slot(float)
    def _on_zoom(self, _factor: float) -> None:
        # The dumps have a font of their own, so the application font does not reach them.
        for view in (self.hex_view, self.text_view):
            view.setFont(fixed_font())

    def _viewer(self, name: str, accessible: str, tooltip: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        decorate(view, name, accessible, tooltip)
        return view

    @property
    def copy_buttons(self) -> tuple[QPushButton, ...]:
        """The four copy buttons, in toolbar order."""
        return (self._copy_hex, self._copy_text, self._copy_c, self._copy_python)

    def _connect_signals(self) -> None:
        self._copy_hex.clicked.connect(self.copy_hex)
        self._copy_text.clicked.connect(self.copy_text)
        self._copy_c.clicked.connect(self.copy_c_array)
        self._copy_python.clicked.connect(self.copy_python)

    # -- showing ----------------------------------------------------------------------

    def show_item(self, item: Chunk | ConnEvent | None, event_text: str | None = None) -> None:
        """Show ``item`` (None: nothing).

        Args:
            item: The record to show.
            event_text: For a :class:`ConnEvent`, its text as the log shows it
                (translated); without it the event's own message or kind is used.
        """
        self.item = item
        is_chunk = isinstance(item, Chunk)
        for button in self.copy_buttons:
            button.setEnabled(is_chunk)
        self._note.hide()
        if isinstance(item, Chunk):
            self.header.setText(self._chunk_header(item))
            self._fill_views(item.data)
            return
        self.hex_view.clear()
        self.text_view.clear()
        if item is None:
            self.header.setText(self.tr("Select a row to see the whole chunk."))
        else:
            self.header.setText(self._event_header(item, event_text))

    @Slot(str)
    def set_encoding(self, name: str) -> None:
        """Decode text with the codec ``name`` from now on (redraws the text).

        Raises:
            LookupError: For an unknown codec name.
        """
        codecs.lookup(name)  # fail here, with the old encoding still in place
        self.encoding = name
        if isinstance(self.item, Chunk):
            self.text_view.setPlainText(escaped_text(self.item.data[:DETAIL_LIMIT], name))

    def _fill_views(self, data: bytes) -> None:
        shown = data[:DETAIL_LIMIT]
        if len(shown) < len(data):
            self._note.setText(
                self.tr(
                    "Showing the first {shown} of {total} bytes; copies take all of them."
                ).format(shown=len(shown), total=len(data))
            )
            self._note.show()
        self.hex_view.setPlainText(hexdump(shown))
        self.text_view.setPlainText(escaped_text(shown, self.encoding))
        if self.fields is not None:
            self.fields.show(shown)

    def set_template(self, template: Template | None) -> None:
        """Colour the dump by the fields of ``template`` (None: no colours)."""
        if self.fields is None:
            if template is None:
                return
            from netassistant.ui.templates.hexfields import HexFields

            self.fields = HexFields(self.hex_view, self)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(2, self.fields.label)  # under the note, over the dump
        self.fields.set_template(template)
        if isinstance(self.item, Chunk):
            self.fields.show(self.item.data[:DETAIL_LIMIT])

    def _chunk_header(self, chunk: Chunk) -> str:
        if chunk.truncated:
            size = self.tr("{held} of {total} bytes (datagram truncated)").format(
                held=len(chunk.data), total=chunk.true_length
            )
        else:
            size = self.tr("{count} bytes").format(count=len(chunk.data))
        if chunk.direction is Direction.RX:
            template = self.tr("RX chunk {seq} — {size} from {peer} at {time} (conn #{conn})")
        else:
            template = self.tr("TX chunk {seq} — {size} to {peer} at {time} (conn #{conn})")
        return template.format(
            seq=chunk.seq,
            size=size,
            peer=chunk.peer or "?",
            time=clock(chunk.ts_ns),
            conn=chunk.conn_id,
        )

    def _event_header(self, event: ConnEvent, event_text: str | None) -> str:
        text = event_text or tr_core(event.message) or event.kind.value
        template = self.tr("Event {seq} — {text} at {time} (conn #{conn})")
        line = template.format(
            seq=event.seq, text=text, time=clock(event.ts_ns), conn=event.conn_id
        )
        if event.peer:
            line += " " + self.tr("peer {peer}").format(peer=event.peer)
        return line

    # -- copying ----------------------------------------------------------------------

    def _data(self) -> bytes | None:
        return self.item.data if isinstance(self.item, Chunk) else None

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    @Slot()
    def copy_hex(self) -> None:
        """Copy the chunk as hex pairs (``68 65 6C``)."""
        data = self._data()
        if data is not None:
            self._copy(format_hex(data))

    @Slot()
    def copy_text(self) -> None:
        r"""Copy the chunk decoded with :attr:`encoding` (undecodable bytes as ``\xNN``)."""
        data = self._data()
        if data is not None:
            self._copy(decode_text(data, self.encoding))

    @Slot()
    def copy_c_array(self) -> None:
        """Copy the chunk as a C array definition."""
        data = self._data()
        if data is not None:
            self._copy(to_c_array(data))

    @Slot()
    def copy_python(self) -> None:
        """Copy the chunk as a Python bytes literal."""
        data = self._data()
        if data is not None:
            self._copy(to_python_bytes(data))
