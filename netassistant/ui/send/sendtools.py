"""SendToolsBox: the "Send options" beside the send box, turned into a :class:`SendPlan`.

The box holds repeat, interval, periodic, burst, split, counter, framing and checksum
options; :meth:`SendToolsBox.make_plan` turns the send box's bytes into a plan the
engine runs. The pane calls ``make_plan`` itself (it owns the payload and the target),
so the box needs no ``plan_requested`` signal.

Each message is built in one order: ``{n}`` is filled in, then the checksum is appended,
then the frame is built around message + checksum. Without the counter every message is
the same, so the plan's payload is simply the finished frame. With the counter each
message differs, so the plan carries the :class:`MessageFormat` (core/sending/formats.py)
and the engine applies it to each message: nothing of this widget runs on the engine thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from netassistant.core.checksum import ALGORITHMS
from netassistant.core.framing import DELIMITER, LENGTH, FrameSpec, FramingError, parse_frame_spec
from netassistant.core.sending.formats import COUNTER, MessageFormat, counted
from netassistant.core.sending.plans import BURSTS, SendPlan
from netassistant.qt.coremessages import tr_error
from netassistant.ui.widgets import ErrorLabel, decorate, fill, make_combo, make_spin

FRAMES: tuple[str, ...] = ("none", LENGTH, DELIMITER)
# The format a framing kind starts with when chosen.
DEFAULT_SPECS: dict[str, str] = {LENGTH: "length:!I", DELIMITER: "delimiter:\\r\\n"}
# "" = the checksum's own byte order.
CHECKSUM_ORDERS: tuple[str, ...] = ("", "big", "little")
MAX_REPEAT = 1_000_000
MAX_INTERVAL_MS = 3_600_000
MAX_SPLIT = 64
# A periodic send is checked as if it could reach this message number (~30 years at 1 ms).
PERIODIC_HORIZON = 10**12 - 1
# Keys of ``make_plan``'s target (the fields of a SendRequest other than ``data``).
TARGET_KEYS: tuple[str, ...] = ("conn_id", "udp_host", "udp_port", "reply")


class PlanError(ValueError):
    """Options that cannot make a plan; the message is translated and ready to show."""


class SendToolsBox(QGroupBox):
    """The "Send options" group: how often, in what pieces and in what frame to send.

    Signals:
        start_requested(): Start was pressed; the pane makes and starts a plan.
        stop_requested(): Stop was pressed while a plan runs; the pane cancels it.
        interval_changed(int): the interval (ms) was changed while a plan runs.
    """

    start_requested = Signal()
    stop_requested = Signal()
    interval_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendTools")
        self.setTitle(self.tr("Send options"))
        self._session_running = False
        self._plan_running = False
        self._build()
        self._connect_signals()
        self._update_enabled()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        # Keyed by their settings() names, so settings and their checks are one loop each.
        ms = self.tr(" ms")
        self._spins = {
            "repeat": make_spin(low=1, high=MAX_REPEAT, value=1, keyboard_tracking=False),
            "interval_ms": make_spin(
                low=1, high=MAX_INTERVAL_MS, value=1000, suffix=ms, keyboard_tracking=False
            ),
            "split": make_spin(low=1, high=MAX_SPLIT, value=1, keyboard_tracking=False),
            "split_gap_ms": make_spin(
                low=0, high=MAX_INTERVAL_MS, value=0, suffix=ms, keyboard_tracking=False
            ),
        }
        self._checks = {
            "periodic": QCheckBox(self.tr("Periodic (until stopped)")),
            "counter": QCheckBox(self.tr("Counter {n}")),
        }
        algorithms = [(a.title, a.name) for a in ALGORITHMS.values()]
        self._combos = {
            "burst": make_combo(
                zip(
                    (
                        self.tr("Separate sends"),
                        self.tr("N copies in one send call"),
                        self.tr("N send calls back to back"),
                    ),
                    BURSTS,  # the core's names, in the same order
                    strict=True,
                )
            ),
            "frame": make_combo(
                [
                    (self.tr("No framing"), "none"),
                    (self.tr("Add length header"), LENGTH),
                    (self.tr("Append delimiter"), DELIMITER),
                ]
            ),
            "checksum": make_combo([(self.tr("No checksum"), ""), *algorithms]),
            "checksum_order": make_combo(
                [
                    (self.tr("Usual byte order"), ""),
                    (self.tr("Big-endian"), "big"),
                    (self.tr("Little-endian"), "little"),
                ]
            ),
        }
        self._frame_spec = QLineEdit()
        self._button = QPushButton()
        spins, checks, combos = self._spins, self._checks, self._combos
        for widget, name, accessible, tip in (
            (spins["repeat"], "sendRepeat", self.tr("Repeat count"), self.tr("Messages to send")),
            (
                checks["periodic"],
                "sendPeriodic",
                self.tr("Periodic send"),
                self.tr("Send again every interval until you press Stop"),
            ),
            (
                spins["interval_ms"],
                "sendInterval",
                self.tr("Interval in milliseconds"),
                self.tr("From the start of one message to the next; can be changed while sending"),
            ),
            (
                combos["burst"],
                "sendBurst",
                self.tr("Burst"),
                self.tr(
                    "Separate sends wait the interval between messages; a burst sends all N "
                    "at once (one call, or N calls in a row) to provoke sticky packets"
                ),
            ),
            (
                spins["split"],
                "sendSplit",
                self.tr("Split into pieces"),
                self.tr("Send each message as this many pieces, one send call each"),
            ),
            (
                spins["split_gap_ms"],
                "sendSplitGap",
                self.tr("Gap between pieces"),
                self.tr("Wait between the pieces of a message"),
            ),
            (
                checks["counter"],
                "sendCounter",
                self.tr("Counter"),
                self.tr(
                    "Replace {n} in the data by the message number 1, 2, 3, ... "
                    "(before the checksum and frame are added)"
                ),
            ),
            (
                combos["frame"],
                "sendFrame",
                self.tr("Framing on send"),
                self.tr(
                    "Build a frame around each message (after its checksum), so a receiver's "
                    "decoder strips the frame and then checks the checksum at the message end"
                ),
            ),
            (
                self._frame_spec,
                "sendFrameSpec",
                self.tr("Frame format"),
                self.tr(
                    "Frame format; choosing a framing fills in one to edit: !I is a 4-byte "
                    "big-endian length, <H a 2-byte little-endian one, \\r\\n a CR LF delimiter"
                ),
            ),
            (
                combos["checksum"],
                "sendChecksum",
                self.tr("Checksum on send"),
                self.tr(
                    "Append a checksum to each message before framing: a receiver strips the "
                    "frame, then verifies the checksum at the end of the message"
                ),
            ),
            (
                combos["checksum_order"],
                "sendChecksumOrder",
                self.tr("Checksum byte order"),
                self.tr("Byte order of the checksum; the usual one is low byte first for Modbus"),
            ),
        ):
            decorate(widget, name, accessible, tip)
        self._state = QLabel(self.tr("Idle"))
        self._state.setObjectName("sendPlanState")
        self._error = ErrorLabel("sendToolsError")  # quotes user input: plain text
        self._lay_out()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        spins, checks, combos = self._spins, self._checks, self._combos
        rows: list[tuple[str, QWidget, QWidget | None]] = [
            (self.tr("Repeat:"), spins["repeat"], checks["periodic"]),
            (self.tr("Interval:"), spins["interval_ms"], None),
            (self.tr("Burst:"), combos["burst"], None),
            (self.tr("Split into:"), spins["split"], spins["split_gap_ms"]),
            ("", checks["counter"], None),
            (self.tr("Frame:"), combos["frame"], self._frame_spec),
            (self.tr("Checksum:"), combos["checksum"], combos["checksum_order"]),
            ("", self._button, self._state),
        ]
        for row, (text, first, second) in enumerate(rows):
            if text:
                label = QLabel(text)
                label.setBuddy(first)
                grid.addWidget(label, row, 0)
            grid.addWidget(first, row, 1, 1, 1 if second else 2)
            if second is not None:
                grid.addWidget(second, row, 2)
        grid.addWidget(self._error, len(rows), 0, 1, 3)

    def _connect_signals(self) -> None:
        for check in self._checks.values():
            check.toggled.connect(self._on_option_changed)
        for key, combo in self._combos.items():
            combo.currentIndexChanged.connect(
                self._on_frame_kind if key == "frame" else self._on_option_changed
            )
        for key, spin in self._spins.items():
            spin.valueChanged.connect(
                self._on_interval if key == "interval_ms" else self._on_option_changed
            )
        self._frame_spec.textChanged.connect(self._on_option_changed)
        self._button.clicked.connect(self._on_button)

    def _value(self, key: str) -> int:
        return self._spins[key].value()

    def _on(self, key: str) -> bool:
        return self._checks[key].isChecked()

    def _choice(self, key: str) -> str:
        return str(self._combos[key].currentData())

    # ----------------------------------------------------------------- the plan
    def make_plan(self, payload: bytes, target: Mapping[str, Any] | None = None) -> SendPlan:
        """The plan that sends ``payload`` with the options shown.

        Args:
            payload: The send box's bytes (line ending included), without checksum/frame.
            target: Any of :data:`TARGET_KEYS` (a SendRequest's fields); others are ignored.

        Returns:
            A :class:`SendPlan`; with the counter on together with a checksum or framing
            it carries the :class:`MessageFormat`, applied to each message on the loop.

        Raises:
            PlanError: options and payload do not make a plan; the message says why.
        """
        payload = bytes(payload)
        periodic = self._on("periodic")
        counter = self._on("counter")
        count = 0 if periodic else self._value("repeat")
        fmt = self.message_format()
        if counter and COUNTER not in payload:
            raise PlanError(
                self.tr("the counter is on but the data has no {n}; type {n} where the number goes")
            )
        if counter and fmt.active:
            self._check_counted_format(payload, fmt, count)
            body = payload
        else:
            body = self._apply(fmt, payload)
        split = self._value("split")
        if split > len(body):
            template = self.tr("cannot split %1 bytes into %2 pieces; choose at most %1")
            raise PlanError(fill(template, str(len(body)), str(split)))
        fields: dict[str, Any] = {k: target[k] for k in TARGET_KEYS if target and k in target}
        fields.update(
            payload=body,
            count=count,
            interval_ms=self._value("interval_ms"),
            burst="none" if periodic else self._choice("burst"),
            split=split,
            split_gap_ms=self._value("split_gap_ms"),
            counter=counter,
        )
        try:
            if counter and fmt.active:
                return SendPlan(fmt=fmt, **fields)
            return SendPlan(**fields)
        except ValueError as exc:  # the core's own checks (burst size, target)
            raise PlanError(tr_error(exc)) from None

    def message_format(self) -> MessageFormat:
        """The checksum and framing chosen.

        Raises:
            PlanError: the frame format does not parse or does not match the kind chosen.
        """
        order = self._choice("checksum_order")
        return MessageFormat(self._choice("checksum"), order or None, self._frame_spec_value())

    def prepare(self, payload: bytes, n: int = 1) -> bytes:
        """Message ``n`` exactly as it goes on the wire (without splitting).

        Raises:
            PlanError: the message cannot be framed, or the format is bad.
        """
        if self._on("counter"):
            payload = counted(payload, n)
        return self._apply(self.message_format(), payload)

    def is_plain(self) -> bool:
        """True if a plan would be exactly one plain send of the payload."""
        return not (
            self._on("periodic")
            or self._value("repeat") > 1
            or self._value("split") > 1
            or self._on("counter")
            or self._choice("frame") != "none"
            or self._choice("checksum")
        )

    def _frame_spec_value(self) -> FrameSpec | None:
        kind = self._choice("frame")
        if kind == "none":
            return None
        try:
            spec = parse_frame_spec(self._frame_spec.text())
        except FramingError as exc:
            raise PlanError(fill(self.tr("bad frame format: %1"), tr_error(exc))) from None
        if spec is None or spec.kind != kind:
            template = self.tr("the frame format does not match the framing chosen; e.g. %1")
            raise PlanError(fill(template, DEFAULT_SPECS[kind]))
        return spec

    def _apply(self, fmt: MessageFormat, data: bytes) -> bytes:
        try:
            return fmt.apply(data)
        except FramingError as exc:
            raise PlanError(fill(self.tr("cannot frame the data: %1"), tr_error(exc))) from None

    def _check_counted_format(self, payload: bytes, fmt: MessageFormat, count: int) -> None:
        """Refuse a counted format that could fail for some message number on the loop.

        Lengths grow with the digits of n, so length and fixed framing hold for every n
        if they hold for the first and the last. A delimiter built only of non-digits
        cannot appear through a counter value; a checksum could contain it, though.
        """
        for n in (1, count or PERIODIC_HORIZON):
            self._apply(fmt, counted(payload, n))
        frame = fmt.frame
        if frame is None or frame.kind != DELIMITER:
            return
        if any(0x30 <= byte <= 0x39 for byte in frame.delimiter):
            raise PlanError(
                self.tr("the delimiter holds a digit, which the counter could produce too")
            )
        if fmt.checksum:
            raise PlanError(
                self.tr(
                    "with the counter each message has its own checksum, which could "
                    "contain the delimiter; use a length header or turn the counter off"
                )
            )

    # ------------------------------------------------------------------ state
    def set_running(self, running: bool) -> None:
        """The session runs (Start is possible) or not (a plan cannot be running either)."""
        self._session_running = running
        if not running:
            self.set_plan_running(False)
        self._update_enabled()

    def set_plan_running(self, running: bool) -> None:
        """Show whether a plan is under way: Start becomes Stop, options lock."""
        if running != self._plan_running:
            self._plan_running = running
            self._state.setText(self.tr("Sending…") if running else self.tr("Idle"))
            self._update_enabled()

    def plan_running(self) -> bool:
        """True between ``set_plan_running(True)`` and ``set_plan_running(False)``."""
        return self._plan_running

    def on_plan_progress(self, sent: int, total: int) -> None:
        """Show a plan's progress (``total`` 0 = periodic)."""
        if total:
            self._state.setText(fill(self.tr("%1 of %2 sent"), str(sent), str(total)))
        else:
            self._state.setText(fill(self.tr("%1 sent"), str(sent)))

    def show_state(self, text: str) -> None:
        """Show ``text`` (already translated, or the engine's own words) as the plan state."""
        self._state.setText(text)

    def show_error(self, message: str) -> None:
        """Show ``message`` (already translated) inline."""
        self._error.show_message(message)

    @Slot()
    def clear_error(self) -> None:
        """Hide the inline error."""
        self._error.clear_message()

    def _update_enabled(self) -> None:
        idle = not self._plan_running
        periodic = self._on("periodic")
        for widget in (*self._checks.values(), self._spins["split"], *self._combos.values()):
            widget.setEnabled(idle)
        self._spins["repeat"].setEnabled(idle and not periodic)
        self._combos["burst"].setEnabled(idle and not periodic)
        self._spins["interval_ms"].setEnabled(periodic or self._choice("burst") == "none")
        self._spins["split_gap_ms"].setEnabled(idle and self._value("split") > 1)
        self._frame_spec.setEnabled(idle and self._choice("frame") != "none")
        self._combos["checksum_order"].setEnabled(idle and bool(self._choice("checksum")))
        button = self._button
        button.setEnabled(self._session_running or self._plan_running)
        if self._plan_running:
            button.setText(self.tr("Stop"))
            decorate(button, "sendPeriodicButton", self.tr("Stop"), self.tr("Stop the send"))
        else:
            button.setText(self.tr("Start"))
            tip = (
                self.tr("Send the data with these options; a periodic send runs until Stop")
                if self._session_running
                else self.tr("Start the session first; then Start sends with these options")
            )
            decorate(button, "sendPeriodicButton", self.tr("Start sending"), tip)

    @Slot()
    def _on_option_changed(self) -> None:
        self._update_enabled()
        try:
            self._frame_spec_value()
        except PlanError as exc:
            self.show_error(str(exc))
        else:
            self.clear_error()

    @Slot(int)
    def _on_frame_kind(self, _index: int) -> None:
        kind = self._choice("frame")
        if kind != "none":
            try:
                spec = parse_frame_spec(self._frame_spec.text())
            except FramingError:
                spec = None
            if spec is None or spec.kind != kind:
                self._frame_spec.setText(DEFAULT_SPECS[kind])
        self._on_option_changed()

    @Slot(int)
    def _on_interval(self, value: int) -> None:
        if self._plan_running:
            self.interval_changed.emit(value)

    @Slot()
    def _on_button(self) -> None:
        (self.stop_requested if self._plan_running else self.start_requested).emit()

    # ---------------------------------------------------------------- settings
    def settings(self) -> dict[str, Any]:
        """The options for a profile's send settings (see the module's keys)."""
        out: dict[str, Any] = {key: spin.value() for key, spin in self._spins.items()}
        out.update((key, check.isChecked()) for key, check in self._checks.items())
        out.update((key, self._choice(key)) for key in self._combos)
        out["frame_spec"] = self._frame_spec.text()
        return out

    def apply_settings(self, settings: Mapping[str, Any]) -> None:
        """Restore :meth:`settings` output; a missing or bad value leaves its field alone."""
        for key, spin in self._spins.items():
            value = settings.get(key)
            if type(value) is int and spin.minimum() <= value <= spin.maximum():
                with QSignalBlocker(spin):  # not a user's change: no interval_changed
                    spin.setValue(value)
        for key, check in self._checks.items():
            if isinstance(settings.get(key), bool):
                check.setChecked(settings[key])
        for key, combo in self._combos.items():  # "frame" first sets its default spec
            value = settings.get(key)
            index = combo.findData(value) if isinstance(value, str) else -1
            if index >= 0:
                combo.setCurrentIndex(index)
        if isinstance(settings.get("frame_spec"), str):
            self._frame_spec.setText(settings["frame_spec"])
        self._on_option_changed()
