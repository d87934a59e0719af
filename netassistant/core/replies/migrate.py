"""Old profiles' single auto-reply rule as a one-rule reply list (profile schema 1 -> 2).

Kept apart from :mod:`.rules` so that upgrading a profile loads no regex engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def rules_from_auto_reply(data: Mapping[str, Any]) -> dict[str, Any]:
    """The ``reply_rules`` dict for an old profile's single ``auto_reply`` dict.

    ``echo`` becomes one ``any`` rule replying ``{data}``; ``match`` becomes one rule:
    text → contains (text), hex → contains (hex), regex → regex. ``enabled`` is kept.
    Values of the wrong type are carried over for the checks to report.
    """
    rule: dict[str, Any] = {"match_kind": "any", "reply": "{data}"}
    if data.get("mode") == "match":
        mode = data.get("match_mode", "text")
        rule = {
            "match_kind": "regex" if mode == "regex" else "contains",
            "match": data.get("match", ""),
            "match_format": "hex" if mode == "hex" else "text",
            "reply": data.get("reply", ""),
            "reply_format": data.get("reply_mode", "text"),
        }
        for key in ("encoding", "escapes"):
            if key in data:
                rule[key] = data[key]
    enabled = data.get("enabled", True)
    return {"enabled": enabled, "mode": "first", "rules": [rule]}


def upgrade_auto_reply(document: dict[str, Any]) -> dict[str, Any]:
    """Profile migration 1 -> 2: ``send.auto_reply`` becomes ``send.reply_rules``.

    ``send`` is free-form window data: an ``auto_reply`` that is not an object described
    no rule the window could show, so it is dropped; anything else is left as it is.
    """
    send = document.get("send")
    if not isinstance(send, dict) or "auto_reply" not in send:
        return document
    old = send.pop("auto_reply")
    if isinstance(old, Mapping) and "reply_rules" not in send:
        send["reply_rules"] = rules_from_auto_reply(old)
    return document
