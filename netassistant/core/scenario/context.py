"""What a run hands to its steps and checks, and what it reports.

:class:`RunContext` is the runner as steps and checks see it (so they need not import
the runner); :class:`Result` is one reported step or check; :class:`PaneRun` is one pane
during a run.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from netassistant.core.config import SessionConfig
from netassistant.core.scenario.drivers import PaneDriver
from netassistant.core.scenario.record import PaneRecord
from netassistant.core.scenario.schema import Action, PaneSpec
from netassistant.core.scenario.steps import StepOutcome


@dataclasses.dataclass(frozen=True)
class Result:
    """One reported step or check.

    Attributes:
        index: The action's index in ``scenario.actions``.
        action: The action.
        ok: True when the step worked / the expectation held (or a may-fail step failed).
        message: Steps: what happened. Checks: "" .
        observed: Checks: what really happened.
        expected: Checks: what was expected.
        elapsed_ms: Time since the run began.
    """

    index: int
    action: Action
    ok: bool
    message: str = ""
    observed: str = ""
    expected: str = ""
    elapsed_ms: int = 0


class RunCancelled(Exception):
    """:meth:`ScenarioRunner.cancel` was called, or the scenario's time ran out."""


@dataclasses.dataclass
class PaneRun:
    """One pane during a run.

    Attributes:
        spec: What the scenario says about it.
        driver: Its session.
        record: What it did.
        config: The configuration of its current (or last) session.
        port: The port its last session bound (0 for AF_UNIX or before a start).
        running: True between a start and its end.
        stopped_count: STOPPED events seen before the current session.
    """

    spec: PaneSpec
    driver: PaneDriver
    record: PaneRecord
    config: SessionConfig | None = None
    port: int = 0
    running: bool = False


class RunContext:
    """What steps and checks may use during a run (implemented by :class:`ScenarioRunner`)."""

    base_dir: str

    def pane(self, name: str) -> PaneRun:
        """The named pane."""
        raise NotImplementedError

    def start_pane(
        self, name: str, overrides: dict[str, Any], *, same_port: bool = False
    ) -> StepOutcome:
        """Start a pane's session and wait until it listens or connects (or fails)."""
        raise NotImplementedError

    def stop_pane(self, name: str) -> StepOutcome:
        """Stop a pane's session and wait until it ended."""
        raise NotImplementedError

    def command(self, name: str, command: str, *args: Any) -> Any:
        """Run a session command on a pane."""
        raise NotImplementedError

    def conn_id(self, name: str, nth: int) -> int | None:
        """The id of the ``nth`` connection a pane opened (0: the newest); waits for it briefly."""
        raise NotImplementedError

    def send(self, action: Action) -> StepOutcome:
        """Perform a send, burst or split step."""
        raise NotImplementedError

    def sleep(self, seconds: float) -> None:
        """Wait, bounded by the scenario's time."""
        raise NotImplementedError
