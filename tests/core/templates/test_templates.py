"""Packet templates: exact bytes of the built-ins, round trips, and refusals in words."""

from __future__ import annotations

import itertools
import json
import re
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netassistant.core.checksum import checksum_bytes
from netassistant.core.templates.builtin import (
    BUILTIN_TEMPLATES,
    LENGTH_TYPE_CRC,
    MODBUS_TCP_REQUEST,
    MODBUS_TCP_RESPONSE,
    STRUCT_HEADER,
)
from netassistant.core.templates.codec import ValueProblems, build, parse
from netassistant.core.templates.model import (
    FLOAT_KINDS,
    INT_KINDS,
    Field,
    Template,
    TemplateError,
    int_range,
)
from netassistant.core.templates.values import check_values, coerce


def exact(message: str) -> str:
    return "^" + re.escape(message) + "$"


# ------------------------------------------------------------------ built-ins, exact bytes
def test_modbus_read_holding_registers_request():
    assert build(MODBUS_TCP_REQUEST) == bytes.fromhex("00 01 00 00 00 06 01 03 00 00 00 0A")
    data = build(MODBUS_TCP_REQUEST, {"transaction": 0x1234, "unit": 17, "quantity": 2})
    assert data == bytes.fromhex("12 34 00 00 00 06 11 03 00 00 00 02")


def test_modbus_response_length_and_byte_count_follow_the_registers():
    assert build(MODBUS_TCP_RESPONSE) == bytes.fromhex("00 01 00 00 00 07 01 03 04 00 0a 00 14")
    data = build(MODBUS_TCP_RESPONSE, {"registers": "00 01 00 02 00 03"})
    assert data == bytes.fromhex("00 01 00 00 00 09 01 03 06 00 01 00 02 00 03")
    parsed = parse(MODBUS_TCP_RESPONSE, data)
    assert parsed.values["registers"] == "00 01 00 02 00 03"
    assert [(s.key, s.start, s.end) for s in parsed.spans][-2:] == [
        ("byte_count", 8, 9),
        ("registers", 9, 15),
    ]


def test_struct_header_is_struct_pack_i():
    payload = "dir 目录".encode()
    data = build(STRUCT_HEADER, {"payload": "dir 目录"})
    assert data == struct.pack("i", len(payload)) + payload
    assert parse(STRUCT_HEADER, data).values == {"length": len(payload), "payload": "dir 目录"}


def test_length_type_payload_crc16_frame():
    data = build(LENGTH_TYPE_CRC, {"type": "ack", "payload": "01 02 03"})
    body = bytes.fromhex("00 04 03 01 02 03")
    assert data == body + checksum_bytes("crc16-modbus", body, "little")
    parsed = parse(LENGTH_TYPE_CRC, data)
    assert parsed.spans[1].shown == "ack (3)"
    assert all(s.ok for s in parsed.spans)
    broken = parse(LENGTH_TYPE_CRC, data[:-1] + bytes([data[-1] ^ 1]))
    assert [s.key for s in broken.spans if not s.ok] == ["crc"]


def test_parse_reports_the_field_each_byte_belongs_to():
    parsed = parse(MODBUS_TCP_REQUEST, build(MODBUS_TCP_REQUEST))
    assert [parsed.key_at(i) for i in range(12)] == [
        "transaction", "transaction", "protocol", "protocol", "length", "length",
        "unit", "function", "address", "address", "quantity", "quantity",
    ]  # fmt: skip
    assert parsed.key_at(12) is None


def test_builtins_survive_json():
    for t in BUILTIN_TEMPLATES:
        assert Template.from_dict(json.loads(json.dumps(t.to_dict()))) == t


# ------------------------------------------------------------------ refusals in words
@pytest.mark.parametrize(
    ("values", "key", "message"),
    [
        ({"unit": 256}, "unit", "unit: 256 is out of range for u8 (0 .. 255)"),
        ({"unit": -1}, "unit", "unit: -1 is out of range for u8 (0 .. 255)"),
        ({"address": "x1"}, "address", "address: 'x1' is not a whole number"),
        (
            {"function": "read_all"},
            "function",
            "function: 'read_all' is not a whole number or one of read_coils, "
            "read_discrete_inputs, read_holding_registers, read_input_registers, "
            "write_single_coil, write_single_register, write_multiple_registers",
        ),
    ],
)
def test_bad_values_are_refused_with_words(values, key, message):
    assert check_values(MODBUS_TCP_REQUEST, values) == {key: message}
    with pytest.raises(ValueProblems, match=exact(message)) as caught:
        build(MODBUS_TCP_REQUEST, values)
    assert caught.value.problems == {key: message}


def test_more_refusals():
    crc = LENGTH_TYPE_CRC
    assert check_values(crc, {"payload": "4"}) == {
        "payload": "payload: odd number of hex digits in '4' at position 0"
    }
    fixed = Template("t", (Field("b", "bytes", size=2), Field("s", "string", size=2)))
    assert check_values(fixed, {"b": "01", "s": "abc"}) == {
        "b": "b: needs exactly 2 bytes, not 1",
        "s": "s: 3 bytes do not fit in its 2",
    }
    latin = Template("t", (Field("s", "string", encoding="ascii"),))
    assert check_values(latin, {"s": "中"}) == {"s": "s: '中' cannot be written in ascii"}
    flags = Template("t", (Field("f", "bits", bits=(("a", 3), ("b", 5))),))
    assert check_values(flags, {"f.a": 8}) == {"f.a": "f.a: 8 does not fit in 3 bits (0 .. 7)"}
    floats = Template("t", (Field("x", "f32"),))
    assert check_values(floats, {"x": "1e39"}) == {"x": "x: 1e39 is too large for a 32-bit float"}
    assert check_values(floats, {"x": "fast"}) == {"x": "x: 'fast' is not a number"}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ((), "a template needs at least one field"),
        ((Field("a", "u8"), Field("a", "u8")), "two fields are called 'a'"),
        (
            (Field("a", "u7"),),
            "field 'a': unknown kind 'u7'; choose one of u8, u16, u32, u64, "
            "i8, i16, i32, i64, f32, f64, bytes, string, bits, checksum",
        ),
        (
            (Field("a", "u8", endian="middle"),),
            "field 'a': the byte order must be big, little or native, not 'middle'",
        ),
        (
            (Field("a", "bits", bits=(("x", 3),)),),
            "field 'a': bit widths must add up to 8, 16, 24 ... 64 bits",
        ),
        (
            (Field("a", "checksum", algorithm="md5"),),
            "field 'a': unknown checksum 'md5'; choose one of crc16-ccitt-false, crc16-modbus, "
            "crc16-xmodem, crc32, crc8, sum16, sum8, xor8",
        ),
        (
            (Field("n", "u8", role="length", covers=("b", "")),),
            "field 'n' covers 'b', which is not a field",
        ),
        (
            (Field("a", "bytes"), Field("b", "string")),
            "field 'b': only one variable field can take the rest of the message; give it a size "
            "or a length field",
        ),
        (
            (Field("a", "string", size=-1),),
            "field 'a': the size must be 0 (variable) .. 65536 bytes, not -1",
        ),
        ((Field("a", "string", encoding="klingon"),), "field 'a': unknown encoding 'klingon'"),
        ((Field("a.b", "u8"),), "a field needs a name without dots, not 'a.b'"),
    ],
)
def test_bad_templates_are_refused_with_words(fields, message):
    with pytest.raises(TemplateError, match=exact(message)):
        Template("t", fields)


def test_short_messages_are_refused_with_words():
    with pytest.raises(
        TemplateError,
        match=exact(
            "the message ends inside field 'quantity': it needs 2 bytes at offset 10, 1 are left"
        ),
    ):
        parse(MODBUS_TCP_REQUEST, bytes.fromhex("00 01 00 00 00 06 01 03 00 00 00"))
    with pytest.raises(
        TemplateError,
        match=exact(
            "the message ends inside field 'payload': it needs 200 bytes at offset 4, 3 are left"
        ),
    ):
        parse(STRUCT_HEADER, struct.pack("i", 200) + b"abc")
    with pytest.raises(
        TemplateError, match=exact("length 'length' says 0, too short for the fields it covers")
    ):
        parse(LENGTH_TYPE_CRC, bytes.fromhex("00 00 02 aa bb"))


def test_unknown_json_keys_are_named():
    with pytest.raises(
        TemplateError,
        match=exact(
            "unknown field setting 'colour'; known: adjust, algorithm, bits, covers, default, "
            "encoding, endian, enum, kind, name, role, size"
        ),
    ):
        Template.from_dict({"name": "t", "fields": [{"name": "a", "kind": "u8", "colour": 1}]})


# ------------------------------------------------------------------ round trip property
ENDIAN = st.sampled_from(["big", "little", "native"])
NAMES = iter(range(10**9))


@st.composite
def fields_and_values(draw):
    fields: list[Field] = []
    values: dict = {}
    count = draw(st.integers(1, 8))
    variable_used = False
    for i in range(count):
        name = f"f{i}"
        kind = draw(st.sampled_from([*INT_KINDS, *FLOAT_KINDS, "bytes", "string", "bits"]))
        if kind in INT_KINDS:
            low, high = int_range(kind)
            names = draw(
                st.dictionaries(
                    st.sampled_from(["on", "off", "idle"]), st.integers(low, high), max_size=2
                )
            )
            fields.append(Field(name, kind, endian=draw(ENDIAN), enum=names))
            values[name] = draw(st.integers(low, high))
        elif kind in FLOAT_KINDS:
            fields.append(Field(name, kind, endian=draw(ENDIAN)))
            number = draw(st.floats(allow_nan=False, width=32 if kind == "f32" else 64))
            values[name] = number
        elif kind == "bits":
            widths = draw(st.lists(st.integers(1, 8), min_size=1, max_size=4))
            pad = (-sum(widths)) % 8
            if pad:
                widths.append(pad)
            bits = tuple((f"b{j}", w) for j, w in enumerate(widths))
            fields.append(Field(name, "bits", bits=bits))
            for sub, w in bits:
                values[f"{name}.{sub}"] = draw(st.integers(0, (1 << w) - 1))
        else:
            variable = not variable_used and draw(st.booleans())
            size = 0 if variable else draw(st.integers(1, 6))
            variable_used = variable_used or variable
            if kind == "bytes":
                data = draw(st.binary(min_size=size, max_size=size if size else 20))
                fields.append(Field(name, "bytes", size=size))
                values[name] = data.hex(" ")
            else:
                chars = st.characters(codec="utf-8", exclude_characters="\0")
                value = draw(
                    st.text(chars, max_size=size or 10).filter(
                        lambda s, n=size: not n or len(s.encode()) <= n
                    )
                )
                fields.append(Field(name, "string", size=size))
                values[name] = value
    if draw(st.booleans()):
        first = draw(st.integers(0, len(fields) - 1))
        last = draw(st.integers(first, len(fields) - 1))
        at = draw(st.integers(0, first))
        fields.insert(
            at,
            Field(
                "len",
                "u16",
                endian=draw(ENDIAN),
                role="length",
                covers=(fields[first].name, fields[last].name),
            ),
        )
    if draw(st.booleans()):
        fields.append(
            Field(
                "sum",
                "checksum",
                algorithm=draw(st.sampled_from(["crc16-modbus", "crc32", "xor8"])),
                endian=draw(ENDIAN),
            )
        )
    return Template("random", tuple(fields)), values


@settings(max_examples=300, deadline=None)
@given(fields_and_values())
def test_build_then_parse_gives_back_the_same_fields(case):
    template, values = case
    data = build(template, values)
    parsed = parse(template, data)
    assert parsed.extra == 0
    got = parsed.values
    for key, value in values.items():
        assert got[key] == value, key
    assert all(s.ok for s in parsed.spans)
    # The spans tile the message: every byte belongs to exactly one field.
    ends = sorted({(s.start, s.end) for s in parsed.spans})
    assert ends[0][0] == 0
    assert ends[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ends))
    assert Template.from_dict(json.loads(json.dumps(template.to_dict()))) == template
    assert build(template, got) == data


def test_coerce_accepts_enum_names_and_hex():
    f = MODBUS_TCP_REQUEST.field("function")
    assert coerce(f, "function", "read_coils") == 1
    assert coerce(f, "function", "0x10") == 16


def test_parse_stream_reads_a_sticky_chunk_message_by_message():
    from netassistant.core.templates.codec import parse_stream

    one = build(MODBUS_TCP_REQUEST)
    two = build(MODBUS_TCP_REQUEST, {"transaction": 2, "function": 4})
    parsed = parse_stream(MODBUS_TCP_REQUEST, one + two + b"\x00\x07")
    assert parsed.extra == 2
    assert [(s.key, s.start) for s in parsed.spans if s.key == "function"] == [
        ("function", 7),
        ("function", 19),
    ]
    assert parsed.key_at(12) == "transaction"
    assert [s.shown for s in parsed.spans if s.key == "function"] == [
        "read_holding_registers (3)",
        "read_input_registers (4)",
    ]
    assert parse_stream(MODBUS_TCP_REQUEST, one + two, limit=1).extra == 12
    with pytest.raises(TemplateError, match="the message ends inside field 'transaction'"):
        parse_stream(MODBUS_TCP_REQUEST, b"\x00")
