"""The zh_CN translation is complete, built, and actually reaches the widgets at runtime."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from netassistant.app import install_translators
from netassistant.core import errors
from netassistant.core.config import Kind
from netassistant.core.profiles.store import ProfileStore
from netassistant.core.stats import SessionState, SessionStats
from netassistant.ui.dialogs.profiledialog import ProfileManager
from netassistant.ui.mainwindow import MainWindow
from netassistant.ui.pane.pane import SessionPane
from netassistant.ui.pane.statsbar import StatsBar

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "update_translations.py"
ZH_CN = QLocale(QLocale.Language.Chinese, QLocale.Country.China)

# Words that stay English in the Chinese UI: socket API names, protocols, encodings, keys.
ALLOWED = {
    "AF_INET",
    "AF_INET6",
    "AF_UNIX",
    "ALPN",  # TLS
    "ASCII",
    "Ctrl",
    "Shift",
    "Enter",
    "Escape",
    "JSON",
    "Modbus",
    "Nagle",
    "Python",
    "SHUT_WR",
    "SO_BROADCAST",
    "SO_LINGER",
    "SO_RCVBUF",
    "SO_REUSEADDR",
    "SO_SNDBUF",
    "TCP_NODELAY",
    "TIME_WAIT",
    "Unix",
    # Kernel names a teacher points at, spelled as ss, netstat and man pages spell them.
    "ESTABLISHED",
    "CLOSE_WAIT",
    "FIN_WAIT1",
    "FIN_WAIT2",
    "SYN_SENT",
    "LAST_ACK",
    "CLOSING",
    "LISTEN",
    "TCP_INFO",
    "FIONREAD",
    "SIOCOUTQ",
    "SIOCINQ",
    "CAP_NET_RAW",
    "root",
    "IPV6_V6ONLY",
    "TTL",
    "Wireshark",
    "pcap",
    "JSONL",
    "IP_PKTINFO",
    "YAML",
    "accept",
    "backlog",
    "bytes",
    "http",  # the ALPN example: h2, http/1.1
    "json",
    "listen",
    "localhost",  # the name a self-signed certificate is for
    "netassistant",
    "recv",
    "shutdown",
    "struct",
    "time",  # the auto-reply match example: what a time-server client sends
}
# Not prose: code in a tooltip, reply placeholders the user types ({time}, {n}), C integer
# types of length headers, CRC catalogue names (CRC-16/MODBUS).
# Code, not prose: C declarations, placeholders, type names, and command-line options
# with their metavar (``--rules FILE``), which stay as typed in any language.
NOT_PROSE = re.compile(
    r"unsigned char data\[\]|\{\w+\}|\buint\d+\b|\bCRC-[\w/-]+|--[\w-]+(?: [A-Z]+\b)?"
)
# Strings added on the ui branch, translated in TRANSLATIONS-ui.tsv but not yet in the
# .qm (only the lead regenerates it): drop each entry once tools/update_translations.py
# has run on main.
NOT_YET_TRANSLATED: frozenset[str] = frozenset()


def _pending_branch_strings() -> frozenset[str]:
    """English strings a branch translated in its ``TRANSLATIONS-<branch>.tsv``.

    They reach the .qm only when the lead regenerates it after the merge; until then the
    walks accept them as they accept :data:`NOT_YET_TRANSLATED`.
    """
    out = set()
    for tsv in ROOT.glob("TRANSLATIONS-*.tsv"):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            english, tab, _chinese = line.partition("\t")
            if tab:
                out.add(english)
    return frozenset(out)


NOT_YET_TRANSLATED |= _pending_branch_strings()
# Controls whose contents are data (addresses, encoding names), not UI text.
DATA_COMBOS = {"localHost", "encoding"}


def _lrelease_available() -> bool:
    folder = Path(sys.executable).parent
    return all(
        (folder / name).exists() or (folder / f"{name}.exe").exists()
        for name in ("pyside6-lupdate", "pyside6-lrelease")
    ) or bool(shutil.which("pyside6-lupdate") and shutil.which("pyside6-lrelease"))


@pytest.fixture
def zh_cn(qapp: QApplication) -> Iterator[None]:
    """The app's zh_CN translator installed for one test, removed afterwards."""
    translators = install_translators(qapp, ZH_CN)
    try:
        assert any(t.filePath().endswith("netassistant_zh_CN.qm") for t in translators), (
            "netassistant_zh_CN.qm did not load: run tools/update_translations.py"
        )
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_translations_keep_placeholders_and_accelerators():
    """%1, {name} (with its format spec), a leading space and an &-accelerator survive."""
    ts = ROOT / "netassistant" / "resources" / "translations" / "netassistant_zh_CN.ts"
    fields = re.compile(r"%\d|\{[^{}]*\}")
    accelerator = re.compile(r"&[^&\s]")
    broken = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if not translation:
            continue  # unfinished: the --check test reports it
        if (
            sorted(fields.findall(source)) != sorted(fields.findall(translation))
            or source.startswith(" ") != translation.startswith(" ")
            or bool(accelerator.search(source.replace("&&", "")))
            != bool(accelerator.search(translation.replace("&&", "")))
        ):
            broken.append(f"{source!r} -> {translation!r}")
    assert broken == []


def test_ts_is_complete_and_qm_is_fresh():
    if not _lrelease_available():
        pytest.skip("pyside6-lupdate/pyside6-lrelease are not installed next to this Python")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("kind", "start"),
    [(Kind.TCP_SERVER, "开始监听"), (Kind.TCP_CLIENT, "连接"), (Kind.UDP, "打开")],
    ids=lambda v: getattr(v, "value", v),
)
def test_pane_texts_are_chinese(qtbot, zh_cn, kind, start):
    pane = SessionPane(kind)
    qtbot.addWidget(pane)
    assert pane.settings.start_button.text() == start
    assert pane.send_panel.send_button.text() == "发送"
    assert pane.receive.findChild(QAbstractButton, "pauseButton").text() == "暂停"
    assert pane.findChild(QGroupBox, "networkSettings").title() == "网络设置"
    assert pane.stats.reset_button.text() == "复位计数"


def test_main_window_texts_are_chinese(qtbot, zh_cn):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.findChild(QMenu, "fileMenu").title() == "文件(&F)"
    assert window.findChild(QMenu, "viewMenu").title() == "视图(&V)"
    assert window.findChild(QMenu, "helpMenu").title() == "帮助(&H)"
    assert window.new_actions[Kind.TCP_SERVER].text() == "新建 TCP 服务器(&S)"
    assert window.windowTitle() == "netassistant — 网络调试助手"


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every user-visible string under ``root``."""
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}#{widget.objectName()}"
        yield where + " tooltip", widget.toolTip()
        yield where + " accessibleName", widget.accessibleName()
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QGroupBox | QMenu):
            yield where + " title", widget.title()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{where} tab {i}", widget.tabText(i)
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            yield where + " placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox) and widget.objectName() not in DATA_COMBOS:
            for i in range(widget.count()):
                yield f"{where} item {i}", widget.itemText(i)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                yield f"{where} header {column}", str(header or "")
    for action in root.findChildren(QAction):
        where = f"QAction#{action.objectName()}"
        yield where, action.text()
        yield where + " tooltip", action.toolTip()


def _english(text: str) -> list[str]:
    """Words of ``text`` that look like untranslated English."""
    text = re.sub(r"<[^>]+>|&\w+;", " ", text)  # rich-text tags and entities
    text = NOT_PROSE.sub(" ", text)
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)
    return [w for w in words if re.search(r"[A-Za-z]{4}", w) and w not in ALLOWED]


def _untranslated(root: QWidget) -> list[str]:
    return sorted(
        {
            f"{where}: {text!r} ({', '.join(words)})"
            for where, text in _texts(root)
            if text not in NOT_YET_TRANSLATED and (words := _english(text))
        }
    )


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_no_english_left_in_pane(qtbot, zh_cn, kind):
    pane = SessionPane(kind)
    qtbot.addWidget(pane)
    assert _untranslated(pane) == []


def test_no_english_left_in_main_window(qtbot, zh_cn):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_pane(Kind.TCP_SERVER)
    assert _untranslated(window) == []


def test_no_english_left_in_profile_manager(qtbot, zh_cn, tmp_path):
    dialog = ProfileManager(ProfileStore(tmp_path))
    qtbot.addWidget(dialog)
    assert _untranslated(dialog) == []


def test_core_messages_shown_inline_are_chinese(qtbot, zh_cn):
    """A ConfigError reason and a codec error are core Texts, translated where shown."""
    pane = SessionPane(Kind.TCP_CLIENT)
    qtbot.addWidget(pane)
    pane.settings.remote_port.setValue(0)
    assert not pane.start()
    assert pane.settings.error_label.text() == "远程端口：0 超出范围 1..65535"

    panel = pane.send_panel
    panel.set_running(True)
    panel.set_mode("hex")
    panel.set_input_text("01 0g")
    panel.send()
    assert panel.findChild(QLabel, "sendError").text() == "位置 4 处有无效的十六进制字符 'g'"

    panel.set_mode("text", convert=False)
    panel.set_input_text("a\\q")
    panel.set_escapes(True)
    panel.send()
    assert panel.findChild(QLabel, "sendError").text() == (
        "位置 1 处有无效的转义 '\\q'；请使用 \\r \\n \\t \\0 \\xNN 或 \\\\"
    )


def test_failed_state_tooltip_is_chinese(qtbot, zh_cn):
    bar = StatsBar()
    qtbot.addWidget(bar)
    stats = SessionStats()
    stats.state = SessionState.FAILED
    stats.last_error = errors.connect_error(ConnectionRefusedError(111, "refused"), "127.0.0.1:9")
    bar.update_stats(stats)
    assert bar.state.toolTip() == "连接被 127.0.0.1:9 拒绝 — 该地址上没有程序在监听"
