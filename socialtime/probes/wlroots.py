"""wlroots compositors (sway, Hyprland, river, labwc, Wayfire...): what socialtime lacks there.

Native Wayland windows on these compositors are visible only through Wayland protocols that a
client speaks over the compositor's socket: wlr-foreign-toplevel-management (the active window,
its title and app id) and ext-idle-notify-v1 (idle). socialtime does not speak them yet (it would
need a Wayland client library, a compiled dependency). Until then X11 apps under XWayland are
seen through the X11 probe, and doctor says so plainly.
"""

from __future__ import annotations

from collections.abc import Mapping

from socialtime.base.i18n import translate
from socialtime.probes.base import FOREGROUND_WINDOW, Check, Foreground, Probe

# XDG_CURRENT_DESKTOP values (lowercased) of wlroots-based compositors.
WLROOTS_DESKTOPS = frozenset(
    {"sway", "hyprland", "river", "labwc", "wayfire", "niri", "dwl", "hikari", "cage", "qtile"}
)


def compositor(environ: Mapping[str, str]) -> str | None:
    """The wlroots compositor this session runs under, or None."""
    if environ.get("SWAYSOCK"):
        return "sway"
    if environ.get("HYPRLAND_INSTANCE_SIGNATURE"):
        return "Hyprland"
    for name in environ.get("XDG_CURRENT_DESKTOP", "").lower().split(":"):
        if name in WLROOTS_DESKTOPS:
            return name
    return None


def needed(name: str) -> str:
    """What would let socialtime see native Wayland windows under compositor `name`."""
    return translate(
        "wlroots",
        "{compositor} (Wayland): native Wayland windows can be seen only through the "
        "wlr-foreign-toplevel-management protocol, and idle time through ext-idle-notify-v1; "
        "socialtime does not support them yet. Run browsers under XWayland "
        "(e.g. Firefox with MOZ_ENABLE_WAYLAND=0, Chromium with --ozone-platform=x11) so that "
        "they are seen",
    ).format(compositor=name)


class WlrootsProbe:
    """The X11 probe (XWayland) under a wlroots compositor, with an honest diagnose()."""

    name = "wlroots-xwayland"

    def __init__(self, compositor: str, fallback: Probe) -> None:
        self.compositor = compositor
        self.fallback = fallback

    def __repr__(self) -> str:
        return f"WlrootsProbe({self.compositor!r}, {self.fallback!r})"

    def foreground(self) -> Foreground | None:
        return self.fallback.foreground()

    def idle_seconds(self) -> float | None:
        return self.fallback.idle_seconds()

    def locked(self) -> bool | None:
        return self.fallback.locked()

    def diagnose(self) -> list[Check]:
        checks = self.fallback.diagnose()
        text = translate("wlroots", "{problem}; XWayland: {detail}")
        note = needed(self.compositor)
        return [
            Check(c.name, False, text.format(problem=note, detail=c.detail))
            if c.name == FOREGROUND_WINDOW
            else c
            for c in checks
        ]

    def close(self) -> None:
        self.fallback.close()
