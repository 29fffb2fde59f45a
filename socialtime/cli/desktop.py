"""``socialtime desktop install|uninstall``: the desktop's own part of seeing the window in front.

Today that is GNOME's: socialtime's GNOME Shell extension, in the form the running GNOME needs
(socialtime/probes/gnome_extension.py). KDE's KWin script is loaded at run time and wlroots
compositors need nothing, so on those desktops the command says so and changes nothing.
Registered from socialtime/cli/program.py through :func:`register`; the work is done in
socialtime/probes/gnome_extension.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
from typing import Any

from socialtime.base.i18n import translate
from socialtime.cli.context import Command, Context, ExitStatus, fail

# Option names are the command line's contract and never translated; named here, as the
# translation tests read every literal given to add_argument as text for people.
_SHELL_VERSION = "--shell-version"


def register(command: Command) -> None:
    """Add ``desktop`` through socialtime.cli's ``command(name, func, help)`` helper."""
    p = command(
        "desktop",
        cmd_desktop,
        translate(
            "desktop",
            "Install or remove what your desktop needs so that socialtime sees the window in "
            "front (on GNOME: socialtime's GNOME Shell extension).",
        ),
    )
    actions = p.add_subparsers(
        title=translate("desktop", "actions"), dest="desktop_action", metavar="ACTION",
        required=True, help=translate("desktop", "install or uninstall"),
    )  # fmt: skip
    text = translate(
        "desktop",
        "Install socialtime's GNOME Shell extension for you, in the form your GNOME version "
        "needs, and enable it (GNOME loads it at your next login).",
    )
    q = actions.add_parser("install", help=text, description=text)
    q.add_argument(
        _SHELL_VERSION,
        metavar="VERSION",
        help=translate(
            "desktop",
            "the GNOME Shell version to install for, e.g. 46 (default: the one that runs, "
            "else `gnome-shell --version`)",
        ),
    )
    text = translate(
        "desktop",
        "Disable socialtime's GNOME Shell extension and remove your copy of it (a copy "
        "installed for all users by a package stays).",
    )
    actions.add_parser("uninstall", help=text, description=text)


def cmd_desktop(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.probes import dbusio, desktops, gnome_extension

    version = getattr(args, "shell_version", None)
    environ = os.environ
    if not (version or "gnome" in desktops(environ) or shutil.which("gnome-shell")):
        desktop = environ.get("XDG_CURRENT_DESKTOP") or translate("desktop", "unknown")
        text = translate(
            "desktop",
            "This desktop ({desktop}) needs nothing installed: socialtime's extension is for "
            "GNOME; KDE's KWin script is loaded when socialtime starts, and wlroots compositors "
            "(sway, Hyprland...) need nothing. `socialtime doctor` says what is seen.",
        )
        print(text.format(desktop=desktop))
        return ExitStatus.OK
    try:
        conn: Any = dbusio.connect(dbusio.SESSION)
    except dbusio.BusError:
        conn = None  # no session bus: GNOME does not run here; gsettings may still work
    try:
        if args.desktop_action == "install":
            outcome = gnome_extension.install(conn, environ, version=version)
        else:
            outcome = gnome_extension.uninstall(conn, environ)
    except gnome_extension.ExtensionError as exc:
        return fail(exc, ExitStatus.DATA)
    except OSError as exc:
        return fail(exc, ExitStatus.DATA)
    finally:
        if conn is not None:
            dbusio.close_quietly(conn)
    for line in outcome.lines or [translate("desktop", "Nothing to remove.")]:
        print(line)
    return ExitStatus.OK
