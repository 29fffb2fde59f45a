"""Where data and settings live: argument, then environment variable, then the OS default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from socialtime.config import default_config_path

APP = "socialtime"
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


def config_file(arg: str | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """The config file: ``--config``, ``$SOCIALTIME_CONFIG``, or the platform default
    (``~/.config/socialtime/config.toml`` on Linux)."""
    chosen = arg or environ.get(CONFIG_ENV)
    return expand(chosen) if chosen else default_config_path()
