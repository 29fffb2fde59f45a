"""Settings: one declarative schema, defaults in code, every error collected.

Why this shape (STYLE.md, point 6): a settings file is edited by hand, so a mistake must be
reported with the file, the full key, the bad value and what was expected, all mistakes at
once, and must never crash the program. A file with any error is ignored as a whole: running on
half a config (say, the right hours but a default idle threshold) would record something the
user did not ask for, which is worse than clearly falling back to the documented defaults.

This module holds what the settings are (`Config` and its parts) and how a file is read. The
schema (`_SCHEMA` in socialtime.config_schema) is the single description of what a file may
hold; its `_walk` checks any TOML document against it, and `_build` below turns the checked
values into a `Config`. Writing a file is socialtime.config_file's. `ConfigError` (made by
the schema's walk) and the writing functions are re-exported here: the rest of the program
imports every settings name from this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import platformdirs

from socialtime import file_problems, files
from socialtime.config_file import dump_config, dump_goals, save_config
from socialtime.config_schema import _GOALS, _SCHEMA, ConfigError, _walk
from socialtime.i18n import translate
from socialtime.schedule import DAY_KEYS, TimeRange, WorkHours

if TYPE_CHECKING:
    from socialtime.policy import Policy

__all__ = [
    "Config",
    "ConfigError",
    "CustomSite",
    "Goals",
    "LoadedConfig",
    "NudgeSettings",
    "default_config_path",
    "default_work_hours",
    "dump_config",
    "dump_goals",
    "load_config",
    "parse_config",
    "parse_goals",
    "read_language",
    "read_toml",
    "save_config",
]

# -- the result ---------------------------------------------------------------------------

_DEFAULT_WORK_HOURS = {day: "09:00-12:30, 13:30-18:00" for day in DAY_KEYS[:5]}


def default_work_hours(tz: tzinfo | None = None) -> WorkHours:
    """Monday to Friday 09:00-12:30 and 13:30-18:00; weekends off."""
    return WorkHours.from_strings(_DEFAULT_WORK_HOURS, tz=tz)


@dataclass(frozen=True)
class CustomSite:
    """A site the user adds to the catalogue; matched like catalogue sites (see sites.py)."""

    id: str
    name: str
    hosts: tuple[str, ...]
    titles: tuple[str, ...]
    apps: tuple[str, ...]


@dataclass(frozen=True)
class Goals:
    """Goals the user chose (or a team agreed on); every one is optional. Defined here, with
    parse_goals that builds them, and used through socialtime.goals."""

    daily_minutes: int | None = None  # all social time on a work day
    site_daily_minutes: Mapping[str, int] = field(default_factory=dict)  # site id -> minutes
    focus: tuple[TimeRange, ...] = ()  # parts of each work day with no social time
    weekly_minutes: int | None = None  # all social time in an ISO week

    def is_empty(self) -> bool:
        return (
            self.daily_minutes is None
            and not self.site_daily_minutes
            and not self.focus
            and self.weekly_minutes is None
        )

    def __hash__(self) -> int:  # the mapping is a dict: hash its items
        sites = tuple(sorted(self.site_daily_minutes.items()))
        return hash((self.daily_minutes, sites, self.focus, self.weekly_minutes))


@dataclass(frozen=True)
class NudgeSettings:
    """Which kinds of nudge may be shown (socialtime.nudges); each can be switched off."""

    budget: bool = True  # at 80 % and 100 % of a daily budget
    focus: bool = True  # a social site in front during a focus period
    reflection: bool = True  # the weekly look back


@dataclass(frozen=True)
class Config:
    sample_seconds: float = 5.0
    idle_seconds: int = 180
    retention_days: int = 365  # 0 keeps forever
    work_hours: WorkHours = field(default_factory=default_work_hours)
    disabled_sites: frozenset[str] = frozenset()
    custom_sites: tuple[CustomSite, ...] = ()
    goals: Goals = field(default_factory=Goals)
    nudges: NudgeSettings = field(default_factory=NudgeSettings)
    language: str = "auto"  # "auto" follows the system; "en" or "fr" overrides it


@dataclass(frozen=True)
class LoadedConfig:
    config: Config  # in force: the user's file with the organisation policy applied
    errors: tuple[ConfigError, ...]  # the user's file's
    path: Path | None  # the file read, None if none existed
    user: Config = field(default=cast(Config, None))  # the user's own file; `config` if None
    policy: Policy = field(default_factory=lambda: _no_policy())
    user_keys: frozenset[str] = frozenset()  # policy keys the user's file sets (policy.py)

    def __post_init__(self) -> None:
        if self.user is None:
            object.__setattr__(self, "user", self.config)

    @property
    def ok(self) -> bool:
        return not self.errors


# -- parsing ------------------------------------------------------------------------------


def _build_goals(values: Mapping[str, Any]) -> Goals:
    return Goals(
        daily_minutes=values.get("daily_minutes"),
        site_daily_minutes=dict(values.get("sites", {})),
        focus=values.get("focus", ()),
        weekly_minutes=values.get("weekly_minutes"),
    )


def parse_goals(
    data: Mapping[str, Any], source: str, key_prefix: str = "goals"
) -> tuple[Goals, list[ConfigError]]:
    """Check a [goals] table on its own (team goal files hold one too); keys in errors start
    with `key_prefix`. With any error, the Goals returned are empty."""
    errors: list[ConfigError] = []
    values = _walk(_GOALS, data, key_prefix, source, errors)
    return (Goals(), errors) if errors else (_build_goals(values), errors)


def _build(values: dict[str, Any], tz: tzinfo | None) -> Config:
    """Turn checked values (no errors) into a Config, filling in defaults."""
    days_off = frozenset(values.get("days_off", ()))
    table = values.get("work_hours")
    if table is None:
        work_hours = WorkHours(default_work_hours().days, days_off, tz)
    else:
        work_hours = WorkHours(tuple(table.get(day, ()) for day in DAY_KEYS), days_off, tz)
    sites = values.get("sites", {})
    custom: list[CustomSite] = []
    for entry in sites.get("custom", ()):
        site_id = entry["id"]
        custom.append(
            CustomSite(
                id=site_id,
                name=entry.get("name", site_id),
                hosts=entry.get("hosts", (site_id,)),
                titles=entry.get("titles", ()),
                apps=entry.get("apps", ()),
            )
        )
    return Config(
        sample_seconds=values.get("sample_seconds", Config.sample_seconds),
        idle_seconds=values.get("idle_seconds", Config.idle_seconds),
        retention_days=values.get("retention_days", Config.retention_days),
        work_hours=work_hours,
        disabled_sites=frozenset(sites.get("disabled", ())),
        custom_sites=tuple(custom),
        goals=_build_goals(values.get("goals", {})),
        nudges=NudgeSettings(**values.get("nudges", {})),
        language=values.get("language", Config.language),
    )


def _duplicate_ids(values: dict[str, Any], source: str) -> list[ConfigError]:
    """Two custom sites with one id would make the id (the label in the database) ambiguous."""
    seen: dict[str, int] = {}
    errors = []
    for i, entry in enumerate(values.get("sites", {}).get("custom", ())):
        site_id = entry["id"]
        if site_id in seen:
            reason = translate("config", "duplicate id, also used by {key}")
            reason = reason.format(key=f"sites.custom[{seen[site_id]}]")
            expected = translate("config", "a unique id")
            errors.append(ConfigError(source, f"sites.custom[{i}].id", site_id, expected, reason))
        seen.setdefault(site_id, i)
    return errors


def parse_config(
    data: Mapping[str, Any], source: str, *, tz: tzinfo | None = None
) -> tuple[Config, list[ConfigError]]:
    """Check a parsed TOML document. With any error, the Config returned is the defaults."""
    errors: list[ConfigError] = []
    values = _walk(_SCHEMA, data, "", source, errors)
    if not errors:
        errors.extend(_duplicate_ids(values, source))
    if errors:
        return Config(work_hours=default_work_hours(tz)), errors
    return _build(values, tz), errors


# -- files --------------------------------------------------------------------------------


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir("socialtime")) / "config.toml"


def _no_policy() -> Policy:
    from socialtime.policy import Policy  # policy.py imports this module

    return Policy()


def load_config(
    path: Path | None = None, tz: tzinfo | None = None, policy: Policy | None = None
) -> LoadedConfig:
    """Read and check a settings file, then apply the organisation ``policy`` over it
    (socialtime.policy; none by default). Never raises for a bad file: see the module doc."""
    from socialtime.policy import apply_policy

    return apply_policy(_load_user(path, tz), policy)


def read_language(path: Path | None = None) -> str:
    """The ``language`` setting in force, for a program to speak the user's language before
    it says anything (the messages of ``load_config``, its errors included, are then in that
    language). Like ``load_config``, never raises, and a file with any error counts as none:
    "auto". An organisation policy cannot set the language, so it is not read."""
    return _load_user(path, None).config.language


@dataclass(frozen=True)
class TomlFile:
    """What reading a TOML file gave: the document, or in words why not."""

    data: dict[str, Any] | None  # the parsed document; None when missing or malformed
    problem: str | None  # why there is no document; None when the file simply is not there
    read: bool  # the bytes could be read (a malformed file was still read)


def read_toml(path: Path, limit: int = files.SETTINGS_LIMIT) -> TomlFile:
    """Read a settings or policy file through the bounded reader (socialtime.files: at most
    ``limit`` bytes, a regular file, UTF-8, at most ``files.MAX_DEPTH`` levels); never raises
    for a bad or missing file."""
    try:
        return TomlFile(files.read_toml(path, limit), None, read=True)
    except files.ReadError as error:
        if error.kind == files.MISSING:
            return TomlFile(None, None, read=False)
        return TomlFile(None, file_problems.problem(error), read=error.read)


def _load_user(path: Path | None, tz: tzinfo | None) -> LoadedConfig:
    path = default_config_path() if path is None else Path(path)
    source = str(path)
    defaults = Config(work_hours=default_work_hours(tz))
    found = read_toml(path)
    if found.data is None:
        if found.problem is None:
            return LoadedConfig(defaults, (), None)
        return LoadedConfig(defaults, (ConfigError(source, "", None, found.problem),), path)
    data = found.data
    config, errors = parse_config(data, source, tz=tz)
    from socialtime.policy import user_keys

    keys = frozenset() if errors else user_keys(data)
    return LoadedConfig(config, tuple(errors), path, user_keys=keys)
