"""The fault spec language: parsing, formatting, and refusals in words."""

from __future__ import annotations

import pytest

from netassistant.core.config import ConfigError, Family, Kind, SessionConfig
from netassistant.core.relay.spec import FaultSpec, FaultSpecError, parse_fault


def test_the_issue_examples_parse():
    assert parse_fault("up:slicer:size=5,variation=2,delay_ms=10") == FaultSpec(
        "up", "slicer", {"size": 5, "variation": 2, "delay_ms": 10}, 1.0
    )
    assert parse_fault("down:latency:ms=100,jitter=20") == FaultSpec(
        "down", "latency", {"ms": 100, "jitter": 20}, 1.0
    )
    assert parse_fault("both:reset:after_ms=500,toxicity=0.5") == FaultSpec(
        "both", "reset", {"after_ms": 500}, 0.5
    )


def test_defaults_are_filled_and_format_round_trips():
    spec = parse_fault(" up : drop ")
    assert spec == FaultSpec("up", "drop", {}, 1.0)
    assert spec.format() == "up:drop"
    latency = parse_fault("down:latency:ms=5")
    assert latency.format() == "down:latency:ms=5,jitter=0"
    assert parse_fault(latency.format()) == latency
    half = parse_fault("both:limit:bytes=10,toxicity=0.25")
    assert half.format() == "both:limit:bytes=10,toxicity=0.25"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("slicer", r"fault 'slicer' needs direction:name\[:param=value,...\], e.g. up:slicer"),
        ("left:slicer:size=1", "unknown fault direction 'left' in 'left:slicer:size=1'; use up, down or both"),
        ("up:lag", "unknown fault 'lag' in 'up:lag'; use one of latency, bandwidth, slicer, coalesce, drop, timeout, reset, slow_close, limit"),
        ("up:latency:ms=1,size=3", "latency has no parameter 'size'; use ms, jitter, toxicity"),
        ("up:latency:jitter=3", r"latency needs ms= \(milliseconds\), e.g. up:latency:ms=10"),
        ("up:slicer:size=0", "slicer: size must be a whole number 1..1048576, not '0'"),
        ("up:slicer:size=five", "slicer: size must be a whole number 1..1048576, not 'five'"),
        ("up:drop:toxicity=2", r"toxicity must be a number 0..1 \(the chance the fault applies\), not '2'"),
        ("up:drop:toxicity=nan", "toxicity must be a number 0..1"),
        ("up:latency:ms", "'ms' in 'up:latency:ms' is not param=value; latency takes ms, jitter, toxicity"),
        ("up:latency:ms=1,ms=2", "ms is given twice in 'up:latency:ms=1,ms=2'"),
    ],
)  # fmt: skip
def test_bad_specs_are_refused_in_words(spec, message):
    with pytest.raises(FaultSpecError, match=message):
        parse_fault(spec)


def test_a_spec_must_be_text():
    with pytest.raises(FaultSpecError, match="a fault spec must be text, not 5"):
        parse_fault(5)  # type: ignore[arg-type]


def relay(**kw) -> SessionConfig:
    return SessionConfig(**{"kind": Kind.RELAY, "remote_port": 9000, **kw})


def test_relay_config_validates_and_round_trips():
    config = relay(faults=["up:slicer:size=4"], fault_seed=3, relay_udp=True).validate()
    again = SessionConfig.from_dict(config.to_dict())
    assert again == config
    assert again.faults is not config.faults
    assert config.describe() == "relay udp 127.0.0.1:0 → 127.0.0.1:9000"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"remote_port": 0}, "remote_port: 0 is out of range 1..65535"),
        ({"remote_host": ""}, "remote_host: an address is needed"),
        ({"faults": ["up:nope"]}, "faults: unknown fault 'nope'"),
        ({"faults": "up:drop"}, r"faults: must be a list of fault specs \(text\)"),
        ({"fault_seed": -1}, "fault_seed: must be a whole number of at least 0"),
        ({"relay_idle_timeout": 0}, "relay_idle_timeout: must be between 0 and 86400 seconds"),
        (
            {"relay_udp": True, "family": Family.UNIX, "local_host": "/tmp/x"},
            "family: a UDP relay needs inet or inet6",
        ),
    ],
)
def test_bad_relay_settings_name_the_field(changes, message):
    with pytest.raises(ConfigError, match=message):
        relay(**changes).validate()


def test_faults_belong_to_relays_only():
    with pytest.raises(ConfigError, match="faults: faults apply to relay sessions only"):
        SessionConfig(kind=Kind.TCP_SERVER, faults=["up:drop"]).validate()
