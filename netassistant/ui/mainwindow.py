"""MainWindow: menus, a toolbar, and one tab per session pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from netassistant import __version__
from netassistant.core.config import ConfigError, Kind
from netassistant.core.profiles.model import Profile, ProfileError
from netassistant.core.profiles.store import ProfileStore
from netassistant.qt.coremessages import tr_error
from netassistant.qt.models.builtinnames import shown_text
from netassistant.ui.appstate import AppState
from netassistant.ui.pane.pane import SessionPane
from netassistant.ui.viewcontrols import ViewControls
from netassistant.ui.widgets import after_first_paint, plain_label

if TYPE_CHECKING:
    from netassistant.ui.labs.labdock import LabDock

#: The window's size on a first launch, where the screen has room for it.
DEFAULT_SIZE = (1280, 800)
#: Room kept free around a first window on a smaller screen for the window manager's frame
#: (title bar and borders, which are not part of the size given to ``resize()``).
FRAME_ROOM = (16, 48)


def first_size(available: QRect, default: tuple[int, int] = DEFAULT_SIZE) -> QSize:
    """The size of a first window on a screen with ``available`` room (panels left out).

    :data:`DEFAULT_SIZE` where it fits with its frame; on a smaller screen (a 1366x768
    laptop or projector) as much of it as fits, so the status bar and the send row are
    not below the bottom of the screen.
    """
    width = min(default[0], available.width() - FRAME_ROOM[0])
    height = min(default[1], available.height() - FRAME_ROOM[1])
    return QSize(max(1, width), max(1, height))


class MainWindow(QMainWindow):
    """The application window.

    Attributes:
        tabs: One tab per :class:`SessionPane`.
    """

    def __init__(self, state: AppState | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state if state is not None else AppState()
        self.store = ProfileStore()
        self._manager: QWidget | None = None
        self._labs: LabDock | None = None
        self._packet_library: QWidget | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("netassistant — socket debugging assistant"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sessionTabs")
        self.tabs.setAccessibleName(self.tr("Sessions"))
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        # Side by side: the same panes in a splitter, for showing a server and a client at once.
        self.tiles = QSplitter()
        self.tiles.setObjectName("sessionTiles")
        self.tiles.setChildrenCollapsible(False)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.tabs)
        self._pages.addWidget(self.tiles)
        self.setCentralWidget(self._pages)
        self._panes: list[SessionPane] = []
        #: Panes opened now leave their tool boxes until the window is first painted.
        self._deferring_tools = False
        self._empty = QLabel(
            self.tr(
                "No session open. Use the toolbar to open a TCP server, "
                "a TCP client or a UDP session."
            )
        )
        self._empty.setObjectName("emptyHint")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build_actions()
        self._connect_signals()
        self.resize(*DEFAULT_SIZE)

    # ------------------------------------------------------------------ actions
    def _build_actions(self) -> None:
        self.new_actions: dict[Kind, QAction] = {}
        toolbar = QToolBar(self.tr("Sessions"))
        toolbar.setObjectName("sessionToolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        for kind, text, shortcut, tip in (
            (
                Kind.TCP_SERVER,
                self.tr("New TCP &server"),
                "Ctrl+Shift+S",
                self.tr("Open a pane that listens for TCP clients"),
            ),
            (
                Kind.TCP_CLIENT,
                self.tr("New TCP c&lient"),
                "Ctrl+Shift+C",
                self.tr("Open a pane that connects to a TCP server"),
            ),
            (
                Kind.UDP,
                self.tr("New &UDP session"),
                "Ctrl+Shift+U",
                self.tr("Open a pane that sends and receives UDP datagrams"),
            ),
            (
                Kind.RELAY,
                self.tr("New rela&y"),
                "Ctrl+Shift+R",
                self.tr("Open a pane that stands between clients and a server, with faults"),
            ),
        ):
            action = QAction(text, self)
            # A toolbar button has no mnemonic: without this, Qt draws "新建 TCP 服务器(S)".
            action.setIconText(plain_label(text))
            action.setObjectName(f"new-{kind.value}")
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(tip)
            action.setStatusTip(tip)
            self.new_actions[kind] = action
            file_menu.addAction(action)
            toolbar.addAction(action)
        file_menu.addSeparator()
        self.profiles_action = QAction(self.tr("&Profiles…"), self)
        self.profiles_action.setObjectName("profiles")
        self.profiles_action.setShortcut(QKeySequence("Ctrl+O"))
        self.profiles_action.setToolTip(
            self.tr("Open, rename, duplicate, delete, import and export saved profiles")
        )
        file_menu.addAction(self.profiles_action)
        self.save_profile_action = QAction(self.tr("Sa&ve pane as profile…"), self)
        self.save_profile_action.setObjectName("saveProfile")
        self.save_profile_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_profile_action.setToolTip(
            self.tr("Save the current pane's settings, send presets and view as a profile")
        )
        file_menu.addAction(self.save_profile_action)
        self.run_scenario_action = QAction(self.tr("Run sc&enario…"), self)
        self.run_scenario_action.setObjectName("runScenario")
        self.run_scenario_action.setToolTip(
            self.tr("Open a scenario file's panes and run its steps and checks")
        )
        file_menu.addAction(self.run_scenario_action)
        self.open_lab_action = QAction(self.tr("Open la&b…"), self)
        self.open_lab_action.setObjectName("openLab")
        self.open_lab_action.setToolTip(self.tr("Open a lab file of your own (YAML)"))
        file_menu.addAction(self.open_lab_action)
        self.packets_action = QAction(self.tr("Pac&ket library…"), self)
        self.packets_action.setObjectName("packetLibrary")
        self.packets_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.packets_action.setToolTip(
            self.tr("Saved packets: send one with a click, a panel of buttons, step lists")
        )
        file_menu.addAction(self.packets_action)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent sessions"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.setToolTip(self.tr("The last sessions you started"))
        file_menu.addSeparator()
        self.close_action = QAction(self.tr("&Close session"), self)
        self.close_action.setObjectName("closeSession")
        self.close_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_action.setToolTip(self.tr("Stop the current session and close its pane"))
        file_menu.addAction(self.close_action)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quit")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setToolTip(self.tr("Stop every session and quit"))
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        self.tile_action = QAction(self.tr("Side by &side"), self)
        self.tile_action.setObjectName("sideBySide")
        self.tile_action.setIconText(plain_label(self.tile_action.text()))
        self.tile_action.setCheckable(True)
        self.tile_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.tile_action.setToolTip(
            self.tr(
                "Show all panes next to each other instead of as tabs (e.g. a server and a client)"
            )
        )
        view_menu.addAction(self.tile_action)
        self.restore_action = QAction(self.tr("&Reopen panes at start"), self)
        self.restore_action.setObjectName("restorePanes")
        self.restore_action.setCheckable(True)
        self.restore_action.setChecked(self.state.restore_panes)
        self.restore_action.setToolTip(
            self.tr("When the app starts, reopen the panes that were open (settings, not traffic)")
        )
        view_menu.addAction(self.restore_action)
        # Zoom, presentation mode, theme, settings columns: the window as a whole.
        self.view_controls = ViewControls(self, view_menu, self.state, self.tile_action)
        toolbar.addSeparator()
        toolbar.addAction(self.tile_action)
        labs_menu = self.menuBar().addMenu(self.tr("&Labs"))
        labs_menu.setObjectName("labsMenu")
        self.labs_action = QAction(self.tr("&Labs…"), self)
        self.labs_action.setObjectName("labs")
        self.labs_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.labs_action.setToolTip(self.tr("Socket lessons you can run: predict, step, observe"))
        labs_menu.addAction(self.labs_action)
        labs_menu.addAction(self.open_lab_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.about_action = QAction(self.tr("&About netassistant"), self)
        self.about_action.setObjectName("about")
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        self.packets_action.triggered.connect(self.open_packet_library)
        for kind, action in self.new_actions.items():
            action.triggered.connect(lambda _checked=False, k=kind: self.open_pane(k))
        self.close_action.triggered.connect(self._close_current)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._about)
        self.tile_action.toggled.connect(self.set_side_by_side)
        self.profiles_action.triggered.connect(self.show_profiles)
        self.save_profile_action.triggered.connect(self.save_current_as_profile)
        self.labs_action.triggered.connect(self.show_labs)
        self.run_scenario_action.triggered.connect(lambda: self.run_scenario())
        self.open_lab_action.triggered.connect(lambda: self.run_scenario())
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.restore_action.toggled.connect(self._on_restore_toggled)
        self.tabs.tabCloseRequested.connect(self.close_pane)

    # -------------------------------------------------------------------- panes
    def defer_pane_tools(self) -> None:
        """Until the window's first paint, open panes without their tool boxes, then finish them.

        The boxes are the framing, reply rules and capture boxes
        (see :meth:`SessionPane.finish_building`).

        For the app's launch: the first window is on screen ~7 ms sooner, and the boxes
        (below what the settings column shows at first) follow a moment later.
        """
        if not self._deferring_tools:
            self._deferring_tools = True
            after_first_paint(self, self._finish_panes)

    @Slot()
    def _finish_panes(self) -> None:
        self._deferring_tools = False
        for pane in self._panes:
            pane.finish_building()

    def open_pane(self, kind: Kind) -> SessionPane:
        """Open a new pane of ``kind`` and show it."""
        if kind is Kind.RELAY:
            from netassistant.ui.pane.relaypane import RelayPane  # loaded on first use

            pane: SessionPane = RelayPane()
        else:
            pane = SessionPane(kind, defer_tools=self._deferring_tools)
        self._panes.append(pane)
        if self.tile_action.isChecked():
            self.tiles.addWidget(pane)
        else:
            self.tabs.setCurrentIndex(self.tabs.addTab(pane, pane.title()))
        pane.title_changed.connect(lambda title, p=pane: self._retitle(p, title))
        pane.started.connect(lambda p=pane: self._remember(p))
        pane.send_area.packets_requested.connect(self.open_packet_library)
        self.view_controls.pane_added(pane)
        self._restore_splitters(pane)
        return pane

    def open_profile(self, profile: Profile) -> SessionPane:
        """Open ``profile`` in a new pane of its kind (a copy: the profile is not changed)."""
        pane = self.open_pane(profile.config.kind)
        pane.apply_profile(profile)
        return pane

    def panes(self) -> list[SessionPane]:
        """The open panes, in display order."""
        return self.panes_in(self.tiles if self.tile_action.isChecked() else self.tabs)

    @Slot(bool)
    def set_side_by_side(self, on: bool) -> None:
        """Move every pane between the tabs and the side-by-side splitter."""
        if self.tile_action.isChecked() != on:
            self.tile_action.setChecked(on)  # comes back here through toggled
            return
        if on:
            panes = self.panes_in(self.tabs)
            while self.tabs.count():
                self.tabs.removeTab(0)
            for pane in panes:
                self.tiles.addWidget(pane)
                pane.show()  # the tab widget had hidden every page but the current one
            self.tiles.setSizes([1000] * len(panes))
        else:
            for pane in self.panes_in(self.tiles):
                self.tabs.addTab(pane, pane.title())
        self._pages.setCurrentWidget(self.tiles if on else self.tabs)

    @staticmethod
    def panes_in(view: QTabWidget | QSplitter) -> list[SessionPane]:
        """The panes held by ``view``, in order."""
        return [p for i in range(view.count()) if isinstance(p := view.widget(i), SessionPane)]

    def _close_current(self) -> None:
        if not self.tile_action.isChecked():
            self.close_pane(self.tabs.currentIndex())
            return
        focus = self.focusWidget()
        for pane in self._panes:
            if focus is not None and pane.isAncestorOf(focus):
                self.close_session(pane)
                return

    def _retitle(self, pane: SessionPane, title: str) -> None:
        index = self.tabs.indexOf(pane)
        if index >= 0:
            self.tabs.setTabText(index, title)

    @Slot(int)
    def close_pane(self, index: int) -> None:
        """Close the pane at tab ``index`` (see :meth:`close_session`)."""
        pane = self.tabs.widget(index)
        if isinstance(pane, SessionPane):
            self.close_session(pane)

    def close_session(self, pane: SessionPane) -> None:
        """Stop the pane's session, wait for its thread, and remove the pane."""
        pane.shutdown()
        if pane in self._panes:
            self._panes.remove(pane)
        index = self.tabs.indexOf(pane)
        if index >= 0:
            self.tabs.removeTab(index)
        pane.setParent(None)
        pane.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Every session is stopped and its thread waited for before the window goes."""
        self.save_state()
        if self._labs is not None:
            self._labs.stop()
        for pane in self._panes:
            pane.shutdown()
        super().closeEvent(event)

    # -------------------------------------------------------------------- labs
    def labs_dock(self) -> LabDock:
        """The Labs dock (made at first use: the window opens without it)."""
        if self._labs is None:
            from netassistant.ui.labs.labdock import LabDock

            self._labs = LabDock(self)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self._labs)
        return self._labs

    @Slot()
    def show_labs(self) -> None:
        """Show the list of labs."""
        self.labs_dock().show_browser()

    @Slot()
    def run_scenario(self, path: str = "") -> bool:
        """Open a scenario or lab file's panes, ready to run; False if it cannot be used."""
        from netassistant.ui.labs.labfiles import open_scenario_file

        scenario = open_scenario_file(self, path)
        if scenario is not None:
            self.labs_dock().start(scenario)
        return scenario is not None

    @Slot()
    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # built by PySide at first use

        QMessageBox.about(
            self,
            self.tr("About netassistant"),
            self.tr(
                "<b>netassistant %1</b><br>A socket debugging assistant (网络调试助手): every "
                "recv() is shown as its own chunk, so sticky and split packets can be seen."
            ).replace("%1", __version__),
        )

    def open_packet_library(self) -> QWidget:
        """Show the packet library (made on first use: the window starts without it)."""
        if self._packet_library is None:
            from netassistant.core.packets.library import PacketLibrary
            from netassistant.ui.packets.librarywindow import PacketLibraryWindow

            self._packet_library = PacketLibraryWindow(PacketLibrary(), self.current_pane, self)
        self._packet_library.show()
        self._packet_library.raise_()
        return self._packet_library

    # ---------------------------------------------------------------- profiles
    def current_pane(self) -> SessionPane | None:
        """The pane the user works in: the current tab, or the focused tile."""
        if not self.tile_action.isChecked():
            pane = self.tabs.currentWidget()
            return pane if isinstance(pane, SessionPane) else None
        focus = self.focusWidget()
        for pane in self._panes:
            if focus is not None and pane.isAncestorOf(focus):
                return pane
        return self._panes[-1] if self._panes else None

    @Slot()
    def show_profiles(self) -> None:
        """Show the (non-modal) profile manager."""
        from netassistant.ui.dialogs.profiledialog import ProfileManager

        if self._manager is None:
            manager = ProfileManager(self.store, self)
            manager.open_requested.connect(self.open_profile)
            self._manager = manager
        self._manager.show()
        self._manager.raise_()
        self._manager.activateWindow()

    @Slot()
    def save_current_as_profile(self) -> None:
        """Ask for a name and save the current pane as a profile."""
        from PySide6.QtWidgets import QInputDialog

        pane = self.current_pane()
        if pane is None:
            self.notify(self.tr("open a pane first; there is nothing to save"))
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save as profile"),
            self.tr("Profile name:"),
            text=pane.profile_name or pane.base_title(),
        )
        if ok and name.strip():
            self.save_pane_as(pane, name.strip())

    def save_pane_as(self, pane: SessionPane, name: str) -> bool:
        """Save ``pane`` under ``name`` (replacing a profile of that name); report inline."""
        try:
            profile = pane.profile(name)
            replaced = self.store.exists(name)
            self.store.save(profile)
        except ConfigError:
            self.notify(self.tr("the pane's settings are not valid; fix them first"))
            return False
        except ProfileError as exc:
            self.notify(tr_error(exc))
            return False
        pane.profile_name = name
        pane.title_changed.emit(pane.title())
        message = self.tr("replaced profile '%1'") if replaced else self.tr("saved profile '%1'")
        self.notify(message.replace("%1", name))
        if self._manager is not None:
            self._manager.refresh()  # type: ignore[attr-defined]
        return True

    def notify(self, message: str) -> None:
        """Show a message in the status bar (never a modal dialog)."""
        self.statusBar().showMessage(message)

    # ------------------------------------------------------------------ state
    def _remember(self, pane: SessionPane) -> None:
        snapshot = pane.snapshot()
        if snapshot is not None:
            self.state.add_recent(snapshot)

    @Slot()
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.state.recent()
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none yet)"))
            empty.setEnabled(False)
            return
        for profile in recent:
            label = f"{shown_text(profile.name)} — {profile.config.describe()}"
            action = self.recent_menu.addAction(label)
            action.triggered.connect(lambda _checked=False, p=profile: self.open_profile(p))

    @Slot(bool)
    def _on_restore_toggled(self, on: bool) -> None:
        self.state.restore_panes = on

    def restore_geometry(self) -> None:
        """Put the window where and as large as it was at the end of the last run.

        Without a saved geometry (a first launch) the window is fitted to its screen
        instead (:meth:`fit_to_screen`).
        """
        geometry = self.state.value("window/geometry")
        if not (geometry and self.restoreGeometry(geometry)):
            self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Shrink the window to its screen's free area if it is larger (see :func:`first_size`)."""
        screen = self.screen()
        if screen is None:
            return
        size = first_size(screen.availableGeometry(), (self.width(), self.height()))
        if size != self.size():
            self.resize(size)

    def restore(self) -> int:
        """Restore geometry, and the panes of the last run if the user wants them.

        Returns:
            The number of panes reopened.
        """
        self.restore_geometry()
        opened = 0
        if self.state.restore_panes:
            for profile in self.state.open_panes():
                self.open_profile(profile)
                opened += 1
        if self.state.value("window/side_by_side", "false") == "true":
            self.set_side_by_side(True)
        for message in self.state.skipped:
            self.notify(message)
        return opened

    def save_state(self) -> None:
        """Remember geometry, splitters and (if wanted) the open panes."""
        self.state.set_value("window/geometry", self.saveGeometry())
        self.state.set_value(
            "window/side_by_side", "true" if self.tile_action.isChecked() else "false"
        )
        snapshots = [s for p in self.panes() if (s := p.snapshot()) is not None]
        self.state.set_open_panes(snapshots if self.state.restore_panes else [])
        for pane in self._panes:
            for name, splitter in zip(("body", "right"), pane.splitters, strict=True):
                self.state.set_value(f"splitters/{pane.kind.value}/{name}", splitter.saveState())
        self.state.sync()

    def _restore_splitters(self, pane: SessionPane) -> None:
        for name, splitter in zip(("body", "right"), pane.splitters, strict=True):
            saved = self.state.value(f"splitters/{pane.kind.value}/{name}")
            if saved:
                splitter.restoreState(saved)
