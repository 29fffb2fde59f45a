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
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialtime.base.i18n import translate
from socialtime.schedule import DAY_KEYS, WorkHours, parse_ranges
from socialtime.settings.model import Config, ConfigError, CustomSite

if TYPE_CHECKING:
    from socialtime.settings.model import LoadedConfig

__all__ = [
    "ALLOWED_KEYS",
    "MANDATORY",
    "POLICY_ENV",
    "RECOMMENDED",
    "IgnoredEntry",
    "Policy",
    "PolicyEntry",
    "apply_policy",
    "describe",
    "load_policy",
    "user_settings_for_save",
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


def load_policy(
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    etc_dir: Path | None = None,
    winreg: Any = None,
    managed_dir: Path = MANAGED_DIR,
    user: str | None = None,
) -> Policy:
    """The organisation policy of this computer (an empty Policy when there is none).

    Never raises: every problem is in ``errors``. ``winreg`` is a stand-in for the Windows
    module (imported only on Windows otherwise); ``user`` the macOS account name (default:
    ``$USER``, then the login name)."""
    from socialtime.settings import policy_sources  # the readers, apart: see that module

    return policy_sources.read(platform, environ, etc_dir, winreg, managed_dir, user)


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


def _value(policy: Policy, key: str, level: str) -> Any:
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
        chosen = _value(policy, key, MANDATORY)
        if chosen is None and key not in keys:
            chosen = _value(policy, key, RECOMMENDED)
        if chosen is not None:
            days[i] = parse_ranges(chosen)
    hours = user.work_hours
    work_hours = WorkHours(tuple(days), hours.days_off, hours.tz)
    # Custom sites: the policy's are added; a mandatory one replaces the user's site of the
    # same id, a recommended one does not (the user's own settings win over recommended).
    custom = {site.id: site for site in user.custom_sites}
    for site in _value(policy, "sites.custom", RECOMMENDED) or ():
        custom.setdefault(site.id, site)
    forced = _value(policy, "sites.custom", MANDATORY) or ()
    custom.update((site.id, site) for site in forced)
    disabled = set(user.disabled_sites)
    if "sites.disabled" not in keys:
        disabled.update(_value(policy, "sites.disabled", RECOMMENDED) or ())
    disabled -= {site.id for site in forced}  # a site the organisation adds is counted
    disabled.update(_value(policy, "sites.disabled", MANDATORY) or ())
    return dataclasses.replace(
        user,
        work_hours=work_hours,
        disabled_sites=frozenset(disabled),
        custom_sites=tuple(custom.values()),
    )


def apply_policy(loaded: LoadedConfig, policy: Policy | None) -> LoadedConfig:
    """``loaded`` (the user's own file over the defaults, as read) with ``policy`` applied:
    ``config`` becomes the settings in force, ``user`` keeps the user's own."""
    policy = Policy() if policy is None else policy
    config = effective_config(loaded.config, loaded.user_keys, policy)
    return dataclasses.replace(loaded, config=config, user=loaded.config, policy=policy)


def user_settings_for_save(edited: Config, loaded: LoadedConfig) -> Config:
    """What the Settings dialog writes to the user's file when it was shown ``loaded.config``
    and the user made it ``edited``: the policy's values must not become the user's own, or
    they would outlive the policy. A locked work day keeps the user's own value; a site a
    mandatory policy disables stays disabled in the file only if the user had disabled it;
    the policy's custom sites are left out, except those the user had themself (their own
    version is written when the policy's is mandatory)."""
    policy, user = loaded.policy, loaded.user
    locked = policy.locked()
    days = tuple(
        user.work_hours.days[i] if key in locked else edited.work_hours.days[i]
        for i, key in enumerate(WORK_DAY_KEYS)
    )
    work_hours = WorkHours(days, edited.work_hours.days_off, edited.work_hours.tz)
    forced_off = set(_value(policy, "sites.disabled", MANDATORY) or ()) - user.disabled_sites
    own = {site.id: site for site in user.custom_sites}
    forced = {site.id for site in _value(policy, "sites.custom", MANDATORY) or ()}
    offered = {site.id for site in _value(policy, "sites.custom", RECOMMENDED) or ()}
    custom = []
    for site in edited.custom_sites:
        if site.id in forced:
            if site.id in own:
                custom.append(own[site.id])
        elif site.id not in offered or site.id in own:
            custom.append(site)
    return dataclasses.replace(
        edited,
        work_hours=work_hours,
        disabled_sites=frozenset(edited.disabled_sites - forced_off),
        custom_sites=tuple(custom),
    )


def recommended_untouched(edited: Config, loaded: LoadedConfig) -> frozenset[str]:
    """Keys the user's file should not write: recommended by the organisation, not set in
    the user's file, not locked, and left as shown. Writing them would turn a recommendation
    into the user's own choice, which a later change of the recommendation no longer reaches."""
    policy, shown = loaded.policy, loaded.config
    keys = set()
    for i, key in enumerate(WORK_DAY_KEYS):
        if edited.work_hours.days[i] == shown.work_hours.days[i]:
            keys.add(key)
    if edited.disabled_sites == shown.disabled_sites:
        keys.add("sites.disabled")
    return frozenset(
        key
        for key in keys
        if policy.entry_at(key, RECOMMENDED) is not None
        and key not in loaded.user_keys
        and key not in policy.locked()
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
