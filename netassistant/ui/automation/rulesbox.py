"""ReplyRulesBox: a pane's device-simulator rules, in order, with how often each fired.

The box edits a list of :class:`~netassistant.core.replies.rules.ReplyRule` (one
:class:`RuleDialog` per rule) and hands a checked :class:`ReplyRules` to the session; the
rules run in the engine thread. The "Fired" column reads the running list's counters a
few times a second (one table update per tick, never one per reply). Import and export
use the JSON that ``netassistant-cli --rules FILE`` reads.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.pipeline.responder import MAX_REPLIES_PER_SECOND
from netassistant.qt.coremessages import tr_error
from netassistant.ui.widgets import decorate, fit_columns, select_data

if TYPE_CHECKING:
    # The rules' modules (matching, templates, the packet model) load with the first rule,
    # not with the window: a new pane has none.
    from netassistant.core.replies.rules import ReplyRule
    from netassistant.core.replies.ruleset import ReplyRules

#: How often the "Fired" column is refreshed while rules run.
COUNT_REFRESH_MS = 500
_COLUMNS = 5  # on, match, reply, delay, fired


def _with_encoding(rules: list[ReplyRule], encoding: str) -> list[ReplyRule]:
    """Copies of ``rules`` that encode their text with ``encoding``.

    ``dataclasses`` is imported with the first rule: a new pane has none, and the window
    does not load it before its first paint (tests/test_app.py).
    """
    if not rules:
        return []
    import dataclasses

    return [dataclasses.replace(rule, encoding=encoding) for rule in rules]


class ReplyRulesBox(QGroupBox):
    """Enable switch, first/all mode, the rule table and its buttons, inline messages.

    Attributes:
        enabled: "Enable" check box.
        mode: First match / all matches.
        table: One row per rule: on, match, reply, delay, fired.
        error: Why the rules cannot run (hidden while they can).
        status: Why running replies paused themselves (hidden while they did not).

    Signals:
        changed(): :meth:`rule` may return something else now.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Reply rules"))
        self.setObjectName("replyRulesBox")
        self._encoding = "utf-8"
        self._rules: list[ReplyRule] = []
        self._live: ReplyRules | None = None
        # The last list built, valid or not: the counts an edit carries over.
        self._counted: ReplyRules | None = None
        self._build()
        self._connect_signals()
        self._timer = QTimer(self)
        self._timer.setInterval(COUNT_REFRESH_MS)
        self._timer.timeout.connect(self._refresh_counts)
        self._revalidate()

    # ------------------------------------------------------------------ building
    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        return decorate(QPushButton(text), name, text, tip)

    def _build(self) -> None:
        self.enabled = decorate(
            QCheckBox(self.tr("Enable")),
            "replyRulesEnabled",
            self.tr("Enable reply rules"),
            self.tr(
                "Answer received data by the rules, without pressing Send. Replies pause "
                "themselves above %1 a second or when two echoing peers bounce data."
            ).replace("%1", str(MAX_REPLIES_PER_SECOND)),
        )
        self.mode = QComboBox()
        self.mode.addItem(self.tr("First matching rule"), "first")
        self.mode.addItem(self.tr("Every matching rule"), "all")
        decorate(
            self.mode,
            "replyRulesMode",
            self.tr("Which rules answer"),
            self.tr("First: only the first rule that matches answers. Every: each one does."),
        )
        self.table = QTableWidget(0, _COLUMNS)
        decorate(
            self.table,
            "replyRulesTable",
            self.tr("Reply rules"),
            self.tr("Checked in order; double-click a rule to edit it. Fired counts replies."),
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("On"), self.tr("Match"), self.tr("Reply"), self.tr("Delay"), self.tr("Fired")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # one line per rule; the dialog shows it whole
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Titles and the widest plausible values, measured once (and again on zoom):
        # ResizeToContents measured an empty table narrower than its Chinese titles.
        fit_columns(self.table, {0: 24, 3: "10000 ms", 4: "999999"})
        self.table.setMinimumHeight(150)
        self.add_button = self._button(self.tr("Add"), "replyRuleAdd", self.tr("Add a rule"))
        self.edit_button = self._button(
            self.tr("Edit"), "replyRuleEdit", self.tr("Edit the selected rule")
        )
        self.delete_button = self._button(
            self.tr("Delete"), "replyRuleDelete", self.tr("Delete the selected rule")
        )
        self.up_button = self._button(self.tr("Up"), "replyRuleUp", self.tr("Check it earlier"))
        self.down_button = self._button(self.tr("Down"), "replyRuleDown", self.tr("Check it later"))
        self.import_button = self._button(
            self.tr("Import…"), "replyRulesImport", self.tr("Load rules from a JSON file")
        )
        self.export_button = self._button(
            self.tr("Export…"),
            "replyRulesExport",
            self.tr("Save the rules as JSON (netassistant-cli --rules FILE reads it)"),
        )
        self.error = QLabel()
        self.error.setObjectName("replyRulesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.status = QLabel()
        self.status.setObjectName("replyRulesStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #c62828;")
        self.status.hide()

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.enabled)
        top.addWidget(self.mode, 1)
        layout.addLayout(top)
        layout.addWidget(self.table)
        row1 = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            row1.addWidget(button)
        row2 = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.import_button, self.export_button):
            row2.addWidget(button)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.error)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.enabled.toggled.connect(self._revalidate)
        self.mode.currentIndexChanged.connect(self._revalidate)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self._edit())

    # ------------------------------------------------------------------ the list
    def rules(self) -> list[ReplyRule]:
        """The rules the table shows, in order."""
        return list(self._rules)

    def set_rules(self, rules: list[ReplyRule], mode: str = "first") -> None:
        """Show ``rules`` (a list loaded from a profile or a file)."""
        self._rules = _with_encoding(rules, self._encoding)
        self.mode.blockSignals(True)
        select_data(self.mode, mode)
        self.mode.blockSignals(False)
        self._revalidate()

    def rule(self) -> ReplyRules | None:
        """The checked rules to run, or None when off, empty or invalid."""
        return self._live if self.enabled.isChecked() else None

    def _selected(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _run_dialog(self, rule: ReplyRule) -> ReplyRule | None:
        # The dialog's module loads when it first opens (start-up is measured).
        from netassistant.ui.automation.ruledialog import RuleDialog

        dialog = RuleDialog(rule, self)
        accepted = dialog.exec() == dialog.DialogCode.Accepted
        result = dialog.rule() if accepted else None
        dialog.deleteLater()
        return result

    @Slot()
    def _add(self) -> None:
        from netassistant.core.replies.rules import ReplyRule

        rule = self._run_dialog(ReplyRule(encoding=self._encoding))
        if rule is not None:
            self._rules.append(rule)
            self._revalidate()
            self.table.selectRow(len(self._rules) - 1)

    @Slot()
    def _edit(self) -> None:
        row = self._selected()
        if row < 0:
            return
        rule = self._run_dialog(self._rules[row])
        if rule is not None:
            self._rules[row] = rule
            self._revalidate()
            self.table.selectRow(row)

    @Slot()
    def _delete(self) -> None:
        row = self._selected()
        if row >= 0:
            del self._rules[row]
            self._revalidate()

    def _move(self, step: int) -> None:
        row = self._selected()
        target = row + step
        if row < 0 or not 0 <= target < len(self._rules):
            return
        rules = self._rules
        rules[row], rules[target] = rules[target], rules[row]
        self._revalidate()
        self.table.selectRow(target)

    @Slot()
    def _import(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # built by PySide at first use, not at start-up

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import reply rules"), "", self.tr("JSON files (*.json)")
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Replace the rules with those in ``path``; False (and the reason shown) on error."""
        from netassistant.core.replies.rules import RuleError
        from netassistant.core.replies.ruleset import load_rules_file

        try:
            loaded = load_rules_file(path)
        except RuleError as exc:
            self._show_error(tr_error(exc))
            return False
        self.set_rules(list(loaded.rules), loaded.mode)
        return True

    @Slot()
    def _export(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # built by PySide at first use, not at start-up

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export reply rules"), "rules.json", self.tr("JSON files (*.json)")
        )
        if path:
            self.export_file(path)

    def export_file(self, path: str) -> bool:
        """Write the rules to ``path`` as JSON; False (and the reason shown) on error."""
        from pathlib import Path

        from netassistant.core.profiles.errors import ProfileError
        from netassistant.core.profiles.files import write_file
        from netassistant.core.replies.ruleset import ReplyRules

        document = ReplyRules(self._rules, str(self.mode.currentData())).to_dict()
        data = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            write_file(Path(path), data)
        except ProfileError as exc:
            self._show_error(tr_error(exc))
            return False
        return True

    # ------------------------------------------------------------------ checking
    @Slot()
    def _revalidate(self) -> None:
        if not self._rules:
            # Nothing to check, run or count (a new pane, or every rule deleted).
            self._counted = self._live = None
            self._show_error("")
        else:
            self._check_rules()
        self._fill_table()
        self.hide_status()
        running = self._live is not None and self.enabled.isChecked()
        if running:
            self._timer.start()
        else:
            self._timer.stop()
        self.changed.emit()

    def _check_rules(self) -> None:
        """Build the list to run from the table's rules; show why it cannot run, if so."""
        from netassistant.core.replies.rules import RuleError
        from netassistant.core.replies.ruleset import ReplyRules

        live = ReplyRules(self._rules, str(self.mode.currentData()))
        if self._counted is not None:
            live.carry_counts(self._counted)  # only an edited rule starts again from 0
        self._counted = live
        try:
            live.validate()
        except RuleError as exc:
            self._live = None
            self._show_error(tr_error(exc))
        else:
            self._live = live
            self._show_error("")

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _fill_table(self) -> None:
        table = self.table
        table.setRowCount(len(self._rules))
        for row, rule in enumerate(self._rules):
            cells = [
                "✓" if rule.enabled else "",
                self._describe_match(rule),
                rule.reply if len(rule.reply) <= 60 else rule.reply[:59] + "…",
                self.tr("%1 ms").replace("%1", str(rule.delay_ms)) if rule.delay_ms else "",
                "0",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        self._refresh_counts()

    def _describe_match(self, rule: ReplyRule) -> str:
        words = {
            "any": self.tr("anything"),
            "exact": self.tr("exactly"),
            "prefix": self.tr("starts with"),
            "contains": self.tr("contains"),
            "hex": self.tr("hex pattern"),
            "regex": self.tr("regex"),
        }
        where = self.tr("message") if rule.source == "message" else ""
        text = words.get(rule.match_kind, rule.match_kind)
        if rule.match_kind != "any":
            text += " " + rule.match
        return f"[{where}] {text}" if where else text

    @Slot()
    def _refresh_counts(self) -> None:
        counts = self._live.counts() if self._live is not None else [0] * len(self._rules)
        for row, count in enumerate(counts[: self.table.rowCount()]):
            item = self.table.item(row, 4)
            if item is not None and item.text() != str(count):
                item.setText(str(count))

    # ------------------------------------------------------------------ status
    @Slot(str)
    def show_status(self, message: str) -> None:
        """Show why the running replies paused."""
        self.status.setText(message)
        self.status.show()

    def hide_status(self) -> None:
        """Hide the pause message (any edit of the rules does this)."""
        self.status.clear()
        self.status.hide()

    # ------------------------------------------------------------------ settings
    def set_encoding(self, name: str) -> None:
        """Use codec ``name`` for the rules' text (the session's encoding)."""
        if name != self._encoding:
            self._encoding = name
            self._rules = _with_encoding(self._rules, name)
            self._revalidate()

    def settings(self) -> dict[str, Any]:
        """The box as a profile's ``reply_rules`` dict: enabled, mode and the rules."""
        from netassistant.core.replies.ruleset import ReplyRules

        document = ReplyRules(self._rules, str(self.mode.currentData())).to_dict()
        return {"enabled": self.enabled.isChecked(), **document}

    def apply_settings(self, data: dict[str, Any]) -> None:
        """Show a profile's ``reply_rules`` dict; a dict without ``enabled`` means on.

        A bad dict leaves the box as it was and shows why; rules that load but cannot run
        are shown with the error and switched off, so nothing answers until fixed.
        """
        from netassistant.core.replies.rules import RuleError
        from netassistant.core.replies.ruleset import ReplyRules

        try:
            loaded = ReplyRules.from_dict(data)
        except RuleError as exc:
            self._show_error(tr_error(exc))
            return
        self.enabled.blockSignals(True)
        self.enabled.setChecked(bool(data.get("enabled", True)))
        self.enabled.blockSignals(False)
        self.set_rules(list(loaded.rules), loaded.mode)
        if self._live is None and self._rules and self.enabled.isChecked():
            self.enabled.setChecked(False)
