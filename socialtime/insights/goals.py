"""Personal goals: which work days met them, the current streak, progress in plain words.

Goals are voluntary and the user's own (promise 7): a daily budget for all social time, daily
budgets per site, focus periods with no social time, and a weekly budget. The types and their
TOML form live in socialtime.settings, next to the schema that checks them (one source of truth
for what a file may hold, team goal files included); this module measures them.

A work day is *met* when its social time stays within the daily budget and every per-site
budget, and no social time fell in a focus period. "Within" includes the limit itself: 30 min of
a 30 min budget is met. A focus period forgives ``FOCUS_GRACE_SECONDS``, because the tracker
attributes the seconds since its last look to what it sees now, so a site brought to the front
a moment before a focus period begins can spill a few seconds into it. The weekly budget is
about the week as a whole and judges no single day.

Days are local calendar days, as in socialtime.insights.report, so that the dashboard, the report
and the goals never disagree about a day's figures.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_duration, translate
from socialtime.insights import report
from socialtime.insights.why import FOCUS_GRACE_SECONDS, Miss, day_misses
from socialtime.recording.store import Store
from socialtime.rules import periods
from socialtime.rules.periods import Period
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Goals, NudgeSettings, dump_goals, parse_goals

__all__ = [
    "FOCUS_GRACE_SECONDS",
    "DayResult",
    "Goals",
    "NudgeSettings",
    "Overview",
    "current_streak",
    "day_results",
    "dump_goals",
    "first_recorded_day",
    "focus_intervals",
    "focus_seconds",
    "has_daily_goal",
    "is_work_day",
    "overview",
    "overview_text",
    "parse_goals",
    "progress_text",
    "streak",
]

_STREAK_WINDOW = 35  # days read at a time when looking back for the start of a streak


@dataclass(frozen=True)
class DayResult:
    day: date
    work_day: bool  # False: a day off or a weekday without work hours; never met or missed
    social_seconds: float
    met: bool | None  # None when no daily goal applies or it is not a work day
    misses: tuple[Miss, ...] = ()  # why it was not met (socialtime.insights.why)


def is_work_day(work_hours: WorkHours, day: date) -> bool:
    return bool(work_hours.days[day.weekday()]) and day not in work_hours.days_off


def has_daily_goal(goals: Goals) -> bool:
    """Whether any goal judges a single day (the weekly budget does not)."""
    return goals.daily_minutes is not None or bool(goals.site_daily_minutes or goals.focus)


def focus_intervals(
    goals: Goals, work_hours: WorkHours, start: float, end: float
) -> list[tuple[float, float]]:
    """The instants of the focus periods of work days inside ``[start, end)``.

    The focus periods are converted exactly like work hours (date by date, DST-safe), by a
    WorkHours that has them on every work day.
    """
    if not goals.focus:
        return []
    days = tuple(goals.focus if ranges else () for ranges in work_hours.days)
    return WorkHours(days, work_hours.days_off, work_hours.tz).intervals_inside(start, end)


def _focus_seconds(
    store: Store, intervals: Sequence[tuple[float, float]], start: float, end: float
) -> dict[date, float]:
    """Social seconds inside the focus ``intervals``, per local day."""
    out: dict[date, float] = {}
    if not intervals:
        return out
    ends = [b for _, b in intervals]
    for span in store.spans(start, end):
        if span.site is None:
            continue
        for a, b in intervals[bisect.bisect_right(ends, span.start) :]:
            if a >= span.end:
                break
            day = periods.local_day(a)
            out[day] = out.get(day, 0.0) + min(b, span.end) - max(a, span.start)
    return out


def focus_seconds(
    store: Store, goals: Goals, work_hours: WorkHours, period: Period
) -> dict[date, float]:
    """Social seconds inside the focus periods of ``period``'s work days, per local day."""
    start, end = period.bounds()
    return _focus_seconds(store, focus_intervals(goals, work_hours, start, end), start, end)


def day_results(
    store: Store,
    goals: Goals,
    work_hours: WorkHours,
    first: date,
    last: date,
    doc: Mapping[str, object] | None = None,
) -> list[DayResult]:
    """One result per day from ``first`` to ``last`` (inclusive), judged as the module doc
    says, with the goals each missed day missed. A day still running is judged on what it
    holds so far; callers that need finished days only (summaries, streaks) compare with today
    themselves. ``doc``: the report of exactly that period, when the caller has it already."""
    if last < first:
        return []
    period = Period(first, last)
    if doc is None:
        doc = report.build(store, period)
    focus = focus_seconds(store, goals, work_hours, period)
    daily = has_daily_goal(goals)
    results = []
    for day, figures in zip(period.days(), doc["days"], strict=True):  # type: ignore[call-overload]
        work = is_work_day(work_hours, day)
        social = float(figures["social_seconds"])
        met: bool | None = None
        misses: tuple[Miss, ...] = ()
        if work and daily:
            misses = tuple(day_misses(goals, figures, focus.get(day, 0.0)))
            met = not misses
        results.append(DayResult(day, work, social, met, misses))
    return results


def streak(results: Sequence[DayResult], today: date) -> int:
    """How many work days in a row met the goals, ending today or on the work day before.

    Days off are skipped without breaking the streak. Today is still running: it adds one
    when its goals hold so far and, when they do not, the streak up to yesterday stands (it
    ends tomorrow). Days after ``today`` are ignored.
    """
    count = 0
    for result in sorted((r for r in results if r.day <= today), key=lambda r: r.day, reverse=True):
        if not result.work_day:
            continue
        if result.met:
            count += 1
        elif result.day != today:
            break
    return count


def first_recorded_day(store: Store) -> date | None:
    """The local day of the oldest span: days before it were not recorded, so they are
    neither met nor missed."""
    start = store.first_start()
    return None if start is None else periods.local_day(start)


def current_streak(store: Store, goals: Goals, work_hours: WorkHours, today: date) -> int:
    """``streak`` over as many days as it takes, from the first recorded day at the earliest.
    Reads a few weeks at a time, so a long streak costs more than a short one, never a year."""
    first = first_recorded_day(store)
    if first is None or not has_daily_goal(goals):
        return 0
    results: list[DayResult] = []
    last = today
    while last >= first:
        start = max(first, last - timedelta(days=_STREAK_WINDOW - 1))
        results = day_results(store, goals, work_hours, start, last) + results
        count = streak(results, today)
        older = [r for r in results if r.day < today and r.work_day]
        if not all(r.met for r in older):  # the streak stopped inside what was read
            return count
        last = start - timedelta(days=1)
    return streak(results, today)


def progress_text(goals: Goals, social_seconds: float) -> str | None:
    """ "24 min of your 30 min" for the tray; None without a daily budget."""
    if goals.daily_minutes is None:
        return None
    text = translate("goals", "{spent} of your {budget}")
    return text.format(
        spent=format_duration(social_seconds), budget=format_duration(goals.daily_minutes * 60)
    )


# -- the dashboard's Goals tab ------------------------------------------------------------

# Marked here, translated where shown; the sentences with a count are translate() calls with
# their count (plural forms) in overview_text.
_TEXT = {
    "none": QT_TRANSLATE_NOOP(
        "goals",
        "No goals yet. A daily budget, budgets per site, focus periods or a weekly budget: "
        "choose one with “Set a goal…” (Settings, Goals), and the days you meet it show on "
        "this calendar. Only you see them.",
    ),
    "week": QT_TRANSLATE_NOOP("goals", "This week: {social} of your {budget}."),
}


def _text(key: str) -> str:
    text = _TEXT[key]
    return translate("goals", text)


@dataclass(frozen=True)
class Overview:
    """The current month's days met, the streak and the week's progress, for the dashboard."""

    today: date
    month: Period
    results: Mapping[date, DayResult]  # the month's recorded days up to today
    streak: int
    week_social: float  # social seconds of the ISO week holding today

    def cell(self, day: date) -> str:
        """How the calendar shows ``day``: "met", "missed", "today" (holding so far), "off"
        (no work hours), "none" (no daily goal), "unrecorded" or "future"."""
        if day > self.today:
            return "future"
        result = self.results.get(day)
        if result is None:
            return "unrecorded"
        if not result.work_day:
            return "off"
        if result.met is None:
            return "none"
        if result.met:
            return "today" if day == self.today else "met"
        return "missed"

    def judged(self) -> list[DayResult]:
        """The finished work days of the month that a daily goal judged."""
        return [r for r in self.results.values() if r.met is not None and r.day < self.today]


def overview(store: Store, goals: Goals, work_hours: WorkHours, now: float) -> Overview:
    today = periods.local_day(now)
    month = periods.month_of(today)
    recorded = first_recorded_day(store)
    results: dict[date, DayResult] = {}
    if recorded is not None:
        for result in day_results(store, goals, work_hours, max(month.first, recorded), today):
            results[result.day] = result
    week = report.build(store, periods.week_of(today))
    return Overview(
        today=today,
        month=month,
        results=results,
        streak=current_streak(store, goals, work_hours, today),
        week_social=float(week["social_seconds"]),  # type: ignore[arg-type]
    )


def overview_text(data: Overview, goals: Goals) -> str:
    """The sentence above the calendar."""
    if goals.is_empty():
        return _text("none")
    parts = []
    if has_daily_goal(goals):
        streak = data.streak
        parts.append(
            translate("goals", "Current streak: %n work day(s) with your goals met.", None, streak)
        )
        judged = data.judged()
        if judged:
            met = sum(1 for r in judged if r.met)
            text = translate(
                "goals",
                "This month: goals met on {met} of %n work day(s) so far.",
                None,
                len(judged),
            )
            parts.append(text.format(met=met))
    if goals.weekly_minutes is not None:
        budget = format_duration(goals.weekly_minutes * 60)
        parts.append(_text("week").format(social=format_duration(data.week_social), budget=budget))
    return " ".join(parts)
