"""Tests for netassistant.core.autoreply: echo and match rules, placeholders, profiles."""

from __future__ import annotations

import datetime

import pytest

from netassistant.core.autoreply import AutoReplyError, AutoReplyRule
from netassistant.core.profiles.model import builtin_profiles

NOW = datetime.datetime(2024, 5, 6, 13, 4, 5)


def match(match: str, match_mode: str = "text", reply: str = "OK", **kw) -> AutoReplyRule:
    return AutoReplyRule("match", match, match_mode, reply, **kw)


# -- echo ------------------------------------------------------------------------------


def test_echo_returns_the_chunk_unchanged():
    rule = AutoReplyRule("echo")
    rule.validate()
    assert rule.reply_for(b"hello\r\n\x00\xff") == b"hello\r\n\x00\xff"


def test_echo_of_nothing_is_no_reply():
    assert AutoReplyRule("echo").reply_for(b"") is None


@pytest.mark.parametrize(
    "data",
    [
        b"{time}",
        b"{len}{date}{datetime}",
        b"__import__('os').system('rm -rf /')",
        b"{0.__class__}",
        b"%s%s%n",
        b"\\x41\\n",
    ],
)
def test_echo_never_interprets_received_data(data):
    assert AutoReplyRule("echo").reply_for(data, now=NOW) == data


def test_received_placeholders_are_not_substituted_into_a_match_reply():
    rule = match("x", reply="got {len}: {time}")
    assert rule.reply_for(b"x{time}{len}", now=NOW) == b"got 12: 13:04:05"


def test_received_code_is_only_searched():
    rule = match("__import__", reply="no")
    assert rule.reply_for(b"__import__('os').system('true')") == b"no"


# -- match -----------------------------------------------------------------------------


def test_text_match_is_a_substring_of_the_encoded_text():
    rule = match("time", reply="pong")
    rule.validate()
    assert rule.reply_for(b"what time is it") == b"pong"
    assert rule.reply_for(b"TIME") is None
    assert rule.reply_for(b"tim") is None


def test_text_match_in_another_encoding():
    rule = match("时间", reply="好", encoding="gbk")
    assert rule.reply_for("现在时间?".encode("gbk")) == "好".encode("gbk")
    assert rule.reply_for("现在时间?".encode()) is None


def test_hex_match_is_a_byte_substring():
    rule = match("01 03", "hex", "AA 55", reply_mode="hex")
    assert rule.reply_for(b"\x00\x01\x03\x04") == b"\xaa\x55"
    assert rule.reply_for(b"\x01\x02\x03") is None


def test_regex_match_searches_the_bytes():
    rule = match(r"^GET /\w+ HTTP/1\.[01]\r$", "regex", "HTTP/1.0 200 OK")
    rule.validate()
    assert rule.reply_for(b"GET /index HTTP/1.1\r") == b"HTTP/1.0 200 OK"
    assert rule.reply_for(b"POST /index HTTP/1.1\r") is None


def test_regex_matches_raw_bytes_through_escapes():
    rule = match(r"\x02.{2}\x03", "regex", "06", reply_mode="hex")
    assert rule.reply_for(b"..\x02\xff\x00\x03..") == b"\x06"


def test_text_escapes_apply_to_match_and_reply_when_asked():
    rule = match(r"ping\r\n", reply=r"pong\r\n", escapes=True)
    assert rule.reply_for(b"ping\r\n") == b"pong\r\n"
    assert match(r"ping\r\n", reply="x").reply_for(b"ping\r\n") is None


# -- placeholders ----------------------------------------------------------------------


def test_placeholders_in_a_text_reply():
    rule = match("t", reply="{time}|{date}|{datetime}|{len}")
    assert rule.reply_for(b"tttt", now=NOW) == b"13:04:05|2024-05-06|2024-05-06 13:04:05|4"


def test_other_braces_stay_as_they_are():
    rule = match("t", reply="{} {0} {foo} {{time}} {time")
    assert rule.reply_for(b"t", now=NOW) == b"{} {0} {foo} {13:04:05} {time"


def test_placeholders_use_the_local_clock_by_default():
    reply = match("t", reply="{date}").reply_for(b"t")
    assert reply is not None
    assert reply.decode() in {
        datetime.date.today().isoformat(),
        (datetime.date.today() - datetime.timedelta(days=1)).isoformat(),
    }


def test_hex_reply_has_no_placeholders():
    rule = match("t", reply="7B 74 7D", reply_mode="hex")  # "{t}"
    assert rule.reply_for(b"t", now=NOW) == b"{t}"


# -- validation ------------------------------------------------------------------------


def test_bad_regex_is_reported_in_plain_words():
    rule = match("(abc", "regex")
    with pytest.raises(AutoReplyError) as info:
        rule.validate()
    assert str(info.value) == (
        "invalid regular expression: missing ), unterminated subpattern at position 0"
    )
    assert info.value.field == "match"
    assert info.value.position == 0
    with pytest.raises(ValueError, match="invalid regular expression"):
        rule.reply_for(b"abc")


def test_bad_hex_match_carries_the_codec_message():
    with pytest.raises(AutoReplyError) as info:
        match("01 0G", "hex").validate()
    assert str(info.value) == "invalid hex character 'G' at position 4"
    assert (info.value.field, info.value.position) == ("match", 4)


def test_bad_hex_reply_carries_the_codec_message():
    with pytest.raises(AutoReplyError) as info:
        match("x", reply="ABC", reply_mode="hex").validate()
    assert str(info.value) == "odd number of hex digits in 'ABC' at position 0"
    assert info.value.field == "reply"


def test_reply_that_the_encoding_cannot_represent():
    with pytest.raises(AutoReplyError) as info:
        match("x", reply="时间 {time}", encoding="ascii").validate()
    assert str(info.value) == "character '时' at position 0 cannot be encoded as ascii"
    assert info.value.field == "reply"


@pytest.mark.parametrize(
    ("rule", "message", "field"),
    [
        (
            AutoReplyRule("mirror"),
            "unknown auto-reply mode 'mirror'; use echo or match",
            "mode",
        ),
        (
            match("x", "glob"),
            "unknown auto-reply match mode 'glob'; use text, hex or regex",
            "match_mode",
        ),
        (
            match(""),
            "nothing to match: enter the text, hex bytes or regular expression to look for",
            "match",
        ),
        (match(" , ", "hex"), "nothing to match: the hex field has no bytes", "match"),
        (match("x", reply=""), "the reply is empty: enter text or hex bytes to send", "reply"),
        (match("x", encoding="klingon"), "unknown encoding 'klingon'", "encoding"),
        (match("x", reply="\\q", escapes=True), None, "reply"),
    ],
)
def test_unusable_rules(rule, message, field):
    with pytest.raises(AutoReplyError) as info:
        rule.validate()
    if message is not None:
        assert str(info.value) == message
    assert info.value.field == field


def test_echo_ignores_the_match_fields():
    AutoReplyRule("echo", match="(", match_mode="regex").validate()


# -- profiles --------------------------------------------------------------------------


def test_builtin_profiles_load_and_round_trip():
    by_name = {p.name: p for p in builtin_profiles()}
    time_server = by_name["Time server"].send["auto_reply"]
    echo_server = by_name["Echo server"].send["auto_reply"]

    rule = AutoReplyRule.from_dict(time_server)
    assert rule == AutoReplyRule("match", "time", "text", "{time}")
    assert rule.to_dict() == time_server
    assert rule.reply_for(b"time\r\n", now=NOW) == b"13:04:05"

    echo = AutoReplyRule.from_dict(echo_server)
    assert echo == AutoReplyRule("echo")
    assert echo.to_dict() == {"mode": "echo"}


def test_full_round_trip():
    rule = AutoReplyRule("match", "01", "hex", "FF", "hex", "gbk", True)
    data = rule.to_dict()
    assert data == {
        "mode": "match",
        "match": "01",
        "match_mode": "hex",
        "reply": "FF",
        "reply_mode": "hex",
        "encoding": "gbk",
        "escapes": True,
    }
    assert AutoReplyRule.from_dict(data) == rule


def test_from_dict_loads_a_rule_with_a_bad_regex_so_it_can_be_fixed():
    rule = AutoReplyRule.from_dict({"mode": "match", "match": "(", "match_mode": "regex"})
    with pytest.raises(AutoReplyError):
        rule.validate()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (["echo"], "auto_reply must be an object, not list"),
        ({"mode": 1}, "auto_reply mode must be text, not int"),
        ({"mode": "echo", "escapes": "yes"}, "auto_reply escapes must be true or false"),
        ({"mode": "bounce"}, "unknown auto-reply mode 'bounce'; use echo or match"),
    ],
)
def test_from_dict_refuses_wrong_types(data, message):
    with pytest.raises(AutoReplyError) as info:
        AutoReplyRule.from_dict(data)
    assert str(info.value) == message
