"""FaultsBox: a relay pane's faults, one row each, applied as soon as they change.

Each row has the CLI spec's parts: direction, fault, its parameters (as in
``--toxic``, e.g. ``size=4,delay_ms=10``) and the toxicity. A change that makes every
row valid emits :attr:`FaultsBox.faults_changed` with the specs; a bad row is named in
words under the rows and nothing is applied until it is fixed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.relay.spec import (
    DIRECTIONS,
    EXAMPLES,
    FAULTS,
    FaultSpecError,
    join_spec,
    parse_fault,
    split_spec,
)
from netassistant.qt.coremessages import tr_core
from netassistant.ui.widgets import combo_box, decorate, fill, push_button, tool_button

#: At most this many rows (the relay's own limit, see core/relay/settings.py).
MAX_ROWS = 32


class FaultRow(QWidget):
    """One fault: direction, name, parameters, toxicity, and a remove button.

    Signals:
        edited(): a field changed (the parameters: when editing ends).
        remove_requested(): the row's remove button was clicked.
    """

    edited = Signal()
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        directions = (self.tr("up"), self.tr("down"), self.tr("both"))
        self.direction = combo_box(
            "faultDirection",
            self.tr("Fault direction"),
            self.tr("up: client → server; down: server → client; both: each way"),
            zip(directions, DIRECTIONS, strict=True),
        )
        self.name = combo_box(
            "faultName",
            self.tr("Fault"),
            self.tr(
                "latency, bandwidth (KiB/s), slicer (splits writes: 拆包), coalesce (joins "
                "writes: 粘包), drop, timeout, reset (RST), slow_close, limit (bytes)"
            ),
            ((name, name) for name in FAULTS),
        )
        self.toxicity = QDoubleSpinBox()
        self.toxicity.setRange(0.0, 1.0)
        self.toxicity.setSingleStep(0.1)
        self.toxicity.setDecimals(2)
        self.toxicity.setValue(1.0)
        decorate(
            self.toxicity,
            "faultToxicity",
            self.tr("Toxicity"),
            self.tr(
                "The chance 0..1 that the fault applies to a connection (UDP drop: a datagram)"
            ),
        )
        self.params = QLineEdit(EXAMPLES["latency"])
        decorate(
            self.params,
            "faultParams",
            self.tr("Fault parameters"),
            self.tr("As on the command line: name=value, separated by commas"),
        )
        # A small "✕" keeps the row narrow enough for the settings column.
        self.remove_button = tool_button(
            "faultRemove", "✕", self.tr("Remove this fault; held data goes on at once")
        )
        self.remove_button.setAccessibleName(self.tr("Remove fault"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.direction, 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.toxicity, 0, 2)
        grid.addWidget(self.remove_button, 0, 3)
        grid.addWidget(self.params, 1, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self.direction.currentIndexChanged.connect(self.edited)
        self.name.currentIndexChanged.connect(self._on_name_changed)
        self.toxicity.valueChanged.connect(self.edited)
        self.params.editingFinished.connect(self.edited)
        self.remove_button.clicked.connect(self.remove_requested)

    @Slot()
    def _on_name_changed(self) -> None:
        # A new fault starts from its example parameters (the old ones would not fit).
        self.params.setText(EXAMPLES[str(self.name.currentData())])
        self.edited.emit()

    def spec(self) -> str:
        """The row as a CLI spec (not checked)."""
        return join_spec(
            str(self.direction.currentData()),
            str(self.name.currentData()),
            self.params.text(),
            round(self.toxicity.value(), 2),
        )

    def set_spec(self, spec: str) -> None:
        """Show ``spec`` (a valid one) in the row's fields, without emitting :attr:`edited`."""
        direction, name, params, toxicity = split_spec(parse_fault(spec))
        for widget in (self.direction, self.name, self.toxicity, self.params):
            widget.blockSignals(True)
        try:
            self.direction.setCurrentIndex(self.direction.findData(direction))
            self.name.setCurrentIndex(self.name.findData(name))
            self.toxicity.setValue(toxicity)
            self.params.setText(params)
        finally:
            for widget in (self.direction, self.name, self.toxicity, self.params):
                widget.blockSignals(False)


class FaultsBox(QGroupBox):
    """The relay's faults, applied at once when they change.

    Signals:
        faults_changed(list): every row is valid; the specs, in row order.
    """

    faults_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Faults"), parent)
        self.setObjectName("faultsBox")
        self.rows: list[FaultRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = push_button(
            "faultAdd",
            self.tr("Add fault"),
            self.tr("Add a fault; it applies at once, also to open connections"),
        )
        self.error_label = QLabel()
        self.error_label.setObjectName("faultError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        hint = QLabel(self.tr("Changes apply at once and are logged."))
        hint.setWordWrap(True)
        hint.setObjectName("faultHint")
        layout = QVBoxLayout(self)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.add_button)
        layout.addWidget(self.error_label)
        layout.addWidget(hint)
        self.add_button.clicked.connect(self._on_add)

    # ------------------------------------------------------------------- state
    def specs(self) -> list[str]:
        """Every row as a CLI spec, in order (not checked)."""
        return [row.spec() for row in self.rows]

    def set_specs(self, specs: list[str]) -> None:
        """Show ``specs`` (valid ones), one row each, without emitting :attr:`faults_changed`."""
        while self.rows:
            self._drop(self.rows[-1])
        for spec in specs:
            self._add_row().set_spec(spec)
        self._hide_error()

    def check(self) -> list[str] | None:
        """The specs if every row is valid; else None, and the first problem is shown."""
        specs = self.specs()
        for number, spec in enumerate(specs, 1):
            try:
                parse_fault(spec)
            except FaultSpecError as exc:
                reason = tr_core(exc.args[0])
                self.error_label.setText(fill(self.tr("Fault %1: %2"), str(number), reason))
                self.error_label.show()
                return None
        self._hide_error()
        return specs

    # ---------------------------------------------------------------- changes
    @Slot()
    def _on_add(self) -> None:
        if len(self.rows) >= MAX_ROWS:
            return
        row = self._add_row()
        row.set_spec("up:" + "slicer:" + EXAMPLES["slicer"])
        self._apply()

    def _add_row(self) -> FaultRow:
        row = FaultRow(self)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        row.edited.connect(self._apply)
        row.remove_requested.connect(lambda r=row: self._on_remove(r))
        self.add_button.setEnabled(len(self.rows) < MAX_ROWS)
        return row

    def _on_remove(self, row: FaultRow) -> None:
        self._drop(row)
        self._apply()

    def _drop(self, row: FaultRow) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.deleteLater()
        self.add_button.setEnabled(True)

    @Slot()
    def _apply(self) -> None:
        specs = self.check()
        if specs is not None:
            self.faults_changed.emit(specs)

    def _hide_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()
