"""What the user and the organisation chose: the settings file and the organisation policy.

The rest of the program imports every settings name from here (``from socialtime.settings
import Config``); how the package is cut is its own business:

- ``model``: what the settings are (``Config`` and its parts) and how a document is checked;
- ``schema``: what a settings file may hold, and the walk that collects every error;
- ``writer``: TOML text that reads back to equal settings, written atomically;
- ``policy``: what an organisation policy is, and how it is merged with the user's settings;
- ``policy_sources``: reading the policy where each platform keeps it.
"""

from socialtime.settings.model import (
    Config,
    ConfigError,
    CustomSite,
    Goals,
    LoadedConfig,
    NudgeSettings,
    default_work_hours,
    dump_config,
    dump_goals,
    load_config,
    parse_config,
    parse_goals,
    read_language,
    read_toml,
    save_config,
)
from socialtime.settings.policy import (
    ALLOWED_KEYS,
    MANDATORY,
    POLICY_ENV,
    RECOMMENDED,
    WORK_DAY_KEYS,
    IgnoredEntry,
    Policy,
    PolicyEntry,
    apply_policy,
    describe,
    load_policy,
    recommended_untouched,
    user_keys,
    user_settings_for_save,
)

__all__ = [
    "ALLOWED_KEYS",
    "MANDATORY",
    "POLICY_ENV",
    "RECOMMENDED",
    "WORK_DAY_KEYS",
    "Config",
    "ConfigError",
    "CustomSite",
    "Goals",
    "IgnoredEntry",
    "LoadedConfig",
    "NudgeSettings",
    "Policy",
    "PolicyEntry",
    "apply_policy",
    "default_work_hours",
    "describe",
    "dump_config",
    "dump_goals",
    "load_config",
    "load_policy",
    "parse_config",
    "parse_goals",
    "read_language",
    "read_toml",
    "recommended_untouched",
    "save_config",
    "user_keys",
    "user_settings_for_save",
]
