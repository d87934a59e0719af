r"""Importing Packet Sender's packets.ini: TCP, UDP and SSL become packets, HTTP is skipped.

The fixture is written from the format Packet Sender's ``Packet::saveToDB`` produces with
QSettings (``NAMES`` array, one group per packet, ``%20``/``%UXXXX`` escaped group
names, quoted values with ``\\xHHHH`` escapes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netassistant.core.packets.library import PacketLibrary
from netassistant.core.packets.model import Packet, PacketError
from netassistant.core.packets.packetsender import parse_packets_ini, read_ini

FIXTURE = Path(__file__).parent / "data" / "packetsender-packets.ini"


def test_the_fixture_imports_tcp_udp_and_ssl_and_skips_http(tmp_path: Path) -> None:
    library = PacketLibrary(tmp_path)
    result = library.import_file(FIXTURE)
    assert [p.name for p in result.added] == [
        "Modbus read",
        "UDP hello world",
        "Secure ping",
        "中文",
    ]
    assert result.skipped == (
        (
            "Web page",
            "HTTP Get is an HTTP request in Packet Sender, not raw socket data; "
            "netassistant sends bytes over TCP and UDP only",
        ),
    )
    modbus, hello, secure, chinese = result.added
    assert modbus.wire_bytes() == bytes.fromhex("010300000001840a")
    assert (modbus.kind, modbus.host, modbus.port, modbus.interval_ms) == (
        "tcp",
        "192.168.1.10",
        502,
        0,
    )
    assert modbus.notes == (
        "Imported from Packet Sender (TCP).\nfromPort=0\nsendResponse=0\n"
        "timestamp=Mon, 4 Mar 2024 10:11:12"
    )
    assert hello.wire_bytes() == b"hello world\r\n"
    assert (hello.kind, hello.target, hello.interval_ms) == ("udp", "127.0.0.1:55005", 1500)
    assert secure.kind == "tcp"
    assert "use a TLS session" in secure.notes
    assert (chinese.wire_bytes(), chinese.target) == ("中".encode(), "[::1]:7")
    assert library.packets() == list(result.added)


def test_qsettings_escapes_are_read() -> None:
    sections = read_ini('[a%20b%U4E2D]\nk="x, y\\"z\\\\"\nlist=1, 2\n@bad line\n')
    assert sections["a b中"] == {"k": 'x, y"z\\', "list": "1, 2"}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("hexString=zz\ntcpOrUdp=TCP", "hexString is not hex bytes: "),
        ("hexString=01\ntcpOrUdp=SCTP", "unknown protocol 'SCTP' (expected TCP, UDP or SSL)"),
        ("hexString=01\ntcpOrUdp=UDP\nport=99999", "port '99999' is not a port number"),
        ("name=x", "not a Packet Sender packet (no hexString or tcpOrUdp)"),
    ],
)
def test_unusable_entries_are_skipped_with_the_reason(body: str, reason: str) -> None:
    packets, skipped = parse_packets_ini(f"[p]\n{body}\n".encode(), "p.ini")
    assert packets == []
    ((name, why),) = skipped
    assert name in ("p", "x")
    assert why.startswith(reason)


def test_an_unreadable_repeat_is_noted_not_guessed() -> None:
    raw = b"[p]\nhexString=01\ntcpOrUdp=UDP\nrepeat=@Variant(\\0\\0\\0\\x87)\n"
    (packet,), _ = parse_packets_ini(raw, "p.ini")
    assert packet.interval_ms == 0
    assert "was not readable; no resend interval set." in packet.notes


def test_a_file_with_no_packets_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"[General]\nfoo=1\n")
    with pytest.raises(PacketError, match=r"is neither a netassistant packet file nor a Packet"):
        PacketLibrary(tmp_path).import_file(path)


def test_many_sections_are_refused_without_reading_on() -> None:
    raw = "".join(f"[s{i}]\nhexString=01\n" for i in range(10_005)).encode()
    with pytest.raises(PacketError, match=r"a Packet Sender file with more than 10000 packets"):
        parse_packets_ini(raw, "big.ini")


def test_names_taken_in_the_library_are_renamed(tmp_path: Path) -> None:
    library = PacketLibrary(tmp_path)
    library.put(Packet("Modbus read", "x"))
    result = library.import_file(FIXTURE)
    assert result.renamed == (("Modbus read", "Modbus read (2)"),)
