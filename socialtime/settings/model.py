"""The settings: one declarative schema with the defaults in it, every error collected.

Why this shape (STYLE.md, point 6): a settings file is edited by hand, so a mistake must be
reported with the file, the full key, the bad value and what was expected, all mistakes at
once, and must never crash the program. A file with any error is ignored as a whole: running on
half a config (say, the right hours but a default idle threshold) would record something the
user did not ask for, which is worse than clearly falling back to the documented defaults.

This module holds what the settings are (`Config` and its parts) and how a checked document
becomes them. The schema (`SCHEMA` in .schema) is the single description of what a file may
hold, the defaults included: its `walk` checks any TOML document against it, `with_defaults`
fills in what the document left out, and `_build` below turns the values into a `Config`. The
data classes take their defaults from the schema too (`setting_default`), so that a default is
written once; tests/unit/settings/test_settings_schema.py checks that `Config()` is what an
empty file means. Reading a file, with the organisation policy applied over it, is .loaded's;
writing one is .writer's. The rest of the program imports every settings name from the package,
socialtime.settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

from socialtime.base.i18n import translate
from socialtime.rules.work_hours import DAY_KEYS, TimeRange, WorkHours
from socialtime.settings.schema import (
    GOALS,
    SCALAR_KEYS,
    SCHEMA,
    ConfigError,
    setting_default,
    walk,
    with_defaults,
)

__all__ = [
    "Config",
    "ConfigError",
    "CustomSite",
    "Goals",
    "NudgeSettings",
    "default_config",
    "default_work_hours",
    "parse_config",
    "parse_goals",
]

# -- the result ---------------------------------------------------------------------------


_default = setting_default  # for the lambdas of default_factory, short enough for a line


def default_work_hours(tz: tzinfo | None = None) -> WorkHours:
    """The schema's default work hours (Monday to Friday 09:00-12:30 and 13:30-18:00; weekends
    off), in ``tz``."""
    return _work_hours(setting_default("work_hours"), (), tz)


def _work_hours(table: Mapping[str, Any], days_off: Any, tz: tzinfo | None) -> WorkHours:
    return WorkHours(tuple(table[day] for day in DAY_KEYS), frozenset(days_off), tz)


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

    # All social time on a work day; None: no such goal (as for every goal).
    daily_minutes: int | None = setting_default("goals.daily_minutes")
    # site id -> minutes on a work day
    site_daily_minutes: Mapping[str, int] = field(default_factory=lambda: _default("goals.sites"))
    # Parts of each work day with no social time.
    focus: tuple[TimeRange, ...] = setting_default("goals.focus")
    # All social time in an ISO week.
    weekly_minutes: int | None = setting_default("goals.weekly_minutes")

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

    budget: bool = setting_default("nudges.budget")  # at 80 % and 100 % of a daily budget
    focus: bool = setting_default("nudges.focus")  # a social site in front during a focus period
    reflection: bool = setting_default("nudges.reflection")  # the weekly look back


@dataclass(frozen=True)
class Config:
    """The settings. A field per key of SCHEMA that holds one value (.schema.SCALAR_KEYS),
    under the key's name and with its default; the tables' keys are gathered in ``work_hours``
    (with ``days_off``), ``disabled_sites`` and ``custom_sites``, ``goals`` and ``nudges``."""

    sample_seconds: float = setting_default("sample_seconds")
    idle_seconds: int = setting_default("idle_seconds")
    # Time without input still counts while the window in front plays sound or video, until
    # this many minutes after the last input (socialtime.recording.tracker); 0 switches it off.
    media_max_minutes: int = setting_default("media_max_minutes")
    retention_days: int = setting_default("retention_days")  # 0 keeps forever
    work_hours: WorkHours = field(default_factory=default_work_hours)
    disabled_sites: frozenset[str] = frozenset(setting_default("sites.disabled"))
    custom_sites: tuple[CustomSite, ...] = setting_default("sites.custom")
    goals: Goals = field(default_factory=Goals)
    nudges: NudgeSettings = field(default_factory=NudgeSettings)
    language: str = setting_default("language")  # "auto" follows the system; "en" or "fr"


# -- parsing ------------------------------------------------------------------------------


def _build_goals(values: Mapping[str, Any]) -> Goals:
    """Goals from a checked [goals] table, every key given (.schema.with_defaults)."""
    return Goals(
        daily_minutes=values["daily_minutes"],
        site_daily_minutes=dict(values["sites"]),
        focus=values["focus"],
        weekly_minutes=values["weekly_minutes"],
    )


def parse_goals(
    data: Mapping[str, Any], source: str, key_prefix: str = "goals"
) -> tuple[Goals, list[ConfigError]]:
    """Check a [goals] table on its own (team goal files hold one too); keys in errors start
    with `key_prefix`. With any error, the Goals returned are empty."""
    errors: list[ConfigError] = []
    values = walk(GOALS, data, key_prefix, source, errors)
    if errors:
        return Goals(), errors
    return _build_goals(with_defaults(values, GOALS, key_prefix)), errors


def _build(values: Mapping[str, Any], tz: tzinfo | None) -> Config:
    """Turn checked values (no errors) into a Config, the schema's defaults filling in what
    the document left out."""
    values = with_defaults(values)
    work_hours = _work_hours(values["work_hours"], values["days_off"], tz)
    sites = values["sites"]
    custom: list[CustomSite] = []
    for entry in sites["custom"]:
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
        **{key: values[key] for key in SCALAR_KEYS},
        work_hours=work_hours,
        disabled_sites=frozenset(sites["disabled"]),
        custom_sites=tuple(custom),
        goals=_build_goals(values["goals"]),
        nudges=NudgeSettings(**values["nudges"]),
    )


def default_config(tz: tzinfo | None = None) -> Config:
    """The settings of an empty file: every key at the schema's default, work hours in ``tz``."""
    return _build({}, tz)


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
        return default_config(tz), errors
    return _build(values, tz), errors
