"""./dev unpacks PySide's Python helpers once, so every start imports them from bytecode.

The hermetic tests run ./dev's function on a venv of their own: a copy of the installed
shiboken6 package (its libraries load from beside it) and a ``bin/python`` that puts the
copy first on the path, so the real venv is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import shiboken6

ROOT = Path(__file__).resolve().parents[1]
SHIBOKEN_DIR = Path(shiboken6.__file__).resolve().parent
DIST_INFO = f"shiboken6-{version('shiboken6')}.dist-info"


def _unpack(venv: Path) -> subprocess.CompletedProcess[str]:
    """Run ./dev's ``unpack_shiboken_helpers`` for ``venv``."""
    return subprocess.run(
        ["bash", "-c", "source ./dev && unpack_shiboken_helpers"],
        cwd=ROOT,
        env={**os.environ, "NETASSISTANT_VENV": str(venv)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def _fake_venv(tmp_path: Path) -> Path:
    """A venv holding a copy of shiboken6 (without any unpacked helpers) and its dist-info."""
    venv = tmp_path / "venv"
    site = venv / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "site-packages"
    shutil.copytree(
        SHIBOKEN_DIR, site / "shiboken6", ignore=shutil.ignore_patterns("files.dir", "__pycache__")
    )
    (site / DIST_INFO).mkdir()
    (venv / "bin").mkdir()
    script = venv / "bin" / "python"
    script.write_text(
        f'#!/bin/sh\nPYTHONPATH="{site}" exec "{sys.executable}" "$@"\n', encoding="utf-8"
    )
    script.chmod(0o755)
    return site / "shiboken6" / "files.dir"


def test_the_helpers_are_unpacked_with_the_version_they_came_from(tmp_path):
    unpacked = _fake_venv(tmp_path)
    result = _unpack(tmp_path / "venv")
    assert result.returncode == 0, result.stderr
    assert (unpacked / ".unpacked-from").read_text(encoding="utf-8") == DIST_INFO + "\n"
    assert (unpacked / "shibokensupport" / "signature" / "loader.py").is_file()
    # PySide now loads them from the copy (and so from the bytecode cache), not the zip.
    proc = subprocess.run(
        [
            str(tmp_path / "venv" / "bin" / "python"),
            "-c",
            "import sys, PySide6.QtCore; "
            "print(sys.modules['shibokensupport.signature.loader'].__file__)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert Path(proc.stdout.strip()).resolve().is_relative_to(unpacked.resolve())


def test_a_copy_of_the_same_version_is_kept_and_one_of_another_is_made_again(tmp_path):
    unpacked = _fake_venv(tmp_path)
    assert _unpack(tmp_path / "venv").returncode == 0
    kept = unpacked / "kept.txt"
    kept.write_text("same version: left alone\n", encoding="utf-8")
    assert _unpack(tmp_path / "venv").returncode == 0
    assert kept.exists()
    # As after an upgrade: the copy came from another shiboken6.
    (unpacked / ".unpacked-from").write_text("shiboken6-6.0.0.dist-info\n", encoding="utf-8")
    assert _unpack(tmp_path / "venv").returncode == 0
    assert not kept.exists()
    assert (unpacked / ".unpacked-from").read_text(encoding="utf-8") == DIST_INFO + "\n"
    assert (unpacked / "shibokensupport" / "signature" / "loader.py").is_file()


def test_when_the_helpers_cannot_be_unpacked_pyside_keeps_its_zip(tmp_path):
    # The unpacking starts, then fails (a full disk, say): no half-made copy may stay, as
    # PySide would load it instead of its zip.
    unpacked = _fake_venv(tmp_path)
    (tmp_path / "venv" / "bin" / "python").write_text(
        f'#!/bin/sh\nmkdir -p "{unpacked}/shibokensupport"\nexit 1\n', encoding="utf-8"
    )
    result = _unpack(tmp_path / "venv")
    assert result.returncode == 0, result.stderr
    assert not unpacked.exists()


def test_a_venv_without_shiboken_is_left_alone(tmp_path):
    (tmp_path / "venv").mkdir()
    result = _unpack(tmp_path / "venv")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert list((tmp_path / "venv").iterdir()) == []


def test_the_venv_dev_made_loads_the_unpacked_helpers():
    marker = SHIBOKEN_DIR / "files.dir" / ".unpacked-from"
    if not marker.exists():
        pytest.skip("this venv was not set up by ./dev (no unpacked PySide helpers)")
    assert marker.read_text(encoding="utf-8") == DIST_INFO + "\n"
    loader = sys.modules.get("shibokensupport.signature.loader")
    assert loader is not None
    assert Path(loader.__file__).resolve().is_relative_to(SHIBOKEN_DIR / "files.dir")
