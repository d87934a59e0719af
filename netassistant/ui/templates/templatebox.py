"""TemplateBox: choose a packet template to build sends with and to decode with.

The body of the pane's "Packet templates" section (built the first time it opens). The
templates themselves live in the pane's :class:`~netassistant.core.templates.library.
TemplateLibrary` (built-ins plus the profile's own); this box lists them, opens the value
grid to send one (:class:`~netassistant.ui.templates.senddialog.TemplateSendDialog`) and
the editor, and says which template decodes received data.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from netassistant.core.config import Kind
from netassistant.core.templates.library import TemplateLibrary
from netassistant.core.templates.model import Template, TemplateError
from netassistant.qt.coremessages import tr_error
from netassistant.qt.models.builtinnames import shown_template_text
from netassistant.ui.send.sendarea import SendArea
from netassistant.ui.send.sendpanel import SendInputError
from netassistant.ui.templates.editor import TemplateEditor
from netassistant.ui.templates.senddialog import TemplateSendDialog
from netassistant.ui.widgets import ErrorLabel, check_box, combo_box, push_button


class TemplateBox(QWidget):
    """Template list, send and edit buttons, "decode with it".

    Attributes:
        library: The pane's templates.
        area: The pane's send area (sends go through it, like presets).
        choice: The template chosen.
        decode: Decode received data with the chosen template.
        dialogs: Open send grids (non-modal), so they live as long as they are shown.

    Signals:
        decode_changed(object): the template decoding received data (None: none).
        library_changed(): a template was added, changed or removed (the profile changed).
    """

    decode_changed = Signal(object)
    library_changed = Signal()

    def __init__(
        self, library: TemplateLibrary, area: SendArea, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateBox")
        self.library = library
        self.area = area
        self.dialogs: list[TemplateSendDialog] = []
        self.choice = combo_box(
            "templateChoice",
            self.tr("Packet template"),
            self.tr("A frame described as fields: build sends from it, decode replies with it"),
            [],
        )
        self.send_button = push_button(
            "templateOpenSend",
            self.tr("Build and send…"),
            self.tr("Edit the fields' values in a grid and send the message"),
            auto_default=False,
        )
        self.new_button = push_button(
            "templateNew", self.tr("New…"), self.tr("Describe a new frame"), auto_default=False
        )
        self.edit_button = push_button(
            "templateEdit",
            self.tr("Edit…"),
            self.tr("Change the fields (a built-in template is copied first)"),
            auto_default=False,
        )
        self.delete_button = push_button(
            "templateDelete",
            self.tr("Delete"),
            self.tr("Delete this template from the pane"),
            auto_default=False,
        )
        self.decode = check_box(
            "templateDecode",
            self.tr("Decode received messages with it"),
            self.tr(
                "Show a column per field in the message view and colour the fields in the "
                "hex dump of the selected chunk"
            ),
        )
        self.error = ErrorLabel("templateError")
        self.hint = QLabel(
            self.tr(
                "The message view needs a framing that cuts whole messages (for example "
                "fixed length 12); the hex dump of the selected chunk is coloured either way."
            )
        )
        self.hint.setObjectName("templateDecodeHint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.choice, 0, 0, 1, 4)
        grid.addWidget(self.send_button, 1, 0, 1, 2)
        grid.addWidget(self.new_button, 1, 2)
        grid.addWidget(self.edit_button, 1, 3)
        grid.addWidget(self.decode, 2, 0, 1, 3)
        grid.addWidget(self.delete_button, 2, 3)
        grid.addWidget(self.hint, 3, 0, 1, 4)
        grid.addWidget(self.error, 4, 0, 1, 4)
        self.refresh()
        self.choice.currentIndexChanged.connect(self._on_choice)
        self.send_button.clicked.connect(self.open_send)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.current()))
        self.delete_button.clicked.connect(self._on_delete)
        self.decode.toggled.connect(self._emit_decode)

    def refresh(self, select: str = "") -> None:
        """List the library's templates again (keeping, or moving to, ``select``)."""
        keep = select or self.choice.currentData() or ""
        self.choice.blockSignals(True)
        self.choice.clear()
        for name in self.library.names():
            self.choice.addItem(shown_template_text(name), name)
        index = self.choice.findData(keep)
        self.choice.setCurrentIndex(max(index, 0))
        self.choice.blockSignals(False)
        self._on_choice()

    def current(self) -> Template | None:
        """The template chosen."""
        return self.library.get(str(self.choice.currentData()))

    def select(self, name: str) -> None:
        """Choose the template called ``name``."""
        self.choice.setCurrentIndex(self.choice.findData(name))

    @Slot()
    def open_send(self) -> TemplateSendDialog | None:
        """Open the value grid of the chosen template."""
        template = self.current()
        if template is None:
            return None
        dialog = TemplateSendDialog(template, self)
        dialog.send_requested.connect(lambda data, d=dialog: self._send(d, data))
        dialog.to_send_box.connect(self._to_send_box)
        dialog.finished.connect(lambda _code, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def edit(self, template: Template | None) -> TemplateEditor:
        """Open the editor on ``template`` (a built-in is copied), or on a new one."""
        replacing = ""
        if template is not None and not self.library.is_builtin(template.name):
            replacing = template.name
        elif template is not None:
            template = Template(
                self.tr("%1 (copy)").replace("%1", template.name),
                template.fields,
                template.description,
            )
        editor = TemplateEditor(template, self)
        editor.accepted.connect(lambda: self._save(editor, replacing))
        editor.open()
        return editor

    def _save(self, editor: TemplateEditor, replacing: str) -> None:
        try:
            template = editor.template()
            self.library.save(template, replacing)
        except TemplateError as exc:
            self.error.show_message(tr_error(exc))
            return
        self.error.clear_message()
        self.refresh(template.name)
        self.library_changed.emit()

    @Slot()
    def _on_delete(self) -> None:
        template = self.current()
        if template is not None and not self.library.is_builtin(template.name):
            self.library.remove(template.name)
            self.refresh()
            self.library_changed.emit()

    def _send(self, dialog: TemplateSendDialog, data: bytes) -> None:
        # Said in the dialog too (the send area says it under the send box, out of view).
        controller = self.area.controller
        if not controller.running:
            dialog.show_status(self.tr("the session is not running; nothing was sent"))
            return
        if self.area.kind is Kind.TCP_SERVER and not controller.stats.clients:
            dialog.show_status(self.tr("no client is connected; nothing was sent"))
            return
        try:
            request = self.area.panel.build_target(data)
        except SendInputError as exc:
            dialog.show_status(str(exc))
            return
        self.area.send(request)
        dialog.show_status(self.tr("sent %1 bytes").replace("%1", str(len(data))))

    @Slot(bytes)
    def _to_send_box(self, data: bytes) -> None:
        panel = self.area.panel
        panel.set_mode("hex", convert=False)
        panel.set_input_text(data.hex(" ").upper())

    def _forget(self, dialog: TemplateSendDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    @Slot()
    def _on_choice(self) -> None:
        template = self.current()
        builtin = template is None or self.library.is_builtin(template.name)
        self.delete_button.setEnabled(not builtin)
        self.send_button.setEnabled(template is not None)
        self._emit_decode()

    @Slot()
    def _emit_decode(self) -> None:
        self.hint.setVisible(self.decode.isChecked())
        self.decode_changed.emit(self.current() if self.decode.isChecked() else None)
