"""Where things live: the data, the settings, the assets; argument, then environment variable,
then the OS default.

This module imports nothing of socialtime (but its package's location): any module may use it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

import socialtime

APP = "socialtime"
BUNDLE_ID = "org.socialtime.socialtime"  # must match the macOS packaging recipe
DATA_ENV = "SOCIALTIME_DATA_DIR"
CONFIG_ENV = "SOCIALTIME_CONFIG"


def expand(name: str) -> Path:
    """``~`` and ``~user`` expanded; an unknown user's ``~name`` is left as it is (pathlib's
    expanduser raises for it), so the path is refused later with its own name."""
    return Path(os.path.expanduser(name))


def data_dir(arg: str | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """The data directory: ``--data-dir``, ``$SOCIALTIME_DATA_DIR``, or the platform default
    (``~/.local/share/socialtime`` on Linux)."""
    chosen = arg or environ.get(DATA_ENV)
    return expand(chosen) if chosen else Path(platformdirs.user_data_dir(APP))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir("socialtime")) / "config.toml"


def config_file(arg: str | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """The config file: ``--config``, ``$SOCIALTIME_CONFIG``, or the platform default
    (``~/.config/socialtime/config.toml`` on Linux)."""
    chosen = arg or environ.get(CONFIG_ENV)
    return expand(chosen) if chosen else default_config_path()


def assets_dir() -> Path:
    """The assets directory: inside the package when installed, else the repository's."""
    installed = Path(socialtime.__file__).parent / "assets"
    if installed.is_dir():
        return installed
    return Path(socialtime.__file__).resolve().parent.parent / "assets"
