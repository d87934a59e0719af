r"""Import Packet Sender's ``packets.ini`` (a QSettings INI file), without Qt.

Packet Sender (dannagle/PacketSender) saves each packet as a group named after it::

    [NAMES]
    1\name=Hello
    size=1

    [Hello]
    name=Hello
    hexString=48 65 6c 6c 6f
    toIP=127.0.0.1
    port=55005
    tcpOrUdp=TCP
    repeat=0
    ...

QSettings escapes group names (``%20`` for a space, ``%U4E2D`` beyond Latin-1) and quotes
values holding special characters (``"a, b"``, with ``\"``, ``\\``, ``\n``, ``\xHHHH``
escapes inside). This module reads that by hand (the CLI must not need Qt) and turns TCP,
UDP and SSL entries into :class:`~netassistant.core.packets.model.Packet`; HTTP entries
(GET/POST requests, not raw socket data) and entries that cannot be used are listed as
skipped, each with its reason, never dropped silently. ``repeat`` (seconds) becomes the
resend interval; the fields netassistant has no place for go into the notes.
"""

from __future__ import annotations

import re

from netassistant.core.codec import HexError, format_hex, parse_hex
from netassistant.core.i18n import Text, text
from netassistant.core.packets.model import MAX_INTERVAL_MS, Packet, PacketError

#: Sections Packet Sender uses for itself, never packets.
_NOT_PACKETS = frozenset({"general", "names"})
_PERCENT = re.compile(r"%U([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})")
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
#: Sections read at most: a packet table, not a dump.
MAX_SECTIONS = 10_000


def parse_packets_ini(raw: bytes, path: str) -> tuple[list[Packet], list[tuple[str, str]]]:
    """The packets of a Packet Sender ``packets.ini`` and the entries skipped.

    Args:
        raw: The file's bytes.
        path: Its path, for messages.

    Returns:
        ``(packets, skipped)``; ``skipped`` holds ``(name, reason)`` pairs.

    Raises:
        PacketError: the file holds no Packet Sender packet at all (with what it found).
    """
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("latin-1")  # Qt 5 wrote non-ASCII as escapes; old files as Latin-1
    sections = read_ini(content)
    if len(sections) > MAX_SECTIONS:
        message = Text(
            "{path} has {count} sections; a Packet Sender file with more than {limit} "
            "packets is not supported",
            path=path,
            count=len(sections),
            limit=MAX_SECTIONS,
        )
        raise PacketError(message)
    packets: list[Packet] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    for section, values in sections.items():
        if section.casefold() in _NOT_PACKETS or not values:
            continue
        name = (values.get("name") or section).strip()[:100] or section[:100] or "?"
        if "hexString" not in values and "tcpOrUdp" not in values:
            skipped.append((name, text("not a Packet Sender packet (no hexString or tcpOrUdp)")))
            continue
        result = _packet(name, values)
        if isinstance(result, str):
            skipped.append((name, result))
        elif result.name in seen:
            skipped.append((name, text("a second packet with this name")))
        else:
            seen.add(result.name)
            packets.append(result)
    if not packets and not skipped:
        message = Text(
            "{path} is neither a netassistant packet file nor a Packet Sender packets.ini "
            "(no packet sections found)",
            path=path,
        )
        raise PacketError(message)
    return packets, skipped


def _packet(name: str, values: dict[str, str]) -> Packet | str:
    """The packet an entry describes, or why it cannot be one."""
    protocol = values.get("tcpOrUdp", "TCP").strip()
    lowered = protocol.lower()
    if "http" in lowered:
        return text(
            "{protocol} is an HTTP request in Packet Sender, not raw socket data; "
            "netassistant sends bytes over TCP and UDP only",
            protocol=protocol,
        )
    if lowered == "udp":
        kind = "udp"
    elif "tcp" in lowered or "ssl" in lowered:
        kind = "tcp"
    else:
        return text("unknown protocol {protocol!r} (expected TCP, UDP or SSL)", protocol=protocol)
    try:
        data = format_hex(parse_hex(values.get("hexString", "")))
    except HexError as exc:
        return text("hexString is not hex bytes: {reason}", reason=exc.args[0])
    port = _whole(values.get("port", "0"))
    if port is None or not 0 <= port <= 65535:
        return text("port {value!r} is not a port number (0..65535)", value=values.get("port"))
    repeat = _seconds(values.get("repeat", "0"))
    notes: list[str] = [text("Imported from Packet Sender ({protocol}).", protocol=protocol)]
    if "ssl" in lowered:
        notes.append(text("Packet Sender sent it over SSL/TLS: use a TLS session."))
    if repeat is None:
        unreadable = values.get("repeat", "")
        notes.append(
            text("repeat {value!r} was not readable; no resend interval set.", value=unreadable)
        )
        repeat = 0.0
    for key in ("fromIP", "fromPort", "sendResponse", "timestamp"):
        if values.get(key, "").strip():
            notes.append(f"{key}={values[key].strip()}")
    packet = Packet(
        name=name,
        data=data,
        mode="hex",
        kind=kind,
        host=values.get("toIP", "").strip()[:255],
        port=port,
        interval_ms=min(MAX_INTERVAL_MS, round(repeat * 1000)),
        notes="\n".join(notes),
    )
    try:
        packet.validate()
    except PacketError as exc:
        return str(exc)
    return packet


def _whole(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def _seconds(value: str) -> float | None:
    value = value.strip()
    try:
        seconds = float(value) if len(value) < 32 else -1.0
    except ValueError:
        return None
    return seconds if 0 <= seconds < float("inf") else None


def read_ini(content: str) -> dict[str, dict[str, str]]:
    """QSettings INI text as ``{section: {key: value}}`` (names and values unescaped).

    Keys outside a section go to ``General``; a later duplicate key wins (as in
    QSettings); lines that are neither a section, a ``key=value`` nor a comment are
    ignored, as QSettings ignores them.
    """
    sections: dict[str, dict[str, str]] = {}
    current = sections.setdefault("General", {})
    for line in content.splitlines():
        stripped = line.strip()
        if not stripped or stripped[0] in ";#":
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = sections.setdefault(_unescape_name(stripped[1:-1]), {})
            if len(sections) > MAX_SECTIONS + 2:
                break  # the caller reports the count; reading on gains nothing
            continue
        key, sep, value = stripped.partition("=")
        if sep:
            current[_unescape_name(key.strip())] = _unescape_value(value.strip())
    return sections


def _unescape_name(name: str) -> str:
    def char(match: re.Match[str]) -> str:
        return chr(int(match.group(1) or match.group(2), 16))

    return _PERCENT.sub(char, name)


def _unescape_value(value: str) -> str:
    """A QSettings INI value: quotes removed, escapes resolved, a list joined by ", "."""
    if value.startswith("@String(") and value.endswith(")"):
        value = value[len("@String(") : -1]
    out: list[str] = []
    i, quoted = 0, False
    while i < len(value):
        ch = value[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and i + 1 < len(value):
            i += 1
            esc = value[i]
            if esc == "x":
                digits = re.match(r"[0-9A-Fa-f]{1,4}", value[i + 1 :])
                if digits:
                    out.append(chr(int(digits.group(), 16)))
                    i += len(digits.group())
            else:
                out.append(_ESCAPES.get(esc, esc))
        elif ch == "," and not quoted:
            out.append(", ")
            while i + 1 < len(value) and value[i + 1] == " ":
                i += 1
        else:
            out.append(ch)
        i += 1
    return "".join(out)
