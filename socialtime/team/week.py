"""One week of the user against their team goal (promise 8): their own progress, for their
eyes only, and the voluntary summary they may write of it.

Both are computed on the user's computer from their own store, exactly like a personal goal
(``goals.day_results``). The progress is shown and nothing else happens to it. A summary is
written only when the user asks, after being shown the file's whole content; what it may
hold, how it is checked and how the team's summaries are combined is in
``socialtime.team.summary``.

Only the days that say something about the goal count (``counted_days``): the work days that
are over and have recorded time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from socialtime.base import i18n
from socialtime.base.files import write_private
from socialtime.base.i18n import format_duration, translate
from socialtime.insights import report
from socialtime.insights.goals import DayResult, day_results
from socialtime.recording.store import Store
from socialtime.rules.periods import (
    Period,
    iso_week_label,
    previous_week,
    week_name,
    week_of_label,
)
from socialtime.rules.work_hours import WorkHours
from socialtime.team.goal_file import Team, TeamError
from socialtime.team.summary import (
    SUMMARY_FORMAT,
    SUMMARY_VERSION,
    bucket,
    remember_token,
    summary_text,
    token_for,
)

# -- weeks and progress -------------------------------------------------------------------


def week_label(period: Period) -> str:
    """The ISO week's name, as a summary holds it and ``--week`` takes it: "2026-W48"."""
    return week_name(period.first)


def last_week(today: date) -> Period:
    """The last complete ISO week: the default week of a summary."""
    return previous_week(today)


def recorded_days(store: Store, period: Period) -> set[date]:
    """The days of ``period`` with some recorded time."""
    doc: dict[str, Any] = report.build(store, period)
    return {date.fromisoformat(d["date"]) for d in doc["days"] if d["active_seconds"] > 0}


def counted_days(results: Sequence[DayResult], today: date, recorded: set[date]) -> list[DayResult]:
    """The work days that count in a summary: over (a day still running is not judged yet)
    and recorded. A work day with nothing recorded — socialtime not running, a sick day, a
    holiday not entered as a day off — says nothing about the goal, so it is left out rather
    than counted as met."""
    return [r for r in results if r.work_day and r.day < today and r.day in recorded]


@dataclass(frozen=True)
class ProgressRow:
    """One work day of the user's progress: its social time and whether the goal was met
    (``met`` None: it cannot say yet, or nothing was recorded)."""

    day: date
    social_seconds: float
    met: bool | None
    state: str  # "met", "not_met", "so_far" (today), "unrecorded" (nothing recorded)

    def day_text(self) -> str:
        """ "Mon 30 Nov" / "lun. 30 nov."."""
        return (
            f"{i18n.weekday_name(self.day.weekday(), short=True)} {self.day.day:02d} "
            f"{i18n.month_name(self.day.month, short=True)}"
        )


@dataclass(frozen=True)
class Progress:
    head: str  # "Your progress, week of 30 November 2026 (only you see this):"
    rows: list[ProgressRow]
    notes: list[str]  # what the week adds up to, a sentence each


def progress(
    store: Store, team: Team, work_hours: WorkHours, period: Period, today: date
) -> Progress:
    """The user's own progress against the team goal, day by day: for their eyes only."""
    shown = Period(period.first, min(period.last, today))
    results = day_results(store, team.goals, work_hours, shown.first, shown.last)
    recorded = recorded_days(store, shown)
    head = translate("team", "Your progress, {week} (only you see this):")
    rows = []
    for r in results:
        if not r.work_day:
            continue
        if r.day == today:
            rows.append(ProgressRow(r.day, r.social_seconds, None, "so_far"))
        elif r.day in recorded:
            rows.append(ProgressRow(r.day, r.social_seconds, r.met, "met" if r.met else "not_met"))
        else:
            rows.append(ProgressRow(r.day, r.social_seconds, None, "unrecorded"))
    notes = []
    done = counted_days(results, today, recorded)
    if not any(r.work_day for r in results):
        notes.append(translate("team", "No work day yet this week."))
    elif done:
        met = sum(1 for r in done if r.met)
        text = translate(
            "team", "Goal met on {met} of %n recorded work day(s) that are over.", None, len(done)
        )
        notes.append(text.format(met=met))
    if team.goals.weekly_minutes is not None:
        total = sum(r.social_seconds for r in results if r.work_day)
        limit = format_duration(team.goals.weekly_minutes * 60)
        text = translate("team", "This week: {total} of social time (goal: at most {limit}).")
        notes.append(text.format(total=format_duration(total), limit=limit))
    return Progress(head.format(week=week_of_label(period.first)), rows, notes)


def progress_lines(
    store: Store, team: Team, work_hours: WorkHours, period: Period, today: date
) -> list[str]:
    """progress() for the terminal: the head, a line per work day, then the notes."""
    shown = progress(store, team, work_hours, period, today)
    words = {
        "met": translate("team", "goal met"),
        "not_met": translate("team", "goal not met"),
        "so_far": translate("team", "(so far)"),
        "unrecorded": translate("team", "nothing recorded"),
    }
    line = translate("team", "{day}  {duration} social  {state}")
    lines = [shown.head]
    for row in shown.rows:
        duration = f"{format_duration(row.social_seconds):>10}"
        text = line.format(day=row.day_text(), duration=duration, state=words[row.state])
        lines.append(f"  {text}".rstrip())
    return lines + ["  " + note for note in shown.notes]


# -- the voluntary weekly summary ---------------------------------------------------------


def build_summary(
    store: Store, team: Team, work_hours: WorkHours, period: Period, today: date
) -> dict[str, object]:
    """The summary of one week, exactly as it would be written (see SUMMARY_KEYS).

    Work days are those that ``counted_days`` keeps; the bucket is the average social time
    over them. TeamError when the week has no such day.
    """
    week = week_label(period)
    results = day_results(store, team.goals, work_hours, period.first, period.last)
    done = counted_days(results, today, recorded_days(store, period))
    if not done:
        message = translate(
            "team",
            "{week} has no work day that is over and has recorded time: nothing to summarise",
        )
        raise TeamError(message.format(week=week_of_label(period.first)))
    average = sum(r.social_seconds for r in done) / len(done) / 60
    return {
        "format": SUMMARY_FORMAT,
        "version": SUMMARY_VERSION,
        "team": team.name,
        "week": week,
        "work_days": len(done),
        "days_met": sum(1 for r in done if r.met),
        "social_minutes_per_work_day": bucket(average),
        "token": token_for(store, team.name, week),
    }


def save_summary(store: Store, summary: Mapping[str, object], path: Path) -> str:
    """Remember the token, then write the summary; returns the text written."""
    remember_token(store, str(summary["team"]), str(summary["week"]), str(summary["token"]))
    text = summary_text(summary)
    write_private(path, text)
    return text


def summary_sentences(summary: Mapping[str, object]) -> list[str]:
    """What a summary file says, as sentences a person reads before saving it (the file's
    exact text is one click away): the team, the week as a date, the days, the range, and what
    the code is for. ``summary`` is build_summary's (or the file read back)."""
    week = iso_week_label(str(summary.get("week", "")))
    days, met = int(str(summary.get("work_days", 0))), int(str(summary.get("days_met", 0)))
    low, _, high = str(summary.get("social_minutes_per_work_day", "")).partition("-")
    if high:
        spread = translate("team", "between {low} and {high} min").format(low=low, high=high)
    else:  # "60+"
        spread = translate("team", "more than {low} min").format(low=low.rstrip("+"))
    head = translate("team", 'For the team "{team}", {week}.')
    days_met = translate("team", "You met the goal on {met} of %n work day(s).", None, days)
    spread_text = translate(
        "team", "Your social time was {spread} per work day (a range, not the exact figure)."
    )
    code = translate(
        "team",
        "A random code, new every week, lets your team count each summary once without "
        "knowing whose it is.",
    )
    return [
        head.format(team=summary.get("team"), week=week),
        days_met.format(met=met),
        spread_text.format(spread=spread),
        code,
    ]
