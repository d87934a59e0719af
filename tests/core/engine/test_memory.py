"""The allocator tuning the engines rely on for flood throughput."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc mallopt is Linux-only")
def test_engine_creation_tunes_the_allocator_once():
    code = (
        "from netassistant.core.engine import memory\n"
        "assert memory._done is False\n"
        "from netassistant.core.config import SessionConfig\n"
        "from netassistant.core.engine import create_engine\n"
        "e = create_engine(SessionConfig(), lambda batch: None)\n"
        "e.close()\n"
        "print(memory._done, memory.keep_freed_memory())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True"]
