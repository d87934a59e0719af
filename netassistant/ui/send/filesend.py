"""FileSendBox: choose a file, send it in pieces, watch its progress, cancel it.

The box only chooses and checks the file (a regular file: a named pipe, a device, a folder
is refused inline, and checking never blocks) and the piece size; the pane starts the
engine's ``send_file`` on :attr:`FileSendBox.file_requested` and feeds progress back
through :meth:`FileSendBox.on_progress`.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.config import Kind
from netassistant.core.i18n import text
from netassistant.core.safefile import FileKindError, open_regular
from netassistant.qt.coremessages import tr_core
from netassistant.ui.widgets import ErrorLabel, decorate, fill

# Largest UDP payload over IPv4 (65535 - 8 UDP - 20 IP header bytes).
MAX_DATAGRAM = 65507
DEFAULT_DATAGRAM = 1400
# The engine takes TCP pieces of 1 B .. 16 MiB.
MAX_CHUNK = 16 * 1024 * 1024
DEFAULT_CHUNK = 64 * 1024
# The progress bar counts in permille, so files over 2 GiB fit its int range.
PROGRESS_STEPS = 1000

# Returns the chosen path, or "" if the user cancelled.
Chooser = Callable[[QWidget], str]


class FileSendBox(QWidget):
    """Send a file: one TCP send per chunk, or one datagram per piece on UDP.

    Attributes:
        kind: The session kind; UDP sizes datagrams, TCP sizes chunks.

    Signals:
        file_requested(str, int): a readable file was chosen: its path and the piece size.
        cancel_requested(): Cancel was pressed while a file is being sent.
    """

    file_requested = Signal(str, int)
    cancel_requested = Signal()

    def __init__(
        self, kind: Kind, parent: QWidget | None = None, chooser: Chooser | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._chooser = chooser or self._choose_with_dialog
        self._running = False
        self._sending = False
        self._name = ""
        self._build()
        self._update_enabled()

    def _build(self) -> None:
        self._choose = QPushButton(self.tr("Send file…"))
        self._choose.setObjectName("fileSendChoose")
        self._choose.setAccessibleName(self.tr("Send file"))
        self._info = QLabel()
        self._info.setObjectName("fileSendInfo")
        self._info.setTextFormat(Qt.TextFormat.PlainText)  # file names are user data
        self._size = QSpinBox()
        self._size.setSuffix(self.tr(" bytes"))
        if self.kind is Kind.UDP:
            self._size.setRange(1, MAX_DATAGRAM)
            self._size.setValue(DEFAULT_DATAGRAM)
            decorate(
                self._size,
                "fileDatagramSize",
                self.tr("Datagram size"),
                self.tr("Bytes per datagram; the file goes as one datagram per piece"),
            )
        else:
            self._size.setRange(1, MAX_CHUNK)
            self._size.setValue(DEFAULT_CHUNK)
            decorate(
                self._size,
                "fileChunkSize",
                self.tr("Chunk size"),
                self.tr("Bytes per send call; each is one TX chunk in the log"),
            )
        self._progress = QProgressBar()
        # Narrow enough for two panes side by side on a 1366 px screen; it grows with room.
        self._progress.setMinimumWidth(48)
        self._progress.setRange(0, PROGRESS_STEPS)
        self._progress.setValue(0)
        decorate(
            self._progress,
            "fileSendProgress",
            self.tr("File send progress"),
            self.tr("How much of the file was handed to the socket"),
        )
        self._cancel = QPushButton(self.tr("Cancel"))
        decorate(
            self._cancel,
            "fileSendCancel",
            self.tr("Cancel file send"),
            self.tr("Stop sending the file; what was sent stays sent"),
        )
        self._error = ErrorLabel("fileSendError")  # quotes user input: plain text
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        size_label = QLabel(
            self.tr("Datagram size:") if self.kind is Kind.UDP else self.tr("Chunk size:")
        )
        size_label.setBuddy(self._size)
        for widget in (self._choose, self._info, size_label, self._size, self._progress):
            row.addWidget(widget)
        row.addWidget(self._cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self._error)
        self._choose.clicked.connect(self.choose_file)
        self._cancel.clicked.connect(self.cancel_requested)

    # ------------------------------------------------------------------ choosing
    def _choose_with_dialog(self, parent: QWidget) -> str:
        from PySide6.QtWidgets import QFileDialog  # built by PySide at first use, not at start-up

        path, _filter = QFileDialog.getOpenFileName(parent, self.tr("Send file"))
        return path

    @Slot()
    def choose_file(self) -> None:
        """Ask for a file and request it (the chooser is a QFileDialog unless injected)."""
        path = self._chooser(self)
        if path:
            self.request_file(path)

    def request_file(self, path: str) -> bool:
        """Check ``path`` and emit :attr:`file_requested`; problems are shown inline.

        Returns:
            True if the file was requested.
        """
        name = os.path.basename(path) or path
        try:
            # Opened (proves it readable now, not just present) without ever blocking the
            # GUI thread: a named pipe or a device such as /dev/zero is refused at once.
            with open_regular(path) as fh:
                size = os.fstat(fh.fileno()).st_size
        except FileKindError as exc:
            if exc.kind:
                self.show_error(fill(self.tr("%1 is %2"), name, tr_core(text(exc.kind))))
            else:
                self.show_error(fill(self.tr("%1 does not exist"), name))
            return False
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.show_error(fill(self.tr("cannot read %1: %2"), name, reason))
            return False
        if not size:
            self.show_error(fill(self.tr("%1 is empty; there is nothing to send"), name))
            return False
        self.clear_error()
        self._name = name
        self._info.setText(fill(self.tr("%1 (%2 bytes)"), name, str(size)))
        self._progress.setValue(0)
        self.file_requested.emit(path, self.piece_size())
        return True

    def piece_size(self) -> int:
        """Bytes per datagram (UDP) or per send call (TCP)."""
        return self._size.value()

    def set_piece_size(self, size: int) -> None:
        """Set the piece size (clamped to the spin box's range)."""
        self._size.setValue(size)

    # --------------------------------------------------------------------- state
    def set_running(self, running: bool) -> None:
        """The session runs: a file can be chosen. When it stops, a send ends too."""
        self._running = running
        if not running:
            self._sending = False
        self._update_enabled()

    def set_sending(self, sending: bool) -> None:
        """A file send is under way (Cancel on, choosing off) or has ended."""
        self._sending = sending
        self._update_enabled()

    def on_progress(self, sent: int, total: int) -> None:
        """Show ``sent`` of ``total`` bytes."""
        steps = PROGRESS_STEPS * sent // total if total > 0 else 0
        self._progress.setValue(max(0, min(PROGRESS_STEPS, steps)))
        template = self.tr("%1: %2 of %3 bytes")
        self._info.setText(fill(template, self._name, str(sent), str(total)))

    def show_status(self, text: str) -> None:
        """Show ``text`` (translated, or the engine's own words) where the file is named."""
        self._info.setText(text)

    def show_error(self, message: str) -> None:
        """Show ``message`` (already translated) inline."""
        self._error.show_message(message)

    @Slot()
    def clear_error(self) -> None:
        """Hide the inline error."""
        self._error.clear_message()

    def _update_enabled(self) -> None:
        self._choose.setEnabled(self._running and not self._sending)
        self._size.setEnabled(not self._sending)
        self._cancel.setEnabled(self._sending)
        self._choose.setToolTip(
            self.tr("Choose a file and send it")
            if self._running
            else self.tr("Start the session first; then choose a file to send")
        )
