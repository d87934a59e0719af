"""AutoReplyBox: the form for a pane's auto-reply rule (echo, or reply when matched).

The box only edits an :class:`AutoReplyRule` and checks it as the user types; the
replies themselves are sent by an :class:`netassistant.core.pipeline.AutoResponder` in the
engine thread. Errors appear in a line under the form, never in a dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from netassistant.core.autoreply import ECHO, MATCH, PLACEHOLDERS, AutoReplyError, AutoReplyRule
from netassistant.core.pipeline.responder import MAX_REPLIES_PER_SECOND
from netassistant.qt.coremessages import tr_error
from netassistant.ui.widgets import decorate


class AutoReplyBox(QGroupBox):
    r"""Enable switch, mode, match and reply fields, and an inline error line.

    Attributes:
        enabled: "Enable" check box.
        mode: Echo / reply when matched.
        match: What to look for; ``match_mode`` says how (text, hex, regex).
        reply: What to send back; ``reply_mode`` says how (text, hex).
        escapes: Read ``\r \n \t \xNN`` in text fields.
        hint: The placeholders a text reply understands.
        error: Why the rule cannot be used (hidden while it can).
        status: Why a running auto-reply paused itself (hidden while it did not).

    Signals:
        changed(): :meth:`rule` may return something else now.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Auto-reply"))
        self.setObjectName("autoReplyBox")
        self._encoding = "utf-8"
        self._rule: AutoReplyRule | None = None
        self._error_field = ""
        self._build()
        self._connect_signals()
        self._revalidate()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        loop_warning = self.tr(
            "Warning: if the peer also echoes, the two of you bounce the same data back "
            "and forth forever. Auto-reply pauses itself above %1 replies a second."
        ).replace("%1", str(MAX_REPLIES_PER_SECOND))
        self.enabled = QCheckBox(self.tr("Enable"))
        decorate(
            self.enabled,
            "autoReplyEnabled",
            self.tr("Enable auto-reply"),
            self.tr("Answer received data automatically, without pressing Send.")
            + "\n"
            + loop_warning,
        )
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Echo"), ECHO)
        self.mode.addItem(self.tr("Reply when matched"), MATCH)
        decorate(
            self.mode,
            "autoReplyMode",
            self.tr("Auto-reply mode"),
            self.tr(
                "Echo: send every received chunk straight back.\n"
                "Reply when matched: send the reply when a received chunk contains the match."
            )
            + "\n"
            + loop_warning,
        )
        self.match = QLineEdit()
        self.match.setPlaceholderText(self.tr("e.g. time"))
        decorate(
            self.match,
            "autoReplyMatch",
            self.tr("Match"),
            self.tr(
                "What a received chunk must contain. Each chunk (one recv) is checked on "
                "its own, so a pattern split across two chunks does not match"
            ),
        )
        self.match_mode = QComboBox()
        self.match_mode.addItem(self.tr("Text"), "text")
        self.match_mode.addItem(self.tr("Hex"), "hex")
        self.match_mode.addItem(self.tr("Regex"), "regex")
        decorate(
            self.match_mode,
            "autoReplyMatchMode",
            self.tr("Match as"),
            self.tr(
                "Text: a substring in the session's encoding. Hex: bytes such as 01 02 FF. "
                "Regex: a regular expression searched in the bytes (RE2 syntax: no backreferences "
                "or lookaround, and no pattern can freeze the session)"
            ),
        )
        self.reply = QLineEdit()
        self.reply.setPlaceholderText(self.tr("e.g. {time}"))
        decorate(
            self.reply,
            "autoReplyText",
            self.tr("Reply"),
            self.tr("What to send back when a chunk matches: text with placeholders, or hex"),
        )
        self.reply_mode = QComboBox()
        self.reply_mode.addItem(self.tr("Text"), "text")
        self.reply_mode.addItem(self.tr("Hex"), "hex")
        decorate(
            self.reply_mode,
            "autoReplyReplyMode",
            self.tr("Reply as"),
            self.tr("Text: sent in the session's encoding. Hex: bytes such as 06 or 0D 0A"),
        )
        self.escapes = QCheckBox(self.tr("Escapes"))
        decorate(
            self.escapes,
            "autoReplyEscapes",
            self.tr("Escapes in match and reply"),
            self.tr("In text fields, \\r \\n \\t \\0 \\xNN and \\\\ stand for those bytes"),
        )
        self.hint = QLabel(
            self.tr("Placeholders in a text reply: %1").replace("%1", " ".join(PLACEHOLDERS))
        )
        self.hint.setObjectName("autoReplyHint")
        self.hint.setWordWrap(True)
        self.hint.setToolTip(
            self.tr(
                "{time} HH:MM:SS, {date} YYYY-MM-DD, {datetime} both, {len} the received "
                "chunk's length in bytes. Received data is never read as placeholders"
            )
        )
        self.error = QLabel()
        self.error.setObjectName("autoReplyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.status = QLabel()
        self.status.setObjectName("autoReplyStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #c62828;")
        self.status.hide()

        grid = QGridLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.enabled)
        top.addWidget(self.mode, 1)
        grid.addLayout(top, 0, 0, 1, 3)
        match_label = QLabel(self.tr("Match"))
        match_label.setBuddy(self.match)
        grid.addWidget(match_label, 1, 0)
        grid.addWidget(self.match, 1, 1)
        grid.addWidget(self.match_mode, 1, 2)
        reply_label = QLabel(self.tr("Reply"))
        reply_label.setBuddy(self.reply)
        grid.addWidget(reply_label, 2, 0)
        grid.addWidget(self.reply, 2, 1)
        grid.addWidget(self.reply_mode, 2, 2)
        grid.addWidget(self.escapes, 3, 0, 1, 3)
        grid.addWidget(self.hint, 4, 0, 1, 3)
        grid.addWidget(self.error, 5, 0, 1, 3)
        grid.addWidget(self.status, 6, 0, 1, 3)
        grid.setColumnStretch(1, 1)

    def _connect_signals(self) -> None:
        self.enabled.toggled.connect(self._revalidate)
        self.escapes.toggled.connect(self._revalidate)
        self.mode.currentIndexChanged.connect(self._revalidate)
        self.match_mode.currentIndexChanged.connect(self._revalidate)
        self.reply_mode.currentIndexChanged.connect(self._revalidate)
        self.match.textChanged.connect(self._revalidate)
        self.reply.textChanged.connect(self._revalidate)

    # ------------------------------------------------------------------ the rule
    def _form_rule(self) -> AutoReplyRule:
        """The rule the form shows, checked or not."""
        return AutoReplyRule(
            mode=str(self.mode.currentData()),
            match=self.match.text(),
            match_mode=str(self.match_mode.currentData()),
            reply=self.reply.text(),
            reply_mode=str(self.reply_mode.currentData()),
            encoding=self._encoding,
            escapes=self.escapes.isChecked(),
        )

    def rule(self) -> AutoReplyRule | None:
        """The checked rule to run, or None when auto-reply is off or the form is invalid."""
        return self._rule if self.enabled.isChecked() else None

    def error_field(self) -> str:
        """The rule field the current error is about (``"match"``, ``"reply"``, ...) or ""."""
        return self._error_field

    @Slot()
    def _revalidate(self) -> None:
        is_match = self.mode.currentData() == MATCH
        for widget in (self.match, self.match_mode, self.reply, self.reply_mode):
            widget.setEnabled(is_match)
        rule = self._form_rule()
        try:
            rule.validate()
        except AutoReplyError as exc:
            self._rule = None
            self._show_error(exc)
        else:
            self._rule = rule
            self._show_error(None)
        self.hide_status()
        self.changed.emit()

    def _field_name(self, field: str) -> str:
        names = {
            "match": self.tr("Match"),
            "match_mode": self.tr("Match as"),
            "reply": self.tr("Reply"),
            "reply_mode": self.tr("Reply as"),
            "mode": self.tr("Mode"),
            "encoding": self.tr("Encoding"),
        }
        return names.get(field, field)

    def _show_error(self, exc: AutoReplyError | None) -> None:
        self._error_field = exc.field if exc is not None else ""
        for name, widget in (("match", self.match), ("reply", self.reply)):
            # A property a style sheet (or a test) can select on; the line says why.
            widget.setProperty("invalid", exc is not None and exc.field == name)
        if exc is None:
            self.error.clear()
            self.error.hide()
            return
        self.error.setText(
            self.tr("%1: %2")
            .replace("%1", self._field_name(exc.field))
            .replace("%2", tr_error(exc))
        )
        self.error.show()
        field_widget = {"match": self.match, "reply": self.reply}.get(exc.field)
        if field_widget is not None and exc.position >= 0 and not field_widget.hasFocus():
            field_widget.setCursorPosition(exc.position)

    # ------------------------------------------------------------------ status
    @Slot(str)
    def show_status(self, message: str) -> None:
        """Show why the running auto-reply paused (connect AutoResponder.paused here)."""
        self.status.setText(message)
        self.status.show()

    def hide_status(self) -> None:
        """Hide the pause message (any edit of the rule does this)."""
        self.status.clear()
        self.status.hide()

    # ------------------------------------------------------------------ settings
    def set_encoding(self, name: str) -> None:
        """Use codec ``name`` for the text fields (the session's encoding)."""
        if name != self._encoding:
            self._encoding = name
            self._revalidate()

    def settings(self) -> dict[str, Any]:
        """The form as a profile's ``auto_reply`` dict: the rule's dict plus ``enabled``."""
        data = self._form_rule().to_dict()
        data["enabled"] = self.enabled.isChecked()
        return data

    def apply_settings(self, data: dict[str, Any]) -> None:
        """Show a profile's ``auto_reply`` dict; a dict without ``enabled`` means on.

        A bad dict (wrong types, unknown mode) leaves the form as it was and shows why. A
        rule that loads but cannot run (bad hex, a regular expression RE2 does not support)
        is shown with its error and left disabled.
        """
        try:
            rule = AutoReplyRule.from_dict(data)
        except AutoReplyError as exc:
            self._show_error(exc)
            return
        widgets = (
            self.enabled,
            self.mode,
            self.match,
            self.match_mode,
            self.reply,
            self.reply_mode,
            self.escapes,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.mode.setCurrentIndex(self.mode.findData(rule.mode))
            self.match.setText(rule.match)
            self.match_mode.setCurrentIndex(self.match_mode.findData(rule.match_mode))
            self.reply.setText(rule.reply)
            self.reply_mode.setCurrentIndex(self.reply_mode.findData(rule.reply_mode))
            self.escapes.setChecked(rule.escapes)
            self.enabled.setChecked(bool(data.get("enabled", True)))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        if "encoding" in data:
            self._encoding = rule.encoding
        self._revalidate()
        if self._rule is None and self.enabled.isChecked():
            # A saved rule this version cannot run (say a regex with a backreference, which
            # RE2 refuses) is shown with its error but switched off, so the profile opens
            # and nothing answers until the user fixes it and enables it again.
            with QSignalBlocker(self.enabled):
                self.enabled.setChecked(False)
