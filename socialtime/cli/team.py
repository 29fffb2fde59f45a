"""``socialtime team join|leave|status|summary|aggregate``: team goals that share no data.

Kept apart from socialtime/cli/program.py, which gains only the call to :func:`register`. Errors
are said here (socialtime.cli.context.fail) and the exit status returned: OK, DATA for files that
cannot be used, USAGE for a bad argument or team file (socialtime.cli.context.ExitStatus).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from socialtime.base import paths
from socialtime.base.i18n import translate
from socialtime.cli.context import Command, Context, ExitStatus, confirm, fail
from socialtime.recording.store import DB_NAME
from socialtime.rules.periods import parse_week, week_form, week_of
from socialtime.team.summary import (
    MIN_GROUP,
    AggregateError,
    aggregate,
    read_summary,
    render,
    summary_text,
)

if TYPE_CHECKING:  # imported by the commands that need it: goals and progress load lazily
    from socialtime.team import goal_file as core


def register(command: Command, common: argparse.ArgumentParser) -> None:
    """Add ``team`` through socialtime.cli's ``command(name, func, help)`` helper; ``common``
    gives every action the global options (--data-dir, --config)."""
    p = command(
        "team",
        cmd_team,
        translate(
            "team",
            "Team goals that share no data: join a team's goal file, see your own progress, "
            "write a weekly summary you read first, combine members' summaries.",
        ),
    )
    actions = p.add_subparsers(
        title=translate("team", "actions"), dest="team_action", metavar="ACTION", required=True,
        help=translate("team", "join, leave, status, summary or aggregate"),
    )  # fmt: skip

    def action(name: str, text: str) -> argparse.ArgumentParser:
        return actions.add_parser(name, parents=[common], help=text, description=text)

    q = action(
        "join", translate("team", "Check a team goal file and keep a copy of it; prints the goal.")
    )
    q.add_argument(
        "file",
        metavar="FILE",
        help=translate("team", "the team goal file (TOML) the team agreed on"),
    )
    action(
        "leave",
        translate("team", "Leave the team: remove its goal file and forget your summary tokens."),
    )
    action(
        "status",
        translate("team", "Your own progress against the team goal this week (only you see it)."),
    )
    q = action(
        "summary",
        translate(
            "team", "Write your weekly summary for the team: shows the whole content, then asks."
        ),
    )
    q.add_argument(
        "--week",
        metavar=week_form(),
        help=translate("team", "the ISO week (default: last week, the last complete one)"),
    )
    q.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help=translate("team", "write the summary here"),
    )
    q.add_argument(
        "--yes",
        action="store_true",
        help=translate("team", "write without asking (needed in scripts)"),
    )
    text = translate(
        "team", "Team figures from at least {minimum} members' summaries of one team and week."
    )
    q = action("aggregate", text.format(minimum=MIN_GROUP))
    q.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help=translate("team", "the summaries (JSON) to combine"),
    )
    text = translate(
        "team", "need at least N distinct summaries (default and lowest allowed: {minimum})"
    )
    q.add_argument(
        "--min-group",
        metavar="N",
        type=int,
        default=MIN_GROUP,
        help=text.format(minimum=MIN_GROUP),
    )
    q.add_argument(
        "--chart",
        metavar="PNG",
        help=translate("team", "also draw the histogram into this PNG file"),
    )


def today() -> date:
    return date.today()


def cmd_team(ctx: Context, args: argparse.Namespace) -> int:
    actions: dict[str, Callable[[Context, argparse.Namespace], int]] = {
        "join": _join,
        "leave": _leave,
        "status": _status,
        "summary": _summary,
        "aggregate": _aggregate,
    }
    return actions[args.team_action](ctx, args)


def _join(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.team import goal_file as core

    before, _ = core.current_team(ctx.data_dir)
    try:
        team, errors = core.join_team(paths.expand(args.file), ctx.data_dir)
    except OSError as e:
        message = translate("team", "{path}: cannot keep the team file there ({error})")
        return fail(message.format(path=ctx.data_dir, error=e.strerror or e), ExitStatus.DATA)
    if team is None:
        lines = "\n".join(f"  {error}" for error in errors)
        message = translate("team", "this is not a team goal file you can join:\n{errors}")
        return fail(message.format(errors=lines))
    if before is not None and before.name != team.name:
        print(translate("team", 'You left "{name}".').format(name=before.name))
    print("\n".join(core.describe_team(team)))
    print(
        translate(
            "team",
            "You joined. Your progress stays on this computer and only you see it:\n"
            "`socialtime team status`. Leave any time with `socialtime team leave`.",
        )
    )
    return ExitStatus.OK


def _leave(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.team import goal_file as core

    team, _ = core.current_team(ctx.data_dir, ctx.policy())
    store = ctx.store() if (Path(ctx.data_dir) / DB_NAME).exists() else None
    try:
        left = core.leave_team(ctx.data_dir, store, ctx.policy())
    except OSError as e:
        message = translate("team", "{path}: cannot remember that you left ({error})")
        return fail(message.format(path=ctx.data_dir, error=e.strerror or e), ExitStatus.DATA)
    if not left:
        print(translate("team", "You are not in a team."))
        return ExitStatus.OK
    if team:
        print(translate("team", 'You left "{name}".').format(name=team.name))
    else:
        print(translate("team", "You left the team."))
    offered, _ = core.current_team(ctx.data_dir, ctx.policy())
    if offered is not None and offered.from_organisation:
        text = translate(
            "team",
            'Your organisation offers the team "{name}" ({source}); '
            "leave it too with `socialtime team leave`.",
        )
        print(text.format(name=offered.name, source=offered.offered_by))
    return ExitStatus.OK


def _team(ctx: Context) -> core.Team | int:
    """The team joined, or the exit status after saying why there is none."""
    from socialtime.team import goal_file as core

    team, errors = core.current_team(ctx.data_dir, ctx.policy())
    if errors:
        lines = "\n".join(f"  {error}" for error in errors)
        message = translate(
            "team", "the team file cannot be used (join again, or leave):\n{errors}"
        )
        return fail(message.format(errors=lines))
    if team is None:
        return fail(
            translate("team", "you are not in a team; join one with `socialtime team join FILE`")
        )
    return team


def _status(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.team import goal_file as core
    from socialtime.team import week as team_week

    found, errors = core.current_team(ctx.data_dir, ctx.policy())
    if found is None and not errors:
        print(
            translate("team", "You are not in a team. Join one with `socialtime team join FILE`.")
        )
        return ExitStatus.OK
    team = _team(ctx)
    if isinstance(team, int):
        return team
    work_hours = ctx.config(strict=True).work_hours
    print("\n".join(core.describe_team(team)))
    if team.from_organisation:
        text = translate(
            "team",
            "Offered by your organisation ({source}). Only you see your progress; "
            "`socialtime team leave` if you do not want this goal.",
        )
        print(text.format(source=team.offered_by))
    now = today()
    lines = team_week.progress_lines(ctx.store(), team, work_hours, week_of(now), now)
    print("\n".join(lines))
    return ExitStatus.OK


def _summary(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.team import goal_file as core
    from socialtime.team import week as team_week

    allowed, reason = core.summaries_allowed(ctx.policy())
    if not allowed:
        return fail(reason)
    now = today()
    try:
        period = parse_week(args.week) if args.week else team_week.last_week(now)
    except ValueError as e:
        return fail(str(e))
    team = _team(ctx)
    if isinstance(team, int):
        return team
    work_hours = ctx.config(strict=True).work_hours
    store = ctx.store()
    try:
        summary = team_week.build_summary(store, team, work_hours, period, now)
    except core.TeamError as e:
        return fail(str(e), ExitStatus.DATA)
    output = paths.expand(args.output)
    try:
        is_dir = output.is_dir()
    except (OSError, ValueError) as e:  # a name too long for the system, a NUL in it
        text = translate("team", "-o {file}: cannot write there ({error})")
        return fail(text.format(file=output, error=getattr(e, "strerror", None) or e))
    if is_dir:
        return fail(
            translate("team", "-o {file}: is a directory; give a file name").format(file=output)
        )
    text = translate("team", "This is the whole summary, exactly as it would be written to {file}:")
    print(text.format(file=output))
    print(summary_text(summary), end="")
    if not args.yes:
        if not sys.stdin.isatty():
            text = translate("team", "nothing written: add --yes to write this to {file}")
            return fail(text.format(file=output))
        if not confirm(translate("team", "Write it to {file}? [y/N] ").format(file=output)):
            print(translate("team", "Nothing was written."))
            return ExitStatus.OK
    try:
        team_week.save_summary(store, summary, output)
    except OSError as e:
        text = translate("team", "-o {file}: cannot write there ({error})")
        return fail(text.format(file=output, error=e.strerror or e))
    text = translate(
        "team", "Written to {file}. It is yours: share it with the team if you want to."
    )
    print(text.format(file=output))
    return ExitStatus.OK


def _aggregate(ctx: Context, args: argparse.Namespace) -> int:
    if args.min_group < MIN_GROUP:
        text = translate(
            "team",
            "--min-group {value}: never fewer than {minimum} summaries, "
            "so that no one person can be seen",
        )
        return fail(text.format(value=args.min_group, minimum=MIN_GROUP))
    summaries, problems = [], []
    for name in args.files:
        summary, found = read_summary(Path(name))
        problems += found
        if summary is not None:
            summaries.append(summary)
    try:
        if problems:
            raise AggregateError(problems)
        figures = aggregate(summaries, args.min_group)
    except AggregateError as e:
        lines = "\n".join(f"  {line}" for line in e.problems)
        text = translate("team", "no team figures:\n{problems}")
        return fail(text.format(problems=lines), ExitStatus.DATA)
    print(render(figures), end="")
    if args.chart:
        from socialtime.charts.team import write_chart

        try:
            write_chart(figures, paths.expand(args.chart))
        except OSError as e:
            text = translate("team", "--chart {file}: cannot write there ({error})")
            return fail(text.format(file=args.chart, error=e.strerror or e), ExitStatus.DATA)
        print(translate("team", "Chart written to {file}.").format(file=args.chart))
    return ExitStatus.OK
