"""The packet panel's setup is stored in packets.json, exported, imported and checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netassistant.core.packets.library import PacketLibrary
from netassistant.core.packets.model import Packet, PacketError
from netassistant.core.packets.panel import PanelSetup
from netassistant.core.packets.steps import Step

SETUP = PanelSetup(("B", "A"), (Step(name="A"), Step(wait_ms=100), Step(name="B")), 5)


@pytest.fixture
def library(tmp_path: Path) -> PacketLibrary:
    library = PacketLibrary(tmp_path / "config")
    library.save_all([Packet("A", "a"), Packet("B", "b")])
    return library


def test_the_panel_is_stored_beside_the_packets_and_survives_packet_edits(
    library: PacketLibrary,
) -> None:
    assert library.panel() == PanelSetup()
    library.save_panel(SETUP)
    document = json.loads(library.path.read_text("utf-8"))
    assert document["version"] == 2
    assert document["panel"] == {
        "buttons": ["B", "A"],
        "steps": [{"send": "A"}, {"wait_ms": 100}, {"send": "B"}],
        "rounds": 5,
    }
    library.put(Packet("C", "c"))  # an edit of the packets keeps the panel
    assert PacketLibrary(library.path.parent).panel() == SETUP
    library.delete("A")  # a deleted packet leaves the panel, its wait stays
    assert library.panel() == PanelSetup(("B",), (Step(wait_ms=100), Step(name="B")), 5)


def test_export_carries_the_panel_and_import_adds_it_with_the_renames(
    library: PacketLibrary, tmp_path: Path
) -> None:
    library.save_panel(SETUP)
    out = tmp_path / "panel.json"
    library.export(out, ["A"])
    assert json.loads(out.read_text("utf-8"))["panel"] == {
        "buttons": ["A"],
        "steps": [{"send": "A"}, {"wait_ms": 100}],
        "rounds": 5,
    }
    other = PacketLibrary(tmp_path / "other")
    other.save_all([Packet("A", "taken"), Packet("Z", "z")])
    other.save_panel(PanelSetup(("Z",), (Step(name="Z"),), 2))
    result = other.import_file(out)
    assert result.renamed == (("A", "A (2)"),)
    assert other.panel() == PanelSetup(
        ("Z", "A (2)"), (Step(name="Z"), Step(name="A (2)"), Step(wait_ms=100)), 2
    )


def test_a_version_1_file_reads_without_a_panel(tmp_path: Path) -> None:
    path = tmp_path / "config" / "packets.json"
    path.parent.mkdir()
    path.write_text('{"format": "netassistant-packets", "version": 1, "packets": []}')
    assert PacketLibrary(path.parent).panel() == PanelSetup()


@pytest.mark.parametrize(
    ("panel", "message"),
    [
        ([], r"panel: must be a JSON object$"),
        ({"colour": 1}, r"panel\.colour: unknown setting$"),
        ({"buttons": "A"}, r"panel\.buttons: must be a list of packet names$"),
        ({"rounds": 0}, r"panel\.rounds: must be a whole number 1 to 1000000$"),
        ({"rounds": True}, r"panel\.rounds: must be a whole number 1 to 1000000$"),
        ({"steps": {}}, r"panel\.steps: must be a list of at most 10000 steps$"),
        (
            {"steps": [{"wait_ms": -1}]},
            r'panel\.steps\[0\]: a step is \{"send": "packet name"\} or \{"wait_ms": 0 to 600000\}$',
        ),
        ({"steps": [{"send": ""}]}, r"panel\.steps\[0\]: a step is "),
        ({"steps": [{"send": "A", "wait_ms": 1}]}, r"panel\.steps\[0\]: a step is "),
    ],
)
def test_a_hostile_panel_is_refused_and_the_file_is_never_overwritten(
    tmp_path: Path, panel: object, message: str
) -> None:
    path = tmp_path / "config" / "packets.json"
    path.parent.mkdir()
    document = {"format": "netassistant-packets", "version": 2, "packets": [], "panel": panel}
    raw = json.dumps(document).encode()
    path.write_bytes(raw)
    library = PacketLibrary(path.parent)
    with pytest.raises(PacketError, match=r"^packet file .*packets\.json: " + message):
        library.panel()
    with pytest.raises(PacketError, match=message):
        library.save_panel(PanelSetup(("A",)))
    assert path.read_bytes() == raw
