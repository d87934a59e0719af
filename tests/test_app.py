"""The app's start-up flags that CI and packagers rely on, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from netassistant import __version__


def run_app(
    *args: str, config_dir: str, python_path: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NETASSISTANT_CONFIG_DIR": config_dir}
    if python_path is not None:  # put first on the path (a sitecustomize, say)
        env["PYTHONPATH"] = os.pathsep.join([python_path, os.environ.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "netassistant", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_smoke_test_shows_the_window_and_exits_cleanly(tmp_path):
    settings = tmp_path / "settings.ini"
    settings.write_text("[window]\nside_by_side=true\n", encoding="utf-8")
    before = settings.read_bytes()
    proc = run_app("--smoke-test", config_dir=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"netassistant {__version__}: smoke test passed (1 pane(s) shown)\n"
    assert "Traceback" not in proc.stderr
    # the user's state is neither restored nor overwritten
    assert settings.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.ini"]


def smoke_test_after(tmp_path, sitecustomize: str) -> subprocess.CompletedProcess[str]:
    """``--smoke-test`` in a process that first ran ``sitecustomize`` (a packager's hook)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(sitecustomize, encoding="utf-8")
    config = tmp_path / "config"
    config.mkdir()
    return run_app("--smoke-test", config_dir=str(config), python_path=str(hook))


def test_smoke_test_fails_when_the_start_loaded_a_test_tool(tmp_path):
    # As a bundle whose packager's runtime hook imports pkg_resources at every start.
    proc = smoke_test_after(
        tmp_path,
        "import sys, types\nsys.modules['pkg_resources'] = types.ModuleType('pkg_resources')\n",
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == (
        f"netassistant {__version__}: smoke test FAILED "
        "(1 pane(s) shown; loaded at start: pkg_resources)\n"
    )


def test_smoke_test_fails_when_the_start_ran_pysides_stub_generator(tmp_path):
    # As a bundle whose runtime hooks import PySide before ours: the generator's class body
    # (two large regular expressions) then runs at every start.
    proc = smoke_test_after(tmp_path, "import PySide6.QtCore\n")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == (
        f"netassistant {__version__}: smoke test FAILED "
        "(1 pane(s) shown; loaded at start: PySide's .pyi stub generator)\n"
    )


def test_smoke_test_opens_the_panes_asked_for(tmp_path):
    proc = run_app("--smoke-test", "--new", "udp", "--new", "tcp-client", config_dir=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"netassistant {__version__}: smoke test passed (2 pane(s) shown)\n"


#: Modules the first window must not load: each belongs to a dialog, a section that is
#: closed at start, or an option that is off (start-up is measured: tests/benchmarks/
#: startup.py). Heavy third-party ones first.
NOT_FOR_THE_FIRST_WINDOW = [
    "construct",  # packet templates
    "dpkt",  # the wire
    "yaml",  # scenarios and labs
    "cryptography",  # self-signed certificates
    "pyqtgraph",  # the rate graph
    "ssl",
    "uuid",  # only the {uuid} reply placeholder
    "netassistant.core.templates",  # the Packet templates section
    "netassistant.core.scenario",
    "netassistant.core.relay",
    "netassistant.core.engine",  # sessions start in their own thread, later
    "netassistant.ui.automation.ruledialog",  # the reply rule dialog
    "netassistant.ui.templates",
    "netassistant.ui.send.generatorbox",
    "netassistant.ui.receive.rategraph",
    "netassistant.ui.packets",  # the packet library window
    "netassistant.ui.labs",
    "netassistant.ui.pane.relaypane",
    "netassistant.ui.timeline.view",
    # The decoded messages: a pane starts without framing, its message view hidden.
    "netassistant.qt.decodepipeline",
    "netassistant.qt.models.messagemodel",
    "netassistant.core.decoding",
    "netassistant.ui.decode.messageview",
    # Libraries only a feature in use needs (each loaded at its first use).
    "crcmod",  # a CRC computed
    "re2",  # a regex reply rule
    "csv",  # a CSV log
    "secrets",  # a file written, a {random} reply
    "hashlib",  # (loads OpenSSL) a profile file name that clashes
    "datetime",  # a reply with a clock placeholder
    "dataclasses",  # reply rules and templates (the window's own values are records)
    "importlib.resources",  # built-in profiles and labs (the icon and translations are files)
    "netassistant.core.autoreply",
    # Reply rules: a new pane has none (their matching, templates and the packet model).
    "netassistant.core.replies",
    "netassistant.core.packets",
    # The local host list comes from netlink (core.localaddresses) on Linux.
    *(["PySide6.QtNetwork"] if sys.platform.startswith("linux") else []),
    # The framing box only parses and formats specs: no decoder, encoder or their records.
    "netassistant.core.framing.decoders",
    "netassistant.core.framing.encoders",
    "netassistant.core.framing.records",
]

#: Modules the first window of a first launch (one TCP server pane) must not load either:
#: a UDP pane's multicast box lists the interfaces through socket.
NOT_FOR_THE_DEFAULT_WINDOW = [
    # The local host list is read through _socket (netassistant.core.localaddresses) and
    # the hosts are checked as text (core.addressing.ip_version): socket, with selectors and
    # the enums it makes of every constant, waits for a session.
    *(["socket", "selectors"] if sys.platform.startswith("linux") else []),
]

#: PySide6 classes the first window must not build: PySide makes a class (and every enum
#: of it, Python enums that cost ~20 us a member) the first time Python names it or sees
#: one of its objects. QStyle: naming it or asking a widget for its style(); QWizard and
#: QMdiArea stand for every QtWidgets class, all of which a first viewport() built; the
#: dialogs are named where they open.
NOT_BUILT_FOR_THE_FIRST_WINDOW = [
    "QStyle",
    "QStyleOptionViewItem",
    "QWizard",
    "QMdiArea",
    "QFileDialog",
    "QMessageBox",
    "QDialog",
    "QPainter",
]


def window_probe(probe: str, config_dir: object, platform: str = "offscreen") -> str:
    """The stdout of ``python -c probe``, offscreen, with its own config folder; it must pass."""
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "NETASSISTANT_CONFIG_DIR": str(config_dir)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_first_window_loads_no_dialog_section_or_option_module(tmp_path):
    # A first launch's window (one TCP server pane), shown; then a pane of each kind that
    # opens at start (no relay by default).
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from netassistant.core.config import Kind\n"
        "from netassistant.ui.mainwindow import MainWindow\n"
        "window = MainWindow()\n"
        "window.open_pane(Kind.TCP_SERVER)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print('\\n'.join('default:' + name for name in sorted(sys.modules)))\n"
        "for kind in (Kind.TCP_CLIENT, Kind.UDP):\n"
        "    window.open_pane(kind)\n"
        "app.processEvents()\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
        "import PySide6.QtGui, PySide6.QtWidgets\n"
        "for module in (PySide6.QtGui, PySide6.QtWidgets):\n"
        "    print('\\n'.join('class:' + name for name in vars(module)))\n"
    )
    loaded = set(window_probe(probe, tmp_path).split())
    assert "netassistant.ui.pane.pane" in loaded, "the probe did build the window"
    unwanted = [
        name
        for name in loaded
        if any(name == m or name.startswith(m + ".") for m in NOT_FOR_THE_FIRST_WINDOW)
    ]
    assert sorted(unwanted) == []
    built = [name for name in NOT_BUILT_FOR_THE_FIRST_WINDOW if f"class:{name}" in loaded]
    assert built == []
    assert "default:netassistant.ui.pane.pane" in loaded
    assert [name for name in NOT_FOR_THE_DEFAULT_WINDOW if f"default:{name}" in loaded] == []


def test_a_launch_makes_the_tool_boxes_of_its_first_pane_after_the_first_paint(tmp_path):
    # The framing, reply rules and capture boxes are below the settings column's first
    # screen: a launch's window is painted without them (nor their modules), then made whole.
    probe = (
        "import sys, time\n"
        "from netassistant.app import QApplication, build_window, parse_args\n"
        "BOXES = ('ui.decode.framingbox', 'ui.automation.rulesbox', 'ui.automation.capturebox')\n"
        "def loaded():\n"
        "    return ' '.join(b.split('.')[-1] for b in BOXES if 'netassistant.' + b in sys.modules)\n"
        "app = QApplication([])\n"
        "window = build_window(parse_args([]))\n"
        "print('built:', loaded())\n"
        "window.show()\n"
        "deadline = time.monotonic() + 10\n"
        "while window.panes()[0]._tools is None and time.monotonic() < deadline:\n"
        "    app.processEvents()\n"
        "print('painted:', loaded())\n"
    )
    assert window_probe(probe, tmp_path).splitlines() == [
        "built: ",
        "painted: framingbox rulesbox capturebox",
    ]


def test_a_plain_launch_imports_no_option_parser_and_no_logging(tmp_path):
    # The entry (python -m netassistant) up to the shown window, as main() does it without
    # arguments: argparse (with gettext) only parses options that were given, and logging
    # came only with PySide's .pyi stub generator, which the entry leaves unrun.
    probe = (
        "import sys\n"
        "import netassistant.__main__\n"
        "from netassistant.app import QApplication, build_window, parse_args\n"
        "app = QApplication([])\n"
        "window = build_window(parse_args([]))\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(window.panes()[0].kind.value)\n"
        "print(' '.join(m for m in ('argparse', 'gettext', 'logging') if m in sys.modules))\n"
    )
    assert window_probe(probe, tmp_path).splitlines() == ["tcp-server", ""]


def test_the_collector_is_paused_while_the_window_is_built_then_as_it_was():
    import gc

    from netassistant.core.collector import collector_paused

    assert gc.isenabled()
    try:
        with collector_paused():
            assert not gc.isenabled()
            made = [[]]  # long-lived objects made while the window is built
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0, "what was made is left out of later walks"
        assert gc.is_tracked(made)
        gc.unfreeze()
        with pytest.raises(RuntimeError, match="failed to build"):
            with collector_paused():
                raise RuntimeError("a window that failed to build")
        assert gc.isenabled(), "back on after an error too"
        gc.disable()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "left off when it was off"
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
        gc.enable()


def test_the_icon_and_translations_are_the_package_data_files():
    # file_path() names what importlib.resources would (the window's start skips importing it).
    from importlib import resources

    from netassistant.resources import file_path

    package = resources.files("netassistant.resources")
    icon = file_path("icons", "netassistant.svg")
    assert icon == str(package.joinpath("icons/netassistant.svg"))
    assert os.path.isfile(icon)
    assert file_path("translations") == str(package.joinpath("translations"))
    assert os.path.isfile(os.path.join(file_path("translations"), "netassistant_zh_CN.qm"))


def test_a_launch_without_arguments_has_the_parsers_defaults():
    from netassistant.app import build_parser, parse_args

    plain = parse_args([])
    assert vars(plain) == vars(build_parser().parse_known_args([])[0])
    plain.new.append("udp")
    assert parse_args([]).new == [], "each launch gets its own list"
    assert parse_args(["--new", "udp", "-platform", "offscreen"]).new == ["udp"]


def offscreen_screen(tmp_path, width: int, height: int) -> str:
    """``QT_QPA_PLATFORM`` for Qt's offscreen plugin with one screen of this size."""
    config = tmp_path / f"screen-{width}x{height}.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


FIRST_WINDOW = (
    "import sys\n"
    "from netassistant.app import QApplication, build_window, parse_args\n"
    "app = QApplication([])\n"
    "window = build_window(parse_args(sys.argv[1:]))\n"
    "window.show()\n"
    "app.processEvents()\n"
    "print(window.width(), window.height())\n"
    "window.save_state()\n"
)


def test_the_first_window_fits_a_1366x768_screen_and_keeps_its_size_on_a_larger_one(tmp_path):
    # A first launch on a 1366x768 laptop or projector: the default 1280x800 would put the
    # status bar and the send row below the bottom of the screen.
    small = offscreen_screen(tmp_path, 1366, 768)
    large = offscreen_screen(tmp_path, 1920, 1080)
    assert window_probe(FIRST_WINDOW, tmp_path / "a", small) == "1280 720\n"
    assert window_probe(FIRST_WINDOW, tmp_path / "b", large) == "1280 800\n"
    # --no-restore opens a default pane but still puts the window where it was: unchanged
    assert (
        window_probe(FIRST_WINDOW.replace("[1:]", "[1:] + ['--no-restore']"), tmp_path / "c", small)
        == "1280 720\n"
    )


def test_a_saved_window_size_is_restored_as_it_was_not_fitted_again(tmp_path):
    # Saved at 1300x740 on a 1366x768 screen (taller than a first window gets there): the
    # next launch restores it exactly, so a window the user sized does not shrink each time.
    screen = offscreen_screen(tmp_path, 1366, 768)
    resize = FIRST_WINDOW.replace("window.show()", "window.resize(1300, 740)\nwindow.show()")
    assert window_probe(resize, tmp_path, screen) == "1300 740\n"
    assert window_probe(FIRST_WINDOW, tmp_path, screen) == "1300 740\n"


@pytest.mark.parametrize(
    ("available", "size"),
    [
        ((1920, 1040), (1280, 800)),  # room to spare: the default
        ((1296, 848), (1280, 800)),  # just room for the default and its frame
        ((1366, 728), (1280, 680)),  # a 1366x768 screen less a 40 px panel
        ((1024, 600), (1008, 552)),  # a netbook: all of it but the frame
        ((10, 20), (1, 1)),  # nonsense from a broken screen: still a valid size
    ],
)
def test_first_size(available, size):
    from PySide6.QtCore import QRect

    from netassistant.ui.mainwindow import first_size

    got = first_size(QRect(0, 40, *available))
    assert (got.width(), got.height()) == size
