"""The settings: one declarative schema, defaults in code, every error collected.

Why this shape (STYLE.md, point 6): a settings file is edited by hand, so a mistake must be
reported with the file, the full key, the bad value and what was expected, all mistakes at
once, and must never crash the program. A file with any error is ignored as a whole: running on
half a config (say, the right hours but a default idle threshold) would record something the
user did not ask for, which is worse than clearly falling back to the documented defaults.

This module holds what the settings are (`Config` and its parts) and how a checked document
becomes them. The schema (`SCHEMA` in .schema) is the single description of what a file may
hold; its `walk` checks any TOML document against it, and `_build` below turns the checked
values into a `Config`. Reading a file, with the organisation policy applied over it, is
.loaded's; writing one is .writer's. The rest of the program imports every settings name from
the package, socialtime.settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

from socialtime.base.i18n import translate
from socialtime.rules.work_hours import DAY_KEYS, TimeRange, WorkHours
from socialtime.settings.schema import GOALS, SCHEMA, ConfigError, walk

__all__ = [
    "Config",
    "ConfigError",
    "CustomSite",
    "Goals",
    "NudgeSettings",
    "default_work_hours",
    "parse_config",
    "parse_goals",
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
    parse_goals that builds them, and used through socialtime.insights.goals."""

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
    """Which kinds of nudge may be shown (socialtime.insights.nudges); each can be switched off."""

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
    values = walk(GOALS, data, key_prefix, source, errors)
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
    values = walk(SCHEMA, data, "", source, errors)
    if not errors:
        errors.extend(_duplicate_ids(values, source))
    if errors:
        return Config(work_hours=default_work_hours(tz)), errors
    return _build(values, tz), errors
