"""PacketLibraryWindow: the saved packets in a searchable table; one click sends one.

The table shows name, payload preview, kind, target, resend interval and notes; the search
box filters on all of them. Send (or a double-click, or Ctrl+1..Ctrl+9 for the first nine
rows shown) hands the packet to the current pane through :class:`PacketSender`; "Repeat at
its interval" repeats a packet with a resend interval until stopped (:class:`PacketRepeater`,
shared with the panel). The
library file is :class:`~netassistant.core.packets.library.PacketLibrary` (shared with
``netassistant-cli packets`` and ``--send-packet``); a file that cannot be read is
reported here and never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.packets.library import PacketLibrary, free_name
from netassistant.core.packets.model import Packet, PacketError
from netassistant.core.packets.panel import PanelSetup
from netassistant.qt.coremessages import tr_error
from netassistant.ui.packets.repeating import PacketRepeater
from netassistant.ui.packets.sending import PacketSender
from netassistant.ui.widgets import decorate

if TYPE_CHECKING:
    from netassistant.core.templates.model import Template
    from netassistant.ui.pane.pane import SessionPane

#: Characters of the payload shown in the table.
PREVIEW_CHARS = 48
#: Packets with a shortcut (Ctrl+1 .. Ctrl+9).
SHORTCUTS = 9


class PacketLibraryWindow(QDialog):
    """The packet library (see the module docstring).

    Attributes:
        search: Filters the table.
        table: One row per packet (through :attr:`proxy`).
        model: The rows, in library order.
        message: What the last action did, or why it did not.
        repeater: The running "Repeat at its interval" sends (shared with the panel).
    """

    def __init__(
        self,
        library: PacketLibrary,
        target: Callable[[], SessionPane | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Packet library"))
        self.setObjectName("packetLibrary")
        self.library = library
        self._target = target
        self._sender = PacketSender(self)
        self.repeater = PacketRepeater(self)
        self._packets: list[Packet] = []
        self._panel: QDialog | None = None
        self._build()
        self._connect_signals()
        self.reload()
        self.resize(900, 480)

    # ------------------------------------------------------------------ building
    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        return decorate(QPushButton(text), name, text, tip)

    def _build(self) -> None:
        self.search = decorate(
            QLineEdit(),
            "packetSearch",
            self.tr("Search packets"),
            self.tr("Show only packets whose name, data, target or notes contain this"),
        )
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Payload"),
                self.tr("Kind"),
                self.tr("Target"),
                self.tr("Interval"),
                self.tr("Notes"),
            ]
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = decorate(
            QTableView(),
            "packetTable",
            self.tr("Packets"),
            self.tr("Double-click to send into the current pane; Ctrl+1..9 send the first nine"),
        )
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setVisible(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.send_button = self._button(
            self.tr("Send"), "packetSend", self.tr("Send the selected packet into the current pane")
        )
        self.repeat_button = self._button(
            self.tr("Repeat at its interval"),
            "packetRepeat",
            self.tr("Send the selected packet again and again at its resend interval until Stop"),
        )
        self.repeat_button.setCheckable(True)
        self.repeat_button.setEnabled(False)
        self.add_button = self._button(self.tr("Add…"), "packetAdd", self.tr("New packet"))
        self.edit_button = self._button(
            self.tr("Edit…"), "packetEdit", self.tr("Edit the selected packet")
        )
        self.duplicate_button = self._button(
            self.tr("Duplicate"), "packetDuplicate", self.tr("Copy the selected packet")
        )
        self.delete_button = self._button(
            self.tr("Delete"), "packetDelete", self.tr("Delete the selected packet")
        )
        self.import_button = self._button(
            self.tr("Import…"),
            "packetImport",
            self.tr("Add packets from a JSON packet file or Packet Sender's packets.ini"),
        )
        self.export_button = self._button(
            self.tr("Export…"), "packetExport", self.tr("Save all packets as a JSON file")
        )
        self.panel_button = self._button(
            self.tr("Panel…"),
            "packetPanel",
            self.tr("Big buttons for chosen packets and a step list for repeated tests"),
        )
        self.message = QLabel()
        self.message.setObjectName("packetMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (
            self.send_button,
            self.repeat_button,
            self.add_button,
            self.edit_button,
            self.duplicate_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.import_button, self.export_button, self.panel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.shortcuts = []
        for number in range(1, SHORTCUTS + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=number: self.send_row(n - 1))
            self.shortcuts.append(shortcut)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.doubleClicked.connect(lambda _index: self._send_selected())
        self.send_button.clicked.connect(self._send_selected)
        self.repeat_button.clicked.connect(self._toggle_repeat)
        self.table.selectionModel().selectionChanged.connect(self._sync_repeat_button)
        self.repeater.changed.connect(self._on_repeat_changed)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.duplicate_button.clicked.connect(self._duplicate)
        self.delete_button.clicked.connect(self._delete)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        self.panel_button.clicked.connect(self.open_panel)

    # ------------------------------------------------------------------ the table
    def packets(self) -> list[Packet]:
        """The packets as last read from the library."""
        return list(self._packets)

    def reload(self) -> None:
        """Read the library again and refill the table (an unreadable file is reported)."""
        try:
            self._packets = self.library.packets()
        except PacketError as exc:
            self._packets = []
            self._say(tr_error(exc), error=True)
        self.model.setRowCount(0)
        for packet in self._packets:
            interval = self._interval_text(packet)
            kind = {"any": self.tr("any"), "tcp": "TCP", "udp": "UDP"}[packet.kind]
            preview = packet.data if len(packet.data) <= PREVIEW_CHARS else packet.data[:47] + "…"
            if packet.template is not None:
                preview = self.tr("template: %1").replace("%1", packet.template.name)
            notes = packet.notes.replace("\n", " ")
            row = [packet.name, preview, kind, packet.target, interval, notes]
            self.model.appendRow([QStandardItem(text) for text in row])
        self.table.resizeColumnsToContents()
        for column, most in ((1, 260), (5, 260)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
        if self._panel is not None:
            self._panel.set_packets(self._packets)  # type: ignore[attr-defined]
        self._sync_repeat_button()

    def _interval_text(self, packet: Packet) -> str:
        if not packet.interval_ms:
            return ""
        text = self.tr("%1 ms").replace("%1", str(packet.interval_ms))
        if self.repeater.running(packet.name):
            text += " " + self.tr("(repeating)")
        return text

    def _selected(self) -> Packet | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._packets[self.proxy.mapToSource(rows[0]).row()]

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)

    # ------------------------------------------------------------------ sending
    def send_row(self, row: int) -> None:
        """Send the packet on visible row ``row`` (Ctrl+1 is row 0)."""
        if 0 <= row < self.proxy.rowCount():
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            self.send_packet(self._packets[source])

    @Slot()
    def _send_selected(self) -> None:
        packet = self._selected()
        if packet is None:
            self._say(self.tr("select a packet to send"), error=True)
            return
        self.send_packet(packet)

    def send_packet(self, packet: Packet) -> bool:
        """Send ``packet`` into the current pane; the message line says what happened."""
        refusal = self._sender.send(self._target(), packet)
        if refusal:
            self._say(refusal, error=True)
            return False
        self._say(self.tr("sent %1").replace("%1", packet.name))
        return True

    @Slot()
    def _sync_repeat_button(self) -> None:
        packet = self._selected()
        self.repeat_button.setEnabled(packet is not None and packet.interval_ms > 0)
        running = packet is not None and self.repeater.running(packet.name)
        self.repeat_button.setChecked(running)
        self.repeat_button.setText(
            self.tr("Stop repeating") if running else self.tr("Repeat at its interval")
        )

    @Slot()
    def _toggle_repeat(self) -> None:
        packet = self._selected()
        if packet is None:
            return
        if self.repeater.running(packet.name):
            self.repeater.stop(packet.name)
        else:
            self.repeat_packet(packet)
        self._sync_repeat_button()

    def repeat_packet(self, packet: Packet) -> bool:
        """Repeat ``packet`` into the current pane at its interval until stopped."""
        refusal = self.repeater.start(self._target(), packet)
        if refusal:
            self._say(refusal, error=True)
        return not refusal

    @Slot(str, str)
    def _on_repeat_changed(self, name: str, message: str) -> None:
        for row, packet in enumerate(self._packets):
            item = self.model.item(row, 4)
            if packet.name == name and item is not None:
                item.setText(self._interval_text(packet))
                self.table.resizeColumnToContents(4)
        if message:
            self._say(message)
        self._sync_repeat_button()

    # ------------------------------------------------------------------ editing
    def _edit_dialog(self, packet: Packet) -> Packet | None:
        from netassistant.ui.packets.packetdialog import PacketDialog

        dialog = PacketDialog(packet, self, self._templates())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.packet() if accepted else None
        dialog.deleteLater()
        return result

    def _templates(self) -> list[Template]:
        """What "Built from" offers: the built-in templates and the current pane's own."""
        from netassistant.core.templates.library import TemplateLibrary

        pane = self._target()
        if pane is not None:
            return pane.sections.library.all()
        return list(TemplateLibrary.builtins())

    def _store(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except PacketError as exc:
            self._say(tr_error(exc), error=True)
            return False
        self.reload()
        return True

    @Slot()
    def _add(self) -> None:
        name = free_name(self.tr("New packet"), self._packets)
        packet = self._edit_dialog(Packet(name))
        if packet is not None and self._store(lambda: self.library.put(packet)):
            self._say(self.tr("added %1").replace("%1", packet.name))

    @Slot()
    def _edit(self) -> None:
        old = self._selected()
        if old is None:
            return
        packet = self._edit_dialog(old)
        if packet is not None:
            self._store(lambda: self.library.put(packet, replace=old.name))

    @Slot()
    def _duplicate(self) -> None:
        old = self._selected()
        if old is not None:
            self._store(lambda: self.library.duplicate(old.name))

    @Slot()
    def _delete(self) -> None:
        old = self._selected()
        if old is not None and self._store(lambda: self.library.delete(old.name)):
            self._say(self.tr("deleted %1").replace("%1", old.name))

    @Slot()
    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import packets"),
            "",
            self.tr("Packet files (*.json *.ini);;All files (*)"),
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Import ``path`` (JSON or Packet Sender INI); the message lists what was skipped."""
        try:
            result = self.library.import_file(path)
        except PacketError as exc:
            self._say(tr_error(exc), error=True)
            return False
        self.reload()
        text = self.tr("imported %1 packets").replace("%1", str(len(result.added)))
        for name, reason in result.skipped:
            text += "\n" + self.tr("skipped %1: %2").replace("%1", name).replace(
                "%2", tr_error(ValueError(reason))
            )
        self._say(text, error=bool(result.skipped))
        return True

    @Slot()
    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export packets"), "packets.json", self.tr("JSON files (*.json)")
        )
        if path:
            self._store(lambda: self.library.export(path))

    # ------------------------------------------------------------------ the panel
    @Slot()
    def open_panel(self) -> QDialog:
        """Show the panel (big buttons and the step list), made on first use."""
        if self._panel is None:
            from netassistant.ui.packets.panel import PacketPanel

            panel = PacketPanel(self._target, self, self.repeater)
            panel.set_packets(self._packets)
            try:
                panel.set_setup(self.library.panel())
            except PacketError as exc:
                panel.status.setText(tr_error(exc))
            panel.setup_changed.connect(self._save_panel)
            self._panel = panel
        self._panel.set_packets(self._packets)  # type: ignore[attr-defined]
        self._panel.show()
        self._panel.raise_()
        return self._panel

    @Slot(object)
    def _save_panel(self, setup: PanelSetup) -> None:
        """Store the panel's setup in the library file (an unreadable file is kept)."""
        try:
            self.library.save_panel(setup)
        except PacketError as exc:
            if self._panel is not None:
                self._panel.status.setText(tr_error(exc))  # type: ignore[attr-defined]
