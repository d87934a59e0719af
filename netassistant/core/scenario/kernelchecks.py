"""Checks that read the kernel: a connection's TCP state, the accept queue, ephemeral ports.

Linux tells these in ``/proc`` (:mod:`netassistant.core.engine.kernel`); where it cannot
be read a check fails and says so, it never guesses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netassistant.core.chunk import parse_address
from netassistant.core.config import Kind
from netassistant.core.i18n import text
from netassistant.core.scenario.checks import CheckKind, Verdict, compare, parse_comparison
from netassistant.core.scenario.nodes import Map

if TYPE_CHECKING:
    from netassistant.core.scenario.context import RunContext
    from netassistant.core.scenario.schema import Action


class TcpState(CheckKind):
    """A kernel state of the pane's connection (``TIME_WAIT``...), read from ``/proc``.

    Where ``/proc/net/tcp`` does not exist (not Linux) the check fails and says so.
    """

    name = "tcp_state"
    pane_kinds = (Kind.TCP_SERVER, Kind.TCP_CLIENT)
    polls_kernel = True

    def _read(self, m: Map) -> dict[str, Any]:
        state = m.string("state", required=True).upper()
        from netassistant.core.engine.kernel import TCP_STATE_NAMES

        if state not in TCP_STATE_NAMES.values():
            raise m.error(
                "state",
                text(
                    "unknown TCP state; use one of {names}",
                    names=", ".join(TCP_STATE_NAMES.values()),
                ),
            )
        return {"state": state, "absent": m.boolean("absent", False)}

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        from netassistant.core.engine.kernel import tcp_sockets

        pane = ctx.pane(action.pane)
        record = pane.record
        with record.changed:
            pairs = set(record.connections.values())
        want, absent = action.params["state"], action.params["absent"]
        expected = f"no socket in {want}" if absent else f"a socket in {want}"
        states: list[str] = []
        for local, peer in pairs:
            try:
                port = parse_address(local)[1]
            except ValueError:
                continue
            table = tcp_sockets(port)
            if table is None:
                return Verdict(False, "this system has no /proc/net/tcp", expected)
            states.extend(s.state for s in table if s.local == local and s.remote == peer)
        observed = ", ".join(sorted(states)) or "no socket left"
        held = want in states
        return Verdict(held != absent, f"{action.pane}: {observed}", expected)


class AcceptQueue(CheckKind):
    """How many connections wait in a listening socket's accept queue (Linux ``/proc``)."""

    name = "accept_queue"
    pane_kinds = (Kind.TCP_SERVER,)
    polls_kernel = True

    def _read(self, m: Map) -> dict[str, Any]:
        return {"compare": parse_comparison(m)}

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        from netassistant.core.engine.kernel import tcp_sockets

        pane = ctx.pane(action.pane)
        listening = pane.record.listening
        ok, expected = compare(ctx, -1, action.params["compare"])
        try:
            table = tcp_sockets(parse_address(listening)[1])
        except ValueError:
            return Verdict(False, f"{action.pane} is not listening on a port", expected)
        if table is None:
            return Verdict(False, "this system has no /proc/net/tcp", expected)
        # For a LISTEN socket the kernel shows the accept queue's length as its rx_queue.
        waiting = sum(s.rx_queue for s in table if s.state == "LISTEN" and s.local == listening)
        ok, expected = compare(ctx, waiting, action.params["compare"])
        return Verdict(ok, f"{waiting} waiting to be accepted", f"{expected} waiting")


class Address(CheckKind):
    """The pane's local port: ``ephemeral: true`` = chosen by the OS from its ephemeral range."""

    name = "address"
    pane_kinds = (Kind.TCP_CLIENT, Kind.UDP, Kind.TCP_SERVER)

    def _read(self, m: Map) -> dict[str, Any]:
        return {"ephemeral": m.boolean("ephemeral", True)}

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        pane = ctx.pane(action.pane)
        with pane.record.changed:
            locals_ = [local for local, _peer in pane.record.connections.values()]
        address = locals_[-1] if locals_ else pane.record.listening
        low, high = ephemeral_range()
        try:
            port = parse_address(address)[1]
        except ValueError:
            return Verdict(False, f"no port: {address!r}", "an ephemeral port")
        inside = low <= port <= high
        want = action.params["ephemeral"]
        expected = f"a port {'in' if want else 'outside'} {low}..{high}"
        return Verdict(inside == want, address, expected)


def ephemeral_range() -> tuple[int, int]:
    """The ports the OS picks from for an unbound socket (Linux's, or the IANA range)."""
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range", encoding="ascii") as fh:
            low, high = (int(x) for x in fh.read().split())
            return low, high
    except (OSError, ValueError):
        return 49152, 65535


KERNEL_CHECKS = (TcpState(), AcceptQueue(), Address())
