"""The numbers behind the dashboard's charts, and the sentences beside them.

Pure core: no Qt, no matplotlib, and no clock of its own. Every function takes ``now`` so that
a test can pin the day, and the Qt layer only draws what is computed here.

Why the week and month figures are built from :func:`socialtime.insights.report.build`: the
dashboard and ``socialtime report --json`` must never disagree about the same data, and the surest
way is for both to come from one function. The timeline and the heatmap need the spans themselves
(where in the day, which hour), so they read the store directly, with the same local-day bounds.

Wording is neutral on purpose: social time is described, never judged ("unproductive", "wasted"
and the like would turn a mirror into a reproach). User-facing text lives in ``_TEXT``, in one
place, marked for the catalogue and translated where it is shown (socialtime.base.i18n).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from socialtime.base import i18n
from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_duration, translate
from socialtime.insights import report
from socialtime.recording.store import Store
from socialtime.rules import periods
from socialtime.rules.periods import (
    Period,
    day_bounds,
    days_ending,
    local_day,
    month_of,
    wall_clock,
)
from socialtime.rules.sites import Catalogue
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Config

__all__ = [
    "HEATMAP_WEEKS",
    "Bars",
    "Heatmap",
    "Today",
    "bars",
    "bars_summary",
    "clock_hours",
    "empty_chart_text",
    "empty_text",
    "heatmap",
    "heatmap_summary",
    "local_day",
    "month",
    "next_start_text",
    "share",
    "share_text",
    "shown_hours",
    "site_names",
    "summary",
    "today",
    "today_summary",
    "week",
    "weekday_names",
]

HEATMAP_WEEKS = 4

Segment = tuple[float, float, str | None]  # (start, end, site id or None for other)

_TEXT = {
    "today": QT_TRANSLATE_NOOP("stats", "Today"),
    "week": QT_TRANSLATE_NOOP("stats", "This week"),
    "heatmap": QT_TRANSLATE_NOOP("stats", "Last four weeks"),
    "summary": QT_TRANSLATE_NOOP(
        "stats", "{when}: {social} on social sites, {share} of your active time"
    ),
    "summary_most": QT_TRANSLATE_NOOP("stats", "; most on {site} ({seconds})."),
    "summary_none": QT_TRANSLATE_NOOP(
        "stats", "{when}: no time on social sites, out of {active} of active time."
    ),
    "heatmap_summary": QT_TRANSLATE_NOOP(
        "stats", "{when}: social time was highest {on_weekdays}, {start}–{end} ({seconds} in all)."
    ),
    "empty_today": QT_TRANSLATE_NOOP("stats", "Nothing recorded today."),
    "empty_today_yet": QT_TRANSLATE_NOOP("stats", "Nothing recorded yet today."),
    "empty_week": QT_TRANSLATE_NOOP("stats", "Nothing recorded yet this week."),
    "empty_month": QT_TRANSLATE_NOOP("stats", "Nothing recorded yet this month."),
    "empty_heatmap": QT_TRANSLATE_NOOP("stats", "Nothing recorded in the last four weeks."),
    "empty_chart_today": QT_TRANSLATE_NOOP(
        "stats",
        "Each social site you visit in your work hours will show here with its time. "
        "To change the hours: Settings, Work hours.",
    ),
    "starts_today": QT_TRANSLATE_NOOP("stats", "Recording starts in your work hours, at {time}."),
    "starts_tomorrow": QT_TRANSLATE_NOOP(
        "stats", "Recording starts in your work hours, tomorrow at {time}."
    ),
    # "on Monday at 09:00" and "on 4 January at 09:00": one sentence in English, two in French
    "starts_weekday": QT_TRANSLATE_NOOP(
        "stats", "Recording starts in your work hours, on {weekday} at {time}."
    ),
    "starts_date": QT_TRANSLATE_NOOP(
        "stats", "Recording starts in your work hours, on {date} at {time}."
    ),
    "no_hours": QT_TRANSLATE_NOOP(
        "stats", "No work hours are set, so nothing is recorded. You can set them in Settings."
    ),
}
# "social time was highest on Tuesdays": French says « le mardi », so the whole phrase is a message.
_ON_WEEKDAYS = (
    QT_TRANSLATE_NOOP("stats", "on Mondays"),
    QT_TRANSLATE_NOOP("stats", "on Tuesdays"),
    QT_TRANSLATE_NOOP("stats", "on Wednesdays"),
    QT_TRANSLATE_NOOP("stats", "on Thursdays"),
    QT_TRANSLATE_NOOP("stats", "on Fridays"),
    QT_TRANSLATE_NOOP("stats", "on Saturdays"),
    QT_TRANSLATE_NOOP("stats", "on Sundays"),
)
# Names of days and months come from socialtime.base.i18n, never from strftime("%A"/"%B"): Qt sets
# the C library's locale from the environment, which would mix languages in one sentence.


def _text(key: str) -> str:
    """``_TEXT[key]`` in the current language."""
    text = _TEXT[key]
    return translate("stats", text)


# -- helpers ----------------------------------------------------------------------------------


def clock_hours(t: float, day: date) -> float:
    """What the local clock shows at ``t``, in hours after ``day``'s midnight (24.0 and more
    for the next day). Charts place segments by clock reading, so "09:00" sits at 9 even on
    the two days a year when the clocks change."""
    wall = wall_clock(t)
    days = (wall.date() - day).days
    return days * 24 + wall.hour + wall.minute / 60 + (wall.second + t % 1) / 3600


def share(social: float, active: float) -> float | None:
    """Social time as a fraction of active time; None when nothing was active."""
    return social / active if active > 0 else None


def share_text(fraction: float | None) -> str:
    """``"13 %"``, rounded as ``socialtime report`` rounds it; ``"–"`` when undefined."""
    return "–" if fraction is None else i18n.format_percent(100 * fraction)


def site_names(catalogue: Catalogue) -> dict[str, str]:
    """Site id -> display name ("youtube.com" -> "YouTube")."""
    return {site.id: site.name for site in catalogue.sites}


# -- today ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Today:
    """Today's spans as a timeline, the day's work hours, and the report of the day."""

    day: date
    start: float  # local midnight
    end: float  # the next local midnight
    now: float
    segments: tuple[Segment, ...]
    work_hours: tuple[tuple[float, float], ...]
    doc: dict[str, Any]  # report.build for this day

    @property
    def active_seconds(self) -> int:
        return int(self.doc["active_seconds"])

    @property
    def social_seconds(self) -> int:
        return int(self.doc["social_seconds"])

    @property
    def sites(self) -> dict[str, int]:
        return dict(self.doc["sites"])


def today(store: Store, config: Config, now: float) -> Today:
    """Everything recorded on the local day that contains ``now``."""
    day = local_day(now)
    start, end = day_bounds(day)
    segments = tuple((s.start, s.end, s.site) for s in store.spans(start, end))
    hours = tuple(config.work_hours.intervals_inside(start, end))
    return Today(day, start, end, now, segments, hours, report.build(store, Period(day, day)))


# -- week and month ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Bars:
    """Per-day, per-site seconds for a period, exactly as ``socialtime report --json`` has
    them (``doc`` is that document)."""

    period: Period
    doc: dict[str, Any]

    @property
    def days(self) -> list[date]:
        return self.period.days()

    @property
    def day_docs(self) -> list[dict[str, Any]]:
        return list(self.doc["days"])

    @property
    def sites(self) -> list[str]:
        """Site ids, most time first: the stacking order of the bars."""
        return list(self.doc["sites"])

    @property
    def active_seconds(self) -> int:
        return int(self.doc["active_seconds"])

    @property
    def social_seconds(self) -> int:
        return int(self.doc["social_seconds"])

    def seconds(self, site: str) -> list[int]:
        """One value per day for ``site``."""
        return [int(d["sites"].get(site, 0)) for d in self.day_docs]

    def other(self) -> list[int]:
        """Active time that was not social, per day (drawn neutral)."""
        return [int(d["active_seconds"]) - int(d["social_seconds"]) for d in self.day_docs]

    def shares(self) -> list[float | None]:
        return [share(d["social_seconds"], d["active_seconds"]) for d in self.day_docs]

    @property
    def share(self) -> float | None:
        return share(self.social_seconds, self.active_seconds)


def bars(store: Store, period: Period) -> Bars:
    return Bars(period, report.build(store, period))


def week(store: Store, now: float) -> Bars:
    """Monday to Sunday of the week containing ``now`` (what ``report --week`` shows)."""
    return bars(store, periods.week_of(local_day(now)))


def month(store: Store, now: float) -> Bars:
    """The calendar month containing ``now``."""
    return bars(store, month_of(local_day(now)))


# -- heatmap ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heatmap:
    """Social seconds per local weekday (row 0 = Monday) and hour of the day (column)."""

    period: Period
    matrix: tuple[tuple[float, ...], ...]  # 7 x 24

    @property
    def social_seconds(self) -> float:
        return sum(map(sum, self.matrix))

    def peak(self) -> tuple[int, int, float] | None:
        """(weekday, hour, seconds) of the fullest cell; None when all are empty."""
        best = max(
            ((w, h, s) for w, row in enumerate(self.matrix) for h, s in enumerate(row)),
            key=lambda cell: cell[2],
        )
        return best if best[2] > 0 else None


def heatmap(store: Store, now: float, weeks: int = HEATMAP_WEEKS) -> Heatmap:
    """Social seconds per weekday x hour over the ``weeks`` * 7 local days ending today.

    A span crossing an hour boundary is split there, so every second lands in the hour the
    local clock showed. Boundaries are computed from whole seconds, so no float drift can
    leave a sliver in the wrong hour.
    """
    period = days_ending(local_day(now), 7 * weeks)
    cells = [[0.0] * 24 for _ in range(7)]
    start, end = period.bounds()
    for span in store.spans(start, end):
        if span.site is None:
            continue
        t = span.start
        while t < span.end:
            whole = math.floor(t)
            wall = wall_clock(whole)
            boundary = whole - wall.minute * 60 - wall.second + 3600
            stop = min(span.end, boundary)
            cells[wall.weekday()][wall.hour] += stop - t
            t = stop
    return Heatmap(period, tuple(tuple(row) for row in cells))


# -- sentences --------------------------------------------------------------------------------


def _clock(t: float, config: Config) -> datetime:
    """What the clock of the work hours' time zone shows at ``t``."""
    return wall_clock(t, config.work_hours.tz)


def next_start_text(config: Config, now: float) -> str | None:
    """When recording will start, e.g. "Recording starts in your work hours, at 09:00.";
    None when work hours are going on at ``now``."""
    start = config.work_hours.next_start(now)
    if start is None:
        return _text("no_hours")
    if start <= now:
        return None
    when, today_ = _clock(start, config), _clock(now, config).date()
    hhmm = i18n.format_time(when)
    days = (when.date() - today_).days
    if days == 0:
        return _text("starts_today").format(time=hhmm)
    if days == 1:
        return _text("starts_tomorrow").format(time=hhmm)
    if days < 7:
        weekday = i18n.weekday_name(when.weekday())
        return _text("starts_weekday").format(weekday=weekday, time=hhmm)
    day = f"{when.day} {i18n.month_name(when.month)}"
    return _text("starts_date").format(date=day, time=hhmm)


def empty_text(kind: str, config: Config, now: float) -> str:
    """What a chart with nothing to show says: what has happened and what will happen next.
    ``kind`` is "today", "week", "month" or "heatmap"."""
    upcoming = next_start_text(config, now)
    if kind == "today":
        start = config.work_hours.next_start(now)
        if (
            start is not None
            and start > now
            and _clock(start, config).date() == _clock(now, config).date()
        ):
            return str(upcoming)  # the day's work hours are still ahead: that says it all
        head = _text("empty_today_yet") if upcoming is None else _text("empty_today")
    else:
        head = _text(f"empty_{kind}")
    return head if upcoming is None else f"{head} {upcoming}"


def empty_chart_text(kind: str, config: Config, now: float) -> str:
    """What an empty chart says inside itself when the sentence beside it already holds
    empty_text: what will appear there and what to do about it, so that the window does not
    say the same sentence twice. Only "today" has its own; the others repeat empty_text."""
    if kind == "today":
        return _text("empty_chart_today")
    return empty_text(kind, config, now)


def summary(
    when: str, active: int, social: int, sites: Mapping[str, int], names: Mapping[str, str]
) -> str:
    """One sentence beside a chart, for example
    "Today: 42 min on social sites, 13 % of your active time; most on YouTube (25 min)."
    """
    if social <= 0:
        return _text("summary_none").format(when=when, active=format_duration(active))
    head = _text("summary").format(
        when=when, social=format_duration(social), share=share_text(share(social, active))
    )
    site, seconds = max(sites.items(), key=lambda kv: (kv[1], kv[0]))
    return head + _text("summary_most").format(
        site=names.get(site, site), seconds=format_duration(seconds)
    )


def today_summary(data: Today, names: Mapping[str, str], config: Config) -> str:
    if data.active_seconds == 0:
        return empty_text("today", config, data.now)
    return summary(_text("today"), data.active_seconds, data.social_seconds, data.sites, names)


def bars_summary(
    data: Bars, kind: str, names: Mapping[str, str], config: Config, now: float
) -> str:
    """The sentence beside the week ("This week: …") or month ("November 2026: …") chart."""
    if data.active_seconds == 0:
        return empty_text(kind, config, now)
    first = data.period.first
    month = i18n.month_name(first.month)  # "November", "novembre": it opens the sentence
    when = _text("week") if kind == "week" else f"{month[:1].upper()}{month[1:]} {first.year}"
    sites = dict(data.doc["sites"])
    return summary(when, data.active_seconds, data.social_seconds, sites, names)


def heatmap_summary(data: Heatmap, config: Config, now: float) -> str:
    peak = data.peak()
    if peak is None:
        return empty_text("heatmap", config, now)
    weekday, hour, seconds = peak
    on_weekdays = _ON_WEEKDAYS[weekday]
    return _text("heatmap_summary").format(
        when=_text("heatmap"),
        on_weekdays=translate("stats", on_weekdays),
        start=f"{hour:02d}:00",
        end=f"{hour + 1:02d}:00",
        seconds=format_duration(seconds),
    )


def weekday_names() -> Sequence[str]:
    """Monday to Sunday in the current language ("Monday" / "lundi")."""
    return tuple(i18n.weekday_name(day) for day in range(7))


def shown_hours(data: Heatmap, work_hours: WorkHours, default: tuple[int, int] = (8, 18)) -> range:
    """The hours of the day worth a column: those of any weekday's work hours and any hour with
    social time. A heatmap of 24 columns, 14 of them always empty, hides the part that matters."""
    hours = {h for row in data.matrix for h, s in enumerate(row) if s > 0}
    for ranges in work_hours.days:
        for r in ranges:
            hours.update(range(r.start // 60, math.ceil(r.end / 60)))
    if not hours:
        return range(*default)
    return range(min(hours), max(hours) + 1)
