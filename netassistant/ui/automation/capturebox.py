"""CaptureBox: "Receive to file" and "Save log" for a pane.

Design: the box owns its captures. It is given the pane's tap host (the
:class:`SessionController`, or anything with ``add_tap``/``remove_tap``); starting a
capture opens the file, wraps it in a :class:`CaptureTap` and adds the tap, stopping
removes the tap and closes the file. The tap runs in the engine thread, so the file
gets every byte and every event whatever the receive view does (paused, capped), and
it stays installed across stop/start of the session until the user stops it.

Captures go to regular files only: a named pipe, a device or a symbolic link is refused
when the capture starts, with the reason in the box's error line (the core's
:mod:`netassistant.core.safefile` checks it without ever blocking the GUI thread).

The box polls the open captures a few times a second for the bytes written and for a
write error, which it shows inline (never a dialog) before stopping that capture.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from netassistant.core.capture import CaptureError, FileCapture, LogCapture, RawCapture
from netassistant.core.pipeline import CaptureTap, Tap
from netassistant.qt.coremessages import tr_core, tr_error
from netassistant.qt.models.clientmodel import format_count
from netassistant.ui.widgets import decorate

#: How often the status lines are refreshed while a capture runs.
POLL_MS = 250
_SUFFIXES = {"raw": ".bin", "text": ".log", "csv": ".csv", "jsonl": ".jsonl", "pcap": ".pcap"}


class TapHost(Protocol):
    """Where taps are installed: a SessionController satisfies this."""

    def add_tap(self, fn: Tap) -> None:
        """Install ``fn``."""
        ...

    def remove_tap(self, fn: Tap) -> None:
        """Uninstall ``fn``."""
        ...


class CaptureBox(QGroupBox):
    """Two toggles: raw received bytes to a file, and a log of everything.

    Attributes:
        raw_button: "Receive to file…" (checked while capturing).
        raw_status: Bytes written and the file.
        log_button: "Save log…" (checked while logging).
        log_format: Text, CSV or JSON lines.
        log_status: Lines and bytes written and the file.
        error: Why a capture could not start or stopped (hidden while all is well).
        raw_tap: The running raw capture's tap, or None.
        log_tap: The running log's tap, or None.

    Signals:
        capture_changed(): a capture started or stopped.
    """

    capture_changed = Signal()

    def __init__(
        self,
        taps: TapHost,
        parent: QWidget | None = None,
        *,
        udp: bool = False,
        get_save_path: Callable[[str], str | None] | None = None,
    ) -> None:
        """Build the box.

        Args:
            taps: Where the capture taps go (the pane's SessionController).
            parent: Parent widget.
            udp: Log the UDP fields (truncated, orig_len) in JSON lines.
            get_save_path: Asks for a file, given ``"raw"``, ``"text"``, ``"csv"`` or
                ``"jsonl"`` (None or "" = cancelled); default a QFileDialog.
        """
        super().__init__(parent)
        self.setTitle(self.tr("Capture"))
        self.setObjectName("captureBox")
        self._host = taps
        self._udp = udp
        self._encoding = "utf-8"
        self._get_save_path = get_save_path or self._ask_save_path
        self._last_dir = str(Path.home())
        self.raw_tap: CaptureTap | None = None
        self.log_tap: CaptureTap | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.raw_button.toggled.connect(self._on_raw_toggled)
        self.log_button.toggled.connect(self._on_log_toggled)

    def _build(self) -> None:
        self.raw_button = QPushButton(self.tr("Receive to file…"))
        self.raw_button.setCheckable(True)
        decorate(
            self.raw_button,
            "captureRaw",
            self.tr("Receive to file"),
            self.tr(
                "Append every received byte, exactly as it arrived, to a file of your choice; "
                "also while the view is paused or full. Click again to stop"
            ),
        )
        self.raw_status = QLabel()
        self.raw_status.setObjectName("captureRawStatus")
        # "Record", not "Save": it writes what happens from now on. Saving what the log
        # already holds is the receive view's "Save log…" (which can then go on recording).
        self.log_button = QPushButton(self.tr("Record log…"))
        self.log_button.setCheckable(True)
        decorate(
            self.log_button,
            "captureLog",
            self.tr("Record log"),
            self.tr(
                "From now on, append one line per chunk sent or received and per connection "
                "event to a file; records everything, also while the view is paused or full. "
                "Click again to stop. To save what the log already shows, use Save log… above "
                "the log"
            ),
        )
        self.log_format = QComboBox()
        self.log_format.addItem(self.tr("Text"), "text")
        self.log_format.addItem(self.tr("CSV"), "csv")
        self.log_format.addItem(self.tr("JSON lines"), "jsonl")
        self.log_format.addItem(self.tr("pcap (Wireshark)"), "pcap")
        decorate(
            self.log_format,
            "captureLogFormat",
            self.tr("Log format"),
            self.tr(
                "Text: the lines the window shows. CSV: for a spreadsheet. "
                "JSON lines: one JSON object per line, for scripts"
            ),
        )
        self.log_status = QLabel()
        self.log_status.setObjectName("captureLogStatus")
        self.error = QLabel()
        self.error.setObjectName("captureError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        for label in (self.raw_status, self.log_status):
            label.setWordWrap(True)
            label.hide()

        grid = QGridLayout(self)
        grid.addWidget(self.raw_button, 0, 0, 1, 2)
        grid.addWidget(self.raw_status, 1, 0, 1, 2)
        grid.addWidget(self.log_button, 2, 0)
        grid.addWidget(self.log_format, 2, 1)
        grid.addWidget(self.log_status, 3, 0, 1, 2)
        grid.addWidget(self.error, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    # ------------------------------------------------------------------ settings
    def set_encoding(self, name: str) -> None:
        """Codec used to show data as text in logs started from now on."""
        self._encoding = name

    @property
    def running(self) -> bool:
        """True while a raw capture or a log is open."""
        return self.raw_tap is not None or self.log_tap is not None

    # ------------------------------------------------------------------ raw
    @Slot(bool)
    def _on_raw_toggled(self, on: bool) -> None:
        if on:
            self.start_raw()
        else:
            self.stop_raw()

    def start_raw(self, path: str | None = None) -> bool:
        """Start appending received bytes to ``path`` (asked for if None).

        Returns:
            True if the capture runs; False if cancelled or the file cannot be opened
            (the reason is shown inline).
        """
        if self.raw_tap is not None:
            return True
        path = path or self._get_save_path("raw")
        capture = None
        if path:
            try:
                capture = RawCapture(path, direction="rx")
            except CaptureError as exc:
                self.show_error(tr_error(exc))
        if capture is None:
            self._set_checked(self.raw_button, False)
            return False
        self.raw_tap = self._install(capture)
        self._set_checked(self.raw_button, True)
        self.raw_button.setText(self.tr("Stop receiving to file"))
        self.refresh()
        return True

    def stop_raw(self) -> None:
        """Stop the raw capture and close its file (nothing happens if none runs)."""
        tap, self.raw_tap = self.raw_tap, None
        if tap is not None:
            self._uninstall(tap, self.raw_status, self._raw_text)
        self._set_checked(self.raw_button, False)
        self.raw_button.setText(self.tr("Receive to file…"))

    # ------------------------------------------------------------------ log
    @Slot(bool)
    def _on_log_toggled(self, on: bool) -> None:
        if on:
            self.start_log()
        else:
            self.stop_log()

    def start_log(self, path: str | None = None, fmt: str | None = None) -> bool:
        """Start a log of every event in ``fmt`` (the combo's if None) to ``path``.

        Returns:
            True if the log runs; False if cancelled or the file cannot be opened.
        """
        if self.log_tap is not None:
            return True
        if fmt is not None:
            self.log_format.setCurrentIndex(self.log_format.findData(fmt))
        fmt = str(self.log_format.currentData())
        path = path or self._get_save_path(fmt)
        capture = None
        if path:
            try:
                capture = self._open_log(path, fmt)
            except CaptureError as exc:
                self.show_error(tr_error(exc))
        if capture is None:
            self._set_checked(self.log_button, False)
            return False
        self.log_tap = self._install(capture)
        self._set_checked(self.log_button, True)
        self.log_button.setText(self.tr("Stop log"))
        self.log_format.setEnabled(False)
        self.refresh()
        return True

    def _open_log(self, path: str, fmt: str) -> FileCapture:
        if fmt != "pcap":
            return LogCapture(path, fmt, self._encoding, udp=self._udp)
        from netassistant.core.config import Family
        from netassistant.core.pcapexport import PcapCapture

        config = getattr(self._host, "config", None)
        unix = config is not None and config.family is Family.UNIX
        return PcapCapture(path, udp=self._udp, unix=unix)

    def stop_log(self) -> None:
        """Stop the log and close its file (nothing happens if none runs)."""
        tap, self.log_tap = self.log_tap, None
        if tap is not None:
            self._uninstall(tap, self.log_status, self._log_text)
        self._set_checked(self.log_button, False)
        self.log_button.setText(self.tr("Record log…"))
        self.log_format.setEnabled(True)

    def stop_all(self) -> None:
        """Stop both captures and close their files (call when the pane closes)."""
        self.stop_raw()
        self.stop_log()

    # ------------------------------------------------------------------ common
    def _install(self, capture: FileCapture) -> CaptureTap:
        self.error.clear()
        self.error.hide()
        tap = CaptureTap(capture)
        self._host.add_tap(tap)
        self._last_dir = os.path.dirname(os.path.abspath(capture.path))
        self._timer.start()
        self.capture_changed.emit()
        return tap

    def _uninstall(
        self, tap: CaptureTap, label: QLabel, describe: Callable[[CaptureTap], str]
    ) -> None:
        self._host.remove_tap(tap)
        tap.close()  # waits for a batch the engine thread may still be writing
        if tap.error:
            self.show_error(tr_core(tap.error))
        label.setText(self.tr("Saved: %1").replace("%1", describe(tap)))
        label.show()
        if not self.running:
            self._timer.stop()
        self.capture_changed.emit()

    @staticmethod
    def _set_checked(button: QPushButton, on: bool) -> None:
        button.blockSignals(True)
        button.setChecked(on)
        button.blockSignals(False)

    def _raw_text(self, tap: CaptureTap) -> str:
        return (
            self.tr("%1 B to %2")
            .replace("%1", format_count(tap.bytes_written))
            .replace("%2", os.path.basename(tap.path))
        )

    def _log_text(self, tap: CaptureTap) -> str:
        packets = getattr(tap.capture, "packets_written", None)
        if packets is not None:
            return (
                self.tr("%1 packets, %2 B to %3")
                .replace("%1", format_count(packets))
                .replace("%2", format_count(tap.bytes_written))
                .replace("%3", os.path.basename(tap.path))
            )
        return (
            self.tr("%1 lines, %2 B to %3")
            .replace("%1", format_count(tap.records_written))
            .replace("%2", format_count(tap.bytes_written))
            .replace("%3", os.path.basename(tap.path))
        )

    @Slot()
    def refresh(self) -> None:
        """Update the status lines; stop a capture whose file could not be written."""
        if self.raw_tap is not None:
            if self.raw_tap.error:
                self.stop_raw()
            else:
                self.raw_status.setText(
                    self.tr("Writing: %1").replace("%1", self._raw_text(self.raw_tap))
                )
                self.raw_status.setToolTip(self.raw_tap.path)
                self.raw_status.show()
        if self.log_tap is not None:
            if self.log_tap.error:
                self.stop_log()
            else:
                self.log_status.setText(
                    self.tr("Writing: %1").replace("%1", self._log_text(self.log_tap))
                )
                self.log_status.setToolTip(self.log_tap.path)
                self.log_status.show()

    def show_error(self, message: str) -> None:
        """Show ``message`` in the inline error line."""
        self.error.setText(message)
        self.error.show()

    # ------------------------------------------------------------------ file dialog
    def _ask_save_path(self, kind: str) -> str | None:
        filters = {
            "raw": self.tr("All files (*)"),
            "text": self.tr("Log files (*.log *.txt);;All files (*)"),
            "csv": self.tr("CSV files (*.csv);;All files (*)"),
            "jsonl": self.tr("JSON lines (*.jsonl);;All files (*)"),
            "pcap": self.tr("pcap files (*.pcap);;All files (*)"),
        }
        title = self.tr("Receive to file") if kind == "raw" else self.tr("Record log")
        # Captures append, so "replace the file?" would be the wrong question. A chosen
        # symbolic link must reach the capture as the link (which refuses it), not be
        # silently swapped for its target by the dialog.
        from PySide6.QtWidgets import QFileDialog  # built by PySide at first use, not at start-up

        path, _ = QFileDialog.getSaveFileName(
            self,
            title,
            os.path.join(self._last_dir, "capture" + _SUFFIXES[kind]),
            filters[kind],
            options=QFileDialog.Option.DontConfirmOverwrite
            | QFileDialog.Option.DontResolveSymlinks,
        )
        if path and not os.path.splitext(path)[1]:
            path += _SUFFIXES[kind]
        return path or None
