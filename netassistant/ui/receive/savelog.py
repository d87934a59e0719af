"""Where to save the receive log: a file dialog, then "keep recording?".

"Save log…" in the receive view saves what the log already holds; recording what comes
next is the capture box's job, so the question here only decides whether the pane
starts it on the same file (captures append, so the file reads as one log).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from netassistant.ui.widgets import fill

#: Log format by file name extension; anything else is a text log.
_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".pcap": "pcap"}


class SaveChoice(NamedTuple):
    """What the user chose: the file and its format."""

    path: str
    fmt: str


def log_format(path: str) -> str:
    """The log format a file name asks for: ``csv``, ``jsonl``, ``pcap`` or ``text``."""
    return _FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def ask_save_path(parent: QWidget, folder: str | None = None) -> SaveChoice | None:
    """Ask for the file to save the log to (None if cancelled)."""
    # Imported here: PySide builds a class (and its enums) the first time it is named.
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("SaveLog", "Save log"),
        os.path.join(folder or str(Path.home()), "log.txt"),
        QCoreApplication.translate(
            "SaveLog",
            "Text log (*.txt *.log);;CSV (*.csv);;JSON lines (*.jsonl);;pcap (*.pcap);;"
            "All files (*)",
        ),
        # The log is appended, as captures are: "replace the file?" would be wrong.
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return SaveChoice(path, log_format(path)) if path else None


def ask_keep_recording(parent: QWidget, count: int, path: str) -> bool:
    """Say what was saved and ask whether to go on recording to the same file."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SaveLog", "Save log"),
        fill(
            QCoreApplication.translate(
                "SaveLog", "Saved %1 records to %2. Keep recording new traffic to this file?"
            ),
            str(count),
            path,
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
