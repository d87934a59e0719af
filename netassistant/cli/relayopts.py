"""The ``relay`` sub-command's own options: upstream mode, faults, idle time, seed, TLS.

The session options every kind has (``--local-port``, ``--remote-host``, ``--remote-port``,
family, recv size, framing, output) come from :mod:`netassistant.cli.parser` as for the
other kinds; this module adds only what a relay has more.
"""

from __future__ import annotations

import argparse
from typing import Any

from netassistant.cli.parser import UsageError, finite_number, whole_number

#: The longest idle time of a UDP relay session (one day), as SessionConfig checks it.
MAX_IDLE_SECONDS = 86_400.0


def add_relay_options(parser: argparse.ArgumentParser) -> None:
    """Add the relay's options to its sub-command parser."""
    group = parser.add_argument_group("relay")
    group.add_argument(
        "--udp",
        dest="relay_udp",
        action="store_true",
        default=None,
        help="relay UDP datagrams (one upstream socket per sender) instead of TCP",
    )
    group.add_argument(
        "--toxic",
        dest="faults",
        action="append",
        default=None,
        metavar="SPEC",
        help=(
            "a fault, direction:name[:param=value,...], e.g. up:slicer:size=5,variation=2,"
            "delay_ms=10 or down:latency:ms=100,jitter=20 or both:reset:after_ms=500,"
            "toxicity=0.5 (names: latency, bandwidth, slicer, coalesce, drop, timeout, reset, "
            "slow_close, limit); repeat for several"
        ),
    )
    group.add_argument(
        "--idle-timeout",
        dest="relay_idle_timeout",
        type=finite_number(0, MAX_IDLE_SECONDS, unit="seconds", above_low=True),
        default=None,
        metavar="S",
        help="UDP: a sender's session expires after S seconds without a datagram (default 60)",
    )
    group.add_argument(
        "--fault-seed",
        dest="fault_seed",
        type=whole_number(0, 2**63 - 1),
        default=None,
        metavar="N",
        help="seed the faults' random choices (toxicity, jitter, variation) to repeat a run",
    )


def add_relay_tls_options(parser: argparse.ArgumentParser) -> None:
    """TLS on either leg: ``--tls`` toward clients, ``--upstream-tls`` toward the server."""
    from netassistant.cli.tlsoptions import add_tls_options, add_upstream_tls_options

    add_tls_options(parser, title="TLS toward clients (relay: the relay is their TLS server)")
    add_upstream_tls_options(parser)


def relay_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The relay settings typed on the command line (only those given).

    Raises:
        UsageError: a ``--toxic`` spec is wrong (the message names it and what is allowed).
    """
    from netassistant.core.relay.spec import FaultSpecError, parse_fault

    given = {
        name: getattr(args, name)
        for name in ("relay_udp", "faults", "relay_idle_timeout", "fault_seed")
        if getattr(args, name, None) is not None
    }
    for spec in given.get("faults", ()):
        try:
            parse_fault(spec)
        except FaultSpecError as exc:
            raise UsageError(f"--toxic: {exc}") from None
    return given
