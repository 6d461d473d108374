"""Load and validate config.toml into frozen dataclasses; a typo fails with the key's name."""

from __future__ import annotations

import datetime as dt
import math
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from kiosk.domain.absences import RESERVED_KEYS, AbsenceCode, AbsenceRules
from kiosk.domain.invites import check_link_template
from kiosk.domain.notes import CommunicationRules
from kiosk.errors import ConfigError, KioskError

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class SchoolConfig:
    name: str = "Basisschool"
    """Name shown on screens and letters."""
    language: str = "nl"
    """Language of the kiosk's screens: nl or en."""
    data_dir: str = "data"
    """Where the data files live, relative to config.toml."""


@dataclass(frozen=True)
class SecurityConfig:
    idle_lock_minutes: float = 3
    """Back to the login screen after this many minutes without a key or click."""
    max_pin_attempts: int = 5
    """Wrong PINs in a row before a name is locked."""
    lockout_minutes: float = 5
    """How long a name stays locked after too many wrong PINs (doubling each time in a row)."""
    max_pin_attempts_per_screen: int = 10
    """Wrong PINs on one screen within 15 minutes, for any names, before that screen refuses
    logins for `lockout_minutes`: one person cannot lock every name."""


@dataclass(frozen=True)
class BackupConfig:
    keep: int = 14
    """Number of daily backups kept; older ones are removed."""


@dataclass(frozen=True)
class CalendarConfig:
    free_days: tuple[dt.date, ...] = ()
    """The school's own free days on top of the Flemish holidays."""


@dataclass(frozen=True)
class ServeConfig:
    max_sessions: int = 4
    """`kiosk serve`: kiosks open at once in browsers (each one is a process)."""
    public_url: str = ""
    """`kiosk serve`: the address tablets use, when the server sits behind another name."""


@dataclass(frozen=True)
class RetentionConfig:
    """How long the school keeps history (GDPR: no longer than needed). `kiosk purge`
    without --before removes what is older than this, counted in whole school years."""

    notes_school_years: int = 2
    """Conversation notes and their follow-ups."""
    absences_school_years: int = 5
    """Absences and late arrivals."""


@dataclass(frozen=True)
class InvitesConfig:
    """Class invitations: the class app parents join, and how its join link is made."""

    app_name: str = "Gimme"
    join_link: str = "https://classapp.example/join?code={code}"
    """The class app's join link; `{code}` stands for the class code."""
    code_length: int = 8
    """Characters in a class code (the class app's own codes are typed in as they are)."""
    letters_dir: str = "letters"
    """Where the screens put letters to print (relative to this file)."""


@dataclass(frozen=True)
class Config:
    school: SchoolConfig = field(default_factory=SchoolConfig)
    security: SecurityConfig = field(default_factory=SecurityConfig)
    backup: BackupConfig = field(default_factory=BackupConfig)
    calendar: CalendarConfig = field(default_factory=CalendarConfig)
    absences: AbsenceRules = field(default_factory=AbsenceRules)
    serve: ServeConfig = field(default_factory=ServeConfig)
    communication: CommunicationRules = field(default_factory=CommunicationRules)
    retention: RetentionConfig = field(default_factory=RetentionConfig)
    invites: InvitesConfig = field(default_factory=InvitesConfig)
    path: Path = Path("config.toml")
    """The file this config was read from."""

    @property
    def data_dir(self) -> Path:
        return (self.path.parent / self.school.data_dir).resolve()

    @property
    def letters_dir(self) -> Path:
        return (self.path.parent / self.invites.letters_dir).resolve()


_SECTIONS = {
    "school": SchoolConfig,
    "security": SecurityConfig,
    "backup": BackupConfig,
    "calendar": CalendarConfig,
    "absences": AbsenceRules,
    "serve": ServeConfig,
    "communication": CommunicationRules,
    "retention": RetentionConfig,
    "invites": InvitesConfig,
}


def default_config_path() -> Path:
    return Path(os.environ.get("KIOSK_CONFIG", "config.toml"))


def load_config(path: Path | None = None) -> Config:
    path = Path(path) if path else default_config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return parse_config(raw, path)


def parse_config(raw: dict[str, Any], path: Path) -> Config:
    unknown = set(raw) - set(_SECTIONS)
    if unknown:
        raise ConfigError(f"{path}: unknown section [{sorted(unknown)[0]}]")
    sections = {
        name: _parse_section(name, cls, raw.get(name, {}), path)
        for name, cls in _SECTIONS.items()
    }
    config = Config(**sections, path=path.resolve())
    _validate(config, path)
    return config


def _parse_section(name: str, cls: type, raw: Any, path: Path) -> Any:
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: [{name}] must be a section")
    known = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown key {name}.{key}")
        values[key] = _coerce(f"{name}.{key}", known[key].type, value, path)
    return cls(**values)


def _coerce(key: str, type_name: Any, value: Any, path: Path) -> Any:
    expected = str(type_name)
    if expected == "str" and isinstance(value, str):
        return value
    if expected == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if expected == "float" and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ConfigError(f"{path}: {key} must be a number, not {value!r}")
        return float(value)
    if expected.startswith("tuple[dt.date") and isinstance(value, list):
        return tuple(_as_date(key, item, path) for item in value)
    if expected.startswith("tuple[AbsenceCode") and isinstance(value, list):
        return tuple(_as_code(f"{key}[{n}]", item, path) for n, item in enumerate(value))
    raise ConfigError(f"{path}: {key} has a wrong value: {value!r}")


def _as_date(key: str, value: Any, path: Path) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{path}: {key}: {value!r} is not a date (YYYY-MM-DD)") from None


def _as_code(key: str, value: Any, path: Path) -> AbsenceCode:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {key} must be a table")
    known = {f.name: f for f in fields(AbsenceCode)}
    for name, item in value.items():
        if name not in known:
            raise ConfigError(f"{path}: unknown key {key}.{name}")
        wanted = bool if known[name].type == "bool" else str
        if not isinstance(item, wanted):
            raise ConfigError(f"{path}: {key}.{name} has a wrong value: {item!r}")
    for name in ("id", "key", "label"):
        if not value.get(name):
            raise ConfigError(f"{path}: {key}.{name} is missing")
    code = AbsenceCode(**value)
    if len(code.key) != 1 or not code.key.islower() or code.key in RESERVED_KEYS:
        reserved = ", ".join(sorted(RESERVED_KEYS))
        raise ConfigError(f"{path}: {key}.key must be one lower-case letter other than {reserved}")
    return code


def _validate(config: Config, path: Path) -> None:
    rules = config.absences
    if not rules.codes:
        raise ConfigError(f"{path}: absences.codes must list at least one code")
    for attribute in ("id", "key"):
        values = [getattr(code, attribute) for code in rules.codes]
        if len(values) != len(set(values)):
            raise ConfigError(f"{path}: absences.codes: two codes share the same {attribute}")
    limits = ("parent_note_max_per_year", "parent_note_max_days", "problematic_warn_half_days",
              "problematic_clb_half_days", "late_flag_per_month")
    for name in limits:
        if getattr(rules, name) < 1:
            raise ConfigError(f"{path}: absences.{name} must be at least 1")
    if rules.problematic_warn_half_days > rules.problematic_clb_half_days:
        raise ConfigError(f"{path}: absences.problematic_warn_half_days must not exceed "
                          "problematic_clb_half_days")
    if rules.code(rules.default_code) is None:
        raise ConfigError(f"{path}: absences.default_code {rules.default_code!r} is not a code")
    if config.school.language not in LANGUAGES:
        raise ConfigError(f"{path}: school.language must be one of {', '.join(LANGUAGES)}")
    if config.security.idle_lock_minutes <= 0:
        raise ConfigError(f"{path}: security.idle_lock_minutes must be more than 0")
    if config.security.lockout_minutes <= 0:
        raise ConfigError(f"{path}: security.lockout_minutes must be more than 0")
    if config.security.max_pin_attempts < 1:
        raise ConfigError(f"{path}: security.max_pin_attempts must be at least 1")
    if config.security.max_pin_attempts_per_screen < 1:
        raise ConfigError(f"{path}: security.max_pin_attempts_per_screen must be at least 1")
    if config.backup.keep < 1:
        raise ConfigError(f"{path}: backup.keep must be at least 1")
    if config.serve.max_sessions < 1:
        raise ConfigError(f"{path}: serve.max_sessions must be at least 1")
    _validate_communication(config.communication, path)
    for name in ("notes_school_years", "absences_school_years"):
        if getattr(config.retention, name) < 1:
            raise ConfigError(f"{path}: retention.{name} must be at least 1")
    _validate_invites(config.invites, path)
    if config.serve.public_url and not config.serve.public_url.startswith(("http://", "https://")):
        raise ConfigError(f"{path}: serve.public_url must start with http:// or https://")


def _validate_communication(rules: CommunicationRules, path: Path) -> None:
    for name in ("quiet_from", "quiet_until"):
        value = getattr(rules, name)
        try:
            if len(value) != 5:
                raise ValueError(value)
            dt.time.fromisoformat(value)
        except ValueError:
            raise ConfigError(f"{path}: communication.{name} must be a time like 20:00, not {value!r}") from None
    if rules.morning >= rules.evening:
        raise ConfigError(f"{path}: communication.quiet_until must be earlier than quiet_from")
    if not 1 <= rules.answer_hours <= 24 * 10:
        raise ConfigError(f"{path}: communication.answer_hours must be between 1 and 240")


def _validate_invites(invites: InvitesConfig, path: Path) -> None:
    try:
        check_link_template(invites.join_link)
    except KioskError as exc:
        raise ConfigError(f"{path}: invites.join_link: {exc}") from None
    if not 4 <= invites.code_length <= 16:
        raise ConfigError(f"{path}: invites.code_length must be between 4 and 16")
    if not invites.app_name.strip() or not invites.app_name.isprintable() or len(invites.app_name) > 40:
        raise ConfigError(f"{path}: invites.app_name must be a name of 1 to 40 printable characters")
    letters = (path.parent / invites.letters_dir).resolve()
    if letters.exists() and not letters.is_dir():
        raise ConfigError(f"{path}: invites.letters_dir: {letters} is not a folder")
