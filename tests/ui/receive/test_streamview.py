"""Tests for netassistant.ui.receive.streamview: chunks back to back, one colour band per recv()."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.qt.models.chunkfilter import ChunkFilter
from netassistant.qt.models.chunkmodel import ChunkLogModel
from netassistant.ui.receive.delegates import SPECIAL_BACKGROUND, SPECIAL_FOREGROUND
from netassistant.ui.receive.streamview import BOUNDARY_MARK, STREAM_BANDS, StreamView

LOCAL = "127.0.0.1:9000"
PEER = "127.0.0.1:50001"
TS = int(datetime.datetime(2024, 5, 6, 13, 4, 5, 678_000).timestamp()) * 10**9 + 678_000_000


def rx(seq: int, data: bytes, conn: int = 1) -> Chunk:
    return Chunk(seq, TS, conn, Direction.RX, LOCAL, PEER, data)


def tx(seq: int, data: bytes, conn: int = 1) -> Chunk:
    return Chunk(seq, TS, conn, Direction.TX, LOCAL, PEER, data)


class Host:
    """A model and a stream view in a plain window (shown or not)."""

    def __init__(self, qtbot, **options) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.window.resize(700, 400)
        self.model = ChunkLogModel(self.window)
        self.model.set_display_mode("text")
        self.view = StreamView(self.model, self.window, **options)
        self.view.setGeometry(0, 0, 700, 400)
        self.ticks = 0
        self.view.rebuild_timer.timeout.connect(self._tick)
        self._qtbot = qtbot

    def _tick(self) -> None:
        self.ticks += 1

    def show(self) -> None:
        self.window.show()
        self._qtbot.waitExposed(self.window)

    @property
    def text(self) -> str:
        return self.view.text.toPlainText()


@pytest.fixture
def host(qtbot) -> Host:
    return Host(qtbot)


def test_two_chunks_are_two_bands(host):
    host.model.append_events([rx(1, b"one"), rx(2, b"two")])
    assert host.view.rebuild_count == 0  # hidden: nothing built yet
    host.show()
    assert host.view.rebuild_count == 1
    assert host.text == f"one{BOUNDARY_MARK}two"
    assert STREAM_BANDS[0] != STREAM_BANDS[1]
    assert '<span class="b0 rx" title=' in host.view.to_html()
    assert '<span class="b1 rx" title=' in host.view.to_html()
    # The document the user sees holds one band of each colour.
    document = host.view.text.toHtml()
    assert document.count(f"background-color:{STREAM_BANDS[0]};") == 1
    assert document.count(f"background-color:{STREAM_BANDS[1]};") == 1


def test_sticky_packet_is_one_band(host):
    host.model.append_events([rx(1, b"a;b;c;"), rx(2, b"d;")])
    html = host.view.to_html()
    assert len(re.findall(r'<span class="b[01] rx"', html)) == 2
    assert "a;b;c;</span>" in html


def test_band_titles_name_chunk_size_and_time(host):
    host.model.append_events([rx(7, b"hello"), tx(8, b"ok")])
    html = host.view.to_html()
    assert 'title="RX chunk 7, 5 bytes, 13:04:05.678"' in html
    assert 'title="TX chunk 8, 2 bytes, 13:04:05.678"' in html


def test_events_are_skipped_and_data_is_escaped(host):
    host.model.append_events(
        [
            ConnEvent(1, TS, EventKind.ACCEPTED, 1, LOCAL, PEER),
            rx(2, b"<b>&amp;</b>"),
        ]
    )
    host.show()
    assert host.text == "<b>&amp;</b>"
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in host.view.to_html()


def test_control_characters_use_the_special_style(host):
    host.model.append_events([rx(1, b"hi\r\nyo\x00")])
    host.show()
    assert host.text == "hi␍␊\nyo␀"
    html = host.view.to_html()
    assert '<span class="s">␍␊<br></span>' in html
    assert '<span class="s">␀</span>' in html
    document = host.view.text.toHtml()
    special = f"color:{SPECIAL_FOREGROUND.name()}; background-color:{SPECIAL_BACKGROUND.name()}"
    assert document.count(special) == 2


def test_hex_and_both_modes(host):
    host.model.append_events([rx(1, b"one"), rx(2, b"two")])
    host.show()
    host.model.set_display_mode("hex")
    host.view.rebuild()
    assert host.text == f"6F 6E 65{BOUNDARY_MARK}74 77 6F"
    host.model.set_display_mode("both")
    host.view.rebuild()
    assert host.text == f"6F 6E 65 | one{BOUNDARY_MARK}74 77 6F | two"


def test_filters(host):
    host.model.append_events([rx(1, b"a", 1), tx(2, b"b", 1), rx(3, b"c", 2)])
    host.show()
    host.view.set_filter(ChunkFilter(direction="tx"))
    host.view.rebuild()
    assert host.text == "b"
    host.view.set_filter(ChunkFilter(conn=2))
    host.view.rebuild()
    assert host.text == "c"
    with pytest.raises(ValueError, match="direction"):
        host.view.set_filter(ChunkFilter(direction="up"))


def test_limits_keep_the_newest_chunks(qtbot):
    host = Host(qtbot, max_chunks=2, max_bytes=5)
    host.model.append_events([rx(1, b"aaa"), rx(2, b"bbb"), rx(3, b"ccc")])
    host.show()
    # Two chunks at most and five bytes: "ccc" whole and the last two bytes of "bbb".
    assert host.text == f"…bb{BOUNDARY_MARK}ccc"
    assert "(last 2 bytes shown)" in host.view.to_html()


def test_a_flood_rebuilds_once_per_timer_tick(host, qtbot):
    host.show()
    base = host.view.rebuild_count
    host.model.append_events([rx(seq, b"x" * 10) for seq in range(10_000)])
    for start in range(10_000, 20_000, 100):
        host.model.append_events([rx(seq, b"y") for seq in range(start, start + 100)])
    assert host.view.rebuild_count == base  # no rebuild per chunk or per batch
    assert host.view.dirty
    qtbot.waitUntil(lambda: host.view.rebuild_count == base + 1, timeout=2000)
    assert host.ticks == 1
    qtbot.wait(400)  # nothing changed since: no more rebuilds
    assert host.view.rebuild_count == base + 1

    # A steady stream of batches: at most one rebuild per tick.
    ticks, rebuilds = host.ticks, host.view.rebuild_count
    deadline = time.monotonic() + 1.0
    seq = 20_000
    while time.monotonic() < deadline:
        host.model.append_events([rx(n, b"z") for n in range(seq, seq + 50)])
        seq += 50
        qtbot.wait(15)
    qtbot.wait(300)
    assert host.view.rebuild_count - rebuilds <= host.ticks - ticks
    assert 1 <= host.view.rebuild_count - rebuilds <= 7


def test_no_rebuild_while_hidden(host, qtbot):
    host.show()
    base = host.view.rebuild_count
    host.view.hide()
    host.model.append_events([rx(1, b"late")])
    qtbot.wait(400)
    assert host.view.rebuild_count == base
    host.view.show()
    assert host.view.rebuild_count == base + 1
    assert host.text == "late"


def test_clearing_the_model_empties_the_stream(host, qtbot):
    host.model.append_events([rx(1, b"one")])
    host.show()
    host.model.clear()
    qtbot.waitUntil(lambda: host.text == "")


def test_autoscroll_and_user_scrolling(qtbot):
    host = Host(qtbot)
    host.model.append_events([rx(n, b"line\n") for n in range(300)])
    host.show()
    bar = host.view.text.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()
    reported = []
    host.view.user_scrolled.connect(reported.append)
    bar.setValue(0)
    assert reported == [False]
    host.view.set_autoscroll(False)
    host.model.append_events([rx(300, b"more\n")])
    host.view.rebuild()
    assert bar.value() == 0
    assert reported == [False]  # a rebuild's own scrolling is not reported
    host.view.set_autoscroll(True)
    assert bar.value() == bar.maximum()


# Showing a tooltip raises its window, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_band_tooltip(host, qtbot):
    host.model.append_events([rx(7, b"hello")])
    host.show()
    viewport = host.view.text.viewport()
    rect = host.view.text.cursorRect(host.view.text.document().find("ell"))
    pos = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    assert QToolTip.text() == "RX chunk 7, 5 bytes, 13:04:05.678"
    QToolTip.hideText()
