"""Records (netassistant.core.records) behave as the dataclasses they replace."""

from __future__ import annotations

import copy
import pickle

import pytest

from netassistant.core.addressing import Interface
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.sending.plans import SendPlan


def test_a_config_compares_prints_and_copies_like_a_dataclass():
    config = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=9000, faults=["up:slicer:size=5"])
    assert config == SessionConfig(
        kind=Kind.TCP_CLIENT, remote_port=9000, faults=["up:slicer:size=5"]
    )
    assert config != SessionConfig(kind=Kind.TCP_CLIENT, remote_port=9001)
    assert config != "tcp-client"
    assert repr(config).startswith(
        "SessionConfig(kind=<Kind.TCP_CLIENT: 'tcp-client'>, family=<Family.INET: 'inet'>, "
        "local_host='127.0.0.1', local_port=0, remote_host='127.0.0.1', remote_port=9000, "
    )
    assert repr(config).endswith("multicast_loop=True, multicast_if='')")
    deep = copy.deepcopy(config)
    assert deep == config
    assert deep.faults is not config.faults
    assert pickle.loads(pickle.dumps(config)) == config
    with pytest.raises(TypeError, match="unhashable type: 'SessionConfig'"):
        hash(config)


def test_each_config_gets_its_own_lists():
    first, second = SessionConfig(), SessionConfig()
    first.faults.append("x")
    first.extra["a"] = 1
    assert (second.faults, second.extra, second.multicast_joins) == ([], {}, [])


def test_replace_changes_only_what_it_names():
    config = SessionConfig(kind=Kind.UDP, local_port=7)
    moved = config.replace(local_port=8)
    assert (moved.kind, moved.local_port, config.local_port) == (Kind.UDP, 8, 7)
    with pytest.raises(TypeError, match="SessionConfig has no field 'colour'"):
        config.replace(colour="red")


def test_a_frozen_record_cannot_change_and_hashes_by_value():
    plan = SendPlan(b"hi", count=3)
    with pytest.raises(AttributeError, match="cannot assign to field 'count'"):
        plan.count = 4  # type: ignore[misc]
    with pytest.raises(AttributeError, match="cannot delete field 'count'"):
        del plan.count  # type: ignore[misc]
    assert hash(plan) == hash(SendPlan(b"hi", count=3))
    assert {plan, SendPlan(b"hi", count=3)} == {plan}
    assert copy.copy(plan) == plan
    assert pickle.loads(pickle.dumps(plan)) == plan
    assert repr(Interface(1, "lo", ("127.0.0.1",))) == (
        "Interface(index=1, name='lo', addresses=('127.0.0.1',))"
    )


def test_a_send_plan_still_checks_its_fields():
    with pytest.raises(ValueError, match="the payload is empty; there is nothing to send"):
        SendPlan(b"")
    assert SendPlan(bytearray(b"ab")).payload == b"ab"
    assert type(SendPlan(bytearray(b"ab")).payload) is bytes


def test_a_record_given_the_wrong_number_of_values_says_so():
    from netassistant.core.records import FrozenRecord

    class Pair(FrozenRecord):
        __slots__ = ("left", "right")
        left: int
        right: int

        def __init__(self, *values: int) -> None:
            self._fill(*values)

    assert (Pair(1, 2).left, Pair(1, 2).right) == (1, 2)
    with pytest.raises(TypeError, match=r"^Pair has 2 fields, got 3 values$"):
        Pair(1, 2, 3)
    with pytest.raises(AttributeError, match="cannot assign to field 'left'"):
        Pair(1, 2).left = 5  # type: ignore[misc]
