"""MainWindow: menus, a toolbar, and one tab per session pane."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QToolBar, QWidget

from netassistant import __version__
from netassistant.core.config import Kind
from netassistant.ui.pane import SessionPane


class MainWindow(QMainWindow):
    """The application window.

    Attributes:
        tabs: One tab per :class:`SessionPane`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("netassistant — socket debugging assistant"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sessionTabs")
        self.tabs.setAccessibleName(self.tr("Sessions"))
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
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
        self.resize(1280, 800)

    # ------------------------------------------------------------------ actions
    def _build_actions(self) -> None:
        tr = self.tr
        self.new_actions: dict[Kind, QAction] = {}
        toolbar = QToolBar(tr("Sessions"))
        toolbar.setObjectName("sessionToolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        file_menu = self.menuBar().addMenu(tr("&File"))
        file_menu.setObjectName("fileMenu")
        for kind, text, shortcut, tip in (
            (
                Kind.TCP_SERVER,
                tr("New TCP &server"),
                "Ctrl+Shift+S",
                tr("Open a pane that listens for TCP clients"),
            ),
            (
                Kind.TCP_CLIENT,
                tr("New TCP &client"),
                "Ctrl+Shift+C",
                tr("Open a pane that connects to a TCP server"),
            ),
            (
                Kind.UDP,
                tr("New &UDP session"),
                "Ctrl+Shift+U",
                tr("Open a pane that sends and receives UDP datagrams"),
            ),
        ):
            action = QAction(text, self)
            action.setObjectName(f"new-{kind.value}")
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(tip)
            action.setStatusTip(tip)
            self.new_actions[kind] = action
            file_menu.addAction(action)
            toolbar.addAction(action)
        file_menu.addSeparator()
        self.close_action = QAction(tr("&Close session"), self)
        self.close_action.setObjectName("closeSession")
        self.close_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_action.setToolTip(tr("Stop the current session and close its pane"))
        file_menu.addAction(self.close_action)
        self.quit_action = QAction(tr("&Quit"), self)
        self.quit_action.setObjectName("quit")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setToolTip(tr("Stop every session and quit"))
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.about_action = QAction(tr("&About netassistant"), self)
        self.about_action.setObjectName("about")
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        for kind, action in self.new_actions.items():
            action.triggered.connect(lambda _checked=False, k=kind: self.open_pane(k))
        self.close_action.triggered.connect(lambda: self.close_pane(self.tabs.currentIndex()))
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._about)
        self.tabs.tabCloseRequested.connect(self.close_pane)

    # -------------------------------------------------------------------- panes
    def open_pane(self, kind: Kind) -> SessionPane:
        """Open a new pane of ``kind`` and show it."""
        pane = SessionPane(kind)
        index = self.tabs.addTab(pane, pane.title())
        self.tabs.setCurrentIndex(index)
        pane.title_changed.connect(lambda title, p=pane: self._retitle(p, title))
        return pane

    def panes(self) -> list[SessionPane]:
        """The open panes, in tab order."""
        return [
            w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), SessionPane)
        ]

    def _retitle(self, pane: SessionPane, title: str) -> None:
        index = self.tabs.indexOf(pane)
        if index >= 0:
            self.tabs.setTabText(index, title)

    @Slot(int)
    def close_pane(self, index: int) -> None:
        """Stop the pane's session, wait for it, and remove the pane."""
        pane = self.tabs.widget(index)
        if not isinstance(pane, SessionPane):
            return
        pane.shutdown()
        self.tabs.removeTab(index)
        pane.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Every session is stopped and its thread waited for before the window goes."""
        for pane in self.panes():
            pane.shutdown()
        super().closeEvent(event)

    @Slot()
    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About netassistant"),
            self.tr(
                "<b>netassistant %1</b><br>A socket debugging assistant (网络调试助手): every "
                "recv() is shown as its own chunk, so sticky and split packets can be seen."
            ).replace("%1", __version__),
        )
