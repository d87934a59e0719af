"""PanelSetup: the packet panel's buttons, step list and rounds, kept in the library file.

A tester builds a panel once (the packets shown as big buttons, a step list such as send
A, wait 100 ms, send B, and how many rounds it runs) and expects it next time, so the
setup is stored in ``packets.json`` next to the packets (its ``panel`` object) and
travels with an export. It names packets; a name that is no longer in the library is
dropped when the setup is read against the packets (:meth:`PanelSetup.restricted_to`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from netassistant.core.i18n import Text, text
from netassistant.core.packets.model import PacketError
from netassistant.core.packets.steps import MAX_WAIT_MS, Step

#: Steps in a stored step list at most (a list the user builds by hand).
MAX_STEPS = 10_000
#: Rounds a step list runs at most (the panel's spin box allows as many).
MAX_ROUNDS = 1_000_000


@dataclasses.dataclass(frozen=True, slots=True)
class PanelSetup:
    """What the panel shows and runs.

    Attributes:
        buttons: The packets shown as buttons (names, in the order they were chosen).
        steps: The step list.
        rounds: How many times the step list runs.
    """

    buttons: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    rounds: int = 1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"buttons": [...], "steps": [{"send": N} | {"wait_ms": MS}], ...}``."""
        steps = [{"wait_ms": s.wait_ms} if s.is_wait else {"send": s.name} for s in self.steps]
        return {"buttons": list(self.buttons), "steps": steps, "rounds": self.rounds}

    def restricted_to(self, names: Iterable[str]) -> PanelSetup:
        """This setup without buttons and send steps naming packets not in ``names``."""
        known = set(names)
        return PanelSetup(
            tuple(n for n in self.buttons if n in known),
            tuple(s for s in self.steps if s.is_wait or s.name in known),
            self.rounds,
        )

    def renamed(self, renames: Mapping[str, str]) -> PanelSetup:
        """This setup with packets renamed (an import stored ``Ping`` as ``Ping (2)``)."""
        return PanelSetup(
            tuple(renames.get(n, n) for n in self.buttons),
            tuple(s if s.is_wait else Step(name=renames.get(s.name, s.name)) for s in self.steps),
            self.rounds,
        )

    def merged(self, other: PanelSetup) -> PanelSetup:
        """This setup plus ``other``'s buttons (not already here) and steps (after ours).

        An import adds to the user's panel; it never takes anything away. The rounds stay
        ours unless we had no steps.
        """
        buttons = self.buttons + tuple(n for n in other.buttons if n not in self.buttons)
        rounds = self.rounds if self.steps else other.rounds
        return PanelSetup(buttons, (self.steps + other.steps)[:MAX_STEPS], rounds)


def panel_from_dict(data: Any, where: str = "panel") -> PanelSetup:
    """Check a stored ``panel`` object and build the setup.

    Raises:
        PacketError: the first thing wrong, named (``panel.steps[2].wait_ms: ...``).
    """
    if not isinstance(data, Mapping):
        raise PacketError(Text("{where}: must be a JSON object", where=where))
    for key in data:
        if key not in ("buttons", "steps", "rounds"):
            raise PacketError(Text("{where}.{key}: unknown setting", where=where, key=key))
    buttons = data.get("buttons", [])
    if not isinstance(buttons, list) or not all(isinstance(n, str) for n in buttons):
        raise PacketError(Text("{where}.buttons: must be a list of packet names", where=where))
    rounds = data.get("rounds", 1)
    if isinstance(rounds, bool) or not isinstance(rounds, int) or not 1 <= rounds <= MAX_ROUNDS:
        raise PacketError(
            Text(
                "{where}.rounds: must be a whole number 1 to {limit}", where=where, limit=MAX_ROUNDS
            )
        )
    raw_steps = data.get("steps", [])
    if not isinstance(raw_steps, list) or len(raw_steps) > MAX_STEPS:
        raise PacketError(
            Text(
                "{where}.steps: must be a list of at most {limit} steps",
                where=where,
                limit=MAX_STEPS,
            )
        )
    steps = tuple(_step(item, f"{where}.steps[{index}]") for index, item in enumerate(raw_steps))
    return PanelSetup(tuple(dict.fromkeys(buttons)), steps, rounds)


def _step(item: Any, where: str) -> Step:
    if isinstance(item, Mapping) and set(item) == {"send"} and isinstance(item["send"], str):
        if item["send"]:
            return Step(name=item["send"])
    elif isinstance(item, Mapping) and set(item) == {"wait_ms"}:
        wait = item["wait_ms"]
        if not isinstance(wait, bool) and isinstance(wait, int) and 0 <= wait <= MAX_WAIT_MS:
            return Step(wait_ms=wait)
    reason = text(
        'a step is {{"send": "packet name"}} or {{"wait_ms": 0 to {limit}}}', limit=MAX_WAIT_MS
    )
    raise PacketError(Text("{where}: {reason}", where=where, reason=reason))
