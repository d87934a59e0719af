"""Tests for netassistant.core.checksum."""

from __future__ import annotations

import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netassistant.core.checksum import (
    ALGORITHMS,
    CheckResult,
    ChecksumError,
    append_checksum,
    checksum_bytes,
    compute,
    verify_checksum,
)

CHECK_INPUT = b"123456789"
ALL_NAMES = list(ALGORITHMS)
BYTEORDERS = [None, "little", "big"]


def test_algorithms_in_gui_order() -> None:
    assert ALL_NAMES == [
        "sum8",
        "xor8",
        "sum16",
        "crc8",
        "crc16-modbus",
        "crc16-ccitt-false",
        "crc16-xmodem",
        "crc32",
    ]


@pytest.mark.parametrize(
    ("name", "title", "width", "byteorder"),
    [
        ("sum8", "SUM-8", 1, "big"),
        ("xor8", "XOR-8 (BCC)", 1, "big"),
        ("sum16", "SUM-16", 2, "big"),
        ("crc8", "CRC-8/SMBUS", 1, "big"),
        ("crc16-modbus", "CRC-16/MODBUS", 2, "little"),
        ("crc16-ccitt-false", "CRC-16/CCITT-FALSE", 2, "big"),
        ("crc16-xmodem", "CRC-16/XMODEM", 2, "big"),
        ("crc32", "CRC-32", 4, "big"),
    ],
)
def test_algorithm_records(name: str, title: str, width: int, byteorder: str) -> None:
    algorithm = ALGORITHMS[name]
    assert (algorithm.name, algorithm.title, algorithm.width_bytes) == (name, title, width)
    assert algorithm.default_byteorder == byteorder


def test_algorithm_is_frozen() -> None:
    with pytest.raises(AttributeError, match="cannot assign to field 'width_bytes'"):
        ALGORITHMS["crc32"].width_bytes = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("crc8", 0xF4),
        ("crc16-modbus", 0x4B37),
        ("crc16-ccitt-false", 0x29B1),
        ("crc16-xmodem", 0x31C3),
        ("crc32", 0xCBF43926),
    ],
)
def test_catalogue_check_values(name: str, check: int) -> None:
    assert compute(name, CHECK_INPUT) == check


@pytest.mark.parametrize(
    ("name", "data", "value"),
    [
        ("sum8", b"", 0),
        ("sum8", b"\x01\x02\x03", 0x06),
        ("sum8", b"\xff\x02", 0x01),
        ("sum8", CHECK_INPUT, 0xDD),
        ("xor8", b"", 0),
        ("xor8", b"\x01\x02\x03", 0x00),
        ("xor8", b"\x12\x34", 0x26),
        ("xor8", CHECK_INPUT, 0x31),
        ("sum16", b"\xff\xff", 0x01FE),
        ("sum16", b"\xff" * 300, 300 * 0xFF % 0x10000),
        ("sum16", CHECK_INPUT, 0x01DD),
    ],
)
def test_byte_sums(name: str, data: bytes, value: int) -> None:
    assert compute(name, data) == value


@given(data=st.binary(max_size=500))
def test_crc32_is_the_zlib_one(data: bytes) -> None:
    assert compute("crc32", data) == zlib.crc32(data)


@pytest.mark.parametrize(
    ("name", "byteorder", "expected"),
    [
        ("crc16-modbus", None, b"\x37\x4b"),
        ("crc16-modbus", "little", b"\x37\x4b"),
        ("crc16-modbus", "big", b"\x4b\x37"),
        ("crc16-xmodem", None, b"\x31\xc3"),
        ("crc16-xmodem", "little", b"\xc3\x31"),
        ("crc32", None, b"\xcb\xf4\x39\x26"),
        ("crc32", "little", b"\x26\x39\xf4\xcb"),
        ("crc8", "little", b"\xf4"),
        ("sum16", None, b"\x01\xdd"),
    ],
)
def test_checksum_bytes(name: str, byteorder: str | None, expected: bytes) -> None:
    assert checksum_bytes(name, CHECK_INPUT, byteorder) == expected


def test_modbus_rtu_frame() -> None:
    frame = bytes.fromhex("01 03 00 00 00 0A")
    assert append_checksum("crc16-modbus", frame) == bytes.fromhex("01 03 00 00 00 0A C5 CD")
    assert verify_checksum("crc16-modbus", bytes.fromhex("01 03 00 00 00 0A C5 CD")).ok


@pytest.mark.parametrize("byteorder", BYTEORDERS)
@pytest.mark.parametrize("name", ALL_NAMES)
@given(payload=st.binary(max_size=64))
def test_append_verify_round_trip(name: str, byteorder: str | None, payload: bytes) -> None:
    framed = append_checksum(name, payload, byteorder)
    width = ALGORITHMS[name].width_bytes
    assert framed[:-width] == payload
    assert framed[-width:] == checksum_bytes(name, payload, byteorder)
    assert verify_checksum(name, framed, byteorder) == CheckResult(
        ok=True, expected=framed[-width:], found=framed[-width:]
    )


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_single_bit_flip_is_caught(name: str) -> None:
    framed = append_checksum(name, b"\x01\x03\x00\x00\x00\x0a")
    for bit in range(len(framed) * 8):
        damaged = bytearray(framed)
        damaged[bit // 8] ^= 1 << (bit % 8)
        assert not verify_checksum(name, bytes(damaged)).ok, f"bit {bit} flip not caught"


def test_mismatch_reports_expected_and_found() -> None:
    result = verify_checksum("crc16-modbus", bytes.fromhex("01 03 00 00 00 0A CD C5"))
    assert result == CheckResult(ok=False, expected=b"\xc5\xcd", found=b"\xcd\xc5")


def test_wrong_byteorder_does_not_verify() -> None:
    framed = append_checksum("crc16-modbus", CHECK_INPUT, "big")
    assert not verify_checksum("crc16-modbus", framed).ok
    assert verify_checksum("crc16-modbus", framed, "big").ok


@pytest.mark.parametrize(("name", "data"), [("crc32", b"\x01\x02\x03"), ("crc16-modbus", b"")])
def test_data_shorter_than_checksum(name: str, data: bytes) -> None:
    assert verify_checksum(name, data) == CheckResult(ok=False, expected=b"", found=data)


def test_data_just_the_checksum_checks_an_empty_payload() -> None:
    assert verify_checksum("crc16-modbus", b"\xff\xff") == CheckResult(
        ok=True, expected=b"\xff\xff", found=b"\xff\xff"
    )
    assert verify_checksum("sum8", b"\x00").ok


def test_unknown_name() -> None:
    message = (
        "unknown checksum 'foo'; choose one of: sum8, xor8, sum16, crc8, crc16-modbus, "
        "crc16-ccitt-false, crc16-xmodem, crc32"
    )
    for call in (
        lambda: compute("foo", b""),
        lambda: checksum_bytes("foo", b""),
        lambda: append_checksum("foo", b""),
        lambda: verify_checksum("foo", b""),
    ):
        with pytest.raises(ChecksumError, match=r"^unknown checksum 'foo'") as excinfo:
            call()
        assert str(excinfo.value) == message
        assert isinstance(excinfo.value, ValueError)


@pytest.mark.parametrize("data", [CHECK_INPUT, b""])
def test_bad_byteorder(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"^byteorder must be 'little' or 'big', not 'middle'$"):
        verify_checksum("crc32", data, "middle")
    with pytest.raises(ValueError, match=r"^byteorder must be 'little' or 'big', not 'middle'$"):
        append_checksum("crc32", data, "middle")
