"""Where the lifelines go and which arrows a step draws: shared by the exports and the window.

Columns: this socket first, then one lifeline per peer in the order they appeared. A relay
draws its clients left of itself and the upstream server right (client | relay | server).
A ``send`` whose bytes are known to have arrived (links) is drawn as arrows from the send
to each recv that delivered them: diverging for 拆包, converging for 粘包; the recvs then
need no arrow of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from netassistant.core.i18n import Text, text
from netassistant.core.timeline.builder import TimelineBuilder
from netassistant.core.timeline.steps import (
    ARROW_CALLS,
    LOCAL,
    SERVER_LEG,
    Step,
    byte_range,
    step_label,
)

#: The lifeline key of this session's own socket.
SELF = ""


def columns(builder: TimelineBuilder, lanes: Iterable[str] | None = None) -> list[str]:
    """The lifelines left to right: peer addresses, and :data:`SELF` for this socket.

    Args:
        builder: The timeline.
        lanes: Only these peer lifelines (e.g. the selected client), None for all.
    """
    wanted = None if lanes is None else set(lanes)
    left: list[str] = []
    right: list[str] = []
    for lane, leg in builder.lanes():
        if not lane or (wanted is not None and lane not in wanted):
            continue
        (left if builder.relay and leg != SERVER_LEG else right).append(lane)
    return [*left, SELF, *right]


def ends(step: Step) -> tuple[str, str]:
    """The lifelines an arrow step goes from and to (the same for a mark)."""
    lane = step.lane
    if step.call not in ARROW_CALLS or not lane:
        return (SELF, SELF) if step.session == 0 else (lane, lane)
    if step.call in ("recv", "accept"):
        # Data or a connection arriving: from the other end to the caller.
        caller, other = (SELF, lane) if step.session == 0 else (lane, SELF)
        return other, caller
    return (SELF, lane) if step.side == LOCAL else (lane, SELF)


def drawn_by_link(builder: TimelineBuilder, step: Step) -> bool:
    """True for a recv whose arrow is drawn by the send (or segment) that it is linked to."""
    return step.call == "recv" and bool(builder.links_to(step.id))


def step_text(builder: TimelineBuilder, step: Step, translate: Callable[[str], str] = str) -> str:
    """The step's label with its byte range and, for a linked recv, the sends it came from.

    Args:
        builder: The timeline.
        step: The step.
        translate: Renders the label (a :class:`~netassistant.core.i18n.Text`) in the
            user's language; ``str`` gives English.
    """
    label = translate(step_label(step))
    where = byte_range(step)
    if where:
        label += " " + where
    if step.call == "recv":
        sources = [s for s in builder.links_to(step.id) if s.call == "send"]
        if sources:
            label += " ← " + ", ".join(f"#{s.seq}" for s in sources)
    return label


def dropped_note(builder: TimelineBuilder) -> Text:
    """The note that says the oldest steps were let go (translatable)."""
    return text(
        "the oldest {count} steps were dropped (the timeline keeps the newest {limit})",
        count=builder.dropped,
        limit=builder.max_steps,
    )
