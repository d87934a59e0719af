"""TemplateGrid: edit a message's field values in a grid; the bytes follow as you type.

One row per value (a bits field has one per bit group). Each value is checked as it is
typed: a value that does not fit shows why in its row (in red) and the message is not
built; once all fit, the bytes (lengths and checksums computed) are shown below, with
the computed fields' values filled into their rows.
"""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.codec import format_hex
from netassistant.core.templates.codec import ValueProblems, build, parse
from netassistant.core.templates.model import INT_KINDS, Template, TemplateError
from netassistant.qt.coremessages import tr_core, tr_error
from netassistant.ui.widgets import decorate

FIELD, KIND, VALUE, PROBLEM = range(4)
BAD: Final = QColor(0xC0, 0x00, 0x00)
COMPUTED: Final = QColor(0x60, 0x60, 0x60)


class TemplateGrid(QWidget):
    """The value grid and the bytes it builds, for one template.

    Attributes:
        template: The template edited.
        table: Field, type, value and problem, one row per value.
        preview: The built bytes in hex (or nothing while a value is wrong).
        summary: How many bytes, or how many values need fixing.
        data: The built bytes (None while a value does not fit).

    Signals:
        changed(): the values changed (``data`` is up to date).
    """

    changed = Signal()

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateGrid")
        self.template = template
        self.data: bytes | None = None
        self.table = decorate(
            QTableWidget(0, 4),
            "templateValues",
            self.tr("Field values"),
            self.tr("Type a value in the Value column; the bytes below follow"),
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Type"), self.tr("Value"), self.tr("Problem")]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview = decorate(
            QPlainTextEdit(),
            "templateBytes",
            self.tr("Message bytes"),
            self.tr("The message as it goes on the wire, lengths and checksums computed"),
        )
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setMaximumHeight(90)
        self.summary = QLabel()
        self.summary.setObjectName("templateSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview)
        self._fill(template.defaults())
        self.table.itemChanged.connect(self._on_item_changed)
        self.rebuild()

    def _fill(self, values: dict[str, Any]) -> None:
        rows: list[tuple[str, str, str, bool]] = []
        for f in self.template.fields:
            kind = f.kind
            if f.role == "length":
                kind = self.tr("%1, length").replace("%1", f.kind)
            elif f.kind == "checksum":
                kind = f.algorithm
            elif f.kind in INT_KINDS and f.endian != "big":
                kind = f"{f.kind} {f.endian}"
            for key in f.value_names:
                rows.append((key, kind, "" if f.computed else str(values.get(key, "")), f.computed))
        self.table.setRowCount(len(rows))
        for row, (key, kind, value, computed) in enumerate(rows):
            for column, content in ((FIELD, key), (KIND, kind), (VALUE, value), (PROBLEM, "")):
                item = QTableWidgetItem(content)
                if column != VALUE or computed:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if computed:
                    item.setForeground(COMPUTED)
                self.table.setItem(row, column, item)
            f = self.template.field(key.split(".", 1)[0])
            if f.enum:
                names = ", ".join(f"{n}={v}" for n, v in f.enum.items())
                self._cell(row, VALUE).setToolTip(names)
        self.table.resizeColumnsToContents()
        # Room to type a value longer than the default one.
        self.table.setColumnWidth(VALUE, max(self.table.columnWidth(VALUE), 140))

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell is filled in _fill
        return item

    def values(self) -> dict[str, str]:
        """The typed values by key (computed fields left out)."""
        out: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            key = self._cell(row, FIELD).text()
            if not self.template.field(key.split(".", 1)[0]).computed:
                out[key] = self._cell(row, VALUE).text()
        return out

    def set_value(self, key: str, value: str) -> None:
        """Type ``value`` into the row of ``key`` (as a user would)."""
        for row in range(self.table.rowCount()):
            if self._cell(row, FIELD).text() == key:
                self._cell(row, VALUE).setText(value)
                return
        raise KeyError(key)

    def problem(self, key: str) -> str:
        """What the grid says is wrong with ``key``'s value ("" if nothing)."""
        for row in range(self.table.rowCount()):
            if self._cell(row, FIELD).text() == key:
                return self._cell(row, PROBLEM).text()
        raise KeyError(key)

    @Slot()
    def rebuild(self) -> None:
        """Check every value, build the bytes if they all fit, show both."""
        problems: dict[str, str] = {}
        try:
            self.data = build(self.template, self.values())
        except ValueProblems as exc:
            self.data = None
            problems = {k: tr_core(v) for k, v in exc.problems.items()}
        except TemplateError as exc:
            self.data = None
            problems = {"": tr_error(exc)}
        computed = self._computed_values()
        with QSignalBlocker(self.table):
            for row in range(self.table.rowCount()):
                key = self._cell(row, FIELD).text()
                problem = self._cell(row, PROBLEM)
                problem.setText(problems.get(key, ""))
                problem.setForeground(BAD)
                if key in computed:
                    self._cell(row, VALUE).setText(computed[key])
        if self.data is None:
            self.preview.setPlainText("")
            if "" in problems:
                self.summary.setText(problems[""])
            else:
                self.summary.setText(
                    self.tr("%1 value(s) to fix before the message can be built").replace(
                        "%1", str(len(problems))
                    )
                )
        else:
            self.preview.setPlainText(format_hex(self.data))
            self.summary.setText(self.tr("%1 bytes").replace("%1", str(len(self.data))))
        self.changed.emit()

    def _computed_values(self) -> dict[str, str]:
        if self.data is None:
            return {}
        parsed = parse(self.template, self.data)
        names = {f.name for f in self.template.fields if f.computed}
        return {s.key: s.shown for s in parsed.spans if s.key in names}

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == VALUE:
            self.rebuild()
