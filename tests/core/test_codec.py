"""Tests for netassistant.core.codec."""

from __future__ import annotations

import ast
import codecs
import re
import shutil
import subprocess
import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netassistant.core.codec import (
    ENCODINGS,
    FORMATS,
    EncodeError,
    EscapeError,
    HexError,
    decode_segments,
    decode_text,
    encode_text,
    escape,
    escape_text,
    format_as,
    format_hex,
    hexdump,
    parse_hex,
    printable_ascii,
    to_c_array,
    to_python_bytes,
    unescape,
)

HELLO_WORLD_ZH = "你好，世界"
HELLO_WORLD_ZH_GBK = bytes.fromhex("c4e3 bac3 a3ac cac0 bde7")

# 33 bytes: two full hexdump lines and one byte on a third.
DUMP_DATA = b"Hello\n\x00\xff" + bytes(range(1, 26))
DUMP_33 = (
    "00000000  48 65 6c 6c 6f 0a 00 ff  01 02 03 04 05 06 07 08  |Hello...........|\n"
    "00000010  09 0a 0b 0c 0d 0e 0f 10  11 12 13 14 15 16 17 18  |................|\n"
    "00000020  19                                                |.|"
)


class TestParseHex:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("01 02 0a", b"\x01\x02\x0a"),
            ("01020A", b"\x01\x02\x0a"),
            ("0x01,0x02", b"\x01\x02"),
            ("0x0102", b"\x01\x02"),
            ("0X01 0Xff", b"\x01\xff"),
            ("aB Cd", b"\xab\xcd"),
            ("01;02; 03", b"\x01\x02\x03"),
            ("0x01, 0x02, 0x03", b"\x01\x02\x03"),
            ("\t01\n02\r\n03  04\t", b"\x01\x02\x03\x04"),
            ("0102 03,,;;04", b"\x01\x02\x03\x04"),
            ("", b""),
            ("   \t\n ", b""),
            (" , ; ", b""),
        ],
    )
    def test_accepted_forms(self, text: str, expected: bytes) -> None:
        assert parse_hex(text) == expected

    @pytest.mark.parametrize(
        ("text", "message", "position"),
        [
            ("0123g5", "invalid hex character 'g' at position 4", 4),
            ("01 02 zz", "invalid hex character 'z' at position 6", 6),
            ("01:02", "invalid hex character ':' at position 2", 2),
            ("0x0x01", "invalid hex character 'x' at position 3", 3),
            ("0xg1", "invalid hex character 'g' at position 2", 2),
            ("x01", "invalid hex character 'x' at position 0", 0),
            ("01，02", "invalid hex character '，' at position 2", 2),
            # An invisible character is named by code point, not quoted as ''.
            ("01\u200b02", "invalid hex character U+200B at position 2", 2),
            ("01 0a1", "odd number of hex digits in '0a1' at position 3", 3),
            ("0", "odd number of hex digits in '0' at position 0", 0),
            ("01, 0x123", "odd number of hex digits in '0x123' at position 4", 4),
            ("01 0x", "empty '0x' prefix at position 3", 3),
            ("0X", "empty '0X' prefix at position 0", 0),
            ("0x01,0x,0x02", "empty '0x' prefix at position 5", 5),
        ],
    )
    def test_errors_say_what_and_where(self, text: str, message: str, position: int) -> None:
        with pytest.raises(HexError, match=re.escape(message)) as excinfo:
            parse_hex(text)
        assert str(excinfo.value) == message
        assert excinfo.value.position == position

    def test_first_problem_in_reading_order_wins(self) -> None:
        with pytest.raises(HexError, match="odd number") as excinfo:
            parse_hex("01 abc zz")
        assert excinfo.value.position == 3

    def test_hex_error_is_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="invalid hex character"):
            parse_hex("q")

    @given(
        data=st.binary(max_size=300),
        sep=st.sampled_from([" ", "", ",", ";", "\n", ", ", " ; ", "\t"]),
        upper=st.booleans(),
    )
    def test_parses_what_format_hex_writes(self, data: bytes, sep: str, upper: bool) -> None:
        assert parse_hex(format_hex(data, sep=sep, upper=upper)) == data


class TestFormatHex:
    @pytest.mark.parametrize(
        ("sep", "upper", "expected"),
        [
            (" ", True, "01 02 0A FF"),
            (" ", False, "01 02 0a ff"),
            ("", True, "01020AFF"),
            (":", True, "01:02:0A:FF"),
            (", 0x", False, "01, 0x02, 0x0a, 0xff"),
        ],
    )
    def test_formats(self, sep: str, upper: bool, expected: str) -> None:
        assert format_hex(b"\x01\x02\x0a\xff", sep=sep, upper=upper) == expected

    def test_defaults(self) -> None:
        assert format_hex(b"\x01\x02\x0a\xff") == "01 02 0A FF"

    def test_empty(self) -> None:
        assert format_hex(b"") == ""

    @pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
    @pytest.mark.parametrize(
        ("sep", "expected"), [(" ", "0A FF"), ("-", "0A-FF"), ("::", "0A::FF")]
    )
    def test_any_bytes_like_data(self, kind: type, sep: str, expected: str) -> None:
        # The table cells' hex comes from here too, so there is one formatter for all.
        assert format_hex(kind(b"\x0a\xff"), sep) == expected


class TestEncodeText:
    def test_plain_text(self) -> None:
        assert encode_text("Hello") == b"Hello"

    def test_backslashes_are_literal_without_escapes(self) -> None:
        assert encode_text(r"a\r\x41\q") == b"a\\r\\x41\\q"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (r"\r", b"\r"),
            (r"\n", b"\n"),
            (r"\t", b"\t"),
            (r"\0", b"\x00"),
            (r"\\", b"\\"),
            (r"\x41", b"A"),
            (r"\x0d\x0A", b"\r\n"),
            (r"\xff", b"\xff"),
            (r"AT\r\n", b"AT\r\n"),
            (r"\\n", b"\\n"),
            (r"a\\\\b", b"a\\\\b"),
        ],
    )
    def test_each_escape(self, text: str, expected: bytes) -> None:
        assert encode_text(text, escapes=True) == expected

    def test_hex_escape_is_a_raw_byte_not_a_character(self) -> None:
        # In UTF-8, U+00FF would be two bytes; \xff must stay the single byte 0xFF.
        assert encode_text(r"\xff", "utf-8", escapes=True) == b"\xff"

    def test_hex_escapes_between_gbk_text(self) -> None:
        text = HELLO_WORLD_ZH + r"\x0d\x0a" + HELLO_WORLD_ZH + r"\xAA\r\n"
        expected = HELLO_WORLD_ZH_GBK + b"\r\n" + HELLO_WORLD_ZH_GBK + b"\xaa\r\n"
        assert encode_text(text, "gbk", escapes=True) == expected

    def test_raw_bytes_do_not_restart_a_stateful_encoding(self) -> None:
        # One BOM for the whole message, not one per piece around the raw byte.
        assert encode_text(r"a\x00b", "utf-16", escapes=True) == b"\xff\xfea\x00\x00b\x00"

    @pytest.mark.parametrize(
        ("text", "message", "position"),
        [
            ("abcd\\q", "bad escape '\\q' at position 4; use \\r \\n \\t \\0 \\xNN or \\\\", 4),
            ("\\X41", "bad escape '\\X' at position 0; use \\r \\n \\t \\0 \\xNN or \\\\", 0),
            (
                "a\\\nb",
                "bad escape '\\' before U+000A at position 1; use \\r \\n \\t \\0 \\xNN or \\\\",
                1,
            ),
            (
                "abcdefg\\x0",
                "incomplete \\x escape at position 7; write two hex digits, like \\x0d",
                7,
            ),
            ("\\x", "incomplete \\x escape at position 0; write two hex digits, like \\x0d", 0),
            ("ab\\x0g", "incomplete \\x escape at position 2; write two hex digits, like \\x0d", 2),
            ("ab\\xg0", "incomplete \\x escape at position 2; write two hex digits, like \\x0d", 2),
            ("abc\\", "lone '\\' at end of text at position 3; write \\\\ for a backslash", 3),
            ("\\\\\\", "lone '\\' at end of text at position 2; write \\\\ for a backslash", 2),
        ],
    )
    def test_bad_escapes(self, text: str, message: str, position: int) -> None:
        with pytest.raises(EscapeError, match=re.escape(message)) as excinfo:
            encode_text(text, escapes=True)
        assert str(excinfo.value) == message
        assert excinfo.value.position == position

    def test_unencodable_character(self) -> None:
        with pytest.raises(EncodeError, match=r"^character '€' at position 3") as excinfo:
            encode_text("abc€", "gbk")
        assert str(excinfo.value) == "character '€' at position 3 cannot be encoded as gbk"
        assert excinfo.value.position == 3

    def test_unencodable_position_counts_escapes_as_typed(self) -> None:
        with pytest.raises(EncodeError, match=r"^character 'é' at position 8") as excinfo:
            encode_text(r"\x41\r\né", "ascii", escapes=True)
        assert str(excinfo.value) == "character 'é' at position 8 cannot be encoded as ascii"
        assert excinfo.value.position == 8

    def test_unencodable_invisible_character_is_named_by_code_point(self) -> None:
        with pytest.raises(EncodeError, match=r"^character U\+200B at position 1 cannot"):
            encode_text("a\u200b", "latin-1")

    def test_unknown_encoding_is_a_lookup_error(self) -> None:
        with pytest.raises(LookupError, match="no-such-encoding"):
            encode_text("a", "no-such-encoding")

    @pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
    def test_chinese_round_trip(self, encoding: str) -> None:
        data = encode_text(HELLO_WORLD_ZH, encoding)
        assert data == HELLO_WORLD_ZH_GBK
        assert decode_text(data, encoding) == HELLO_WORLD_ZH

    def test_gb18030_encodes_what_gbk_cannot(self) -> None:
        assert encode_text("€", "gb18030") == b"\xa2\xe3"
        assert decode_text(b"\xa2\xe3", "gb18030") == "€"

    @given(text=st.text(max_size=200), encoding=st.sampled_from(["utf-8", "gb18030"]))
    def test_round_trip(self, text: str, encoding: str) -> None:
        assert decode_text(encode_text(text, encoding), encoding) == text

    @given(text=st.text(max_size=200))
    def test_doubled_backslashes_round_trip_with_escapes(self, text: str) -> None:
        assert encode_text(text.replace("\\", "\\\\"), escapes=True) == text.encode()


class TestEscapes:
    """escape()/unescape()/escape_text(): the one home of the escape syntax."""

    @pytest.mark.parametrize(
        ("data", "text"),
        [
            (b"\r\n", r"\r\n"),
            (b"\t|\\", r"\t|\\"),
            (b"\x00", r"\x00"),
            (b"END\x01", r"END\x01"),
            (b"\x7f\x80\xff", r"\x7f\x80\xff"),
            (b"a b", "a b"),
            (b" a ", r"\x20a\x20"),
            (b" ", r"\x20"),
            ("。".encode(), r"\xe3\x80\x82"),
            (b"", ""),
        ],
    )
    def test_escape_writes_printable_ascii(self, data: bytes, text: str) -> None:
        assert escape(data) == text
        assert unescape(text) == data

    @given(st.binary(max_size=64))
    def test_escape_round_trips_and_survives_trimming(self, data: bytes) -> None:
        text = escape(data)
        assert text.isascii()
        assert text.isprintable() or not text
        assert text == text.strip()
        assert unescape(text) == data

    def test_unescape_reads_other_characters_as_utf8(self) -> None:
        assert unescape("你好\\r\\n") == "你好\r\n".encode()
        # surrogateescape: an argv byte that was not valid in the locale comes back raw.
        assert unescape("a\udcffb") == b"a\xffb"

    @pytest.mark.parametrize("text", ["abcd\\q", "\\x4", "ab\\x0g", "abc\\", "a\\\nb"])
    def test_unescape_errors_are_the_send_box_errors(self, text: str) -> None:
        # One wording and one position, whoever reads the escapes.
        with pytest.raises(EscapeError, match="at position") as expected:
            encode_text(text, escapes=True)
        with pytest.raises(EscapeError, match="at position") as got:
            unescape(text)
        assert str(got.value) == str(expected.value)
        assert got.value.position == expected.value.position

    def test_unescape_names_an_unencodable_character(self) -> None:
        with pytest.raises(EncodeError, match=r"^character U\+D800 at position 2 cannot") as info:
            unescape("\\n\ud800")
        assert info.value.position == 2

    def test_escape_text_keeps_what_is_asked_and_other_scripts(self) -> None:
        text = "中\r\n\t\\\x00\x01\x7f\x85"
        assert escape_text(text) == "中\\r\\n\\t\\\\\\0\\x01\\x7f\x85"
        assert escape_text(text, keep="\n\t") == "中\\r\n\t\\\\\\0\\x01\\x7f\x85"

    @given(
        text=st.text(st.characters(codec="gb18030"), max_size=80),
        encoding=st.sampled_from(["utf-8", "gbk", "gb18030"]),
    )
    def test_escape_text_round_trips_through_encode_text(self, text: str, encoding: str) -> None:
        try:
            plain = encode_text(text, encoding)
        except EncodeError:
            return
        assert encode_text(escape_text(text), encoding, escapes=True) == plain
        assert encode_text(escape_text(text, keep="\n\t"), encoding, escapes=True) == plain


class TestDecodeText:
    def test_invalid_utf8_shows_hex_escapes(self) -> None:
        assert decode_text(b"ok\xff\xfe!") == "ok\\xff\\xfe!"

    def test_truncated_sequence(self) -> None:
        assert decode_text("é".encode()[:1] + b"a") == "\\xc3a"

    def test_latin1_decodes_everything(self) -> None:
        assert decode_text(bytes([0xE9, 0xFF]), "latin-1") == "éÿ"

    def test_unknown_encoding_is_a_lookup_error(self) -> None:
        with pytest.raises(LookupError, match="no-such-encoding"):
            decode_text(b"a", "no-such-encoding")

    @given(data=st.binary(max_size=200), encoding=st.sampled_from(ENCODINGS))
    def test_never_raises(self, data: bytes, encoding: str) -> None:
        assert isinstance(decode_text(data, encoding), str)


def _escape_controls(text: str) -> str:
    """The rendering decode_segments promises: control characters escaped."""
    names = {"\r": "\\r", "\n": "\\n", "\t": "\\t", "\0": "\\0"}
    return "".join(
        names.get(ch, f"\\x{ord(ch):02x}") if unicodedata.category(ch) == "Cc" else ch
        for ch in text
    )


class TestDecodeSegments:
    def test_marks_control_characters(self) -> None:
        assert decode_segments(b"AT\r\nOK\t\x00\x01\x1b\x7f end") == [
            ("AT", False),
            ("\\r\\n", True),
            ("OK", False),
            ("\\t\\0\\x01\\x1b\\x7f", True),
            (" end", False),
        ]

    def test_undecodable_bytes_show_their_raw_value(self) -> None:
        assert decode_segments(b"a\xff\xfe\nb") == [
            ("a", False),
            ("\\xff\\xfe\\n", True),
            ("b", False),
        ]

    def test_literal_backslashes_are_not_special(self) -> None:
        assert decode_segments(b"\\x41\x00") == [("\\x41", False), ("\\0", True)]

    def test_c1_control_from_latin1_is_special(self) -> None:
        assert decode_segments(b"\x85\xe9", "latin-1") == [("\\x85", True), ("é", False)]

    def test_gbk_text_and_invalid_lead_byte(self) -> None:
        assert decode_segments(HELLO_WORLD_ZH_GBK + b"\r\n\xff", "gbk") == [
            (HELLO_WORLD_ZH, False),
            ("\\r\\n\\xff", True),
        ]

    def test_undecodable_byte_below_0x80(self) -> None:
        # An odd trailing byte in UTF-16 is undecodable even though it is ASCII.
        assert decode_segments(b"a\x00A", "utf-16-le") == [("a", False), ("\\x41", True)]

    def test_empty(self) -> None:
        assert decode_segments(b"") == []

    def test_printable_text_is_one_run(self) -> None:
        assert decode_segments(b"hello") == [("hello", False)]

    def test_unprintable_characters_that_are_not_controls_stay_ordinary(self) -> None:
        # No-break space, line separator, a private-use character: not printable, not Cc.
        text = "a\u00a0b\u2028c\ue000"
        assert decode_segments(text.encode()) == [(text, False)]
        assert decode_segments((text + "\r").encode()) == [(text, False), ("\\r", True)]

    @given(data=st.binary(max_size=200), encoding=st.sampled_from(ENCODINGS))
    def test_joined_text_is_decode_text_with_controls_escaped(
        self, data: bytes, encoding: str
    ) -> None:
        segments = decode_segments(data, encoding)
        assert "".join(text for text, _ in segments) == _escape_controls(
            decode_text(data, encoding)
        )
        assert all(text for text, _ in segments)
        kinds = [special for _, special in segments]
        assert all(a != b for a, b in pairwise(kinds))
        for text, special in segments:
            if not special:
                assert all(unicodedata.category(ch) != "Cc" for ch in text)


class TestHexdump:
    def test_exact_multi_line(self) -> None:
        assert hexdump(DUMP_DATA) == DUMP_33

    def test_empty(self) -> None:
        assert hexdump(b"") == ""

    @pytest.mark.parametrize("size", range(34))
    def test_prefix_of_the_exact_dump(self, size: int) -> None:
        full_lines = DUMP_33.split("\n")
        lines = hexdump(DUMP_DATA[:size]).split("\n") if size else []
        assert len(lines) == (size + 15) // 16
        for index, line in enumerate(lines):
            count = min(16, size - 16 * index)
            # Hex column: "xx " per byte plus the extra space after the 8th byte.
            hex_end = 10 + 3 * count - 1 + (count > 8)
            ascii_part = full_lines[index][61 : 61 + count]
            assert line[:hex_end] == full_lines[index][:hex_end]
            assert line[hex_end:60] == " " * (60 - hex_end)
            assert line[60:] == f"|{ascii_part}|"

    def test_other_width(self) -> None:
        assert hexdump(DUMP_DATA[:19], width=8) == (
            "00000000  48 65 6c 6c 6f 0a 00 ff  |Hello...|\n"
            "00000008  01 02 03 04 05 06 07 08  |........|\n"
            "00000010  09 0a 0b                 |...|"
        )

    def test_wide_line_groups_by_eight(self) -> None:
        assert hexdump(bytes(range(0x41, 0x53)), width=18) == (
            "00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  51 52"
            "  |ABCDEFGHIJKLMNOPQR|"
        )

    def test_bad_width(self) -> None:
        with pytest.raises(ValueError, match="hexdump width must be at least 1, not 0"):
            hexdump(b"a", width=0)

    @pytest.mark.skipif(shutil.which("hexdump") is None, reason="needs the hexdump tool")
    @pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 15, 16, 17, 33, 100])
    def test_matches_hexdump_tool(self, size: int) -> None:
        data = (DUMP_DATA * 4)[:size]
        tool = subprocess.run(["hexdump", "-Cv"], input=data, capture_output=True, check=True)
        # The tool ends with the total length on a line of its own; we leave that out.
        expected = tool.stdout.decode("ascii").splitlines()[:-1]
        assert hexdump(data).splitlines() == expected


class TestCArray:
    def test_three_bytes(self) -> None:
        assert to_c_array(b"\x01\x02\x0a") == "unsigned char data[3] = {\n    0x01, 0x02, 0x0a\n};"

    def test_twelve_per_line(self) -> None:
        assert to_c_array(bytes(range(25)), "frame") == (
            "unsigned char frame[25] = {\n"
            "    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,\n"
            "    0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,\n"
            "    0x18\n"
            "};"
        )

    def test_exactly_twelve(self) -> None:
        assert to_c_array(b"\xff" * 12) == (
            "unsigned char data[12] = {\n    " + ", ".join(["0xff"] * 12) + "\n};"
        )

    def test_empty(self) -> None:
        assert to_c_array(b"") == "unsigned char data[0] = {};"

    @pytest.mark.parametrize("name", ["", "1abc", "a-b", "a b", "données"])
    def test_name_must_be_a_c_identifier(self, name: str) -> None:
        with pytest.raises(ValueError, match="is not a C identifier"):
            to_c_array(b"\x01", name)


class TestPythonBytes:
    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            (b"", "b''"),
            (b"AT\r\n", "b'AT\\r\\n'"),
            (b"\x00\xff'", 'b"\\x00\\xff\'"'),
        ],
    )
    def test_literal(self, data: bytes, expected: str) -> None:
        assert to_python_bytes(data) == expected

    def test_eval(self) -> None:
        data = bytes(range(256))
        assert eval(to_python_bytes(data), {"__builtins__": {}}) == data

    @given(data=st.binary(max_size=300))
    def test_literal_round_trip(self, data: bytes) -> None:
        assert ast.literal_eval(to_python_bytes(data)) == data


class TestFormatAs:
    def test_format_names_in_gui_order(self) -> None:
        assert FORMATS == ("hex", "text", "hexdump", "c", "python")

    @pytest.mark.parametrize(
        ("fmt", "expected"),
        [
            ("hex", "41 0A FF"),
            ("text", "A\n\\xff"),
            ("hexdump", "00000000  41 0a ff" + " " * 42 + "|A..|"),
            ("c", "unsigned char data[3] = {\n    0x41, 0x0a, 0xff\n};"),
            ("python", "b'A\\n\\xff'"),
        ],
    )
    def test_each_format(self, fmt: str, expected: str) -> None:
        assert format_as(b"A\n\xff", fmt) == expected

    def test_unknown_format(self) -> None:
        with pytest.raises(
            ValueError,
            match=r"^unknown format 'xml'; choose one of: hex, text, hexdump, c, python$",
        ):
            format_as(b"", "xml")


def test_printable_ascii() -> None:
    assert printable_ascii(b"Hi \x00\x1f\x7f\x80\xff~") == "Hi .....~"
    assert printable_ascii(b"") == ""


def test_encodings_in_gui_order_and_known_to_python() -> None:
    assert ENCODINGS == ("utf-8", "gbk", "gb18030", "big5", "latin-1", "ascii")
    for name in ENCODINGS:
        codecs.lookup(name)
