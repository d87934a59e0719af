"""SendToolsBox: options -> exact SendPlans, checksum-then-frame, settings, a real burst."""

from __future__ import annotations

import socket
import struct

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from netassistant.core.chunk import Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.framing import make_decoder, parse_frame_spec
from netassistant.core.sending.formats import MessageFormat
from netassistant.core.sending.plans import SendPlan
from netassistant.ui.send.sendtools import PlanError, SendToolsBox
from tests.helpers import TIMEOUT, recv_exactly, running
from tests.ui.helpers import child, undescribed
from tests.ui.test_accessibility import _controls


@pytest.fixture
def box(hosted) -> SendToolsBox:
    return hosted(SendToolsBox)


def spin(box, name: str, value: int) -> None:
    child(box, QSpinBox, name).setValue(value)


def check(box, name: str, on: bool = True) -> None:
    child(box, QCheckBox, name).setChecked(on)


def choose(box, name: str, data: str) -> None:
    combo = child(box, QComboBox, name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


# ------------------------------------------------------------------ plans
def test_defaults_make_one_plain_send(box):
    assert box.make_plan(b"hello", {}) == SendPlan(b"hello", count=1, interval_ms=1000)
    assert box.is_plain()


def test_repeat_and_interval(box):
    spin(box, "sendRepeat", 5)
    spin(box, "sendInterval", 250)
    assert box.make_plan(b"ping", {}) == SendPlan(b"ping", count=5, interval_ms=250)
    assert not box.is_plain()


def test_periodic_is_count_zero_and_ignores_repeat_and_burst(box):
    spin(box, "sendRepeat", 7)
    choose(box, "sendBurst", "one_call")
    check(box, "sendPeriodic")
    assert not child(box, QSpinBox, "sendRepeat").isEnabled()
    assert not child(box, QComboBox, "sendBurst").isEnabled()
    plan = box.make_plan(b"tick", {})
    assert plan == SendPlan(b"tick", count=0, interval_ms=1000, burst="none")
    assert plan.title == "periodic send"


@pytest.mark.parametrize("burst", ["one_call", "back_to_back"])
def test_burst(box, burst):
    spin(box, "sendRepeat", 20)
    choose(box, "sendBurst", burst)
    assert not child(box, QSpinBox, "sendInterval").isEnabled()
    assert box.make_plan(b"hello", {}) == SendPlan(
        b"hello", count=20, interval_ms=1000, burst=burst
    )


def test_split_with_gap(box):
    assert not child(box, QSpinBox, "sendSplitGap").isEnabled()
    spin(box, "sendSplit", 3)
    spin(box, "sendSplitGap", 40)
    assert child(box, QSpinBox, "sendSplitGap").isEnabled()
    assert box.make_plan(b"abcdefg", {}) == SendPlan(
        b"abcdefg", count=1, interval_ms=1000, split=3, split_gap_ms=40
    )


def test_split_into_more_pieces_than_bytes_is_refused(box):
    spin(box, "sendSplit", 5)
    with pytest.raises(PlanError, match=r"^cannot split 3 bytes into 5 pieces; choose at most 3$"):
        box.make_plan(b"abc", {})


def test_counter_without_framing_is_left_to_the_engine(box):
    spin(box, "sendRepeat", 3)
    check(box, "sendCounter")
    plan = box.make_plan(b"msg {n}\n", {})
    assert type(plan) is SendPlan
    assert plan == SendPlan(b"msg {n}\n", count=3, interval_ms=1000, counter=True)
    assert [plan.message(n) for n in (1, 2, 3)] == [b"msg 1\n", b"msg 2\n", b"msg 3\n"]


def test_counter_needs_a_placeholder(box):
    check(box, "sendCounter")
    with pytest.raises(PlanError, match=r"\w") as info:
        box.make_plan(b"no placeholder", {})
    assert str(info.value) == (
        "the counter is on but the data has no {n}; type {n} where the number goes"
    )


def test_target_fields_are_passed_and_others_ignored(box):
    plan = box.make_plan(b"x", {"conn_id": 2, "data": b"ignored"})
    assert (plan.conn_id, plan.udp_host, plan.udp_port, plan.reply) == (2, "", 0, False)
    plan = box.make_plan(b"x", {"udp_host": "10.0.0.5", "udp_port": 9000, "reply": False})
    assert (plan.conn_id, plan.udp_host, plan.udp_port) == (None, "10.0.0.5", 9000)
    assert box.make_plan(b"x", None).reply is False


# --------------------------------------------------------- checksum and framing
def test_checksum_then_length_header_exact_bytes(box):
    choose(box, "sendChecksum", "crc16-modbus")
    choose(box, "sendFrame", "length")
    assert child(box, QLineEdit, "sendFrameSpec").text() == "length:!I"
    plan = box.make_plan(b"abc", {})
    # 4-byte length 5 (3 data bytes + 2 CRC bytes), data, CRC-16/MODBUS 0x5749 low byte first.
    wire = bytes.fromhex("00000005") + b"abc" + bytes.fromhex("4957")
    assert plan == SendPlan(wire, count=1, interval_ms=1000)
    assert box.prepare(b"abc") == wire
    assert not box.is_plain()


def test_checksum_byte_order_can_be_forced(box):
    choose(box, "sendChecksum", "crc16-modbus")
    choose(box, "sendChecksumOrder", "big")
    choose(box, "sendFrame", "length")
    assert box.make_plan(b"abc", {}).payload == bytes.fromhex("00000005") + b"abc\x57\x49"


def test_delimiter_framing_default_and_payload_check(box):
    choose(box, "sendFrame", "delimiter")
    assert child(box, QLineEdit, "sendFrameSpec").text() == "delimiter:\\r\\n"
    assert box.make_plan(b"hi", {}).payload == b"hi\r\n"
    with pytest.raises(PlanError, match=r"^cannot frame the data: payload contains the delimiter"):
        box.make_plan(b"a\r\nb", {})


def test_counter_with_framing_formats_each_message(box):
    spin(box, "sendRepeat", 12)
    check(box, "sendCounter")
    choose(box, "sendChecksum", "sum8")
    choose(box, "sendFrame", "length")
    child(box, QLineEdit, "sendFrameSpec").setText("length:>H")
    plan = box.make_plan(b"n={n}", {"conn_id": 1})
    fmt = MessageFormat("sum8", None, parse_frame_spec("length:>H"))
    assert plan == SendPlan(b"n={n}", count=12, interval_ms=1000, counter=True, conn_id=1, fmt=fmt)
    assert plan.message(1) == b"\x00\x04n=1" + bytes([sum(b"n=1")])
    assert plan.message(12) == b"\x00\x05n=12" + bytes([sum(b"n=12") & 0xFF])
    assert box.prepare(b"n={n}", 12) == plan.message(12)
    assert plan.total_size() == sum(len(plan.message(n)) for n in range(1, 13))


@pytest.mark.parametrize(
    ("checksum", "spec"),
    [("crc32", "length:<H:incl"), ("", "delimiter:\\r\\n"), ("xor8", "")],
)
def test_counted_plan_size_counts_checksum_and_frame(box, checksum, spec):
    spin(box, "sendRepeat", 11)
    check(box, "sendCounter")
    choose(box, "sendChecksum", checksum)
    if spec:
        choose(box, "sendFrame", spec.split(":")[0])
        child(box, QLineEdit, "sendFrameSpec").setText(spec)
    plan = box.make_plan(b"{n}/{n}", {})
    assert plan.total_size() == sum(len(plan.message(n)) for n in range(1, 12))


def test_counted_frame_that_outgrows_its_header_is_refused(box):
    check(box, "sendCounter")
    check(box, "sendPeriodic")
    choose(box, "sendFrame", "length")
    child(box, QLineEdit, "sendFrameSpec").setText("length:B")
    payload = b"x" * 250 + b"{n}"
    with pytest.raises(PlanError, match=r"does not fit the 'B' header"):
        box.make_plan(payload, {})
    check(box, "sendPeriodic", False)
    spin(box, "sendRepeat", 99999)  # 250 + 5 digits = 255 still fits
    assert box.make_plan(payload, {}).message(99999) == b"\xff" + b"x" * 250 + b"99999"


def test_counted_checksum_with_delimiter_is_refused(box):
    check(box, "sendCounter")
    choose(box, "sendChecksum", "crc16-modbus")
    choose(box, "sendFrame", "delimiter")
    with pytest.raises(PlanError, match="each message has its own checksum"):
        box.make_plan(b"v{n}", {})
    choose(box, "sendChecksum", "")
    child(box, QLineEdit, "sendFrameSpec").setText("delimiter:0")
    with pytest.raises(PlanError, match="the delimiter holds a digit"):
        box.make_plan(b"v{n}", {})


def test_bad_frame_spec_is_shown_inline(box):
    error = child(box, QLabel, "sendToolsError")
    choose(box, "sendFrame", "length")
    child(box, QLineEdit, "sendFrameSpec").setText("length:!Z")
    assert not error.isHidden()
    assert (
        error.text()
        == "bad frame format: '!Z' is not a single integer struct format (try !I, <H or B)"
    )
    with pytest.raises(PlanError, match="bad frame format"):
        box.make_plan(b"abc", {})
    child(box, QLineEdit, "sendFrameSpec").setText("delimiter:;")
    assert error.text() == ("the frame format does not match the framing chosen; e.g. length:!I")
    child(box, QLineEdit, "sendFrameSpec").setText("length:<H")
    assert error.isHidden()


# ---------------------------------------------------------------- settings
def test_settings_round_trip(box, qtbot):
    settings = {
        "repeat": 20,
        "interval_ms": 50,
        "periodic": False,
        "burst": "back_to_back",
        "split": 2,
        "split_gap_ms": 5,
        "counter": True,
        "frame": "delimiter",
        "frame_spec": "delimiter-hex:0d0a",
        "checksum": "crc32",
        "checksum_order": "little",
    }
    box.apply_settings(settings)
    assert box.settings() == settings
    other = SendToolsBox()
    qtbot.addWidget(other)
    other.apply_settings(box.settings())
    assert other.settings() == settings


def test_bad_settings_are_ignored(box):
    before = box.settings()
    box.apply_settings(
        {
            "repeat": 0,
            "interval_ms": True,
            "periodic": "yes",
            "burst": "lots",
            "split": 65,
            "frame": "fixed",
            "checksum": "md5",
            "checksum_order": "middle",
        }
    )
    assert box.settings() == before


# -------------------------------------------------------- start/stop and interval
def test_start_stop_button_and_live_interval(box, qtbot):
    button = child(box, QPushButton, "sendPeriodicButton")
    state = child(box, QLabel, "sendPlanState")
    assert not button.isEnabled()
    box.set_running(True)
    assert button.isEnabled()
    assert button.text() == "Start"
    with qtbot.waitSignal(box.start_requested, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(box.interval_changed, wait=10):
        spin(box, "sendInterval", 300)
    check(box, "sendPeriodic")
    box.set_plan_running(True)
    assert button.text() == "Stop"
    assert state.text() == "Sending…"
    assert not child(box, QCheckBox, "sendPeriodic").isEnabled()
    assert child(box, QSpinBox, "sendInterval").isEnabled()
    with qtbot.waitSignal(box.interval_changed, timeout=1000) as blocker:
        spin(box, "sendInterval", 120)
    assert blocker.args == [120]
    box.on_plan_progress(7, 0)
    assert state.text() == "7 sent"
    box.on_plan_progress(3, 20)
    assert state.text() == "3 of 20 sent"
    with qtbot.waitSignal(box.stop_requested, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box.set_running(False)
    assert not box.plan_running()
    assert button.text() == "Start"
    assert not button.isEnabled()
    assert child(box, QCheckBox, "sendPeriodic").isEnabled()


# ----------------------------------------------------- real sockets, real engine
def test_one_call_burst_of_twenty_counted_frames_reaches_a_raw_server(box):
    spin(box, "sendRepeat", 20)
    choose(box, "sendBurst", "one_call")
    check(box, "sendCounter")
    choose(box, "sendFrame", "length")
    plan = box.make_plan(b"msg {n}", {})
    expected = [b"msg %d" % n for n in range(1, 21)]
    wire = b"".join(struct.pack("!I", len(m)) + m for m in expected)
    with socket.create_server(("127.0.0.1", 0)) as srv:
        srv.settimeout(TIMEOUT)
        config = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=srv.getsockname()[1])
        with running(config) as h:
            conn, _ = srv.accept()
            with conn:
                h.wait_event(EventKind.CONNECTED)
                h.engine.start_plan(plan)
                got = recv_exactly(conn, len(wire))
                h.wait_for(
                    lambda evs: any(
                        getattr(e, "kind", None) is EventKind.SEND_PROGRESS and "done" in e.message
                        for e in evs
                    )
                )
                conn.settimeout(0.2)
                with pytest.raises(TimeoutError, match="timed out"):
                    conn.recv(1)  # nothing beyond the 20 frames
    assert got == wire
    decoder = make_decoder(parse_frame_spec("length:!I"))
    assert [m.payload for m in decoder.feed(got, 1)] == expected
    assert [c.data for c in h.chunks(Direction.TX)] == [wire]  # one send call


def test_every_control_is_named_described_and_accessible(box):
    assert len(_controls(box)) == 12
    assert undescribed(box) == []
