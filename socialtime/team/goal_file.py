"""Team goals that share no data (promise 8): the team goal file, joining and leaving it,
and the team the organisation's policy offers.

A team agrees on a goal and shares a small TOML file; each member joins by copying it into
their own data directory. From then on the goal is measured on each member's computer exactly
like a personal goal (``goals.day_results``) and only the member sees the result
(``week.progress_lines``). Nothing is sent anywhere. If a member wants to, they write a
*summary* of one week (``week.build_summary``) — the file's whole content is shown to
them first — and hand it to whoever combines the team's summaries (``summary.aggregate``). A
summary holds only coarse figures and a random token that lets the aggregation count each
member's week once without telling whose it is; a new token is drawn for every team and week,
so two weeks' summaries of one person cannot be linked (``summary``).

The team file::

    team = "Design team"          # required, shown in every summary
    agreed = 2026-11-02           # required: the date the team agreed on the goal
    note = "Fridays are free."    # optional
    [goals]                       # required: the keys of a personal [goals] table
    daily_minutes = 30
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialtime.base import file_problems, files, i18n
from socialtime.base.files import write_private
from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_duration, translate
from socialtime.insights.goals import Goals, has_daily_goal, parse_goals
from socialtime.settings import ConfigError
from socialtime.team.summary import MAX_FILE_BYTES, clean_name, forget_tokens

if TYPE_CHECKING:
    from socialtime.recording.store import Store
    from socialtime.settings import Policy

TEAM_FILE = "team.toml"
LEFT_FILE = "teams-left.json"  # the organisation's teams the user left: file and agreed date
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class TeamError(Exception):
    """The team file or a summary cannot be used; the message says which file and why.

    ``problem`` is the why alone (the message without the file), for an error that names the
    file elsewhere."""

    def __init__(self, message: str, problem: str = "") -> None:
        super().__init__(message)
        self.problem = problem or message


@dataclass(frozen=True)
class Team:
    name: str
    agreed: date
    goals: Goals
    note: str = ""
    # Set when the organisation's policy offers this team (team.goal_file) and the user has
    # not joined one of their own: the policy source, and the goal file it names.
    offered_by: str | None = None
    goal_file: Path | None = None

    @property
    def from_organisation(self) -> bool:
        return self.offered_by is not None


# -- the team file ------------------------------------------------------------------------

_FIELDS = {
    "team": QT_TRANSLATE_NOOP(
        "team", "the team's name, a non-empty string of at most 80 characters on one line"
    ),
    "agreed": QT_TRANSLATE_NOOP("team", "the date the team agreed on the goal, such as 2026-11-02"),
    "goals": QT_TRANSLATE_NOOP(
        "team", "a table of goals ([goals]) with daily_minutes, sites or focus"
    ),
    "note": QT_TRANSLATE_NOOP(
        "team", "a text of at most 1000 characters (no control characters but line breaks)"
    ),
}


def _expected(key: str) -> str:
    """What the team file's ``key`` must hold, in the user's language."""
    text = _FIELDS[key]
    return translate("team", text)


def _agreed(value: Any) -> date | None:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def parse_team(data: Mapping[str, Any], source: str) -> tuple[Team | None, list[ConfigError]]:
    """Check a parsed team file; every problem is collected, each naming its key."""
    errors: list[ConfigError] = []
    for key, value in data.items():
        if key not in _FIELDS:
            import difflib  # here: only for a misspelt key

            close = difflib.get_close_matches(str(key), list(_FIELDS), n=1)
            if close:
                reason = translate("team", "unknown key, did you mean {key}?")
                reason = reason.format(key=repr(close[0]))
            else:
                reason = translate("team", "unknown key")
            expected = translate("team", "one of {keys}").format(keys=", ".join(_FIELDS))
            errors.append(ConfigError(source, str(key), value, expected, reason))
    for key in ("team", "agreed", "goals"):
        if key not in data:
            missing = translate("team", "missing")
            errors.append(ConfigError(source, key, None, _expected(key), missing))
    name = clean_name(data.get("team"))
    if "team" in data and name is None:
        errors.append(ConfigError(source, "team", data["team"], _expected("team")))
    agreed = _agreed(data.get("agreed"))
    if "agreed" in data and agreed is None:
        errors.append(ConfigError(source, "agreed", data["agreed"], _expected("agreed")))
    note = data.get("note", "")
    if not isinstance(note, str) or len(note) > 1000 or _CONTROL.search(note.replace("\n", " ")):
        errors.append(ConfigError(source, "note", note, _expected("note")))
    goals = Goals()
    table = data.get("goals")
    if "goals" in data and not isinstance(table, Mapping):
        errors.append(ConfigError(source, "goals", table, _expected("goals")))
    elif isinstance(table, Mapping):
        goals, goal_errors = parse_goals(table, source, key_prefix="goals")
        errors.extend(goal_errors)
        if not goal_errors and not has_daily_goal(goals):
            # A summary tells on how many days the goal was met: a weekly budget alone
            # judges no day, so it may come with a daily goal but not stand alone.
            reason = translate(
                "team",
                "a team goal needs a goal that judges each day (daily_minutes, sites or focus)",
            )
            errors.append(ConfigError(source, "goals", None, _expected("goals"), reason))
    if errors or name is None or agreed is None:
        return None, errors
    return Team(name, agreed, goals, note.strip() if isinstance(note, str) else ""), errors


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    """The text of a team file and its TOML document, through the bounded reader
    (socialtime.base.files: a regular file of at most MAX_FILE_BYTES, UTF-8, at most
    ``files.MAX_DEPTH`` levels); TeamError naming the file otherwise."""
    try:
        text = files.read_text(path, MAX_FILE_BYTES)
        return text, files.parse_toml(text, path)
    except files.ReadError as e:
        problem = file_problems.problem(e)
        message = translate("team", "{file}: {problem}").format(file=path, problem=problem)
        raise TeamError(message, problem) from None


def load_team(path: Path) -> tuple[Team | None, list[ConfigError]]:
    """Read and check a team file. Never raises for a bad file: the errors say what is wrong."""
    source = str(path)
    try:
        _, data = _read(Path(path))
    except TeamError as e:
        return None, [ConfigError(source, "", None, e.problem)]
    return parse_team(data, source)


def team_path(data_dir: Path) -> Path:
    return Path(data_dir) / TEAM_FILE


def join_team(source: Path, data_dir: Path) -> tuple[Team | None, list[ConfigError]]:
    """Check ``source`` and, when it is a good team file, copy it as it is (comments too) to
    the data directory. The bytes checked are the bytes copied."""
    source = Path(source)
    try:
        text, data = _read(source)
    except TeamError as e:
        return None, [ConfigError(str(source), "", None, e.problem)]
    team, errors = parse_team(data, str(source))
    if team is None:
        return None, errors
    data_dir = Path(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(team_path(data_dir), text)
    return team, []


def current_team(
    data_dir: Path, policy: Policy | None = None
) -> tuple[Team | None, list[ConfigError]]:
    """The team in force, (None, []) when none; a damaged file gives its errors.

    The team the user joined themself always wins. Without one, the team whose goal file the
    organisation's ``policy`` names (``team.goal_file``), unless the user left it: such a
    team has ``offered_by`` set. The CLI and the Team tab both ask here."""
    path = team_path(data_dir)
    if path.exists():
        return load_team(path)
    goal_file = policy.team_goal_file if policy is not None else None
    if policy is None or goal_file is None:
        return None, []
    team, errors = load_team(goal_file)
    if _has_left(data_dir, goal_file, team.agreed if team else None):
        return None, []
    if team is None:
        return None, errors
    entry = policy.entry("team.goal_file")
    source = entry.source if entry else ""
    return dataclasses.replace(team, offered_by=source, goal_file=goal_file), []


def _left_path(data_dir: Path) -> Path:
    return Path(data_dir) / LEFT_FILE


def _left(data_dir: Path) -> list[dict[str, Any]]:
    """The organisation teams left; a damaged record counts as none (they are offered again,
    which the user can undo in one command)."""
    try:
        data = files.read_json(_left_path(data_dir), files.SETTINGS_LIMIT)
    except files.ReadError:
        return []
    items = data.get("left") if isinstance(data, dict) else None
    return [item for item in items or () if isinstance(item, dict)]


def _left_key(goal_file: Path, agreed: date | None) -> dict[str, Any]:
    return {"file": str(goal_file), "agreed": agreed.isoformat() if agreed else None}


def _has_left(data_dir: Path, goal_file: Path, agreed: date | None) -> bool:
    """A team is the goal file *and* its agreed date: a goal agreed anew is offered again."""
    return _left_key(goal_file, agreed) in _left(data_dir)


def _remember_left(data_dir: Path, goal_file: Path, agreed: date | None) -> None:
    data_dir = Path(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    left = [*_left(data_dir), _left_key(goal_file, agreed)]
    write_private(_left_path(data_dir), json.dumps({"left": left}, indent=1) + "\n")


def leave_team(data_dir: Path, store: Store | None, policy: Policy | None = None) -> bool:
    """Leave the team in force: remove the team file the user joined, or else remember that
    they left the organisation's team (so it is not offered again); forget the summary
    tokens either way. False when there was no team to leave."""
    path = team_path(data_dir)
    existed = path.exists()
    path.unlink(missing_ok=True)
    if not existed and policy is not None and policy.team_goal_file is not None:
        goal_file = policy.team_goal_file
        team, _ = load_team(goal_file)  # a damaged file is left as it is: under no date
        agreed = team.agreed if team else None
        if not _has_left(data_dir, goal_file, agreed):
            _remember_left(data_dir, goal_file, agreed)
            existed = True
    if store is not None:
        forget_tokens(store)
    return existed


def summaries_allowed(policy: Policy | None) -> tuple[bool, str]:
    """May the user write a weekly team summary? (allowed, the reason when not).

    An organisation may switch summaries off (``team.summaries_allowed = false``): that
    only ever keeps data from leaving the computer."""
    entry = policy.entry("team.summaries_allowed") if policy is not None else None
    if entry is None or entry.value:
        return True, ""
    reason = translate(
        "team",
        "Team summaries are switched off by your organisation's policy ({source}). "
        "Your own progress is still shown to you, and only to you.",
    )
    return False, reason.format(source=entry.source)


# -- plain words --------------------------------------------------------------------------


def _minutes(n: int) -> str:
    return format_duration(n * 60)


def describe_goals(goals: Goals) -> list[str]:
    """Each goal as a short sentence, for the terminal and the Team tab."""
    lines = []
    if goals.daily_minutes is not None:
        text = translate("team", "at most {duration} of social time a work day")
        lines.append(text.format(duration=_minutes(goals.daily_minutes)))
    for site, minutes in sorted(goals.site_daily_minutes.items()):
        text = translate("team", "at most {duration} a work day on {site}")
        lines.append(text.format(duration=_minutes(minutes), site=site))
    for period in goals.focus:
        start, _, end = str(period).partition("-")
        text = translate("team", "no social time from {start} to {end}")
        lines.append(text.format(start=start, end=end))
    if goals.weekly_minutes is not None:
        text = translate("team", "at most {duration} of social time a week")
        lines.append(text.format(duration=_minutes(goals.weekly_minutes)))
    return lines


def describe_team(team: Team) -> list[str]:
    head = translate("team", 'Team goal of "{name}", agreed on {date}:')
    lines = [head.format(name=team.name, date=i18n.format_date(team.agreed, "numeric"))]
    lines += [f"  - {line}" for line in describe_goals(team.goals)]
    if team.note:
        lines.append("  " + translate("team", "Note: {note}").format(note=team.note))
    return lines
