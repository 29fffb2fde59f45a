"""What the user and the organisation chose: the settings file and the organisation policy.

The rest of the program imports every settings name from here (``from socialtime.settings
import Config``); how the package is cut is its own business:

- ``toml_io``: reading a TOML file without raising, and writing TOML strings, arrays and keys;
- ``schema``: what a settings file may hold: each key's type, bounds, default and description,
  and the walk that collects every error;
- ``model``: what the settings are (``Config`` and its parts) and how a document becomes them;
- ``writer``: TOML text that reads back to equal settings, written atomically;
- ``policy``: what an organisation policy is, and how it is merged with the user's settings;
- ``policy_sources``: reading the policy where each platform keeps it (``load_policy``);
- ``loaded``: a settings file as read, the policy applied over it (``load_config``), and what
  the Settings dialog writes back.

Each imports only those above it in this list (``loaded`` last), so there is no circle.
"""

from socialtime.settings.loaded import (
    LoadedConfig,
    apply_policy,
    load_config,
    read_language,
    recommended_keys,
    recommended_untouched,
    user_settings_for_save,
)
from socialtime.settings.model import (
    Config,
    ConfigError,
    CustomSite,
    Goals,
    NudgeSettings,
    default_config,
    default_work_hours,
    parse_config,
    parse_goals,
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
    describe,
    user_keys,
)
from socialtime.settings.policy_sources import load_policy
from socialtime.settings.schema import SCALAR_KEYS, setting_default, setting_description
from socialtime.settings.toml_io import read_toml
from socialtime.settings.writer import dump_config, dump_goals, save_config

__all__ = [
    "ALLOWED_KEYS",
    "MANDATORY",
    "POLICY_ENV",
    "RECOMMENDED",
    "SCALAR_KEYS",
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
    "default_config",
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
    "recommended_keys",
    "recommended_untouched",
    "save_config",
    "setting_default",
    "setting_description",
    "user_keys",
    "user_settings_for_save",
]
