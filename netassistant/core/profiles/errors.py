"""The errors of the profile package, in a module of their own so every part can raise them."""

from __future__ import annotations


class ProfileError(ValueError):
    """A profile or profile file cannot be used; the message is written for the user.

    ``args[0]`` is the message as a translatable :class:`~netassistant.core.i18n.Text`
    (a plain string when it came from outside the core); ``str(exc)`` is its English text.

    Attributes:
        path: The file concerned, or None when the profile did not come from a file.
        field: The offending field (``config.local_port``, ``send_presets[2].mode``), or None.
    """

    def __init__(self, message: str, *, path: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.field = field

    def __str__(self) -> str:
        # KeyError (a base of ProfileNotFoundError) would otherwise quote the message.
        return str(self.args[0])


class ProfileNotFoundError(ProfileError, KeyError):
    """No profile has the name asked for."""


class ProfileExistsError(ProfileError):
    """A profile with that name exists and overwriting was not asked for."""
