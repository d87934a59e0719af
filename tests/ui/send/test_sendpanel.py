"""SendPanel: building bytes from text/hex input, targets, inline errors, shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from netassistant.core.codec import encode_text, parse_hex
from netassistant.core.config import Kind
from netassistant.core.i18n import Text
from netassistant.qt.coremessages import TEMPLATES
from netassistant.ui.send.sendpanel import SendInputError, SendPanel, SendRequest


@pytest.fixture
def make_panel(qtbot):
    def make(kind: Kind = Kind.TCP_CLIENT, running: bool = True, show: bool = False) -> SendPanel:
        panel = SendPanel(kind)
        qtbot.addWidget(panel)
        panel.set_running(running)
        if show:  # only shortcuts need a shown, active window
            with qtbot.waitActive(panel):
                panel.show()
                panel.activateWindow()
        return panel

    return make


def child(panel: QWidget, cls, name: str):
    widget = panel.findChild(cls, name)
    assert widget is not None, name
    return widget


def click_send(qtbot, panel: SendPanel) -> SendRequest:
    with qtbot.waitSignal(panel.send_requested, timeout=1000) as blocker:
        qtbot.mouseClick(child(panel, QPushButton, "sendButton"), Qt.MouseButton.LeftButton)
    return blocker.args[0]


def assert_not_sent(qtbot, panel: SendPanel) -> None:
    with qtbot.assertNotEmitted(panel.send_requested, wait=10):
        qtbot.mouseClick(child(panel, QPushButton, "sendButton"), Qt.MouseButton.LeftButton)


def error_label(panel: SendPanel) -> QLabel:
    return child(panel, QLabel, "sendError")


def shown(label: QLabel) -> bool:
    return label.isVisibleTo(label.parentWidget())


# Showing a window on the offscreen platform warns about this; it is harmless.
offscreen_show = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_text_with_crlf_appended(qtbot, make_panel):
    panel = make_panel()
    qtbot.keyClicks(child(panel, QPlainTextEdit, "sendInput"), "hello")
    child(panel, QComboBox, "sendAppend").setCurrentIndex(1)
    assert panel.append() == "\r\n"
    assert click_send(qtbot, panel) == SendRequest(data=b"hello\r\n")
    assert not shown(error_label(panel))


def test_hex_mode(qtbot, make_panel):
    panel = make_panel()
    child(panel, QComboBox, "sendMode").setCurrentIndex(1)
    assert panel.mode() == "hex"
    qtbot.keyClicks(child(panel, QPlainTextEdit, "sendInput"), "01 02 0A")
    assert click_send(qtbot, panel) == SendRequest(data=b"\x01\x02\n")


def test_hex_mode_appends_line_ending(qtbot, make_panel):
    panel = make_panel()
    panel.set_mode("hex")
    panel.set_append("\n")
    panel.set_input_text("FF")
    assert click_send(qtbot, panel).data == b"\xff\n"


def test_invalid_hex_sends_nothing_and_says_where(qtbot, make_panel):
    panel = make_panel()
    panel.set_mode("hex")
    edit = child(panel, QPlainTextEdit, "sendInput")
    qtbot.keyClicks(edit, "01 0g")
    assert_not_sent(qtbot, panel)
    label = error_label(panel)
    assert label.text() == "invalid hex character 'g' at position 4"
    assert shown(label)
    assert edit.textCursor().position() == 4, "the cursor is put on the culprit"
    with pytest.raises(SendInputError, match=r"\w") as info:
        panel.build_payload()
    assert info.value.position == 4

    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert not shown(label), "editing the input clears the error"


def test_odd_hex_digits(qtbot, make_panel):
    panel = make_panel()
    panel.set_mode("hex")
    panel.set_input_text("01 abc")
    assert_not_sent(qtbot, panel)
    assert error_label(panel).text() == "odd number of hex digits in 'abc' at position 3"


def test_escapes(qtbot, make_panel):
    panel = make_panel()
    child(panel, QCheckBox, "sendEscapes").setChecked(True)
    qtbot.keyClicks(child(panel, QPlainTextEdit, "sendInput"), r"a\x00b\r\n\t\\")
    assert click_send(qtbot, panel).data == b"a\x00b\r\n\t\\"


def test_without_escapes_backslashes_are_literal(qtbot, make_panel):
    panel = make_panel()
    panel.set_input_text(r"a\x00b")
    assert click_send(qtbot, panel).data == b"a\\x00b"


def test_bad_escape_sends_nothing(qtbot, make_panel):
    panel = make_panel()
    panel.set_escapes(True)
    panel.set_input_text(r"ab\q")
    assert_not_sent(qtbot, panel)
    assert error_label(panel).text() == (
        r"bad escape '\q' at position 2; use \r \n \t \0 \xNN or \\"
    )
    panel.set_input_text(r"ab\x4")
    assert_not_sent(qtbot, panel)
    assert error_label(panel).text() == (
        r"incomplete \x escape at position 2; write two hex digits, like \x0d"
    )


def test_gbk_encoding(qtbot, make_panel):
    panel = make_panel()
    panel.set_encoding("gbk")
    panel.set_input_text("你好")
    assert click_send(qtbot, panel).data == b"\xc4\xe3\xba\xc3"


def test_unencodable_character_sends_nothing(qtbot, make_panel):
    panel = make_panel()
    panel.set_encoding("latin-1")
    panel.set_input_text("ok 你")
    assert_not_sent(qtbot, panel)
    assert error_label(panel).text() == "character '你' at position 3 cannot be encoded as latin-1"


def test_unknown_encoding_is_a_programming_error(make_panel):
    with pytest.raises(LookupError, match="no-such-codec"):
        make_panel().set_encoding("no-such-codec")


@pytest.mark.parametrize("text", ["", "   "])
def test_nothing_to_send(qtbot, make_panel, text):
    panel = make_panel()
    panel.set_mode("hex")
    panel.set_input_text(text)
    assert_not_sent(qtbot, panel)
    assert error_label(panel).text() == "nothing to send: type some text or hex"
    assert shown(error_label(panel))


@offscreen_show
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_sends(qtbot, make_panel, key):
    panel = make_panel(show=True)
    edit = child(panel, QPlainTextEdit, "sendInput")
    edit.setFocus()
    qtbot.keyClicks(edit, "hi")
    with qtbot.waitSignal(panel.send_requested, timeout=1000) as blocker:
        qtbot.keyClick(edit, key, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0] == SendRequest(data=b"hi")
    assert panel.input_text() == "hi", "the shortcut does not type a newline"


def test_plain_return_types_a_newline(qtbot, make_panel):
    panel = make_panel()
    edit = child(panel, QPlainTextEdit, "sendInput")
    edit.setFocus()
    with qtbot.assertNotEmitted(panel.send_requested, wait=10):
        qtbot.keyClicks(edit, "a")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert panel.input_text() == "a\n"


def test_server_target_follows_clients(qtbot, make_panel):
    panel = make_panel(Kind.TCP_SERVER)
    target = child(panel, QComboBox, "sendTarget")
    panel.set_input_text("x")
    assert [target.itemText(i) for i in range(target.count())] == ["All clients"]
    assert click_send(qtbot, panel) == SendRequest(data=b"x", conn_id=None)

    panel.set_clients([(1, "127.0.0.1:50000"), (2, "127.0.0.1:50001")])
    assert [target.itemText(i) for i in range(target.count())] == [
        "All clients",
        "#1 127.0.0.1:50000",
        "#2 127.0.0.1:50001",
    ]
    target.setCurrentIndex(2)
    assert click_send(qtbot, panel) == SendRequest(data=b"x", conn_id=2)

    panel.set_clients([(2, "127.0.0.1:50001"), (3, "127.0.0.1:50002")])
    assert target.currentText() == "#2 127.0.0.1:50001", "selection kept"
    assert click_send(qtbot, panel).conn_id == 2

    panel.set_clients([(3, "127.0.0.1:50002")])
    assert target.currentIndex() == 0, "client gone: back to all clients"
    assert click_send(qtbot, panel).conn_id is None

    panel.select_client(3)
    assert panel.target_client() == 3
    panel.select_client(99)
    assert panel.target_client() is None


def test_udp_target_and_reply(qtbot, make_panel):
    panel = make_panel(Kind.UDP)
    host = child(panel, QLineEdit, "udpTargetHost")
    port = child(panel, QSpinBox, "udpTargetPort")
    reply = child(panel, QCheckBox, "udpReply")
    panel.set_input_text("ping")

    assert_not_sent(qtbot, panel)
    assert error_label(panel).text() == (
        "enter the remote host and port, or tick Reply to last sender"
    )
    qtbot.keyClicks(host, "127.0.0.1")
    assert_not_sent(qtbot, panel)
    assert error_label(panel).text() == "choose a remote port from 1 to 65535"

    panel.set_udp_target("10.0.0.7", 9000)
    assert (host.text(), port.value()) == ("10.0.0.7", 9000)
    assert click_send(qtbot, panel) == SendRequest(data=b"ping", udp_host="10.0.0.7", udp_port=9000)

    reply.click()
    assert reply.isChecked()
    assert not host.isEnabled()
    assert not port.isEnabled()
    assert click_send(qtbot, panel) == SendRequest(data=b"ping", reply=True)


def test_udp_unix_path_needs_no_port(qtbot, make_panel):
    panel = make_panel(Kind.UDP)
    panel.set_udp_target("/tmp/peer.sock", 0)
    panel.set_input_text("x")
    assert click_send(qtbot, panel) == SendRequest(data=b"x", udp_host="/tmp/peer.sock")


def test_target_rows_by_kind(make_panel):
    client = make_panel(Kind.TCP_CLIENT)
    assert client.findChild(QComboBox, "sendTarget") is None
    assert client.findChild(QLineEdit, "udpTargetHost") is None
    server = make_panel(Kind.TCP_SERVER)
    assert server.findChild(QLineEdit, "udpTargetHost") is None
    udp = make_panel(Kind.UDP)
    assert udp.findChild(QComboBox, "sendTarget") is None


def test_text_hex_conversion_round_trip(qtbot, make_panel):
    panel = make_panel()
    mode = child(panel, QComboBox, "sendMode")
    panel.set_input_text("hi\n")
    mode.setCurrentIndex(1)
    assert panel.mode() == "hex"
    assert panel.input_text() == "68 69 0A"
    mode.setCurrentIndex(0)
    assert panel.mode() == "text"
    assert panel.input_text() == "hi\n"


def test_conversion_uses_encoding(make_panel):
    panel = make_panel()
    panel.set_encoding("gbk")
    panel.set_input_text("你好")
    assert panel.set_mode("hex")
    assert panel.input_text() == "C4 E3 BA C3"
    assert panel.set_mode("text")
    assert panel.input_text() == "你好"


def test_hex_that_does_not_decode_stays_hex(make_panel):
    panel = make_panel()
    mode = panel.findChild(QComboBox, "sendMode")
    panel.set_mode("hex")
    panel.set_input_text("41 FF")
    mode.setCurrentIndex(0)
    assert panel.mode() == "hex"
    assert mode.currentIndex() == 1
    assert panel.input_text() == "41 FF"
    assert error_label(panel).text() == "byte 0xFF at offset 1 is not valid utf-8 text; kept as hex"
    assert shown(error_label(panel))


def test_hex_with_control_bytes_needs_escapes(make_panel):
    panel = make_panel()
    panel.set_mode("hex")
    panel.set_input_text("41 0D 0A 00 5C")
    assert not panel.set_mode("text")
    assert panel.input_text() == "41 0D 0A 00 5C"
    assert error_label(panel).text() == (
        r"the bytes hold \r, which the text box cannot keep; tick Escapes"
    )
    panel.set_escapes(True)
    assert panel.set_mode("text")
    assert panel.input_text() == "A\\r\n\\0\\\\"
    assert not shown(error_label(panel))
    assert panel.build_payload() == b"A\r\n\x00\\", "the converted text sends the same bytes"


def test_bad_text_stays_text(make_panel):
    panel = make_panel()
    panel.set_escapes(True)
    panel.set_input_text(r"a\q")
    assert not panel.set_mode("hex")
    assert panel.mode() == "text"
    assert panel.input_text() == r"a\q"
    assert error_label(panel).text() == (
        r"cannot convert to hex: bad escape '\q' at position 1; use \r \n \t \0 \xNN or \\"
    )


def test_invalid_hex_stays_hex_on_switch(make_panel):
    panel = make_panel()
    panel.set_mode("hex")
    panel.set_input_text("zz")
    assert not panel.set_mode("text")
    assert error_label(panel).text() == "invalid hex character 'z' at position 0"


@offscreen_show
def test_not_running_disables_sending(qtbot, make_panel):
    panel = make_panel(running=False, show=True)
    button = child(panel, QPushButton, "sendButton")
    assert not button.isEnabled()
    assert "Start the session" in button.toolTip()
    panel.set_input_text("x")
    panel.input.setFocus()
    with qtbot.assertNotEmitted(panel.send_requested, wait=10):
        qtbot.keyClick(panel.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert error_label(panel).text() == "the session is not running; nothing was sent"

    panel.set_running(True)
    assert button.isEnabled()
    assert "Ctrl+Enter" in button.toolTip()


def test_show_and_clear_error(make_panel):
    panel = make_panel()
    panel.show_error("no client is connected; nothing was sent")
    assert shown(error_label(panel))
    assert error_label(panel).text() == "no client is connected; nothing was sent"
    panel.clear_error()
    assert not shown(error_label(panel))


def test_error_label_shows_markup_as_text(make_panel):
    panel = make_panel()
    panel.set_mode("hex")
    panel.set_input_text("<b>")
    panel.send()
    assert error_label(panel).textFormat() == Qt.TextFormat.PlainText
    assert error_label(panel).text() == "invalid hex character '<' at position 0"


def test_settings_round_trip(make_panel):
    panel = make_panel()
    panel.set_mode("hex")
    panel.set_escapes(True)
    panel.set_append("\r\n")
    panel.set_input_text("01 02")
    saved = panel.settings()
    assert saved == {"mode": "hex", "escapes": True, "append": "\r\n", "text": "01 02"}

    other = make_panel()
    other.apply_settings(saved)
    assert other.settings() == saved
    assert other.findChild(QComboBox, "sendMode").currentIndex() == 1
    assert other.build_payload() == b"\x01\x02\r\n"


def test_apply_settings_ignores_bad_values(make_panel):
    panel = make_panel()
    before = panel.settings()
    panel.apply_settings({"mode": "binary", "escapes": "yes", "append": "\r", "text": 5})
    assert panel.settings() == before


def test_setters_reject_unknown_values(make_panel):
    panel = make_panel()
    with pytest.raises(ValueError, match="binary"):
        panel.set_mode("binary")
    with pytest.raises(ValueError, match=r"\\r|\r"):
        panel.set_append("\r")


@pytest.mark.parametrize("kind", list(Kind))
def test_controls_are_named_and_described(make_panel, kind):
    panel = make_panel(kind)
    interactive = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit)
    names = []
    for widget in panel.findChildren(QWidget):
        if not isinstance(widget, interactive) or isinstance(widget.parent(), QAbstractSpinBox):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
            continue
        assert widget.objectName(), widget
        assert widget.toolTip(), widget.objectName()
        assert widget.accessibleName(), widget.objectName()
        names.append(widget.objectName())
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (parse_hex, "0g"),
        (parse_hex, "\u200b"),
        (parse_hex, "0x"),
        (parse_hex, "abc"),
        (lambda t: encode_text(t, escapes=True), "\\x4"),
        (lambda t: encode_text(t, escapes=True), "a\\"),
        (lambda t: encode_text(t, escapes=True), "\\q"),
        (lambda t: encode_text(t, escapes=True), "\\\x07"),
        (lambda t: encode_text(t, "latin-1"), "\u4f60"),
    ],
)
def test_every_codec_message_is_translatable(parse, text):
    # The panel shows the codec's own message through tr_core(), so it must be a Text
    # whose template is listed for translation.
    with pytest.raises(ValueError, match=r"\w") as info:
        parse(text)
    message = info.value.args[0]
    assert isinstance(message, Text), str(info.value)
    assert message.template in TEMPLATES, message.template
