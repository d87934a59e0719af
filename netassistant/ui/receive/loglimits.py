"""How much of the received traffic a pane's view holds (counters always count all)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from netassistant.qt.models.chunkmodel import DEFAULT_MAX_ROWS, LOG_MAX_BYTES
from netassistant.ui.widgets import RangeSpinBox, decorate, with_note

MB = 1024 * 1024


class LogLimitsBox(QGroupBox):
    """Two caps for the receive log: newest N chunks, at most M MB of data.

    Signals:
        limits_changed(int, qint64): new (max rows, max bytes).
    """

    limits_changed = Signal(int, "qint64")  # type: ignore[arg-type]  # 64-bit: caps over 2 GiB

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Receive log"), parent)
        self.setObjectName("logLimits")
        self.max_rows = RangeSpinBox()
        self.max_rows.setRange(100, 5_000_000)
        self.max_rows.setSingleStep(10_000)
        self.max_rows.setSuffix(self.tr(" chunks"))
        decorate(
            self.max_rows,
            "maxRows",
            self.tr("Chunks kept"),
            self.tr(
                "The view keeps this many newest rows; older ones fall off and are "
                "counted as dropped. Counters and captures keep everything"
            ),
        )
        self.max_mb = RangeSpinBox()
        self.max_mb.setRange(1, 4096)
        self.max_mb.setSuffix(self.tr(" MB"))
        decorate(
            self.max_mb,
            "maxMegabytes",
            self.tr("Memory kept"),
            self.tr("The view holds at most this much received data in memory"),
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Keep newest"), with_note(self.max_rows))
        form.addRow(self.tr("Keep at most"), with_note(self.max_mb))
        self.set_limits(DEFAULT_MAX_ROWS, LOG_MAX_BYTES)
        self.max_rows.valueChanged.connect(self._emit)
        self.max_mb.valueChanged.connect(self._emit)

    def set_limits(self, rows: int, nbytes: int) -> None:
        """Show limits without emitting ``limits_changed``."""
        with QSignalBlocker(self.max_rows), QSignalBlocker(self.max_mb):
            self.max_rows.setValue(rows)
            self.max_mb.setValue(max(1, nbytes // MB))

    def limits(self) -> tuple[int, int]:
        """(max rows, max bytes) as shown."""
        return self.max_rows.value(), self.max_mb.value() * MB

    @Slot()
    def _emit(self) -> None:
        self.limits_changed.emit(*self.limits())
