"""Start-up: the QApplication, translations, the main window. Wiring only."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from netassistant import __version__
from netassistant.core.config import Kind


def _parse_args(argv: Sequence[str]) -> argparse.Namespace:
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit code."""
    argv = list(sys.argv if argv is None else argv)
    args = _parse_args(argv[1:])
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("netassistant")
    app.setOrganizationName("netassistant")
    app.setApplicationVersion(__version__)
    install_translators(app)

    from netassistant.ui.mainwindow import MainWindow

    window = MainWindow()
    for kind in args.new or [Kind.TCP_SERVER.value]:
        window.open_pane(Kind(kind))
    window.show()
    return app.exec()
