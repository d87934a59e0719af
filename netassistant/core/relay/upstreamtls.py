"""The relay's server leg TLS settings (``SessionConfig.upstream_tls``): checks and warning.

On its client leg a relay is the TLS server (``SessionConfig.tls``, checked like a TCP
server's); on its server leg it is the TLS client, with settings of their own. They are the
same :class:`~netassistant.core.tlsconfig.TlsSettings`, checked as a client's, and a wrong
one is named ``upstream_tls.<name>`` so nobody looks for it in the client leg's box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netassistant.core.config import ConfigError, Kind
from netassistant.core.i18n import text

if TYPE_CHECKING:
    from netassistant.core.config import SessionConfig
    from netassistant.core.tlsconfig import TlsSettings

#: The config field, and the prefix of its settings' names in errors.
FIELD = "upstream_tls"


def field_name(tls_field: str) -> str:
    """``tls.cert`` -> ``upstream_tls.cert`` (a TlsError's field, renamed for this leg)."""
    return FIELD + tls_field[len("tls") :] if tls_field.startswith("tls") else tls_field


def validate_upstream_tls(config: SessionConfig, check_files: bool) -> None:
    """Raise :class:`ConfigError` naming the first bad ``upstream_tls`` setting.

    Raises:
        ConfigError: ``upstream_tls`` on a session that is no TCP relay, or a bad setting.
    """
    from netassistant.core.tlsconfig import TlsError, TlsSettings

    settings = config.upstream_tls
    if not isinstance(settings, TlsSettings):
        raise ConfigError(FIELD, text("must be a JSON object (or null for plain TCP)"))
    if config.kind is not Kind.RELAY:
        raise ConfigError(
            FIELD,
            text("only a relay has a server leg; a TCP client's TLS settings are its tls"),
        )
    if config.relay_udp:
        raise ConfigError(FIELD, text("TLS is for TCP sessions; UDP has none (DTLS)"))
    try:
        settings.validate(server=False, check_files=check_files)
    except TlsError as exc:
        raise ConfigError(field_name(exc.field), exc.args[0]) from None


def upstream_insecure_warning(settings: TlsSettings | None) -> str | None:
    """A warning when the relay does not verify the server's certificate, else None.

    Said out loud before the session runs, as for a TCP client (see
    :func:`~netassistant.core.tlsconfig.insecure_warning`).
    """
    if settings is None or settings.verify:
        return None
    return text(
        "TLS certificate verification toward the server is off (--upstream-insecure): the "
        "server is not authenticated, and anyone in between can read and change the traffic"
    )
