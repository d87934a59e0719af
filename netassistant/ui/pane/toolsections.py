"""The pane's tool sections: traffic generator, packet templates, rate graph.

Each is a :class:`~netassistant.ui.lazysection.LazySection` in the settings column: a
header until the user opens it, when its module is imported and its widgets made (the
window's start-up is measured, and most panes never use them). The pane's templates are
kept here as data from the start, so a profile saves and restores them unopened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from netassistant.ui.lazysection import LazySection

if TYPE_CHECKING:
    from netassistant.core.templates.library import TemplateLibrary
    from netassistant.core.templates.model import Template
    from netassistant.ui.pane.pane import SessionPane
    from netassistant.ui.receive.rategraph import RateGraphBox
    from netassistant.ui.send.generatorbox import GeneratorBox
    from netassistant.ui.templates.templatebox import TemplateBox

#: The message view's data column while template fields have their own columns.
DATA_WIDTH_WITH_FIELDS = 110
#: Least widths of a field column, and of one whose values have names.
FIELD_COLUMN_WIDTH = 60
ENUM_COLUMN_WIDTH = 180


class ToolSections(QObject):
    """The three sections of one pane and what they are wired to.

    Attributes:
        library: The pane's packet templates (built-in and the profile's).
        generator: "Traffic generator" section.
        templates: "Packet templates" section.
        rate_graph: "Rate graph" section.
    """

    def __init__(self, pane: SessionPane) -> None:
        super().__init__(pane)
        self.pane = pane
        # Made at first use (the section opened, a profile with templates): start-up is
        # measured and the templates' modules are not needed before.
        self._library: TemplateLibrary | None = None
        self.generator = LazySection(
            "generatorSection",
            self.tr("Traffic generator"),
            self.tr("Send the send box's message at a set rate, in messages or bytes a second"),
            self._make_generator,
        )
        self.templates = LazySection(
            "templateSection",
            self.tr("Packet templates"),
            self.tr("Describe a frame as fields: build sends in a grid, decode replies"),
            self._make_templates,
        )
        self.rate_graph = LazySection(
            "rateGraphSection",
            self.tr("Rate graph"),
            self.tr("Bytes and chunks per second received and sent, over the last minute"),
            self._make_rate_graph,
        )

    def sections(self) -> tuple[LazySection, ...]:
        """The sections, in the order the settings column shows them."""
        return (self.generator, self.templates, self.rate_graph)

    def body(self, section: LazySection) -> Any:
        """``section``'s body, building it (and opening the section) if need be."""
        section.set_open(True)
        return section.body

    # ---------------------------------------------------------------- profiles
    @property
    def library(self) -> TemplateLibrary:
        """The pane's packet templates (built-in and the profile's), made at first use."""
        if self._library is None:
            from netassistant.core.templates.library import TemplateLibrary

            self._library = TemplateLibrary()
        return self._library

    def templates_data(self) -> list[dict[str, Any]]:
        """The pane's own templates, for its profile."""
        return [] if self._library is None else self._library.to_list()

    def load_templates(self, data: list[dict[str, Any]]) -> None:
        """Restore a profile's templates (the section's list follows if it is built)."""
        if not data and self._library is None:
            return  # nothing to restore: the library stays unmade
        self.library.load(data)
        if self.templates.body is not None:
            from netassistant.ui.templates.templatebox import TemplateBox

            box = self.templates.body
            assert isinstance(box, TemplateBox)
            box.refresh()

    # ---------------------------------------------------------------- factories
    def _make_generator(self) -> QWidget:
        from netassistant.ui.send.generatorbox import GeneratorBox

        box: GeneratorBox = GeneratorBox(self.pane.send_area)
        return box

    def _make_templates(self) -> QWidget:
        from netassistant.ui.templates.templatebox import TemplateBox

        box: TemplateBox = TemplateBox(self.library, self.pane.send_area)
        box.decode_changed.connect(self._on_decode_template)
        return box

    def _make_rate_graph(self) -> QWidget:
        from netassistant.ui.receive.rategraph import RateGraphBox

        box: RateGraphBox = RateGraphBox(self.pane.controller)
        return box

    @Slot(object)
    def _on_decode_template(self, template: Template | None) -> None:
        from netassistant.qt.models.messagemodel import MessageColumn

        messages = self.pane.messages
        messages.model.set_template(template)
        table = messages.table
        header = table.horizontalHeader()
        # The fields come right after the message's own columns, the raw data last.
        header.moveSection(header.visualIndex(MessageColumn.DATA), header.count() - 1)
        if template is not None:
            table.setColumnWidth(MessageColumn.DATA, DATA_WIDTH_WITH_FIELDS)
            # Sized now, before rows arrive: named values ("read_coils (1)") need room.
            keys = messages.model.template_columns.keys
            for offset, key in enumerate(keys):
                column = len(MessageColumn) + offset
                table.resizeColumnToContents(column)
                named = bool(template.field(key.split(".", 1)[0]).enum)
                wanted = ENUM_COLUMN_WIDTH if named else FIELD_COLUMN_WIDTH
                table.setColumnWidth(column, max(table.columnWidth(column), wanted))
        self.pane.receive.detail.set_template(template)
