"""LazySection: a collapsible section whose content is built the first time it opens.

Start-up is measured: the rate graph, the traffic generator and the packet templates
cost nothing until the user opens their section (then their modules are imported and
their widgets made, once).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget


class LazySection(QWidget):
    """A header button that shows or hides a body made by ``factory`` on first use.

    Attributes:
        header: The arrow button with the section's title.
        body: The content once built (None before).

    Signals:
        built(QWidget): the body was just made (connect it to wire the body up).
    """

    built = Signal(QWidget)

    def __init__(
        self,
        name: str,
        title: str,
        tooltip: str,
        factory: Callable[[], QWidget],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._factory = factory
        self.body: QWidget | None = None
        self.header = QToolButton()
        self.header.setObjectName(f"{name}Header")
        self.header.setText(title)
        self.header.setToolTip(tooltip)
        self.header.setAccessibleName(title)
        self.header.setCheckable(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.RightArrow)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.header.setStyleSheet("QToolButton { border: none; font-weight: bold; }")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.header)
        self.header.toggled.connect(self.set_open)

    @Slot(bool)
    def set_open(self, open_: bool) -> None:
        """Show the body (building it the first time) or hide it."""
        if self.header.isChecked() != open_:
            self.header.setChecked(open_)  # comes back here through toggled
            return
        self.header.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        if open_ and self.body is None:
            self.body = self._factory()
            self._layout.addWidget(self.body)
            self.built.emit(self.body)
        if self.body is not None:
            self.body.setVisible(open_)

    def is_open(self) -> bool:
        """True while the body is shown."""
        return self.header.isChecked()
