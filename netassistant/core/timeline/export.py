"""Write a timeline as SVG, Mermaid ``sequenceDiagram`` text or JSON; the file name picks.

- ``.json``: one JSON **array**, one object per step (one per line), oldest first, with
  ``t`` (seconds from the first event), ``side`` (``local``/``peer``), ``call``,
  ``conn``, ``seq``, ``len``; ``state`` and ``peer_state`` for ``state`` steps; and where
  they apply ``range`` (``[start, end]`` of the bytes in the connection's stream, per
  direction), ``peer`` (the peer lifeline's address), ``to`` (positions in the array of the
  steps that carried this step's bytes on: a send's recvs), ``session`` (a merged peer
  session's number), ``message`` (errors), ``dir``/``flags``/``tcp_seq``/``ack``/``win``
  (segments), ``version``/``cipher``/``alpn`` (TLS). When older steps were dropped the first
  object says how many in ``dropped_before``.
- ``.mmd``: Mermaid ``sequenceDiagram`` text (sends as arrows; a recv linked to a send of the
  merged peer session is a note naming that send).
- ``.svg``: a hand-written SVG 1.1 picture (:mod:`netassistant.core.timeline.svg`).

Files are written atomically by :func:`~netassistant.core.safefile.write_atomic`; a FIFO, a
device, a folder or a symbolic link at the path is refused.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from netassistant.core.chunk import Event
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

#: File name endings and their formats.
FORMATS = {".svg": "svg", ".mmd": "mermaid", ".json": "json"}
_SEGMENT_KEYS = (("dir", "dir"), ("flags", "flags"), ("seq", "tcp_seq"), ("ack", "ack"))
_TLS_KEYS = ("version", "cipher", "alpn")


def check_timeline_path(path: str | os.PathLike[str]) -> str:
    """The format a timeline file name asks for: ``svg``, ``mermaid`` or ``json``.

    Raises:
        ValueError: the name does not end in ``.svg``, ``.mmd`` or ``.json``.
    """
    name = os.fspath(path)
    ext = os.path.splitext(name)[1].lower()
    if ext not in FORMATS:
        raise ValueError(
            text(
                "a timeline file must end in .svg, .mmd or .json (it picks the format), not {name}",
                name=repr(name),
            )
        )
    return FORMATS[ext]


def write_timeline(
    path: str | os.PathLike[str],
    events: Iterable[Event],
    *,
    extra_sessions: Iterable[Iterable[Event]] = (),
) -> None:
    """Write the timeline of a session's events to ``path`` (the extension picks the format).

    Args:
        path: The file: ``.svg``, ``.mmd`` or ``.json``.
        events: The session's chunks and connection events, in ``seq`` order.
        extra_sessions: The events of sessions at the other end of its connections (e.g.
            the client of a server run); their steps join the diagram and link by bytes.

    Raises:
        ValueError: an unknown extension (the message names the three).
        OSError: the file cannot be written (a FIFO, device, folder or symbolic link is
            refused with :class:`~netassistant.core.safefile.FileKindError`).
    """
    check_timeline_path(path)
    builder = TimelineBuilder()
    builder.feed(events)
    for number, extra in enumerate(extra_sessions, 1):
        builder.feed(extra, session=number)
    write_steps(path, builder)


def write_steps(path: str | os.PathLike[str], builder: TimelineBuilder) -> None:
    """Write what ``builder`` holds to ``path`` (for a front end that fed one as it ran).

    Raises:
        ValueError: an unknown extension.
        OSError: the file cannot be written.
    """
    from netassistant.core.safefile import write_atomic

    data = render(builder, check_timeline_path(path)).encode("utf-8")
    write_atomic(path, data, refuse_symlinks=True)


def render(builder: TimelineBuilder, fmt: str, lanes: Iterable[str] | None = None) -> str:
    """The timeline as text in ``fmt`` (``svg``, ``mermaid`` or ``json``)."""
    if fmt == "json":
        return to_json(builder)
    if fmt == "mermaid":
        return to_mermaid(builder, lanes)
    from netassistant.core.timeline.svg import to_svg

    return to_svg(builder, lanes)


# --------------------------------------------------------------------------- JSON
def step_record(
    builder: TimelineBuilder, step: Step, positions: dict[int, int] | None = None
) -> dict[str, Any]:
    """One step as a JSON-ready dict (see the module's description of the keys)."""
    t0 = builder.t0_ns or step.ts_ns
    record: dict[str, Any] = {
        "t": round((step.ts_ns - t0) / 1e9, 6),
        "side": step.side,
        "call": step.call,
        "conn": step.conn,
        "seq": step.seq,
        "len": step.length,
    }
    detail = step.detail or {}
    if step.call == "state":
        record["state"] = detail.get("state")
        record["peer_state"] = detail.get("peer_state")
    if step.start >= 0:
        record["range"] = [step.start, step.end]
    if step.lane:
        record["peer"] = step.lane
    if positions is not None:
        linked = [positions[s.id] for s in builder.links_from(step.id) if s.id in positions]
        if linked:
            record["to"] = linked
    if step.session:
        record["session"] = step.session
    if step.call == "error":
        record["message"] = step.message
    elif step.call == "segment":
        for key, name in _SEGMENT_KEYS:
            record[name] = detail.get(key)
        record["win"] = detail.get("win")
    elif step.call == "tls":
        for key in _TLS_KEYS:
            record[key] = detail.get(key)
    return record


def to_json(builder: TimelineBuilder) -> str:
    """A JSON array, one step object per line."""
    positions = {step.id: index for index, step in enumerate(builder.steps)}
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = []
    for index, step in enumerate(builder.steps):
        record = step_record(builder, step, positions)
        if index == 0 and builder.dropped:
            record["dropped_before"] = builder.dropped
        lines.append(encode(record))
    if not lines:
        return "[]\n"
    return "[\n" + ",\n".join(lines) + "\n]\n"


# ------------------------------------------------------------------------ Mermaid
#: Mermaid's own characters as entity codes; line breaks and controls as spaces.
_MERMAID_TABLE = {
    **{code: " " for code in range(0x20)},
    ord("#"): "#35;",
    ord(";"): "#59;",
}


def _mermaid_text(value: str) -> str:
    """Text safe in a Mermaid line: no line breaks; ``#`` and ``;`` as entity codes."""
    return value.translate(_MERMAID_TABLE)


def to_mermaid(builder: TimelineBuilder, lanes: Iterable[str] | None = None) -> str:
    """Mermaid ``sequenceDiagram`` text of the timeline."""
    cols = columns(builder, lanes)
    names = {lane: f"P{index}" for index, lane in enumerate(cols) if lane != SELF}
    names[SELF] = "L"
    lines = ["sequenceDiagram"]
    for lane in cols:
        title = (
            str(text("this socket {address}", address=builder.local_address)).strip()
            if lane == SELF
            else lane
        )
        lines.append(f"    participant {names[lane]} as {_mermaid_text(title)}")
    if builder.dropped:
        lines.append(f"    Note over L: {_mermaid_text(dropped_note(builder))}")
    t0 = builder.t0_ns or 0
    for step in builder.steps:
        src, dst = ends(step)
        if src not in names or dst not in names:
            continue  # a client not shown
        label = step_text(builder, step)
        label += f" ({(step.ts_ns - t0) / 1e9:.6f} s)"
        label = _mermaid_text(label)
        if src == dst or drawn_by_link(builder, step) or step.call not in ARROW_CALLS:
            where = names[dst]
            lines.append(f"    Note over {where}: {label}")
        else:
            lines.append(
                f"    {names[src]}{_MERMAID_ARROWS.get(step.call, '->>')}{names[dst]}: {label}"
            )
    return "\n".join(lines) + "\n"


_MERMAID_ARROWS = {"fin": "-)", "shutdown": "-)", "rst": "-x", "segment": "-->>"}
