"""How control bytes are drawn: pictures where a font has them, names where none has."""

from __future__ import annotations

import pytest

from netassistant.qt.models import cellformat


def test_pictures_draw_received_control_bytes_apart_from_typed_escapes():
    cellformat.set_picture_style(True)
    assert cellformat.plain_text(b"AT\r\n\x00", "utf-8") == "AT␍␊␀"
    assert cellformat.plain_text(b"AT\\r\\n", "utf-8") == "AT\\r\\n"
    assert cellformat.lf_mark() == "␊"


def test_names_when_no_font_draws_the_pictures():
    cellformat.set_picture_style(False)
    assert cellformat.plain_text(b"AT\r\n\x00\x1b\x7f", "utf-8") == ("AT‹CR›‹LF›‹NUL›‹ESC›‹DEL›")
    assert cellformat.plain_text(b"AT\\r\\n", "utf-8") == "AT\\r\\n"
    assert cellformat.lf_mark() == "‹LF›"


@pytest.mark.parametrize("undecodable", [b"\xff", b"\x80abc"])
def test_undecodable_bytes_stay_hex_escapes_in_either_style(undecodable):
    for pictures in (True, False):
        cellformat.set_picture_style(pictures)
        assert "\\x" in cellformat.plain_text(undecodable, "utf-8")


def test_the_style_is_chosen_from_the_fonts_on_first_use(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    has = any(QFontMetrics(QFont(f)).inFontUcs4(0x240D) for f in QFontDatabase.families())
    cellformat.set_picture_style(None)
    assert cellformat.lf_mark() == ("␊" if has else "‹LF›")


def test_a_character_is_drawable_when_a_font_here_has_it(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    assert cellformat.drawable("A")
    assert not cellformat.drawable("\U000f0000"), "a private-use character has no glyph"
    cjk = [f for f in QFontDatabase.families() if QFontMetrics(QFont(f)).inFontUcs4(0x4E2D)]
    if not cjk:
        pytest.skip("no font on this machine draws 中 (CI installs fonts-noto-cjk)")
    assert cellformat.drawable("中"), f"{cjk[0]} has it"
