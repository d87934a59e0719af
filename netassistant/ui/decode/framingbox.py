r"""FramingBox: choose how received bytes are cut into messages, and their checksum.

TCP delivers a byte stream: one send can arrive in several recv() chunks and several
sends in one. The box builds the framing spec string of :mod:`netassistant.core.framing`
(``delimiter:\r\n``, ``fixed:16``, ``length:!I:incl``, ...) and picks a checksum from
:data:`netassistant.core.checksum.ALGORITHMS`; a pane hands both to its
:class:`~netassistant.qt.decodepipeline.DecodePipeline`. Input is checked a moment after
each edit; a bad spec shows the core's own message under the controls and changes nothing.
"""

from __future__ import annotations

from contextlib import ExitStack, suppress
from typing import Any, Final

from PySide6.QtCore import QSignalBlocker, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from netassistant.core.checksum import ALGORITHMS
from netassistant.core.framing import (
    DEFAULT_MAX_LENGTH,
    DELIMITER,
    FIXED,
    LARGEST_MAX_LENGTH,
    LENGTH,
    MAX_FIXED_SIZE,
    FrameSpec,
    FramingError,
    format_frame_spec,
    parse_frame_spec,
)
from netassistant.qt.coremessages import tr_error
from netassistant.ui.widgets import check_box, combo_box, decorate, spin_box

#: Milliseconds after the last edit before the input is checked and ``changed`` emitted.
DEBOUNCE_MS: Final = 300
NONE: Final = "none"
_BYTE_ORDERS: Final = (None, "big", "little")
_LARGEST_SPIN: Final = LARGEST_MAX_LENGTH
_CONTROL_TYPES: Final = (QComboBox, QLineEdit, QCheckBox, QSpinBox)

Config = tuple[str, str | None, str | None]  # (spec text, checksum name, checksum byte order)


class FramingBox(QGroupBox):
    """The framing and checksum settings of a pane's message decoding.

    Only the controls the chosen framing uses are shown. Programmatic setters apply at
    once; user edits are checked :data:`DEBOUNCE_MS` after the last one (or at once by
    :meth:`validate`).

    Attributes:
        kind, delimiter, delimiter_hex, keep_delimiter, fixed_size, fmt, header_counted,
        max_length, checksum_combo, order_combo, error_label: The controls.

    Signals:
        changed(): a valid configuration different from the last one took effect; read it
            with :meth:`spec_text` and :meth:`checksum`. Invalid input never emits.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Framing (message decoding)"), parent)
        self.setObjectName("framingBox")
        self._last: Config = ("", None, None)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._build()
        self._connect_signals()
        self._update_visibility()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        kinds = [
            (self.tr("None (raw chunks only)"), NONE),
            (self.tr("Delimiter"), DELIMITER),
            (self.tr("Fixed length"), FIXED),
            (self.tr("Length prefix"), LENGTH),
        ]
        self.kind = combo_box(
            "frameKind",
            self.tr("Framing"),
            self.tr("How the received byte stream is cut into messages"),
            kinds,
        )
        self.delimiter = QLineEdit("\\r\\n")
        decorate(
            self.delimiter,
            "frameDelimiter",
            self.tr("Delimiter"),
            self.tr("Bytes that end each message; escapes \\r \\n \\t \\0 \\xNN \\\\ work"),
        )
        self.delimiter_hex = check_box(
            "frameDelimiterHex",
            self.tr("Hex"),
            self.tr("Write the delimiter as hex bytes, e.g. 0d 0a"),
        )
        self.keep_delimiter = check_box(
            "frameKeepDelimiter",
            self.tr("Keep the delimiter in the message"),
            self.tr("Show each message with its delimiter at the end"),
        )
        self.fixed_size = spin_box(
            "frameFixedSize",
            self.tr("Message size"),
            self.tr("Every message is exactly this many bytes"),
            low=1,
            high=MAX_FIXED_SIZE,
            value=16,
            suffix=self.tr(" B"),
        )
        formats = [
            ("!I", self.tr("big-endian uint32")),
            ("!H", self.tr("big-endian uint16")),
            ("<I", self.tr("little-endian uint32")),
            ("<H", self.tr("little-endian uint16")),
            ("B", self.tr("uint8")),
            ("!Q", self.tr("big-endian uint64")),
        ]
        self.fmt = combo_box(
            "frameFormat",
            self.tr("Length header format"),
            self.tr(
                "Python struct format of the length header before each message: one integer, "
                "! or > big-endian, < little-endian (e.g. !I, <H, B)"
            ),
            [(f"{fmt}  {description}", fmt) for fmt, description in formats],
        )
        self.fmt.setEditable(True)
        self.header_counted = check_box(
            "frameHeaderCounted",
            self.tr("Length counts the header"),
            self.tr("The length value includes the header's own bytes, not just the payload"),
        )
        self.max_length = spin_box(
            "frameMaxLength",
            self.tr("Maximum message length"),
            self.tr(
                "A longer message means the stream is out of step: its bytes are dropped "
                "and shown as an error"
            ),
            low=1,
            high=_LARGEST_SPIN,
            value=DEFAULT_MAX_LENGTH,
            suffix=self.tr(" B"),
        )
        self.checksum_combo = combo_box(
            "frameChecksum",
            self.tr("Checksum"),
            self.tr("Checksum or CRC that ends every message; it is checked and removed"),
            [(self.tr("None"), None), *((a.title, a.name) for a in ALGORITHMS.values())],
        )
        self.order_combo = combo_box(
            "frameChecksumOrder",
            self.tr("Checksum byte order"),
            self.tr("Byte order of the checksum on the wire; default is the algorithm's own"),
            [("", None), (self.tr("Big-endian"), "big"), (self.tr("Little-endian"), "little")],
        )
        self._controls = [w for w in vars(self).values() if isinstance(w, _CONTROL_TYPES)]
        self._note = QLabel(self.tr("The checksum is verified at the end of each decoded message."))
        self._note.setObjectName("frameChecksumNote")
        self._note.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("frameError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        self._delimiter_row = QWidget()
        row = QHBoxLayout(self._delimiter_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.delimiter, 1)
        row.addWidget(self.delimiter_hex)

        form = self._form = QFormLayout(self)
        form.addRow(self.tr("Framing"), self.kind)
        form.addRow(self.tr("Delimiter"), self._delimiter_row)
        form.addRow(self.keep_delimiter)
        form.addRow(self.tr("Message size"), self.fixed_size)
        form.addRow(self.tr("Header format"), self.fmt)
        form.addRow(self.header_counted)
        form.addRow(self.tr("Max length"), self.max_length)
        form.addRow(self.tr("Checksum"), self.checksum_combo)
        form.addRow(self.tr("Byte order"), self.order_combo)
        form.addRow(self._note)
        form.addRow(self.error_label)
        self._update_order_default()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.validate)
        self.delimiter_hex.toggled.connect(self._on_hex_toggled)
        for signal in (
            self.kind.currentIndexChanged,
            self.delimiter.textChanged,
            self.keep_delimiter.toggled,
            self.fixed_size.valueChanged,
            self.fmt.currentTextChanged,
            self.header_counted.toggled,
            self.max_length.valueChanged,
            self.checksum_combo.currentIndexChanged,
            self.order_combo.currentIndexChanged,
        ):
            signal.connect(self._on_edit)

    # ------------------------------------------------------------ public API
    def spec_text(self) -> str:
        """The framing spec the controls describe, as :func:`format_frame_spec` writes it.

        Returns:
            ``""`` for no framing.

        Raises:
            FramingError: If the controls do not make a valid spec.
        """
        return format_frame_spec(self._build_spec())

    def set_spec_text(self, text: str) -> None:
        """Show the framing of a spec string; emits ``changed`` if that is a new config.

        Raises:
            FramingError: If ``text`` is not a valid spec (nothing changes then).
        """
        self._apply_spec_text(text)
        self.validate()

    def checksum(self) -> tuple[str | None, str | None]:
        """(checksum name or None, byte order ``"big"``/``"little"`` or None for default)."""
        name = self.checksum_combo.currentData()
        return name, (self.order_combo.currentData() if name is not None else None)

    def set_checksum(self, name: str | None, order: str | None = None) -> None:
        """Choose a checksum and byte order; emits ``changed`` if that is a new config.

        Raises:
            ValueError: For an unknown checksum name or a byte order other than
                None, ``"big"`` or ``"little"`` (nothing changes then).
        """
        self._apply_checksum(name, order)
        self.validate()

    def settings(self) -> dict[str, Any]:
        """The settings saved in profiles: keys ``frame``, ``checksum``, ``checksum_order``.

        While the input is invalid, ``frame`` is the last valid spec.
        """
        try:
            frame = self.spec_text()
        except FramingError:
            frame = self._last[0]
        name, order = self.checksum()
        return {"frame": frame, "checksum": name, "checksum_order": order}

    def apply_settings(self, settings: dict[str, Any]) -> None:
        """Restore :meth:`settings`; emits ``changed`` once if the config is new.

        Missing keys keep the current value. Profiles may be edited by hand, so a bad
        ``frame`` is shown as the inline error (the framing stays as it was) and a bad
        checksum is ignored.
        """
        name, order = self.checksum()
        with suppress(ValueError):
            self._apply_checksum(
                settings.get("checksum", name), settings.get("checksum_order", order)
            )
        error = ""
        frame = settings.get("frame")
        if isinstance(frame, str):
            try:
                self._apply_spec_text(frame)
            except FramingError as exc:
                error = tr_error(exc)
        self.validate()
        if error:
            self._show_error(error)

    def current_config(self) -> Config:
        """The configuration last validated: (spec text, checksum, byte order)."""
        return self._last

    @Slot()
    def validate(self) -> bool:
        """Check the controls now: show or hide the error; emit ``changed`` if new and valid.

        Returns:
            True if the controls make a valid configuration.
        """
        self._timer.stop()
        try:
            self.spec_text()
        except FramingError as exc:
            self._show_error(tr_error(exc))
            return False
        self.error_label.clear()
        self.error_label.hide()
        self._emit_if_new()
        return True

    # ------------------------------------------------------------------ slots
    @Slot()
    def _on_edit(self) -> None:
        self._update_order_default()
        self._update_visibility()
        self._timer.start()

    @Slot(bool)
    def _on_hex_toggled(self, to_hex: bool) -> None:
        # Convert what is typed, so the toggle changes how the delimiter is written, not
        # which bytes it is; text that does not parse is left for the user to fix.
        try:
            data = self._delimiter_bytes(not to_hex)
        except FramingError:
            pass
        else:
            with QSignalBlocker(self.delimiter):
                self.delimiter.setText(data.hex(" ") if to_hex else _escaped(data))
        self._timer.start()

    # ---------------------------------------------------------------- helpers
    def _blocked(self) -> ExitStack:
        """Block the controls' signals for a ``with`` block (programmatic changes)."""
        stack = ExitStack()
        for widget in self._controls:
            stack.enter_context(QSignalBlocker(widget))
        return stack

    def _apply_spec_text(self, text: str) -> None:
        spec = parse_frame_spec(text)
        hex_form = text.strip().lower().startswith("delimiter-hex")
        with self._blocked():
            self.kind.setCurrentIndex(self.kind.findData(NONE if spec is None else spec.kind))
            if spec is not None and spec.kind == DELIMITER:
                self.delimiter_hex.setChecked(hex_form)
                self.delimiter.setText(
                    spec.delimiter.hex(" ") if hex_form else _escaped(spec.delimiter)
                )
                self.keep_delimiter.setChecked(spec.keep_delimiter)
            elif spec is not None and spec.kind == FIXED:
                self.fixed_size.setValue(spec.size)
            elif spec is not None:
                index = self.fmt.findData(spec.fmt)
                if index >= 0:
                    self.fmt.setCurrentIndex(index)
                else:
                    self.fmt.setEditText(spec.fmt)
                self.header_counted.setChecked(spec.header_counted)
            if spec is not None and spec.kind != FIXED:
                self.max_length.setValue(min(spec.max_length, _LARGEST_SPIN))
        self._update_visibility()

    def _apply_checksum(self, name: str | None, order: str | None) -> None:
        if name is not None and (not isinstance(name, str) or name not in ALGORITHMS):
            raise ValueError(f"unknown checksum {name!r}; choose one of: {', '.join(ALGORITHMS)}")
        if order not in _BYTE_ORDERS:
            raise ValueError(f"byte order must be 'big', 'little' or None, not {order!r}")
        with self._blocked():
            self.checksum_combo.setCurrentIndex(self.checksum_combo.findData(name))
            self.order_combo.setCurrentIndex(self.order_combo.findData(order))
        self._update_order_default()
        self._update_visibility()

    def _delimiter_bytes(self, hex_form: bool) -> bytes:
        text = self.delimiter.text()
        if hex_form:
            # Colons are a common byte separator (0d:0a), but in a spec they start options.
            spec = parse_frame_spec("delimiter-hex:" + text.replace(":", " "))
        else:
            spec = parse_frame_spec("delimiter:" + text)
        assert spec is not None  # "delimiter..." never parses to "no framing"
        return spec.delimiter

    def _build_spec(self) -> FrameSpec | None:
        kind = self.kind.currentData()
        if kind == DELIMITER:
            return FrameSpec(
                DELIMITER,
                delimiter=self._delimiter_bytes(self.delimiter_hex.isChecked()),
                keep_delimiter=self.keep_delimiter.isChecked(),
                max_length=self.max_length.value(),
            )
        if kind == FIXED:
            return FrameSpec(FIXED, size=self.fixed_size.value())
        if kind == LENGTH:
            # The entries read "!I  big-endian uint32": the format is the first word.
            return FrameSpec(
                LENGTH,
                fmt=words[0] if (words := self.fmt.currentText().split()) else "",
                header_counted=self.header_counted.isChecked(),
                max_length=self.max_length.value(),
            )
        return None

    def _emit_if_new(self) -> None:
        try:
            config = (self.spec_text(), *self.checksum())
        except FramingError:
            return
        if config != self._last:
            self._last = config
            self.changed.emit()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _update_visibility(self) -> None:
        kind = self.kind.currentData()
        form = self._form
        form.setRowVisible(self._delimiter_row, kind == DELIMITER)
        form.setRowVisible(self.keep_delimiter, kind == DELIMITER)
        form.setRowVisible(self.fixed_size, kind == FIXED)
        form.setRowVisible(self.fmt, kind == LENGTH)
        form.setRowVisible(self.header_counted, kind == LENGTH)
        form.setRowVisible(self.max_length, kind in (DELIMITER, LENGTH))
        has_checksum = self.checksum_combo.currentData() is not None
        form.setRowVisible(self.order_combo, has_checksum)
        form.setRowVisible(self._note, has_checksum)

    def _update_order_default(self) -> None:
        name = self.checksum_combo.currentData()
        if name is not None and ALGORITHMS[name].default_byteorder == "little":
            text = self.tr("Default (little-endian)")
        else:
            text = self.tr("Default (big-endian)")
        self.order_combo.setItemText(0, text)


def _escaped(data: bytes) -> str:
    """Delimiter bytes as the escaped text of a ``delimiter:`` spec."""
    return format_frame_spec(FrameSpec(DELIMITER, delimiter=data))[len(DELIMITER) + 1 :]
