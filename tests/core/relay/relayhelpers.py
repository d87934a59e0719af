"""A real upstream server and client around a relay engine, all on loopback."""

from __future__ import annotations

import contextlib
import socket
import struct
from collections.abc import Iterator

from netassistant.core.chunk import Chunk, ChunkFlag, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from tests.helpers import TIMEOUT, Harness, running


def relay_config(port: int, *faults: str, **kw) -> SessionConfig:
    kw.setdefault("kernel_state", False)  # STATE events are tested in test_relay_kernel.py
    return SessionConfig(
        kind=Kind.RELAY, remote_host="127.0.0.1", remote_port=port, faults=list(faults), **kw
    )


@contextlib.contextmanager
def relayed(*faults: str, **kw) -> Iterator[tuple[Harness, socket.socket, socket.socket]]:
    """(harness, client socket, server-side socket) of one relayed connection."""
    with socket.create_server(("127.0.0.1", 0)) as upstream:
        config = relay_config(upstream.getsockname()[1], *faults, **kw)
        with running(config) as h:
            client = socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT)
            upstream.settimeout(TIMEOUT)
            server, _ = upstream.accept()
            server.settimeout(TIMEOUT)
            with client, server:
                h.wait_event(EventKind.CONNECTED)
                yield h, client, server


def leg_chunks(h: Harness, leg: str, direction: Direction) -> list[Chunk]:
    """The chunks of one leg (``client`` or ``server``) one way."""
    server = leg == "server"
    return [c for c in h.chunks(direction) if bool(c.flags & ChunkFlag.SERVER_LEG) == server]


def wait_leg_bytes(h: Harness, leg: str, direction: Direction, total: int) -> list[Chunk]:
    def enough(_evs: object) -> list[Chunk] | None:
        chunks = leg_chunks(h, leg, direction)
        return chunks if sum(len(c.data) for c in chunks) >= total else None

    result: list[Chunk] = h.wait_for(enough)
    return result


def reset(sock: socket.socket) -> None:
    """Close ``sock`` with an RST (SO_LINGER 0)."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def recv_until_eof(sock: socket.socket) -> list[bytes]:
    """Every recv() result until EOF (the boundaries as the kernel gave them)."""
    pieces = []
    while data := sock.recv(65536):
        pieces.append(data)
    return pieces
