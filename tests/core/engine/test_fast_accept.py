"""The accept shortcut gives the same sockets as ``socket.accept()`` (IPv4, IPv6, AF_UNIX)."""

from __future__ import annotations

import socket

import pytest

from netassistant.core.engine.accepting import fast_accept
from tests.helpers import TIMEOUT


def _pairs(tmp_path):
    yield socket.AF_INET, ("127.0.0.1", 0)
    if socket.has_ipv6:
        yield socket.AF_INET6, ("::1", 0)
    if hasattr(socket, "AF_UNIX"):
        yield socket.AF_UNIX, str(tmp_path / "s")


@pytest.mark.parametrize("which", [0, 1, 2])
def test_the_accepted_socket_is_the_one_socket_accept_would_give(tmp_path, which):
    cases = list(_pairs(tmp_path))
    if which >= len(cases):
        pytest.skip("this system has no such family")
    family, address = cases[which]
    with socket.socket(family, socket.SOCK_STREAM) as listener:
        listener.bind(address)
        listener.listen()
        accept = fast_accept(listener)
        with socket.socket(family, socket.SOCK_STREAM) as client:
            client.settimeout(TIMEOUT)
            client.connect(listener.getsockname())
            sock, addr = accept()
            with sock:
                assert isinstance(sock, socket.socket)
                assert (sock.family, sock.type, sock.proto) == (
                    listener.family,
                    listener.type,
                    listener.proto,
                )
                assert sock.getpeername() == client.getsockname()
                if family != socket.AF_UNIX:
                    assert addr == client.getsockname()
                sock.sendall(b"exact")
                assert client.recv(16) == b"exact"


def test_an_empty_queue_raises_like_accept():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        with pytest.raises(BlockingIOError, match=r"Resource temporarily unavailable"):
            fast_accept(listener)()
