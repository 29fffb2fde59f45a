"""Platform probes: what is in front, how long the user has been idle, whether the screen is locked.

`make_probe()` picks one probe for this platform and session, best first:
- Windows: WindowsProbe (ctypes); macOS: MacProbe (pyobjc).
- Linux/BSD, Wayland: GNOME -> GnomeProbe (Mutter idle, a Shell extension for the window),
  KDE -> KdeProbe (a KWin script; idle over the Wayland idle protocol), wlroots (sway,
  Hyprland...) -> WlrootsProbe (socialtime's own Wayland client); each falls back to the X11
  probe for X11 apps under XWayland when DISPLAY is set; other Wayland compositors get the X11
  probe alone (its doctor lines warn about native Wayland apps).
- Linux/BSD, X11: X11Probe.
- nothing usable: UnsupportedProbe, which says why.
On Linux/BSD the chosen probe is wrapped in LockAwareProbe, so logind's suspend and lock and the
screensaver (over D-Bus, dbus_session.SessionWatcher) count as locked.

Platform modules are imported only inside make_probe(), and nothing connects, opens a display
or starts a thread before the probe is first used: importing this package does nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.probes.base import PROBE_CHECKS, Check, Foreground, Probe
from socialtime.probes.unsupported import UnsupportedProbe

__all__ = [
    "PROBE_CHECKS",
    "Check",
    "Foreground",
    "Probe",
    "UnsupportedProbe",
    "is_wayland",
    "make_probe",
]

_X11_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")

# Reasons shown by doctor, translated when the probe is made (translate("probes", NO_DISPLAY)).
NO_DISPLAY = QT_TRANSLATE_NOOP(
    "probes",
    "no X display: set DISPLAY (e.g. DISPLAY=:0), or start socialtime from your desktop session",
)
WAYLAND_ONLY = QT_TRANSLATE_NOOP(
    "probes",
    "Wayland without XWayland: on this desktop socialtime cannot see Wayland windows (it can "
    "on GNOME, with a Shell extension, on KDE, and on wlroots compositors such as sway); "
    "enable XWayland so that DISPLAY is set, or choose an X11 session (e.g. 'GNOME on Xorg') "
    "at login",
)
NO_XLIB = QT_TRANSLATE_NOOP(
    "probes",
    "python-xlib is missing: pip install python-xlib (Debian: apt install python3-xlib)",
)


def is_wayland(environ: Mapping[str, str]) -> bool:
    """True in a Wayland session (X11 apps then run under XWayland, if it is enabled)."""
    return bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"


def make_probe(
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    idle_threshold: Callable[[], float] | None = None,
) -> Probe:
    """The best probe for `platform` (default `sys.platform`) and `environ` (default os.environ).

    `idle_threshold` gives the idle setting in seconds (default 180): the Wayland idle
    protocols tell "idle" only for a timeout chosen in advance, so those probes ask for it.
    Never raises: when nothing can observe this session it returns an UnsupportedProbe whose
    diagnose() tells the user why and what to do. No probe connects before its first use.
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    try:
        if platform == "win32" or platform == "cygwin":
            from socialtime.probes.windows import WindowsProbe

            return WindowsProbe()
        if platform == "darwin":
            from socialtime.probes.macos import MacProbe

            return MacProbe()
        if not platform.startswith(_X11_PLATFORMS):
            reason = translate("probes", "platform {platform} is not supported")
            return UnsupportedProbe(reason.format(platform=repr(platform)))
        return _unix_probe(environ, idle_threshold)
    # make_probe is called at start-up and by doctor: a bug in one platform module must become
    # an honest "cannot see", not a crash of the whole program.
    except Exception as exc:
        reason = translate("probes", "socialtime could not set up its probe here: {error}")
        return UnsupportedProbe(reason.format(error=repr(exc)))


def desktops(environ: Mapping[str, str]) -> list[str]:
    """The desktop names of this session, lowercased ("ubuntu:GNOME" -> ["ubuntu", "gnome"])."""
    raw = environ.get("XDG_CURRENT_DESKTOP") or environ.get("XDG_SESSION_DESKTOP", "")
    return [name for name in raw.lower().split(":") if name]


def _unix_probe(environ: Mapping[str, str], idle_threshold: Callable[[], float] | None) -> Probe:
    display = environ.get("DISPLAY", "")
    wayland = is_wayland(environ)
    x11: Probe | None = None
    missing_xlib = False
    if display:
        try:
            from socialtime.probes.x11 import X11Probe
        except ImportError:
            missing_xlib = True
        else:
            x11 = X11Probe(display, wayland=wayland)
    inner: Probe | None = x11
    if wayland:
        names = desktops(environ)
        if "gnome" in names:
            from socialtime.probes.gnome import GnomeProbe

            inner = GnomeProbe(fallback=x11)
        elif "kde" in names:
            from socialtime.probes.kde import KdeProbe
            from socialtime.probes.wayland_client import WaylandClient

            idle = WaylandClient(environ, idle_timeout=idle_threshold, windows=False)
            inner = KdeProbe(fallback=x11, wayland_idle=idle)
        else:
            from socialtime.probes.wlroots import WlrootsProbe, compositor

            name = compositor(environ)
            if name is not None:
                inner = WlrootsProbe(name, x11, environ=environ, idle_threshold=idle_threshold)
    if inner is None:
        if missing_xlib:
            return UnsupportedProbe(translate("probes", NO_XLIB))
        reason = WAYLAND_ONLY if wayland else NO_DISPLAY
        return UnsupportedProbe(translate("probes", reason))
    from socialtime.probes.dbus_session import SessionWatcher
    from socialtime.probes.session import LockAwareProbe

    return LockAwareProbe(inner, SessionWatcher())
