"""``--pcap`` and ``--replay``: a session's traffic to a pcap file, a recording sent again.

Both are core features (:mod:`netassistant.core.pcapexport`, :mod:`netassistant.core.
replayfile`); this module only reads their options. The pcap file is written by a
capture tap in the engine thread as the batches come (streaming, bounded memory); a
replay is one item of the send script, so it starts when there is someone to send to
and a send-only run ends when it is done. Both load their modules (and dpkt) only when
given.
"""

from __future__ import annotations

import argparse
import math

from netassistant.cli.parser import EXIT_FAILURE, UsageError, say
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from netassistant.core.config import SessionConfig
    from netassistant.core.pipeline import SendItem, SessionPipeline
    from netassistant.core.pipeline.taps import CaptureTap


def _speed(value: str) -> float:
    """``--replay-speed``: a factor 0.1 .. 100, or ``max`` (as fast as possible)."""
    if value.strip().lower() in ("max", "0"):
        return 0.0
    try:
        speed = float(value)
    except ValueError:
        speed = math.nan
    if not 0.1 <= speed <= 100:
        raise argparse.ArgumentTypeError(
            f"{value!r}: give a factor from 0.1 to 100 (1 = the recorded timing) or max"
        )
    return speed


def add_session_file_options(parser: argparse.ArgumentParser) -> None:
    """The pcap and replay options of a session sub-command."""
    group = parser.add_argument_group("capture and replay")
    group.add_argument(
        "--pcap",
        default=None,
        metavar="PATH",
        help="write the session to a new pcap file (opens in Wireshark; not for unix)",
    )
    group.add_argument(
        "--replay",
        default=None,
        metavar="FILE",
        help="send one side of a recording again (a --json log, a JSONL capture or a "
        "pcap), one send per recorded chunk",
    )
    group.add_argument(
        "--replay-dir",
        choices=("rx", "tx"),
        default="tx",
        help="which side's chunks to replay (default tx; in a pcap, tx is the side that "
        "spoke first)",
    )
    group.add_argument(
        "--replay-speed",
        type=_speed,
        default=1.0,
        metavar="X",
        help="1 = the recorded timing (default), 10 = ten times faster, 0.1 .. 100, or max",
    )
    group.add_argument(
        "--replay-peer",
        default="",
        metavar="HOST:PORT",
        help="replay only the chunks of this peer (in a pcap: sent by it)",
    )


def replay_item(args: argparse.Namespace) -> SendItem:
    """The send-script item of ``--replay``; the file is checked whole now.

    Raises:
        UsageError: the recording cannot be replayed (nothing has been sent).
    """
    from netassistant.core.pipeline import SendItem
    from netassistant.core.replayfile import ReplayError, ReplaySource, scan

    if getattr(args, "burst", False):
        raise UsageError("--replay sends one call per recorded chunk; drop --burst")
    source = ReplaySource(
        args.replay, args.replay_dir, args.replay_peer or "", float(args.replay_speed)
    )
    try:
        summary = scan(source)
    except ReplayError as exc:
        raise UsageError(str(exc)) from None
    return SendItem(replay=source, replay_total=summary.count)


def open_pcap(
    args: argparse.Namespace, config: SessionConfig, pipeline: SessionPipeline
) -> CaptureTap | None:
    """Start ``--pcap``'s capture as a tap of ``pipeline`` (None without the option).

    Raises:
        UsageError: a unix session, or a file that cannot be written.
    """
    path = getattr(args, "pcap", None)
    if not path:
        return None
    from netassistant.core.capture import CaptureError
    from netassistant.core.config import Family, Kind
    from netassistant.core.pcapexport import PcapCapture
    from netassistant.core.pipeline.taps import CaptureTap

    try:
        capture = PcapCapture(path, udp=config.kind is Kind.UDP, unix=config.family is Family.UNIX)
    except CaptureError as exc:
        raise UsageError(str(exc)) from None
    tap = CaptureTap(capture)
    pipeline.add_tap(tap)
    return tap


def close_pcap(tap: CaptureTap, code: int) -> int:
    """Close the capture after the run; a write error makes the run fail, with its reason."""
    tap.capture.close()
    if tap.error:
        say(f"the pcap file is incomplete: {tap.error}")
        return EXIT_FAILURE
    return code
