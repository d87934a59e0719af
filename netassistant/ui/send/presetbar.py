"""Quick-send buttons from saved presets, their inline editor, and the send history.

:class:`PresetBar` shows one button per :class:`SendPreset` and emits the preset when
one is clicked; its bytes are :meth:`SendPreset.payload`, fixed by how it was typed (mode,
escapes, encoding), never by the send box's state at click time. :class:`HistoryList` keeps
the last sends of a pane and :class:`HistoryCombo` offers them again; the pane persists
``items()`` (in the profile's send settings and in QSettings).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.codec import ENCODINGS, EncodeError, EscapeError, HexError
from netassistant.core.profiles.model import MAX_NAME_LENGTH, SendPreset
from netassistant.qt.coremessages import tr_error
from netassistant.ui.send.sendpanel import APPENDS, MODES
from netassistant.ui.widgets import decorate, fill, select_data

# Sends remembered per pane.
HISTORY_LIMIT = 50
# Characters of a history entry or preset shown before "…".
PREVIEW_LENGTH = 60
# Bytes of a preset's payload shown as hex in its button's tooltip.
_TIP_BYTES = 32
_NAME, _DATA, _MODE, _ESCAPES, _ENCODING, _APPEND = range(6)


def _preview(text: str) -> str:
    line = text.splitlines()[0] if text else ""
    return line[:PREVIEW_LENGTH] + "…" if len(line) > PREVIEW_LENGTH or line != text else line


class HistoryList:
    """What a pane sent, newest first; sending the same again moves it to the top.

    Attributes:
        limit: How many entries are kept.
    """

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.limit = limit
        self._items: list[tuple[str, str]] = []

    def add(self, text: str, mode: str) -> None:
        """Put ``(text, mode)`` on top; an equal older entry goes, the oldest beyond the cap."""
        if not text or mode not in MODES:
            return
        entry = (text, mode)
        if entry in self._items:
            self._items.remove(entry)
        self._items.insert(0, entry)
        del self._items[self.limit :]

    def items(self) -> list[dict[str, str]]:
        """The entries, newest first, as JSON-ready ``{"text", "mode"}`` dicts."""
        return [{"text": text, "mode": mode} for text, mode in self._items]

    def set_items(self, items: Iterable[Any]) -> None:
        """Replace the entries (newest first); entries that are not valid are skipped."""
        self._items = []
        for item in reversed(list(items)):
            if isinstance(item, dict):
                text, mode = item.get("text"), item.get("mode")
            elif isinstance(item, list | tuple) and len(item) == 2:
                text, mode = item
            else:
                continue
            if isinstance(text, str) and isinstance(mode, str):
                self.add(text, mode)

    def entries(self) -> list[tuple[str, str]]:
        """The entries as ``(text, mode)`` pairs, newest first."""
        return list(self._items)


class HistoryCombo(QComboBox):
    """The send history as a combo; choosing an entry emits it and resets the combo.

    Attributes:
        history: The entries shown.

    Signals:
        history_chosen(str, str): the text and mode of the entry the user picked.
    """

    history_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = HistoryList()
        self.setPlaceholderText(self.tr("History"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        decorate(
            self,
            "sendHistory",
            self.tr("Send history"),
            self.tr("What was sent before, newest first; choose one to put it in the send box"),
        )
        self.activated.connect(self._on_activated)

    def add(self, text: str, mode: str) -> None:
        """Remember a send."""
        self.history.add(text, mode)
        self._refresh()

    def items(self) -> list[dict[str, str]]:
        """See :meth:`HistoryList.items`."""
        return self.history.items()

    def set_items(self, items: Iterable[Any]) -> None:
        """See :meth:`HistoryList.set_items`."""
        self.history.set_items(items)
        self._refresh()

    def _refresh(self) -> None:
        self.clear()
        for text, mode in self.history.entries():
            label = _preview(text)
            self.addItem(fill(self.tr("hex: %1"), label) if mode == "hex" else label)
            self.setItemData(self.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(-1)

    @Slot(int)
    def _on_activated(self, index: int) -> None:
        entries = self.history.entries()
        if 0 <= index < len(entries):
            self.history_chosen.emit(*entries[index])
        self.setCurrentIndex(-1)  # the same entry can be chosen again


class PresetEditor(QWidget):
    """An inline table of presets: name, data, mode, escapes, encoding and line ending.

    Rows can be added, removed and moved; Apply checks every row's bytes.

    Signals:
        applied(list): the valid presets, when Apply was pressed.
        cancelled(): Cancel was pressed.
    """

    applied = Signal(list)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Data"),
                self.tr("Mode"),
                self.tr("Escapes"),
                self.tr("Encoding"),
                self.tr("Append"),
            ]
        )
        self._encoding = "utf-8"
        self.table.horizontalHeader().setSectionResizeMode(_DATA, QHeaderView.ResizeMode.Stretch)
        decorate(
            self.table,
            "presetTable",
            self.tr("Presets"),
            self.tr("One row per button: its name, the data (text or hex) and a line ending"),
        )
        buttons = QHBoxLayout()
        for name, text, tip, slot in (
            ("presetAdd", self.tr("Add"), self.tr("Add a preset"), self._add),
            (
                "presetRemove",
                self.tr("Remove"),
                self.tr("Remove the selected preset"),
                self._remove,
            ),
            ("presetUp", self.tr("Up"), self.tr("Move the selected preset left"), self._up),
            ("presetDown", self.tr("Down"), self.tr("Move the selected preset right"), self._down),
            ("presetApply", self.tr("Apply"), self.tr("Check and keep these presets"), self.apply),
            ("presetCancel", self.tr("Cancel"), self.tr("Forget these edits"), self._cancel),
        ):
            button = QPushButton(text)
            decorate(button, name, text, tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.insertStretch(4, 1)
        self._error = QLabel()
        self._error.setObjectName("presetError")
        self._error.setTextFormat(Qt.TextFormat.PlainText)
        self._error.setWordWrap(True)
        self._error.setStyleSheet("color: #c62828;")
        self._error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self._error)

    # ------------------------------------------------------------------ rows
    def set_presets(self, presets: Iterable[SendPreset]) -> None:
        """Fill the table with ``presets`` (unchecked; Apply checks them)."""
        self.table.setRowCount(0)
        for preset in presets:
            self._insert(self.table.rowCount(), preset)
        self.clear_error()

    def rows(self) -> list[SendPreset]:
        """The rows as typed, without checking them."""
        out = []
        for row in range(self.table.rowCount()):
            name, data = (self.table.item(row, col) for col in (_NAME, _DATA))
            mode, encoding, append = (
                self.table.cellWidget(row, col) for col in (_MODE, _ENCODING, _APPEND)
            )
            escapes = self.table.cellWidget(row, _ESCAPES)
            assert isinstance(mode, QComboBox)
            assert isinstance(append, QComboBox)
            assert isinstance(encoding, QComboBox)
            assert isinstance(escapes, QCheckBox)
            out.append(
                SendPreset(
                    name.text() if name else "",
                    data.text() if data else "",
                    str(mode.currentData()),
                    str(append.currentData()),
                    escapes.isChecked(),
                    encoding.currentText(),
                )
            )
        return out

    def _insert(self, row: int, preset: SendPreset) -> None:
        self.table.insertRow(row)
        self.table.setItem(row, _NAME, QTableWidgetItem(preset.name))
        self.table.setItem(row, _DATA, QTableWidgetItem(preset.data))
        mode = QComboBox()
        mode.addItem(self.tr("Text"), "text")
        mode.addItem(self.tr("Hex"), "hex")
        select_data(mode, preset.mode)
        decorate(mode, "presetMode", self.tr("Preset mode"), self.tr("Text or hex bytes"))
        append = QComboBox()
        for text, ending in zip(
            (self.tr("Nothing"), self.tr("\\r\\n (CR LF)"), self.tr("\\n (LF)")),
            APPENDS,
            strict=True,
        ):
            append.addItem(text, ending)
        if append.findData(preset.append) < 0:  # a profile may hold any ending
            append.addItem(preset.append.encode("unicode_escape").decode("ascii"), preset.append)
        append.setCurrentIndex(append.findData(preset.append))
        decorate(append, "presetAppend", self.tr("Preset line ending"), self.tr("Added on send"))
        escapes = QCheckBox()
        escapes.setChecked(preset.escapes)
        decorate(
            escapes,
            "presetEscapes",
            self.tr("Preset escapes"),
            self.tr("Text mode: \\r \\n \\t \\0 \\xNN in the data are control bytes"),
        )
        encoding = QComboBox()
        encoding.addItems(list(ENCODINGS))
        if encoding.findText(preset.encoding) < 0:  # a profile may name any codec
            encoding.addItem(preset.encoding)
        encoding.setCurrentText(preset.encoding)
        decorate(
            encoding,
            "presetEncoding",
            self.tr("Preset encoding"),
            self.tr("Text mode: the encoding that turns the text into bytes"),
        )
        self.table.setCellWidget(row, _MODE, mode)
        self.table.setCellWidget(row, _ESCAPES, escapes)
        self.table.setCellWidget(row, _ENCODING, encoding)
        self.table.setCellWidget(row, _APPEND, append)

    @Slot()
    def _add(self) -> None:
        row = self.table.rowCount()
        name = fill(self.tr("Preset %1"), str(row + 1))
        self._insert(row, SendPreset(name, "", encoding=self._encoding))
        self.table.setCurrentCell(row, _DATA)

    @Slot()
    def _remove(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        if row < 0 or not 0 <= row + step < self.table.rowCount():
            return
        presets = self.rows()
        presets[row], presets[row + step] = presets[row + step], presets[row]
        self.set_presets(presets)
        self.table.setCurrentCell(row + step, _NAME)

    @Slot()
    def _up(self) -> None:
        self._move(-1)

    @Slot()
    def _down(self) -> None:
        self._move(1)

    # ---------------------------------------------------------------- checking
    @Slot()
    def _cancel(self) -> None:
        self.clear_error()
        self.cancelled.emit()

    @Slot()
    def apply(self) -> None:
        """Emit :attr:`applied` if every row is valid; else explain the first problem."""
        presets = self.rows()
        for row, preset in enumerate(presets):
            problem, column = self._problem(preset)
            if problem:
                self.show_error(fill(self.tr("Row %1: %2"), str(row + 1), problem))
                self.table.setCurrentCell(row, column)
                return
        self.clear_error()
        self.applied.emit(presets)

    def _problem(self, preset: SendPreset) -> tuple[str, int]:
        """Why ``preset`` cannot be kept ("" if it can) and the column to point at."""
        name = preset.name
        if not name.strip():
            return self.tr("give the button a name"), _NAME
        if len(name) > MAX_NAME_LENGTH:
            return fill(
                self.tr("the name is longer than %1 characters"), str(MAX_NAME_LENGTH)
            ), _NAME
        empty = not preset.data.strip() if preset.mode == "hex" else not preset.data
        if empty:
            return self.tr("no data to send"), _DATA
        try:
            preset.payload()
        except (HexError, EscapeError, EncodeError) as exc:
            return tr_error(exc), _DATA
        return "", _NAME

    def set_encoding(self, encoding: str) -> None:
        """The encoding a new row starts with (the session's)."""
        self._encoding = encoding

    def show_error(self, message: str) -> None:
        """Show ``message`` (already translated) inline."""
        self._error.setText(message)
        self._error.show()

    def clear_error(self) -> None:
        """Hide the inline error."""
        self._error.clear()
        self._error.hide()


class PresetBar(QWidget):
    """A row of quick-send buttons, an "Edit presets…" toggle and the send history.

    Attributes:
        editor: The inline preset editor (hidden until "Edit presets…"; made then).
        history: The send history combo.

    Signals:
        preset_triggered(SendPreset): a preset button was clicked.
        presets_changed(): the user applied edited presets (not sent by set_presets()).
    """

    preset_triggered = Signal(object)
    presets_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presets: list[SendPreset] = []
        self._buttons: list[QPushButton] = []
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel(self.tr("No presets yet"))
        self._empty.setObjectName("presetEmpty")
        self._row.addWidget(self._empty)
        self._row.addStretch(1)
        self._edit = QPushButton(self.tr("Edit presets…"))
        self._edit.setCheckable(True)
        decorate(
            self._edit,
            "presetEdit",
            self.tr("Edit presets"),
            self.tr("Add, change, reorder or remove the quick-send buttons"),
        )
        self.history = HistoryCombo()
        self._row.addWidget(self._edit)
        self._row.addWidget(self.history)
        # The editor (a table and six buttons, hidden) is made when first wanted: the
        # window's start-up neither builds nor polishes it.
        self._editor: PresetEditor | None = None
        self._encoding = "utf-8"
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(self._row)
        self._edit.toggled.connect(self._on_edit_toggled)

    @property
    def editor(self) -> PresetEditor:
        """The inline preset editor, made the first time it is asked for (hidden)."""
        if self._editor is None:
            editor = self._editor = PresetEditor()
            editor.hide()
            editor.set_encoding(self._encoding)
            self._layout.addWidget(editor)
            # Tab goes from the history into the editor, as if it had been made with the bar.
            previous: QWidget = self.history
            for widget in (editor.table, *editor.findChildren(QPushButton)):
                QWidget.setTabOrder(previous, widget)
                previous = widget
            editor.applied.connect(self._on_applied)
            editor.cancelled.connect(lambda: self._edit.setChecked(False))
        return self._editor

    def add_tool_button(self, button: QAbstractButton) -> None:
        """Put ``button`` in the row, before "Edit presets…" (the send area's "Packets…")."""
        self._row.insertWidget(self._row.indexOf(self._edit), button)

    def presets(self) -> list[SendPreset]:
        """The presets, in button order."""
        return list(self._presets)

    def set_presets(self, presets: Iterable[SendPreset]) -> None:
        """Show these presets as buttons (a profile was loaded; no presets_changed)."""
        self._presets = list(presets)
        for button in self._buttons:
            self._row.removeWidget(button)
            button.hide()
            button.setParent(None)  # gone from findChild() at once, not at deleteLater()
            button.deleteLater()
        self._buttons = []
        for index, preset in enumerate(self._presets):
            button = QPushButton(preset.name.replace("&", "&&"))
            what = _preview(preset.data)
            tip = (
                fill(self.tr("Send hex %1"), what)
                if preset.mode == "hex"
                else fill(self.tr("Send %1"), what)
            )
            tip += "\n" + self._bytes_note(preset)
            decorate(button, f"preset_{index}", fill(self.tr("Send preset %1"), preset.name), tip)
            button.clicked.connect(lambda _=False, p=preset: self.preset_triggered.emit(p))
            self._row.insertWidget(index, button)
            self._buttons.append(button)
        self._empty.setVisible(not self._presets)
        if self._editor is not None and not self._editor.isHidden():
            self._editor.set_presets(self._presets)

    def _bytes_note(self, preset: SendPreset) -> str:
        r"""What the button sends, byte for byte (the hex says what "\\r\\n" became)."""
        try:
            payload = preset.payload()
        except (HexError, EscapeError, EncodeError) as exc:
            return tr_error(exc)
        shown = payload[:_TIP_BYTES].hex(" ").upper() + (" …" if len(payload) > _TIP_BYTES else "")
        return fill(self.tr("%1 bytes: %2"), str(len(payload)), shown)

    def set_encoding(self, encoding: str) -> None:
        """The encoding a new preset starts with (the session's)."""
        self._encoding = encoding
        if self._editor is not None:
            self._editor.set_encoding(encoding)

    @Slot(bool)
    def _on_edit_toggled(self, on: bool) -> None:
        if on:
            self.editor.set_presets(self._presets)
        self.editor.setVisible(on)

    @Slot(list)
    def _on_applied(self, presets: list[SendPreset]) -> None:
        self.set_presets(presets)
        self._edit.setChecked(False)
        self.presets_changed.emit()
