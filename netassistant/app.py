"""Start-up: the QApplication, translations, the main window. Wiring only."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from netassistant import __version__
from netassistant.core.config import Kind

# How long --smoke-test lets the window run: long enough to lay out, paint and start its
# timers, short enough for CI.
SMOKE_TEST_MS = 1000


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The app's command-line options; arguments Qt itself understands are left alone."""
    parser = argparse.ArgumentParser(
        prog="netassistant", description="Socket debugging assistant (网络调试助手)"
    )
    parser.add_argument(
        "--new",
        action="append",
        choices=[k.value for k in Kind],
        default=[],
        help="open a pane of this kind at start (may be repeated)",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        help="open a pane with this saved (or built-in) profile; the CLI reads the same store",
    )
    parser.add_argument(
        "--no-restore", action="store_true", help="do not reopen the panes of the last run"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="show the window for about a second, then quit with exit code 0 "
        "(checks a build or bundle; leaves your settings and last panes alone)",
    )
    parser.add_argument("--version", action="version", version=f"netassistant {__version__}")
    return parser.parse_known_args(list(argv))[0]


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load netassistant's and Qt's own translations for ``locale`` (default: the system's)."""
    from importlib import resources

    locale = locale or QLocale.system()
    translators = []
    ours = QTranslator(app)
    folder = resources.files("netassistant.resources").joinpath("translations")
    if ours.load(locale, "netassistant", "_", str(folder)):
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def _icon() -> QIcon:
    from importlib import resources

    return QIcon(str(resources.files("netassistant.resources").joinpath("icons/netassistant.svg")))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit code."""
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("netassistant")
    app.setOrganizationName("netassistant")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("netassistant")
    app.setWindowIcon(_icon())
    install_translators(app)

    if args.smoke_test:
        args.no_restore = True  # the user's last panes are not ours to open
    window = build_window(args)
    window.show()
    if args.smoke_test:
        return _smoke_test(app, window)
    return app.exec()


def _smoke_test(app: QApplication, window: Any) -> int:
    """Run the event loop for :data:`SMOKE_TEST_MS`, then stop the panes and quit.

    The window is not closed, so its state (geometry, open panes) is not saved over the
    user's. Returns 0 if the window was on screen with at least one pane.
    """
    seen: list[bool] = []

    def look_and_leave() -> None:
        seen.append(window.isVisible() and bool(window.panes()))
        app.exit(0)  # not quit(): in Qt 6 that closes the window, which saves its state

    QTimer.singleShot(SMOKE_TEST_MS, look_and_leave)
    app.exec()
    panes = window.panes()
    shown = seen == [True]
    for pane in panes:
        pane.shutdown()
    window.hide()
    if sys.stdout is not None:  # a windowed bundle on Windows has no console
        verdict = "passed" if shown else "FAILED"
        print(f"netassistant {__version__}: smoke test {verdict} ({len(panes)} pane(s) shown)")
    return 0 if shown else 1


def build_window(args: argparse.Namespace) -> Any:
    """The main window with the panes asked for, or those of the last run, or a default one.

    Problems (an unknown ``--profile``, unreadable profile files) are shown in the status
    bar; the app always starts.
    """
    from netassistant.core.profiles.model import ProfileError, find_profile
    from netassistant.qt.coremessages import tr_error
    from netassistant.ui.mainwindow import MainWindow

    window = MainWindow()
    notices: list[str] = []
    if args.profile:
        try:
            window.open_profile(find_profile(args.profile))
        except ProfileError as exc:
            notices.append(tr_error(exc))
    for kind in args.new:
        window.open_pane(Kind(kind))
    asked = bool(args.profile or args.new or args.no_restore)
    if not asked:
        window.restore()
    else:
        geometry = window.state.value("window/geometry")
        if geometry:
            window.restoreGeometry(geometry)
    if not window.panes():
        window.open_pane(Kind.TCP_SERVER)
    bad_files = window.store.list().errors
    if bad_files:
        first = str(bad_files[0])
        more = len(bad_files) - 1
        notices.append(first if not more else f"{first} (and {more} more unreadable profiles)")
    if notices:
        window.notify(" · ".join(notices))
    return window
