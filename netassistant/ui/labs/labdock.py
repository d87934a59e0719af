"""LabDock: the Labs browser and a running lab, docked beside the panes it drives.

Opening a lab (or File > Run scenario…) closes the panes of the previous one, opens one
pane per scenario pane, side by side, and drives them through their controllers
(:class:`~netassistant.qt.scenariorun.ScenarioRunController`). The user can watch, scroll
and select in those panes as in any other; the steps and checks appear on the lab page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QSplitter, QStackedWidget, QWidget

from netassistant.core.config import SessionConfig
from netassistant.core.profiles.model import Profile
from netassistant.core.scenario import PaneSpec, Scenario
from netassistant.qt.scenariorun import ControllerDriver, GuiInvoker, ScenarioRunController
from netassistant.ui.labs.labbrowser import LabBrowser
from netassistant.ui.labs.labpage import LabPage

if TYPE_CHECKING:
    from netassistant.ui.mainwindow import MainWindow
    from netassistant.ui.pane.pane import SessionPane

#: How long "what to look at" keeps a pane outlined.
HIGHLIGHT_MS = 1500
_HIGHLIGHT_STYLE = "border: 3px solid #e67e22; border-radius: 4px;"
#: The timeline a lab opens takes this share of its pane's log row (arrows need room)...
TIMELINE_SHARE = 0.6
#: ...and side by side, its pane this share of the window's width.
TIMELINE_PANE_SHARE = 0.6


class LabDock(QDockWidget):
    """The Labs browser and the current lab's page.

    Attributes:
        browser: The list of labs.
        page: The current lab's page (None before one is opened).
        run: The current run (None before one is opened).
        panes: The current run's panes by scenario name.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        # self.tr, not window.tr: lupdate files the string under this class's context.
        self.setWindowTitle(self.tr("Labs"))
        self.setObjectName("labDock")
        self._window = window
        self._stack = QStackedWidget()
        self.browser = LabBrowser()
        self.browser.open_requested.connect(self.start)
        self.browser.message.connect(window.notify)
        self._stack.addWidget(self.browser)
        self.setWidget(self._stack)
        self.page: LabPage | None = None
        self.run: ScenarioRunController | None = None
        self.panes: dict[str, SessionPane] = {}
        self.setMinimumWidth(300)

    def show_browser(self) -> None:
        """Show the list of labs."""
        self._stack.setCurrentWidget(self.browser)
        self.show()
        self.raise_()

    def start(self, scenario: Scenario) -> None:
        """Open ``scenario``'s panes and its page; nothing runs before the user asks."""
        self.stop()
        window = self._window
        window.set_side_by_side(False)
        for name, spec in scenario.panes.items():
            pane = window.open_pane(spec.kind)
            pane.profile_name = name
            pane.title_changed.emit(pane.title())
            self.panes[name] = pane
        # Side by side when the panes fit beside the dock; tabs otherwise ("what to look
        # at" then brings the pane's tab forward), so a 1366-pixel screen is not overflowed.
        needed = sum(p.minimumSizeHint().width() for p in self.panes.values())
        window.set_side_by_side(needed + self.minimumWidth() <= window.width())
        self.run = ScenarioRunController(scenario, self._driver, self)
        page = LabPage(scenario)
        page.stage_requested.connect(self.run.run_stage)
        page.run_all_requested.connect(self.run.run_all)
        page.back_requested.connect(self.show_browser)
        page.highlight_requested.connect(self.highlight)
        page.timeline_requested.connect(self.show_timeline)
        self.run.result.connect(page.add_result)
        self.run.busy_changed.connect(page.set_busy)
        self._stack.addWidget(page)
        self._stack.setCurrentWidget(page)
        if self.page is not None:
            self.page.deleteLater()
        self.page = page
        self.show()
        self.raise_()
        if scenario.lab is not None and scenario.lab.look_at == "timeline":
            # Open before anything runs, so the students see each call drawn as it happens.
            self.show_timeline(scenario.timeline_pane(), outline=False)

    def _driver(self, spec: PaneSpec, invoker: GuiInvoker) -> ControllerDriver:
        pane = self.panes[spec.name]

        def start(config: SessionConfig) -> None:
            pane.apply_profile(Profile(name=spec.name, config=config))
            pane.start()

        return ControllerDriver(pane.controller, invoker, start)

    def highlight(self, name: str) -> None:
        """Outline pane ``name``'s receive view for a moment: what to look at."""
        pane = self.panes.get(name)
        if pane is None:
            return
        lab = self.run.scenario.lab if self.run is not None else None
        # A lab that looks at the timeline keeps its pane in front: that timeline draws
        # every pane's calls, so switching tabs at each step would hide what to look at.
        keep_front = lab is not None and lab.look_at == "timeline"
        if self._window.tabs.indexOf(pane) >= 0 and not keep_front:
            self._window.tabs.setCurrentWidget(pane)
        _outline(pane.receive)

    def show_timeline(self, name: str, *, outline: bool = True) -> None:
        """Open pane ``name``'s Timeline (linked to the other panes) and bring it forward.

        Args:
            name: The scenario pane.
            outline: Also outline the timeline for a moment ("Show the timeline").
        """
        pane = self.panes.get(name)
        if pane is None:
            return
        window = self._window
        if window.tabs.indexOf(pane) >= 0:
            window.tabs.setCurrentWidget(pane)
        pane.timeline.set_shown(True)
        view = pane.timeline.view
        if view is None:
            return
        if not outline:
            _widen(pane.receive_split, view, TIMELINE_SHARE)
            if window.tiles.indexOf(pane) >= 0:
                _widen(window.tiles, pane, TIMELINE_PANE_SHARE)
            return
        _outline(view)

    def stop(self) -> None:
        """End the current run and close its panes."""
        if self.run is not None:
            self.run.shutdown()
            self.run.deleteLater()
            self.run = None
        for pane in self.panes.values():
            if pane in self._window.panes():
                self._window.close_session(pane)
        self.panes = {}


def _outline(view: QWidget) -> None:
    """Outline ``view`` for a moment: what to look at."""
    view.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    # A class selector with a dot matches this widget's class only, not its children.
    view.setStyleSheet(f".{type(view).__name__} {{ {_HIGHLIGHT_STYLE} }}")
    QTimer.singleShot(HIGHLIGHT_MS, view, lambda: view.setStyleSheet(""))


def _widen(splitter: QSplitter, widget: QWidget, share: float) -> None:
    """Give ``widget`` ``share`` of ``splitter``'s room, the rest to the others evenly."""
    index = splitter.indexOf(widget)
    sizes = splitter.sizes()
    if index < 0 or len(sizes) < 2:
        return
    total = sum(sizes) or 1000 * len(sizes)
    # The receive row has a third, usually folded widget (the messages): keep it folded.
    others = [i for i, size in enumerate(sizes) if i != index and size > 0] or [
        i for i in range(len(sizes)) if i != index
    ]
    wide = int(total * share)
    new = [0] * len(sizes)
    new[index] = wide
    for i in others:
        new[i] = (total - wide) // len(others)
    splitter.setSizes(new)
