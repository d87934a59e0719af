"""The timeline as a hand-written SVG 1.1 picture, for a browser, a slide or a report.

One row per step (time compressed: each call gets its row, its time on the left), one
column per lifeline. A send linked to the recvs that delivered its bytes is drawn as
slanted arrows to those recvs' rows, so 拆包 diverges and 粘包 converges on the page as it
did on the wire. Every text is XML-escaped; characters XML 1.0 forbids become U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from netassistant.core.i18n import text
from netassistant.core.timeline.builder import TimelineBuilder
from netassistant.core.timeline.layout import (
    SELF,
    columns,
    drawn_by_link,
    dropped_note,
    ends,
    step_text,
)
from netassistant.core.timeline.steps import ARROW_CALLS, Step

ROW = 26
HEADER = 70
TIME_WIDTH = 100
COLUMN = 300
MARGIN = 20
FONT = 12

#: Colour per call (dark enough on white for a projector).
COLOURS = {
    "send": "#1f5fbf",
    "recv": "#1e7d32",
    "connect": "#37474f",
    "accept": "#37474f",
    "listen": "#37474f",
    "fin": "#c25e00",
    "shutdown": "#c25e00",
    "rst": "#c62828",
    "error": "#c62828",
    "close": "#37474f",
    "state": "#6d6d6d",
    "segment": "#7b1fa2",
    "tls": "#00796b",
}


#: XML's special characters, and the characters XML 1.0 forbids (as U+FFFD).
_XML_TABLE = {
    **{code: "\ufffd" for code in range(0x20) if chr(code) not in "\t\n\r"},
    0xFFFE: "\ufffd",
    0xFFFF: "\ufffd",
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
}
_SURROGATES = re.compile("[\ud800-\udfff]")


def escape(value: str) -> str:
    """``value`` as XML character data or attribute text."""
    return _SURROGATES.sub("\ufffd", value.translate(_XML_TABLE))


def to_svg(builder: TimelineBuilder, lanes: Iterable[str] | None = None) -> str:
    """The SVG document (UTF-8 text) of the timeline."""
    cols = columns(builder, lanes)
    x_of = {lane: TIME_WIDTH + MARGIN + COLUMN // 2 + i * COLUMN for i, lane in enumerate(cols)}
    steps = [s for s in builder.steps if all(end in x_of for end in ends(s))]
    row_of = {step.id: row for row, step in enumerate(steps)}
    width = TIME_WIDTH + 2 * MARGIN + COLUMN * len(cols)
    height = HEADER + ROW * (len(steps) + 1) + MARGIN
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" '
        f'font-size="{FONT}">',
        "<title>netassistant timeline</title>",
        "<defs>",
    ]
    for call, colour in COLOURS.items():
        if call in ARROW_CALLS:
            out.append(
                f'<marker id="head-{call}" markerWidth="10" markerHeight="8" refX="9" '
                f'refY="4" orient="auto" markerUnits="userSpaceOnUse">'
                f'<path d="M0,0 L10,4 L0,8 z" fill="{colour}"/></marker>'
            )
    out.append("</defs>")
    out.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>')
    if builder.dropped:
        out.append(_text(MARGIN, 16, dropped_note(builder), "#c62828"))
    bottom = height - MARGIN
    for lane in cols:
        x = x_of[lane]
        title = str(text("this socket {address}", address=builder.local_address)).strip()
        label = title if lane == SELF else lane
        out.append(
            f'<rect x="{x - COLUMN // 2 + 10}" y="26" width="{COLUMN - 20}" height="28" '
            f'rx="4" fill="#eceff1" stroke="#37474f"/>'
        )
        out.append(_text(x, 45, label, "#000000", anchor="middle", bold=True))
        out.append(
            f'<line x1="{x}" y1="54" x2="{x}" y2="{bottom}" stroke="#90a4ae" '
            f'stroke-dasharray="4,4"/>'
        )
    t0 = builder.t0_ns or 0
    for row, step in enumerate(steps):
        y = HEADER + ROW * row + ROW // 2
        out.append(_text(MARGIN, y + 4, f"{(step.ts_ns - t0) / 1e9:.6f} s", "#6d6d6d"))
        out.extend(_step(builder, step, y, x_of, row_of))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _step(
    builder: TimelineBuilder,
    step: Step,
    y: int,
    x_of: dict[str, int],
    row_of: dict[int, int],
) -> list[str]:
    colour = COLOURS.get(step.call, "#000000")
    src, dst = ends(step)
    label = step_text(builder, step)
    if step.call not in ARROW_CALLS or src == dst or drawn_by_link(builder, step):
        # A mark on the caller's lifeline (a linked recv's arrow is its send's).
        x = x_of[dst]
        return [
            f'<circle cx="{x}" cy="{y}" r="4" fill="{colour}"/>',
            _text(x + 12, y + 4, label, colour),
        ]
    x1, x2 = x_of[src], x_of[dst]
    dash = ' stroke-dasharray="5,3"' if step.call == "segment" else ""
    parts = []
    targets = [s for s in builder.links_from(step.id) if s.id in row_of and s.call == "recv"]
    if step.call == "send" and targets:
        for target in targets:
            ty = HEADER + ROW * row_of[target.id] + ROW // 2
            tx = x_of[ends(target)[1]]
            parts.append(_arrow(x1, y, tx, ty, step.call, colour, dash))
    else:
        parts.append(_arrow(x1, y, x2, y, step.call, colour, dash))
    anchor = "start" if x2 > x1 else "end"
    parts.append(_text(x1 + (8 if x2 > x1 else -8), y - 4, label, colour, anchor=anchor))
    return parts


def _arrow(x1: int, y1: int, x2: int, y2: int, call: str, colour: str, dash: str) -> str:
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" '
        f'stroke-width="1.5"{dash} marker-end="url(#head-{call})"/>'
    )


def _text(
    x: int, y: int, value: str, colour: str, *, anchor: str = "start", bold: bool = False
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x}" y="{y}" fill="{colour}" text-anchor="{anchor}"{weight}>'
        f"{escape(value)}</text>"
    )
