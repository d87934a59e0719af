"""The packet library: ``packets.json`` beside the profiles, exported and imported as JSON.

:class:`PacketLibrary` keeps the user's packets in one file,
``<config dir>/packets.json`` (the folder of :class:`~netassistant.core.profiles.store.
ProfileStore`), written atomically with the profile store's writer, so a crash or a second
window never leaves half a file. The file is read as the profiles are: never more than
:data:`MAX_FILE_SIZE` bytes, a named pipe or device refused without blocking, nesting and
numbers bounded, and a file that cannot be used is reported with its path and left
untouched (the library then refuses to overwrite it, so nothing the user saved is lost).

The file also keeps the packet panel's setup (its ``panel`` object: buttons, step list,
rounds; :mod:`.panel`), so a tester's panel is there next time. Version 1 files (no
panel) are read as they are; writing makes them version 2.

An export is the same document with the chosen packets (and the panel, restricted to
them); an import adds packets under free names (``Ping (2)`` when ``Ping`` is taken), says
which were renamed, and adds the file's panel buttons and steps to the user's panel.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from netassistant.core.i18n import Text
from netassistant.core.packets.model import Packet, PacketError, packet_from_dict
from netassistant.core.packets.panel import PanelSetup, panel_from_dict
from netassistant.core.profiles.errors import ProfileError
from netassistant.core.profiles.files import write_file
from netassistant.core.profiles.schema import MAX_NAME_LENGTH, check_limits
from netassistant.core.profiles.store import ProfileStore
from netassistant.core.safefile import FileTooLargeError, read_regular

#: What the ``format`` key of a packet file says.
FORMAT = "netassistant-packets"
#: The file version this code writes and reads (2: the ``panel`` object was added).
VERSION = 2
#: A library is typed by hand; a bigger file is a mistake, not something to parse.
MAX_FILE_SIZE = 16 * 1024 * 1024
#: Packets in one library at most (a table the user scrolls, not a capture).
MAX_PACKETS = 10_000
FILE_NAME = "packets.json"


@dataclasses.dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did.

    Attributes:
        added: The packets stored, under the names they got.
        renamed: ``(name in the file, name stored)`` for each packet that was renamed.
        skipped: ``(name, reason)`` for each entry that could not become a packet.
    """

    added: tuple[Packet, ...]
    renamed: tuple[tuple[str, str], ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()


class PacketLibrary:
    """The user's saved packets, in order (see the module docstring).

    The library keeps no state besides its path: every call reads the file again, so
    two windows or the CLI see each other's changes.

    Attributes:
        path: The library file.
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        """Open the library of the configuration folder ``directory``.

        Args:
            directory: The configuration folder; the profile store's default if None.
        """
        self.path = ProfileStore(directory).config_dir / FILE_NAME

    # ----------------------------------------------------------------- reading
    def packets(self) -> list[Packet]:
        """Every saved packet, in library order (none when there is no file yet).

        Raises:
            PacketError: the file cannot be read or is not a valid packet file.
        """
        return self._read()[0]

    def panel(self) -> PanelSetup:
        """The packet panel's stored setup (empty when there is none yet).

        Raises:
            PacketError: the file cannot be read or is not a valid packet file.
        """
        return self._read()[1]

    def _read(self) -> tuple[list[Packet], PanelSetup]:
        if not os.path.lexists(self.path):
            return [], PanelSetup()
        return read_library_file(self.path)

    def get(self, name: str) -> Packet:
        """The packet called ``name``.

        Raises:
            PacketError: no packet has that name (or the file is unusable).
        """
        for packet in self.packets():
            if packet.name == name:
                return packet
        raise PacketError(Text("no packet named {name!r}", name=name), "name")

    def names(self) -> list[str]:
        """The packets' names, in library order."""
        return [p.name for p in self.packets()]

    # ----------------------------------------------------------------- writing
    def save_all(self, packets: Sequence[Packet], panel: PanelSetup | None = None) -> None:
        """Replace the library with ``packets`` (checked first; names must be unique).

        Args:
            packets: The packets, in order.
            panel: The panel setup to store; None keeps the stored one (a file that
                cannot be read is then refused, never overwritten).

        Raises:
            PacketError: a packet is invalid, two share a name, or the file cannot be
                written.
        """
        if panel is None:
            panel = self.panel()
        write_packet_file(self.path, packets, panel)

    def save_panel(self, panel: PanelSetup) -> None:
        """Store the panel's setup beside the packets (names not in the library dropped).

        Raises:
            PacketError: the file cannot be read (it is not overwritten) or written.
        """
        self.save_all(self.packets(), panel)

    def put(self, packet: Packet, *, replace: str | None = None) -> None:
        """Add ``packet`` at the end, or put it in the place of the packet ``replace``.

        Raises:
            PacketError: ``packet`` is invalid, its name is taken by another packet, or
                ``replace`` does not exist.
        """
        packets = self.packets()
        if replace is None:
            packets.append(packet)
        else:
            index = _index(packets, replace)
            packets[index] = packet
        self.save_all(packets)

    def delete(self, name: str) -> None:
        """Remove the packet called ``name``.

        Raises:
            PacketError: no packet has that name.
        """
        packets = self.packets()
        del packets[_index(packets, name)]
        self.save_all(packets)

    def duplicate(self, name: str) -> Packet:
        """Add a copy of packet ``name`` right after it, as ``name (2)`` (or the next free)."""
        packets = self.packets()
        index = _index(packets, name)
        copy = dataclasses.replace(packets[index], name=free_name(name, packets))
        packets.insert(index + 1, copy)
        self.save_all(packets)
        return copy

    def export(self, path: str | os.PathLike[str], names: Iterable[str] | None = None) -> int:
        """Write the packets ``names`` (all if None) to ``path`` as a packet file.

        Returns:
            How many packets were written.

        Raises:
            PacketError: an unknown name, or ``path`` cannot be written.
        """
        packets, panel = self._read()
        if names is not None:
            packets = [packets[_index(packets, n)] for n in names]
        write_packet_file(Path(path), packets, panel)
        return len(packets)

    def add_imported(
        self,
        packets: Sequence[Packet],
        skipped: Sequence[tuple[str, str]] = (),
        panel: PanelSetup | None = None,
    ) -> ImportResult:
        """Append ``packets`` under free names (``Ping (2)`` when ``Ping`` is taken).

        ``panel`` (an imported file's) is added to the stored panel, with the renames.
        """
        stored, stored_panel = self._read()
        added: list[Packet] = []
        renamed: list[tuple[str, str]] = []
        for packet in packets:
            name = free_name(packet.name, stored)
            if name != packet.name:
                renamed.append((packet.name, name))
                packet = dataclasses.replace(packet, name=name)
            stored.append(packet)
            added.append(packet)
        if panel is not None:
            # Renames apply in file order: the first packet of a name is the one it means.
            first_names = dict(reversed(renamed))
            stored_panel = stored_panel.merged(panel.renamed(first_names))
        self.save_all(stored, stored_panel)
        return ImportResult(tuple(added), tuple(renamed), tuple(skipped))

    def import_file(self, path: str | os.PathLike[str]) -> ImportResult:
        """Import a packet file (JSON) or a Packet Sender ``packets.ini``.

        An INI file is recognised by its first non-blank character (``[``); its HTTP
        entries are reported in :attr:`ImportResult.skipped` with the reason.

        Raises:
            PacketError: the file cannot be read or is not a packet file; nothing is added.
        """
        raw = read_limited(Path(path))
        if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[" and not _looks_like_json(raw):
            from netassistant.core.packets.packetsender import parse_packets_ini

            packets, skipped = parse_packets_ini(raw, str(path))
            return self.add_imported(packets, skipped)
        packets, panel = parse_library_file(raw, str(path))
        return self.add_imported(packets, (), panel)


def _looks_like_json(raw: bytes) -> bool:
    # "[" starts both an INI section and a JSON list; a JSON list's next token is no name.
    body = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[1:].lstrip()
    return body[:1] in (b"{", b"]", b"")


def _index(packets: Sequence[Packet], name: str) -> int:
    for index, packet in enumerate(packets):
        if packet.name == name:
            return index
    raise PacketError(Text("no packet named {name!r}", name=name), "name")


def free_name(name: str, packets: Sequence[Packet]) -> str:
    """``name`` if no packet has it, else the first free ``name (N)`` (within the length limit)."""
    taken = {p.name for p in packets}
    number = 1
    while True:
        candidate = name
        if number > 1:
            suffix = f" ({number})"
            candidate = name[: MAX_NAME_LENGTH - len(suffix)].rstrip() + suffix
        if candidate not in taken:
            return candidate
        number += 1


def read_limited(path: Path) -> bytes:
    """The bytes of ``path`` (at most :data:`MAX_FILE_SIZE`), never blocking on a FIFO.

    Raises:
        PacketError: missing, not a regular file, unreadable or too large.
    """
    try:
        return read_regular(path, MAX_FILE_SIZE)
    except FileTooLargeError:
        message = Text(
            "packet file {path} is too large (over {limit} bytes)",
            path=str(path),
            limit=MAX_FILE_SIZE,
        )
        raise PacketError(message) from None
    except OSError as exc:
        message = Text(
            "cannot read packet file {path}: {reason}",
            path=str(path),
            reason=exc.strerror or str(exc),
        )
        raise PacketError(message) from None


def read_packet_file(path: Path) -> list[Packet]:
    """Read and check a packet file.

    Raises:
        PacketError: naming the file and, when one is at fault, the entry and field.
    """
    return parse_packet_file(read_limited(path), str(path))


def read_library_file(path: Path) -> tuple[list[Packet], PanelSetup]:
    """Read and check a packet file: its packets and its panel setup.

    Raises:
        PacketError: naming the file and, when one is at fault, the entry and field.
    """
    return parse_library_file(read_limited(path), str(path))


def _parse_int(literal: str) -> int:
    if len(literal.lstrip("-")) > 20:
        raise ValueError("a number with more than 20 digits")
    return int(literal)


def parse_packet_file(raw: bytes, path: str) -> list[Packet]:
    """Check the bytes of packet file ``path`` and build its packets.

    Raises:
        PacketError: not UTF-8 JSON, not a packet file, a newer version, too many
            packets, a bad entry, or two entries with one name.
    """
    return parse_library_file(raw, path)[0]


def parse_library_file(raw: bytes, path: str) -> tuple[list[Packet], PanelSetup]:
    """Check the bytes of packet file ``path``: its packets and panel setup.

    The panel is restricted to the file's packets (a name not among them is dropped).

    Raises:
        PacketError: as :func:`parse_packet_file`, or a malformed ``panel``.
    """
    try:
        document = json.loads(raw.decode("utf-8-sig"), parse_int=_parse_int)
    except UnicodeDecodeError as exc:
        message = Text(
            "packet file {path} is not UTF-8 text (byte 0x{byte:02x} at offset {offset})",
            path=path,
            byte=raw[exc.start],
            offset=exc.start,
        )
        raise PacketError(message) from None
    except (ValueError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        message = Text("packet file {path} is not valid JSON ({reason})", path=path, reason=reason)
        raise PacketError(message) from None
    packets = packets_from_document(document, path)
    panel = PanelSetup()
    if "panel" in document:
        try:
            panel = panel_from_dict(document["panel"])
        except PacketError as exc:
            message = Text("packet file {path}: {reason}", path=path, reason=exc)
            raise PacketError(message) from None
    return packets, panel.restricted_to(p.name for p in packets)


def packets_from_document(document: Any, path: str) -> list[Packet]:
    """The packets of a parsed packet file (see :func:`parse_packet_file`)."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        message = Text(
            'packet file {path} is not a netassistant packet file (no "format": "{format}")',
            path=path,
            format=FORMAT,
        )
        raise PacketError(message)
    try:
        check_limits(document, None)
    except ProfileError as exc:
        raise PacketError(Text("packet file {path}: {reason}", path=path, reason=exc)) from None
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise PacketError(
            Text("packet file {path}: version must be a whole number from 1", path=path)
        )
    if version > VERSION:
        message = Text(
            "packet file {path} was written by a newer netassistant (version {version}; this "
            "one reads up to {supported}) — update netassistant to open it",
            path=path,
            version=version,
            supported=VERSION,
        )
        raise PacketError(message)
    entries = document.get("packets")
    if not isinstance(entries, list):
        raise PacketError(Text("packet file {path}: packets must be a JSON list", path=path))
    if len(entries) > MAX_PACKETS:
        message = Text(
            "packet file {path} holds {count} packets; the limit is {limit}",
            path=path,
            count=len(entries),
            limit=MAX_PACKETS,
        )
        raise PacketError(message)
    packets: list[Packet] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        try:
            packet = packet_from_dict(entry, f"packets[{index}]")
        except PacketError as exc:
            message = Text("packet file {path}: {reason}", path=path, reason=exc)
            raise PacketError(message, exc.field) from None
        if packet.name in seen:
            message = Text(
                "packet file {path}: packets[{index}].name: {name!r} is used twice",
                path=path,
                index=index,
                name=packet.name,
            )
            raise PacketError(message, "name")
        seen.add(packet.name)
        packets.append(packet)
    return packets


def write_packet_file(
    path: Path, packets: Sequence[Packet], panel: PanelSetup | None = None
) -> None:
    """Check ``packets`` and write them (and ``panel``, restricted to them) atomically.

    Raises:
        PacketError: an invalid packet, a name used twice, too many packets, or a write
            error (a FIFO, device or folder at ``path`` is refused, never written into).
    """
    names: set[str] = set()
    for packet in packets:
        packet.validate()
        if packet.name in names:
            raise PacketError(
                Text("a packet named {name!r} already exists", name=packet.name), "name"
            )
        names.add(packet.name)
    if len(packets) > MAX_PACKETS:
        raise PacketError(Text("the library holds at most {limit} packets", limit=MAX_PACKETS))
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "packets": [p.to_dict() for p in packets],
    }
    if panel is not None:
        document["panel"] = panel.restricted_to(names).to_dict()
    data = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, data)
    except ProfileError as exc:
        raise PacketError(exc.args[0]) from None
    except OSError as exc:
        message = Text(
            "cannot write packet file {path}: {reason}",
            path=str(path),
            reason=exc.strerror or str(exc),
        )
        raise PacketError(message) from None
