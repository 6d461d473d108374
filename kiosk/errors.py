"""Errors that reach the user as one clear line (CLI) or a message (app)."""


class KioskError(Exception):
    """A problem the user can act on; its message is shown as is."""

    exit_code = 1


class ConfigError(KioskError):
    """config.toml is missing, unreadable or has a wrong key or value."""


class NotFound(KioskError):
    """A pupil, staff member or backup that does not exist."""


class Ambiguous(KioskError):
    """A search text that matches more than one record."""

    exit_code = 2
