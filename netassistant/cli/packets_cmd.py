"""``netassistant-cli packets ...``: list, show, import and export the packet library.

The library is the window's (``packets.json`` beside the profiles), so a packet saved in
the window is sent with ``--send-packet NAME`` and one imported here shows in the window.
``import`` takes a netassistant packet file (JSON) or Packet Sender's ``packets.ini``;
entries it cannot use (HTTP requests) are listed on stderr with the reason.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from netassistant.cli.parser import EXIT_FAILURE, EXIT_OK, UsageError, say
from netassistant.core.packets.library import PacketLibrary
from netassistant.core.packets.model import Packet, PacketError


def packets_command(args: argparse.Namespace, out: TextIO) -> int:
    """Run one ``packets`` action; returns the exit code (1 with the reason on stderr)."""
    action = _ACTIONS.get(args.packets_command)
    if action is None:
        raise UsageError(f"unknown packets action {args.packets_command!r}")
    try:
        return action(PacketLibrary(), args, out)
    except PacketError as exc:
        say(str(exc))
        return EXIT_FAILURE


def summary(packet: Packet) -> str:
    """One tab-separated line: name, kind, target, interval, payload preview."""
    preview = packet.data if len(packet.data) <= 40 else packet.data[:39] + "…"
    source = packet.mode
    if packet.template is not None:  # the bytes are built from the template's fields
        source, preview = "template", packet.template.name
    preview = preview.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    interval = f"every {packet.interval_ms} ms" if packet.interval_ms else "once"
    target = packet.target or "-"
    return f"{packet.name}\t{packet.kind}\t{target}\t{interval}\t{source}: {preview}"


def _list(library: PacketLibrary, args: argparse.Namespace, out: TextIO) -> int:
    for packet in library.packets():
        out.write(summary(packet) + "\n")
    return EXIT_OK


def _show(library: PacketLibrary, args: argparse.Namespace, out: TextIO) -> int:
    packet = library.get(args.name)
    record = packet.to_dict()
    record["wire_hex"] = packet.wire_bytes().hex(" ")
    out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _import(library: PacketLibrary, args: argparse.Namespace, out: TextIO) -> int:
    result = library.import_file(args.path)
    renamed = dict(result.renamed)
    for packet in result.added:
        original = next((old for old, new in renamed.items() if new == packet.name), None)
        if original is not None:
            out.write(f"imported packet {original!r} as {packet.name!r}: the name is taken\n")
        else:
            out.write(f"imported packet {packet.name!r}\n")
    for name, reason in result.skipped:
        say(f"skipped {name!r}: {reason}")
    out.write(f"{len(result.added)} imported, {len(result.skipped)} skipped\n")
    return EXIT_OK


def _export(library: PacketLibrary, args: argparse.Namespace, out: TextIO) -> int:
    count = library.export(args.path, args.names or None)
    out.write(f"exported {count} packets to {args.path}\n")
    return EXIT_OK


_ACTIONS = {"list": _list, "show": _show, "import": _import, "export": _export}
