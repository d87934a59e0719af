"""A scenario run as a JUnit XML report: one testcase per check, for a CI server.

A failed check is a ``<failure>`` whose message says what was observed and what was
expected; a step that failed is reported as an ``<error>`` testcase of its own, so a run
that broke before its checks never looks green.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netassistant.core.scenario import Result, Scenario


def junit_tree(scenario: Scenario, results: list[Result]) -> ET.ElementTree[ET.Element[str]]:
    """The report as an element tree."""
    suites = ET.Element("testsuites")
    suite = ET.SubElement(suites, "testsuite", name=scenario.name)
    tests = failures = errors = 0
    for result in results:
        action = result.action
        if not action.is_check and result.ok:
            continue
        tests += 1
        name = f"{result.index + 1:03d} {action.kind} {action.pane}".strip()
        if action.id:
            name += f" [{action.id}]"
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"scenario.{scenario.name}",
            name=name,
            time=f"{result.elapsed_ms / 1000:.3f}",
        )
        ET.SubElement(case, "system-out").text = (
            f"line {action.line}: observed {result.observed}; expected {result.expected}"
            if action.is_check
            else f"line {action.line}: {result.message}"
        )
        if not action.is_check:
            errors += 1
            ET.SubElement(case, "error", message=str(result.message), type="step")
        elif not result.ok:
            failures += 1
            ET.SubElement(
                case,
                "failure",
                message=f"observed {result.observed}; expected {result.expected}",
                type=action.kind,
            )
    skipped = len(scenario.actions) - len(results)
    for attrs in (suites, suite):
        attrs.set("tests", str(tests))
        attrs.set("failures", str(failures))
        attrs.set("errors", str(errors))
    suite.set("skipped", str(max(0, skipped)))
    return ET.ElementTree(suites)


def write_junit(path: str | os.PathLike[str], scenario: Scenario, results: list[Result]) -> None:
    """Write the report to ``path`` (UTF-8 XML)."""
    tree = junit_tree(scenario, results)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
