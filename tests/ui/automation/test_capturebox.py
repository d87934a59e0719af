"""CaptureBox + CaptureTap on real loopback sessions: files get everything, errors inline."""

from __future__ import annotations

import json
import os
import random
import socket
import threading

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox

from netassistant.core.chunk import Chunk, ConnEvent
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.pipeline import CaptureTap
from netassistant.core.stats import SessionState
from netassistant.qt.session import SessionController
from netassistant.ui.automation.capturebox import CaptureBox
from netassistant.ui.receive.receiveview import ReceiveView
from tests.filehelpers import fill_disk, unblocked_after_deadline
from tests.helpers import TIMEOUT

WAIT_MS = int(TIMEOUT * 1000)


class Paths:
    """A stand-in for the save dialog: hands out preset answers, notes what was asked."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, kind: str) -> str | None:
        self.asked.append(kind)
        return self.answers.pop(0)


@pytest.fixture
def controller(qtbot):
    ctl = SessionController()
    yield ctl
    assert ctl.shutdown()


def make_box(qtbot, controller, paths: Paths, **options) -> CaptureBox:
    box = CaptureBox(controller, get_save_path=paths, **options)
    qtbot.addWidget(box)
    return box


def start(qtbot, ctl: SessionController) -> int:
    ctl.start(SessionConfig(kind=Kind.TCP_SERVER, recv_size=4096).validate())
    qtbot.waitUntil(lambda: ctl.state is SessionState.LISTENING, timeout=WAIT_MS)
    return ctl.local_port


def test_controls_are_named_and_described(qtbot, controller):
    box = make_box(qtbot, controller, Paths())
    controls = box.findChildren(QAbstractButton) + box.findChildren(QComboBox)
    assert sorted(w.objectName() for w in controls) == [
        "captureLog",
        "captureLogFormat",
        "captureRaw",
    ]
    assert all(w.toolTip() and w.accessibleName() for w in controls)
    assert [box.log_format.itemData(i) for i in range(box.log_format.count())] == [
        "text",
        "csv",
        "jsonl",
        "pcap",
    ]
    assert box.title() == "Capture"
    assert box.raw_button.text() == "Receive to file…"
    assert box.log_button.text() == "Record log…"


def test_raw_capture_equals_received_bytes_while_the_view_is_paused(qtbot, controller, tmp_path):
    path = tmp_path / "rx.bin"
    paths = Paths(str(path))
    box = make_box(qtbot, controller, paths)
    view = ReceiveView()
    qtbot.addWidget(view)
    controller.events_received.connect(view.append_events)
    view.set_paused(True)
    box.raw_button.click()  # before the session starts: installed at start
    assert paths.asked == ["raw"]
    assert box.raw_button.isChecked()
    assert box.raw_button.text() == "Stop receiving to file"
    port = start(qtbot, controller)
    payload = random.Random(7).randbytes(2 * 1024 * 1024)

    def send() -> None:
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
            client.sendall(payload)

    sender = threading.Thread(target=send)
    sender.start()
    qtbot.waitUntil(lambda: controller.stats.rx_bytes == len(payload), timeout=30_000)
    sender.join(TIMEOUT)
    assert view.table.model().rowCount() == 0, "the view stayed paused"
    qtbot.waitUntil(lambda: box.raw_status.text().startswith("Writing: 2,097,152 B"), timeout=2000)
    box.raw_button.click()
    assert not box.raw_button.isChecked()
    assert box.raw_tap is None
    assert controller.taps() == []
    assert box.raw_status.text() == "Saved: 2,097,152 B to rx.bin"
    assert path.read_bytes() == payload
    assert box.error.isHidden()


def test_jsonl_log_has_one_line_per_event(qtbot, controller, tmp_path):
    path = tmp_path / "session.jsonl"
    paths = Paths(str(path))
    box = make_box(qtbot, controller, paths)
    assert box.start_log(fmt="jsonl")
    assert paths.asked == ["jsonl"]
    assert not box.log_format.isEnabled()
    events: list = []
    controller.events_received.connect(events.extend)
    port = start(qtbot, controller)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        for word in (b"one", b"two", b"three"):
            client.sendall(word)
            qtbot.waitUntil(lambda n=controller.stats.rx_chunks: controller.stats.rx_chunks > n)
        assert controller.send(b"back")
        client.settimeout(TIMEOUT)
        assert client.recv(10) == b"back"
    qtbot.waitUntil(lambda: controller.stats.clients == {}, timeout=WAIT_MS)
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.stop()
    box.stop_log()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(isinstance(e, Chunk | ConnEvent) for e in events)
    assert len(lines) == len(events)
    records = [json.loads(line) for line in lines]
    assert [r["seq"] for r in records] == [e.seq for e in events]
    assert [r["hex"] for r in records if r["event"] == "chunk"] == [
        e.data.hex() for e in events if isinstance(e, Chunk)
    ]
    assert records[-1]["event"] == "stopped"
    assert (
        box.log_status.text()
        == f"Saved: {len(lines)} lines, {os.path.getsize(path):,} B to session.jsonl"
    )
    assert box.log_format.isEnabled()


def test_cancelled_dialog_starts_nothing(qtbot, controller):
    box = make_box(qtbot, controller, Paths(None, ""))
    box.raw_button.click()
    box.log_button.click()
    assert not box.raw_button.isChecked()
    assert not box.log_button.isChecked()
    assert controller.taps() == []
    assert box.error.isHidden()


def test_file_that_cannot_be_opened_is_reported_inline(qtbot, controller, tmp_path):
    missing = tmp_path / "no-such-folder" / "rx.bin"
    box = make_box(qtbot, controller, Paths(str(missing)))
    box.raw_button.click()
    assert not box.raw_button.isChecked()
    assert controller.taps() == []
    assert not box.error.isHidden()
    assert box.error.text() == f"cannot open {missing} for writing: No such file or directory"


def test_a_named_pipe_is_refused_inline_without_blocking(qtbot, controller, tmp_path):
    fifo = tmp_path / "pipe.log"
    os.mkfifo(fifo)
    box = make_box(qtbot, controller, Paths(str(fifo), str(fifo)))
    with unblocked_after_deadline(fifo):
        assert box.start_raw() is False
    assert box.error.text() == f"{fifo} is a named pipe (FIFO), not a regular file"
    with unblocked_after_deadline(fifo):
        assert box.start_log(fmt="text") is False
    assert box.error.text() == f"{fifo} is a named pipe (FIFO), not a regular file"
    assert not box.raw_button.isChecked()
    assert not box.log_button.isChecked()
    assert controller.taps() == []


def test_a_symbolic_link_is_refused_inline(qtbot, controller, tmp_path):
    target = tmp_path / "real.bin"
    target.write_bytes(b"")
    link = tmp_path / "link.bin"
    link.symlink_to(target)
    box = make_box(qtbot, controller, Paths(str(link)))
    box.raw_button.click()
    assert not box.raw_button.isChecked()
    assert box.error.text() == f"{link} is a symbolic link; choose the real file"
    assert controller.taps() == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_write_failure_stops_the_capture_and_is_shown_inline(qtbot, controller, tmp_path):
    path = tmp_path / "full.bin"
    box = make_box(qtbot, controller, Paths(str(path)))
    assert box.start_raw()
    assert box.raw_tap is not None
    fill_disk(box.raw_tap.capture)
    port = start(qtbot, controller)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"disk full")
        qtbot.waitUntil(lambda: not box.raw_button.isChecked(), timeout=WAIT_MS)
    assert box.error.text() == f"cannot write to {path}: No space left on device"
    assert box.raw_tap is None
    assert controller.taps() == []
    assert controller.state is SessionState.LISTENING, "the session goes on"


def test_stop_all_closes_both_files(qtbot, controller, tmp_path):
    box = make_box(qtbot, controller, Paths(str(tmp_path / "a.bin"), str(tmp_path / "b.csv")))
    assert box.start_raw()
    assert box.start_log(fmt="csv")
    taps = controller.taps()
    assert len(taps) == 2
    assert all(isinstance(t, CaptureTap) for t in taps)
    assert box.running
    box.stop_all()
    assert not box.running
    assert controller.taps() == []
    assert all(t.closed for t in taps if isinstance(t, CaptureTap))
    assert (tmp_path / "b.csv").read_bytes().startswith(b"\xef\xbb\xbftime,seq,dir")
