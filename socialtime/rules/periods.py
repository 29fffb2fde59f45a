"""The calendar: periods of local days (one day, an ISO week, a range) and their bounds.

Days are local calendar days: a day runs from local midnight to the next local midnight, so a
DST day is 23 or 25 hours long. The report, the charts, the goals, the nudges, the tray and the
team week all count days this way, so that they never disagree about a day's figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from socialtime.base import i18n
from socialtime.base.i18n import translate

__all__ = ["Period", "date_range", "iso", "local_midnight", "parse_date", "parse_week", "week_of"]


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def bounds(self) -> tuple[float, float]:
        """``[start, end)`` in Unix seconds: local midnight of ``first`` to that after ``last``."""
        return local_midnight(self.first), local_midnight(self.last + timedelta(days=1))

    def label(self) -> str:
        """ "Monday 2 March 2026", "week 2026-W10 (2026-03-02 to 2026-03-08)" or
        "2026-03-02 to 2026-03-05", in the current language."""
        if self.first == self.last:
            return i18n.format_date(self.first, "long")
        first, last = (
            i18n.format_date(self.first, "numeric"),
            i18n.format_date(self.last, "numeric"),
        )
        iso = self.first.isocalendar()
        if self.first.weekday() == 0 and (self.last - self.first).days == 6:
            text = translate("report", "week {week} ({first} to {last})")
            return text.format(week=f"{iso.year}-W{iso.week:02d}", first=first, last=last)
        return translate("report", "{first} to {last}").format(first=first, last=last)


def local_midnight(day: date) -> float:
    """The instant local time reaches 00:00 on ``day`` (naive local time follows the system's
    time zone and DST rules)."""
    return datetime(day.year, day.month, day.day).timestamp()


def parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = translate("report", "{option}: {value} is not a date (expected YYYY-MM-DD)")
        raise ValueError(message.format(option=what, value=repr(text))) from None


_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$", re.IGNORECASE)


def parse_week(text: str) -> Period:
    match = _WEEK.match(text.strip())
    if not match:
        message = translate(
            "report", "{option}: {value} is not an ISO week (expected YYYY-Www, e.g. 2026-W48)"
        )
        raise ValueError(message.format(option="--week", value=repr(text)))
    try:
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        message = translate("report", "{option}: {value}: that year has no such week")
        raise ValueError(message.format(option="--week", value=repr(text))) from None
    return Period(monday, monday + timedelta(days=6))


def week_of(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6))


def date_range(first: str, last: str) -> Period:
    a, b = parse_date(first, "--from"), parse_date(last, "--to")
    if b < a:
        message = translate("report", "--to {last} is before --from {first}")
        raise ValueError(message.format(last=b, first=a))
    return Period(a, b)


def iso(t: float) -> str:
    """An instant as ISO 8601 local time with its offset, to the second (exports)."""
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds")
