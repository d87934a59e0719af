"""RuleDialog: edit one reply rule (match, reply template, delay), checked as the user types.

The dialog only builds a :class:`~netassistant.core.replies.rules.ReplyRule`; the rules run
in the engine thread. An error shows under the form, and OK stays disabled until the rule
can run.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.replies.rules import MAX_DELAY_MS, ReplyRule, RuleError
from netassistant.core.replies.template import PLACEHOLDERS
from netassistant.qt.coremessages import tr_error
from netassistant.ui.widgets import decorate, select_data


class RuleDialog(QDialog):
    r"""The form for one rule.

    Attributes:
        name: A label for the rule.
        enabled: Whether the rule answers.
        source: Raw chunk or decoded message.
        match_kind: Any / exact / prefix / contains / hex pattern / regex.
        match: What to look for; ``match_format`` says how exact/prefix/contains read it.
        reply: The reply template; ``reply_format`` text or hex.
        escapes: ``\r \n \t \xNN`` in text fields.
        delay: Milliseconds before the reply.
        error: Why the rule cannot run (hidden while it can).
    """

    def __init__(self, rule: ReplyRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reply rule"))
        self.setObjectName("ruleDialog")
        self._encoding = rule.encoding
        self._build()
        self.set_rule(rule)
        for signal in (
            self.name.textChanged,
            self.match.textChanged,
            self.reply.textChanged,
            self.enabled.toggled,
            self.escapes.toggled,
            self.source.currentIndexChanged,
            self.match_kind.currentIndexChanged,
            self.match_format.currentIndexChanged,
            self.reply_format.currentIndexChanged,
            self.delay.valueChanged,
        ):
            signal.connect(self._revalidate)
        self._revalidate()

    def _combo(self, name: str, label: str, items: list[tuple[str, str]], tip: str) -> QComboBox:
        combo = QComboBox()
        for text, data in items:
            combo.addItem(text, data)
        return decorate(combo, name, label, tip)

    def _build(self) -> None:
        self.name = decorate(QLineEdit(), "ruleName", self.tr("Name"), self.tr("A label"))
        self.enabled = decorate(
            QCheckBox(self.tr("Enabled")),
            "ruleEnabled",
            self.tr("Enabled"),
            self.tr("A disabled rule never answers"),
        )
        self.source = self._combo(
            "ruleSource",
            self.tr("Look at"),
            [
                (self.tr("Each received chunk"), "chunk"),
                (self.tr("Each decoded message"), "message"),
            ],
            self.tr("Decoded messages need framing set in the Framing box"),
        )
        self.match_kind = self._combo(
            "ruleMatchKind",
            self.tr("Match"),
            [
                (self.tr("Anything (echo and catch-all)"), "any"),
                (self.tr("Exactly"), "exact"),
                (self.tr("Starts with"), "prefix"),
                (self.tr("Contains"), "contains"),
                (self.tr("Hex pattern (?? = any byte)"), "hex"),
                (self.tr("Regular expression"), "regex"),
            ],
            self.tr(
                "Hex pattern: the whole data, e.g. 01 03 ?? ?? *; each ?? and * is a "
                "capture. Regular expression: RE2 syntax, searched; groups are captures"
            ),
        )
        self.match = decorate(
            QLineEdit(), "ruleMatchText", self.tr("Match text"), self.tr("What to look for")
        )
        self.match_format = self._combo(
            "ruleMatchFormat",
            self.tr("Match as"),
            [(self.tr("Text"), "text"), (self.tr("Hex"), "hex")],
            self.tr("How Exactly / Starts with / Contains read the match"),
        )
        self.reply = decorate(
            QLineEdit(),
            "ruleReply",
            self.tr("Reply"),
            self.tr("What to send back; placeholders are filled in"),
        )
        self.reply_format = self._combo(
            "ruleReplyFormat",
            self.tr("Reply as"),
            [(self.tr("Text"), "text"), (self.tr("Hex"), "hex")],
            self.tr("Text in the session's encoding, or hex digits (placeholders work in both)"),
        )
        self.escapes = decorate(
            QCheckBox(self.tr("Escapes")),
            "ruleEscapes",
            self.tr("Escapes"),
            self.tr("In text fields, \\r \\n \\t \\0 \\xNN and \\\\ stand for those bytes"),
        )
        self.delay = decorate(
            QSpinBox(), "ruleDelay", self.tr("Delay"), self.tr("Wait this long before replying")
        )
        self.delay.setRange(0, MAX_DELAY_MS)
        self.delay.setSuffix(self.tr(" ms"))
        hint = QLabel(self.tr("Placeholders: %1").replace("%1", " ".join(PLACEHOLDERS)))
        hint.setObjectName("ruleHint")
        hint.setWordWrap(True)
        hint.setToolTip(
            self.tr(
                "{1} {name}: captures; {data} the received bytes; {len} their length; {n} how "
                "often this rule fired; {time} {date} {datetime} {unixtime}; {random:N} 0..N-1; "
                "{uuid}; {hex:01 02}; {checksum:crc16-modbus} over everything before it. "
                "Received data is never read as placeholders"
            )
        )
        self.error = QLabel()
        self.error.setObjectName("ruleError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.enabled)
        form.addRow(self.tr("Look at"), self.source)
        form.addRow(self.tr("Match"), self.match_kind)
        form.addRow(self.tr("Match text"), self.match)
        form.addRow(self.tr("Match as"), self.match_format)
        form.addRow(self.tr("Reply"), self.reply)
        form.addRow(self.tr("Reply as"), self.reply_format)
        form.addRow("", self.escapes)
        form.addRow(self.tr("Delay"), self.delay)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def set_rule(self, rule: ReplyRule) -> None:
        """Show ``rule`` in the form."""
        self.name.setText(rule.name)
        self.enabled.setChecked(rule.enabled)
        select_data(self.source, rule.source)
        select_data(self.match_kind, rule.match_kind)
        self.match.setText(rule.match)
        select_data(self.match_format, rule.match_format)
        self.reply.setText(rule.reply)
        select_data(self.reply_format, rule.reply_format)
        self.escapes.setChecked(rule.escapes)
        self.delay.setValue(rule.delay_ms)
        self._encoding = rule.encoding

    def rule(self) -> ReplyRule:
        """The rule the form shows (checked or not)."""
        return ReplyRule(
            name=self.name.text(),
            enabled=self.enabled.isChecked(),
            source=str(self.source.currentData()),
            match_kind=str(self.match_kind.currentData()),
            match=self.match.text(),
            match_format=str(self.match_format.currentData()),
            reply=self.reply.text(),
            reply_format=str(self.reply_format.currentData()),
            encoding=self._encoding,
            escapes=self.escapes.isChecked(),
            delay_ms=self.delay.value(),
        )

    @Slot()
    def _revalidate(self) -> None:
        kind = self.match_kind.currentData()
        self.match.setEnabled(kind != "any")
        self.match_format.setEnabled(kind in ("exact", "prefix", "contains"))
        rule = dataclasses.replace(self.rule())
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            rule.validate()
        except RuleError as exc:
            self.error.setText(tr_error(exc))
            self.error.show()
            ok_button.setEnabled(False)
            return
        self.error.clear()
        self.error.hide()
        ok_button.setEnabled(True)
