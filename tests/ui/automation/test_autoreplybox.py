"""AutoReplyBox: the auto-reply form, its inline errors, its settings, and a live rule."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

from netassistant.core.autoreply import AutoReplyRule
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.stats import SessionState
from netassistant.qt.session import SessionController
from netassistant.ui.automation.autoreplybox import AutoReplyBox
from tests.helpers import TIMEOUT, recv_exactly

WAIT_MS = int(TIMEOUT * 1000)


@pytest.fixture
def box(qtbot) -> AutoReplyBox:
    widget = AutoReplyBox()
    qtbot.addWidget(widget)
    return widget


def choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def fill(box: AutoReplyBox, **fields: str) -> None:
    """Make the box a "reply when matched" rule and type the given fields."""
    box.enabled.setChecked(True)
    choose(box.mode, "match")
    for name in ("match_mode", "reply_mode"):
        if name in fields:
            choose(getattr(box, name), fields[name])
    for name in ("match", "reply"):
        if name in fields:
            getattr(box, name).setText(fields[name])


def test_controls_are_named_described_and_warn_about_echo_loops(box):
    controls = box.findChildren(QAbstractButton) + box.findChildren(QComboBox)
    controls += [w for w in box.findChildren(QLineEdit) if not isinstance(w.parent(), QComboBox)]
    names = sorted(w.objectName() for w in controls)
    assert names == [
        "autoReplyEnabled",
        "autoReplyEscapes",
        "autoReplyMatch",
        "autoReplyMatchMode",
        "autoReplyMode",
        "autoReplyReplyMode",
        "autoReplyText",
    ]
    assert all(w.toolTip() and w.accessibleName() for w in controls)
    for control in (box.enabled, box.mode):
        assert "bounce the same data back and forth forever" in control.toolTip()
        assert "above 1000 replies a second" in control.toolTip()
    assert box.title() == "Auto-reply"
    assert box.hint.text() == "Placeholders in a text reply: {time} {date} {datetime} {len}"


def test_starts_off_as_echo_with_no_error(box):
    assert not box.enabled.isChecked()
    assert box.mode.currentData() == "echo"
    assert box.rule() is None
    assert box.error.isHidden()
    assert not box.match.isEnabled()
    assert not box.reply.isEnabled()
    box.enabled.setChecked(True)
    assert box.rule() == AutoReplyRule(mode="echo")


def test_bad_regex_is_named_inline_and_gives_no_rule(box):
    fill(box, match_mode="regex", match="(", reply="x")
    assert not box.error.isHidden()
    assert box.error.text() == (
        "Match: invalid regular expression: missing ), unterminated subpattern at position 0"
    )
    assert box.error_field() == "match"
    assert box.match.property("invalid") is True
    assert box.reply.property("invalid") is False
    assert box.rule() is None
    box.match.setText("(tim|dat)e")
    assert box.error.isHidden()
    assert box.match.property("invalid") is False
    assert box.rule() == AutoReplyRule(
        mode="match", match="(tim|dat)e", match_mode="regex", reply="x"
    )


def test_regex_re2_cannot_run_is_named_inline_with_its_position(box):
    fill(box, match_mode="regex", match=r"(ab)\1", reply="x")
    assert box.error.text() == (
        "Match: unsupported in auto-reply regular expressions: backreferences such as \\1 "
        "(auto-reply uses RE2, which never backtracks, so no pattern can freeze the session)"
    )
    assert box.error_field() == "match"
    assert box.match.property("invalid") is True
    assert box.rule() is None


def test_hostile_regex_is_accepted_and_runs_in_linear_time(box):
    import time

    fill(box, match_mode="regex", match="(a+)+$", reply="x")
    rule = box.rule()
    assert rule is not None
    started = time.monotonic()
    assert rule.reply_for(b"a" * 30 + b"!") is None
    assert time.monotonic() - started < 0.5


def test_profile_rule_that_cannot_run_loads_reported_and_disabled(qtbot, box):
    settings = {"mode": "match", "match": "(?=GET)", "match_mode": "regex", "reply": "ok"}
    with qtbot.waitSignal(box.changed, timeout=1000):
        box.apply_settings({**settings, "enabled": True})
    assert box.match.text() == "(?=GET)"
    assert box.error.text().startswith(
        "Match: unsupported in auto-reply regular expressions: lookahead (?=...) and (?!...)"
    )
    assert not box.enabled.isChecked()
    assert box.rule() is None
    box.match.setText("GET")
    box.enabled.setChecked(True)
    assert box.rule() == AutoReplyRule.from_dict(settings | {"match": "GET"})


def test_bad_hex_is_named_inline_with_its_position(box):
    fill(box, match="time", reply_mode="hex", reply="01 0G")
    assert box.error.text() == "Reply: invalid hex character 'G' at position 4"
    assert box.error_field() == "reply"
    assert box.reply.cursorPosition() == 4
    assert box.rule() is None
    fill(box, match_mode="hex", match="01 0")
    assert box.error.text() == "Match: odd number of hex digits in '0' at position 3"


def test_empty_fields_and_unencodable_text_are_explained(box):
    fill(box, reply="x")
    assert box.error.text() == (
        "Match: nothing to match: enter the text, hex bytes or regular expression to look for"
    )
    box.match.setText("a")
    box.reply.clear()
    assert box.error.text() == "Reply: the reply is empty: enter text or hex bytes to send"
    box.reply.setText("é")
    assert box.error.isHidden()
    box.set_encoding("ascii")
    assert box.error.text() == "Reply: character 'é' at position 0 cannot be encoded as ascii"
    box.set_encoding("utf-8")
    assert box.rule() == AutoReplyRule(mode="match", match="a", reply="é")


def test_disabled_box_gives_no_rule_even_when_valid(box):
    fill(box, match="time", reply="{time}")
    assert box.rule() is not None
    box.enabled.setChecked(False)
    assert box.rule() is None


def test_changed_is_emitted_on_every_edit_and_clears_a_pause_message(qtbot, box):
    box.show_status("auto-reply paused: more than 1000 replies a second")
    assert not box.status.isHidden()
    with qtbot.waitSignal(box.changed, timeout=1000):
        box.enabled.setChecked(True)
    assert box.status.isHidden()
    for action in (
        lambda: choose(box.mode, "match"),
        lambda: box.match.setText("x"),
        lambda: box.reply.setText("y"),
        lambda: choose(box.match_mode, "hex"),
        lambda: choose(box.reply_mode, "hex"),
        lambda: box.escapes.setChecked(True),
        lambda: box.set_encoding("gbk"),
    ):
        with qtbot.waitSignal(box.changed, timeout=1000):
            action()


def test_settings_round_trip_through_the_rule_dict(qtbot, box):
    fill(box, match="time\\r\\n", reply="{datetime}\\r\\n")
    box.escapes.setChecked(True)
    box.set_encoding("gbk")
    settings = box.settings()
    assert settings == {
        "mode": "match",
        "match": "time\\r\\n",
        "match_mode": "text",
        "reply": "{datetime}\\r\\n",
        "encoding": "gbk",
        "escapes": True,
        "enabled": True,
    }
    other = AutoReplyBox()
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.changed, timeout=1000):
        other.apply_settings(settings)
    assert other.settings() == settings
    assert other.rule() == box.rule() == AutoReplyRule.from_dict(settings)
    other.apply_settings({"mode": "echo", "enabled": False})
    assert other.settings() == {"mode": "echo", "enabled": False}
    assert other.rule() is None


def test_builtin_profile_dict_without_enabled_means_on(box):
    box.apply_settings({"match": "time", "match_mode": "text", "mode": "match", "reply": "{time}"})
    assert box.enabled.isChecked()
    assert box.rule() == AutoReplyRule(mode="match", match="time", reply="{time}")


def test_bad_settings_dict_is_reported_inline_and_changes_nothing(box):
    box.apply_settings({"mode": "bounce"})
    assert box.error.text() == "Mode: unknown auto-reply mode 'bounce'; use echo or match"
    assert box.mode.currentData() == "echo"
    assert not box.enabled.isChecked()


def test_box_drives_a_responder_on_a_real_session(qtbot, box):
    """The wiring a pane uses: box.changed -> controller.set_auto_reply(box.rule())."""
    ctl = SessionController()
    box.changed.connect(lambda: ctl.set_auto_reply(box.rule()))
    ctl.auto_reply_paused.connect(box.show_status)
    try:
        ctl.start(SessionConfig(kind=Kind.TCP_SERVER).validate())
        qtbot.waitUntil(lambda: ctl.state is SessionState.LISTENING, timeout=WAIT_MS)
        with socket.create_connection(("127.0.0.1", ctl.local_port), timeout=TIMEOUT) as c:
            fill(box, match="ping", reply="pong {len}")
            c.sendall(b"ping")
            assert recv_exactly(c, 6) == b"pong 4"
            choose(box.mode, "echo")
            c.sendall(b"{len}")
            assert recv_exactly(c, 5) == b"{len}"
    finally:
        assert ctl.shutdown()
