"""GeneratorBox: the traffic generator in the send options (rate, limit, Start/Stop).

It sends the send box's message at a set rate, in messages or bytes per second, for a
count, a time, or until stopped: a rate :class:`~netassistant.core.sending.plans.SendPlan`
run by the engine on its own timers (the same plan as ``netassistant-cli --rate``). The
achieved rate, measured by the engine, is shown next to the target as it runs.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QWidget

from netassistant.core.sending.plans import SendPlan
from netassistant.qt.coremessages import tr_core, tr_error
from netassistant.qt.session import NotRunning
from netassistant.ui.send.sendarea import SendArea
from netassistant.ui.send.sendpanel import SendInputError
from netassistant.ui.send.sendtools import TARGET_KEYS
from netassistant.ui.widgets import ErrorLabel, combo_box, decorate, push_button

#: The core's ceilings (core.sending.generator); the spin boxes stop there.
MAX_RATE: Final = 1_000_000.0
MAX_BPS: Final = 10_000_000_000.0
MAX_SECONDS: Final = 24 * 3600.0
MAX_COUNT: Final = 1_000_000_000.0


class GeneratorBox(QWidget):
    """Rate, unit, when to stop, Start/Stop, and the achieved rate.

    Attributes:
        area: The pane's send area (its send box makes the message and the target).
        rate: The target rate.
        unit: "msg/s" or "B/s".
        limit: "count", "seconds" or "none" (until Stop).
        amount: How many messages, or seconds.
        button: Start, or Stop while running.
        status: The engine's words on the run: sent so far, achieved and target rate.
    """

    def __init__(self, area: SendArea, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generatorBox")
        self.area = area
        self.plan_id = 0
        self.rate = decorate(
            QDoubleSpinBox(),
            "generatorRate",
            self.tr("Target rate"),
            self.tr("How many messages (or bytes) to send per second"),
        )
        self.rate.setDecimals(0)
        self.rate.setRange(1, MAX_RATE)
        self.rate.setValue(100)
        self.unit = combo_box(
            "generatorUnit",
            self.tr("Rate unit"),
            self.tr("Pace by messages or by bytes per second"),
            [(self.tr("msg/s"), "msg/s"), (self.tr("bytes/s"), "B/s")],
        )
        self.limit = combo_box(
            "generatorLimit",
            self.tr("Stop after"),
            self.tr("Stop after a number of messages, a number of seconds, or only on Stop"),
            [
                (self.tr("messages"), "count"),
                (self.tr("seconds"), "seconds"),
                (self.tr("until stopped"), "none"),
            ],
        )
        self.amount = decorate(
            QDoubleSpinBox(),
            "generatorAmount",
            self.tr("How many"),
            self.tr("Messages to send, or seconds to run"),
        )
        self.amount.setDecimals(0)
        self.amount.setRange(1, MAX_COUNT)
        self.amount.setValue(1000)
        self.button = push_button(
            "generatorButton",
            self.tr("Start"),
            self.tr("Send the send box's message at this rate"),
        )
        self.status = QLabel(self.tr("Idle"))
        self.status.setObjectName("generatorStatus")
        self.status.setWordWrap(True)
        self.error = ErrorLabel("generatorError")
        self._build()
        self.button.clicked.connect(self._on_button)
        self.unit.currentIndexChanged.connect(self._on_unit)
        self.limit.currentIndexChanged.connect(self._on_limit)
        area.controller.plan_progress.connect(self._on_progress)

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(self.unit)
        form.addRow(self.tr("Rate"), rate_row)
        stop_row = QHBoxLayout()
        stop_row.addWidget(self.amount, 1)
        stop_row.addWidget(self.limit)
        form.addRow(self.tr("Stop after"), stop_row)
        form.addRow(self.button)
        form.addRow(self.status)
        form.addRow(self.error)

    # ---------------------------------------------------------------- the plan
    def make_plan(self, data: bytes, target: dict[str, object]) -> SendPlan:
        """The rate plan for ``data`` with the settings shown.

        Raises:
            ValueError: The core refuses the settings (its words).
        """
        rate = self.rate.value()
        by_bytes = self.unit.currentData() == "B/s"
        limit = self.limit.currentData()
        fields = {k: target[k] for k in TARGET_KEYS if k in target}
        return SendPlan(
            data,
            count=int(self.amount.value()) if limit == "count" else 0,
            rate=0.0 if by_bytes else rate,
            bps=rate if by_bytes else 0.0,
            duration_s=self.amount.value() if limit == "seconds" else 0.0,
            **fields,  # type: ignore[arg-type]
        )

    @Slot()
    def _on_button(self) -> None:
        if self.plan_id:
            self.area.controller.cancel_plan(self.plan_id)
            return
        self.error.clear_message()
        try:
            request = self.area.panel.build_request()
            plan = self.make_plan(request.data, request.target())
            self.plan_id = self.area.controller.start_plan(plan)
        except SendInputError as exc:
            self.error.show_message(str(exc))
            return
        except NotRunning:
            self.error.show_message(self.tr("the session is not running; nothing was sent"))
            return
        except ValueError as exc:
            self.error.show_message(tr_error(exc))
            return
        self._set_running(True)

    @Slot(int, int, int, str, str)
    def _on_progress(self, plan_id: int, sent: int, total: int, state: str, message: str) -> None:
        del sent, total
        if plan_id != self.plan_id or not plan_id:
            return
        if message:
            self.status.setText(tr_core(message))
        if state != "running":
            self.plan_id = 0
            self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.button.setText(self.tr("Stop") if running else self.tr("Start"))
        for widget in (self.rate, self.unit, self.limit, self.amount):
            widget.setEnabled(not running)
        if running:
            self.status.setText(self.tr("Sending…"))

    @Slot(int)
    def _on_unit(self, _index: int) -> None:
        self.rate.setMaximum(MAX_BPS if self.unit.currentData() == "B/s" else MAX_RATE)

    @Slot(int)
    def _on_limit(self, _index: int) -> None:
        limit = self.limit.currentData()
        self.amount.setEnabled(limit != "none")
        self.amount.setMaximum(MAX_SECONDS if limit == "seconds" else MAX_COUNT)
