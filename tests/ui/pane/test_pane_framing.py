"""A pane keeps its framing and checksum in its config: saved, reopened, started."""

from __future__ import annotations

from netassistant.core.config import Kind
from netassistant.core.profiles.model import Profile
from netassistant.ui.pane.pane import SessionPane


def test_framing_is_saved_in_the_config_only(qtbot):
    pane = SessionPane(Kind.TCP_SERVER)
    qtbot.addWidget(pane)
    pane.framing.set_spec_text("length:!H")
    pane.framing.set_checksum("crc16-modbus", "big")
    profile = pane.profile("framed")
    assert (profile.config.framing, profile.config.checksum, profile.config.checksum_order) == (
        "length:!H",
        "crc16-modbus",
        "big",
    )
    assert "decode" not in profile.view
    assert pane.config() == profile.config


def test_old_profile_with_a_decode_view_opens_as_before(qtbot):
    old = Profile.from_dict(
        {
            "schema_version": 1,
            "name": "old",
            "config": {"kind": "tcp-server", "framing": "length:!I"},
            "view": {"decode": {"frame": "delimiter:\\r\\n", "checksum": "sum8"}},
        }
    )
    pane = SessionPane(Kind.TCP_SERVER)
    qtbot.addWidget(pane)
    pane.apply_profile(old)
    assert pane.framing.spec_text() == "delimiter:\\r\\n"
    assert pane.framing.checksum() == ("sum8", None)
    assert pane.decode.enabled
    saved = pane.profile("old")
    assert (saved.config.framing, saved.config.checksum) == ("delimiter:\\r\\n", "sum8")
