"""The command line: a thin layer over the core.

Exit status: 0 done, 1 the data cannot be used (the message names the file), 2 a bad argument
or a bad config file (the message names the file, the key and what was expected).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, NoReturn

from socialtime import __version__, i18n, paths, report, team_cli
from socialtime.browser import cli as browser_cli
from socialtime.config import Config, LoadedConfig, load_config, read_language
from socialtime.consent import NOTICE_VERSION, notice
from socialtime.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.recorder_lock import AlreadyRecording, RecorderLock
from socialtime.sites import Catalogue, CatalogueError
from socialtime.status import pause_end
from socialtime.store import Store, StoreError
from socialtime.tracker import State, Tracker, catalogue_for

if TYPE_CHECKING:
    from socialtime.policy import Policy

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad argument or config: exit status 2."""


class Context:
    """What every command may need, created on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        # getattr: the global options have no default in the namespace (see build_parser).
        self.data_dir = paths.data_dir(getattr(args, "data_dir", None))
        self.config_path = paths.config_file(getattr(args, "config", None))
        self._loaded: LoadedConfig | None = None
        self._store: Store | None = None
        self._policy: Policy | None = None

    def policy(self) -> Policy:
        """The organisation policy of this computer (socialtime.policy), read once."""
        if self._policy is None:
            from socialtime.policy import load_policy

            self._policy = load_policy()
        return self._policy

    def loaded(self) -> LoadedConfig:
        if self._loaded is None:
            self._loaded = load_config(self.config_path, policy=self.policy())
        return self._loaded

    def config(self, strict: bool) -> Config:
        """The config; with ``strict``, a bad file stops the command (exit 2), otherwise it
        is reported and the defaults are used, so that a broken file never stands between
        the user and their own data (export, erase, consent)."""
        loaded = self.loaded()
        if not loaded.ok:
            errors = "\n".join(f"  {e}" for e in loaded.errors)
            if strict:
                message = translate("cli", "the config file has errors:\n{errors}")
                raise UsageError(message.format(errors=errors))
            message = translate(
                "cli", "warning: the config file has errors; using the defaults:\n{errors}"
            )
            eprint(message.format(errors=errors))
        return loaded.config

    def catalogue(self, config: Config) -> Catalogue:
        try:
            return catalogue_for(config)
        except CatalogueError as e:
            raise UsageError(str(e)) from e

    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.data_dir)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def eprint(*parts: object) -> None:
    print(*parts, file=sys.stderr)


def say(message: object) -> None:
    """``socialtime: message`` on standard error (French spaces its colon)."""
    eprint(translate("cli", "socialtime: {message}").format(message=message))


def iso(t: float) -> str:
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds")


def when(t: float) -> str:
    """An instant for a person to read: "2026-11-24 10:00" ("24/11/2026 10:00" in French)."""
    moment = datetime.fromtimestamp(t)
    return f"{i18n.format_date(moment.date(), 'numeric')} {i18n.format_time(moment)}"


def seconds_text(value: float) -> str:
    """5 -> "5", 2.5 -> "2.5" ("2,5" in French)."""
    return i18n.format_number(value, len(f"{value:g}".partition(".")[2]))


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
        return EXIT_DATA
    return run(ctx.data_dir, ctx.config_path, show=args.show)


def cmd_invite(ctx: Context, args: argparse.Namespace) -> int:
    """`socialtime --invite`, run at login by an entry IT installed: see socialtime.invite."""
    from socialtime import invite

    try:
        given = invite.consent_given(ctx.data_dir)
    except StoreError:
        given = True  # a database the user had: the tray says what is wrong with it
    choice = invite.decide(ctx.data_dir, ctx.policy(), given)
    if choice == invite.QUIT:
        return EXIT_OK
    if choice == invite.START:
        # Consent was given: from now on the user's own choice decides whether the tray starts
        # at login (their autostart entry, on or off), never the organisation's entry.
        return EXIT_OK
    try:
        from socialtime.ui.invite import run_invite
    except ImportError as e:  # Qt or its system libraries are missing
        message = translate("cli", "socialtime: the invitation cannot be shown ({error}).")
        eprint(message.format(error=e))
        return EXIT_DATA
    return run_invite(ctx.data_dir, ctx.config_path)


def cmd_track(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.browser import BrowserBridge, socket_path
    from socialtime.probes import make_probe

    config = ctx.config(strict=True)
    catalogue = ctx.catalogue(config)
    store = ctx.store()
    probe = make_probe()
    bridge = BrowserBridge(catalogue, config.sample_seconds, socket_path(ctx.data_dir))
    tracker = Tracker(store, probe, config, catalogue, host_source=bridge.host_for)
    store.apply_retention(config.retention_days, time.time())

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    with RecorderLock(ctx.data_dir):
        if not bridge.start():
            message = translate("cli", "socialtime: browser bridge off: {problem}")
            eprint(message.format(problem=bridge.problem))
        message = translate("cli", "socialtime: started; data in {path}, a look every {seconds} s.")
        eprint(message.format(path=store.path, seconds=seconds_text(config.sample_seconds)))
        eprint(
            translate(
                "cli",
                "Stop with Ctrl+C. Nothing is counted outside your work hours or without consent.",
            )
        )
        try:
            _track_loop(tracker, store, config, stop)
        finally:
            bridge.stop()
            probe.close()
    eprint(translate("cli", "socialtime: stopped; everything recorded is saved."))
    return EXIT_OK


def _track_loop(tracker: Tracker, store: Store, config: Config, stop: threading.Event) -> None:
    """Tick every sample interval until ``stop``; the database is committed at every tick."""
    state: State | None = None
    next_retention = time.time() + 86400
    interval = config.sample_seconds
    deadline = time.monotonic()
    while not stop.is_set():
        result = tracker.tick()
        if result.state is not state:
            state = result.state
            say(_describe(state, store, config))
        if time.time() >= next_retention:
            store.apply_retention(config.retention_days, time.time())
            next_retention = time.time() + 86400
        deadline += interval
        delay = deadline - time.monotonic()
        if delay < 0:  # fell behind (suspend, load): skip ticks instead of bursting
            deadline, delay = time.monotonic(), 0.0
        stop.wait(delay)


def _describe(state: State, store: Store, config: Config) -> str:
    if state is State.NO_CONSENT:
        return translate(
            "cli", "waiting for your consent: read and accept with `socialtime consent --accept`."
        )
    if state is State.OUTSIDE_HOURS:
        start = config.work_hours.next_start(time.time())
        if start:
            message = translate("cli", "outside your work hours; recording resumes at {when}.")
            return message.format(when=when(start))
        return translate("cli", "outside your work hours.")
    if state is State.PAUSED:
        until = store.paused_until()
        if until:
            return translate("cli", "paused until {when}.").format(when=when(until))
        return translate("cli", "paused.")
    if state is State.UNAVAILABLE:
        return translate("cli", "cannot see the desktop here; `socialtime doctor` tells why.")
    return state.text + "."


def cmd_consent(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    store = ctx.store()
    if args.withdraw:
        store.withdraw_consent()
        print(translate("cli", "Consent withdrawn: recording has stopped."))
        count = store.count()
        if count == 0:
            return EXIT_OK
        message = translate("cli", "Your recorded data (%n spans) is still in {path}.", None, count)
        print(message.format(path=store.path))
        if sys.stdin.isatty() and team_cli.confirmed(translate("cli", "Erase it all now? [y/N] ")):
            store.erase()
            print(translate("cli", "Everything was erased."))
        else:
            print(translate("cli", "To erase it: socialtime erase --all"))
        return EXIT_OK
    print(notice(ctx.data_dir))
    if args.accept:
        store.set_consent(NOTICE_VERSION, time.time())
        print(translate("cli", "Thank you: recording will run during your work hours."))
        return EXIT_OK
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
    return EXIT_OK


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    config = ctx.config(strict=True)
    try:
        if args.week is not None:
            period = report.parse_week(args.week) if args.week else report.week_of(today())
        elif args.from_ or args.to:
            if not (args.from_ and args.to):
                raise UsageError(translate("cli", "--from and --to go together"))
            period = report.date_range(args.from_, args.to)
        elif args.day:
            day = report.parse_date(args.day, "--day")
            period = report.Period(day, day)
        else:
            period = report.Period(today(), today())
    except ValueError as e:
        raise UsageError(str(e)) from e
    doc = report.build(ctx.store(), period)
    if args.json:
        import json

        print(json.dumps(doc, ensure_ascii=False))
    else:
        names = {s.id: s.name for s in ctx.catalogue(config).sites}
        sys.stdout.write(report.render(doc, period, names))
    return EXIT_OK


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    store = ctx.store()
    write = store.export_csv if args.format == "csv" else store.export_json
    if args.output in (None, "-"):
        count = write(sys.stdout, iso)
        eprint(translate("cli", "Exported %n spans.", None, count))
        return EXIT_OK
    _atomic_write(Path(args.output), lambda out: write(out, iso))
    message = translate("cli", "Exported %n spans to {file}.", None, store.count())
    eprint(message.format(file=args.output))
    return EXIT_OK


def _atomic_write(path: Path, fill: Callable[[IO[str]], object]) -> None:
    """Write through a temporary file (mode 0600: it is personal data) and rename, so a
    crash never leaves half a file under the chosen name."""
    path = path.expanduser()
    if path.is_dir():
        message = translate("cli", "-o {file}: is a directory; give a file name")
        raise UsageError(message.format(file=path))
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
    except OSError as e:
        message = translate("cli", "-o {file}: cannot write there ({error})")
        raise UsageError(message.format(file=path, error=e.strerror or e)) from e
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            fill(out)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_erase(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    if args.all and (args.from_ or args.to):
        raise UsageError(translate("cli", "give either --all or --from/--to, not both"))
    bounds: tuple[float | None, float | None]
    if args.all:
        what, bounds = translate("cli", "everything recorded"), (None, None)
    elif args.from_ and args.to:
        try:
            period = report.date_range(args.from_, args.to)
        except ValueError as e:
            raise UsageError(str(e)) from e
        what = translate("cli", "everything from {first} to {last}").format(
            first=i18n.format_date(period.first, "numeric"),
            last=i18n.format_date(period.last, "numeric"),
        )
        bounds = period.bounds()
    else:
        raise UsageError(
            translate("cli", "say what to erase: --all, or --from YYYY-MM-DD --to YYYY-MM-DD")
        )
    store = ctx.store()
    if not args.yes:
        if not sys.stdin.isatty():
            message = translate("cli", "this would erase {what}; add --yes to confirm")
            raise UsageError(message.format(what=what))
        prompt = translate("cli", "Erase {what} in {path}? This cannot be undone. [y/N] ")
        if not team_cli.confirmed(prompt.format(what=what, path=store.path)):
            print(translate("cli", "Nothing was erased."))
            return EXIT_OK
    seconds = store.erase(*bounds)
    message = translate("cli", "Erased {what} ({duration} of recorded time).")
    print(message.format(what=what, duration=report.format_duration(seconds)))
    return EXIT_OK


def cmd_doctor(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.probes import make_probe

    status = EXIT_OK
    loaded = ctx.loaded()

    def line(ok: bool, name: str, detail: str) -> None:
        text = translate("cli", "{name}: {detail}").format(name=name, detail=detail)
        print(f"[{'ok' if ok else '!!'}] {text}")

    config, data, consent_name = (
        translate("doctor", "config"),
        translate("doctor", "data"),
        translate("doctor", "consent"),
    )
    if loaded.ok:
        if loaded.path:
            line(True, config, str(loaded.path))
        else:
            line(
                True,
                config,
                translate("cli", "none ({path}); defaults").format(path=ctx.config_path),
            )
    else:
        status = EXIT_USAGE
        line(False, config, translate("cli", "errors, using the defaults:"))
        for error in loaded.errors:
            print(f"       {error}")
    try:
        store = ctx.store()
        text = translate("cli", "{path} (%n spans, readable by you only)", None, store.count())
        line(True, data, text.format(path=store.path))
        consent = store.consent_version() == NOTICE_VERSION
        if consent:
            line(True, consent_name, translate("cli", "accepted"))
        else:
            line(False, consent_name, translate("cli", "not given: `socialtime consent --accept`"))
    except StoreError as e:
        status = max(status, EXIT_DATA)
        line(False, data, str(e))
    now = time.time()
    hours = loaded.config.work_hours
    work_hours = translate("doctor", "work hours")
    if hours.contains(now):
        line(True, work_hours, translate("cli", "now inside your work hours"))
    else:
        start = hours.next_start(now)
        if start:
            text = translate("cli", "outside now; next start {when}").format(when=when(start))
        else:
            text = translate("cli", "no work day set")
        line(True, work_hours, text)
    probe = make_probe()
    try:
        for check in probe.diagnose():
            line(check.ok, check.label, check.detail)
    finally:
        probe.close()
    check = browser_cli.doctor_check(ctx.data_dir)
    line(check.ok, check.label, check.detail)
    from socialtime.policy import describe

    print(translate("cli", "Organisation settings:"))
    for text in describe(loaded.policy):
        print(f"       {text}")
    return status


def cmd_pause(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    text = args.duration.strip().lower()
    seconds = None if text == "tomorrow" else _parse_duration(text)
    until = pause_end(time.time(), seconds)
    ctx.store().set_paused_until(until)
    message = translate("cli", "Paused until {when}. Resume earlier with `socialtime resume`.")
    print(message.format(when=when(until)))
    return EXIT_OK


def _parse_duration(text: str) -> float:
    units = {"s": 1, "m": 60, "min": 60, "h": 3600}
    for unit in sorted(units, key=len, reverse=True):
        number = text.removesuffix(unit)
        if number != text and number.strip().isdigit() and int(number) > 0:
            return int(number) * units[unit]
    message = translate(
        "cli", "pause: {value} is not a duration (expected 30m, 1h, 90min or tomorrow)"
    )
    raise UsageError(message.format(value=repr(text)))


def cmd_resume(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    ctx.store().set_paused_until(None)
    print(translate("cli", "Recording resumed (during your work hours)."))
    return EXIT_OK


# --- parser --------------------------------------------------------------------------------

# argparse's own words. The standard library has no French: the headings and error messages
# that a user of socialtime meets are recognised in argparse's English and said again in the
# user's language; any other stays English.
_HEADINGS = (
    QT_TRANSLATE_NOOP("cli", "options"),
    QT_TRANSLATE_NOOP("cli", "positional arguments"),
)
_ARGPARSE_ERRORS = (
    (
        re.compile(r"the following arguments are required: (?P<args>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "the following arguments are required: {args}"),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<args>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "unrecognized arguments: {args}"),
    ),
    (
        re.compile(r"one of the arguments (?P<args>.+) is required", re.S),
        QT_TRANSLATE_NOOP("cli", "one of the arguments {args} is required"),
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "ambiguous option: {option} could match {matches}"),
    ),
    (  # the message of one argument, itself one of those below
        re.compile(r"argument (?P<argument>\S+): (?P<message>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "argument {argument}: {message}"),
    ),
    (
        re.compile(r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)", re.S),
        QT_TRANSLATE_NOOP("cli", "invalid choice: {value} (choose from {choices})"),
    ),
    (
        re.compile(r"invalid (?P<type>\w+) value: (?P<value>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "invalid {type} value: {value}"),
    ),
    (
        re.compile(r"expected one argument"),
        QT_TRANSLATE_NOOP("cli", "expected one argument"),
    ),
    (
        re.compile(r"expected at most one argument"),
        QT_TRANSLATE_NOOP("cli", "expected at most one argument"),
    ),
    (
        re.compile(r"expected at least one argument"),
        QT_TRANSLATE_NOOP("cli", "expected at least one argument"),
    ),
    (
        re.compile(r"not allowed with argument (?P<other>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "not allowed with argument {other}"),
    ),
    (
        re.compile(r"ignored explicit argument (?P<value>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "ignored explicit argument {value}"),
    ),
)


def argparse_message(message: str) -> str:
    """An error message of argparse in the user's language (itself when it is not known)."""
    for pattern, text in _ARGPARSE_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            parts = match.groupdict()
            if "message" in parts:
                parts["message"] = argparse_message(parts["message"])
            return translate("cli", text).format(**parts)
    return message


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with its "usage:" and section headings in the user's language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = translate("cli", "usage: ")
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        if heading in _HEADINGS:
            heading = translate("cli", heading)
        super().start_section(heading)


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser that speaks the user's language: its usage and headings (see
    HelpFormatter), the help of -h/--help, and its error messages. Sub-command parsers are of
    the same class (argparse makes them with the class of their parent)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "help":  # the -h/--help that argparse adds itself
            kwargs["help"] = translate("cli", "show this help message and exit")
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = translate("cli", "{prog}: error: {message}")
        self.exit(EXIT_USAGE, text.format(prog=self.prog, message=argparse_message(message)) + "\n")


def config_option(argv: Sequence[str]) -> str | None:
    """The value of ``--config`` in ``argv`` (the last one, as argparse takes it), found before
    the real parser exists: its help is in the language that the config file chooses. Tolerant:
    anything else, right or wrong, is left to the real parser."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--config" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--config="):
            found = arg.partition("=")[2]
    return found


def set_language(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """Speak the language of the config's ``language`` setting ("auto": the system's; a
    config that cannot be read counts as "auto"), before any word is printed."""
    path = paths.config_file(config_option(argv), environ)
    lang = i18n.resolve(read_language(path), environ)
    i18n.set_language(lang)
    return lang


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

    command(
        "track",
        cmd_track,
        translate("cli", "Record without a window until Ctrl+C or SIGTERM, then save and exit."),
    )
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
    group.add_argument("--day", metavar="YYYY-MM-DD", help=translate("cli", "one day"))
    group.add_argument(
        "--week",
        metavar="YYYY-Www",
        nargs="?",
        const="",
        help=translate("cli", "an ISO week (default: this week)"),
    )
    group.add_argument(
        "--from",
        dest="from_",
        metavar="YYYY-MM-DD",
        help=translate("cli", "first day of a range"),
    )
    p.add_argument(
        "--to", metavar="YYYY-MM-DD", help=translate("cli", "last day of a range (with --from)")
    )
    p.add_argument(
        "--json", action="store_true", help=translate("cli", "print one JSON object (for scripts)")
    )

    p = command(
        "export", cmd_export, translate("cli", "Export everything recorded, as CSV or JSON.")
    )
    p.add_argument(
        "--format", choices=("csv", "json"), default="csv", help=translate("cli", "default: csv")
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=translate("cli", "write to FILE (default: standard output)"),
    )

    p = command(
        "erase", cmd_erase, translate("cli", "Erase everything, or the days of a date range.")
    )
    p.add_argument("--all", action="store_true", help=translate("cli", "erase everything recorded"))
    p.add_argument(
        "--from", dest="from_", metavar="YYYY-MM-DD", help=translate("cli", "first day to erase")
    )
    p.add_argument("--to", metavar="YYYY-MM-DD", help=translate("cli", "last day to erase"))
    p.add_argument(
        "--yes", action="store_true", help=translate("cli", "do not ask for confirmation")
    )

    command(
        "doctor",
        cmd_doctor,
        translate("cli", "Tell what this computer lets socialtime see, and how to fix it."),
    )
    p = command(
        "pause", cmd_pause, translate("cli", "Pause recording for a while (30m, 1h, tomorrow).")
    )
    p.add_argument(
        "duration",
        nargs="?",
        default="30m",
        help=translate("cli", "30m, 1h, 90min or tomorrow (default 30m)"),
    )
    command("resume", cmd_resume, translate("cli", "Resume recording after a pause."))
    browser_cli.register(command)
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
        return EXIT_USAGE
    except (StoreError, AlreadyRecording) as e:
        say(e)
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
