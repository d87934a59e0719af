"""Tests for netassistant.core.framing.spec: FrameSpec and its spec strings."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netassistant.core.framing import (
    DEFAULT_MAX_LENGTH,
    LARGEST_MAX_LENGTH,
    FrameSpec,
    FramingError,
    format_frame_spec,
    parse_frame_spec,
)

FIXED_RANGE = "fixed length must be a whole number of bytes from 1 to 1048576"
MAX_RANGE = "max must be a whole number of bytes from 1 to 1073741824"

# --- spec strings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec", "canonical"),
    [
        ("", None, ""),
        ("none", None, ""),
        (" None ", None, ""),
        ("delimiter:\\n", FrameSpec("delimiter", delimiter=b"\n"), "delimiter:\\n"),
        ("delimiter:\\r\\n", FrameSpec("delimiter", delimiter=b"\r\n"), "delimiter:\\r\\n"),
        ("delimiter:;", FrameSpec("delimiter", delimiter=b";"), "delimiter:;"),
        ("delimiter:\\x00", FrameSpec("delimiter", delimiter=b"\0"), "delimiter:\\x00"),
        ("delimiter:\\0", FrameSpec("delimiter", delimiter=b"\0"), "delimiter:\\x00"),
        ("delimiter:END\\x01", FrameSpec("delimiter", delimiter=b"END\x01"), "delimiter:END\\x01"),
        ("delimiter:\\t|\\\\", FrameSpec("delimiter", delimiter=b"\t|\\"), "delimiter:\\t|\\\\"),
        (
            "delimiter:\\xFF\\xfe",
            FrameSpec("delimiter", delimiter=b"\xff\xfe"),
            "delimiter:\\xff\\xfe",
        ),
        ("delimiter::", FrameSpec("delimiter", delimiter=b":"), "delimiter::"),
        ("delimiter:a b", FrameSpec("delimiter", delimiter=b"a b"), "delimiter:a b"),
        ("delimiter: ", FrameSpec("delimiter", delimiter=b" "), "delimiter:\\x20"),
        (
            "delimiter:。",
            FrameSpec("delimiter", delimiter="。".encode()),
            "delimiter:\\xe3\\x80\\x82",
        ),
        ("Delimiter:END", FrameSpec("delimiter", delimiter=b"END"), "delimiter:END"),
        ("delimiter-hex:0d0a", FrameSpec("delimiter", delimiter=b"\r\n"), "delimiter:\\r\\n"),
        ("delimiter-hex:0D 0A", FrameSpec("delimiter", delimiter=b"\r\n"), "delimiter:\\r\\n"),
        (
            "delimiter-hex:0a:keep",
            FrameSpec("delimiter", delimiter=b"\n", keep_delimiter=True),
            "delimiter-hex:0a:keep",
        ),
        (
            "delimiter-hex:0d0a:max=64:keep",
            FrameSpec("delimiter", delimiter=b"\r\n", keep_delimiter=True, max_length=64),
            "delimiter-hex:0d0a:keep:max=64",
        ),
        ("fixed:16", FrameSpec("fixed", size=16), "fixed:16"),
        ("fixed: 1 ", FrameSpec("fixed", size=1), "fixed:1"),
        ("fixed:1048576", FrameSpec("fixed", size=1048576), "fixed:1048576"),
        ("length:!I", FrameSpec("length", fmt="!I"), "length:!I"),
        ("length:>I", FrameSpec("length", fmt=">I"), "length:>I"),
        ("length:B", FrameSpec("length", fmt="B"), "length:B"),
        ("length:<Q", FrameSpec("length", fmt="<Q"), "length:<Q"),
        ("length:i", FrameSpec("length", fmt="i"), "length:i"),
        (
            "length:<H:incl",
            FrameSpec("length", fmt="<H", header_counted=True),
            "length:<H:incl",
        ),
        (
            "length:!I:max=4096",
            FrameSpec("length", fmt="!I", max_length=4096),
            "length:!I:max=4096",
        ),
        (
            "length:B:incl:max=200",
            FrameSpec("length", fmt="B", header_counted=True, max_length=200),
            "length:B:incl:max=200",
        ),
        (
            "length:B:max=200:INCL",
            FrameSpec("length", fmt="B", header_counted=True, max_length=200),
            "length:B:incl:max=200",
        ),
        (
            f"length:!H:max={DEFAULT_MAX_LENGTH}",
            FrameSpec("length", fmt="!H"),
            "length:!H",
        ),
    ],
)
def test_parse_and_format_round_trip(text: str, spec: FrameSpec | None, canonical: str) -> None:
    assert parse_frame_spec(text) == spec
    assert format_frame_spec(spec) == canonical
    assert parse_frame_spec(canonical) == spec


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("foo", "unknown framing 'foo'; use delimiter:..., fixed:N or length:FMT"),
        ("foo:bar", "unknown framing 'foo'; use delimiter:..., fixed:N or length:FMT"),
        ("delimiter:", "empty delimiter"),
        ("delimiter", "empty delimiter"),
        ("delimiter-hex:", "empty delimiter"),
        (
            "delimiter-hex:0g",
            "'0g' is not valid hex for a delimiter (two digits per byte, e.g. 0d0a)",
        ),
        (
            "delimiter-hex:0d0a:incl",
            "unknown option 'incl' for delimiter-hex framing; use keep or max=N",
        ),
        # The codec's one wording for escapes, with the position inside the delimiter.
        (
            "delimiter:\\q",
            "delimiter: bad escape '\\q' at position 0; use \\r \\n \\t \\0 \\xNN or \\\\",
        ),
        (
            "delimiter:ab\\",
            "delimiter: lone '\\' at end of text at position 2; write \\\\ for a backslash",
        ),
        (
            "delimiter:\\x4",
            "delimiter: incomplete \\x escape at position 0; write two hex digits, like \\x0d",
        ),
        (
            "delimiter:;\\xg0",
            "delimiter: incomplete \\x escape at position 1; write two hex digits, like \\x0d",
        ),
        (
            "delimiter:\ud800",
            "delimiter: character U+D800 at position 0 cannot be encoded as utf-8",
        ),
        ("fixed:0", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:1048577", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:-4", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:2.5", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:16:incl", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("length:", "length framing needs a struct format, e.g. length:!I or length:<H"),
        ("length:!II", "'!II' is not a single integer struct format (try !I, <H or B)"),
        ("length:f", "'f' is not a single integer struct format (try !I, <H or B)"),
        ("length:5s", "'5s' is not a single integer struct format (try !I, <H or B)"),
        ("length:2H", "'2H' is not a single integer struct format (try !I, <H or B)"),
        ("length:?", "'?' is not a single integer struct format (try !I, <H or B)"),
        ("length:!N", "'!N' is not a single integer struct format (try !I, <H or B)"),
        ("length:!I:foo", "unknown option 'foo' for length framing; use incl or max=N"),
        ("length:!I:max=0", f"{MAX_RANGE} (got '0')"),
        ("length:!I:max=x", f"{MAX_RANGE} (got 'x')"),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(FramingError, match=re.escape(message)) as excinfo:
        parse_frame_spec(text)
    assert str(excinfo.value) == message


def test_framing_error_is_a_value_error() -> None:
    assert issubclass(FramingError, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "bogus"}, "unknown framing 'bogus'; use delimiter:..., fixed:N or length:FMT"),
        ({"kind": "delimiter"}, "empty delimiter"),
        (
            {"kind": "fixed", "size": True},
            "fixed length must be a whole number of bytes from 1 to 1048576",
        ),
        (
            {"kind": "length", "fmt": "!II"},
            "'!II' is not a single integer struct format (try !I, <H or B)",
        ),
        (
            {"kind": "length", "fmt": "!I", "max_length": 0},
            MAX_RANGE,
        ),
    ],
)
def test_frame_spec_validates_on_construction(kwargs: dict, message: str) -> None:
    with pytest.raises(FramingError, match=re.escape(message)) as excinfo:
        FrameSpec(**kwargs)
    assert str(excinfo.value) == message


@given(
    delimiter=st.binary(min_size=1, max_size=6),
    keep=st.booleans(),
    max_length=st.one_of(st.just(DEFAULT_MAX_LENGTH), st.integers(1, LARGEST_MAX_LENGTH)),
)
def test_delimiter_spec_round_trips(delimiter: bytes, keep: bool, max_length: int) -> None:
    spec = FrameSpec("delimiter", delimiter=delimiter, keep_delimiter=keep, max_length=max_length)
    text = format_frame_spec(spec)
    assert text.isascii()
    assert text.isprintable()
    assert text == text.strip()
    assert parse_frame_spec(text) == spec


@given(
    fmt=st.sampled_from(["!I", ">I", "<I", "=H", "@h", "B", "b", "!Q", "<q", "i", "N", "@n"]),
    counted=st.booleans(),
    max_length=st.one_of(st.just(DEFAULT_MAX_LENGTH), st.integers(1, LARGEST_MAX_LENGTH)),
)
def test_length_spec_round_trips(fmt: str, counted: bool, max_length: int) -> None:
    spec = FrameSpec("length", fmt=fmt, header_counted=counted, max_length=max_length)
    assert parse_frame_spec(format_frame_spec(spec)) == spec


def test_format_none_is_empty() -> None:
    assert format_frame_spec(None) == ""


# --- numbers are range-checked before use ----------------------------------------------------

# Each of these once reached int() or a decoder unchecked: 5000 digits made int() raise
# "Exceeds the limit (4300 digits)" as a traceback.
BAD_NUMBERS = [
    "0",
    "00",
    "-1",
    "-0",
    "+5",
    "",
    " ",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e6",
    "0x10",
    "1_000",
    "2.0",
    "1 000",
    "\u0661\u0662",  # Arabic-Indic digits: isdigit() but not ASCII
    "\uff11\uff16",  # full-width "16"
    "\u00b2",  # superscript two
    "9" * 21,
    "1" * 5000,
    "1" + "0" * 4999,
]


@pytest.mark.parametrize("number", BAD_NUMBERS, ids=lambda n: repr(n[:12]))
def test_fixed_size_out_of_range_or_not_a_number(number: str) -> None:
    with pytest.raises(FramingError, match=r"^fixed length must be .* from 1 to 1048576$") as info:
        parse_frame_spec(f"fixed:{number}")
    assert str(info.value) == FIXED_RANGE


@pytest.mark.parametrize("number", BAD_NUMBERS, ids=lambda n: repr(n[:12]))
@pytest.mark.parametrize("head", ["length:!I", "delimiter-hex:0a"])
def test_max_out_of_range_or_not_a_number(head: str, number: str) -> None:
    with pytest.raises(FramingError, match=r"^max must be .* from 1 to 1073741824 \(got ") as info:
        parse_frame_spec(f"{head}:max={number}")
    shown = number.strip().lower()
    shown = shown if len(shown) <= 24 else shown[:20] + "…"
    assert str(info.value) == f"{MAX_RANGE} (got {shown!r})"
    assert len(str(info.value)) < 120


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fixed:1048576", FrameSpec("fixed", size=1048576)),
        ("fixed:0001", FrameSpec("fixed", size=1)),
        ("fixed:" + "0" * 5000 + "7", FrameSpec("fixed", size=7)),
        ("length:!I:max=1073741824", FrameSpec("length", fmt="!I", max_length=1 << 30)),
        ("length:!I:max=1", FrameSpec("length", fmt="!I", max_length=1)),
        (
            "delimiter-hex:0a:max=1073741824",
            FrameSpec("delimiter", delimiter=b"\n", max_length=1 << 30),
        ),
    ],
)
def test_numbers_at_the_ends_of_the_range_are_accepted(text: str, expected: FrameSpec) -> None:
    assert parse_frame_spec(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fixed:1048577", FIXED_RANGE),
        ("length:!I:max=1073741825", f"{MAX_RANGE} (got '1073741825')"),
        ("delimiter-hex:0a:max=99999999999999999999", f"{MAX_RANGE} (got '99999999999999999999')"),
    ],
)
def test_numbers_just_past_the_range_are_refused(text: str, message: str) -> None:
    with pytest.raises(FramingError, match="whole number of bytes from 1 to") as info:
        parse_frame_spec(text)
    assert str(info.value) == message


@pytest.mark.parametrize("max_length", [0, -1, 1073741825, 2**64, True, 1.5, float("nan"), "5"])
def test_frame_spec_refuses_max_out_of_range(max_length: object) -> None:
    with pytest.raises(FramingError, match=f"^{MAX_RANGE}$"):
        FrameSpec("length", fmt="!I", max_length=max_length)  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [0, -1, 1048577, 2**64, True, 16.0, float("nan"), "16"])
def test_frame_spec_refuses_fixed_size_out_of_range(size: object) -> None:
    with pytest.raises(FramingError, match=f"^{FIXED_RANGE}$"):
        FrameSpec("fixed", size=size)  # type: ignore[arg-type]
