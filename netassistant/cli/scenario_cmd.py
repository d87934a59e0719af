"""``netassistant-cli run SCENARIO.yaml`` and ``netassistant-cli lab list|run NAME``.

Each step and check is printed as it happens: a line of text, or with ``--json`` one JSON
object per line (``event`` ``step`` or ``expect``, with ``ok``, and for checks
``observed`` and ``expected``), then a summary. ``--junit PATH`` also writes a JUnit XML
report (one testcase per check) for CI; ``--timeline PATH`` writes the panes' socket calls
as one sequence diagram. Exit codes: 0 every
check held, 1 one failed (or a step did, or a report could not be written), 2 the file is
not a valid scenario (its line is printed) or a report's name is unusable.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from netassistant.cli.parser import EXIT_OK, EXIT_USAGE, say

if TYPE_CHECKING:
    from netassistant.core.chunk import Event
    from netassistant.core.scenario import Result, Scenario

EXIT_FAILED = 1


def add_scenario_commands(sub: Any, only: str | None = None) -> None:
    """Add ``run`` and ``lab`` to the CLI's sub-commands (``only`` one of them if named)."""
    if only in (None, "run"):
        run = sub.add_parser("run", help="run a scenario file (steps and checks on loopback)")
        run.add_argument("scenario", metavar="SCENARIO.yaml")
        _add_report_options(run)
    if only not in (None, "lab"):
        return
    lab = sub.add_parser("lab", help="list or run the built-in labs")
    lsub = lab.add_subparsers(dest="lab_command", metavar="ACTION", required=True)
    lsub.add_parser("list", help="list the built-in labs")
    lab_run = lsub.add_parser("run", help="run a built-in lab and check its effect")
    lab_run.add_argument("name")
    _add_report_options(lab_run)
    export = lsub.add_parser("export", help="write a built-in lab's file, as an example")
    export.add_argument("name")
    export.add_argument("path")


def _add_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    parser.add_argument("--junit", metavar="PATH", help="also write a JUnit XML report")
    parser.add_argument(
        "--timeline",
        default=None,
        metavar="PATH",
        help=(
            "at the end, write the panes' socket calls as one sequence diagram to PATH: "
            ".svg, .mmd (Mermaid) or .json by its extension"
        ),
    )


def scenario_command(args: argparse.Namespace, out: TextIO) -> int:
    """Run the ``run`` or ``lab`` command; returns the exit code."""
    from netassistant.cli.parser import UsageError
    from netassistant.cli.timeline import check_timeline_option
    from netassistant.core.scenario import ScenarioError
    from netassistant.core.scenario.labs import lab_files, lab_source, load_lab, load_scenario_file

    if args.command == "lab" and args.lab_command == "list":
        for name in lab_files():
            try:
                lab = load_lab(name).lab
            except ScenarioError as exc:
                print(f"    {name:28s} (cannot be read: {exc})", file=out)
                continue
            title = lab.title.pick("en") if lab else ""
            number = f"{lab.number:2d}" if lab else "  "
            print(f"{number}  {name:28s} {title}", file=out)
        return EXIT_OK
    try:
        # A name no format fits is refused before the file is read or anything opens.
        timeline = check_timeline_option(args)
    except UsageError as exc:
        say(f"error: {exc}")
        return EXIT_USAGE
    try:
        if args.command == "lab" and args.lab_command == "export":
            source = lab_source(args.name)
            with open(args.path, "w", encoding="utf-8") as fh:
                fh.write(source)
            return EXIT_OK
        scenario = (
            load_lab(args.name) if args.command == "lab" else load_scenario_file(args.scenario)
        )
    except KeyError as exc:
        say(f"error: {exc.args[0]}")
        return EXIT_USAGE
    except OSError as exc:
        say(f"error: {args.path}: {exc.strerror}")
        return EXIT_FAILED
    except ScenarioError as exc:
        where = getattr(args, "scenario", None) or args.name
        say(f"error: {where}: {exc}")
        return EXIT_USAGE
    return run_scenario(scenario, out, as_json=args.json, junit=args.junit, timeline=timeline)


def run_scenario(
    scenario: Scenario,
    out: TextIO,
    *,
    as_json: bool = False,
    junit: str | None = None,
    timeline: str | None = None,
) -> int:
    """Run ``scenario`` headless, printing every result; returns the exit code.

    Args:
        scenario: A checked scenario.
        out: Where the results are printed.
        as_json: Print JSON lines instead of text.
        junit: Also write a JUnit XML report here.
        timeline: Also write the panes' timeline here (name checked by the caller).
    """
    import json

    from netassistant.core.scenario import ScenarioRunner

    def report(result: Result) -> None:
        print(format_result(result, as_json=as_json), file=out, flush=True)

    runner = ScenarioRunner(scenario, on_result=report)
    passed = runner.run()
    checks = [r for r in runner.results if r.action.is_check]
    failed = sum(1 for r in runner.results if not r.ok)
    if as_json:
        summary = {
            "event": "summary",
            "scenario": scenario.name,
            "ok": passed,
            "checks": len(checks),
            "failed": failed,
        }
        print(json.dumps(summary, ensure_ascii=False), file=out)
    else:
        verdict = "PASSED" if passed else "FAILED"
        held = sum(1 for r in checks if r.ok)
        print(f"{verdict}: {held} of {len(checks)} checks held", file=out)
    code = EXIT_OK if passed else EXIT_FAILED
    if junit:
        from netassistant.cli.junit import write_junit

        try:
            write_junit(junit, scenario, runner.results)
        except OSError as exc:
            say(f"error: cannot write {junit}: {exc.strerror}")
            code = EXIT_FAILED
    if timeline:
        error = write_scenario_timeline(timeline, scenario, runner.events())
        if error:
            say(f"error: {error}")
            code = EXIT_FAILED
    return code


def write_scenario_timeline(path: str, scenario: Scenario, events: dict[str, list[Event]]) -> str:
    """Write the panes' socket calls as one timeline; "" or why it could not be written.

    The scenario's :meth:`~netassistant.core.scenario.Scenario.timeline_pane` (a relay,
    else the first pane) is the session; the others join as its peer sessions, so a
    client's send and the server's recvs that delivered its bytes are linked by ranges.
    """
    from netassistant.core.timeline import write_timeline

    hub = scenario.timeline_pane()
    others = [pane_events for name, pane_events in events.items() if name != hub]
    try:
        write_timeline(path, events[hub], extra_sessions=others)
    except OSError as exc:
        return f"cannot write the timeline to {path}: {exc.strerror or exc}"
    return ""


def format_result(result: Result, *, as_json: bool) -> str:
    """One printed line for a step or check."""
    action = result.action
    if as_json:
        import json

        record: dict[str, Any] = {
            "event": "expect" if action.is_check else "step",
            "index": result.index + 1,
            "line": action.line,
            "kind": action.kind,
            "pane": action.pane,
            "ok": result.ok,
            "elapsed_ms": result.elapsed_ms,
        }
        if action.is_check:
            record.update(observed=str(result.observed), expected=str(result.expected))
            if action.id:
                record["id"] = action.id
        else:
            record["message"] = str(result.message)
        return json.dumps(record, ensure_ascii=False)
    mark = "ok  " if result.ok else "FAIL"
    where = f"{action.kind} {action.pane}".strip()
    if action.is_check:
        return f"{mark} expect {where}: observed {result.observed}; expected {result.expected}" + (
            f" ({result.message})" if result.message else ""
        )
    return f"{mark} {where}: {result.message}"
