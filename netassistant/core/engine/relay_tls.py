"""TLS on a relay's legs: the relay is the TLS server toward clients, the client toward the server.

:class:`RelayTls` makes the two :class:`~netassistant.core.engine.tls.TlsSide` s once per
session (``config.tls`` for the client leg, ``config.upstream_tls`` for the server leg) and
makes each leg: a plain :class:`~netassistant.core.engine.relay_pair.RelayLeg`, or a
:class:`TlsRelayLeg` that first runs its handshake on the loop as a TCP client's or server's
TLS connection does. Each leg's handshake is a TLS event whose ``detail`` has ``leg``;
RX chunks are the plaintext of each ``SSLSocket.recv()``, and faults act on the plaintext
writes (a slicer's pieces each become their own TLS record).

A handshake that fails closes its leg with an ERROR that says why (the words of
:func:`~netassistant.core.tlsfacts.explain`), and the pair carries that to the other leg as
an RST, as it carries any failed leg: nothing was relayed, and a FIN would tell the other
peer the conversation ended normally. (A client whose server cannot be reached is reset
the same way.)

This module, and with it ``ssl``, is loaded only by a relay that speaks TLS.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Any

from netassistant.core.chunk import EventKind
from netassistant.core.config import Family
from netassistant.core.engine.relay_pair import RelayLeg, RelayPair
from netassistant.core.engine.tls import TlsSide, TlsStreamConn, self_signed_facts, tls_side

if TYPE_CHECKING:
    from netassistant.core.config import SessionConfig
    from netassistant.core.engine.base import Engine


class TlsRelayLeg(RelayLeg, TlsStreamConn):
    """A relay leg that speaks TLS: the handshake first, then plaintext both ways.

    While the other leg cannot take more (``held_back``) it reads nothing, also not the
    records OpenSSL has already decrypted (select() cannot see those; they are read when
    the leg may read again).
    """

    def __init__(
        self,
        pair: RelayPair,
        sock: socket.socket,
        local: str,
        peer: str,
        *,
        server: bool,
        side: TlsSide,
    ) -> None:
        super().__init__(pair, sock, local, peer, server=server, side=side)

    def _read(self) -> None:
        if not self.held_back:
            super()._read()

    def _read_more(self) -> None:
        if not self.held_back:
            super()._read_more()

    def set_held_back(self, held: bool) -> None:
        """Stop or resume reading; on resuming, read what OpenSSL already holds (soon)."""
        was_held = self.held_back
        super().set_held_back(held)
        if was_held and not held:
            # Not now: this is called from inside the other leg's read (back-pressure).
            self.engine.call_later(0, self._read_more)


class RelayTls:
    """The TLS sides of a relay session's two legs (either may be None: plain TCP).

    Attributes:
        client: The client leg's side (the relay is the TLS server), or None.
        server: The server leg's side (the relay is the TLS client), or None.
    """

    def __init__(self, config: SessionConfig) -> None:
        """Make the contexts (and a self-signed certificate) for ``config``.

        Raises:
            SetupError: a file cannot be loaded, or a self-signed certificate cannot be made.
        """
        unix = config.family is Family.UNIX
        self.client = tls_side(config.tls, server=True)
        self.server = tls_side(
            config.upstream_tls,
            server=False,
            host="" if unix else config.remote_host,
            options="upstream-",  # its failures name --upstream-ca, not --ca
        )

    def make_leg(
        self, pair: RelayPair, sock: socket.socket, local: str, peer: str, *, server: bool
    ) -> RelayLeg:
        """The leg for a connected socket: TLS if that leg speaks it, else plain."""
        side = self.server if server else self.client
        if side is None:
            return RelayLeg(pair, sock, local, peer, server=server)
        return TlsRelayLeg(pair, sock, local, peer, server=server, side=side)

    def announce(self, engine: Engine, local: str) -> None:
        """A TLS event for the client leg's self-signed certificate, if the relay made one."""
        made = self_signed_facts(self.client)
        if made is not None:
            message, detail = made
            fields: dict[str, Any] = {"leg": "client", **detail}
            engine.emit_event(EventKind.TLS, local=local, message=message, detail=fields)
