"""Core messages reach the window translatable: the template list is current and renders."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from netassistant.core import errors
from netassistant.core.autoreply import MATCH, AutoReplyRule
from netassistant.core.capture import LogCapture, RawCapture
from netassistant.core.checksum import compute
from netassistant.core.chunk import EventKind
from netassistant.core.codec import encode_text, parse_hex
from netassistant.core.config import ConfigError, Kind, SessionConfig
from netassistant.core.framing import (
    FIXED,
    LENGTH,
    FrameErrorRecord,
    FrameSpec,
    encode_frame,
    make_decoder,
    parse_frame_spec,
)
from netassistant.core.i18n import Text, render, text
from netassistant.core.profiles.model import Profile, read_profile_file
from netassistant.core.profiles.store import ProfileStore
from netassistant.core.sending.files import FileRunner
from netassistant.core.sending.plans import PlanStatus, SendPlan, check_interval
from netassistant.core.sending.runners import PlanRunner
from netassistant.qt.coremessages import TEMPLATES, tr_core

ROOT = Path(__file__).parents[2]


def test_template_list_is_current():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "core_messages.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr


def test_error_messages_are_templates_listed_for_translation():
    message = errors.connect_error(ConnectionRefusedError(111, "refused"), "127.0.0.1:9")
    assert isinstance(message, Text)
    assert message == "connection refused by 127.0.0.1:9 — nothing is listening there"
    assert message.template in TEMPLATES
    nested = errors.io_error(BrokenPipeError(32, "Broken pipe"), "send", "127.0.0.1:9")
    assert nested.template in TEMPLATES
    assert nested.values["action"].template in TEMPLATES


def test_render_translates_nested_values_and_survives_bad_translations():
    message = text("cannot {action}: network unreachable for {peer}", action=text("send"), peer="x")
    table = {
        "cannot {action}: network unreachable for {peer}": "无法{action}：{peer} 网络不可达",
        "send": "发送",
    }
    assert render(message, lambda t: table.get(t, t)) == "无法发送：x 网络不可达"
    assert render(message, lambda t: "broken {nonexistent}") == str(message)
    assert render("plain", lambda t: "never used") == "plain"


def test_without_a_translator_the_english_text_is_shown():
    message = text("listening on {local}", local="127.0.0.1:80")
    assert tr_core(message) == "listening on 127.0.0.1:80"


# --- every core message type is a listed Text ------------------------------------------


def _templates(message: object) -> list[str]:
    """The template of ``message`` and of every Text nested in its values."""
    assert isinstance(message, Text), f"{message!r} is a plain {type(message).__name__}"
    found = [message.template]
    for value in message.values.values():
        if isinstance(value, Text):
            found += _templates(value)
    return found


def _raised(fn: Callable[[], object]) -> object:
    """``args[0]`` of the exception ``fn`` raises (the message the window translates)."""
    # Any message: the callers compare it with the exact text they expect.
    with pytest.raises(ValueError, match=r"\S") as info:
        fn()
    return info.value.args[0]


class _Engine:
    """Just enough of an Engine for a runner: timers never fire, events are kept."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.finished: list[int] = []

    def call_later(self, delay: float, fn: Callable[[], None]) -> int:
        return 1

    def cancel_timer(self, timer_id: int) -> None:
        pass

    def emit_event(self, kind: EventKind, conn_id: int = 0, **fields: object) -> None:
        self.messages.append(str(fields.get("message", "")))

    def set_plan_status(self, status: PlanStatus) -> None:
        self.status = status

    def plan_finished(self, plan_id: int) -> None:
        self.finished.append(plan_id)


class _Route:
    conn_id = 1
    local = "127.0.0.1:1"
    peer = "127.0.0.1:2"
    high_water = 1 << 30

    def __init__(self, refusal: str = "") -> None:
        self._refusal = refusal

    def refusal(self) -> str:
        return self._refusal

    def send(self, data: bytes) -> bool:
        return True

    def backlog(self) -> int:
        return 0

    def when_drained(self, fn: Callable[[], None]) -> None:
        fn()


def _plan_message(plan: SendPlan, end: str) -> str:
    engine = _Engine()
    runner = PlanRunner(engine, 1, plan, _Route())  # type: ignore[arg-type]
    runner.start()
    if end == "cancel":
        runner.cancel()
    elif end == "stop":
        runner.stop_with_session()
    else:
        runner.route = _Route(refusal=text("the connection is closed"))  # type: ignore[assignment]
        runner.check_gone()
    return engine.status.message


def _file_message(tmp_path: Path, routes: int, cancel: bool) -> str:
    path = tmp_path / "f.bin"
    path.write_bytes(b"x" * 10)
    engine = _Engine()
    with open(path, "rb") as fh:
        runner = FileRunner(engine, 1, str(path), fh, [_Route()] * routes, 4)  # type: ignore[arg-type]
        if cancel:
            runner.cancel()
        else:
            runner.start()
    return engine.status.message


def _failed_capture(tmp_path: Path) -> object:
    capture = RawCapture(tmp_path / "raw.bin")
    capture._fail(OSError(28, "No space left on device"))
    return capture.error


def _frame_error_record() -> object:
    decoder = make_decoder(FrameSpec(LENGTH, fmt="!H", max_length=4))
    (record,) = decoder.feed(b"\x00\x09abc", 1)
    assert isinstance(record, FrameErrorRecord)
    return record.message


def _config_reason() -> object:
    with pytest.raises(ConfigError, match=r"^remote_port: 0 is out of range") as info:
        SessionConfig(kind=Kind.TCP_CLIENT, remote_port=0).validate()
    assert str(info.value) == "remote_port: 0 is out of range 1..65535"
    assert info.value.reason == "0 is out of range 1..65535"
    return info.value.reason


def _bad_profile(tmp_path: Path) -> object:
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    return _raised(lambda: read_profile_file(path))


MESSAGES: dict[str, Callable[[Path], object]] = {
    "ConfigError": lambda _: _raised(lambda: SessionConfig(recv_size=0).validate()),
    "ConfigError.reason": lambda _: _config_reason(),
    "ConfigError from framing": lambda _: _raised(lambda: SessionConfig(framing="x").validate()),
    "FramingError spec": lambda _: _raised(lambda: parse_frame_spec("length:!I:nope")),
    "FramingError payload": lambda _: _raised(lambda: encode_frame(FrameSpec(FIXED, size=4), b"x")),
    "FrameErrorRecord": lambda _: _frame_error_record(),
    "HexError": lambda _: _raised(lambda: parse_hex("0g")),
    "EscapeError": lambda _: _raised(lambda: encode_text("\\q", escapes=True)),
    "EncodeError": lambda _: _raised(lambda: encode_text("\u4f60", "latin-1")),
    "ProfileError": _bad_profile,
    "ProfileError field": lambda _: _raised(
        lambda: Profile.from_dict({"schema_version": 1, "name": ""})
    ),
    "ProfileNotFoundError": lambda tmp: _raised(lambda: ProfileStore(tmp).load("nope")),
    "ProfileExistsError": lambda tmp: _profile_exists(tmp),
    "CaptureError": lambda tmp: _raised(lambda: LogCapture(tmp / "log", "xml")),
    "capture error": _failed_capture,
    "AutoReplyError": lambda _: _raised(lambda: AutoReplyRule(mode=MATCH).validate()),
    "AutoReplyError choice": lambda _: _raised(lambda: AutoReplyRule.from_dict({"mode": "x"})),
    "AutoReplyError codec": lambda _: _raised(
        lambda: AutoReplyRule(mode=MATCH, match="0g", match_mode="hex", reply="a").validate()
    ),
    "ChecksumError": lambda _: _raised(lambda: compute("nope", b"")),
    "SendPlan ValueError": lambda _: _raised(lambda: SendPlan(b"x", burst="x")),
    "check_interval": lambda _: _raised(lambda: check_interval(-1)),
    "plan cancelled": lambda _: _plan_message(SendPlan(b"x", count=3), "cancel"),
    "plan stopped": lambda _: _plan_message(SendPlan(b"x", count=0), "stop"),
    "plan failed": lambda _: _plan_message(SendPlan(b"xy", count=2, split=2), "fail"),
    "file done": lambda tmp: _file_message(tmp, 1, cancel=False),
    "file cancelled to all clients": lambda tmp: _file_message(tmp, 2, cancel=True),
}


def _profile_exists(tmp: Path) -> object:
    store = ProfileStore(tmp)
    profile = Profile(name="a", config=SessionConfig())
    store.save(profile)
    return _raised(lambda: store.save(profile, overwrite=False))


@pytest.mark.parametrize("make", MESSAGES.values(), ids=MESSAGES.keys())
def test_core_messages_are_listed_texts(make, tmp_path):
    message = make(tmp_path)
    for template in _templates(message):
        assert template in TEMPLATES, template
    assert tr_core(message) == str(message)  # no translator installed: the English text
