"""LabBrowser: the list of built-in labs, a teacher's own lab file, and export as an example."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.scenario import Scenario
from netassistant.core.scenario.labs import builtin_labs, lab_source
from netassistant.ui.labs.labpage import ui_language

_NAME_ROLE = Qt.ItemDataRole.UserRole


class LabBrowser(QWidget):
    """The built-in labs, by number and title.

    Signals:
        open_requested(object): open this :class:`Scenario` (a built-in lab).
        open_file_requested(): the user wants to open a lab file of their own.
        message(str): something to tell the user (an export's result).
    """

    open_requested = Signal(object)
    open_file_requested = Signal()
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labBrowser")
        language = ui_language()
        self._labs = {lab.name: lab for lab in builtin_labs()}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each lab makes one effect of the socket tutorials happen on this machine, "
                "every time, and says why. Predict, run it step by step, compare."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("labList")
        for name, lab in self._labs.items():
            teaching = lab.lab
            title = teaching.title.pick(language) if teaching else name
            number = teaching.number if teaching else 0
            item = QListWidgetItem(f"{number:2d}. {title}")
            item.setData(_NAME_ROLE, name)
            item.setToolTip(teaching.concept.pick(language) if teaching else "")
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda _item: self._open())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        open_button = QPushButton(self.tr("Open lab"))
        open_button.setObjectName("labOpen")
        open_button.clicked.connect(self._open)
        own = QPushButton(self.tr("Open lab file…"))
        own.setToolTip(self.tr("Open a lab or scenario file of your own (YAML)"))
        own.clicked.connect(self.open_file_requested)
        export = QPushButton(self.tr("Export as example…"))
        export.setToolTip(self.tr("Save the selected lab's file, to start a lab of your own"))
        export.clicked.connect(self._export)
        for button in (open_button, own, export):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _selected(self) -> str:
        item = self.list.currentItem()
        return str(item.data(_NAME_ROLE)) if item is not None else ""

    def _open(self) -> None:
        name = self._selected()
        if name:
            self.open_requested.emit(self._labs[name])

    def _export(self) -> None:
        name = self._selected()
        if not name:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export lab"), f"{name}.yaml", self.tr("Lab files (*.yaml *.yml)")
        )
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(lab_source(name))
        except OSError as exc:
            self.message.emit(
                self.tr("Cannot write %1: %2").replace("%1", path).replace("%2", exc.strerror or "")
            )
            return
        self.message.emit(self.tr("Lab saved as %1").replace("%1", path))

    def lab(self, name: str) -> Scenario:
        """The built-in lab ``name``."""
        return self._labs[name]
