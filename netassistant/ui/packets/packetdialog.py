"""PacketDialog: edit one library packet, with the bytes it sends shown as they change.

The dialog builds a :class:`~netassistant.core.packets.model.Packet`; OK stays disabled
while the packet cannot be built, and the line under the form says why. "Built from" picks
typed data or a packet template: a template's field values are edited in the templates'
own value grid (:class:`~netassistant.ui.templates.grid.TemplateGrid`), and the bytes are
built from them each time the packet is sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.codec import ENCODINGS, format_hex
from netassistant.core.packets.model import MAX_INTERVAL_MS, Packet, PacketError
from netassistant.qt.coremessages import tr_error
from netassistant.qt.models.builtinnames import shown_template_text
from netassistant.ui.widgets import decorate, select_data

if TYPE_CHECKING:
    from netassistant.core.templates.model import Template
    from netassistant.ui.templates.grid import TemplateGrid

#: Bytes of the preview shown at most.
PREVIEW_BYTES = 256


class PacketDialog(QDialog):
    """The form for one packet.

    Attributes:
        name, data, mode, encoding, escapes, append, checksum, checksum_order, framing,
        kind, host, port, interval, notes: The packet's fields.
        source: "Built from": typed data, or one of the templates offered.
        grid: The chosen template's value grid (None for typed data).
        preview: The bytes one send puts on the wire (hex).
        error: Why the packet cannot be built (hidden while it can).
    """

    def __init__(
        self, packet: Packet, parent: QWidget | None = None, templates: Sequence[Template] = ()
    ) -> None:
        """Edit ``packet``; ``templates`` are offered under "Built from"."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Packet"))
        self.setObjectName("packetDialog")
        self.grid: TemplateGrid | None = None
        self._templates: list[Template] = list(templates)
        if packet.template is not None and all(
            t.to_dict() != packet.template.to_dict() for t in self._templates
        ):
            self._templates.insert(0, packet.template)  # its own copy, as stored
        self._build()
        self.set_packet(packet)
        self.source.currentIndexChanged.connect(self._on_source_changed)
        for signal in (
            self.name.textChanged,
            self.data.textChanged,
            self.append.textChanged,
            self.framing.textChanged,
            self.host.textChanged,
            self.notes.textChanged,
            self.mode.currentIndexChanged,
            self.encoding.currentIndexChanged,
            self.checksum.currentIndexChanged,
            self.checksum_order.currentIndexChanged,
            self.kind.currentIndexChanged,
            self.escapes.toggled,
            self.port.valueChanged,
            self.interval.valueChanged,
        ):
            signal.connect(self._revalidate)
        self._revalidate()

    def _build(self) -> None:
        from netassistant.core.checksum import ALGORITHMS

        self.name = decorate(QLineEdit(), "packetName", self.tr("Name"), self.tr("Unique name"))
        self.source = QComboBox()
        self.source.addItem(self.tr("Typed data"), -1)
        for index, template in enumerate(self._templates):
            self.source.addItem(
                self.tr("Template: %1").replace("%1", shown_template_text(template.name)), index
            )
        decorate(
            self.source,
            "packetSource",
            self.tr("Built from"),
            self.tr("Typed data, or a packet template whose field values you edit in a grid"),
        )
        self.grid_box = QWidget()
        self.grid_box.setObjectName("packetTemplateBox")
        self.grid_layout = QVBoxLayout(self.grid_box)
        self.grid_layout.setContentsMargins(0, 0, 0, 0)
        self.grid_box.hide()
        self.data = decorate(
            QLineEdit(),
            "packetData",
            self.tr("Data"),
            self.tr("Text, or hex bytes such as 01 02 FF when the mode is Hex"),
        )
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Text"), "text")
        self.mode.addItem(self.tr("Hex"), "hex")
        decorate(self.mode, "packetMode", self.tr("Mode"), self.tr("How the data is read"))
        self.encoding = QComboBox()
        self.encoding.addItems(list(ENCODINGS))
        decorate(self.encoding, "packetEncoding", self.tr("Encoding"), self.tr("Text encoding"))
        self.escapes = decorate(
            QCheckBox(self.tr("Escapes")),
            "packetEscapes",
            self.tr("Escapes"),
            self.tr("In text, \\r \\n \\t \\0 \\xNN and \\\\ stand for those bytes"),
        )
        self.append = decorate(
            QLineEdit(),
            "packetAppend",
            self.tr("Append"),
            self.tr("Text added after the data, e.g. a line ending (escapes always read)"),
        )
        self.checksum = QComboBox()
        self.checksum.addItem(self.tr("None"), "")
        for name in sorted(ALGORITHMS):
            self.checksum.addItem(name, name)
        decorate(
            self.checksum,
            "packetChecksum",
            self.tr("Checksum"),
            self.tr("Appended to the data on send, before the frame"),
        )
        self.checksum_order = QComboBox()
        self.checksum_order.addItem(self.tr("Algorithm's order"), "")
        self.checksum_order.addItem(self.tr("Big endian"), "big")
        self.checksum_order.addItem(self.tr("Little endian"), "little")
        decorate(
            self.checksum_order,
            "packetChecksumOrder",
            self.tr("Checksum byte order"),
            self.tr("Byte order of a checksum wider than one byte"),
        )
        self.framing = decorate(
            QLineEdit(),
            "packetFraming",
            self.tr("Frame"),
            self.tr("Built around data + checksum: length:!H, delimiter:\\n ... (empty: none)"),
        )
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Any session"), "any")
        self.kind.addItem(self.tr("TCP"), "tcp")
        self.kind.addItem(self.tr("UDP"), "udp")
        decorate(self.kind, "packetKind", self.tr("Kind"), self.tr("Which sessions it is for"))
        self.host = decorate(
            QLineEdit(),
            "packetHost",
            self.tr("UDP target host"),
            self.tr("UDP: send here instead of the pane's target (empty: the pane's)"),
        )
        self.port = decorate(
            QSpinBox(), "packetPort", self.tr("UDP target port"), self.tr("0..65535")
        )
        self.port.setRange(0, 65535)
        self.interval = decorate(
            QSpinBox(),
            "packetInterval",
            self.tr("Resend interval"),
            self.tr("For repeated sends (0: once)"),
        )
        self.interval.setRange(0, MAX_INTERVAL_MS)
        self.interval.setSuffix(self.tr(" ms"))
        self.notes = decorate(
            QPlainTextEdit(), "packetNotes", self.tr("Notes"), self.tr("Anything worth knowing")
        )
        self.notes.setMaximumHeight(80)
        self.preview = QLabel()
        self.preview.setObjectName("packetPreview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("font-family: monospace;")
        self.error = QLabel()
        self.error.setObjectName("packetError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = self.form = QFormLayout()
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Built from"), self.source),
            ("", self.grid_box),
            (self.tr("Data"), self.data),
            (self.tr("Mode"), self.mode),
            (self.tr("Encoding"), self.encoding),
            ("", self.escapes),
            (self.tr("Append"), self.append),
            (self.tr("Checksum"), self.checksum),
            (self.tr("Byte order"), self.checksum_order),
            (self.tr("Frame"), self.framing),
            (self.tr("Kind"), self.kind),
            (self.tr("UDP target host"), self.host),
            (self.tr("UDP target port"), self.port),
            (self.tr("Resend interval"), self.interval),
            (self.tr("Notes"), self.notes),
            (self.tr("Sends"), self.preview),
        ):
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def set_packet(self, packet: Packet) -> None:
        """Show ``packet`` in the form."""
        self.name.setText(packet.name)
        self.data.setText(packet.data)
        select_data(self.mode, packet.mode)
        index = self.encoding.findText(packet.encoding)
        if index < 0:
            self.encoding.addItem(packet.encoding)
            index = self.encoding.count() - 1
        self.encoding.setCurrentIndex(index)
        self.escapes.setChecked(packet.escapes)
        self.append.setText(packet.append)
        select_data(self.checksum, packet.checksum)
        self.checksum_order.setCurrentIndex(
            max(0, self.checksum_order.findData(packet.checksum_order))
        )
        self.framing.setText(packet.framing)
        select_data(self.kind, packet.kind)
        self.host.setText(packet.host)
        self.port.setValue(packet.port)
        self.interval.setValue(packet.interval_ms)
        self.notes.setPlainText(packet.notes)
        index = 0
        if packet.template is not None:
            wanted = packet.template.to_dict()
            index = 1 + next(i for i, t in enumerate(self._templates) if t.to_dict() == wanted)
        self.source.setCurrentIndex(index)
        self._show_template(packet.values)

    def template(self) -> Template | None:
        """The template chosen under "Built from" (None: typed data)."""
        index = int(self.source.currentData())
        return self._templates[index] if index >= 0 else None

    @Slot()
    def _on_source_changed(self) -> None:
        self._show_template({})
        self._revalidate()

    def _show_template(self, values: Mapping[str, object]) -> None:
        """Show the chosen template's grid (with ``values`` typed in), or none."""
        from netassistant.ui.templates.grid import TemplateGrid

        if self.grid is not None:
            self.grid_layout.removeWidget(self.grid)
            self.grid.hide()
            self.grid.deleteLater()
            self.grid = None
        template = self.template()
        for widget in (self.data, self.mode, self.encoding, self.escapes, self.append):
            self.form.setRowVisible(widget, template is None)  # the template builds it
        self.grid_box.setVisible(template is not None)
        if template is None:
            return
        grid = TemplateGrid(template)
        grid.setMinimumHeight(300)
        for key, value in values.items():
            try:
                grid.set_value(key, str(value))
            except KeyError:
                continue  # a value of a field the template no longer has
        grid.changed.connect(self._revalidate)
        self.grid_layout.addWidget(grid)
        self.grid = grid
        self.resize(max(self.width(), 640), max(self.height(), self.sizeHint().height()))

    def packet(self) -> Packet:
        """The packet the form shows (checked or not)."""
        return Packet(
            name=self.name.text(),
            data=self.data.text(),
            mode=str(self.mode.currentData()),
            encoding=self.encoding.currentText(),
            escapes=self.escapes.isChecked(),
            append=self.append.text(),
            checksum=str(self.checksum.currentData()),
            checksum_order=str(self.checksum_order.currentData()),
            framing=self.framing.text(),
            kind=str(self.kind.currentData()),
            host=self.host.text().strip(),
            port=self.port.value(),
            interval_ms=self.interval.value(),
            notes=self.notes.toPlainText(),
            template=self.template(),
            values=self.grid.values() if self.grid is not None else {},
        )

    @Slot()
    def _revalidate(self) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            wire = self.packet().validate().wire_bytes()
        except PacketError as exc:
            self.error.setText(tr_error(exc))
            self.error.show()
            self.preview.clear()
            ok_button.setEnabled(False)
            return
        shown = format_hex(wire[:PREVIEW_BYTES]) + (" …" if len(wire) > PREVIEW_BYTES else "")
        self.preview.setText(
            self.tr("%1 bytes: %2").replace("%1", str(len(wire))).replace("%2", shown)
        )
        self.error.clear()
        self.error.hide()
        ok_button.setEnabled(True)
