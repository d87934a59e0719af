"""Tests for netassistant.ui.decode.framingbox: choosing the framing and checksum of a pane."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from netassistant.core.checksum import ALGORITHMS
from netassistant.core.framing import FramingError, parse_frame_spec
from netassistant.ui.decode.framingbox import DEBOUNCE_MS, FramingBox

CONTROL_NAMES = [
    "frameKind",
    "frameDelimiter",
    "frameDelimiterHex",
    "frameKeepDelimiter",
    "frameFixedSize",
    "frameFormat",
    "frameHeaderCounted",
    "frameMaxLength",
    "frameChecksum",
    "frameChecksumOrder",
]


@pytest.fixture
def box(qtbot) -> FramingBox:
    widget = FramingBox()
    qtbot.addWidget(widget)
    return widget


def choose_kind(box: FramingBox, kind: str) -> None:
    index = box.kind.findData(kind)
    assert index >= 0, kind
    box.kind.setCurrentIndex(index)


def visible(box: FramingBox) -> set[str]:
    return {name for name in CONTROL_NAMES if box.findChild(QWidget, name).isVisibleTo(box)}


def core_message(text: str) -> str:
    # Any message: the callers compare it with what the box shows.
    with pytest.raises(FramingError, match=r"\S") as info:
        parse_frame_spec(text)
    return str(info.value)


def test_title_and_controls_are_named_and_described(box):
    assert box.title() == "Framing (message decoding)"
    for name in CONTROL_NAMES:
        control = box.findChild(QWidget, name)
        assert control is not None, name
        assert control.toolTip(), name
        assert control.accessibleName(), name


def test_starts_with_no_framing_and_no_checksum(box):
    assert box.spec_text() == ""
    assert box.checksum() == (None, None)
    assert box.settings() == {"frame": "", "checksum": None, "checksum_order": None}
    assert visible(box) == {"frameKind", "frameChecksum"}


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("none", {"frameKind", "frameChecksum"}),
        (
            "delimiter",
            {
                "frameKind",
                "frameDelimiter",
                "frameDelimiterHex",
                "frameKeepDelimiter",
                "frameMaxLength",
                "frameChecksum",
            },
        ),
        ("fixed", {"frameKind", "frameFixedSize", "frameChecksum"}),
        (
            "length",
            {"frameKind", "frameFormat", "frameHeaderCounted", "frameMaxLength", "frameChecksum"},
        ),
    ],
)
def test_only_the_controls_of_the_chosen_kind_are_visible(box, kind, expected):
    choose_kind(box, kind)
    assert visible(box) == expected


def test_builds_length_big_endian_uint32(box):
    choose_kind(box, "length")
    assert box.fmt.currentText().split()[0] == "!I"
    assert box.spec_text() == "length:!I"


def test_builds_length_little_endian_uint16_counting_the_header(box):
    choose_kind(box, "length")
    box.fmt.setCurrentIndex(box.fmt.findData("<H"))
    box.header_counted.setChecked(True)
    assert box.spec_text() == "length:<H:incl"


def test_format_entries_are_the_common_ones(box):
    formats = [box.fmt.itemData(i) for i in range(box.fmt.count())]
    assert formats == ["!I", "!H", "<I", "<H", "B", "!Q"]
    assert box.fmt.itemText(0) == "!I  big-endian uint32"
    assert box.fmt.isEditable()


def test_typed_format_is_used(box):
    choose_kind(box, "length")
    box.fmt.setEditText(">q")
    assert box.spec_text() == "length:>q"


def test_builds_delimiter_with_escapes(box):
    choose_kind(box, "delimiter")
    assert box.delimiter.text() == "\\r\\n"
    assert box.spec_text() == "delimiter:\\r\\n"


def test_hex_toggle_rewrites_the_same_delimiter(box):
    choose_kind(box, "delimiter")
    box.delimiter_hex.setChecked(True)
    assert box.delimiter.text() == "0d 0a"
    assert box.spec_text() == "delimiter:\\r\\n"
    box.delimiter.setText("0d:0a:00")
    assert box.spec_text() == "delimiter:\\r\\n\\x00"
    box.delimiter_hex.setChecked(False)
    assert box.delimiter.text() == "\\r\\n\\x00"


def test_keep_and_max_length_use_the_hex_form(box):
    choose_kind(box, "delimiter")
    box.keep_delimiter.setChecked(True)
    box.max_length.setValue(256)
    assert box.spec_text() == "delimiter-hex:0d0a:keep:max=256"


def test_builds_fixed_length(box):
    choose_kind(box, "fixed")
    assert box.spec_text() == "fixed:16"
    box.fixed_size.setValue(5)
    assert box.spec_text() == "fixed:5"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "length:!I",
        "length:<H:incl",
        "length:B:max=200",
        "length:>q:incl:max=70000",
        "delimiter:\\r\\n",
        "delimiter:END",
        "delimiter-hex:0d0a:keep",
        "delimiter-hex:00:max=64",
        "fixed:16",
        "fixed:1",
    ],
)
def test_spec_text_round_trips(box, text):
    box.set_spec_text(text)
    assert box.spec_text() == text


def test_hex_spec_shows_the_delimiter_in_hex(box):
    box.set_spec_text("delimiter-hex:0d0a")
    assert box.delimiter_hex.isChecked()
    assert box.delimiter.text() == "0d 0a"
    assert box.spec_text() == "delimiter:\\r\\n"


def test_bad_spec_text_raises_and_changes_nothing(box, qtbot):
    box.set_spec_text("fixed:8")
    with (
        qtbot.assertNotEmitted(box.changed),
        pytest.raises(FramingError, match="'!II' is not a single integer struct format"),
    ):
        box.set_spec_text("length:!II")
    assert box.spec_text() == "fixed:8"


def test_bad_format_shows_the_core_message_inline_and_does_not_emit(box, qtbot):
    box.set_spec_text("length:!I")
    assert not box.error_label.isVisibleTo(box)
    with qtbot.assertNotEmitted(box.changed, wait=DEBOUNCE_MS + 200):
        box.fmt.setEditText("!II")
    assert box.error_label.objectName() == "frameError"
    assert box.error_label.isVisibleTo(box)
    assert box.error_label.text() == core_message("length:!II")
    assert box.error_label.text() == (
        "'!II' is not a single integer struct format (try !I, <H or B)"
    )
    assert box.current_config() == ("length:!I", None, None)

    with qtbot.waitSignal(box.changed, timeout=2000):
        box.fmt.setEditText("!H")
    assert not box.error_label.isVisibleTo(box)
    assert box.current_config() == ("length:!H", None, None)


def test_bad_delimiter_escape_shows_the_core_message(box):
    choose_kind(box, "delimiter")
    box.delimiter.setText("\\q")
    assert not box.validate()
    assert box.error_label.text() == core_message("delimiter:\\q")


def test_edits_are_debounced_into_one_changed(box, qtbot):
    seen: list[str] = []
    box.changed.connect(lambda: seen.append(box.spec_text()))
    choose_kind(box, "fixed")
    for size in (2, 20, 200):
        box.fixed_size.setValue(size)
    assert seen == []
    qtbot.waitUntil(lambda: seen != [], timeout=2000)
    qtbot.wait(DEBOUNCE_MS + 100)
    assert seen == ["fixed:200"]


def test_returning_to_the_same_config_does_not_emit(box, qtbot):
    box.set_spec_text("fixed:16")
    with qtbot.assertNotEmitted(box.changed, wait=DEBOUNCE_MS + 200):
        box.fixed_size.setValue(17)
        box.fixed_size.setValue(16)


def test_setters_emit_at_once(box, qtbot):
    with qtbot.waitSignal(box.changed, timeout=100):
        box.set_spec_text("length:!I")
    with qtbot.waitSignal(box.changed, timeout=100):
        box.set_checksum("crc32")
    with qtbot.assertNotEmitted(box.changed):
        box.set_checksum("crc32")


def test_checksum_choices_follow_the_core(box):
    combo = box.checksum_combo
    assert combo.itemData(0) is None
    assert combo.itemText(0) == "None"
    assert [combo.itemData(i) for i in range(1, combo.count())] == list(ALGORITHMS)
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        algorithm.title for algorithm in ALGORITHMS.values()
    ]


def test_checksum_and_byte_order(box):
    box.set_checksum("crc16-modbus")
    assert box.checksum() == ("crc16-modbus", None)
    assert box.order_combo.itemText(0) == "Default (little-endian)"
    assert {"frameChecksum", "frameChecksumOrder"} <= visible(box)
    assert box.findChild(QWidget, "frameChecksumNote").isVisibleTo(box)
    assert box.findChild(QWidget, "frameChecksumNote").text() == (
        "The checksum is verified at the end of each decoded message."
    )
    box.set_checksum("crc32", "little")
    assert box.checksum() == ("crc32", "little")
    assert box.order_combo.itemText(0) == "Default (big-endian)"
    box.set_checksum(None, "big")
    assert box.checksum() == (None, None)
    assert "frameChecksumOrder" not in visible(box)


@pytest.mark.parametrize(
    ("name", "order", "message"),
    [
        ("crc99", None, "^unknown checksum 'crc99'; choose one of: sum8, "),
        ("sum8", "middle", "^byte order must be 'big', 'little' or None, not 'middle'$"),
    ],
)
def test_bad_checksum_raises(box, name, order, message):
    with pytest.raises(ValueError, match=message):
        box.set_checksum(name, order)
    assert box.checksum() == (None, None)


def test_settings_round_trip(box, qtbot):
    settings = {"frame": "length:<H:incl", "checksum": "crc16-modbus", "checksum_order": "big"}
    other = FramingBox()
    qtbot.addWidget(other)
    box.apply_settings(settings)
    assert box.settings() == settings
    with qtbot.waitSignal(other.changed, timeout=100):
        other.apply_settings(box.settings())
    assert other.settings() == settings


def test_apply_settings_emits_once(box):
    seen: list[tuple] = []
    box.changed.connect(lambda: seen.append(box.current_config()))
    box.apply_settings({"frame": "fixed:4", "checksum": "sum8", "checksum_order": None})
    assert seen == [("fixed:4", "sum8", None)]


def test_apply_settings_shows_a_bad_frame_inline(box, qtbot):
    box.set_spec_text("fixed:4")
    with qtbot.assertNotEmitted(box.changed):
        box.apply_settings({"frame": "length:!II", "checksum": None})
    assert box.spec_text() == "fixed:4"
    assert box.error_label.text() == core_message("length:!II")
    box.apply_settings({"checksum": ["not", "a", "name"], "checksum_order": 5})
    assert box.checksum() == (None, None)


def test_settings_keep_the_last_valid_frame_while_input_is_bad(box):
    box.set_spec_text("length:!I")
    box.fmt.setEditText("!II")
    assert box.settings()["frame"] == "length:!I"
