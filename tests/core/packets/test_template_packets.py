"""Packets built from a packet template: bytes at send time, stored, exported, refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netassistant.core.packets.library import PacketLibrary
from netassistant.core.packets.model import Packet, PacketError, packet_from_dict
from netassistant.core.templates.library import TemplateLibrary
from netassistant.core.templates.model import Template


def template(name: str) -> Template:
    found = TemplateLibrary().get(name)
    assert found is not None
    return found


FRAME = "length + type + payload + CRC-16"


def modbus_crc(data: bytes) -> bytes:
    """CRC-16/MODBUS written out here, so the test does not check the code with itself."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc.to_bytes(2, "little")


def test_the_bytes_are_built_from_the_template_then_dressed_by_the_packet() -> None:
    request = Packet(
        "r",
        template=template("Modbus/TCP read holding registers request"),
        values={"transaction": 513, "unit": 17, "quantity": "3"},
    )
    assert request.payload() == bytes.fromhex("0201 0000 0006 11 03 0000 0003")
    # The packet's own checksum and frame still apply around the built message.
    framed = Packet("f", template=request.template, values=request.values, framing="length:!H")
    assert framed.wire_bytes() == b"\x00\x0c" + request.payload()
    assert request.data == ""
    assert request.to_dict()["values"] == {
        "transaction": 513,
        "unit": 17,
        "quantity": "3",
    }


def test_a_template_packet_round_trips_through_the_library_and_an_export(tmp_path: Path) -> None:
    library = PacketLibrary(tmp_path / "config")
    packet = Packet("frame", template=template(FRAME), values={"payload": "68 69"})
    library.save_all([packet, Packet("plain", "x")])
    assert library.get("frame") == packet
    wire = packet.wire_bytes()
    body = b"\x00\x03\x02hi"  # length of type + payload, type "data", payload
    assert wire == body + modbus_crc(body)
    out = tmp_path / "out.json"
    library.export(out, ["frame"])
    document = json.loads(out.read_text("utf-8"))
    assert document["version"] == 2
    assert document["packets"][0]["template"]["name"] == FRAME
    other = PacketLibrary(tmp_path / "other")
    result = other.import_file(out)
    assert [p.wire_bytes() for p in result.added] == [wire]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"template": 5}, r"^p\.template: a template must be a JSON object with a list of fields$"),
        ({"values": {"x": 1}}, r"^p\.values: values are given but there is no template"),
        ({"template": "T", "values": {"nope": 1}}, r"^p\.values: 'nope' is not a field of"),
        ({"template": "T", "values": {"unit": 300}}, r"^p\.values: unit: 300 is out of range"),
        ({"template": "T", "values": {"unit": [1]}}, r"^p\.values: unit: must be a number or"),
        ({"template": "T", "values": []}, r"^p\.values: must be a JSON object of at most"),
    ],
)
def test_bad_template_data_is_refused_with_the_field_named(
    changes: dict[str, object], message: str
) -> None:
    data: dict[str, object] = {"name": "x", **changes}
    if data.get("template") == "T":
        data["template"] = template("Modbus/TCP read holding registers request").to_dict()
    with pytest.raises(PacketError, match=message):
        packet_from_dict(data, "p")


def test_values_that_stop_fitting_are_a_packet_error_at_send_time() -> None:
    packet = Packet("p", template=template(FRAME), values={"type": 256})
    with pytest.raises(PacketError, match=r"^packet 'p': type: 256 is out of range") as caught:
        packet.wire_bytes()
    assert caught.value.field == "values"
