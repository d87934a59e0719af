"""Walk every visible widget of the real main window, in Chinese, for clipped or English text.

The window is built as the app builds it (the zh_CN .qm loaded through
``install_translators``), shown at a laptop size with a pane of each kind, and every tab
is visited. A text wider than its widget (elided or cut) fails, and so does visible text
with ASCII letters that are not an address, a unit, a protocol name, hex or a file name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

from netassistant.core.checksum import ALGORITHMS
from netassistant.core.chunk import Chunk, Direction
from netassistant.core.config import Kind
from netassistant.core.profiles.model import SendPreset
from netassistant.ui.mainwindow import MainWindow
from tests.ui.test_translation import NOT_YET_TRANSLATED
from tests.ui.test_translation import zh_cn as zh_cn  # a fixture, re-exported

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

#: Words that may stay in Latin letters in the Chinese window: protocols, socket API
#: names, units, encodings, the product name.
ALLOWED_WORDS = frozenset(
    {
        *("TCP", "UDP", "IP", "IPv4", "IPv6", "AF_UNIX", "CRC", "RX", "TX", "LRC", "XOR"),
        *("RST", "FIN", "SYN", "ACK", "SUM"),
        *("TCP_NODELAY", "SO_REUSEADDR", "SO_BROADCAST", "SO_RCVBUF", "SO_SNDBUF", "Nagle"),
        *("B", "KB", "MB", "ms", "s", "Unix", "netassistant", "Ctrl", "Shift", "Enter"),
        *("UTF", "GBK", "GB18030", "Big5", "ASCII", "Latin", "JSON", "Modbus", "Python", "C"),
        *("Hex", "HEX", "recv", "send", "bytes", "struct", "uint8", "uint16", "uint32", "uint64"),
        *("MODBUS", "CCITT", "FALSE", "XMODEM", "IBM", "ARC", "USB", "KERMIT", "MAXIM", "DNP"),
        *("TLS", "ALPN", "SNI", "CA", "PEM", "SHA", "h2", "http", "localhost"),
        # Kernel names a teacher points at, spelled as ss, netstat and man pages spell them.
        *("TIME_WAIT", "ESTABLISHED", "LISTEN", "CLOSE_WAIT", "FIN_WAIT1", "FIN_WAIT2"),
        *("SYN_SENT", "LAST_ACK", "CLOSING", "TCP_INFO", "FIONREAD", "SIOCOUTQ", "SIOCINQ", "RTT"),
        *("root", "CAP_NET_RAW", "IPV6_V6ONLY", "TTL", "Wireshark", "pcap", "JSONL", "IP_PKTINFO"),
    }
)
#: Whole texts that are data, not UI prose: addresses, numbers with units, hex, formats.
DATA_TEXT = re.compile(
    r"""^(
        [0-9A-Fa-f .:\[\]/#%-]*                        # addresses, ports, hex, counters
      | .*\b\d+(\.\d+)?\s?(B|KB|MB|ms|s)\b.*            # a number with its unit
      | [!<>=@]?[BHILQbhilq]\b.*                        # a struct format: !I  <H  B
      | [\w.-]+\.(json|pcap|log|txt|bin)                # a file name
    )$""",
    re.VERBOSE,
)
PEER = "192.168.100.200:65535"  # the widest IPv4 peer (an IPv6 one may be elided)
#: Widgets whose contents are data the user chose (addresses, encodings, typed input).
DATA_WIDGETS = frozenset({"localHost", "encoding", "remoteHost", "sendInput", "presetEncoding"})


def _visible_texts(window: MainWindow) -> Iterator[tuple[str, str, QWidget | None]]:
    """(where, text, widget) of every visible text under ``window``, menus included."""
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.objectName() in DATA_WIDGETS:
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text(), widget
        if isinstance(widget, QGroupBox):
            yield where + " title", widget.title(), widget
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield f"{where} tab {i}", widget.tabText(i), None
        if isinstance(widget, QComboBox) and not widget.isEditable():
            yield where + " current", widget.currentText(), None
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield (
                    f"{where} header {column}",
                    str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
                    None,
                )
    for menu in window.menuBar().findChildren(QMenu):
        yield f"QMenu#{menu.objectName()}", menu.title(), None
    for action in window.findChildren(QAction):
        if action.isVisible() and action.text():
            yield f"QAction#{action.objectName()}", action.text(), None


def _latin_words(text: str) -> list[str]:
    """Latin-letter words of ``text`` that are not allowed in the Chinese window."""
    if text in NOT_YET_TRANSLATED:
        return []
    text = re.sub(r"<[^>]+>|&\w+;|\(&\w\)|&", " ", text)  # tags, entities, mnemonics
    if DATA_TEXT.match(text.strip()):
        return []
    text = re.sub(r"\b\d+(\.\d+)*\b|\{\w+\}|\b0x[0-9A-Fa-f]+\b", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]*", text)
    return [w for w in words if w not in ALLOWED_WORDS and not re.fullmatch(r"[0-9A-F]{2}", w)]


def _clipped(widget: QWidget) -> str | None:
    """Why ``widget``'s own text does not fit it, or None."""
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text():
            return None
        need = widget.sizeHint().width()
        have = widget.width()
    elif isinstance(widget, QPushButton | QCheckBox | QToolButton):
        if not widget.text():
            return None
        need = widget.sizeHint().width()
        have = widget.width()
    elif isinstance(widget, QGroupBox):
        need = widget.fontMetrics().horizontalAdvance(widget.title()) + 16
        have = widget.width()
    else:
        return None
    return f"needs {need} px, has {have}" if need > have else None


def _clipped_headers(view: QTableView) -> Iterator[str]:
    header: QHeaderView = view.horizontalHeader()
    if not header.isVisible():
        return
    model = view.model()
    last = model.columnCount() - 1
    for column in range(model.columnCount()):
        if header.isSectionHidden(column) or (column == last and header.stretchLastSection()):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        need = header.fontMetrics().horizontalAdvance(title) + 8
        have = header.sectionSize(column)
        if need > have:
            yield f"{view.objectName()} header {title!r}: needs {need} px, has {have}"


def _clipped_cells(view: QTableView) -> Iterator[str]:
    """Cells of the first rows whose text is wider than their (non-stretching) column."""
    model = view.model()
    header = view.horizontalHeader()
    last = model.columnCount() - 1
    metrics = view.fontMetrics()
    for row in range(min(model.rowCount(), 20)):
        for column in range(model.columnCount()):
            if header.isSectionHidden(column) or (column == last and header.stretchLastSection()):
                continue
            text = str(model.index(row, column).data() or "")
            need = metrics.horizontalAdvance(text) + 6
            have = header.sectionSize(column)
            if text and need > have:
                yield f"{view.objectName()} cell {text!r}: needs {need} px, has {have}"


def _clipped_tabs(bar: QTabBar) -> Iterator[str]:
    for i in range(bar.count()):
        need = bar.fontMetrics().horizontalAdvance(bar.tabText(i))
        have = bar.tabRect(i).width()
        if need > have:
            yield f"tab {bar.tabText(i)!r}: needs {need} px, has {have}"


@pytest.fixture(params=["tabs", "side by side"])
def window(request, qtbot, zh_cn) -> Iterator[MainWindow]:
    window = MainWindow()
    qtbot.addWidget(window)
    for kind in Kind:
        pane = window.open_pane(kind)
        # One received and one sent chunk of the largest plausible size, so the log's
        # cells (direction, length, sequence number) are measured too.
        pane.receive.append_events(
            [
                Chunk(99_999_998, 0, 9_999, Direction.RX, "127.0.0.1:8080", PEER, b"x" * 999_999),
                Chunk(99_999_999, 0, 9_999, Direction.TX, "127.0.0.1:8080", PEER, b"y" * 20),
            ]
        )
        if kind is Kind.TCP_SERVER:
            # Framing with a checksum shows the decoded-message table and its columns.
            pane.framing.set_spec_text("length:!I")
            pane.framing.set_checksum(next(iter(ALGORITHMS)))
            assert pane.messages.isVisibleTo(pane)
        if kind is Kind.TCP_CLIENT:
            # A preset button and the preset editor, open, with its new columns.
            presets = pane.send_area.presets
            presets.set_presets([SendPreset("问候", "你好\\r\\n", escapes=True, encoding="gbk")])
            presets.findChild(QPushButton, "presetEdit").click()
            assert presets.editor.isVisibleTo(pane)
        if request.param == "side by side" and kind is Kind.TCP_CLIENT:
            break  # two panes side by side: a server and its client on a laptop screen
    window.set_side_by_side(request.param == "side by side")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for pane in window.panes():
        window.close_session(pane)


def _each_tab(window: MainWindow) -> Iterator[str]:
    if window.tile_action.isChecked():
        QApplication.processEvents()
        yield "side by side"
        return
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        yield window.tabs.tabText(index)


def _has_cjk_font() -> bool:
    from PySide6.QtGui import QFontDatabase

    return any("CJK" in family for family in QFontDatabase.families())


def test_no_visible_text_is_clipped(window):
    if not _has_cjk_font():
        pytest.skip("no CJK font on this machine (Debian: fonts-noto-cjk): widths would be guesses")
    problems: list[str] = []
    for tab in _each_tab(window):
        for where, text, widget in _visible_texts(window):
            if widget is not None and (why := _clipped(widget)):
                problems.append(f"[{tab}] {where} {text!r}: {why}")
        for view in window.findChildren(QTableView):
            if view.isVisible():
                problems.extend(f"[{tab}] {p}" for p in _clipped_headers(view))
                problems.extend(f"[{tab}] {p}" for p in _clipped_cells(view))
        for bar in window.findChildren(QTabBar):
            if bar.isVisible():
                problems.extend(f"[{tab}] {p}" for p in _clipped_tabs(bar))
    assert sorted(set(problems)) == []


def test_no_visible_english(window):
    problems = set()
    for tab in _each_tab(window):
        for where, text, _widget in _visible_texts(window):
            if words := _latin_words(text):
                problems.add(f"[{tab}] {where}: {text!r} ({', '.join(words)})")
    assert sorted(problems) == []


def _mnemonics(menu: QMenu) -> list[str]:
    keys = []
    for action in menu.actions():
        text = action.text().replace("&&", "")
        if "&" in text:
            keys.append(text[text.index("&") + 1].upper())
    return keys


def _check_menus(window: MainWindow) -> None:
    menus = [action.menu() for action in window.menuBar().actions()]
    for menu in menus:
        assert isinstance(menu, QMenu)
        keys = _mnemonics(menu)
        assert len(keys) == len(set(keys)), (menu.title(), keys)
    top = [_mnemonics_of(menu.title()) for menu in menus]
    assert "" not in top
    assert len(top) == len(set(top)), top


def _mnemonics_of(text: str) -> str:
    text = text.replace("&&", "")
    return text[text.index("&") + 1].upper() if "&" in text else ""


def _toolbar_texts(window: MainWindow) -> list[str]:
    return [b.text() for b in window.findChildren(QToolButton) if b.defaultAction() is not None]


def test_menus_have_unique_mnemonics_in_english(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    _check_menus(window)
    file_keys = _mnemonics(window.findChild(QMenu, "fileMenu"))
    assert file_keys == ["S", "L", "U", "Y", "P", "V", "E", "B", "K", "R", "C", "Q"]


def test_menus_have_unique_mnemonics_in_chinese(qtbot, zh_cn):
    window = MainWindow()
    qtbot.addWidget(window)
    _check_menus(window)
    server = window.new_actions[Kind.TCP_SERVER]
    assert server.text() == "新建 TCP 服务器(&S)"
    # The toolbar draws the action without its "(&S)": no stray "(S)" on a button.
    assert server.iconText() == "新建 TCP 服务器"
    assert not [t for t in _toolbar_texts(window) if re.search(r"\(\w\)|&", t)]
