"""Better or worse: a period's social time, its daily average, and the change against the period
before, in plain, neutral words.

API (for the dashboard and ``socialtime report``):

- :func:`compare` ``(store, work_hours, period, today, doc=None) -> Trend``: the figures of
  ``period`` and of socialtime.rules.periods.previous(period) (the month before a calendar
  month, else as many days just before). ``doc`` is the period's report when the caller has
  it already (socialtime.insights.report.build), so it is not read twice.
- :class:`Trend`: ``social_seconds``, ``work_days``, ``daily_average`` (social seconds per work
  day, None without a work day), the same ``previous_*``, ``change_per_day`` (None when there is
  nothing to compare with), ``total_text()`` ("3 h 10 min of social time: 38 min a day over 5
  work days"), ``sentence()`` ("18 min a day less than the 4 weeks before (56 min a day)."),
  ``as_json()`` (the report's ``comparison`` object).

Averages are per work day, so that periods of different lengths (a month of 28 days and one of
31, a week with a day off) compare fairly. A work day counts when the work hours hold its weekday
and it is not a day off, it is not after ``today`` (the current period counts what has been lived
of it) and it is not before the first recorded day (days before recording began are unknown, not
zero). A change of less than a minute a day is "about the same".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_duration, format_percent, translate
from socialtime.insights import goals, report
from socialtime.recording.store import Store
from socialtime.rules.periods import Period, month_of, previous
from socialtime.rules.work_hours import WorkHours

__all__ = ["SAME_SECONDS", "Trend", "compare", "previous_name"]

SAME_SECONDS = 60.0  # a change per day smaller than this is "about the same"

_TEXT = {
    "month": QT_TRANSLATE_NOOP("trend", "the month before"),
    "week": QT_TRANSLATE_NOOP("trend", "the week before"),
    "day": QT_TRANSLATE_NOOP("trend", "the day before"),
    "less": QT_TRANSLATE_NOOP("trend", "{change} a day less than {previous} ({average} a day)."),
    "more": QT_TRANSLATE_NOOP("trend", "{change} a day more than {previous} ({average} a day)."),
    "same": QT_TRANSLATE_NOOP("trend", "About the same as {previous} ({average} a day)."),
    "nothing": QT_TRANSLATE_NOOP("trend", "Nothing recorded in {previous} to compare with."),
    "empty": QT_TRANSLATE_NOOP("trend", "No work day in this period yet."),
}


def _text(key: str) -> str:
    text = _TEXT[key]
    return translate("trend", text)


def previous_name(period: Period) -> str:
    """How the period before ``period`` is named: "the week before" (an ISO week), "the month
    before" (a calendar month), "the 4 weeks before", "the 30 days before", "the 7 days
    before"."""
    length = (period.last - period.first).days + 1
    if period.first.day == 1 and period == month_of(period.first):
        return _text("month")
    if length == 1:
        return _text("day")
    if length % 7 == 0 and period.first.weekday() == 0:  # whole ISO weeks
        if length == 7:
            return _text("week")
        return translate("trend", "the %n weeks before", None, length // 7)
    return translate("trend", "the %n days before", None, length)


@dataclass(frozen=True)
class Trend:
    period: Period
    previous: Period | None
    social_seconds: int
    work_days: int
    previous_social_seconds: int = 0
    previous_work_days: int = 0

    @property
    def daily_average(self) -> float | None:
        return self.social_seconds / self.work_days if self.work_days else None

    @property
    def previous_daily_average(self) -> float | None:
        if not self.previous_work_days:
            return None
        return self.previous_social_seconds / self.previous_work_days

    @property
    def change_per_day(self) -> float | None:
        """Social seconds a day more (positive) or less than the period before."""
        now, before = self.daily_average, self.previous_daily_average
        return None if now is None or before is None else now - before

    @property
    def change_percent(self) -> float | None:
        change, before = self.change_per_day, self.previous_daily_average
        return None if change is None or not before else 100 * change / before

    def total_text(self) -> str:
        """ "3 h 10 min of social time: 38 min a day over 5 work days"."""
        total = format_duration(self.social_seconds)
        if self.daily_average is None:
            text = translate("trend", "{total} of social time.")
            return text.format(total=total)
        text = translate(
            "trend",
            "{total} of social time: {average} a day over %n work day(s).",
            None,
            self.work_days,
        )
        return text.format(total=total, average=format_duration(self.daily_average))

    def sentence(self) -> str:
        """The change against the period before, neutral in tone."""
        if self.daily_average is None:
            return _text("empty")
        name = previous_name(self.period)
        before, change = self.previous_daily_average, self.change_per_day
        if before is None or change is None:
            return _text("nothing").format(previous=name)
        average = format_duration(before)
        if abs(change) < SAME_SECONDS:
            return _text("same").format(previous=name, average=average)
        key = "less" if change < 0 else "more"
        return _text(key).format(
            change=format_duration(abs(change)), previous=name, average=average
        )

    def percent_text(self) -> str | None:
        """ "−12 %" / "+12 %" against the period before, for a compact label."""
        percent = self.change_percent
        if percent is None:
            return None
        sign = "+" if percent >= 0 else "\u2212"
        return sign + format_percent(abs(percent))

    def as_json(self) -> dict[str, object]:
        """``work_days``, ``daily_average_seconds`` and ``comparison`` for the report's JSON."""
        comparison: dict[str, object] | None = None
        if self.previous is not None:
            before, change = self.previous_daily_average, self.change_per_day
            comparison = {
                "from": self.previous.first.isoformat(),
                "to": self.previous.last.isoformat(),
                "social_seconds": self.previous_social_seconds,
                "work_days": self.previous_work_days,
                "daily_average_seconds": None if before is None else round(before),
                "change_seconds_per_day": None if change is None else round(change),
                "text": self.sentence(),
            }
        average = self.daily_average
        return {
            "work_days": self.work_days,
            "daily_average_seconds": None if average is None else round(average),
            "comparison": comparison,
        }


def _counted(
    work_hours: WorkHours, period: Period, today: date, first_recorded: date | None
) -> int:
    if first_recorded is None:
        return 0
    return sum(
        1
        for day in period.days()
        if first_recorded <= day <= today and goals.is_work_day(work_hours, day)
    )


def compare(
    store: Store,
    work_hours: WorkHours,
    period: Period,
    today: date,
    doc: Mapping[str, object] | None = None,
) -> Trend:
    """The trend of ``period`` against the period before it (see the module's doc)."""
    if doc is None:
        doc = report.build(store, period)
    first = goals.first_recorded_day(store)
    before = previous(period)
    social = int(doc["social_seconds"])  # type: ignore[call-overload]
    trend = Trend(period, before, social, _counted(work_hours, period, today, first))
    if before is None:
        return trend
    prev_doc = report.build(store, before)
    return Trend(
        period,
        before,
        social,
        trend.work_days,
        int(prev_doc["social_seconds"]),  # type: ignore[call-overload]
        _counted(work_hours, before, today, first),
    )
