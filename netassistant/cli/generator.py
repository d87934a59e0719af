"""``--rate`` / ``--bps``: the traffic generator on the command line.

The generator is the core's rate-paced :class:`~netassistant.core.sending.plans.SendPlan`
(the same one the window's send panel starts); here the options become that plan, run by
the send script as one step, so the CLI and the window pace alike.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from netassistant.cli.parser import UsageError
from netassistant.core.pipeline import SendItem, SendScript


def rate_script(args: argparse.Namespace, items: Sequence[SendItem]) -> SendScript:
    """A script of one rate-paced plan sending the one typed message.

    ``--repeat N`` sends N messages; without it the plan runs until the run ends
    (``--duration``, ``--count`` or Ctrl-C), and that end is not an error.

    Raises:
        UsageError: Options that do not go with a rate, in words.
    """
    from netassistant.core.sending.plans import SendPlan

    if args.rate is not None and args.bps is not None:
        raise UsageError("--rate and --bps both set the pace: give one of them")
    option = "--rate" if args.rate is not None else "--bps"
    if args.interval:
        raise UsageError(f"{option} sets the pace itself: drop --interval")
    if args.burst:
        raise UsageError(f"{option} sends one message per send call: drop --burst")
    if len(items) != 1 or items[0].path:
        raise UsageError(
            f"{option} sends one message over and over: give exactly one --send or --send-hex"
        )
    try:
        plan = SendPlan(
            items[0].data,
            count=0 if args.repeat == 1 else args.repeat,
            rate=args.rate or 0.0,
            bps=args.bps or 0.0,
        )
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None
    return SendScript([SendItem(plan=plan)])
