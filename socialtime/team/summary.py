"""The weekly team summary: what it holds, how it is checked, and the team figures computed
from members' summaries, never from fewer than five of them.

Whoever combines the summaries (a team lead, a volunteer) gets figures about the group and
nothing about a person: the output has no line per file, and a refusal names the file but
never one of its values. Figures are computed only from at least ``MIN_GROUP`` distinct
summaries (distinct tokens) of one team and one week.

The figures:

- *members*: the number of summaries.
- *goal met on X % of work days*: each member's days met / work days, averaged over the
  members, so that everyone weighs the same whatever their number of work days.
- *members meeting the goal on most days*: those whose days met are more than half of their
  work days (3 of 5 is most days; 2 of 4 is not).
- *histogram*: how many members fall in each bucket of average social time per work day.

The token of a summary is drawn at random for each team and week and remembered in the
user's store only so that writing the same week again gives the same file; leaving the team
forgets them all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialtime.base import file_problems, files, i18n
from socialtime.base.i18n import translate
from socialtime.rules.periods import iso_week, iso_week_label

if TYPE_CHECKING:
    from socialtime.recording.store import Store

MIN_GROUP = 5
MAX_FILE_BYTES = 64 * 1024  # a goal file or a summary is a few hundred bytes
NAME_MAX = 80

SUMMARY_FORMAT = "socialtime-team-summary"
SUMMARY_VERSION = 1
# The whole content of a summary, in the order written. Nothing else may be in the file.
SUMMARY_KEYS = (
    "format",
    "version",
    "team",
    "week",
    "work_days",
    "days_met",
    "social_minutes_per_work_day",
    "token",
)
# Average social minutes per work day: [0, 15), [15, 30), [30, 60), [60, ...).
BUCKETS = ("0-15", "15-30", "30-60", "60+")
_BUCKET_EDGES = (15, 30, 60)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")
_TOKEN = re.compile(r"[0-9a-f]{32}")
_TOKEN_META = "team_token:"  # + week + ":" + team name -> 32 hex digits


class AggregateError(Exception):
    """Summaries that cannot be combined. ``problems`` holds one line per problem, each
    naming a file (or the group) and never a value read from a file."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Summary:
    source: str
    team: str
    week: str
    work_days: int
    days_met: int
    bucket: str
    token: str


@dataclass(frozen=True)
class TeamFigures:
    team: str
    week: str
    members: int
    share_met: float  # 0..1: days met / work days, averaged over members
    most_days: int  # members who met the goal on more than half of their work days
    histogram: dict[str, int]  # bucket -> members, in BUCKETS order


def clean_name(value: Any) -> str | None:
    """A team name as written in files: one line of at most NAME_MAX characters."""
    ok = isinstance(value, str) and value.strip() and len(value) <= NAME_MAX
    return value.strip() if ok and not _CONTROL.search(value) else None


def bucket(minutes_per_day: float) -> str:
    """The coarse bucket of an average: 14.99 min is "0-15", 15 min is "15-30"."""
    for edge, name in zip(_BUCKET_EDGES, BUCKETS, strict=False):
        if minutes_per_day < edge:
            return name
    return BUCKETS[-1]


def summary_text(summary: Mapping[str, object]) -> str:
    """The file's exact text, the same string shown to the user and written."""
    return json.dumps(dict(summary), indent=2, ensure_ascii=False) + "\n"


def _token_key(team: str, week: str) -> str:
    return f"{_TOKEN_META}{week}:{team}"


def token_for(store: Store, team: str, week: str) -> str:
    """The token of this team and week: the one remembered, or a fresh random one (not yet
    remembered: see ``remember_token``). Never derived from anything about the user."""
    import secrets  # here: it loads OpenSSL (~4 MB), which the tray need not carry

    return store.meta().get(_token_key(team, week)) or secrets.token_hex(16)


def remember_token(store: Store, team: str, week: str, token: str) -> None:
    """Keep the token so that writing the same week again gives the same file."""
    store.set_meta(_token_key(team, week), token)


def forget_tokens(store: Store) -> None:
    """Forget every remembered token, of every team and week (on leaving a team)."""
    with store.atomic():
        for key in [k for k in store.meta() if k.startswith(_TOKEN_META)]:
            store.set_meta(key, None)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _valid_week(value: Any) -> bool:
    match = _WEEK.fullmatch(value) if isinstance(value, str) else None
    return match is not None and iso_week(int(match[1]), int(match[2])) is not None


def check_summary(doc: Any, source: str) -> tuple[Summary | None, list[str]]:
    """Check one parsed summary; the problems name keys, never values."""
    if not isinstance(doc, dict):
        message = translate("team_summary", "{source}: not a team summary (expected a JSON object)")
        return None, [message.format(source=source)]
    problems = []
    for key in doc:
        if key not in SUMMARY_KEYS:
            shown = repr(key) if len(key) <= 40 else repr(key[:37] + "...")
            message = translate(
                "team_summary", "{source}: unexpected key {key} (a summary holds nothing else)"
            )
            problems.append(message.format(source=source, key=shown))
    for key in SUMMARY_KEYS:
        if key not in doc:
            message = translate("team_summary", "{source}: key {key} is missing")
            problems.append(message.format(source=source, key=repr(key)))
    buckets = ", ".join(f'"{b}"' for b in BUCKETS)
    rules: dict[str, tuple[bool, str]] = {
        "format": (
            doc.get("format") == SUMMARY_FORMAT,
            translate("team_summary", 'must be "{value}"').format(value=SUMMARY_FORMAT),
        ),
        "version": (
            _int(doc.get("version")) and doc["version"] == SUMMARY_VERSION,
            translate(
                "team_summary", "must be {value} (a newer socialtime may have written this file)"
            ).format(value=SUMMARY_VERSION),
        ),
        "team": (
            isinstance(doc.get("team"), str) and clean_name(doc["team"]) == doc["team"],
            translate("team_summary", "must be the team's name"),
        ),
        "week": (
            _valid_week(doc.get("week")),
            translate("team_summary", "must be an ISO week such as 2026-W48"),
        ),
        "work_days": (
            _int(doc.get("work_days")) and 1 <= doc["work_days"] <= 7,
            translate("team_summary", "must be a whole number from 1 to 7"),
        ),
        "days_met": (
            _int(doc.get("days_met"))
            and 0 <= doc["days_met"] <= (doc["work_days"] if _int(doc.get("work_days")) else 7),
            translate("team_summary", "must be a whole number from 0 to work_days"),
        ),
        "social_minutes_per_work_day": (
            doc.get("social_minutes_per_work_day") in BUCKETS,
            translate("team_summary", "must be one of {values}").format(values=buckets),
        ),
        "token": (
            isinstance(doc.get("token"), str) and bool(_TOKEN.fullmatch(doc["token"])),
            translate("team_summary", "must be 32 hexadecimal digits"),
        ),
    }
    for key, (ok, rule) in rules.items():
        if key in doc and not ok:
            message = translate("team_summary", "{source}: key {key} {rule}")
            problems.append(message.format(source=source, key=repr(key), rule=rule))
    if problems:
        return None, problems
    return Summary(
        source,
        doc["team"],
        doc["week"],
        doc["work_days"],
        doc["days_met"],
        doc["social_minutes_per_work_day"],
        doc["token"],
    ), []


def read_summary(path: Path) -> tuple[Summary | None, list[str]]:
    """Read and check one summary file; a damaged or truncated file is a problem, not a crash.

    Through the bounded reader (socialtime.base.files): a regular file of at most MAX_FILE_BYTES,
    UTF-8, JSON of at most ``files.MAX_DEPTH`` levels."""
    source = str(path)
    try:
        doc = files.read_json(Path(path), MAX_FILE_BYTES)
    except files.ReadError as e:
        message = translate("team_summary", "{source}: {problem}")
        return None, [message.format(source=source, problem=file_problems.problem(e))]
    return check_summary(doc, source)


def aggregate(summaries: Sequence[Summary], min_group: int = MIN_GROUP) -> TeamFigures:
    """The team's figures; AggregateError for duplicates, mixed teams or weeks, too few."""
    if min_group < MIN_GROUP:
        message = translate("team_summary", "the minimum group is never below {minimum}")
        raise ValueError(message.format(minimum=MIN_GROUP))
    problems = []
    seen: dict[str, Summary] = {}
    first = summaries[0] if summaries else None
    for s in summaries:
        if s.token in seen:
            message = translate(
                "team_summary",
                "{source}: the same summary as {other} (same token); "
                "give each member's summary once",
            )
            problems.append(message.format(source=s.source, other=seen[s.token].source))
            continue
        seen[s.token] = s
        if first is not None and s.team != first.team:
            message = translate("team_summary", "{source}: for another team than {other}")
            problems.append(message.format(source=s.source, other=first.source))
        elif first is not None and s.week != first.week:
            message = translate("team_summary", "{source}: for another week than {other}")
            problems.append(message.format(source=s.source, other=first.source))
    if problems:
        raise AggregateError(problems)
    if len(seen) < min_group:
        message = translate(
            "team_summary",
            "only %n distinct summaries; team figures need at least {minimum} "
            "of the same team and week, so that no one person can be seen",
            None,
            len(seen),
        )
        raise AggregateError([message.format(minimum=min_group)])
    members = list(seen.values())
    assert first is not None
    return TeamFigures(
        team=first.team,
        week=first.week,
        members=len(members),
        share_met=sum(s.days_met / s.work_days for s in members) / len(members),
        most_days=sum(1 for s in members if 2 * s.days_met > s.work_days),
        histogram={b: sum(1 for s in members if s.bucket == b) for b in BUCKETS},
    )


def render(figures: TeamFigures) -> str:
    """The figures for the terminal: group totals only, one line per bucket."""
    n = figures.members  # never below MIN_GROUP: no singular to write
    head = translate("team_summary", 'Team "{team}", {week}: {members} members')
    met = translate(
        "team_summary",
        "Goal met on {percent} of work days (each member's days met / work days, averaged)",
    )
    most = translate(
        "team_summary", "Members who met the goal on most of their work days: {count} of {members}"
    )
    lines = [
        head.format(team=figures.team, week=iso_week_label(figures.week), members=n),
        met.format(percent=i18n.format_percent(100 * figures.share_met)),
        most.format(count=figures.most_days, members=n),
        translate("team_summary", "Average social time per work day (members):"),
    ]
    for name, count in figures.histogram.items():
        lines.append(f"  {name + ' min':<10} {'#' * count:<{n}}  {count}")
    return "\n".join(lines) + "\n"
