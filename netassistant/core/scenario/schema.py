"""A scenario file, checked: panes, actions (steps and expectations), a lab's teaching.

:func:`load_scenario` reads the YAML (``docs/scenarios.md`` is the reference) and returns
a :class:`Scenario`, or raises :class:`~netassistant.core.scenario.nodes.ScenarioError`
naming the line and what to do. Nothing is opened here: pane settings are checked by
:meth:`SessionConfig.from_dict` (the profiles' own check, so the words are the same) with
the references to other panes (``${server.port}``) filled with stand-ins.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from netassistant.core.config import ConfigError, Kind, SessionConfig
from netassistant.core.i18n import text
from netassistant.core.relay.settings import MAX_FAULTS
from netassistant.core.scenario.checks import CHECK_KINDS, MAX_WITHIN_MS
from netassistant.core.scenario.nodes import Map, ScenarioError, compose, line_of, scalar
from netassistant.core.scenario.steps import STEP_KINDS

FORMAT_VERSION = 1
MAX_PANES = 8
MAX_ACTIONS = 200
MAX_TIMEOUT_S = 120
LANGUAGES = ("en", "zh_CN")
#: The views a lab's "what to look at" may name.
LOOK_AT = ("log", "timeline")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_REFERENCE_RE = re.compile(r"\$\{([a-z][a-z0-9_]*)\.(port|host|address)\}|\$\{tmp\}")


class Localized(dict[str, str]):
    """A text in several languages (``en`` always there)."""

    def pick(self, language: str) -> str:
        """The text in ``language`` (``zh_CN``, ``zh``...), English when missing."""
        if language in self:
            return self[language]
        for key, value in self.items():
            if key.split("_")[0] == language.split("_")[0]:
                return value
        return self.get("en", "")


@dataclasses.dataclass(frozen=True)
class PaneSpec:
    """One pane of a scenario.

    Attributes:
        name: Its name (``server``), used by steps and checks.
        kind: The session kind.
        session: SessionConfig fields; strings may hold ``${pane.port}`` and ``${tmp}``.
        remote: Another pane whose address is this pane's remote ("" for none).
        line: Where it is defined.
    """

    name: str
    kind: Kind
    session: dict[str, Any]
    remote: str
    line: int


@dataclasses.dataclass(frozen=True)
class Action:
    """One item of ``steps:``: a step (``do:``) or an expectation (``expect:``).

    Attributes:
        kind: The step or check kind's name.
        is_check: True for an expectation.
        pane: The pane it concerns ("" for ``wait``).
        params: What its kind parsed.
        line: Where it is written.
        label: What a lab's button says (None: made from the kind).
        within_ms: Checks: how long it may take to hold (0: judged once).
        may_fail: Steps: a failure is expected (e.g. a restart refused), not a failed run.
        id: Checks: a name a lab's prediction refers to ("" for none).
    """

    kind: str
    is_check: bool
    pane: str
    params: dict[str, Any]
    line: int
    label: Localized | None = None
    within_ms: int = 0
    may_fail: bool = False
    id: str = ""


@dataclasses.dataclass(frozen=True)
class Teaching:
    """The teaching section of a lab (all texts localized).

    Attributes:
        number: The lab's number in the list (0: a teacher's own lab).
        title, concept, question, look, why, os_note: Texts.
        choices: The prediction's answers.
        answer: Index of the right choice.
        check: Id of the check whose observation answers the question.
        code: Pane name -> equivalent Python code.
        look_at: The view "what to look at" names: ``log`` (the panes' receive logs) or
            ``timeline`` (the window opens the Timeline of
            :meth:`Scenario.timeline_pane`, linked to the other panes).
    """

    number: int
    title: Localized
    concept: Localized
    question: Localized
    choices: list[Localized]
    answer: int
    check: str
    look: Localized
    why: Localized
    os_note: Localized | None
    code: dict[str, str]
    look_at: str = "log"


@dataclasses.dataclass(frozen=True)
class Scenario:
    """A checked scenario.

    Attributes:
        name: Its name (the file name without ``.yaml`` for a lab).
        description: One line.
        panes: Pane specs by name, in file order.
        actions: Steps and checks, in order.
        timeout_s: The whole run's limit.
        lab: The teaching section, or None.
        base_dir: The folder relative ``file:`` paths start from.
    """

    name: str
    description: str
    panes: dict[str, PaneSpec]
    actions: list[Action]
    timeout_s: float
    lab: Teaching | None
    base_dir: str = "."

    def timeline_pane(self) -> str:
        """The pane whose timeline shows the run: a relay if there is one, else the first.

        A relay stands between the other panes, so its timeline links everyone's calls;
        otherwise the first pane (the server, in the labs) is the session the others'
        calls are drawn against.
        """
        for name, spec in self.panes.items():
            if spec.kind is Kind.RELAY:
                return name
        return next(iter(self.panes))

    def stages(self) -> list[list[int]]:
        """Actions grouped for step buttons: each step with the checks that follow it."""
        groups: list[list[int]] = []
        for index, action in enumerate(self.actions):
            if action.is_check and groups:
                groups[-1].append(index)
            else:
                groups.append([index])
        return groups


def load_scenario(source: str, *, name: str = "scenario", base_dir: str = ".") -> Scenario:
    """Check a scenario's YAML text.

    Raises:
        ScenarioError: naming the line and what is wrong.
    """
    root = compose(source)
    if root is None:
        raise ScenarioError(1, text("the file is empty; a scenario needs panes: and steps:"))
    top = Map(root, "the scenario")
    # One format so far; the key lets a file written for a newer one be refused clearly.
    top.integer("scenario", FORMAT_VERSION, 1, FORMAT_VERSION)
    description = top.string("description", "")
    timeout = top.number("timeout_s", 30, 1, MAX_TIMEOUT_S)
    panes = _panes(top)
    actions = [_action(node, panes) for node in top.items("steps", "steps", limit=MAX_ACTIONS)]
    if not actions:
        raise ScenarioError(top.line, text("the scenario needs steps: (a list)"))
    lab_map = top.sub("lab", "lab")
    lab = _teaching(lab_map, panes, actions) if lab_map is not None else None
    top.done()
    return Scenario(name, description, panes, actions, timeout, lab, base_dir)


# ---------------------------------------------------------------------- panes
def _panes(top: Map) -> dict[str, PaneSpec]:
    panes_map = top.sub("panes", "panes")
    if panes_map is None:
        raise ScenarioError(top.line, text("the scenario needs panes: (at least one)"))
    names = list(panes_map.keys())
    if not names or len(names) > MAX_PANES:
        raise ScenarioError(panes_map.line, text("give 1 to {max} panes", max=MAX_PANES))
    panes: dict[str, PaneSpec] = {}
    for name in names:
        if not _NAME_RE.match(name):
            raise panes_map.error(
                name, text("a pane name is a lowercase word (letters, digits, _), e.g. server")
            )
        m = Map(panes_map.node(name), f"pane {name}")
        kind = Kind(m.choice("kind", tuple(k.value for k in Kind)))
        remote = m.string("remote", "")
        if remote and remote not in names:
            raise m.error("remote", text("no pane named {name!r}", name=remote))
        session_map = m.sub("session", f"session of {name}")
        session = _session_values(session_map, names) if session_map else {}
        if "kind" in session:
            raise session_map.error("kind", text("give the kind one level up, as kind:"))  # type: ignore[union-attr]
        _trial_config(kind, session, session_map or m, bool(remote))
        m.done()
        panes[name] = PaneSpec(name, kind, session, remote, m.line)
    panes_map.done()
    return panes


def _session_values(m: Map, names: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in list(m.keys()):
        if key == "faults":  # a relay's list of fault specs; the config's check reads them
            values[key] = [scalar(node) for node in m.items(key, "faults", limit=MAX_FAULTS)]
            continue
        value = m.value(key)
        if isinstance(value, str):
            for match in _REFERENCE_RE.finditer(value):
                if match.group(1) and match.group(1) not in names:
                    raise m.error(key, text("no pane named {name!r}", name=match.group(1)))
        values[key] = value
    m.done()
    return values


def fill(value: Any, lookup: Any) -> Any:
    """Replace ``${pane.port}``-style references in a session value (``lookup(pane, what)``).

    A value that is just ``${pane.port}`` becomes the port number.
    """
    if not isinstance(value, str) or "${" not in value:
        return value
    whole = _REFERENCE_RE.fullmatch(value)
    if whole and whole.group(2) == "port":
        return int(lookup(whole.group(1), "port"))
    return _REFERENCE_RE.sub(lambda mt: str(lookup(mt.group(1) or "", mt.group(2) or "tmp")), value)


def _stand_in(pane: str, what: str) -> Any:
    return {"port": 9, "host": "127.0.0.1", "address": "127.0.0.1:9", "tmp": "/tmp/scenario"}[what]


def _trial_config(kind: Kind, session: dict[str, Any], m: Map, has_remote: bool) -> None:
    values = {key: fill(value, _stand_in) for key, value in session.items()}
    if has_remote and kind is not Kind.TCP_SERVER:
        # Stand-ins for the other pane's address, of this pane's family.
        family = values.get("family", "inet")
        values["remote_host"] = {"inet6": "::1", "unix": "/tmp/scenario.sock"}.get(
            str(family), "127.0.0.1"
        )
        values.setdefault("remote_port", 9)
    if kind is Kind.TCP_CLIENT:
        values.setdefault("local_host", "")
    try:
        SessionConfig.from_dict({"kind": kind.value, **values})
    except ConfigError as exc:
        where = exc.field if exc.field in m else ""
        line = m.key_line(where) if where else m.line
        raise ScenarioError(line, exc.args[0]) from None
    except TypeError as exc:  # a value of a type from_dict cannot take
        raise ScenarioError(m.line, text("bad session setting: {error}", error=str(exc))) from None


# -------------------------------------------------------------------- actions
def _action(node: Any, panes: dict[str, PaneSpec]) -> Action:
    m = Map(node, "step")
    if ("do" in m) == ("expect" in m):
        raise ScenarioError(
            m.line, text("a step needs either do: (an action) or expect: (a check)")
        )
    is_check = "expect" in m
    table: dict[str, Any] = CHECK_KINDS if is_check else STEP_KINDS
    word = "expect" if is_check else "do"
    kind_name = m.choice(word, tuple(table))
    kind = table[kind_name]
    pane = ""
    if kind.pane_kinds is not None:
        pane = m.string("pane", required=True)
        spec = panes.get(pane)
        if spec is None:
            raise m.error("pane", text("no pane named {name!r}", name=pane))
        if spec.kind not in kind.pane_kinds:
            raise m.error(
                "pane",
                text(
                    "{kind} does not apply to a {pane_kind} pane",
                    kind=kind_name,
                    pane_kind=spec.kind.value,
                ),
            )
    params = kind.parse(m)
    if params.get("legs") and panes[pane].kind is not Kind.RELAY:
        raise m.error("of", text("only a relay pane has legs (client_leg, server_leg)"))
    if "session" in params:
        session_map = params.pop("session")
        overrides = _session_values(session_map, list(panes)) if session_map else {}
        spec = panes[pane]
        _trial_config(spec.kind, {**spec.session, **overrides}, session_map or m, bool(spec.remote))
        params["overrides"] = overrides
    for ref_key in ("sent_by", "to"):
        ref = params.get(ref_key)
        if ref and ref not in panes:
            raise m.error(ref_key, text("no pane named {name!r}", name=ref))
    label = _localized(m, "label") if "label" in m else None
    within = m.integer("within_ms", 0, 0, MAX_WITHIN_MS) if is_check else 0
    may_fail = False if is_check else m.boolean("may_fail", False)
    check_id = m.string("id", "") if is_check else ""
    m.done()
    return Action(kind_name, is_check, pane, params, m.line, label, within, may_fail, check_id)


# ------------------------------------------------------------------- teaching
def _localized(m: Map, key: str, *, required: bool = True) -> Localized:
    node = m.node(key)
    if node is None:
        if required:
            raise ScenarioError(m.line, text("{what} needs {key}:", what=m.what, key=key))
        return Localized()
    return localized_node(node, key)


def localized_node(node: Any, what: str) -> Localized:
    """A text given as a plain string (English) or as ``{en: ..., zh_CN: ...}``."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        value = scalar(node)
        if not isinstance(value, str):
            raise ScenarioError(line_of(node), text("{what}: must be text", what=what))
        return Localized(en=value)
    m = Map(node, what)
    out = Localized()
    for language in list(m.keys()):
        if language not in LANGUAGES:
            raise m.error(language, text("unknown language; use en or zh_CN"))
        out[language] = m.string(language, required=True)
    if "en" not in out:
        raise ScenarioError(m.line, text("{what}: give the English text as en:", what=what))
    m.done()
    return out


def _teaching(m: Map, panes: dict[str, PaneSpec], actions: list[Action]) -> Teaching:
    predict = m.sub("predict", "predict")
    if predict is None:
        raise ScenarioError(m.line, text("a lab needs predict: (question, choices, answer)"))
    choices = [localized_node(n, "choice") for n in predict.items("choices", "choices", limit=8)]
    if len(choices) < 2:
        raise ScenarioError(predict.line, text("a prediction needs at least two choices:"))
    answer = predict.integer("answer", 0, 0, len(choices) - 1)
    check = predict.string("check", "")
    if check and check not in {a.id for a in actions if a.is_check}:
        raise predict.error("check", text("no check has id: {id}", id=check))
    question = _localized(predict, "question")
    predict.done()
    code_map = m.sub("code", "code")
    code: dict[str, str] = {}
    if code_map is not None:
        for pane in list(code_map.keys()):
            if pane not in panes:
                raise code_map.error(pane, text("no pane named {name!r}", name=pane))
            code[pane] = code_map.string(pane, required=True)
        code_map.done()
    teaching = Teaching(
        number=m.integer("number", 0, 0, 999),
        title=_localized(m, "title"),
        concept=_localized(m, "concept"),
        question=question,
        choices=choices,
        answer=answer,
        check=check,
        look=_localized(m, "look"),
        why=_localized(m, "why"),
        os_note=_localized(m, "os_note") if "os_note" in m else None,
        code=code,
        look_at=m.choice("look_at", LOOK_AT, "log"),
    )
    m.done()
    return teaching
