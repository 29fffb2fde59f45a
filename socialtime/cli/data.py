"""``socialtime export`` and ``socialtime erase``: the user's own data, out or gone.

Both read the config leniently (a broken file never stands between the user and their data)
and both are registered from socialtime/cli/program.py through :func:`register`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from socialtime.base import i18n
from socialtime.base.i18n import translate
from socialtime.cli import team as team_cli
from socialtime.cli.context import EXIT_OK, Command, Context, UsageError, eprint
from socialtime.rules import periods
from socialtime.rules.periods import iso


def register(command: Command) -> None:
    """Add ``export`` and ``erase`` through socialtime.cli's ``command(name, func, help)``."""
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
            period = periods.date_range(args.from_, args.to)
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
    print(message.format(what=what, duration=i18n.format_duration(seconds)))
    return EXIT_OK
