"""TemplateEditor: add, remove and reorder a template's fields and set what each is.

One row per field: name, kind, byte order, default, size, enum names (``on=1, off=0``),
bits (``version:4, ihl:4``), the fields a length or checksum covers (``first..last``,
empty ends meaning from the start / to the end) and the checksum's algorithm. The
template is checked as it is edited; what is wrong is said in words and OK waits for it.
"""

from __future__ import annotations

import contextlib
from typing import Any, Final

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.checksum import ALGORITHMS
from netassistant.core.templates.model import ENDIANS, KINDS, Field, Template, TemplateError
from netassistant.qt.coremessages import tr_error
from netassistant.ui.widgets import ErrorLabel, decorate, push_button

NAME, KIND, ORDER, DEFAULT, SIZE, ENUM, BITS, COVERS, ALGORITHM = range(9)
COMBO_COLUMNS: Final = {KIND: KINDS, ORDER: ENDIANS, ALGORITHM: ("", *sorted(ALGORITHMS))}


def pairs_text(pairs: Any, sep: str) -> str:
    """``{"on": 1}`` or ``(("a", 4),)`` as ``on=1`` / ``a:4`` text, comma separated."""
    items = pairs.items() if isinstance(pairs, dict) else pairs
    return ", ".join(f"{k}{sep}{v}" for k, v in items)


def parse_pairs(text: str, sep: str) -> list[tuple[str, int]]:
    """``on=1, off=0`` back to pairs.

    Raises:
        ValueError: A part is not ``name<sep>number``; ``args[0]`` is that part.
    """
    out: list[tuple[str, int]] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, found, number = part.partition(sep)
        try:
            if not found:
                raise ValueError(part)
            out.append((name.strip(), int(number.strip(), 0)))
        except ValueError:
            raise ValueError(part) from None
    return out


class TemplateEditor(QDialog):
    """Edit a template's name and fields; :meth:`template` is the result.

    Attributes:
        name: The template's name.
        description: One line saying what it is for.
        table: The fields, one per row.
        error: What is wrong with the template as it stands.
    """

    def __init__(self, template: Template | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.setWindowTitle(self.tr("Edit packet template"))
        self.name = decorate(
            QLineEdit(),
            "templateName",
            self.tr("Template name"),
            self.tr("What the template is called in the list; unique in the pane"),
        )
        self.description = decorate(
            QLineEdit(),
            "templateDescription",
            self.tr("Template description"),
            self.tr("One line saying what the frame is for"),
        )
        self.table = decorate(
            QTableWidget(0, 9),
            "templateFields",
            self.tr("Fields"),
            self.tr("The frame's fields in wire order; double-click a cell to change it"),
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Byte order"),
                self.tr("Default"),
                self.tr("Size"),
                self.tr("Enum names"),
                self.tr("Bits"),
                self.tr("Covers"),
                self.tr("Checksum"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error = ErrorLabel("templateEditorError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for which, name, accessible, tip in (
            (QDialogButtonBox.StandardButton.Ok, "templateEditorOk", self.tr("Save template"),
             self.tr("Keep the template (possible once it describes a frame)")),
            (QDialogButtonBox.StandardButton.Cancel, "templateEditorCancel",
             self.tr("Cancel"), self.tr("Close without changing the template")),
        ):  # fmt: skip
            decorate(self.buttons.button(which), name, accessible, tip)
        row_buttons = QHBoxLayout()
        actions = (
            (
                "templateAddField",
                self.tr("Add field"),
                self.tr("Add a field after the selected one"),
            ),
            ("templateRemoveField", self.tr("Remove"), self.tr("Remove the selected field")),
            ("templateFieldUp", self.tr("Up"), self.tr("Move the selected field earlier")),
            ("templateFieldDown", self.tr("Down"), self.tr("Move the selected field later")),
        )
        slots = (self.add_field, self.remove_field, self.move_up, self.move_down)
        for (name, label, tip), slot in zip(actions, slots, strict=True):
            button = push_button(name, label, tip, auto_default=False)
            button.clicked.connect(slot)
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row_buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(self.check)
        self.name.textChanged.connect(self.check)
        if template is not None:
            self.name.setText(template.name)
            self.description.setText(template.description)
            for f in template.fields:
                self._insert_row(self.table.rowCount(), f)
        self.check()

    # ---------------------------------------------------------------- rows
    def _insert_row(self, row: int, f: Field) -> None:
        self.table.blockSignals(True)
        self.table.insertRow(row)
        texts = {
            NAME: f.name,
            DEFAULT: "" if f.default is None else str(f.default),
            SIZE: str(f.size) if f.kind in ("bytes", "string") else "",
            ENUM: pairs_text(f.enum, "="),
            BITS: pairs_text(f.bits, ":"),
            COVERS: "" if f.covers == ("", "") and not f.computed else "..".join(f.covers),
        }
        for column, value in texts.items():
            self.table.setItem(row, column, QTableWidgetItem(value))
        choices = {KIND: f.kind, ORDER: f.endian, ALGORITHM: f.algorithm}
        for column, options in COMBO_COLUMNS.items():
            combo = QComboBox()
            combo.addItems(list(options))
            combo.setCurrentText(choices[column])
            combo.currentTextChanged.connect(self.check)
            self.table.setCellWidget(row, column, combo)
        self.table.blockSignals(False)

    def _combo(self, row: int, column: int) -> str:
        widget = self.table.cellWidget(row, column)
        return widget.currentText() if isinstance(widget, QComboBox) else ""

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    @Slot()
    def add_field(self) -> None:
        """A new u8 field after the selected row (or at the end)."""
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        names = {self._text(r, NAME) for r in range(self.table.rowCount())}
        number = 1
        while f"field{number}" in names:
            number += 1
        self._insert_row(row, Field(f"field{number}", "u8"))
        self.table.setCurrentCell(row, NAME)
        self.check()

    @Slot()
    def remove_field(self) -> None:
        """Remove the selected field."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.check()

    @Slot()
    def move_up(self) -> None:
        """Move the selected field one row earlier."""
        self.move_field(-1)

    @Slot()
    def move_down(self) -> None:
        """Move the selected field one row later."""
        self.move_field(1)

    def move_field(self, step: int) -> None:
        """Move the selected field ``step`` rows (-1 up, 1 down)."""
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        f = self.field_at(row)
        self.table.removeRow(row)
        self._insert_row(target, f)
        self.table.setCurrentCell(target, NAME)
        self.check()

    # ---------------------------------------------------------------- reading
    def field_at(self, row: int) -> Field:
        """The field row ``row`` describes.

        Raises:
            TemplateError: A cell that does not parse, in words.
        """
        name = self._text(row, NAME)
        kind = self._combo(row, KIND)
        size_text = self._text(row, SIZE)
        try:
            size = int(size_text or 0)
        except ValueError:
            message = self.tr("%1: the size must be a whole number, not %2")
            raise TemplateError(message.replace("%1", name).replace("%2", size_text)) from None
        covers_text = self._text(row, COVERS)
        first, _, last = covers_text.partition("..")
        default: Any = self._text(row, DEFAULT) or None
        if default is not None and kind not in ("bytes", "string"):
            # Enum names stay text: the template accepts them, the grid says if one is wrong.
            with contextlib.suppress(ValueError):
                default = int(default, 0) if kind not in ("f32", "f64") else float(default)
        try:
            bits = tuple(parse_pairs(self._text(row, BITS), ":"))
            enum = dict(parse_pairs(self._text(row, ENUM), "="))
        except ValueError as exc:
            message = self.tr("%1: %2 is not a name and a number, like a=1 or a:4")
            raise TemplateError(message.replace("%1", name).replace("%2", str(exc))) from None
        algorithm = self._combo(row, ALGORITHM) if kind == "checksum" else ""
        return Field(
            name,
            kind,
            endian=self._combo(row, ORDER),
            default=default if kind != "bits" else None,
            size=size if kind in ("bytes", "string") else 0,
            enum=enum,
            bits=bits if kind == "bits" else (),
            role="length" if covers_text and kind != "checksum" else "",
            covers=(first.strip(), last.strip()),
            algorithm=algorithm,
        )

    def template(self) -> Template:
        """The template as edited.

        Raises:
            TemplateError: What is wrong with it, in words.
        """
        fields = tuple(self.field_at(row) for row in range(self.table.rowCount()))
        name = self.name.text().strip()
        if not name:
            raise TemplateError(self.tr("give the template a name"))
        return Template(name, fields, self.description.text().strip())

    @Slot()
    def check(self) -> bool:
        """Show what is wrong (if anything); OK is enabled only for a good template."""
        try:
            self.template()
        except TemplateError as exc:
            self.error.show_message(tr_error(exc))
            ok = False
        else:
            self.error.clear_message()
            ok = True
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def keyPressEvent(self, event: Any) -> None:
        """Enter edits a cell rather than closing the dialog half-edited."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            return
        super().keyPressEvent(event)
