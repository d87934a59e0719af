"""SendPanel: NetAssist's send area (input, text/hex mode, escapes, line ending, target).

The panel only turns what the user typed into a :class:`SendRequest`; the pane decides
what a request means for its session. Bad input never leaves the panel: it is
explained in an inline label and nothing is sent.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.chunk import Event
from netassistant.core.codec import (
    EncodeError,
    EscapeError,
    HexError,
    encode_text,
    escape_text,
    format_hex,
    parse_hex,
)
from netassistant.core.config import Kind
from netassistant.core.records import FrozenRecord
from netassistant.qt.coremessages import tr_error
from netassistant.qt.models.connchoices import ConnectionChoices
from netassistant.ui.widgets import ErrorLabel, decorate, fill

MODES: tuple[str, ...] = ("text", "hex")
#: Line endings the append combo offers, in its order ("" = none).
APPENDS: tuple[str, ...] = ("", "\r\n", "\n")


# Text made from hex must survive QPlainTextEdit (which turns \r into \n) and be
# visible; \n and \t are kept (codec.escape_text writes the rest).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TEXT_BOX_KEEPS = "\n\t"


class SendRequest(FrozenRecord):
    """What the user asked to send, and to whom.

    A :class:`~netassistant.core.records.FrozenRecord`, not a dataclass: the window's
    start-up does not write and compile its methods.

    Attributes:
        data: The bytes, line ending included.
        conn_id: TCP server: the client to send to; None sends to all clients.
        udp_host: UDP: the remote host (or unix socket path); "" with ``reply``.
        udp_port: UDP: the remote port (0 for a unix socket path).
        reply: UDP: send to whoever sent the last datagram instead.
    """

    __slots__ = ("data", "conn_id", "udp_host", "udp_port", "reply")  # noqa: RUF023 (in order)
    data: bytes
    conn_id: int | None
    udp_host: str
    udp_port: int
    reply: bool

    def __init__(
        self,
        data: bytes,
        conn_id: int | None = None,
        udp_host: str = "",
        udp_port: int = 0,
        reply: bool = False,
    ) -> None:
        self._fill(data, conn_id, udp_host, udp_port, reply)

    def target(self) -> dict[str, Any]:
        """Who to send to: every field but ``data``, by name."""
        return {name: getattr(self, name) for name in self.__slots__ if name != "data"}


class SendInputError(ValueError):
    """Input that cannot be sent; the message is translated and ready to show.

    Attributes:
        position: 0-based index of the culprit in the input text, or None.
    """

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


class SendPanel(QWidget):
    """The send area of a pane. Sending stays disabled until ``set_running(True)``.

    Attributes:
        kind: The session kind; it only decides the target row.
        input: The multi-line input.
        send_button: The Send button.

    Signals:
        send_requested(SendRequest): the user asked to send valid input.
    """

    send_requested = Signal(object)
    #: UDP: the user chose "Send empty datagram" (a SendRequest with no data).
    empty_requested = Signal(object)

    def __init__(self, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        #: Kinds with connections to choose from (a server's clients, a relay's pairs).
        self._picks_connection = kind in (Kind.TCP_SERVER, Kind.RELAY)
        self._mode = "text"
        self._encoding = "utf-8"
        self._running = False
        self._build()
        self._connect_signals()
        self.set_running(False)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self._picks_connection:
            layout.addLayout(self._build_server_target())
        elif self.kind is Kind.UDP:
            layout.addLayout(self._build_udp_target())

        self.input = QPlainTextEdit()
        decorate(
            self.input,
            "sendInput",
            self.tr("Data to send"),
            self.tr("What to send: text in the session's encoding, or hex like 01 02 0A"),
        )
        layout.addWidget(self.input, 1)

        options = QHBoxLayout()
        self._mode_combo = QComboBox()
        self._mode_combo.addItem(self.tr("Text"), "text")
        self._mode_combo.addItem(self.tr("Hex"), "hex")
        decorate(
            self._mode_combo,
            "sendMode",
            self.tr("Send mode"),
            self.tr("Text is encoded with the session's encoding; Hex takes bytes like 01 02 0A"),
        )
        self._escapes = QCheckBox(self.tr("Escapes"))
        decorate(
            self._escapes,
            "sendEscapes",
            self.tr("Interpret escapes"),
            self.tr("In text mode, \\r \\n \\t \\0 \\xNN and \\\\ stand for those bytes"),
        )
        append_label = QLabel(self.tr("Append:"))
        self._append = QComboBox()
        self._append.addItem(self.tr("Nothing"), APPENDS[0])
        self._append.addItem(self.tr("\\r\\n (CR LF)"), APPENDS[1])
        self._append.addItem(self.tr("\\n (LF)"), APPENDS[2])
        decorate(
            self._append,
            "sendAppend",
            self.tr("Line ending to append"),
            self.tr("Line ending added after the data, in both modes"),
        )
        append_label.setBuddy(self._append)
        self.send_button = QPushButton(self.tr("Send"))
        decorate(self.send_button, "sendButton", self.tr("Send"), self.tr("Send (Ctrl+Enter)"))
        for widget in (self._mode_combo, self._escapes, append_label, self._append):
            options.addWidget(widget)
        options.addStretch(1)
        options.addWidget(self.send_button)
        if self.kind is Kind.UDP:
            options.addWidget(self._build_empty_button())
        layout.addLayout(options)

        self._error = ErrorLabel("sendError")  # quotes user input: plain text
        layout.addWidget(self._error)

    def _build_server_target(self) -> QHBoxLayout:
        label = QLabel(self.tr("Send to:"))
        self._target = QComboBox()
        # A model, not items: 10,000 clients cost one reset, and labels are made when drawn.
        every = self.tr("All clients")
        if self.kind is Kind.RELAY:
            every = self.tr("All relayed connections")
        self._targets = ConnectionChoices(every, self.tr("#%1 %2"), self)
        self._target.setModel(self._targets)
        # Not AdjustToContents, which would measure every client on each change.
        self._target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # Wide enough for "All relayed connections" (in any language) and "#12 address";
        # the popup is as wide as its entries.
        self._target.setMinimumContentsLength(max(12, len(every)))
        decorate(
            self._target,
            "sendTarget",
            self.tr("Send target"),
            self.tr("Send to every connected client, or to one of them"),
        )
        label.setBuddy(self._target)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self._target)
        if self.kind is Kind.RELAY:
            from netassistant.ui.send.relaytarget import InjectDirection

            #: Relay: inject toward the server or the client.
            self.toward = InjectDirection()
            row.addWidget(self.toward)
        row.addStretch(1)
        return row

    def _build_empty_button(self) -> QToolButton:
        # A zero-length sendto() is legal and sometimes what a protocol wants; a menu entry
        # of its own so an empty box and Send never sends one by accident.
        self.empty_action = QAction(self.tr("Send empty datagram (0 bytes)"), self)
        self.empty_action.setObjectName("sendEmptyDatagram")
        self.empty_action.triggered.connect(self.send_empty)
        menu = QMenu(self)
        menu.addAction(self.empty_action)
        button = QToolButton()
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setArrowType(Qt.ArrowType.DownArrow)
        return decorate(
            button,
            "sendMoreButton",
            self.tr("More ways to send"),
            self.tr("More ways to send, e.g. an empty datagram (0 bytes)"),
        )

    @Slot()
    def send_empty(self) -> None:
        """UDP: send one datagram of 0 bytes to the chosen target."""
        if not self._running:
            self.show_error(self.tr("the session is not running; nothing was sent"))
            return
        try:
            request = self.build_target(b"")
        except SendInputError as exc:
            self.show_error(str(exc))
            return
        self.empty_requested.emit(request)

    def _build_udp_target(self) -> QHBoxLayout:
        label = QLabel(self.tr("Remote:"))
        self._udp_host = QLineEdit()
        self._udp_host.setPlaceholderText(self.tr("host or IP"))
        decorate(
            self._udp_host,
            "udpTargetHost",
            self.tr("Remote host"),
            self.tr("Host, IP address or unix socket path to send to"),
        )
        label.setBuddy(self._udp_host)
        self._udp_port = QSpinBox()
        self._udp_port.setRange(0, 65535)  # 0: unix socket paths have no port
        decorate(
            self._udp_port, "udpTargetPort", self.tr("Remote port"), self.tr("Remote UDP port")
        )
        self._udp_reply = QCheckBox(self.tr("Reply to last sender"))
        decorate(
            self._udp_reply,
            "udpReply",
            self.tr("Reply to last sender"),
            self.tr("Send to whoever sent the last datagram instead of the remote above"),
        )
        row = QHBoxLayout()
        for widget in (label, self._udp_host, self._udp_port, self._udp_reply):
            row.addWidget(widget)
        return row

    def _connect_signals(self) -> None:
        self.input.textChanged.connect(self.clear_error)
        self._mode_combo.currentIndexChanged.connect(self._on_mode_index)
        self._escapes.toggled.connect(self.clear_error)
        self.send_button.clicked.connect(self.send)
        if self.kind is Kind.UDP:
            self._udp_reply.toggled.connect(self._on_reply_toggled)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.send)

    # ----------------------------------------------------------------- sending
    @Slot()
    def send(self) -> None:
        """Emit :attr:`send_requested` for valid input, or explain the problem inline."""
        if not self._running:
            self.show_error(self.tr("the session is not running; nothing was sent"))
            return
        try:
            request = self.build_request()
        except SendInputError as exc:
            self.show_error(str(exc))
            if exc.position is not None:
                self._put_cursor(exc.position)
            return
        self.send_requested.emit(request)

    def build_payload(self) -> bytes:
        """The bytes to send: the input in the current mode, then the line ending.

        Raises:
            SendInputError: bad hex, a bad escape, an unencodable character, or no data.
        """
        text = self.input_text()
        data = self._parse_hex(text) if self._mode == "hex" else self._encode(text)
        if not data:
            raise SendInputError(self.tr("nothing to send: type some text or hex"))
        return data + self.append().encode("ascii")

    def build_request(self) -> SendRequest:
        """The payload with its target.

        Raises:
            SendInputError: see :meth:`build_payload`; UDP also needs a target.
        """
        return self.build_target(self.build_payload())

    def build_target(self, data: bytes) -> SendRequest:
        """``data`` addressed to the target chosen in the panel (used by presets too).

        Raises:
            SendInputError: UDP without a usable target.
        """
        if self._picks_connection:
            return SendRequest(data, conn_id=self.target_client())
        if self.kind is not Kind.UDP:
            return SendRequest(data)
        if self._udp_reply.isChecked():
            return SendRequest(data, reply=True)
        host, port = self._udp_host.text().strip(), self._udp_port.value()
        if not host:
            raise SendInputError(
                self.tr("enter the remote host and port, or tick Reply to last sender")
            )
        if port == 0 and not host.startswith(("/", "@")):
            raise SendInputError(self.tr("choose a remote port from 1 to 65535"))
        return SendRequest(data, udp_host=host, udp_port=port)

    def _parse_hex(self, text: str) -> bytes:
        try:
            return parse_hex(text)
        except HexError as exc:
            raise SendInputError(tr_error(exc), exc.position) from None

    def _encode(self, text: str) -> bytes:
        try:
            return encode_text(text, self._encoding, self.escapes())
        except (EscapeError, EncodeError) as exc:
            raise SendInputError(tr_error(exc), exc.position) from None

    def _put_cursor(self, position: int) -> None:
        # Python counts code points, QTextCursor UTF-16 units; they differ after an emoji.
        units = len(self.input_text()[:position].encode("utf-16-le")) // 2
        cursor = self.input.textCursor()
        cursor.setPosition(min(units, self.input.document().characterCount() - 1))
        self.input.setTextCursor(cursor)
        self.input.setFocus()

    # -------------------------------------------------------------- text <-> hex
    @Slot(int)
    def _on_mode_index(self, index: int) -> None:
        if not self._switch_mode(MODES[index], convert=True):
            with QSignalBlocker(self._mode_combo):
                self._mode_combo.setCurrentIndex(MODES.index(self._mode))

    def _switch_mode(self, mode: str, convert: bool) -> bool:
        if mode == self._mode:
            return True
        text = self.input_text()
        if convert and text:
            try:
                text = self._to_hex(text) if mode == "hex" else self._to_text(text)
            except SendInputError as exc:
                self.show_error(str(exc))
                return False
            self.set_input_text(text)
        self._mode = mode
        with QSignalBlocker(self._mode_combo):
            self._mode_combo.setCurrentIndex(MODES.index(mode))
        self.clear_error()
        return True

    def _to_hex(self, text: str) -> str:
        try:
            return format_hex(self._encode(text))
        except SendInputError as exc:
            message = fill(self.tr("cannot convert to hex: %1"), str(exc))
            raise SendInputError(message, exc.position) from None

    def _to_text(self, text: str) -> str:
        data = self._parse_hex(text)
        try:
            decoded = data.decode(self._encoding)
        except UnicodeDecodeError as exc:
            template = self.tr("byte 0x%1 at offset %2 is not valid %3 text; kept as hex")
            byte, offset = f"{data[exc.start]:02X}", str(exc.start)
            raise SendInputError(fill(template, byte, offset, self._encoding)) from None
        if self.escapes():
            return escape_text(decoded, keep=_TEXT_BOX_KEEPS)
        control = _CONTROL.search(decoded)
        if control:
            template = self.tr("the bytes hold %1, which the text box cannot keep; tick Escapes")
            raise SendInputError(fill(template, escape_text(control.group())))
        return decoded

    # ------------------------------------------------------------------ targets
    def set_clients(self, clients: list[tuple[int, str]]) -> None:
        """TCP server: list ``(conn_id, peer)`` pairs as targets, keeping the selection."""
        self._change_targets(lambda: self._targets.set_connections(clients))

    def apply_client_events(self, events: Sequence[Event]) -> None:
        """TCP server: follow a batch's connection events as targets, as above."""
        self._change_targets(lambda: self._targets.apply_events(events))

    def listed_clients(self) -> int:
        """Clients offered as targets (not counting "all clients")."""
        return self._targets.connection_count()

    def _change_targets(self, change: Callable[[], None]) -> None:
        if not self._picks_connection:
            return
        current = self.target_client()
        with QSignalBlocker(self._target):
            change()
            self._target.setCurrentIndex(max(self._targets.row_of(current), 0))

    def select_client(self, conn_id: int | None) -> None:
        """TCP server: make a listed client the target (None or unlisted: all clients)."""
        if self._picks_connection:
            self._target.setCurrentIndex(max(self._targets.row_of(conn_id), 0))

    def target_client(self) -> int | None:
        """TCP server: the chosen client's id; None for all clients (and other kinds)."""
        if not self._picks_connection:
            return None
        conn_id = self._target.currentData()
        return conn_id if isinstance(conn_id, int) else None

    def set_udp_target(self, host: str, port: int) -> None:
        """UDP: fill in the remote host and port."""
        if self.kind is Kind.UDP:
            self._udp_host.setText(host)
            self._udp_port.setValue(port)

    @Slot(bool)
    def _on_reply_toggled(self, on: bool) -> None:
        self._udp_host.setEnabled(not on)
        self._udp_port.setEnabled(not on)
        self.clear_error()

    # ------------------------------------------------------------------- state
    def set_running(self, running: bool) -> None:
        """Enable sending while the session runs; the button's tooltip says why it is off."""
        self._running = running
        self.send_button.setEnabled(running)
        if self.kind is Kind.UDP:
            self.empty_action.setEnabled(running)
        self.send_button.setToolTip(
            self.tr("Send the data (Ctrl+Enter)")
            if running
            else self.tr("Start the session first; then Send (or Ctrl+Enter) sends the data")
        )

    def set_encoding(self, name: str) -> None:
        """Encode text mode with ``name`` (a Python codec such as utf-8 or gbk).

        Raises:
            LookupError: for an unknown codec, which is a programming error.
        """
        codecs.lookup(name)
        self._encoding = name

    def show_error(self, message: str) -> None:
        """Show ``message`` (already translated) in the inline error label."""
        self._error.show_message(message)

    @Slot()
    def clear_error(self) -> None:
        """Hide the inline error label."""
        self._error.clear_message()

    # ---------------------------------------------------------------- settings
    def input_text(self) -> str:
        """The input as typed."""
        return self.input.toPlainText()

    def set_input_text(self, text: str) -> None:
        """Replace the input, unconverted whatever the mode."""
        self.input.setPlainText(text)

    def mode(self) -> str:
        """``"text"`` or ``"hex"``."""
        return self._mode

    def set_mode(self, mode: str, convert: bool = True) -> bool:
        """Switch mode; with ``convert`` the input is converted as a user's switch does.

        Returns:
            False if the conversion failed: the reason is shown inline, the mode stays.

        Raises:
            ValueError: for a mode not in :data:`MODES`.
        """
        if mode not in MODES:
            raise ValueError(f"unknown send mode {mode!r}")
        return self._switch_mode(mode, convert)

    def escapes(self) -> bool:
        """True if text mode interprets backslash escapes."""
        return self._escapes.isChecked()

    def set_escapes(self, on: bool) -> None:
        """Turn escape interpretation on or off."""
        self._escapes.setChecked(on)

    def append(self) -> str:
        """The line ending added to every send, one of :data:`APPENDS`."""
        return str(self._append.currentData())

    def set_append(self, ending: str) -> None:
        """Choose the line ending.

        Raises:
            ValueError: for an ending not in :data:`APPENDS`.
        """
        if ending not in APPENDS:
            raise ValueError(f"unknown line ending {ending!r}")
        self._append.setCurrentIndex(APPENDS.index(ending))

    def settings(self) -> dict[str, Any]:
        """The panel's state for a profile: mode, escapes, append, text."""
        return {
            "mode": self._mode,
            "escapes": self.escapes(),
            "append": self.append(),
            "text": self.input_text(),
        }

    def apply_settings(self, settings: dict[str, Any]) -> None:
        """Restore :meth:`settings` output; a missing or bad value leaves its field alone."""
        if settings.get("mode") in MODES:
            self._switch_mode(settings["mode"], convert=False)
        if isinstance(settings.get("escapes"), bool):
            self.set_escapes(settings["escapes"])
        if settings.get("append") in APPENDS:
            self.set_append(settings["append"])
        if isinstance(settings.get("text"), str):
            self.set_input_text(settings["text"])
