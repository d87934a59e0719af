"""Reply rules: each match kind, each template macro (exact bytes), order, counters, limits."""

from __future__ import annotations

import datetime
import json
import re
import time
import uuid
from pathlib import Path

import pytest

from netassistant.core.replies.rules import ReplyRule, RuleError, hex_pattern
from netassistant.core.replies.ruleset import ReplyRules, load_rules_file

NOON = datetime.datetime(2024, 5, 6, 13, 4, 5)


def modbus_crc(data: bytes) -> bytes:
    """CRC-16/MODBUS written out here, so the test does not check the code with itself."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc.to_bytes(2, "little")


def answer(rule: ReplyRule, data: bytes) -> list[bytes]:
    rules = ReplyRules([rule])
    rules.validate()
    return [reply for reply, _ in rules.replies(data, "chunk", NOON)]


@pytest.mark.parametrize(
    ("rule", "hits", "misses"),
    [
        (ReplyRule(match_kind="any"), [b"x", b"\x00"], [b""]),
        (ReplyRule(match_kind="exact", match="ping"), [b"ping"], [b"ping\n", b"pin", b"Xping"]),
        (
            ReplyRule(match_kind="exact", match="ping\\r\\n", escapes=True),
            [b"ping\r\n"],
            [b"ping\\r\\n"],
        ),
        (ReplyRule(match_kind="prefix", match="GET "), [b"GET /", b"GET "], [b" GET /"]),
        (ReplyRule(match_kind="contains", match="01 ff", match_format="hex"),
         [b"\x00\x01\xff\x02"], [b"\x01\xfe"]),
        (ReplyRule(match_kind="hex", match="01 ?? 03"), [b"\x01\x00\x03", b"\x01\xff\x03"],
         [b"\x01\x03", b"\x01\x00\x03\x04", b"\x00\x01\x00\x03"]),
        (ReplyRule(match_kind="hex", match="AA *"), [b"\xaa", b"\xaa\x01\x02"], [b"\xab\xaa"]),
        (ReplyRule(match_kind="regex", match=r"^T=\d+$"), [b"T=12", b"T=12\n"], [b"T=", b"xT=1"]),
        (ReplyRule(match_kind="contains", match="温度", encoding="gbk"), ["温度=1".encode("gbk")],
         ["温度".encode()]),
    ],
    ids=lambda v: f"{v.match_kind}:{v.match}" if isinstance(v, ReplyRule) else "",
)  # fmt: skip
def test_match_kinds(rule: ReplyRule, hits: list[bytes], misses: list[bytes]) -> None:
    for data in hits:
        assert answer(rule, data) == [data], data
    for data in misses:
        assert answer(rule, data) == [], data


@pytest.mark.parametrize(
    ("rule", "data", "reply"),
    [
        (ReplyRule(match_kind="regex", match=r"GET (\w+)=(\d+)", reply="{2}:{1}"),
         b"GET temp=21", b"21:temp"),
        (ReplyRule(match_kind="regex", match=r"(?P<key>\w+)\?", reply="{key}!"), b"volt?",
         b"volt!"),
        (ReplyRule(match_kind="hex", match="01 03 ?? ??", reply="{hex:01 83} {2} {1}",
                   reply_format="hex"), b"\x01\x03\x10\x20", b"\x01\x83\x20\x10"),
        (ReplyRule(reply="{data}{data}"), b"ab", b"abab"),
        (ReplyRule(reply="len={len}"), b"12345", b"len=5"),
        (ReplyRule(reply="{time} {date} {datetime}"), b"x",
         b"13:04:05 2024-05-06 2024-05-06 13:04:05"),
        (ReplyRule(reply="{unixtime}"), b"x", str(int(NOON.timestamp())).encode()),
        (ReplyRule(reply="{hex:0d 0a}"), b"x", b"\r\n"),
        (ReplyRule(reply="01 03 02 00 2a{checksum:crc16-modbus}", reply_format="hex"), b"x",
         bytes.fromhex("010302002a") + modbus_crc(bytes.fromhex("010302002a"))),
        (ReplyRule(reply="AB{checksum:sum8}CD{checksum:xor8}"), b"x",
         b"AB\x83CD" + bytes([ord("A") ^ ord("B") ^ 0x83 ^ ord("C") ^ ord("D")])),
        (ReplyRule(reply="{json} {} {x:y} {0} {{n}}"), b"x", b"{json} {} {x:y}  {1}"),
        (ReplyRule(reply="ok\\r\\n", escapes=True), b"x", b"ok\r\n"),
        (ReplyRule(reply="你好", encoding="gbk"), b"x", "你好".encode("gbk")),
    ],
)  # fmt: skip
def test_template_macros_give_exact_bytes(rule: ReplyRule, data: bytes, reply: bytes) -> None:
    assert answer(rule, data) == [reply]


def test_captures_that_did_not_take_part_are_empty() -> None:
    rule = ReplyRule(match_kind="regex", match=r"a(b)?(c)", reply="[{1}][{2}][{3}]")
    assert answer(rule, b"ac") == [b"[][c][]"]


def test_counter_random_and_uuid() -> None:
    rules = ReplyRules([ReplyRule(reply="{n}|{random:10}|{uuid}")])
    rules.validate()
    for n in range(1, 4):
        ((reply, _),) = rules.replies(b"x", "chunk")
        count, number, made = reply.decode().split("|")
        assert count == str(n)
        assert 0 <= int(number) < 10
        assert str(uuid.UUID(made)) == made
    assert rules.counts() == [3]


def test_received_data_is_never_read_as_a_template() -> None:
    rule = ReplyRule(reply="{data}|{len}")
    data = b"{time}{n}{0.__class__}%s{hex:00}"
    assert answer(rule, data) == [data + b"|" + str(len(data)).encode()]


def test_first_match_and_all_match_and_per_rule_counters() -> None:
    rules = [
        ReplyRule(name="ping", match_kind="prefix", match="PING", reply="PONG {n}"),
        ReplyRule(name="off", enabled=False, match_kind="any", reply="never"),
        ReplyRule(name="any", match_kind="any", reply="ACK {n}"),
    ]
    first = ReplyRules(rules, "first")
    first.validate()
    assert first.replies(b"PING", "chunk") == [(b"PONG 1", 0.0)]
    assert first.replies(b"hi", "chunk") == [(b"ACK 1", 0.0)]
    assert first.counts() == [1, 0, 1]
    every = ReplyRules(rules, "all")
    assert every.replies(b"PING", "chunk") == [(b"PONG 1", 0.0), (b"ACK 1", 0.0)]
    assert every.replies(b"PING 2", "chunk") == [(b"PONG 2", 0.0), (b"ACK 2", 0.0)]
    assert every.counts() == [2, 0, 2]


def test_sources_and_delays() -> None:
    rules = ReplyRules(
        [
            ReplyRule(source="message", match_kind="any", reply="M", delay_ms=250),
            ReplyRule(source="chunk", match_kind="any", reply="C"),
        ],
        "all",
    )
    rules.validate()
    assert rules.wants_messages
    assert rules.replies(b"x", "chunk") == [(b"C", 0.0)]
    assert rules.replies(b"x", "message") == [(b"M", 0.25)]


@pytest.mark.parametrize(
    ("rule", "field", "message"),
    [
        (ReplyRule(match_kind="exact"), "match", r"^rule 1: nothing to match: "),
        (ReplyRule(match_kind="regex", match=r"(a)\1"), "match",
         r"^rule 1: unsupported in auto-reply regular expressions: backreferences"),
        (ReplyRule(match_kind="regex", match="("), "match",
         r"^rule 1: invalid regular expression: missing \), unterminated subpattern"),
        (ReplyRule(match_kind="hex", match="01 ?x"), "match",
         r"^rule 1: not a hex pattern at position 4: '\?' \(use hex bytes"),
        (ReplyRule(reply=""), "reply", r"^rule 1: the reply is empty"),
        (ReplyRule(reply="{random:0}"), "reply",
         r"^rule 1: \{random:N\} needs a whole number N from 1 to 4294967296, not '0'$"),
        (ReplyRule(reply="{checksum:md5}"), "reply", r"^rule 1: \{checksum:NAME\}: unknown"),
        (ReplyRule(reply="{hex:0g}"), "reply", r"^rule 1: \{hex:\.\.\.\}: "),
        (ReplyRule(reply="zz", reply_format="hex"), "reply", r"^rule 1: "),
        (ReplyRule(delay_ms=60_001), "delay_ms", r"^rule 1: the delay must be 0 to 60000 ms$"),
        (ReplyRule(encoding="nope"), "encoding", r"^rule 1: unknown encoding 'nope'$"),
    ],
)  # fmt: skip
def test_invalid_rules_name_the_rule_and_field(rule: ReplyRule, field: str, message: str) -> None:
    with pytest.raises(RuleError, match=message) as info:
        ReplyRules([ReplyRule(), rule][1:]).validate()
    assert info.value.field == field
    assert info.value.index == 0


def test_from_dict_checks_types_and_keys() -> None:
    with pytest.raises(RuleError, match=r"^rule 2: unknown rule setting 'colour'$"):
        ReplyRules.from_dict({"rules": [{}, {"colour": 1}]})
    with pytest.raises(RuleError, match=r"^rule 1: rule setting delay_ms must be a whole number"):
        ReplyRules.from_dict({"rules": [{"delay_ms": "5"}]})
    with pytest.raises(RuleError, match=r"^rule 1: unknown match kind 'glob'; use any, exact"):
        ReplyRules.from_dict({"rules": [{"match_kind": "glob"}]})
    with pytest.raises(RuleError, match=r"^unknown rule mode 'some'; use first or all$"):
        ReplyRules.from_dict({"mode": "some", "rules": []}).validate()


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    rules = ReplyRules(
        [ReplyRule(name="a", match_kind="hex", match="01 ??", reply="{1}", delay_ms=5)], "all"
    )
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules.to_dict()), encoding="utf-8")
    loaded = load_rules_file(str(path))
    assert (loaded.rules, loaded.mode) == (rules.rules, "all")
    path.write_bytes(b"[")
    with pytest.raises(RuleError, match=r"rules\.json is not a JSON rules file: "):
        load_rules_file(str(path))
    with pytest.raises(RuleError, match=r"^cannot read .*missing\.json: "):
        load_rules_file(str(tmp_path / "missing.json"))


def test_modbus_crc_reference() -> None:
    assert modbus_crc(bytes.fromhex("010300000001")) == bytes.fromhex("840a")


def test_hex_pattern_is_an_anchored_expression() -> None:
    assert hex_pattern("01 ?? 0x03,*") == rb"\A\x01((?s:.))\x03((?s:.*))\Z"


def test_hostile_patterns_stay_linear() -> None:
    """Patterns that make a backtracking engine take minutes: bounded here.

    ``(a+)+$`` on 30 ``a`` and a ``!`` takes Python's re over a minute; on RE2 one pass.
    """
    rules = ReplyRules(
        [
            ReplyRule(match_kind="regex", match=r"(a+)+$", reply="r"),
            ReplyRule(match_kind="regex", match=r"(x|x)*y", reply="r"),
            ReplyRule(match_kind="hex", match="* 61 * 62 * 63", reply="h"),
        ],
        "all",
    )
    rules.validate()
    data = b"a" * 30_000 + b"!"
    start = time.monotonic()
    for _ in range(20):
        assert rules.replies(data, "chunk") == []
        assert rules.replies(b"x" * 30_000, "chunk") == []
    assert time.monotonic() - start < 2.0
    assert re.compile(rb"(a+)+$")  # the same pattern is valid Python: only the engine differs


def test_carry_counts_matches_rules_by_content_and_each_old_rule_once():
    a = ReplyRule(match_kind="exact", match="a", reply="1")
    b = ReplyRule(match_kind="exact", match="b", reply="2")
    old = ReplyRules([a, b, a])
    old.validate()
    for data in (b"a", b"b", b"b"):
        old.replies(data, "chunk", NOON)
    assert old.counts() == [1, 2, 0]  # first-match: the second "a" never fires
    # Same place wins; a copy takes the other equal rule's count; a new rule starts at 0.
    new = ReplyRules([a, ReplyRule(match_kind="exact", match="c"), b, a, a])
    new.carry_counts(old)
    assert new.counts() == [1, 0, 2, 0, 0]
    assert ReplyRules([]).counts() == []
