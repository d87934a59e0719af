"""Checks of a relay session's own settings (called by ``SessionConfig.validate``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netassistant.core.config import ConfigError, Family, Kind
from netassistant.core.i18n import text
from netassistant.core.relay.spec import FaultSpecError, parse_fault

if TYPE_CHECKING:
    from netassistant.core.config import SessionConfig

#: The most faults one relay takes: each is a stage on every connection.
MAX_FAULTS = 32


def validate_relay(config: SessionConfig) -> None:
    """Raise :class:`ConfigError` naming the first bad relay setting.

    Raises:
        ConfigError: ``faults``, ``fault_seed``, ``relay_idle_timeout`` or ``family``.
    """
    faults = config.faults
    if not isinstance(faults, list) or not all(isinstance(spec, str) for spec in faults):
        raise ConfigError("faults", text("must be a list of fault specs (text)"))
    if config.kind is not Kind.RELAY:
        raise ConfigError("faults", text("faults apply to relay sessions only"))
    if len(faults) > MAX_FAULTS:
        raise ConfigError("faults", text("at most {count} faults per relay", count=MAX_FAULTS))
    for spec in faults:
        try:
            parse_fault(spec)
        except FaultSpecError as exc:
            raise ConfigError("faults", exc.args[0]) from None
    seed = config.fault_seed
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise ConfigError(
            "fault_seed", text("must be a whole number of at least 0, or empty for a random one")
        )
    idle = config.relay_idle_timeout
    if isinstance(idle, bool) or not isinstance(idle, int | float) or not 0 < idle <= 86_400:
        raise ConfigError("relay_idle_timeout", text("must be between 0 and 86400 seconds"))
    if config.relay_udp and config.family is Family.UNIX:
        raise ConfigError(
            "family", text("a UDP relay needs inet or inet6: unix datagram senders have no address")
        )
