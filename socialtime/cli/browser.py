"""The ``browser-host`` and ``browser install|uninstall`` commands, and doctor's bridge lines.

Kept apart from socialtime/cli/program.py so that the main command line gains only the call to
:func:`register`. Heavy imports (sockets, the installer) happen inside the commands, so other
commands never load them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from socialtime.base.i18n import translate
from socialtime.cli.context import Command, Context, ExitStatus, eprint, say
from socialtime.probes.base import FOREGROUND_WINDOW, Check

# Argument and option names are the command line's contract and never translated; named here, as
# the translation tests read every literal given to add_argument as text for people.
_CALLER, _SYSTEM, _BROWSER = "caller", "--system", "--browser"


def register(command: Command) -> None:
    """Add the commands through socialtime.cli's ``command(name, func, help)`` helper."""
    from socialtime.browser.install import BROWSERS

    p = command(
        "browser-host",
        cmd_browser_host,
        translate(
            "browser",
            "The native messaging host that your browser starts for the socialtime extension "
            "(not for use by hand).",
        ),
    )
    p.add_argument(
        _CALLER,
        nargs=argparse.REMAINDER,
        help=translate(
            "browser",
            "what the browser passes (the extension's origin, the manifest path, "
            "--parent-window on Windows); ignored",
        ),
    )
    p = command(
        "browser",
        cmd_browser,
        translate(
            "browser",
            "Register socialtime with your browsers so the extension can tell it the active "
            "site (install), or remove that registration (uninstall).",
        ),
    )
    actions = p.add_subparsers(
        title=translate("browser", "actions"), dest="browser_action", metavar="ACTION",
        required=True, help=translate("browser", "install or uninstall"),
    )  # fmt: skip
    for name, text in (
        (
            "install",
            translate("browser", "Write the native messaging host manifests for your browsers."),
        ),
        (
            "uninstall",
            translate(
                "browser",
                "Remove socialtime's native messaging host manifests (and only those).",
            ),
        ),
    ):
        q = actions.add_parser(name, help=text, description=text)
        q.add_argument(
            _SYSTEM,
            action="store_true",
            help=translate(
                "browser", "for all users of this computer (needs administrator rights)"
            ),
        )
        q.add_argument(
            _BROWSER,
            action="append",
            choices=(*BROWSERS, "all"),
            help=translate(
                "browser",
                "which browser (repeatable; default: all, which per user means those whose "
                "profile folder exists)",
            ),
        )


def cmd_browser_host(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.browser.host import main

    return main(args.caller, ctx.data_dir)


def cmd_browser(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.browser.install import install, uninstall

    browsers = args.browser or ["all"]
    try:
        if args.browser_action == "install":
            lines = install(browsers, system=args.system)
        else:
            lines = uninstall(browsers, system=args.system)
    except PermissionError as e:
        if args.system:
            text = translate(
                "browser",
                "socialtime: {file}: permission denied "
                "(try again with sudo, or as an administrator)",
            )
        else:
            text = translate("browser", "socialtime: {file}: permission denied")
        eprint(text.format(file=e.filename))
        return ExitStatus.DATA
    except OSError as e:
        say(e)
        return ExitStatus.DATA
    for line in lines:
        print(line)
    if args.browser_action == "install":
        if args.system:
            done = translate("browser", "Registered for all users.")
        else:
            done = translate("browser", "Registered for you.")
        then = translate(
            "browser",
            "Now add the socialtime extension to your browser "
            "(packaging/browser-extension/, or ask your IT); `socialtime doctor` then says "
            "whether it is connected.",
        )
        print(f"{done} {then}")
    elif not lines:
        print(translate("browser", "Nothing to remove."))
    return ExitStatus.OK


def doctor_checks(probe_checks: list[Check], data_dir: Path) -> list[Check]:
    """The probe's lines, then the bridge's. Where the probe sees no window in front, its line
    says whether a browser still tells when one of its windows has the focus (the window in
    front is then that browser, see BrowserBridge.focused_window): which source is in use."""
    from socialtime.browser.bridge import bridge_state, socket_path

    bridge, focus = bridge_state(socket_path(data_dir))
    front = next((c for c in probe_checks if c.name == FOREGROUND_WINDOW), None)
    lines = list(probe_checks)
    if front is not None and not front.ok:
        if focus:
            text = translate(
                "browser",
                "from the browser extension only: %n browser(s) tell when one of their "
                "windows has the focus, and that browser is taken as the window in front "
                '(any other app counts as "other"); to see every window: {fix}',
                None,
                focus,
            )
            replaced = Check(front.name, True, text.format(fix=front.detail))
        else:
            text = translate(
                "browser",
                "{fix}; meanwhile a browser with the socialtime extension (and `socialtime "
                "browser install`) is still seen when one of its windows has the focus",
            )
            replaced = Check(front.name, False, text.format(fix=front.detail))
        lines = [replaced if c is front else c for c in lines]
    return [*lines, _bridge_line(bridge)]


def _bridge_line(check: Check) -> Check:
    """Is a recorder listening, and is a browser connected to it? If not, say what to do."""
    from socialtime.browser.install import installed

    if check.ok:
        return check
    try:
        registered = sorted(set(installed(False)) | set(installed(True)))
    except OSError:
        registered = []
    if registered:
        text = translate("browser", "{problem}; the host is registered for {browsers}")
    else:
        text = translate(
            "browser",
            "{problem}; the host is not registered with any browser: `socialtime browser install`",
        )
    detail = text.format(problem=check.detail, browsers=", ".join(registered))
    return Check(check.name, False, detail)
