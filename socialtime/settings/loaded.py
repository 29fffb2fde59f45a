"""A settings file as read, with the organisation policy applied over it, and back.

`LoadedConfig` is what a program runs on: the settings in force (the user's file with the
policy over it), the errors of the user's file, and the user's own settings apart, so that the
Settings dialog writes back only what is the user's. Kept apart from .model (what the settings
are) and .policy (what a policy is) because it needs both: neither of them imports this module.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import cast

from socialtime.base.paths import default_config_path
from socialtime.rules.work_hours import WorkHours
from socialtime.settings.model import Config, default_config, parse_config
from socialtime.settings.policy import (
    MANDATORY,
    RECOMMENDED,
    WORK_DAY_KEYS,
    Policy,
    effective_config,
    user_keys,
    value_at,
)
from socialtime.settings.schema import ConfigError
from socialtime.settings.toml_io import read_toml

__all__ = [
    "LoadedConfig",
    "apply_policy",
    "load_config",
    "read_language",
    "recommended_untouched",
    "user_settings_for_save",
]


@dataclass(frozen=True)
class LoadedConfig:
    config: Config  # in force: the user's file with the organisation policy applied
    errors: tuple[ConfigError, ...]  # the user's file's
    path: Path | None  # the file read, None if none existed
    user: Config = field(default=cast(Config, None))  # the user's own file; `config` if None
    policy: Policy = field(default_factory=Policy)
    user_keys: frozenset[str] = frozenset()  # policy keys the user's file sets (policy.py)

    def __post_init__(self) -> None:
        if self.user is None:
            object.__setattr__(self, "user", self.config)

    @property
    def ok(self) -> bool:
        return not self.errors


def load_config(
    path: Path | None = None, tz: tzinfo | None = None, policy: Policy | None = None
) -> LoadedConfig:
    """Read and check a settings file, then apply the organisation ``policy`` over it
    (socialtime.settings.policy; none by default). Never raises for a bad file: see
    socialtime.settings.model."""
    return apply_policy(_load_user(path, tz), policy)


def read_language(path: Path | None = None) -> str:
    """The ``language`` setting in force, for a program to speak the user's language before
    it says anything (the messages of ``load_config``, its errors included, are then in that
    language). Like ``load_config``, never raises, and a file with any error counts as none:
    "auto". An organisation policy cannot set the language, so it is not read."""
    return _load_user(path, None).config.language


def _load_user(path: Path | None, tz: tzinfo | None) -> LoadedConfig:
    path = default_config_path() if path is None else Path(path)
    source = str(path)
    defaults = default_config(tz)
    found = read_toml(path)
    if found.data is None:
        if found.problem is None:
            return LoadedConfig(defaults, (), None)
        return LoadedConfig(defaults, (ConfigError(source, "", None, found.problem),), path)
    data = found.data
    config, errors = parse_config(data, source, tz=tz)
    keys = frozenset() if errors else user_keys(data)
    return LoadedConfig(config, tuple(errors), path, user_keys=keys)


# -- the policy over the user's settings, and back ------------------------------------------


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
    forced_off = set(value_at(policy, "sites.disabled", MANDATORY) or ()) - user.disabled_sites
    own = {site.id: site for site in user.custom_sites}
    forced = {site.id for site in value_at(policy, "sites.custom", MANDATORY) or ()}
    offered = {site.id for site in value_at(policy, "sites.custom", RECOMMENDED) or ()}
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


def recommended_keys(policy: Policy) -> frozenset[str]:
    """The keys of the user's file that an organisation recommends a value for: leaving one
    out of the file means the recommendation, not the default (see .keep_layout)."""
    keys = (*WORK_DAY_KEYS, "sites.disabled")
    return frozenset(key for key in keys if policy.entry_at(key, RECOMMENDED) is not None)


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
