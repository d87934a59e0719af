"""TLS on a stream connection, driven by the engine's own selector loop.

Any connected non-blocking stream socket (the TCP client's, each client a server accepts,
either leg of a relay) speaks TLS with two lines::

    side = tls_side(config.tls, server=False, host=config.remote_host)  # once, at _open
    conn = open_stream(engine, side, sock, conn_id, local, peer, on_closed)

``side`` None gives the plain :class:`StreamConn`. A :class:`TlsStreamConn` first runs the
handshake: ``do_handshake()`` raises "want read" or "want write" and the socket is watched
for just that readiness until it completes, within ``handshake_timeout``. Then it is a
:class:`StreamConn` whose recv() and send() go through the ``SSLSocket``: each ``recv()``
result is one RX chunk, so the chunk boundaries are TLS records as OpenSSL returns them, not
TCP segments. Sends queued during the handshake go out after it.

Closing: a graceful close sends TLS ``close_notify`` before the FIN. A half-close sends
``close_notify`` and then shutdown(SHUT_WR) on the TCP socket; reading goes on (TLS 1.3
allows it, though many peers take close_notify as the end of everything). An abort is a
plain RST: no close_notify, as a crash would look.
"""

from __future__ import annotations

import contextlib
import errno
import selectors
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from netassistant.core.chunk import EventKind
from netassistant.core.engine.connection import StreamConn
from netassistant.core.i18n import Text, text
from netassistant.core.tlsfacts import check_peer, explain, handshake_facts

if TYPE_CHECKING:
    from netassistant.core.engine.base import Engine
    from netassistant.core.selfsigned import SelfSigned
    from netassistant.core.tlsconfig import TlsSettings


@dataclass(frozen=True, slots=True)
class TlsSide:
    """How one side of a connection speaks TLS (made once per session).

    Attributes:
        context: The ``SSLContext`` (certificates, CA, versions, ALPN).
        server: True on the accepting side.
        server_hostname: Client: the name sent as SNI (None for an IP address or none).
        checks_peer: Client with verification on: the certificate's dates and name are
            checked after the handshake (see :func:`~netassistant.core.tlsfacts.check_peer`).
        expected_name: The name the server's certificate must carry ("" for none: a Unix
            socket without an SNI name).
        timeout: Seconds the handshake may take.
        self_signed: Server: the self-signed certificate it made, if it made one.
        options: Prefix of the options that set this side, for advice in failures
            (``"upstream-"``: a relay's leg toward the server).
    """

    context: ssl.SSLContext
    server: bool
    server_hostname: str | None
    checks_peer: bool
    expected_name: str
    timeout: float
    self_signed: SelfSigned | None = None
    options: str = ""


def tls_side(
    settings: TlsSettings | None, *, server: bool, host: str = "", options: str = ""
) -> TlsSide | None:
    """The :class:`TlsSide` for ``settings`` (None for plain TCP).

    Args:
        settings: The session's TLS settings.
        server: True for the accepting side.
        host: Client: the host connected to (the SNI name and expected certificate name
            unless ``settings.sni`` says otherwise).
        options: Prefix of the options that set this side (see :class:`TlsSide`).

    Raises:
        SetupError: a file cannot be loaded, or a self-signed certificate cannot be made.
    """
    if settings is None:
        return None
    from netassistant.core.engine.sockets import SetupError
    from netassistant.core.tlsconfig import TlsError, build_context

    made = None
    try:
        if server and settings.self_signed:
            from netassistant.core import selfsigned

            made = selfsigned.generate()
            with selfsigned.private_files(made) as identity:
                context = build_context(settings, server=True, identity=identity)
        else:
            context = build_context(settings, server=server)
    except TlsError as exc:
        raise SetupError(text("{field}: {reason}", field=exc.field, reason=exc.args[0])) from None
    name = settings.sni or host
    return TlsSide(
        context=context,
        server=server,
        server_hostname=None if server or not name else name,
        checks_peer=not server and settings.verify,
        expected_name="" if server else name,
        timeout=settings.handshake_timeout,
        self_signed=made,
        options=options,
    )


def self_signed_facts(side: TlsSide | None) -> tuple[Text, dict[str, object]] | None:
    """The message and ``detail`` announcing a server's self-signed certificate, if it has one.

    The SHA-256 fingerprint is what a client pins, or compares with what it is shown.
    """
    from netassistant.core.selfsigned import NAMES

    made = side.self_signed if side is not None else None
    if made is None:
        return None
    message = text(
        "TLS: serving a self-signed certificate for {names}, valid until {expiry}; "
        "SHA-256 fingerprint {fingerprint}",
        names=", ".join(NAMES),
        expiry=made.not_after,
        fingerprint=made.fingerprint,
    )
    detail: dict[str, object] = {
        "self_signed": True,
        "subject": "CN=netassistant self-signed",
        "expiry": made.not_after,
        "fingerprint": made.fingerprint,
        "cert_pem": made.cert_pem.decode("ascii"),
    }
    return message, detail


def open_stream(
    engine: Engine,
    side: TlsSide | None,
    sock: socket.socket,
    conn_id: int,
    local: str,
    peer: str,
    on_closed: Callable[[StreamConn], None],
) -> StreamConn:
    """A :class:`StreamConn` for a connected socket: plain, or TLS when ``side`` is given."""
    if side is None:
        return StreamConn(engine, sock, conn_id, local, peer, on_closed)
    return TlsStreamConn(engine, sock, conn_id, local, peer, on_closed, side)


_WANT = (ssl.SSLWantReadError, ssl.SSLWantWriteError)


class TlsStreamConn(StreamConn):
    """A :class:`StreamConn` that runs a TLS handshake first, then reads and writes plaintext.

    Attributes:
        handshaking: True until the handshake completed.
    """

    _would_block = (BlockingIOError, InterruptedError, *_WANT)

    def __init__(
        self,
        engine: Engine,
        sock: socket.socket,
        conn_id: int,
        local: str,
        peer: str,
        on_closed: Callable[[StreamConn], None],
        side: TlsSide,
    ) -> None:
        self._side = side
        self.handshaking = True
        # The client speaks first (ClientHello); the server waits for it.
        self._hs_events = selectors.EVENT_READ if side.server else selectors.EVENT_WRITE
        tls_sock = side.context.wrap_socket(
            sock,
            server_side=side.server,
            do_handshake_on_connect=False,
            # An EOF without close_notify raises, so a reset can be told from a FIN.
            suppress_ragged_eofs=False,
            server_hostname=side.server_hostname,
        )
        super().__init__(engine, tls_sock, conn_id, local, peer, on_closed)
        self._hs_timer = engine.call_later(side.timeout, self._handshake_timed_out)

    # -------------------------------------------------------------- handshake
    def on_ready(self, sock: socket.socket, mask: int) -> None:
        """Selector callback: the handshake's step, then plain reading and writing."""
        if self.handshaking:
            self._handshake()
        else:
            super().on_ready(sock, mask)

    def _update_interest(self) -> None:
        if self.handshaking:
            if not self.closed:
                self._registered = self.engine.set_interest(
                    self.sock, self._registered, self._hs_events, self.on_ready
                )
            return
        super()._update_interest()

    def _handshake(self) -> None:
        tls_sock: ssl.SSLSocket = self.sock  # type: ignore[assignment]
        try:
            tls_sock.do_handshake()
        except ssl.SSLWantReadError:
            self._hs_events = selectors.EVENT_READ
            self._update_interest()
            return
        except ssl.SSLWantWriteError:
            self._hs_events = selectors.EVENT_WRITE
            self._update_interest()
            return
        except OSError as exc:
            self._fail(self._explain(exc))
            return
        if self._side.checks_peer:
            problem = check_peer(
                tls_sock.getpeercert(binary_form=True),
                self._side.expected_name,
                self.peer,
                self._side.options,
            )
            if problem:
                self._fail(problem)
                return
        self.handshaking = False
        self.engine.cancel_timer(self._hs_timer)
        facts = handshake_facts(tls_sock)
        self.engine.emit_event(
            EventKind.TLS,
            self.conn_id,
            local=self.local,
            peer=self.peer,
            message=self._describe(facts),
            detail=facts,
        )
        self._update_interest()
        if self._outq:
            self._write()
        # OpenSSL may already hold application data the selector cannot see.
        if not self.closed and tls_sock.pending():
            self._read()

    def _describe(self, facts: dict[str, object]) -> Text:
        if facts["subject"] is None:
            cert: Text = text("the peer sent no certificate")
        else:
            cert = text(
                "peer certificate {subject}, issued by {issuer}, expires {expiry}",
                subject=facts["subject"],
                issuer=facts["issuer"],
                expiry=facts["expiry"],
            )
        if self._side.server:
            checked: Text | str = ""
        elif self._side.checks_peer:
            checked = text("; verified")
        else:
            checked = text("; NOT VERIFIED (verification is off)")
        alpn = text(", ALPN {name}", name=facts["alpn"]) if facts["alpn"] else ""
        return text(
            "TLS handshake with {peer} done: {version}, {cipher}{alpn}; {cert}{checked}",
            peer=self.peer,
            version=facts["version"],
            cipher=facts["cipher"],
            alpn=alpn,
            cert=cert,
            checked=checked,
        )

    def _handshake_timed_out(self) -> None:
        if not self.handshaking or self.closed:
            return
        seconds = f"{self._side.timeout:g}"
        if self._side.server:
            reason = text(
                "no TLS handshake within {seconds} s: {peer} may not speak TLS (a plain "
                "TCP client waits for the server to speak first)",
                seconds=seconds,
                peer=self.peer,
            )
        else:
            reason = text(
                "no TLS handshake within {seconds} s: {peer} did not answer our hello; it may "
                "not speak TLS",
                seconds=seconds,
                peer=self.peer,
            )
        self._fail(reason)

    def _explain(self, exc: BaseException) -> str:
        """Why TLS failed on this side, with advice naming this side's options."""
        return explain(exc, self.peer, server=self._side.server, options=self._side.options)

    def _fail(self, reason: str) -> None:
        self.engine.cancel_timer(self._hs_timer)
        message = text("TLS handshake with {peer} failed: {reason}", peer=self.peer, reason=reason)
        self._close(EventKind.ERROR, self._with_unsent(message), message)

    # ----------------------------------------------------------- reading/writing
    def _write(self) -> None:
        if not self.handshaking:  # sends wait in the queue until the handshake is done
            super()._write()

    def _budget_spent(self) -> None:
        # Records OpenSSL has already decrypted are invisible to select(): read them soon.
        if self.sock.pending():  # type: ignore[attr-defined]
            self.engine.call_later(0, self._read_more)

    def _resume_reading(self) -> None:
        super()._resume_reading()
        self._read_more()

    def _read_more(self) -> None:
        if (
            not self.closed and self._reading and not self._read_paused and self.sock.pending()  # type: ignore[attr-defined]
        ):
            self._read()

    def _read_ended(self, end: OSError | None, eof: bool) -> None:
        if isinstance(end, ssl.SSLZeroReturnError):
            # The peer's close_notify after ours (a half-close answered): the end of its data.
            end, eof = None, True
        elif isinstance(end, ssl.SSLEOFError):
            # The TCP connection ended without close_notify. OpenSSL reports an RST this way
            # too (ECONNRESET is lost): the kernel's TCP state tells them apart, unless we
            # sent our FIN first: then the peer's FIN also leaves the socket CLOSED (Linux
            # hands the connection to a TIME_WAIT socket), and the ordinary end is assumed.
            if not self._write_shut and _was_reset(self.sock):
                end, eof = ConnectionResetError(), False
            else:
                end, eof = None, True
        elif isinstance(end, ssl.SSLError):
            reason = text(
                "TLS error from {peer}: {reason}",
                peer=self.peer,
                reason=self._explain(end),
            )
            self._close(EventKind.ERROR, self._with_unsent(reason), reason)
            return
        super()._read_ended(end, eof)

    # ---------------------------------------------------------------- closing
    def _shut_write(self) -> str:
        tls_sock: ssl.SSLSocket = self.sock  # type: ignore[assignment]
        # unwrap() sends close_notify; it returns at once only when the peer's close_notify
        # is already here, else "want read": ours is sent, the peer's may still come.
        with contextlib.suppress(*_WANT):
            tls_sock.unwrap()
        # SSLSocket.shutdown() would drop the TLS layer (later reads would be raw records):
        # the socket's own shutdown sends the FIN and keeps it.
        try:
            socket.socket.shutdown(tls_sock, socket.SHUT_WR)
        except OSError as exc:
            if self._reading or exc.errno != errno.ENOTCONN:
                raise
            # The peer had already closed its side (a relay carrying the other leg's FIN
            # meets this): its kernel answered our close_notify with an RST.
            return text(
                "sent TLS close_notify to {peer}, which had already closed the connection",
                peer=self.peer,
            )
        return text(
            "sent TLS close_notify and FIN to {peer} (half-close); still receiving",
            peer=self.peer,
        )

    def _finish_drain(self) -> None:
        if self._after_drain in ("close", "close-silent") and not self.handshaking:
            # A graceful TLS close says so (close_notify) before the FIN; best effort.
            with contextlib.suppress(OSError, ValueError):
                self.sock.unwrap()  # type: ignore[attr-defined]
        super()._finish_drain()


_TCP_CLOSE = 7  # include/net/tcp_states.h: where an RST leaves a socket (a FIN: CLOSE_WAIT)


def _was_reset(sock: socket.socket) -> bool:
    """True if the kernel says the peer reset the connection (Linux TCP_INFO; else False)."""
    option = getattr(socket, "TCP_INFO", None)
    if option is None or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return False
    try:
        return sock.getsockopt(socket.IPPROTO_TCP, option, 1)[0] == _TCP_CLOSE
    except OSError:
        return False
