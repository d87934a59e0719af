"""Choosing and reading a scenario or lab file in the window, with its errors shown."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from netassistant.core.scenario import Scenario, ScenarioError
from netassistant.core.scenario.labs import load_scenario_file
from netassistant.qt.coremessages import tr_core


def open_scenario_file(parent: QWidget, path: str = "") -> Scenario | None:
    """Ask for a file (unless ``path`` is given) and read it; None if cancelled or invalid.

    An invalid file is explained in a message box: its line and what is wrong. Only a
    regular file is opened (a FIFO would block the window).
    """
    if not path:
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            parent.tr("Open scenario or lab"),
            "",
            parent.tr("Scenario and lab files (*.yaml *.yml);;All files (*)"),
        )
        if not path:
            return None
    try:
        return load_scenario_file(path)
    except ScenarioError as exc:
        reason = tr_core(exc.reason)
        if exc.line:
            reason = parent.tr("line %1: %2").replace("%1", str(exc.line)).replace("%2", reason)
        QMessageBox.warning(
            parent,
            parent.tr("Cannot use this scenario"),
            parent.tr("%1\n\n%2").replace("%1", path).replace("%2", reason),
        )
        return None
