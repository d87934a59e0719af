"""Named checksums and CRCs: append one on send, verify one on receive.

The CRCs come from ``crcmod-plus`` (a maintained fork of ``crcmod`` with a C
extension); its predefined tables carry the catalogue check values, which the tests
compare against. The byte sums are one-liners and need no library.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import cache, reduce
from typing import Literal

from netassistant.core.i18n import text
from netassistant.core.records import FrozenRecord


class ChecksumError(ValueError):
    """An unknown checksum name; ``args[0]`` is the message as a translatable Text."""


class Algorithm(FrozenRecord):
    """One checksum the user can choose.

    A record, not a dataclass: the window's send and framing boxes import this module at
    start, and ``@dataclass`` wrote and compiled the methods of these two classes there.

    Attributes:
        name: Key in :data:`ALGORITHMS`, also used in profiles.
        title: What the GUI shows, e.g. ``CRC-16/MODBUS``.
        width_bytes: Size of the checksum on the wire.
        default_byteorder: How the protocol it comes from puts it on the wire.
        compute: Function from the data to the checksum value.
    """

    __slots__ = ("name", "title", "width_bytes", "default_byteorder", "compute")  # noqa: RUF023
    name: str
    title: str
    width_bytes: int
    default_byteorder: Literal["little", "big"]
    compute: Callable[[bytes], int]

    def __init__(
        self,
        name: str,
        title: str,
        width_bytes: int,
        default_byteorder: Literal["little", "big"],
        compute: Callable[[bytes], int],
    ) -> None:
        self._fill(name, title, width_bytes, default_byteorder, compute)


class CheckResult(FrozenRecord):
    """The outcome of :func:`verify_checksum`.

    Attributes:
        ok: True if the trailing checksum matches the payload.
        expected: Checksum computed over the payload, as it would be sent
            (``b""`` if the data is shorter than a checksum).
        found: The trailing bytes that were compared (all of the data if it is
            shorter than a checksum).
    """

    __slots__ = ("ok", "expected", "found")  # noqa: RUF023
    ok: bool
    expected: bytes
    found: bytes

    def __init__(self, ok: bool, expected: bytes, found: bytes) -> None:
        self._fill(ok, expected, found)


def _sum8(data: bytes) -> int:
    return sum(data) & 0xFF


def _xor8(data: bytes) -> int:
    return reduce(operator.xor, data, 0)


def _sum16(data: bytes) -> int:
    return sum(data) & 0xFFFF


@cache
def _crcmod(predefined: str) -> Callable[[bytes], int]:
    from crcmod.predefined import mkPredefinedCrcFun

    return mkPredefinedCrcFun(predefined)


def _crc(predefined: str) -> Callable[[bytes], int]:
    """The predefined CRC ``predefined`` of crcmod, loaded and tabled at its first use.

    The window lists the checksums at start but computes none: importing crcmod and
    making five tables then would cost the first window for nothing.
    """

    def compute(data: bytes) -> int:
        return _crcmod(predefined)(data)

    return compute


_ALL = (
    Algorithm("sum8", "SUM-8", 1, "big", _sum8),
    Algorithm("xor8", "XOR-8 (BCC)", 1, "big", _xor8),
    Algorithm("sum16", "SUM-16", 2, "big", _sum16),
    # crcmod calls CRC-8/SMBUS (poly 0x07, init 0) plain "crc-8".
    Algorithm("crc8", "CRC-8/SMBUS", 1, "big", _crc("crc-8")),
    # Modbus RTU sends the CRC low byte first.
    Algorithm("crc16-modbus", "CRC-16/MODBUS", 2, "little", _crc("modbus")),
    Algorithm("crc16-ccitt-false", "CRC-16/CCITT-FALSE", 2, "big", _crc("crc-ccitt-false")),
    Algorithm("crc16-xmodem", "CRC-16/XMODEM", 2, "big", _crc("xmodem")),
    Algorithm("crc32", "CRC-32", 4, "big", _crc("crc-32")),
)

#: The checksums by name, in the order the GUI offers them.
ALGORITHMS: dict[str, Algorithm] = {algorithm.name: algorithm for algorithm in _ALL}


def _algorithm(name: str) -> Algorithm:
    try:
        return ALGORITHMS[name]
    except KeyError:
        choices = ", ".join(ALGORITHMS)
        message = text(
            "unknown checksum {name!r}; choose one of: {choices}", name=name, choices=choices
        )
        raise ChecksumError(message) from None


def _byteorder(algorithm: Algorithm, byteorder: str | None) -> Literal["little", "big"]:
    if byteorder is None:
        return algorithm.default_byteorder
    if byteorder == "little":
        return "little"
    if byteorder == "big":
        return "big"
    raise ValueError(f"byteorder must be 'little' or 'big', not {byteorder!r}")


def compute(name: str, data: bytes) -> int:
    """Compute a checksum value.

    Args:
        name: A key of :data:`ALGORITHMS`.
        data: The bytes to check.

    Returns:
        The checksum as an unsigned integer.

    Raises:
        ChecksumError: For an unknown name.
    """
    return _algorithm(name).compute(bytes(data))


def checksum_bytes(name: str, data: bytes, byteorder: str | None = None) -> bytes:
    """Compute a checksum as the bytes that go on the wire.

    Args:
        name: A key of :data:`ALGORITHMS`.
        data: The bytes to check.
        byteorder: ``"little"``, ``"big"`` or None for the algorithm's default.

    Returns:
        ``width_bytes`` bytes.

    Raises:
        ChecksumError: For an unknown name.
        ValueError: For a byte order other than ``"little"`` or ``"big"``.
    """
    algorithm = _algorithm(name)
    order = _byteorder(algorithm, byteorder)
    return algorithm.compute(bytes(data)).to_bytes(algorithm.width_bytes, order)


def append_checksum(name: str, data: bytes, byteorder: str | None = None) -> bytes:
    """Return the data followed by its checksum.

    Args:
        name: A key of :data:`ALGORITHMS`.
        data: The payload.
        byteorder: ``"little"``, ``"big"`` or None for the algorithm's default.

    Returns:
        The payload with the checksum appended.

    Raises:
        ChecksumError: For an unknown name.
        ValueError: For a byte order other than ``"little"`` or ``"big"``.
    """
    return bytes(data) + checksum_bytes(name, data, byteorder)


def verify_checksum(
    name: str, data_with_checksum: bytes, byteorder: str | None = None
) -> CheckResult:
    """Check the trailing checksum of received data.

    Args:
        name: A key of :data:`ALGORITHMS`.
        data_with_checksum: The payload followed by its checksum.
        byteorder: ``"little"``, ``"big"`` or None for the algorithm's default.

    Returns:
        The result; not ok if the data is shorter than the checksum.

    Raises:
        ChecksumError: For an unknown name.
        ValueError: For a byte order other than ``"little"`` or ``"big"``.
    """
    algorithm = _algorithm(name)
    data = bytes(data_with_checksum)
    if len(data) < algorithm.width_bytes:
        _byteorder(algorithm, byteorder)  # a bad byte order is a bug even for short data
        return CheckResult(ok=False, expected=b"", found=data)
    payload, found = data[: -algorithm.width_bytes], data[-algorithm.width_bytes :]
    expected = checksum_bytes(name, payload, byteorder)
    return CheckResult(ok=expected == found, expected=expected, found=found)
