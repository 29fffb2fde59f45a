"""The command line: the entry point, the parser, and the small commands.

Exit status (socialtime.cli.context.ExitStatus, for every command): 0 done, 1 the data cannot
be used (the message names the file), 2 a bad argument or a bad config file (the message names
the file, the key and what was expected), 130 stopped by Ctrl+C.

The larger commands live apart and add themselves through ``register``: ``track``
(socialtime.cli.track), ``export`` and ``erase`` (socialtime.cli.data), ``doctor``
(socialtime.cli.doctor), ``browser`` (socialtime.cli.browser), ``team`` (socialtime.cli.team).
What every command shares is in socialtime.cli.context; argparse in the user's language is in
socialtime.cli.arguments.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date

from socialtime import __version__
from socialtime.base import paths
from socialtime.base.i18n import translate
from socialtime.cli import browser as browser_cli
from socialtime.cli import data as data_cli
from socialtime.cli import desktop as desktop_cli
from socialtime.cli import doctor
from socialtime.cli import team as team_cli
from socialtime.cli import track as track_cli
from socialtime.cli.arguments import ArgumentParser, set_language
from socialtime.cli.context import (
    Context,
    ExitStatus,
    UsageError,
    confirm,
    eprint,
    say,
    when,
)
from socialtime.insights import goals, report, trend, why
from socialtime.insights.tray_status import pause_end
from socialtime.recording.consent import NOTICE_VERSION, notice
from socialtime.recording.recorder_lock import AlreadyRecording
from socialtime.recording.store import StoreError
from socialtime.rules import periods

__all__ = ["Context", "UsageError", "build_parser", "main"]


def today() -> date:
    return date.today()


# --- commands ------------------------------------------------------------------------------


def cmd_tray(ctx: Context, args: argparse.Namespace) -> int:
    if getattr(args, "invite", False):
        return cmd_invite(ctx, args)
    try:
        from socialtime.ui.app import run
    except ImportError as e:  # Qt or its system libraries are missing
        message = translate(
            "cli",
            "socialtime: the tray application cannot start ({error}).\n"
            "Install Qt's libraries (see the README), or record with `socialtime track`.",
        )
        eprint(message.format(error=e))
        return ExitStatus.DATA
    return run(ctx.data_dir, ctx.config_path, show=args.show)


def cmd_invite(ctx: Context, args: argparse.Namespace) -> int:
    """`socialtime --invite`, run at login by an entry IT installed: see socialtime.login.invite."""
    from socialtime.login import invite

    try:
        given = invite.consent_given(ctx.data_dir)
    except StoreError:
        given = True  # a database the user had: the tray says what is wrong with it
    choice = invite.decide(ctx.data_dir, ctx.policy(), given)
    if choice == invite.QUIT:
        return ExitStatus.OK
    if choice == invite.START:
        # Consent was given: from now on the user's own choice decides whether the tray starts
        # at login (their autostart entry, on or off), never the organisation's entry.
        return ExitStatus.OK
    try:
        from socialtime.ui.invite import run_invite
    except ImportError as e:  # Qt or its system libraries are missing
        message = translate("cli", "socialtime: the invitation cannot be shown ({error}).")
        eprint(message.format(error=e))
        return ExitStatus.DATA
    return run_invite(ctx.data_dir, ctx.config_path)


def cmd_consent(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    store = ctx.store()
    if args.withdraw:
        store.withdraw_consent()
        print(translate("cli", "Consent withdrawn: recording has stopped."))
        count = store.count()
        if count == 0:
            return ExitStatus.OK
        message = translate("cli", "Your recorded data (%n spans) is still in {path}.", None, count)
        print(message.format(path=store.path))
        if sys.stdin.isatty() and confirm(translate("cli", "Erase it all now? [y/N] ")):
            store.erase()
            print(translate("cli", "Everything was erased."))
        else:
            print(translate("cli", "To erase it: socialtime erase --all"))
        return ExitStatus.OK
    print(notice(ctx.data_dir))
    if args.accept:
        store.set_consent(NOTICE_VERSION, time.time())
        print(translate("cli", "Thank you: recording will run during your work hours."))
        return ExitStatus.OK
    version = store.consent_version()
    if version == NOTICE_VERSION:
        at = store.meta().get("consent_at")
        message = translate("cli", "Status: you accepted this notice on {when}.")
        print(message.format(when=when(float(at)) if at else "?"))
    elif version is not None:
        message = translate(
            "cli",
            "Status: you accepted an older notice (version {version}); accept this one to go on.",
        )
        print(message.format(version=version))
    else:
        print(translate("cli", "Status: not accepted; nothing is being recorded."))
    return ExitStatus.OK


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    config = ctx.config(strict=True)
    try:
        if args.week is not None:
            period = periods.parse_week(args.week) if args.week else periods.week_of(today())
        elif args.month is not None:
            period = periods.parse_month(args.month) if args.month else periods.month_of(today())
        elif args.from_ is not None or args.to is not None:
            if args.from_ is None or args.to is None:
                raise UsageError(translate("cli", "--from and --to go together"))
            period = periods.date_range(args.from_, args.to)
        elif args.day is not None:
            day = periods.parse_date(args.day, "--day")
            period = periods.Period(day, day)
        else:
            period = periods.Period(today(), today())
    except ValueError as e:
        raise UsageError(str(e)) from e
    store = ctx.store()
    doc = report.build(store, period)
    # What the period means beside its totals: the average per work day and the comparison
    # with the period before (socialtime.insights.trend), and each day's missed goals (why).
    found = trend.compare(store, config.work_hours, period, today(), doc)
    results = goals.day_results(
        store, config.goals, config.work_hours, period.first, period.last, doc
    )
    for day, result in zip(doc["days"], results, strict=True):  # type: ignore[call-overload]
        day["missed"] = [miss.as_json() for miss in result.misses]
    doc |= found.as_json()
    weekly = None
    if args.week is not None:  # the weekly budget judges an ISO week as a whole
        weekly = why.week_miss(config.goals, float(doc["social_seconds"]))  # type: ignore[arg-type]
        doc["missed"] = [] if weekly is None else [weekly.as_json()]
    if args.json:
        import json

        print(json.dumps(doc, ensure_ascii=False))
    else:
        names = {s.id: s.name for s in ctx.catalogue(config).sites}
        notes = {r.day.isoformat(): why.text(r.misses, names) for r in results if r.misses}
        footer = [found.total_text(), found.sentence()] if period.first != period.last else []
        if weekly is not None:
            said = weekly.text(names)
            footer.append(said[:1].upper() + said[1:])
        rows = args.week is not None or args.month is not None
        sys.stdout.write(report.render(doc, period, names, rows=rows, notes=notes, footer=footer))
    return ExitStatus.OK


def cmd_pause(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    text = args.duration.strip().lower()
    seconds = None if text == "tomorrow" else _parse_duration(text)
    until = pause_end(time.time(), seconds)
    ctx.store().set_paused_until(until)
    message = translate("cli", "Paused until {when}. Resume earlier with `socialtime resume`.")
    print(message.format(when=when(until)))
    return ExitStatus.OK


_DURATION = re.compile(r"^([0-9]+)\s*(s|min|m|h)$")
_UNITS = {"s": 1, "m": 60, "min": 60, "h": 3600}


def _parse_duration(text: str) -> float:
    """Seconds of ``30m``, ``1h``, ``90min``, ``45s``: more than none, at most a year."""
    match = _DURATION.match(text)
    if not match or not match[1].strip("0"):
        message = translate(
            "cli", "pause: {value} is not a duration (expected 30m, 1h, 90min or tomorrow)"
        )
        raise UsageError(message.format(value=repr(text)))
    digits = match[1].lstrip("0")
    seconds = int(digits) * _UNITS[match[2]] if len(digits) <= 12 else None
    if seconds is None or seconds > periods.MAX_PAUSE_SECONDS:
        message = translate(
            "cli",
            "pause: {value} is too long (at most a year: {hours}h); to stop recording for "
            "longer, quit socialtime or withdraw consent (`socialtime consent --withdraw`)",
        )
        raise UsageError(message.format(value=repr(text), hours=periods.MAX_PAUSE_SECONDS // 3600))
    return seconds


def cmd_resume(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    ctx.store().set_paused_until(None)
    print(translate("cli", "Recording resumed (during your work hours)."))
    return ExitStatus.OK


# --- parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The command line, in the current language (see set_language)."""
    common = ArgumentParser(add_help=False)
    text = translate("cli", "where the database lives (env {env}; default: the OS's user data dir)")
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=text.format(env=paths.DATA_ENV),
    )
    text = translate("cli", "the TOML settings file (env {env}; default: the OS's user config dir)")
    common.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help=text.format(env=paths.CONFIG_ENV),
    )
    parser = ArgumentParser(
        prog="socialtime",
        parents=[common],
        description=translate(
            "cli",
            "See, for yourself only, how much of your work time goes to social sites. "
            "Data stays on this computer; nothing is recorded before you consent.",
        ),
        epilog=translate("cli", "Without a command, starts the tray application."),
    )
    # No default for --data-dir and --config here: set_defaults would change the Action objects
    # that every sub-command shares through `common`, and a sub-command would then reset a
    # value given before its name (`socialtime --data-dir D report` would ignore D).
    parser.set_defaults(func=cmd_tray)
    parser.add_argument(
        "--version",
        action="version",
        version=f"socialtime {__version__}",
        help=translate("cli", "show the version number and exit"),
    )
    parser.add_argument(
        "--show",
        choices=("dashboard", "settings", "notice"),
        help=translate(
            "cli", "open this window of the tray application (of the running one, if any)"
        ),
    )
    parser.add_argument(
        "--invite",
        action="store_true",
        help=translate(
            "cli",
            "run by a login entry that your organisation installed: offer socialtime "
            "(the notice) unless you declined or already accepted; does nothing unless "
            "the organisation policy sets invite_at_login",
        ),
    )
    sub = parser.add_subparsers(title=translate("cli", "commands"), metavar="COMMAND")

    def command(name: str, func: Callable[..., int], text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=text, description=text)
        p.set_defaults(func=func)
        return p

    track_cli.register(command)
    p = command(
        "consent",
        cmd_consent,
        translate("cli", "Show the privacy notice; accept it or withdraw consent."),
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--accept",
        action="store_true",
        help=translate("cli", "accept the notice: recording may start"),
    )
    group.add_argument(
        "--withdraw",
        action="store_true",
        help=translate("cli", "withdraw consent: recording stops"),
    )

    p = command(
        "report", cmd_report, translate("cli", "Show active and social time (default: today).")
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument("--day", metavar=periods.date_form(), help=translate("cli", "one day"))
    group.add_argument(
        "--week",
        metavar=periods.week_form(),
        nargs="?",
        const="",
        help=translate("cli", "an ISO week, one line per day (default: this week)"),
    )
    group.add_argument(
        "--month",
        metavar="YYYY-MM",
        nargs="?",
        const="",
        help=translate("cli", "a calendar month, one line per day (default: this month)"),
    )
    group.add_argument(
        "--from",
        dest="from_",
        metavar=periods.date_form(),
        help=translate("cli", "first day of a range"),
    )
    p.add_argument(
        "--to",
        metavar=periods.date_form(),
        help=translate("cli", "last day of a range (with --from)"),
    )
    p.add_argument(
        "--json", action="store_true", help=translate("cli", "print one JSON object (for scripts)")
    )

    data_cli.register(command)
    doctor.register(command)
    p = command(
        "pause", cmd_pause, translate("cli", "Pause recording for a while (30m, 1h, tomorrow).")
    )
    p.add_argument(
        "duration",
        nargs="?",
        default="30m",
        help=translate(
            "cli",
            "30m, 1h, 90min or tomorrow (default 30m); at most a year (8760h): "
            "to stop for longer, withdraw consent",
        ),
    )
    command("resume", cmd_resume, translate("cli", "Resume recording after a pause."))
    browser_cli.register(command)
    desktop_cli.register(command)
    team_cli.register(command, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(argv)  # first: every word from here on, argparse's help included
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "invite", False) and args.func is not cmd_tray:
        parser.error(translate("cli", "--invite goes without a command"))
    ctx = Context(args)
    try:
        return int(args.func(ctx, args))
    except UsageError as e:
        say(e)
        return ExitStatus.USAGE
    except (StoreError, AlreadyRecording) as e:
        say(e)
        return ExitStatus.DATA
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
    finally:
        ctx.close()
