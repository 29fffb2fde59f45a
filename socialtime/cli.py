"""The command line: a thin layer over the core.

Exit status: 0 done, 1 the data cannot be used (the message names the file), 2 a bad argument
or a bad config file (the message names the file, the key and what was expected).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING

from socialtime import __version__, paths, report, team_cli
from socialtime.browser import cli as browser_cli
from socialtime.config import Config, LoadedConfig, load_config
from socialtime.consent import NOTICE_VERSION, notice
from socialtime.i18n import translate
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
                raise UsageError(f"the config file has errors:\n{errors}")
            eprint(f"warning: the config file has errors; using the defaults:\n{errors}")
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


def iso(t: float) -> str:
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds")


def today() -> date:
    return date.today()


# --- commands ------------------------------------------------------------------------------


def cmd_tray(ctx: Context, args: argparse.Namespace) -> int:
    if getattr(args, "invite", False):
        return cmd_invite(ctx, args)
    try:
        from socialtime.ui.app import run
    except ImportError as e:  # Qt or its system libraries are missing
        eprint(
            f"socialtime: the tray application cannot start ({e}).\n"
            "Install Qt's libraries (see the README), or record with `socialtime track`."
        )
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
            eprint(f"socialtime: browser bridge off: {bridge.problem}")
        eprint(
            f"socialtime: started; data in {store.path}, a look every {config.sample_seconds:g} s."
        )
        eprint("Stop with Ctrl+C. Nothing is counted outside your work hours or without consent.")
        try:
            _track_loop(tracker, store, config, stop)
        finally:
            bridge.stop()
            probe.close()
    eprint("socialtime: stopped; everything recorded is saved.")
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
            eprint(f"socialtime: {_describe(state, store, config)}")
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
        return "waiting for your consent: read and accept with `socialtime consent --accept`."
    if state is State.OUTSIDE_HOURS:
        start = config.work_hours.next_start(time.time())
        when = f"; recording resumes at {iso(start)}" if start else ""
        return f"outside your work hours{when}."
    if state is State.PAUSED:
        until = store.paused_until()
        return f"paused until {iso(until)}." if until else "paused."
    if state is State.UNAVAILABLE:
        return "cannot see the desktop here; `socialtime doctor` tells why."
    return f"{state.value}."


def cmd_consent(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    store = ctx.store()
    if args.withdraw:
        store.withdraw_consent()
        print("Consent withdrawn: recording has stopped.")
        count = store.count()
        if count == 0:
            return EXIT_OK
        print(f"Your recorded data ({count} spans) is still in {store.path}.")
        if sys.stdin.isatty() and input("Erase it all now? [y/N] ").strip().lower() in ("y", "yes"):
            store.erase()
            print("Everything was erased.")
        else:
            print("To erase it: socialtime erase --all")
        return EXIT_OK
    print(notice(ctx.data_dir))
    if args.accept:
        store.set_consent(NOTICE_VERSION, time.time())
        print("Thank you: recording will run during your work hours.")
        return EXIT_OK
    version = store.consent_version()
    if version == NOTICE_VERSION:
        at = store.meta().get("consent_at")
        print(f"Status: you accepted this notice on {iso(float(at)) if at else '?'}.")
    elif version is not None:
        print(
            f"Status: you accepted an older notice (version {version}); accept this one to go on."
        )
    else:
        print("Status: not accepted; nothing is being recorded.")
    return EXIT_OK


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    config = ctx.config(strict=True)
    try:
        if args.week is not None:
            period = report.parse_week(args.week) if args.week else report.week_of(today())
        elif args.from_ or args.to:
            if not (args.from_ and args.to):
                raise UsageError("--from and --to go together")
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
        eprint(f"Exported {count} spans.")
        return EXIT_OK
    _atomic_write(Path(args.output), lambda out: write(out, iso))
    eprint(f"Exported {store.count()} spans to {args.output}.")
    return EXIT_OK


def _atomic_write(path: Path, fill: Callable[[IO[str]], object]) -> None:
    """Write through a temporary file (mode 0600: it is personal data) and rename, so a
    crash never leaves half a file under the chosen name."""
    path = path.expanduser()
    if path.is_dir():
        raise UsageError(f"-o {path}: is a directory; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
    except OSError as e:
        raise UsageError(f"-o {path}: cannot write there ({e.strerror})") from e
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
        raise UsageError("give either --all or --from/--to, not both")
    bounds: tuple[float | None, float | None]
    if args.all:
        what, bounds = "everything recorded", (None, None)
    elif args.from_ and args.to:
        try:
            period = report.date_range(args.from_, args.to)
        except ValueError as e:
            raise UsageError(str(e)) from e
        what, bounds = f"everything from {period.first} to {period.last}", period.bounds()
    else:
        raise UsageError("say what to erase: --all, or --from YYYY-MM-DD --to YYYY-MM-DD")
    store = ctx.store()
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError(f"this would erase {what}; add --yes to confirm")
        if input(
            f"Erase {what} in {store.path}? This cannot be undone. [y/N] "
        ).strip().lower() not in (
            "y",
            "yes",
        ):
            print("Nothing was erased.")
            return EXIT_OK
    seconds = store.erase(*bounds)
    print(f"Erased {what} ({report.format_duration(seconds)} of recorded time).")
    return EXIT_OK


def cmd_doctor(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.probes import make_probe

    status = EXIT_OK
    loaded = ctx.loaded()

    def line(ok: bool, name: str, detail: str) -> None:
        print(f"[{'ok' if ok else '!!'}] {name}: {detail}")

    if loaded.ok:
        line(
            True,
            "config",
            str(loaded.path) if loaded.path else f"none ({ctx.config_path}); defaults",
        )
    else:
        status = EXIT_USAGE
        line(False, "config", "errors, using the defaults:")
        for error in loaded.errors:
            print(f"       {error}")
    try:
        store = ctx.store()
        line(True, "data", f"{store.path} ({store.count()} spans, readable by you only)")
        consent = store.consent_version() == NOTICE_VERSION
        line(
            consent,
            "consent",
            "accepted" if consent else "not given: `socialtime consent --accept`",
        )
    except StoreError as e:
        status = max(status, EXIT_DATA)
        line(False, "data", str(e))
    now = time.time()
    hours = loaded.config.work_hours
    if hours.contains(now):
        line(True, "work hours", "now inside your work hours")
    else:
        start = hours.next_start(now)
        line(
            True,
            "work hours",
            f"outside now; next start {iso(start)}" if start else "no work day set",
        )
    probe = make_probe()
    try:
        for check in probe.diagnose():
            line(check.ok, check.name, check.detail)
    finally:
        probe.close()
    check = browser_cli.doctor_check(ctx.data_dir)
    line(check.ok, check.name, check.detail)
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
    when = f"{datetime.fromtimestamp(until):%Y-%m-%d %H:%M}"
    print(f"Paused until {when}. Resume earlier with `socialtime resume`.")
    return EXIT_OK


def _parse_duration(text: str) -> float:
    units = {"s": 1, "m": 60, "min": 60, "h": 3600}
    for unit in sorted(units, key=len, reverse=True):
        number = text.removesuffix(unit)
        if number != text and number.strip().isdigit() and int(number) > 0:
            return int(number) * units[unit]
    raise UsageError(f"pause: {text!r} is not a duration (expected 30m, 1h, 90min or tomorrow)")


def cmd_resume(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    ctx.store().set_paused_until(None)
    print("Recording resumed (during your work hours).")
    return EXIT_OK


# --- parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"where the database lives (env {paths.DATA_ENV}; default: the OS's user data dir)",
    )
    common.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help=f"the TOML settings file (env {paths.CONFIG_ENV}; default: the OS's user config dir)",
    )
    parser = argparse.ArgumentParser(
        prog="socialtime",
        parents=[common],
        description="See, for yourself only, how much of your work time goes to social sites. "
        "Data stays on this computer; nothing is recorded before you consent.",
        epilog="Without a command, starts the tray application.",
    )
    # No default for --data-dir and --config here: set_defaults would change the Action objects
    # that every sub-command shares through `common`, and a sub-command would then reset a
    # value given before its name (`socialtime --data-dir D report` would ignore D).
    parser.set_defaults(func=cmd_tray)
    parser.add_argument("--version", action="version", version=f"socialtime {__version__}")
    parser.add_argument(
        "--show",
        choices=("dashboard", "settings", "notice"),
        help="open this window of the tray application (of the running one, if any)",
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
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, func: Callable[..., int], text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=text, description=text)
        p.set_defaults(func=func)
        return p

    command(
        "track",
        cmd_track,
        "Record without a window until Ctrl+C or SIGTERM, then save and exit.",
    )
    p = command("consent", cmd_consent, "Show the privacy notice; accept it or withdraw consent.")
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--accept", action="store_true", help="accept the notice: recording may start"
    )
    group.add_argument("--withdraw", action="store_true", help="withdraw consent: recording stops")

    p = command("report", cmd_report, "Show active and social time (default: today).")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--day", metavar="YYYY-MM-DD", help="one day")
    group.add_argument(
        "--week", metavar="YYYY-Www", nargs="?", const="", help="an ISO week (default: this week)"
    )
    group.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="first day of a range")
    p.add_argument("--to", metavar="YYYY-MM-DD", help="last day of a range (with --from)")
    p.add_argument("--json", action="store_true", help="print one JSON object (for scripts)")

    p = command("export", cmd_export, "Export everything recorded, as CSV or JSON.")
    p.add_argument("--format", choices=("csv", "json"), default="csv", help="default: csv")
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (default: standard output)"
    )

    p = command("erase", cmd_erase, "Erase everything, or the days of a date range.")
    p.add_argument("--all", action="store_true", help="erase everything recorded")
    p.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="first day to erase")
    p.add_argument("--to", metavar="YYYY-MM-DD", help="last day to erase")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    command("doctor", cmd_doctor, "Tell what this computer lets socialtime see, and how to fix it.")
    p = command("pause", cmd_pause, "Pause recording for a while (30m, 1h, tomorrow).")
    p.add_argument(
        "duration", nargs="?", default="30m", help="30m, 1h, 90min or tomorrow (default 30m)"
    )
    command("resume", cmd_resume, "Resume recording after a pause.")
    browser_cli.register(command)
    team_cli.register(command, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "invite", False) and args.func is not cmd_tray:
        parser.error(translate("cli", "--invite goes without a command"))
    ctx = Context(args)
    try:
        return int(args.func(ctx, args))
    except UsageError as e:
        eprint(f"socialtime: {e}")
        return EXIT_USAGE
    except (StoreError, AlreadyRecording) as e:
        eprint(f"socialtime: {e}")
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
