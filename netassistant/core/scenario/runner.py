"""Running a scenario: real sessions over loopback, each step and check reported.

:class:`ScenarioRunner` runs in the thread that calls it (the CLI's main thread, a test,
or a worker thread of the window), drives one
:class:`~netassistant.core.scenario.drivers.PaneDriver` per pane and reports every
step and check to ``on_result`` as it happens. Every wait is bounded: by the step's own
limit and by the scenario's ``timeout_s``; :meth:`cancel` ends a run from another thread
within one poll.

A run keeps, per pane, a :class:`~netassistant.core.scenario.record.PaneRecord` (bounded),
so a timeline writer can be handed ``runner.events()`` after the run.
"""

from __future__ import annotations

import dataclasses
import tempfile
import threading
import time
from collections.abc import Callable
from typing import Any

from netassistant.core.chunk import Event, EventKind, parse_address
from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.core.i18n import text, translatable
from netassistant.core.scenario.checks import CHECK_KINDS, Verdict
from netassistant.core.scenario.context import PaneRun, Result, RunCancelled, RunContext
from netassistant.core.scenario.drivers import PaneDriver, ThreadDriver
from netassistant.core.scenario.record import PaneRecord
from netassistant.core.scenario.schema import Action, PaneSpec, Scenario, fill
from netassistant.core.scenario.steps import SEND_TIMEOUT_S, STEP_KINDS, StepOutcome, file_path

#: How long a start may take to listen or connect (beyond the connect timeout).
START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0
#: How long a step on a connection waits for the pane to have it.
CONN_TIMEOUT_S = 3.0
_LISTENING = translatable("listening")
_CONNECTED = translatable("connected")
#: How often a check that reads the kernel is asked again while it waits.
POLL_S = 0.05


class ScenarioRunner(RunContext):
    """Run one scenario's steps and checks on real sessions.

    Attributes:
        scenario: What to run.
        results: Every result so far, in order.
        next_index: The next action to run.
    """

    def __init__(
        self,
        scenario: Scenario,
        *,
        on_result: Callable[[Result], None] | None = None,
        driver_factory: Callable[[PaneSpec], PaneDriver] | None = None,
    ) -> None:
        """Prepare a run (nothing is opened before the first step).

        Args:
            scenario: A checked scenario.
            on_result: Called with every result, in the runner's thread.
            driver_factory: Makes each pane's driver (headless threads by default).
        """
        self.scenario = scenario
        self.base_dir = scenario.base_dir
        self.results: list[Result] = []
        self.next_index = 0
        self._on_result = on_result or (lambda _result: None)
        self._changed = threading.Condition()
        factory = driver_factory or (lambda _spec: ThreadDriver())
        self._panes = {
            name: PaneRun(spec, factory(spec), PaneRecord(name, self._changed))
            for name, spec in scenario.panes.items()
        }
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._cancelled = False
        self._started = time.monotonic()
        self._deadline = self._started + scenario.timeout_s

    # ------------------------------------------------------------------ running
    def run(self) -> bool:
        """Run every remaining action, then close the sessions; True when all held."""
        try:
            while self.next_index < len(self.scenario.actions):
                self.run_next()
        except RunCancelled:
            pass
        finally:
            self.close()
        return self.passed

    def run_stage(self, stage: list[int]) -> None:
        """Run the actions of one stage (a step and its checks) that have not run yet."""
        for index in stage:
            if index >= self.next_index:
                while self.next_index <= index:
                    self.run_next()

    def run_next(self) -> Result:
        """Run the next action and report it.

        Raises:
            RunCancelled: the run was cancelled or is out of time (reported as a failure).
        """
        index = self.next_index
        action = self.scenario.actions[index]
        self.next_index += 1
        try:
            self._check_time()
            if action.is_check:
                verdict = self._judge(action)
                result = Result(index, action, verdict.ok, "", verdict.observed, verdict.expected)
            else:
                outcome = STEP_KINDS[action.kind].run(self, action)
                ok = outcome.ok or action.may_fail
                result = Result(index, action, ok, outcome.message)
        except RunCancelled as exc:
            result = Result(index, action, False, str(exc), str(exc), "")
            self._report(result)
            self.next_index = len(self.scenario.actions)
            raise
        except Exception as exc:  # a command refused by the session, a file missing...
            result = Result(index, action, False, f"{type(exc).__name__}: {exc}")
        self._report(result)
        return result

    def _report(self, result: Result) -> None:
        result = dataclasses.replace(
            result, elapsed_ms=int((time.monotonic() - self._started) * 1000)
        )
        self.results.append(result)
        self._on_result(result)

    @property
    def passed(self) -> bool:
        """True when every action ran and held."""
        return len(self.results) == len(self.scenario.actions) and all(r.ok for r in self.results)

    def cancel(self) -> None:
        """End the run from any thread: the current wait returns, the rest is not run."""
        self._cancelled = True
        with self._changed:
            self._changed.notify_all()

    def close(self) -> None:
        """Stop every session and wait for them; remove the run's temporary folder."""
        for pane in self._panes.values():
            pane.driver.close()
            pane.running = False
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def events(self) -> dict[str, list[Event]]:
        """Each pane's kept events (the newest, bounded), for a timeline."""
        out = {}
        for name, pane in self._panes.items():
            with self._changed:
                out[name] = list(pane.record.events)
        return out

    # ----------------------------------------------------------------- waiting
    def _check_time(self) -> None:
        if self._cancelled:
            raise RunCancelled(text("the run was stopped"))
        if time.monotonic() > self._deadline:
            raise RunCancelled(
                text(
                    "the scenario ran out of time ({seconds:g} s)", seconds=self.scenario.timeout_s
                )
            )

    def _wait(self, predicate: Callable[[], bool], timeout: float, *, poll: float = 0.5) -> bool:
        """Wait until ``predicate()`` holds, at most ``timeout`` s; False on time out."""
        end = min(time.monotonic() + timeout, self._deadline)
        with self._changed:
            while True:
                if predicate():
                    return True
                self._check_time()
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, poll))

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds``, bounded by the scenario's time; a cancel ends it at once."""
        end = time.monotonic() + seconds
        self._wait(lambda: time.monotonic() >= end, seconds + 0.1, poll=0.05)

    def _judge(self, action: Action) -> Verdict:
        kind = CHECK_KINDS[action.kind]
        verdict = kind.judge(self, action)
        if verdict.ok or not action.within_ms:
            return verdict
        holder = [verdict]

        def holds() -> bool:
            holder[0] = kind.judge(self, action)
            return holder[0].ok

        # The record's lock is held while waiting: judge outside it, so poll instead.
        end = time.monotonic() + action.within_ms / 1000
        while time.monotonic() < end:
            self._check_time()
            if holds():
                break
            with self._changed:
                self._changed.wait(POLL_S if kind.polls_kernel else min(0.2, POLL_S * 2))
        return holder[0]

    # ------------------------------------------------------------------- panes
    def pane(self, name: str) -> PaneRun:
        """The named pane."""
        return self._panes[name]

    def _lookup(self, name: str, what: str) -> Any:
        if what == "tmp":
            if self._tmp is None:
                self._tmp = tempfile.TemporaryDirectory(prefix="netassistant-lab-")
            return self._tmp.name
        pane = self._panes[name]
        if pane.config is None:
            raise RuntimeError(f"{name} has not started yet")
        address = pane.record.listening or pane.driver.local_address()
        if what == "address":
            return address
        if pane.config.family is Family.UNIX:
            return address if what == "host" else 0
        host, port = parse_address(address)
        return port if what == "port" else host

    def _config(self, pane: PaneRun, overrides: dict[str, Any], same_port: bool) -> SessionConfig:
        spec = pane.spec
        values = {k: fill(v, self._lookup) for k, v in {**spec.session, **overrides}.items()}
        if spec.kind is Kind.TCP_CLIENT:
            values.setdefault("local_host", "")
        if spec.remote:
            target = self._panes[spec.remote]
            if target.config is not None and target.config.family is Family.UNIX:
                values["remote_host"] = self._lookup(spec.remote, "address")
            else:
                values["remote_host"] = self._lookup(spec.remote, "host")
                values["remote_port"] = self._lookup(spec.remote, "port")
        if same_port and pane.port and "local_port" not in overrides:
            values["local_port"] = pane.port
        return SessionConfig.from_dict({"kind": spec.kind.value, **values})

    def start_pane(
        self, name: str, overrides: dict[str, Any], *, same_port: bool = False
    ) -> StepOutcome:
        """Start ``name`` and wait until it listens, connects or fails (bounded)."""
        pane = self._panes[name]
        if pane.running:
            return StepOutcome(False, text("{pane} is already running", pane=name))
        config = self._config(pane, overrides, same_port)
        record = pane.record
        with self._changed:
            base = {k: record.kinds[k] for k in ("listening", "connected", "error", "stopped")}
            errors_before = len(record.errors)
        pane.config = config
        pane.driver.start(config, record)
        pane.running = True
        ready = "connected" if config.kind is Kind.TCP_CLIENT else "listening"
        ready_words = _CONNECTED if ready == "connected" else _LISTENING

        def moved(kind: str) -> bool:
            return record.kinds[kind] > base[kind]

        self._wait(
            lambda: moved(ready) or moved("stopped") or moved("error"),
            START_TIMEOUT_S + config.connect_timeout,
        )
        if moved(ready):
            if config.family is not Family.UNIX and ready == "listening":
                pane.port = parse_address(record.listening)[1]
            local = record.listening if ready == "listening" else pane.driver.local_address()
            return StepOutcome(
                True,
                text(
                    "{pane} {state} ({address})", pane=name, state=text(ready_words), address=local
                ),
            )
        with self._changed:
            new_errors = record.errors[errors_before:]
        reason = new_errors[-1].message if new_errors else text("it did not start in time")
        if not moved("stopped"):
            pane.driver.stop()
            self._wait(lambda: moved("stopped"), STOP_TIMEOUT_S)
        pane.running = False
        return StepOutcome(False, text("{pane} did not start: {reason}", pane=name, reason=reason))

    def stop_pane(self, name: str) -> StepOutcome:
        """Stop ``name`` and wait for its STOPPED event (bounded)."""
        pane = self._panes[name]
        if not pane.running:
            return StepOutcome(True, text("{pane} is not running", pane=name))
        record = pane.record
        with self._changed:
            before = record.kinds[EventKind.STOPPED.value]
        pane.driver.stop()
        stopped = self._wait(lambda: record.kinds[EventKind.STOPPED.value] > before, STOP_TIMEOUT_S)
        pane.running = False
        if not stopped:
            return StepOutcome(False, text("{pane} did not stop in time", pane=name))
        return StepOutcome(True, text("{pane} stopped", pane=name))

    def command(self, name: str, command: str, *args: Any) -> Any:
        """Run ``command`` on pane ``name``'s session."""
        pane = self._panes[name]
        if not pane.running:
            raise RuntimeError(text("{pane} is not running; start it first", pane=name))
        return pane.driver.command(command, *args)

    def conn_id(self, name: str, nth: int) -> int | None:
        """The id of the ``nth`` (1-based) connection pane ``name`` opened; 0 = the newest."""
        record = self._panes[name].record
        # A server hears of a connection a batch after its client did: wait for it, briefly.
        self._wait(lambda: len(record.connections) >= max(nth, 1), CONN_TIMEOUT_S)
        with self._changed:
            ids = list(record.connections)
        if not ids:
            return None
        if nth == 0:
            return ids[-1]
        return ids[nth - 1] if nth <= len(ids) else None

    # ----------------------------------------------------------------- sending
    def send(self, action: Action) -> StepOutcome:
        """Send as a send plan (one TX chunk per send call) and wait until it is done."""
        from netassistant.core.sending.plans import SendPlan

        p = action.params
        pane = self._panes[action.pane]
        config = pane.config
        if config is None or not pane.running:
            return StepOutcome(
                False, text("{pane} is not running; start it first", pane=action.pane)
            )
        conn_id = self.conn_id(action.pane, p["conn"]) if p["conn"] else None
        record = pane.record
        with self._changed:
            tx_before = record.tx_chunks
        # A plan makes one TX chunk per send call; it may end before the kernel took the
        # last of a large write, so the step waits for the chunks, not only the plan's end.
        calls = 1 if p["burst"] == "one_call" else p["repeat"] * p["split"]
        if p["file"]:
            calls = 1
            plan_id = self.command(
                action.pane, "send_file", file_path(self.base_dir, p["file"]), conn_id
            )
        else:
            target: dict[str, Any] = {}
            if p["to"]:
                address = self._lookup(p["to"], "address")
                if config.family is Family.UNIX:
                    target = {"udp_host": address}
                else:
                    host, port = parse_address(address)
                    target = {"udp_host": host, "udp_port": port}
            plan = SendPlan(
                p["payload"],
                count=p["repeat"],
                interval_ms=p["interval_ms"],
                burst=p["burst"],
                split=p["split"],
                split_gap_ms=p["gap_ms"],
                counter=p["counter"],
                conn_id=conn_id,
                fmt=_message_format(config) if p["framed"] else None,
                **target,
            )
            plan_id = self.command(action.pane, "start_plan", plan)
        limit = SEND_TIMEOUT_S + (p["repeat"] * p["interval_ms"] + p["gap_ms"] * p["split"]) / 1000
        if not self._wait(
            lambda: (
                plan_id in record.plans
                and (record.plans[plan_id] != "done" or record.tx_chunks >= tx_before + calls)
            ),
            limit,
        ):
            return StepOutcome(
                False, text("{pane}: the send did not finish in time", pane=action.pane)
            )
        state = record.plans[plan_id]
        with self._changed:
            tx = record.tx_chunks
        if state != "done":
            return StepOutcome(
                False, text("{pane}: the send ended {state}", pane=action.pane, state=state)
            )
        return StepOutcome(
            True, text("{pane} sent; {count} TX chunks so far", pane=action.pane, count=tx)
        )


def _message_format(config: SessionConfig) -> Any:
    """The framing and checksum a pane adds to what it sends (its own settings)."""
    from netassistant.core.framing import parse_frame_spec
    from netassistant.core.sending.formats import MessageFormat

    return MessageFormat(
        config.checksum, config.checksum_order or None, parse_frame_spec(config.framing)
    )
