"""LabPage: one lab (or a plain scenario) beside its panes: predict, step, observe, learn.

From top to bottom: the concept; the **Predict** question (the step buttons stay off until
an answer is chosen); the steps as buttons, enabled one at a time, and **Run all**; each
step's and check's result as it happens; the observation next to the prediction; what to
look at (**Show me** highlights the pane); the why paragraph (shown once observed); and the
equivalent Python code of each pane. A scenario without a teaching section shows only its
steps and results.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.scenario import Localized, Result, Scenario
from netassistant.qt.coremessages import tr_core


def ui_language() -> str:
    """The language lab texts are shown in (``zh_CN``, ``en``...), from the UI locale."""
    return QLocale().name()


class LabPage(QWidget):
    """The page of one running lab or scenario.

    Attributes:
        scenario: What it shows.
        stage_buttons: One button per stage (a step and its checks).
        run_all_button: Runs every stage not run yet.

    Signals:
        stage_requested(int): run this stage.
        run_all_requested(): run everything left.
        highlight_requested(str): show the user this pane.
        timeline_requested(str): show the user this pane's timeline (a lab that looks at it).
        back_requested(): go back to the list of labs.
    """

    stage_requested = Signal(int)
    run_all_requested = Signal()
    highlight_requested = Signal(str)
    timeline_requested = Signal(str)
    back_requested = Signal()

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labPage")
        self.scenario = scenario
        self._language = ui_language()
        self._stages = scenario.stages()
        self._next_stage = 0
        self._busy = False
        self._build()

    # ------------------------------------------------------------------ building
    def _text(self, localized: Localized | None) -> str:
        return localized.pick(self._language) if localized else ""

    def _build(self) -> None:
        lab = self.scenario.lab
        content = QWidget()
        layout = QVBoxLayout(content)
        top = QHBoxLayout()
        back = QPushButton(self.tr("← All labs"))
        back.setObjectName("labBack")
        back.clicked.connect(self.back_requested)
        top.addWidget(back)
        top.addStretch(1)
        layout.addLayout(top)
        title = QLabel(self._text(lab.title) if lab else self.scenario.name)
        title.setObjectName("labTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        layout.addWidget(title)
        if lab is not None:
            layout.addWidget(self._paragraph(self._text(lab.concept), "labConcept"))
            if lab.os_note:
                note = self._paragraph(self._text(lab.os_note), "labOsNote")
                note.setStyleSheet("color: palette(mid); font-style: italic;")
                layout.addWidget(note)
            layout.addWidget(self._predict_box())
        elif self.scenario.description:
            layout.addWidget(self._paragraph(self.scenario.description, "labConcept"))
        layout.addWidget(self._steps_box())
        if lab is not None:
            # The observation right under the buttons: next to the prediction it answers.
            layout.addWidget(self._observe_box())
            layout.addWidget(self._results_box())
            layout.addWidget(self._code_box())
        else:
            layout.addWidget(self._results_box())
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self._scroll = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._update_buttons()

    @staticmethod
    def _paragraph(text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _predict_box(self) -> QGroupBox:
        lab = self.scenario.lab
        assert lab is not None
        box = QGroupBox(self.tr("Predict — answer before you run it"))
        box.setObjectName("labPredict")
        layout = QVBoxLayout(box)
        layout.addWidget(self._paragraph(self._text(lab.question), "labQuestion"))
        self.choices = QButtonGroup(self)
        for index, choice in enumerate(lab.choices):
            button = QRadioButton(self._text(choice))
            button.setObjectName(f"labChoice{index}")
            self.choices.addButton(button, index)
            layout.addWidget(button)
        self.choices.idClicked.connect(lambda _id: self._update_buttons())
        return box

    def _steps_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Steps"))
        box.setObjectName("labSteps")
        layout = QVBoxLayout(box)
        self.stage_buttons: list[QPushButton] = []
        for number, stage in enumerate(self._stages):
            action = self.scenario.actions[stage[0]]
            label = self._text(action.label) or f"{action.kind} {action.pane}".strip()
            button = QPushButton(f"{number + 1}. {label}")
            button.setObjectName(f"labStage{number}")
            button.setStyleSheet("text-align: left; padding: 3px 8px;")
            button.clicked.connect(lambda _checked=False, n=number: self._request_stage(n))
            layout.addWidget(button)
            self.stage_buttons.append(button)
        self.run_all_button = QPushButton(self.tr("Run all"))
        self.run_all_button.setObjectName("labRunAll")
        self.run_all_button.clicked.connect(self._request_all)
        layout.addWidget(self.run_all_button)
        self.hint = QLabel()
        self.hint.setObjectName("labHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        return box

    def _results_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Steps and checks, as they ran"))
        layout = QVBoxLayout(box)
        self.results = QListWidget()
        self.results.setObjectName("labResults")
        self.results.setWordWrap(True)
        self.results.setMinimumHeight(140)
        layout.addWidget(self.results)
        return box

    def _observe_box(self) -> QGroupBox:
        lab = self.scenario.lab
        assert lab is not None
        box = QGroupBox(self.tr("Observe"))
        box.setObjectName("labObserve")
        layout = QVBoxLayout(box)
        look = QHBoxLayout()
        look.addWidget(self._paragraph(self._text(lab.look), "labLook"), 1)
        if lab.look_at == "timeline":
            show = QPushButton(self.tr("Show the timeline"))
            show.setToolTip(
                self.tr("Open and highlight the timeline: the panes' calls as a sequence diagram")
            )
        else:
            show = QPushButton(self.tr("Show me"))
            show.setToolTip(self.tr("Highlight the pane to look at"))
        show.setObjectName("labShowMe")
        show.clicked.connect(self._show_me)
        look.addWidget(show)
        layout.addLayout(look)
        self.prediction_label = self._paragraph("", "labPrediction")
        self.observed_label = self._paragraph(
            self.tr("Observed: not yet — run the steps."), "labObserved"
        )
        self.verdict_label = self._paragraph("", "labVerdict")
        for label in (self.prediction_label, self.observed_label, self.verdict_label):
            layout.addWidget(label)
        self.why_label = self._paragraph(self._text(lab.why), "labWhy")
        self.why_title = QLabel(self.tr("<b>Why</b>"))
        self.why_title.hide()
        self.why_label.hide()
        layout.addWidget(self.why_title)
        layout.addWidget(self.why_label)
        return box

    def _code_box(self) -> QGroupBox:
        lab = self.scenario.lab
        assert lab is not None
        box = QGroupBox(self.tr("The same in Python"))
        box.setObjectName("labCode")
        layout = QVBoxLayout(box)
        tabs = QTabWidget()
        tabs.setObjectName("labCodeTabs")
        mono: QFont = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for pane, code in lab.code.items():
            view = QPlainTextEdit(code.rstrip("\n"))
            view.setReadOnly(True)
            view.setFont(mono)
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            view.setMinimumHeight(160)
            tabs.addTab(view, pane)
        layout.addWidget(tabs)
        return box

    # ------------------------------------------------------------------ running
    def _can_run(self) -> bool:
        if self._busy:
            return False
        return self.scenario.lab is None or self.choices.checkedId() >= 0

    def _update_buttons(self) -> None:
        can = self._can_run()
        for number, button in enumerate(self.stage_buttons):
            button.setEnabled(can and number == self._next_stage)
        self.run_all_button.setEnabled(can and self._next_stage < len(self._stages))
        if self.scenario.lab is not None and self.choices.checkedId() < 0:
            self.hint.setText(self.tr("Choose your prediction first."))
        elif self._next_stage >= len(self._stages):
            self.hint.setText(self.tr("All steps done."))
        else:
            self.hint.setText("")

    def _request_stage(self, number: int) -> None:
        self._next_stage = number + 1
        self._lock_prediction()
        self.stage_requested.emit(number)
        self._update_buttons()

    def _request_all(self) -> None:
        self._next_stage = len(self._stages)
        self._lock_prediction()
        self.run_all_requested.emit()
        self._update_buttons()

    def _lock_prediction(self) -> None:
        if self.scenario.lab is None:
            return
        for button in self.choices.buttons():
            button.setEnabled(False)
        chosen = self.choices.checkedButton()
        if chosen is not None:
            self.prediction_label.setText(self.tr("You predicted: %1").replace("%1", chosen.text()))

    @Slot(bool)
    def set_busy(self, busy: bool) -> None:
        """A stage is running (the buttons wait)."""
        self._busy = busy
        self._update_buttons()

    @Slot(object)
    def add_result(self, result: Result) -> None:
        """Show one step's or check's result."""
        action = result.action
        mark = "✓" if result.ok else "✗"
        if action.is_check:
            text = self.tr("%1 check %2: observed %3; expected %4")
            for key, value in (
                ("%1", mark),
                ("%2", f"{action.kind} {action.pane}".strip()),
                ("%3", tr_core(result.observed)),
                ("%4", tr_core(result.expected)),
            ):
                text = text.replace(key, value)
        else:
            text = f"{mark} {tr_core(result.message)}"
        item = QListWidgetItem(text)
        if not result.ok:
            item.setForeground(self.palette().color(self.foregroundRole()).darker(100))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.results.addItem(item)
        self.results.scrollToBottom()
        if action.pane:
            self.highlight_requested.emit(action.pane)
        lab = self.scenario.lab
        if lab is not None and action.is_check and action.id == lab.check:
            self._observed(result)

    def _observed(self, result: Result) -> None:
        lab = self.scenario.lab
        assert lab is not None
        self.observed_label.setText(
            self.tr("Observed: %1 (the lab expected %2)")
            .replace("%1", tr_core(result.observed))
            .replace("%2", tr_core(result.expected))
        )
        right = self._text(lab.choices[lab.answer])
        if self.choices.checkedId() == lab.answer:
            verdict = self.tr("✓ Your prediction was right.")
        else:
            verdict = self.tr("✗ Not what you predicted. The answer: %1").replace("%1", right)
        if not result.ok:
            verdict = self.tr("The effect did not appear this time: %1").replace(
                "%1", tr_core(result.observed)
            )
        self.verdict_label.setText(verdict)
        self.why_title.show()
        self.why_label.show()
        # On a small screen the observation is below the steps: bring it into view.
        self._scroll.ensureWidgetVisible(self.verdict_label)

    def _show_me(self) -> None:
        lab = self.scenario.lab
        if lab is None:
            return
        if lab.look_at == "timeline":
            self.timeline_requested.emit(self.scenario.timeline_pane())
            return
        for action in self.scenario.actions:
            if action.is_check and action.id == lab.check:
                self.highlight_requested.emit(action.pane)
                return
