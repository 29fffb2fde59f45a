"""Tray icons from the SVGs in assets/icons/, one per state."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from socialtime.base.paths import assets_dir
from socialtime.insights.tray_status import Icon


@cache
def icon(state: Icon) -> QIcon:
    """The icon for ``state`` (Qt renders the SVG at whatever size the panel asks for)."""
    path = assets_dir() / "icons" / f"{state.value}.svg"
    return QIcon(str(path))
