"""The calendar: local days, periods of them (one day, an ISO week, a month, a range) and their
bounds, in one place.

Days are local calendar days: a day runs from local midnight to the next local midnight, so a
DST day is 23 or 25 hours long. The report, the charts, the goals, the nudges, the tray and the
team week all count days this way, through the functions here (the local day of an instant,
a day's bounds, the week or month of a day, the week before, an ISO week's name, what the
clock shows), so that they never disagree about a day's figures.

The calendar's bounds are here too, in one place (:data:`FIRST_DAY`, :data:`LAST_DAY`,
:data:`MAX_PAUSE_SECONDS`): every date, week and range a person types is checked against
them, so that every day accepted has a local midnight that every platform can compute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from socialtime.base import i18n
from socialtime.base.i18n import translate

__all__ = [
    "FIRST_DAY",
    "KINDS",
    "LAST_DAY",
    "MAX_PAUSE_SECONDS",
    "Period",
    "date_form",
    "date_range",
    "day_bounds",
    "days_ending",
    "first_week",
    "in_bounds",
    "is_current",
    "iso",
    "iso_week",
    "iso_week_label",
    "last_week",
    "local_day",
    "local_midnight",
    "month_of",
    "next_midnight",
    "parse_date",
    "parse_month",
    "parse_week",
    "period_for",
    "previous",
    "previous_week",
    "step",
    "today_bounds",
    "wall_clock",
    "week_form",
    "week_name",
    "week_of",
    "week_of_label",
]

# --- bounds --------------------------------------------------------------------------------
# The days socialtime accepts, in every command and window: the 21st century. Data are Unix
# seconds written at the time they happen, so none can be older than the program; the lower
# bound stays clear of 1970, whose local midnight is a negative Unix time east of UTC, which
# Windows' localtime refuses; the upper one stays far inside what datetime (year 9999) and
# Windows (year 3000) can convert, so that the day after the last, a week around it and every
# timestamp in between are computed without overflow. A range covers at most 36,525 days.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
# The longest pause: one year. Longer is not a pause but a stop (quit, or withdraw consent),
# and a bound keeps the end of every pause a date that the tray and the CLI can show.
MAX_PAUSE_SECONDS = 365 * 86400

_ONE_DAY = timedelta(days=1)


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
        """ "Monday 2 March 2026", "week of 2 March 2026", "March 2026" or
        "2026-03-02 to 2026-03-05", in the current language."""
        if self.first == self.last:
            return i18n.format_date(self.first, "long")
        first, last = (
            i18n.format_date(self.first, "numeric"),
            i18n.format_date(self.last, "numeric"),
        )
        if self.first.day == 1 and self == month_of(self.first):
            return f"{i18n.month_name(self.first.month)} {self.first.year}"
        if self.first.weekday() == 0 and (self.last - self.first).days == 6:
            return week_of_label(self.first)
        return translate("report", "{first} to {last}").format(first=first, last=last)


# --- days and instants ----------------------------------------------------------------------


def local_midnight(day: date) -> float:
    """The instant local time reaches 00:00 on ``day`` (naive local time follows the system's
    time zone and DST rules)."""
    return datetime(day.year, day.month, day.day).timestamp()


def local_day(t: float) -> date:
    """The local calendar day of instant ``t`` (the system's time zone)."""
    return datetime.fromtimestamp(t).date()


def day_bounds(day: date) -> tuple[float, float]:
    """``[start, end)`` of the local ``day``: its midnight to the next one (23 or 25 hours
    apart on the days the clocks change)."""
    return local_midnight(day), local_midnight(day + _ONE_DAY)


def today_bounds(now: float) -> tuple[float, float]:
    """``[start, end)`` of the local day that holds ``now``."""
    return day_bounds(local_day(now))


def next_midnight(now: float) -> float:
    """The next local midnight after ``now``: when tomorrow begins."""
    return local_midnight(local_day(now) + _ONE_DAY)


def wall_clock(t: float, tz: tzinfo | None = None) -> datetime:
    """What the local clock shows at instant ``t``, as a naive datetime: in ``tz``, or in the
    system's time zone when it is None (as socialtime.rules.work_hours.WorkHours reads it)."""
    if tz is None:
        return datetime.fromtimestamp(t)
    return datetime.fromtimestamp(t, tz).replace(tzinfo=None)


# --- periods of days -------------------------------------------------------------------------


def week_of(day: date) -> Period:
    """The ISO week (Monday to Sunday) that holds ``day``."""
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6))


def iso_week(year: int, week: int) -> Period | None:
    """Week ``week`` of the ISO year ``year``; None when that year has no such week (a week
    53 in a year of 52, a week 0), or the year is beyond what a date can hold."""
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return week_of(monday)


def previous_week(day: date) -> Period:
    """The ISO week before the one that holds ``day``: the last complete week."""
    return week_of(day - timedelta(days=7))


def month_of(day: date) -> Period:
    """The calendar month that holds ``day``."""
    first = day.replace(day=1)
    return Period(first, (first + timedelta(days=32)).replace(day=1) - _ONE_DAY)


def days_ending(last: date, count: int) -> Period:
    """The ``count`` days that end with ``last`` (``last`` included)."""
    return Period(last - timedelta(days=count - 1), last)


def week_of_label(day: date) -> str:
    """The week holding ``day`` as a person reads it: "week of 23 November 2026" ("semaine du
    23 novembre 2026"). The ISO name (week_name) is kept for files and ``--week`` alone."""
    monday = day - timedelta(days=day.weekday())
    return translate("report", "week of {day}").format(day=i18n.format_date(monday, "medium"))


def iso_week_label(name: str) -> str:
    """week_of_label of an ISO week's name ("2026-W48"), or the name itself if it is none."""
    match = _WEEK.match(name.strip())
    period = iso_week(int(match[1]), int(match[2])) if match else None
    return week_of_label(period.first) if period else name


def date_form() -> str:
    """The placeholder of a date, the same in an option's help and in its error message."""
    return translate("report", "YYYY-MM-DD")


def week_form() -> str:
    """The placeholder of an ISO week, the same in an option's help and in its error."""
    return translate("report", "YYYY-Www")


def week_name(day: date) -> str:
    """The ISO week of ``day``, as typed after ``--week``: ``"2026-W48"``."""
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def first_week() -> Period:
    """The first ISO week whose seven days are all within the bounds (2000-W01)."""
    monday = FIRST_DAY + timedelta(days=-FIRST_DAY.weekday() % 7)
    return Period(monday, monday + timedelta(days=6))


def last_week() -> Period:
    """The last ISO week whose seven days are all within the bounds (2099-W52)."""
    sunday = LAST_DAY - timedelta(days=(LAST_DAY.weekday() + 1) % 7)
    return Period(sunday - timedelta(days=6), sunday)


def in_bounds(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def parse_date(text: str, what: str) -> date:
    """The day ``text`` names (YYYY-MM-DD), between FIRST_DAY and LAST_DAY; ValueError with
    a message naming the option ``what``, the value and what was expected."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        message = translate("report", "{option}: {value} is not a date (expected {form})")
        raise ValueError(message.format(option=what, value=repr(text), form=date_form())) from None
    if not in_bounds(day):
        message = translate(
            "report", "{option}: {value} is out of range (expected a day from {first} to {last})"
        )
        raise ValueError(
            message.format(option=what, value=repr(text), first=FIRST_DAY, last=LAST_DAY)
        )
    return day


_WEEK = re.compile(r"^([0-9]{4})-?W([0-9]{2})$", re.IGNORECASE)


def parse_week(text: str, what: str = "--week") -> Period:
    """The ISO week ``text`` names (YYYY-Www), all of whose days are within the bounds."""
    match = _WEEK.match(text.strip())
    if not match:
        message = translate(
            "report", "{option}: {value} is not an ISO week (expected {form}, e.g. 2026-W48)"
        )
        raise ValueError(message.format(option=what, value=repr(text), form=week_form()))
    year, week = int(match[1]), int(match[2])
    first, last = first_week(), last_week()
    if first.first.isocalendar().year <= year <= last.first.isocalendar().year:
        named = iso_week(year, week)
        if named is None:
            message = translate("report", "{option}: {value}: that year has no such week")
            raise ValueError(message.format(option=what, value=repr(text)))
        if first.first <= named.first <= last.first:
            return named
    message = translate(
        "report", "{option}: {value} is out of range (expected a week from {first} to {last})"
    )
    raise ValueError(
        message.format(
            option=what,
            value=repr(text),
            first=week_name(first.first),
            last=week_name(last.first),
        )
    )


def date_range(first: str, last: str) -> Period:
    """``--from first --to last``: two days within the bounds, in order."""
    a, b = parse_date(first, "--from"), parse_date(last, "--to")
    if b < a:
        message = translate("report", "--to {last} is before --from {first}")
        raise ValueError(message.format(last=b, first=a))
    return Period(a, b)


_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")


def parse_month(text: str, what: str = "--month") -> Period:
    """The calendar month ``text`` names (YYYY-MM), within the bounds."""
    match = _MONTH.match(text.strip())
    month = int(match[2]) if match else 0
    if not match or not 1 <= month <= 12:
        message = translate("report", "{option}: {value} is not a month (expected YYYY-MM)")
        raise ValueError(message.format(option=what, value=repr(text)))
    year = int(match[1])
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        message = translate(
            "report", "{option}: {value} is out of range (expected a month from {first} to {last})"
        )
        raise ValueError(
            message.format(
                option=what,
                value=repr(text),
                first=FIRST_DAY.strftime("%Y-%m"),
                last=LAST_DAY.strftime("%Y-%m"),
            )
        )
    return month_of(date(year, month, 1))


# --- moving through periods ------------------------------------------------------------------
# The dashboard's periods: a kind and an anchor day. "week" is the ISO week holding the anchor,
# "month" its calendar month, "daysN" the N days that end with it. Back and forward move the
# anchor by one period; every period reached stays within the calendar's bounds.

KINDS = ("week", "month", "days7", "days30", "days90")
_DAYS = {"days7": 7, "days30": 30, "days90": 90}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:  # a programming error: the kinds are the dashboard's own
        kinds = ", ".join(KINDS)
        raise ValueError(f"unknown period kind {kind!r} (expected {kinds})")  # i18n: ignore


def _clamp(kind: str, anchor: date) -> date:
    """The anchor nearest to ``anchor`` whose whole period lies within the bounds."""
    if kind == "week":
        low, high = first_week().first, last_week().last
    elif kind == "month":
        low, high = FIRST_DAY, LAST_DAY
    else:
        low, high = FIRST_DAY + timedelta(days=_DAYS[kind] - 1), LAST_DAY
    return min(max(anchor, low), high)


def period_for(kind: str, anchor: date) -> Period:
    """The period of ``kind`` that ``anchor`` names (clamped to the calendar's bounds)."""
    _check_kind(kind)
    anchor = _clamp(kind, anchor)
    if kind == "week":
        return week_of(anchor)
    if kind == "month":
        return month_of(anchor)
    return days_ending(anchor, _DAYS[kind])


def step(kind: str, anchor: date, delta: int) -> date:
    """The anchor ``delta`` periods of ``kind`` after ``anchor`` (before it when negative):
    a week is 7 days, a month the same day of another month (the 31st becomes the month's
    last day), N days N days. The result stays within the calendar's bounds."""
    _check_kind(kind)
    anchor = _clamp(kind, anchor)
    if kind == "month":
        low, high = FIRST_DAY.year * 12, LAST_DAY.year * 12 + 11
        year, month0 = divmod(min(max(anchor.year * 12 + anchor.month - 1 + delta, low), high), 12)
        last = month_of(date(year, month0 + 1, 1)).last
        return date(year, month0 + 1, min(anchor.day, last.day))
    length = 7 if kind == "week" else _DAYS[kind]
    target = anchor.toordinal() + delta * length
    target = min(max(target, FIRST_DAY.toordinal()), LAST_DAY.toordinal())
    return _clamp(kind, date.fromordinal(target))


def previous(period: Period) -> Period | None:
    """The period just before ``period`` that it is compared with: the month before when
    ``period`` is a calendar month, else as many days ending the day before ``period``
    begins. None when that would begin before the calendar's first day. Months differ in
    length, so a comparison should set averages per (work) day side by side, not totals."""
    length = (period.last - period.first).days + 1
    if period.first.day == 1 and period == month_of(period.first):
        if period.first <= FIRST_DAY:
            return None
        return month_of(period.first - _ONE_DAY)
    first = period.first - timedelta(days=length)
    if first < FIRST_DAY:
        return None
    return Period(first, period.first - _ONE_DAY)


def is_current(kind: str, anchor: date, today: date) -> bool:
    """Whether the period of ``kind`` that ``anchor`` names holds ``today``."""
    period = period_for(kind, anchor)
    return period.first <= today <= period.last


def iso(t: float) -> str:
    """An instant as ISO 8601 local time with its offset, to the second (exports)."""
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds")
