"""The packet library: CRUD, the exact bytes a packet sends, JSON round trip, bad files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from netassistant.core.packets.library import FORMAT, PacketLibrary, parse_packet_file
from netassistant.core.packets.model import Packet, PacketError, packet_from_dict


@pytest.fixture
def library(tmp_path: Path) -> PacketLibrary:
    return PacketLibrary(tmp_path / "config")


def test_the_library_lives_beside_the_profiles(library: PacketLibrary, tmp_path: Path) -> None:
    assert library.path == tmp_path / "config" / "packets.json"
    assert library.packets() == []
    library.put(Packet("ping", "PING\\r\\n", escapes=True))
    assert json.loads(library.path.read_text("utf-8"))["format"] == FORMAT


def test_add_edit_duplicate_delete(library: PacketLibrary) -> None:
    library.put(Packet("a", "1"))
    library.put(Packet("b", "2"))
    with pytest.raises(PacketError, match=r"^a packet named 'a' already exists$"):
        library.put(Packet("a", "again"))
    library.put(Packet("a2", "one"), replace="a")
    copy = library.duplicate("a2")
    assert copy == Packet("a2 (2)", "one")
    assert library.names() == ["a2", "a2 (2)", "b"]
    library.delete("a2")
    assert library.names() == ["a2 (2)", "b"]
    with pytest.raises(PacketError, match=r"^no packet named 'zz'$"):
        library.delete("zz")


@pytest.mark.parametrize(
    ("packet", "wire"),
    [
        (Packet("t", "hi\\r\\n", escapes=True), b"hi\r\n"),
        (Packet("gbk", "你好", encoding="gbk", append="\r\n"), "你好\r\n".encode("gbk")),
        (Packet("h", "01 02 ff", mode="hex"), b"\x01\x02\xff"),
        (Packet("sum", "01 02", mode="hex", checksum="sum8"), b"\x01\x02\x03"),
        (
            Packet("crc", "01 03 00 00 00 01", mode="hex", checksum="crc16-modbus"),
            bytes.fromhex("010300000001840a"),
        ),
        (Packet("len", "abc", framing="length:!H"), b"\x00\x03abc"),
        (Packet("both", "AB", checksum="xor8", framing="delimiter:\\n"), b"AB\x03\n"),
    ],
    ids=lambda v: v.name if isinstance(v, Packet) else "",
)
def test_wire_bytes_are_exact(packet: Packet, wire: bytes) -> None:
    assert packet.wire_bytes() == wire


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "x", "mode": "binary"}, r"^packet\.mode: 'binary' is not one of 'text', 'hex'$"),
        ({"name": "x", "port": 70000}, r"^packet\.port: 70000 is out of range 0\.\.65535$"),
        ({"name": "x", "port": True}, r"^packet\.port: must be a whole number, not True$"),
        ({"name": "x", "kind": "sctp"}, r"^packet\.kind: 'sctp' is not one of"),
        ({"name": "x", "checksum": "md5"}, r"^packet\.checksum: unknown checksum 'md5'"),
        ({"name": "x", "encoding": "klingon"}, r"^packet\.encoding: unknown encoding"),
        ({"name": "", "data": "1"}, r"^packet\.name: must be 1 to 100 characters"),
        ({"data": "1"}, r"^packet\.name: is missing$"),
        ({"name": "x", "colour": "red"}, r"^packet\.colour: unknown setting$"),
        ([], r"^packet: must be a JSON object$"),
    ],
)
def test_bad_fields_are_named(data: object, message: str) -> None:
    with pytest.raises(PacketError, match=message):
        packet_from_dict(data)


def test_bad_payload_says_where(library: PacketLibrary) -> None:
    with pytest.raises(PacketError, match=r"^packet 'h': .*") as info:
        library.put(Packet("h", "01 0g", mode="hex"))
    assert info.value.field == "data"
    assert not library.path.exists()


def test_export_import_round_trip(library: PacketLibrary, tmp_path: Path) -> None:
    packets = [
        Packet("hello", "hi", notes="first\nsecond"),
        Packet("u", "01", mode="hex", kind="udp", host="::1", port=9000, interval_ms=250),
        Packet("中文", "你好", encoding="gb18030"),
    ]
    library.save_all(packets)
    out = tmp_path / "out.json"
    assert library.export(out) == 3
    other = PacketLibrary(tmp_path / "other")
    result = other.import_file(out)
    assert other.packets() == packets
    assert result.added == tuple(packets)
    assert result.renamed == ()
    # Importing again renames rather than replaces.
    again = other.import_file(out)
    assert again.renamed == (("hello", "hello (2)"), ("u", "u (2)"), ("中文", "中文 (2)"))
    assert len(other.packets()) == 6
    assert packets[1].target == "[::1]:9000"


def test_export_some(library: PacketLibrary, tmp_path: Path) -> None:
    library.save_all([Packet("a"), Packet("b"), Packet("c")])
    out = tmp_path / "two.json"
    assert library.export(out, ["c", "a"]) == 2
    assert [p.name for p in parse_packet_file(out.read_bytes(), str(out))] == ["c", "a"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xff\xfe", r"is not UTF-8 text \(byte 0xff at offset 0\)$"),
        (b"{", r"is not valid JSON \(Expecting property name enclosed in double quotes\)$"),
        (b'{"packets": []}', r'is not a netassistant packet file \(no "format"'),
        (
            b'{"format": "netassistant-packets", "version": 9, "packets": []}',
            r"was written by a newer netassistant \(version 9; this one reads up to 2\)",
        ),
        (
            b'{"format": "netassistant-packets", "version": 1, "packets": {}}',
            r"packets must be a JSON list$",
        ),
        (
            b'{"format": "netassistant-packets", "version": 1, "packets": ['
            + b"[" * 100
            + b"]" * 100
            + b"]}",
            r"is nested more than 32 levels deep",
        ),
        (
            b'{"format": "netassistant-packets", "version": 1, "packets": [{"name": "x", '
            b'"port": 1' + b"0" * 5000 + b"}]}",
            r"not valid JSON \(a number with more than 20 digits\)$",
        ),
        (
            b'{"format": "netassistant-packets", "version": 1, "packets": '
            b'[{"name": "x"}, {"name": "x"}]}',
            r"packets\[1\]\.name: 'x' is used twice$",
        ),
    ],
)
def test_hostile_files_give_clear_errors(
    library: PacketLibrary, tmp_path: Path, raw: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    with pytest.raises(PacketError, match=message):
        library.import_file(path)
    assert library.packets() == []


def test_a_broken_library_is_reported_and_never_overwritten(library: PacketLibrary) -> None:
    library.path.parent.mkdir(parents=True)
    library.path.write_bytes(b"{not json")
    with pytest.raises(PacketError, match=r"packets\.json is not valid JSON"):
        library.packets()
    with pytest.raises(PacketError, match=r"packets\.json is not valid JSON"):
        library.put(Packet("x"))
    assert library.path.read_bytes() == b"{not json"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_is_refused_without_blocking(library: PacketLibrary, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    with pytest.raises(PacketError, match=r"^cannot read packet file .*fifo\.json: "):
        library.import_file(fifo)
