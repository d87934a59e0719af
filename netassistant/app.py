"""Start-up: the QApplication, translations, the main window. Wiring only.

``NETASSISTANT_STARTUP_PROBE=1`` turns a launch into a start-up measurement (used by
``tests/benchmarks/startup.py``): once the main window has painted for the first time the
app prints ``first-window <seconds since the process started>`` on stdout, then
``startup-phases`` with the seconds each phase of the launch took (see
:data:`STARTUP_PHASES`; they add up to the first figure), and exits at once, without
saving its state. The start is ``NETASSISTANT_STARTUP_T0`` (a ``time.monotonic()``
reading taken by the launcher just before it started the process) when given, else the
process start time the kernel recorded (``/proc/self/stat``, 10 ms resolution).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from netassistant import __version__
from netassistant.core.collector import collector_paused
from netassistant.core.config import Kind
from netassistant.qt.environment import prepare_qt_environment
from netassistant.qt.importhook import speed_up_pyside_import_hook, stub_generator_ran
from netassistant.resources import file_path

if TYPE_CHECKING:
    import argparse

# Before the window's modules are imported (build_window imports them): each then costs
# PySide's import hook a file read instead of a parse (see netassistant.qt.importhook).
speed_up_pyside_import_hook()

# How long --smoke-test lets the window run: long enough to lay out, paint and start its
# timers, short enough for CI.
SMOKE_TEST_MS = 1000
#: Modules no launch needs, which --smoke-test fails on: loaded at start, they are a
#: packaging mistake (a bundle that collected test tools got PyInstaller's runtime hook
#: for pkg_resources, which imported it at every start: 0.1 s of the launch).
STRAY_AT_START = ("pkg_resources", "pytest", "_pytest")


def parse_args(argv: Sequence[str]) -> argparse.Namespace | SimpleNamespace:
    """The app's command-line options; arguments Qt itself understands are left alone."""
    if not argv:
        # The usual launch (the desktop entry, python -m netassistant) neither builds a
        # parser nor imports argparse: the first costs ~2.5 ms of gettext catalogue
        # look-ups, regular expressions and a terminal-size query, the second ~1.5 ms
        # (argparse and gettext). These are its defaults (tests/test_app.py compares them).
        return SimpleNamespace(new=[], profile=None, no_restore=False, smoke_test=False)
    return build_parser().parse_known_args(list(argv))[0]


def build_parser() -> argparse.ArgumentParser:
    """The parser of :func:`parse_args`."""
    import argparse

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
    return parser


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load netassistant's and Qt's own translations for ``locale`` (default: the system's)."""
    locale = locale or QLocale.system()
    translators = []
    ours = QTranslator(app)
    if ours.load(locale, "netassistant", "_", file_path("translations")):
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def _icon() -> QIcon:
    return QIcon(file_path("icons", "netassistant.svg"))


STARTUP_PROBE_ENV = "NETASSISTANT_STARTUP_PROBE"
STARTUP_T0_ENV = "NETASSISTANT_STARTUP_T0"

#: The phases of a launch, in order, each named for what ends it:
#: ``python`` the interpreter and its site (``__main__``'s first line runs), ``qt`` PySide's
#: QtCore imported, ``app`` this module imported (QtGui and QtWidgets with it),
#: ``qapplication`` the QApplication made and translated, ``window_modules`` the main
#: window's modules imported, ``window_build`` the window and its first pane made, ``show``
#: ``show()`` returned, ``first_frame`` the first frame painted (the probe's report).
STARTUP_PHASES = (
    "python",
    "qt",
    "app",
    "qapplication",
    "window_modules",
    "window_build",
    "show",
    "first_frame",
)
#: (phase, ``time.monotonic()`` when it ended) of this launch, in order; ``python -m
#: netassistant`` adds the first three (``__main__``), :func:`main` the others.
STARTUP_MARKS: list[tuple[str, float]] = []


def mark_startup(phase: str) -> None:
    """Note that ``phase`` (one of :data:`STARTUP_PHASES`) of the launch has just ended."""
    STARTUP_MARKS.append((phase, time.monotonic()))


def startup_phases(marks: Sequence[tuple[str, float]], now: float, since_start: float) -> str:
    """The probe's ``startup-phases`` line: ``name=seconds`` for each phase in ``marks``.

    Args:
        marks: (phase, monotonic time it ended), in order.
        now: A ``time.monotonic()`` reading ...
        since_start: ... taken when the process had run this many seconds.

    Each phase's seconds run from the end of the one before (the first from the start), so
    they add up to the last mark's time since the start, give or take the rounding.
    """
    parts = ["startup-phases"]
    previous = 0.0
    for phase, moment in marks:
        at = since_start - (now - moment)
        parts.append(f"{phase}={at - previous:.4f}")
        previous = at
    return " ".join(parts)


def seconds_since_start() -> float:
    """Seconds since the launcher's ``NETASSISTANT_STARTUP_T0``, else since the process began.

    ``time.monotonic()`` is CLOCK_MONOTONIC, one clock for every process of the machine, so a
    reading taken by the launcher can be compared with one taken here.
    """
    t0 = os.environ.get(STARTUP_T0_ENV, "")
    try:
        return time.monotonic() - float(t0)
    except ValueError:
        pass
    # Field 22 of /proc/self/stat: when the process started, in clock ticks after boot
    # (the same clock as CLOCK_BOOTTIME). The command name (field 2) may hold spaces.
    with open("/proc/self/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started


class FirstPaintProbe(QObject):
    """Print ``first-window <seconds>`` once ``window`` has painted, then end the app.

    The time is taken when the event loop comes back after the first paint of the window,
    i.e. when the whole first frame (the window and all its children) has been drawn.
    ``QApplication.exit()`` ends the loop without closing the window, so nothing is saved.
    """

    def __init__(self, window: QWidget) -> None:
        # The window's modules (this one among them) are loaded by now.
        from netassistant.ui.widgets import after_first_paint

        super().__init__(window)
        after_first_paint(window, self._report)

    def _report(self) -> None:
        now, since_start = time.monotonic(), seconds_since_start()
        STARTUP_MARKS.append(("first_frame", now))
        print(f"first-window {since_start:.4f}", flush=True)
        print(startup_phases(STARTUP_MARKS, now, since_start), flush=True)
        QApplication.exit(0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit code."""
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    prepare_qt_environment()
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("netassistant")
    app.setOrganizationName("netassistant")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("netassistant")
    app.setWindowIcon(_icon())
    install_translators(app)
    mark_startup("qapplication")

    if args.smoke_test:
        args.no_restore = True  # the user's last panes are not ours to open
    with collector_paused():
        window = build_window(args)
        if os.environ.get(STARTUP_PROBE_ENV) == "1":
            FirstPaintProbe(window)  # a child of the window: lives as long as it
        window.show()
        mark_startup("show")
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
        seen.append(window.isVisible() and bool(window.panes()) and _session_runs(window))
        app.exit(0)  # not quit(): in Qt 6 that closes the window, which saves its state

    # A session started on a free loopback port checks that the engines (imported by
    # name at run time) and the worker thread are in the build, not only the widgets.
    # Started on the controller, not the pane: the pane would add it to the user's recent
    # sessions, and the smoke test writes nothing of the user's.
    first = window.panes()[0] if window.panes() else None
    if first is not None and first.kind is Kind.TCP_SERVER:
        first.settings.local_port.setValue(0)
        first.controller.start(first.settings.config())

    QTimer.singleShot(SMOKE_TEST_MS, look_and_leave)
    app.exec()
    panes = window.panes()
    shown = seen == [True]
    stray = [name for name in STRAY_AT_START if name in sys.modules]
    if stub_generator_ran():  # ~9 ms of every start (netassistant.qt.importhook)
        stray.append("PySide's .pyi stub generator")
    for pane in panes:
        pane.shutdown()
    window.hide()
    passed = shown and not stray
    if sys.stdout is not None:  # a windowed bundle on Windows has no console
        verdict = "passed" if passed else "FAILED"
        loaded = f"; loaded at start: {', '.join(stray)}" if stray else ""
        print(
            f"netassistant {__version__}: smoke test {verdict} ({len(panes)} pane(s) shown{loaded})"
        )
    return 0 if passed else 1


def _session_runs(window: Any) -> bool:
    """True unless the first pane is a TCP server that failed to listen."""
    from netassistant.core.stats import SessionState

    first = window.panes()[0]
    return first.kind is not Kind.TCP_SERVER or first.controller.state is SessionState.LISTENING


def build_window(args: argparse.Namespace | SimpleNamespace) -> Any:
    """The main window with the panes asked for, or those of the last run, or a default one.

    Problems (an unknown ``--profile``, unreadable profile files) are shown in the status
    bar; the app always starts.
    """
    from netassistant.core.profiles.model import ProfileError, find_profile
    from netassistant.qt.coremessages import tr_error
    from netassistant.ui.mainwindow import MainWindow

    mark_startup("window_modules")
    window = MainWindow()
    window.defer_pane_tools()
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
        window.restore_geometry()
    if not window.panes():
        window.open_pane(Kind.TCP_SERVER)
    bad_files = window.store.list().errors
    if bad_files:
        first = str(bad_files[0])
        more = len(bad_files) - 1
        notices.append(first if not more else f"{first} (and {more} more unreadable profiles)")
    if notices:
        window.notify(" · ".join(notices))
    mark_startup("window_build")
    return window
