"""Scenarios: panes, steps and checks in a YAML file, run on the real engines.

One engine for the labs, the tests and a device tester's CI: :func:`load_scenario`
checks a file (every error names its line), :class:`ScenarioRunner` runs it and reports
each step and check. ``docs/scenarios.md`` is the reference of the format.
"""

from netassistant.core.scenario.context import Result
from netassistant.core.scenario.nodes import ScenarioError
from netassistant.core.scenario.runner import ScenarioRunner
from netassistant.core.scenario.schema import Action, Localized, PaneSpec, Scenario, load_scenario

__all__ = [
    "Action",
    "Localized",
    "PaneSpec",
    "Result",
    "Scenario",
    "ScenarioError",
    "ScenarioRunner",
    "load_scenario",
]
