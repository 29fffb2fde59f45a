"""Platform probes: what is in front, how long the user has been idle, whether the screen is locked.

`make_probe()` picks one probe for this platform and session. It imports the platform module only
inside the function, so importing this package never loads python-xlib (or, later, Windows or
macOS bindings), and never opens a display.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

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

NO_DISPLAY = (
    "no X display: set DISPLAY (e.g. DISPLAY=:0), or start socialtime from your desktop session"
)
WAYLAND_ONLY = (
    "Wayland without XWayland: socialtime cannot see Wayland windows yet; enable XWayland so "
    "that DISPLAY is set, or choose an X11 session (e.g. 'GNOME on Xorg') at login"
)
LATER = "{os} support comes in a later version; socialtime cannot see windows here yet"
NO_XLIB = "python-xlib is missing: pip install python-xlib (Debian: apt install python3-xlib)"


def is_wayland(environ: Mapping[str, str]) -> bool:
    """True in a Wayland session (X11 apps then run under XWayland, if it is enabled)."""
    return bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"


def make_probe(platform: str | None = None, environ: Mapping[str, str] | None = None) -> Probe:
    """The best probe for `platform` (default `sys.platform`) and `environ` (default os.environ).

    Never raises: when nothing can observe this session it returns an UnsupportedProbe whose
    diagnose() tells the user why and what to do. Constructing an X11Probe does not connect;
    the display is opened on first use.
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if platform == "win32" or platform == "cygwin":
        return UnsupportedProbe(LATER.format(os="Windows"))
    if platform == "darwin":
        return UnsupportedProbe(LATER.format(os="macOS"))
    if not platform.startswith(_X11_PLATFORMS):
        return UnsupportedProbe(f"platform {platform!r} is not supported")
    display = environ.get("DISPLAY", "")
    if not display:
        return UnsupportedProbe(WAYLAND_ONLY if is_wayland(environ) else NO_DISPLAY)
    try:
        from socialtime.probes.x11 import X11Probe
    except ImportError:
        return UnsupportedProbe(NO_XLIB)
    return X11Probe(display, wayland=is_wayland(environ))
