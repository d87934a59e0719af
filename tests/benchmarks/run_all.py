"""Run every benchmark script and print one table: figure, target, met or not.

Run: ``python tests/benchmarks/run_all.py [--full] [--only NAME ...]``

Each script runs in its own process with short durations (``--full``: the scripts' own
defaults), its output shown as it comes; its last line, one JSON object, is collected. The
table lists each figure that has a target (from the "Performance at scale" issue and the
throughput budgets); a script that fails or prints no JSON is marked failed and the others
still run. The last line printed is one JSON object: every script's figures by run name.
The exit status is 1 if a script failed, else 0 (a missed target is a figure, not a failure).
"""

from __future__ import annotations

import argparse
import json
import operator
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
TIME_LIMIT = 900.0  # seconds any one script may take


class Run(NamedTuple):
    """One benchmark run: a name for the table, the script, its short and full arguments."""

    name: str
    script: str
    short: tuple[str, ...]
    full: tuple[str, ...] = ()


RUNS = (
    Run("engine_throughput", "engine_throughput.py", ("--quick",)),
    Run("gui_flood tcp", "gui_flood.py", ("--seconds", "2")),
    Run("gui_flood udp", "gui_flood.py", ("--udp", "--seconds", "2"), ("--udp",)),
    Run("clients_scale", "clients_scale.py", ()),
    Run("startup", "startup.py", ("--runs", "3")),
    Run("cli_oneshot", "cli_oneshot.py", ("--runs", "5", "--flood-seconds", "3")),
    Run("relay_throughput", "relay_throughput.py", ("--quick",)),
    Run("generator_rate", "generator_rate.py", ("--seconds", "1")),
)

_AT_MOST = ("≤", operator.le)
_AT_LEAST = ("≥", operator.ge)
#: (run name, key) -> (comparison, target). Keys without a target are shown for information.
TARGETS: dict[tuple[str, str], tuple[tuple[str, Callable[[Any, Any], bool]], float]] = {
    ("engine_throughput", "udp_64_ratio"): (_AT_LEAST, 0.8),
    ("engine_throughput", "udp_1400_ratio"): (_AT_LEAST, 0.8),
    ("engine_throughput", "tcp_1k_ratio"): (_AT_LEAST, 0.7),
    ("gui_flood tcp", "rss_growth_mb"): (_AT_MOST, 100),
    ("gui_flood udp", "ratio_vs_raw"): (_AT_LEAST, 0.6),
    ("gui_flood udp", "latency_p99_ms"): (_AT_MOST, 30),
    ("gui_flood udp", "max_freeze_ms"): (_AT_MOST, 50),
    ("clients_scale", "listed_s"): (_AT_MOST, 1.5),
    ("clients_scale", "max_freeze_ms"): (_AT_MOST, 50),
    ("clients_scale", "rss_per_client_kb"): (_AT_MOST, 4),
    ("startup", "first_window_s"): (_AT_MOST, 0.35),
    ("cli_oneshot", "oneshot_ms"): (_AT_MOST, 60),
    ("cli_oneshot", "file_send_rss_mb"): (_AT_MOST, 100),
    ("cli_oneshot", "flood_rss_mb"): (_AT_MOST, 150),
    ("relay_throughput", "relay_ratio"): (_AT_LEAST, 0.7),
    ("relay_throughput", "added_latency_p50_ms"): (_AT_MOST, 0.5),
    ("generator_rate", "max_error_pct"): (_AT_MOST, 5),
}
#: Figures without a target that the table shows anyway: the baselines measured in the same
#: run say how busy the machine was (on a shared 2-core machine, a lot).
SHOWN = (
    ("clients_scale", "clients"),
    ("clients_scale", "listed"),
    ("clients_scale", "raw_accept_s"),
    ("startup", "import_s"),
    ("startup", "baseline_s"),
    ("startup", "ratio_vs_baseline"),
    # Under Xvfb, with Packet Sender installed: launch -> window mapped, ours against it.
    ("startup", "reference_map_s"),
    ("startup", "app_map_s"),
    ("startup", "map_ratio_vs_reference"),
    ("cli_oneshot", "oneshot_raw_ms"),
    ("relay_throughput", "engine_mib_s"),
    ("relay_throughput", "plain_mib_s"),
)


def run_script(run: Run, full: bool) -> dict[str, Any] | None:
    """Run one script, echoing its output; return its last JSON line (None if it failed)."""
    args = [sys.executable, str(HERE / run.script), *(run.full if full else run.short)]
    print(f"== {run.name}: {' '.join(args[1:])}", flush=True)
    last = ""
    started = time.monotonic()
    with subprocess.Popen(args, stdout=subprocess.PIPE, text=True, cwd=HERE.parents[1]) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            print(f"   {line}", end="", flush=True)
            if line.strip():
                last = line.strip()
            if time.monotonic() - started > TIME_LIMIT:
                proc.kill()
                break
        status = proc.wait()
    print(f"   ({time.monotonic() - started:.0f} s, exit {status})", flush=True)
    if status != 0:
        return None
    try:
        result = json.loads(last)
    except ValueError:
        return None
    return result if isinstance(result, dict) else None


def table_rows(results: dict[str, dict[str, Any] | None]) -> list[tuple[str, str, str, str]]:
    """(figure, value, target, verdict) for every targeted or shown key of every run."""
    rows = []
    for run in RUNS:
        if run.name not in results:
            continue
        result = results[run.name]
        keys = [key for (name, key) in (*TARGETS, *SHOWN) if name == run.name]
        if result is None:
            rows.append((run.name, "failed", "", "FAILED"))
            continue
        if not keys:  # a script without targets: show what it reports
            keys = [k for k, v in result.items() if isinstance(v, (int, float))]
        for key in keys:
            value = result.get(key)
            target = TARGETS.get((run.name, key))
            shown = "n/a" if value is None else f"{value:g}"
            if target is None:
                rows.append((f"{run.name} {key}", shown, "", ""))
                continue
            (sign, compare), limit = target
            met = value is not None and compare(value, limit)
            rows.append(
                (f"{run.name} {key}", shown, f"{sign} {limit:g}", "met" if met else "NOT MET")
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the scripts' own (longer) defaults")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these (table names)")
    args = parser.parse_args()
    results: dict[str, dict[str, Any] | None] = {}
    for run in RUNS:
        if args.only and run.name not in args.only and run.script not in args.only:
            continue
        if not (HERE / run.script).exists():
            print(f"== {run.name}: {run.script} is not there, skipped")
            continue
        results[run.name] = run_script(run, args.full)
    rows = table_rows(results)
    header = ("figure", "value", "target", "met?")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    print()
    for row in (header, *rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    print(json.dumps(results))
    sys.exit(1 if any(result is None for result in results.values()) else 0)


if __name__ == "__main__":
    main()
