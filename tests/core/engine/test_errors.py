"""Errors in plain, translatable words; bad input never kills the loop; unix paths kept safe."""

from __future__ import annotations

import os
import socket
import struct
import sys

import pytest

from netassistant.core.chunk import ConnEvent, Direction, EventKind
from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.core.i18n import Text, render
from tests.helpers import TIMEOUT, free_port, recv_exactly, running

linux_proc = pytest.mark.skipif(
    not os.path.exists("/proc/net/tcp"), reason="reads the kernel's socket table in /proc"
)


def server(**kw) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_SERVER, **kw)


def unix_server(path: str) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_SERVER, family=Family.UNIX, local_host=path)


# ------------------------------------------------------------------ bad API input
def test_bad_send_arguments_raise_in_the_callers_thread_and_nothing_is_sent():
    with running(server()) as h:
        with pytest.raises(TypeError, match=r"^send\(\) needs bytes, not str: encode the text"):
            h.engine.send("text")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^send\(\) needs bytes, not int$"):
            h.engine.send(5)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^conn_id must be a whole number, not '1'$"):
            h.engine.send(b"x", "1")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"^the read delay must be 0 \.\. 60000 ms, not -1$"):
            h.engine.set_read_delay(-1)
        with pytest.raises(ValueError, match=r"^recv size must be 1 B \.\. 1 MiB, not 2\.5$"):
            h.engine.set_recv_size(2.5)  # type: ignore[arg-type]
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            h.wait_event(EventKind.ACCEPTED)
            h.engine.send(bytearray(b"still alive"))
            assert recv_exactly(c, 11) == b"still alive"
    assert [t.data for t in h.chunks(Direction.TX)] == [b"still alive"]


def test_udp_send_to_a_port_out_of_range_is_refused_at_the_call():
    with running(SessionConfig(kind=Kind.UDP)) as h:
        with pytest.raises(ValueError, match=r"^port must be 0 \.\. 65535, not 70000$"):
            h.engine.send_to(b"x", "127.0.0.1", 70000)  # type: ignore[attr-defined]
        with pytest.raises(TypeError, match=r"^send\(\) needs bytes, not str"):
            h.engine.send_to("x", "127.0.0.1", 9)  # type: ignore[attr-defined]
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
            peer.bind(("127.0.0.1", 0))
            peer.settimeout(TIMEOUT)
            h.engine.send_to(b"fine", "127.0.0.1", peer.getsockname()[1])  # type: ignore[attr-defined]
            assert peer.recvfrom(10)[0] == b"fine"


def test_a_command_that_raises_becomes_an_error_event_and_the_loop_goes_on():
    def boom() -> None:
        raise RuntimeError("something broke")

    with running(server()) as h:
        h.engine._post(boom)  # the guard is for bugs; no public command raises any more
        ev = h.wait_event(EventKind.ERROR)
        assert ev.message == "internal error in boom: RuntimeError: something broke"
        assert isinstance(ev.message, Text)
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            h.wait_event(EventKind.ACCEPTED)
            h.engine.send(b"after")
            assert recv_exactly(c, 5) == b"after"


# ------------------------------------------------------------------- unix paths
def test_stopping_does_not_remove_a_regular_file_that_replaced_the_socket(tmp_path):
    path = str(tmp_path / "srv.sock")
    with running(unix_server(path)) as h:
        h.wait_event(EventKind.LISTENING)
        os.unlink(path)
        with open(path, "w") as fh:
            fh.write("precious")
    with open(path) as fh:
        assert fh.read() == "precious"


def test_stopping_does_not_remove_another_servers_socket(tmp_path):
    path = str(tmp_path / "srv.sock")
    with running(unix_server(path)) as h:
        h.wait_event(EventKind.LISTENING)
        os.unlink(path)
        other = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        other.bind(path)
        other.listen()
    with other:
        assert os.path.exists(path), "the other server's socket file stays"
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
            c.connect(path)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        ("file", "{path} is a regular file, not a socket; choose another path or remove it"),
        ("dir", "{path} is a directory, not a socket; choose another path"),
    ],
)
def test_binding_where_a_file_or_folder_is_says_so_and_leaves_it(tmp_path, make, says):
    path = str(tmp_path / "taken")
    if make == "file":
        with open(path, "w") as fh:
            fh.write("keep me")
    else:
        os.mkdir(path)
    with running(unix_server(path)) as h:
        ev = h.wait_event(EventKind.ERROR)
    assert ev.message == says.format(path=path)
    assert isinstance(ev.message, Text)
    assert os.path.isfile(path) if make == "file" else os.path.isdir(path)


# ------------------------------------------------------------------ port in use
@linux_proc
@pytest.mark.parametrize("reuseaddr", [False, True])
def test_port_in_use_by_a_listener_says_a_socket_is_listening(reuseaddr):
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        with running(server(local_port=port, reuseaddr=reuseaddr)) as h:
            ev = h.wait_event(EventKind.ERROR)
    assert ev.message == (
        f"port {port} is already in use — a socket is listening on it (another program, or "
        "another session); choose another port or stop that one"
    )


def _leave_time_wait(port: int) -> None:
    """Run a server without SO_REUSEADDR that closes its client first, then stop it."""
    with running(server(local_port=port, reuseaddr=False)) as h:
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as c:
            h.wait_event(EventKind.ACCEPTED)
            h.engine.disconnect(1)  # our FIN first: our side ends in TIME_WAIT
            c.settimeout(TIMEOUT)
            assert c.recv(10) == b""
        h.wait_event(EventKind.LOCAL_CLOSE)


@linux_proc
def test_port_held_only_by_time_wait_says_so():
    port = free_port()
    _leave_time_wait(port)
    with running(server(local_port=port, reuseaddr=True)) as h:
        ev = h.wait_event(EventKind.ERROR)
    assert ev.message == (
        f"port {port} is held by 1 connections in TIME_WAIT from an earlier server — on Linux "
        "a new server can reuse it while they last (about 60 s) only if the earlier socket "
        "also had SO_REUSEADDR; wait a minute or choose another port"
    )
    with running(server(local_port=port, reuseaddr=False)) as h:
        ev = h.wait_event(EventKind.ERROR)
    assert ev.message == (
        f"port {port} is already in use — another program, or a recent server still in "
        "TIME_WAIT (try SO_REUSEADDR)"
    )


# ---------------------------------------------------------- translatable messages
def _errors_of(config: SessionConfig) -> list[ConnEvent]:
    with running(config) as h:
        h.wait_event(EventKind.ERROR)
    return [e for e in h.events if isinstance(e, ConnEvent) and e.kind is EventKind.ERROR]


def _assert_translatable(event: ConnEvent) -> None:
    assert isinstance(event.message, Text), event
    assert render(event.message, lambda template: "<<" + template + ">>").startswith("<<")


def test_every_error_path_gives_a_translatable_message(tmp_path):
    seen = []
    with socket.socket() as blocker:  # port in use
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        seen += _errors_of(server(local_port=blocker.getsockname()[1]))
    seen += _errors_of(SessionConfig(kind=Kind.TCP_CLIENT, remote_port=free_port()))  # refused
    missing = str(tmp_path / "nobody.sock")  # no socket at that path
    seen += _errors_of(
        SessionConfig(kind=Kind.TCP_CLIENT, family=Family.UNIX, remote_host=missing, local_host="")
    )
    seen += _errors_of(server(local_host="192.0.2.77"))  # not an address of this machine
    with running(server()) as h:  # reset by the peer, and a send to nobody
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            h.wait_event(EventKind.ACCEPTED)
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        seen.append(h.wait_event(EventKind.RESET))
        h.engine.send(b"x", 9)
        seen.append(h.wait_event(EventKind.ERROR))
    assert len(seen) == 6
    for event in seen:
        _assert_translatable(event)


@pytest.mark.skipif(sys.platform != "linux", reason="abstract socket names are Linux only")
def test_abstract_unix_names_still_work():
    name = f"@netassistant-test-{os.getpid()}"
    with running(unix_server(name)) as h:
        assert h.wait_event(EventKind.LISTENING).local == name
