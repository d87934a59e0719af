"""Core messages reach the window translatable: the template list is current and renders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from netassistant.core import errors
from netassistant.core.i18n import Text, render, text
from netassistant.qt.coremessages import TEMPLATES, tr_core

ROOT = Path(__file__).parents[2]


def test_template_list_is_current():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "core_messages.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr


def test_error_messages_are_templates_listed_for_translation():
    message = errors.connect_error(ConnectionRefusedError(111, "refused"), "127.0.0.1:9")
    assert isinstance(message, Text)
    assert message == "connection refused by 127.0.0.1:9 — nothing is listening there"
    assert message.template in TEMPLATES
    nested = errors.io_error(BrokenPipeError(32, "Broken pipe"), "send", "127.0.0.1:9")
    assert nested.template in TEMPLATES and nested.values["action"].template in TEMPLATES


def test_render_translates_nested_values_and_survives_bad_translations():
    message = text("cannot {action}: network unreachable for {peer}", action=text("send"), peer="x")
    table = {
        "cannot {action}: network unreachable for {peer}": "无法{action}：{peer} 网络不可达",
        "send": "发送",
    }
    assert render(message, lambda t: table.get(t, t)) == "无法发送：x 网络不可达"
    assert render(message, lambda t: "broken {nonexistent}") == str(message)
    assert render("plain", lambda t: "never used") == "plain"


def test_without_a_translator_the_english_text_is_shown():
    message = text("listening on {local}", local="127.0.0.1:80")
    assert tr_core(message) == "listening on 127.0.0.1:80"
