"""Importing the ``packets.ini`` a real Packet Sender writes on its first start.

Packet Sender (Debian package ``packetsender``) saves its example packets when its window
opens. It refuses to open one when ``xrandr`` exits non-zero (its check for a display),
and Xvfb's xrandr does, so the test puts an ``xrandr`` that exits 0 first on PATH and runs
it under ``xvfb-run`` with a throwaway HOME, waits for the file, and stops it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from netassistant.core.packets.library import PacketLibrary

#: Packet Sender writes the file within a second or two; give a loaded machine more.
WRITE_TIMEOUT_S = 30.0

pytestmark = pytest.mark.skipif(
    shutil.which("packetsender") is None or shutil.which("xvfb-run") is None,
    reason="needs Packet Sender and xvfb-run (apt-get install packetsender xvfb; .ci/run does)",
)


def written_by_packetsender(home: Path) -> Path:
    """Start Packet Sender with HOME=home until its packets.ini is complete; its path."""
    fake_bin = home / "bin"
    fake_bin.mkdir(parents=True)
    xrandr = fake_bin / "xrandr"
    xrandr.write_text("#!/bin/sh\nexit 0\n")
    xrandr.chmod(0o755)
    env = {
        "HOME": str(home),
        "PATH": f"{fake_bin}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        "LANG": "C.UTF-8",
    }
    ini = home / ".local" / "share" / "PacketSender" / "packets.ini"
    process = subprocess.Popen(
        ["xvfb-run", "-a", "packetsender"],
        env=env,
        cwd=home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # xvfb-run, Xvfb and Packet Sender stop together
    )
    try:
        deadline = time.monotonic() + WRITE_TIMEOUT_S
        last_size = -1
        while time.monotonic() < deadline and process.poll() is None:
            size = ini.stat().st_size if ini.exists() else -1
            if size > 0 and size == last_size:
                break  # the same size twice, 0.5 s apart: written
            last_size = size
            time.sleep(0.5)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    if not ini.exists():
        pytest.skip(f"Packet Sender wrote no packets.ini (exit {process.returncode})")
    return ini


def test_the_packets_ini_packet_sender_writes_imports(tmp_path: Path) -> None:
    ini = written_by_packetsender(tmp_path / "home")
    library = PacketLibrary(tmp_path / "config")
    result = library.import_file(ini)
    added = {p.name: p for p in result.added}
    # Its DNS query examples are UDP packets with their exact bytes and targets.
    dns = added["DNS example.com"]
    assert dns.kind == "udp"
    assert (dns.host, dns.port) == ("8.8.8.8", 53)
    assert dns.wire_bytes()[2:] == bytes.fromhex(
        "0100 0001 0000 0000 0000 076578616d706c6503636f6d 0000 0100 01"
    )
    ftp = added["FTP debian.org"]
    assert (ftp.kind, ftp.port) == ("tcp", 21)
    assert ftp.wire_bytes() == b"\r\nUSER anonymous\r\nPASS anonymous\r\nquit\r\n"
    # Its HTTP examples are listed as skipped, each with the reason.
    skipped = dict(result.skipped)
    assert "HTTP GET" in skipped
    assert skipped["HTTP GET"].startswith("HTTP Get is an HTTP request in Packet Sender")
    assert library.names() == [p.name for p in result.added]
