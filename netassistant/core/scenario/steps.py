"""The step kinds of a scenario: what a step may say and what it does.

A step kind is one class here with a ``name``, a :meth:`StepKind.parse` that reads its
keys (strictly, with their lines) and a :meth:`StepKind.run` that performs it through the
run's context; :data:`STEP_KINDS` lists them. Adding a kind means adding one class to that
table (and a paragraph to ``docs/scenarios.md``): the schema, the runner, the CLI and the
window all go through the table.

Every step waits for its effect, bounded: a start until the session listens or connects
(or says why not), a send until the kernel took every byte, a stop until the session
ended.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, ClassVar

from netassistant.core.config import Kind
from netassistant.core.i18n import text, translatable
from netassistant.core.scenario.nodes import Map, ScenarioError, line_of, scalar

if TYPE_CHECKING:
    from netassistant.core.scenario.context import RunContext
    from netassistant.core.scenario.schema import Action

#: Bounds of what a step may ask for.
MAX_REPEAT = 100_000
MAX_WAIT_MS = 30_000
MAX_PAYLOAD = 1024 * 1024
MAX_FILL = 16 * 1024 * 1024
#: How long a send may take to reach the kernel before the step is reported as failed.
SEND_TIMEOUT_S = 15.0

STREAM_KINDS = (Kind.TCP_SERVER, Kind.TCP_CLIENT)
#: Kinds that start, restart and stop: every kind, a relay too.
ALL_KINDS: tuple[Kind, ...] = (Kind.TCP_SERVER, Kind.TCP_CLIENT, Kind.UDP, Kind.RELAY)


class StepOutcome:
    """How a step went.

    Attributes:
        ok: True when the step did what it says.
        message: What happened, in plain words.
    """

    def __init__(self, ok: bool, message: str) -> None:
        self.ok = ok
        self.message = message


class StepKind:
    """One kind of step: its keys and its action.

    Attributes:
        name: The word after ``do:``.
        pane_kinds: The session kinds it applies to (None: no pane, e.g. ``wait``).
    """

    name: ClassVar[str] = ""
    pane_kinds: ClassVar[tuple[Kind, ...] | None] = (Kind.TCP_SERVER, Kind.TCP_CLIENT, Kind.UDP)

    def parse(self, m: Map) -> dict[str, Any]:
        """Read this kind's keys from ``m`` (the ``do:`` and ``pane:`` keys are read already)."""
        return self._read(m)

    def _read(self, m: Map) -> dict[str, Any]:
        return {}

    def run(self, ctx: RunContext, action: Action) -> StepOutcome:
        """Perform the step."""
        return self._do(ctx, action)

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        raise NotImplementedError


# ------------------------------------------------------------------ life cycle
class Start(StepKind):
    """Open the pane's session: listen (server, UDP) or connect (client)."""

    name = "start"
    pane_kinds = ALL_KINDS

    def _read(self, m: Map) -> dict[str, Any]:
        session = m.sub("session", "session")
        return {"session": session}

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        return ctx.start_pane(action.pane, action.params.get("overrides", {}))


class Connect(Start):
    """A client's start: connect to its server."""

    name = "connect"
    pane_kinds = (Kind.TCP_CLIENT,)


class Restart(Start):
    """Stop the pane's session and start it again on the same port (settings may change)."""

    name = "restart"

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        ctx.stop_pane(action.pane)
        return ctx.start_pane(action.pane, action.params.get("overrides", {}), same_port=True)


class Stop(StepKind):
    """End the pane's session (closing its sockets)."""

    name = "stop"
    pane_kinds = ALL_KINDS

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        return ctx.stop_pane(action.pane)


class Wait(StepKind):
    """Let time pass (at most 30 s)."""

    name = "wait"
    pane_kinds = None

    def _read(self, m: Map) -> dict[str, Any]:
        if "ms" not in m:
            raise ScenarioError(m.line, text("a wait step needs ms: (0 to {max})", max=MAX_WAIT_MS))
        return {"ms": m.integer("ms", 0, 0, MAX_WAIT_MS)}

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        ms = action.params["ms"]
        ctx.sleep(ms / 1000)
        return StepOutcome(True, text("waited {ms} ms", ms=ms))


# ---------------------------------------------------------------------- sending
class Send(StepKind):
    """Send text, hex or a file: ``repeat`` separate send calls, ``interval_ms`` apart."""

    name = "send"
    #: Defaults of the plan keys; ``burst`` and ``split`` change them.
    burst = "none"

    def _read(self, m: Map) -> dict[str, Any]:
        params: dict[str, Any] = {"payload": None, "file": ""}
        given = [key for key in ("text", "hex", "file") if key in m]
        if len(given) != 1:
            raise ScenarioError(
                m.line, text("a {kind} step needs one of text:, hex: or file:", kind=self.name)
            )
        if "file" in m:
            params["file"] = m.string("file", required=True)
        else:
            params["payload"] = _payload(m, given[0])
            if "fill" in m:
                # A large message without a large file: the text repeated to ``fill`` bytes.
                size = m.integer("fill", 1, 1, MAX_FILL)
                data = params["payload"]
                params["payload"] = (data * (size // len(data) + 1))[:size]
        params["counter"] = m.boolean("counter", False)
        params["repeat"] = m.integer("repeat", 1, 1, MAX_REPEAT)
        params["interval_ms"] = m.integer("interval_ms", 0, 0, MAX_WAIT_MS)
        params["burst"] = self.burst
        params["split"] = 1
        params["gap_ms"] = 0
        params["framed"] = m.boolean("framed", False)
        params["conn"] = m.integer("conn", 0, 0, 1_000_000)
        params["to"] = m.string("to", "")
        return params

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        return ctx.send(action)


class Burst(Send):
    """``copies`` messages at once: in one send call, or in back-to-back send calls."""

    name = "burst"

    def _read(self, m: Map) -> dict[str, Any]:
        copies = m.integer("copies", 10, 1, MAX_REPEAT)
        one_call = m.boolean("one_call", False)
        params = super()._read(m)
        if params["file"]:
            raise m.error("file", text("a burst sends text or hex, not a file"))
        params["repeat"] = copies
        params["burst"] = "one_call" if one_call else "back_to_back"
        return params


class Split(Send):
    """One message cut into ``pieces`` send calls, ``gap_ms`` apart (拆包 on purpose)."""

    name = "split"

    def _read(self, m: Map) -> dict[str, Any]:
        pieces = m.integer("pieces", 2, 1, 10_000)
        gap = m.integer("gap_ms", 0, 0, MAX_WAIT_MS)
        params = super()._read(m)
        if params["file"]:
            raise m.error("file", text("split sends text or hex, not a file"))
        if pieces > len(params["payload"]):
            raise m.error("pieces", text("more pieces than bytes in the message"))
        params.update(split=pieces, gap_ms=gap)
        return params


def _payload(m: Map, key: str) -> bytes:
    from netassistant.core.codec import HexError, parse_hex

    value = m.string(key, required=True)
    if key == "hex":
        try:
            data = parse_hex(value)
        except HexError as exc:
            raise m.error(key, exc.args[0]) from None
    else:
        data = value.encode("utf-8")
    if not data:
        raise m.error(key, text("is empty; there is nothing to send"))
    if len(data) > MAX_PAYLOAD:
        raise m.error(key, text("is larger than 1 MiB; send a file instead"))
    return data


def file_path(base_dir: str, name: str) -> str:
    """A ``file:`` named relative to the scenario file's folder."""
    return name if os.path.isabs(name) else os.path.join(base_dir, name)


# ----------------------------------------------------------- options, connections
class SetOption(StepKind):
    """Change a live option: ``nodelay``, ``recv_size``, ``read_delay_ms``."""

    name = "set"

    def _read(self, m: Map) -> dict[str, Any]:
        options: dict[str, Any] = {}
        if "nodelay" in m:
            options["set_nodelay"] = m.boolean("nodelay", False)
        if "recv_size" in m:
            options["set_recv_size"] = m.integer("recv_size", 1, 1, 1024 * 1024)
        if "read_delay_ms" in m:
            options["set_read_delay"] = m.integer("read_delay_ms", 0, 0, 60_000)
        if not options:
            raise ScenarioError(
                m.line, text("a set step needs nodelay:, recv_size: or read_delay_ms:")
            )
        return {"options": options}

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        pane = ctx.pane(action.pane)
        if "set_nodelay" in action.params["options"] and pane.spec.kind is Kind.UDP:
            return StepOutcome(
                False, text("nodelay is a TCP option; {pane} is UDP", pane=action.pane)
            )
        for command, value in action.params["options"].items():
            ctx.command(action.pane, command, value)
        names = ", ".join(f"{k[4:]}={v}" for k, v in action.params["options"].items())
        return StepOutcome(True, text("set {options} on {pane}", options=names, pane=action.pane))


class _ConnCommand(StepKind):
    """A command on one connection (``conn: N``, the N-th the pane opened; default its only one)."""

    pane_kinds = STREAM_KINDS
    command = ""
    done = ""

    def _read(self, m: Map) -> dict[str, Any]:
        return {"conn": m.integer("conn", 0, 0, 1_000_000)}

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        conn_id = ctx.conn_id(action.pane, action.params["conn"])
        if conn_id is None and ctx.pane(action.pane).spec.kind is Kind.TCP_SERVER:
            return StepOutcome(False, text("{pane} has no such connection", pane=action.pane))
        ctx.command(action.pane, self.command, conn_id)
        return StepOutcome(True, text(self.done, pane=action.pane))


class Close(_ConnCommand):
    """Close a connection gracefully (FIN)."""

    name = "close"
    command = "disconnect"
    done = translatable("{pane} closed its connection (FIN)")


class HalfClose(_ConnCommand):
    """Shut down writing (FIN); the connection still receives."""

    name = "half_close"
    command = "half_close"
    done = translatable("{pane} shut down writing (FIN); it still receives")


class Abort(_ConnCommand):
    """Reset a connection (RST)."""

    name = "abort"
    command = "abort"
    done = translatable("{pane} reset its connection (RST)")


class PauseAccept(StepKind):
    """A server stops calling accept(): clients wait in the kernel's queue."""

    name = "pause_accept"
    pane_kinds = (Kind.TCP_SERVER,)
    paused = True

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        ctx.command(action.pane, "set_accept_paused", self.paused)
        if self.paused:
            return StepOutcome(True, text("{pane} stopped accepting", pane=action.pane))
        return StepOutcome(True, text("{pane} accepts again", pane=action.pane))


class ResumeAccept(PauseAccept):
    """A server accepts again."""

    name = "resume_accept"
    paused = False


class Faults(StepKind):
    """A relay's faults from now on (``faults: [up:coalesce:window_ms=300]``; ``[]``: none).

    The list replaces the faults in force, for the connections already relayed too (data
    a fault holds goes on first); each change is a FAULT event in the relay's log.
    """

    name = "faults"
    pane_kinds = (Kind.RELAY,)

    def _read(self, m: Map) -> dict[str, Any]:
        from netassistant.core.relay.settings import MAX_FAULTS
        from netassistant.core.relay.spec import FaultSpecError, parse_fault

        if "faults" not in m:
            raise ScenarioError(
                m.line, text("a faults step needs faults: (a list of fault specs, [] for none)")
            )
        specs: list[str] = []
        for node in m.items("faults", "faults", limit=MAX_FAULTS):
            spec = scalar(node)
            if not isinstance(spec, str):
                raise ScenarioError(line_of(node), text("must be text; put it in quotes"))
            try:
                parse_fault(spec)
            except FaultSpecError as exc:
                raise ScenarioError(line_of(node), exc.args[0]) from None
            specs.append(spec)
        return {"faults": specs}

    def _do(self, ctx: RunContext, action: Action) -> StepOutcome:
        specs = action.params["faults"]
        ctx.command(action.pane, "set_faults", list(specs))
        if not specs:
            return StepOutcome(True, text("{pane} relays without faults now", pane=action.pane))
        return StepOutcome(
            True,
            text("{pane} relays with {faults} now", pane=action.pane, faults=", ".join(specs)),
        )


#: Every step kind by its ``do:`` word: the one place a new kind is added.
STEP_KINDS: dict[str, StepKind] = {
    kind.name: kind
    for kind in (
        Start(),
        Connect(),
        Restart(),
        Stop(),
        Wait(),
        Send(),
        Burst(),
        Split(),
        SetOption(),
        Close(),
        HalfClose(),
        Abort(),
        PauseAccept(),
        ResumeAccept(),
        Faults(),
    )
}
