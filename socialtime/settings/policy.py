"""The organisation policy: a few settings IT may set for everybody, and the many it may not.

Why this shape: an organisation deploying socialtime wants the same work hours, the same list
of sites and the same team goal on every computer without each person typing them, but a
policy must never turn a personal aid into monitoring. So a policy may set only the keys in
``ALLOWED_KEYS``; anything else — above all consent, switching recording on, or sending data
anywhere — is *ignored and reported*, with the rule that forbids it, so that both IT and the
user can see that it had no effect (DESIGN.md, promises 1 and 2).

Two levels: **mandatory** values win over the user's own settings (the user sees but cannot
change them), **recommended** values lose to them (they replace the built-in defaults only):

    defaults < recommended < the user's own settings < mandatory

Sources, each read in order (a later source of the same level overrides an earlier one key by
key): on Linux and other Unix systems ``/etc/socialtime/policy.toml`` then
``/etc/socialtime/policy.d/*.toml`` in name order (``$SOCIALTIME_POLICY_DIR`` replaces
``/etc/socialtime``: for tests, and for an administrator trying a policy); on Windows the
registry keys ``HKCU`` then ``HKLM\\SOFTWARE\\Policies\\socialtime`` (so HKLM wins), each with a
``Recommended`` subkey; on macOS the managed preferences of the computer, then of the user.

Like the user's settings file, a policy never crashes the program: a bad value is a
``ConfigError`` naming the file (or registry key), the key, the value and what was expected,
and only that entry is left out; a file that cannot be read at all is one error.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from socialtime.base.i18n import translate
from socialtime.rules.work_hours import DAY_KEYS, WorkHours, parse_ranges
from socialtime.settings.model import Config, CustomSite
from socialtime.settings.schema import ConfigError

__all__ = [
    "ALLOWED_KEYS",
    "MANDATORY",
    "POLICY_ENV",
    "RECOMMENDED",
    "WORK_DAY_KEYS",
    "IgnoredEntry",
    "Policy",
    "PolicyEntry",
    "describe",
    "effective_config",
    "user_keys",
    "value_at",
]

MANDATORY = "mandatory"
RECOMMENDED = "recommended"
LEVELS = (MANDATORY, RECOMMENDED)
POLICY_ENV = "SOCIALTIME_POLICY_DIR"
ETC_DIR = Path("/etc/socialtime")
MANAGED_DIR = Path("/Library/Managed Preferences")  # i18n: ignore - a macOS path

WORK_DAY_KEYS = tuple(f"work_hours.{day}" for day in DAY_KEYS)
BOOLEAN_KEYS = ("team.summaries_allowed", "invite_at_login")
ALLOWED_KEYS: tuple[str, ...] = (
    *WORK_DAY_KEYS,
    "sites.disabled",
    "sites.custom",
    "team.goal_file",
    *BOOLEAN_KEYS,
)


@dataclass(frozen=True)
class PolicyEntry:
    """One setting in force. ``value`` is checked: a str for ``work_hours.*`` (ranges as
    ``format_ranges`` writes them, "" for a day off) and ``team.goal_file``; a tuple of site
    ids for ``sites.disabled``; a tuple of CustomSite for ``sites.custom``; else a bool."""

    key: str  # one of ALLOWED_KEYS
    value: object
    level: str  # MANDATORY or RECOMMENDED
    source: str  # a file, a registry key ("HKLM\\SOFTWARE\\Policies\\socialtime") or a plist


@dataclass(frozen=True)
class IgnoredEntry:
    """A key no policy may set, never applied. ``key`` is as the source spells it (without
    the level); ``level`` is "" for a key outside both [mandatory] and [recommended]."""

    key: str
    value: object
    level: str
    source: str
    reason: str


@dataclass(frozen=True)
class Policy:
    entries: tuple[PolicyEntry, ...] = ()  # the winning entry per (key, level)
    ignored: tuple[IgnoredEntry, ...] = ()
    errors: tuple[ConfigError, ...] = ()
    sources: tuple[str, ...] = ()  # every source that exists and was read, in order

    def is_empty(self) -> bool:
        return not (self.entries or self.ignored or self.errors or self.sources)

    def entry_at(self, key: str, level: str) -> PolicyEntry | None:
        return next((e for e in self.entries if e.key == key and e.level == level), None)

    def entry(self, key: str) -> PolicyEntry | None:
        """The entry in force for ``key``: the mandatory one if any, else the recommended."""
        return self.entry_at(key, MANDATORY) or self.entry_at(key, RECOMMENDED)

    def locked(self) -> frozenset[str]:
        """The keys the user cannot change."""
        return frozenset(e.key for e in self.entries if e.level == MANDATORY)

    @property
    def team_goal_file(self) -> Path | None:
        entry = self.entry("team.goal_file")
        return Path(str(entry.value)) if entry else None

    @property
    def summaries_allowed(self) -> bool:
        entry = self.entry("team.summaries_allowed")
        return bool(entry.value) if entry else True

    @property
    def invite_at_login(self) -> bool:
        entry = self.entry("invite_at_login")
        return bool(entry.value) if entry else False


# -- merging with the user's settings -----------------------------------------------------


def user_keys(data: Mapping[str, Any]) -> frozenset[str]:
    """The policy keys that a (valid) user settings document sets itself: the days of its
    [work_hours] table and the keys of its [sites] table."""
    keys: set[str] = set()
    for group in ("work_hours", "sites"):
        table = data.get(group)
        if isinstance(table, Mapping):
            keys.update(f"{group}.{name}" for name in table)
    return frozenset(keys)


def value_at(policy: Policy, key: str, level: str) -> Any:
    entry = policy.entry_at(key, level)
    return entry.value if entry else None


def effective_config(user: Config, keys: frozenset[str], policy: Policy) -> Config:
    """defaults < recommended < user < mandatory, key by key. ``keys`` are those the user's
    file sets (``user_keys``): a work day or ``sites.disabled`` they leave out falls to the
    recommended value, then to the default. Days off always stay the user's."""
    if not policy.entries:
        return user
    days = list(user.work_hours.days)
    for i, key in enumerate(WORK_DAY_KEYS):
        chosen = value_at(policy, key, MANDATORY)
        if chosen is None and key not in keys:
            chosen = value_at(policy, key, RECOMMENDED)
        if chosen is not None:
            days[i] = parse_ranges(chosen)
    hours = user.work_hours
    work_hours = WorkHours(tuple(days), hours.days_off, hours.tz)
    # Custom sites: the policy's are added; a mandatory one replaces the user's site of the
    # same id, a recommended one does not (the user's own settings win over recommended).
    custom = {site.id: site for site in user.custom_sites}
    for site in value_at(policy, "sites.custom", RECOMMENDED) or ():
        custom.setdefault(site.id, site)
    forced = value_at(policy, "sites.custom", MANDATORY) or ()
    custom.update((site.id, site) for site in forced)
    disabled = set(user.disabled_sites)
    if "sites.disabled" not in keys:
        disabled.update(value_at(policy, "sites.disabled", RECOMMENDED) or ())
    disabled -= {site.id for site in forced}  # a site the organisation adds is counted
    disabled.update(value_at(policy, "sites.disabled", MANDATORY) or ())
    return dataclasses.replace(
        user,
        work_hours=work_hours,
        disabled_sites=frozenset(disabled),
        custom_sites=tuple(custom.values()),
    )


# -- plain words --------------------------------------------------------------------------


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    if isinstance(value, tuple):
        items = [f"{v.id} ({v.name})" if isinstance(v, CustomSite) else str(v) for v in value]
        return ", ".join(items) if items else "[]"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _level(level: str) -> str:
    if level == MANDATORY:
        return translate("policy", "mandatory")
    if level == RECOMMENDED:
        return translate("policy", "recommended")
    return translate("policy", "no level")


def describe(policy: Policy) -> list[str]:
    """The policy in plain words, one line each, for ``socialtime doctor``."""
    if policy.is_empty():
        return [translate("policy", "No organisation policy.")]
    lines = [translate("policy", "Read: {source}").format(source=s) for s in policy.sources]
    entry = translate("policy", "{key} = {value} ({level}, {source})")
    for e in policy.entries:
        lines.append(
            entry.format(key=e.key, value=_shown(e.value), level=_level(e.level), source=e.source)
        )
    ignored = translate("policy", "Ignored: {key} = {value} ({level}, {source}): {reason}")
    for i in policy.ignored:
        text = ignored.format(
            key=i.key,
            value=_shown(i.value),
            level=_level(i.level),
            source=i.source,
            reason=i.reason,
        )
        lines.append(text)
    error = translate("policy", "Error, left out: {error}")
    lines += [error.format(error=e) for e in policy.errors]
    if not policy.entries:
        lines.append(translate("policy", "The policy sets nothing."))
    return lines
