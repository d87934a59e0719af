"""Tests for netassistant.core.framing.spec: FrameSpec and its spec strings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netassistant.core.framing import (
    DEFAULT_MAX_LENGTH,
    FrameSpec,
    FramingError,
    format_frame_spec,
    parse_frame_spec,
)

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
        ("delimiter:\\q", "unknown escape '\\q' in delimiter; use \\r \\n \\t \\0 \\xNN or \\\\"),
        ("delimiter:ab\\", "delimiter ends with a lone backslash; write \\\\ for a backslash"),
        ("delimiter:\\x4", "\\x needs two hex digits (at position 0)"),
        ("delimiter:;\\xg0", "\\x needs two hex digits (at position 1)"),
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
        ("length:!I:max=0", "max must be a whole number of bytes, at least 1 (got '0')"),
        ("length:!I:max=x", "max must be a whole number of bytes, at least 1 (got 'x')"),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(FramingError) as excinfo:
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
            "max must be a whole number of bytes, at least 1",
        ),
    ],
)
def test_frame_spec_validates_on_construction(kwargs: dict, message: str) -> None:
    with pytest.raises(FramingError) as excinfo:
        FrameSpec(**kwargs)
    assert str(excinfo.value) == message


@given(
    delimiter=st.binary(min_size=1, max_size=6),
    keep=st.booleans(),
    max_length=st.one_of(st.just(DEFAULT_MAX_LENGTH), st.integers(1, 2**40)),
)
def test_delimiter_spec_round_trips(delimiter: bytes, keep: bool, max_length: int) -> None:
    spec = FrameSpec("delimiter", delimiter=delimiter, keep_delimiter=keep, max_length=max_length)
    text = format_frame_spec(spec)
    assert text.isascii() and text.isprintable()
    assert text == text.strip()
    assert parse_frame_spec(text) == spec


@given(
    fmt=st.sampled_from(["!I", ">I", "<I", "=H", "@h", "B", "b", "!Q", "<q", "i", "N", "@n"]),
    counted=st.booleans(),
    max_length=st.one_of(st.just(DEFAULT_MAX_LENGTH), st.integers(1, 2**40)),
)
def test_length_spec_round_trips(fmt: str, counted: bool, max_length: int) -> None:
    spec = FrameSpec("length", fmt=fmt, header_counted=counted, max_length=max_length)
    assert parse_frame_spec(format_frame_spec(spec)) == spec


def test_format_none_is_empty() -> None:
    assert format_frame_spec(None) == ""
