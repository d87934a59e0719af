"""The app's start-up flags that CI and packagers rely on, run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys

from netassistant import __version__


def run_app(*args: str, config_dir: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NETASSISTANT_CONFIG_DIR": config_dir}
    return subprocess.run(
        [sys.executable, "-m", "netassistant", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_smoke_test_shows_the_window_and_exits_cleanly(tmp_path):
    settings = tmp_path / "settings.ini"
    settings.write_text("[window]\nside_by_side=true\n", encoding="utf-8")
    before = settings.read_bytes()
    proc = run_app("--smoke-test", config_dir=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"netassistant {__version__}: smoke test passed (1 pane(s) shown)\n"
    assert "Traceback" not in proc.stderr
    # the user's state is neither restored nor overwritten
    assert settings.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.ini"]


def test_smoke_test_opens_the_panes_asked_for(tmp_path):
    proc = run_app("--smoke-test", "--new", "udp", "--new", "tcp-client", config_dir=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"netassistant {__version__}: smoke test passed (2 pane(s) shown)\n"
