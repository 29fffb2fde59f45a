"""The weekly reflection: last week against the one before, the goals met, one suggestion.

Research on self-monitoring finds a short look back once a week more useful than raw logs, and
a suggestion more useful than a figure, so the reflection ends with one concrete idea drawn from
the user's own week: a first daily goal when there is none, a budget for the site that took
most of the time, or a focus period at the hour when social time was highest. The figures come
from socialtime.insights.report, like every other figure shown. Neutral words: time is described,
the user decides what to make of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_duration, translate
from socialtime.insights import report, stats
from socialtime.insights.goals import day_results, first_recorded_day, has_daily_goal, is_work_day
from socialtime.recording.store import Store
from socialtime.rules.periods import previous_week
from socialtime.settings import Config, Goals

# Marked here, translated where shown (_text); the sentence with a count (plural forms) is a
# translate() call in reflection().
_TEXT = {
    "title": QT_TRANSLATE_NOOP("reflection", "Your last week"),
    "social": QT_TRANSLATE_NOOP("reflection", "Last week: {social} on social sites."),
    "less": QT_TRANSLATE_NOOP(
        "reflection", "Last week: {social} on social sites, {diff} less than the week before."
    ),
    "more": QT_TRANSLATE_NOOP(
        "reflection", "Last week: {social} on social sites, {diff} more than the week before."
    ),
    "same": QT_TRANSLATE_NOOP(
        "reflection", "Last week: {social} on social sites, about the same as the week before."
    ),
    "weekly": QT_TRANSLATE_NOOP("reflection", "Weekly goal: {social} of your {budget}."),
    "first_goal": QT_TRANSLATE_NOOP(
        "reflection",
        "Idea: you spent {average} a work day on social sites; a daily goal of {target} "
        "(Settings, Goals) would be a first step.",
    ),
    "site_budget": QT_TRANSLATE_NOOP(
        "reflection", "Idea: {site} took {seconds} of it; a daily budget for {site} could help."
    ),
    "focus": QT_TRANSLATE_NOOP(
        "reflection",
        "Idea: most of it fell between {start} and {end}; a focus period at that time could help.",
    ),
    "top_site": QT_TRANSLATE_NOOP("reflection", "Most of it was on {site} ({seconds})."),
}


def _text(key: str) -> str:
    text = _TEXT[key]
    return translate("reflection", text)


def suggestion(
    goals: Goals,
    social: float,
    work_days: int,
    sites: Mapping[str, float],
    hours: Sequence[float],
    names: Mapping[str, str],
) -> str | None:
    """One idea from last week's figures: ``sites`` are seconds per site, ``hours`` social
    seconds per hour of the day (24 values). None when there was (next to) no social time."""
    if social < 60 or not sites:
        return None
    if goals.is_empty():
        average = social / max(work_days, 1)
        target = max(5, int(average / 60 * 0.8) // 5 * 5)  # a fifth less, in steps of 5 min
        return _text("first_goal").format(
            average=format_duration(average), target=format_duration(target * 60)
        )
    top, seconds = max(sites.items(), key=lambda kv: (kv[1], kv[0]))
    name = names.get(top, top)
    if seconds >= social / 2 and top not in goals.site_daily_minutes:
        return _text("site_budget").format(site=name, seconds=format_duration(seconds))
    hour = max(range(24), key=lambda h: (hours[h], -h))
    if hours[hour] > 0 and not any(
        r.start < (hour + 1) * 60 and r.end > hour * 60 for r in goals.focus
    ):
        return _text("focus").format(start=f"{hour:02d}:00", end=f"{hour + 1:02d}:00")
    return _text("top_site").format(site=name, seconds=format_duration(seconds))


def reflection(
    store: Store, config: Config, names: Mapping[str, str], today: date
) -> tuple[str, str] | None:
    """(title, text) about the ISO week before the one holding ``today``; None when nothing was
    recorded that week."""
    last = previous_week(today)
    before = previous_week(last.first)
    doc = report.build(store, last)
    if not doc["active_seconds"]:
        return None
    social = float(doc["social_seconds"])  # type: ignore[arg-type]
    previous = report.build(store, before)
    shown = format_duration(social)
    if not previous["active_seconds"]:
        lines = [_text("social").format(social=shown)]
    else:
        diff = social - float(previous["social_seconds"])  # type: ignore[arg-type]
        kind = "same" if abs(diff) < 60 else "less" if diff < 0 else "more"
        lines = [_text(kind).format(social=shown, diff=format_duration(abs(diff)))]

    goals = config.goals
    hours = config.work_hours
    if has_daily_goal(goals):
        first = max(last.first, first_recorded_day(store) or last.first)
        judged = [
            r for r in day_results(store, goals, hours, first, last.last) if r.met is not None
        ]
        if judged:
            met = sum(1 for r in judged if r.met)
            text = translate(
                "reflection", "Your daily goals held on {met} of %n work day(s).", None, len(judged)
            )
            lines.append(text.format(met=met))
    if goals.weekly_minutes is not None:
        budget = format_duration(goals.weekly_minutes * 60)
        lines.append(_text("weekly").format(social=shown, budget=budget))

    heat = stats.heatmap(store, last.bounds()[1] - 1, weeks=1)  # its last second: Sunday
    per_hour = [sum(row[h] for row in heat.matrix) for h in range(24)]
    work_days = sum(1 for day in last.days() if is_work_day(hours, day))
    sites: dict[str, float] = dict(doc["sites"])  # type: ignore[call-overload]
    idea = suggestion(goals, social, work_days, sites, per_hour, names)
    if idea:
        lines.append(idea)
    return _text("title"), "\n".join(lines)
