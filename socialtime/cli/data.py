"""``socialtime export`` and ``socialtime erase``: the user's own data, out or gone.

Both read the config leniently (a broken file never stands between the user and their data)
and both are registered from socialtime/cli/program.py through :func:`register`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import IO

from socialtime.base import i18n, paths
from socialtime.base.files import write_private_with
from socialtime.base.i18n import translate
from socialtime.cli.context import Command, Context, ExitStatus, UsageError, confirm, eprint
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
        "--from",
        dest="from_",
        metavar=periods.date_form(),
        help=translate("cli", "first day to erase"),
    )
    p.add_argument("--to", metavar=periods.date_form(), help=translate("cli", "last day to erase"))
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
        return ExitStatus.OK
    count = _export_to(args.output, lambda out: write(out, iso))
    message = translate("cli", "Exported %n spans to {file}.", None, count)
    eprint(message.format(file=args.output))
    return ExitStatus.OK


def _export_to(name: str, fill: Callable[[IO[str]], int]) -> int:
    """Write the export to the file ``name`` (-o) through a temporary file (mode 0600: it is
    personal data) renamed into place, so that a crash or a full disk never leaves half a file
    under the chosen name. Whatever stops the writing (a name too long, no such folder, no
    permission, a full disk) is a UsageError naming the file."""
    path = paths.expand(name)
    try:
        if "\0" in name:
            raise ValueError(name)
        os.fsencode(name)  # a lone surrogate: no system call could take it
    except ValueError:  # UnicodeEncodeError too
        message = translate("cli", "-o {file}: cannot write there ({error})")
        reason = translate("cli", "not a file name this system can hold")
        raise UsageError(message.format(file=repr(name), error=reason)) from None
    try:
        if path.is_dir():
            message = translate("cli", "-o {file}: is a directory; give a file name")
            raise UsageError(message.format(file=path))
        return write_private_with(path, fill)
    except OSError as e:
        message = translate("cli", "-o {file}: cannot write there ({error})")
        raise UsageError(message.format(file=path, error=e.strerror or e)) from e


def cmd_erase(ctx: Context, args: argparse.Namespace) -> int:
    ctx.config(strict=False)
    if args.all and (args.from_ is not None or args.to is not None):
        raise UsageError(translate("cli", "give either --all or --from/--to, not both"))
    bounds: tuple[float | None, float | None]
    if args.all:
        what, bounds = translate("cli", "everything recorded"), (None, None)
    elif args.from_ is not None and args.to is not None:
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
            translate("cli", "say what to erase: --all, or --from {form} --to {form}").format(
                form=periods.date_form()
            )
        )
    store = ctx.store()
    if not args.yes:
        if not sys.stdin.isatty():
            message = translate("cli", "this would erase {what}; add --yes to confirm")
            raise UsageError(message.format(what=what))
        # Counted in days, as the Settings dialog asks it (socialtime.ui.settings.data_tab).
        days = store.days_with_data(*bounds)
        if not days:
            print(translate("cli", "Nothing is recorded there: there is nothing to erase."))
            return ExitStatus.OK
        prompt = translate("cli", "Erase %n day(s) of data ({what}, in {path})? "
                           "This cannot be undone. [y/N] ", None, days)  # fmt: skip
        if not confirm(prompt.format(what=what, path=store.path)):
            print(translate("cli", "Nothing was erased."))
            return ExitStatus.OK
    seconds = store.erase(*bounds)
    message = translate("cli", "Erased {what} ({duration} of recorded time).")
    print(message.format(what=what, duration=i18n.format_duration(seconds)))
    return ExitStatus.OK
