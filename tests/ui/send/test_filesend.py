"""FileSendBox: choosing (with an injected chooser), checks, progress and cancel."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSpinBox

from netassistant.core.config import Kind
from netassistant.ui.send.filesend import FileSendBox
from tests.filehelpers import unblocked_after_deadline
from tests.ui.helpers import child, undescribed
from tests.ui.test_accessibility import _controls


@pytest.fixture
def make_box(hosted) -> Callable[..., FileSendBox]:
    def make(kind: Kind = Kind.TCP_CLIENT, path: str = "", running: bool = True) -> FileSendBox:
        box = hosted(lambda host: FileSendBox(kind, host, chooser=lambda parent: path))
        box.set_running(running)
        return box

    return make


def choose(qtbot, box: FileSendBox) -> None:
    qtbot.mouseClick(child(box, QPushButton, "fileSendChoose"), Qt.MouseButton.LeftButton)


@pytest.fixture
def data_file(tmp_path) -> str:
    path = tmp_path / "firmware.bin"
    path.write_bytes(bytes(range(256)) * 10)
    return str(path)


def test_tcp_choice_emits_path_and_chunk_size(make_box, qtbot, data_file):
    box = make_box(path=data_file)
    assert box.findChild(QSpinBox, "fileDatagramSize") is None
    assert child(box, QSpinBox, "fileChunkSize").value() == 65536
    child(box, QSpinBox, "fileChunkSize").setValue(1000)
    with qtbot.waitSignal(box.file_requested, timeout=1000) as blocker:
        choose(qtbot, box)
    assert blocker.args == [data_file, 1000]
    assert child(box, QLabel, "fileSendInfo").text() == "firmware.bin (2560 bytes)"


def test_udp_choice_emits_datagram_size(make_box, qtbot, data_file):
    box = make_box(Kind.UDP, path=data_file)
    size = child(box, QSpinBox, "fileDatagramSize")
    assert (size.minimum(), size.maximum(), size.value()) == (1, 65507, 1400)
    with qtbot.waitSignal(box.file_requested, timeout=1000) as blocker:
        choose(qtbot, box)
    assert blocker.args == [data_file, 1400]


def test_cancelled_chooser_sends_nothing(make_box, qtbot):
    box = make_box(path="")
    with qtbot.assertNotEmitted(box.file_requested, wait=10):
        choose(qtbot, box)
    assert child(box, QLabel, "fileSendError").isHidden()


def test_choose_needs_a_running_session(make_box, data_file):
    box = make_box(path=data_file, running=False)
    assert not child(box, QPushButton, "fileSendChoose").isEnabled()
    box.set_running(True)
    assert child(box, QPushButton, "fileSendChoose").isEnabled()


@pytest.mark.parametrize(
    ("make_path", "message"),
    [
        (lambda tmp: str(tmp / "missing.bin"), "missing.bin does not exist"),
        (lambda tmp: str(tmp), " is a directory, not a regular file"),
        (
            lambda tmp: (tmp / "empty.bin").write_bytes(b"") or str(tmp / "empty.bin"),
            "empty.bin is empty; there is nothing to send",
        ),
    ],
    ids=["missing", "folder", "empty"],
)
def test_unusable_files_are_explained_inline(make_box, qtbot, tmp_path, make_path, message):
    path = make_path(tmp_path)
    box = make_box(path=path)
    with qtbot.assertNotEmitted(box.file_requested, wait=10):
        choose(qtbot, box)
    error = child(box, QLabel, "fileSendError")
    assert not error.isHidden()
    assert message in error.text()


def test_a_named_pipe_is_refused_inline_without_blocking(make_box, qtbot, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    box = make_box(path=str(fifo))
    with unblocked_after_deadline(fifo), qtbot.assertNotEmitted(box.file_requested, wait=10):
        choose(qtbot, box)
    assert child(box, QLabel, "fileSendError").text() == (
        "pipe is a named pipe (FIFO), not a regular file"
    )


def test_a_device_is_refused_inline(make_box, qtbot):
    box = make_box(path="/dev/zero")
    with qtbot.assertNotEmitted(box.file_requested, wait=10):
        choose(qtbot, box)
    assert child(box, QLabel, "fileSendError").text() == (
        "zero is a character device, not a regular file"
    )


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_explained_inline(make_box, qtbot, data_file):
    os.chmod(data_file, 0)
    box = make_box(path=data_file)
    with qtbot.assertNotEmitted(box.file_requested, wait=10):
        choose(qtbot, box)
    assert child(box, QLabel, "fileSendError").text() == (
        "cannot read firmware.bin: Permission denied"
    )


def test_progress_and_cancel(make_box, qtbot, data_file):
    box = make_box(path=data_file)
    cancel = child(box, QPushButton, "fileSendCancel")
    bar = child(box, QProgressBar, "fileSendProgress")
    assert not cancel.isEnabled()
    choose(qtbot, box)
    box.set_sending(True)
    assert cancel.isEnabled()
    assert not child(box, QPushButton, "fileSendChoose").isEnabled()
    box.on_progress(640, 2560)
    assert bar.value() == 250
    assert child(box, QLabel, "fileSendInfo").text() == "firmware.bin: 640 of 2560 bytes"
    box.on_progress(3 * 2**31, 4 * 2**31)  # past the int range of a QProgressBar
    assert bar.value() == 750
    with qtbot.waitSignal(box.cancel_requested, timeout=1000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    box.on_progress(2560, 2560)
    assert bar.value() == 1000
    box.set_sending(False)
    assert not cancel.isEnabled()
    assert child(box, QPushButton, "fileSendChoose").isEnabled()
    box.set_sending(True)
    box.set_running(False)  # the session ended: so did the send
    assert not cancel.isEnabled()


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_every_control_is_named_described_and_accessible(make_box, kind):
    box = make_box(kind)
    assert len(_controls(box)) == 3
    assert undescribed(box) == []
    progress = child(box, QProgressBar, "fileSendProgress")
    assert progress.toolTip()
    assert progress.accessibleName()
