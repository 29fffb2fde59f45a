"""Periods (day, ISO week, date range) and the totals shown by ``socialtime report``.

Days are local calendar days: a day runs from local midnight to the next local midnight, so a
DST day is 23 or 25 hours long. The JSON form is an interface that scripts rely on: keys are
only ever added, never renamed or removed.

The calendar's bounds are here too, in one place (:data:`FIRST_DAY`, :data:`LAST_DAY`,
:data:`MAX_PAUSE_SECONDS`): every date, week and range a person types is checked against
them, so that every day accepted has a local midnight that every platform can compute.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from socialtime import i18n
from socialtime.i18n import translate

if TYPE_CHECKING:  # not at run time: the store takes the pause's bound from here
    from socialtime.store import Store

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
        message = translate("report", "{option}: {value} is not a date (expected YYYY-MM-DD)")
        raise ValueError(message.format(option=what, value=repr(text))) from None
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
            "report", "{option}: {value} is not an ISO week (expected YYYY-Www, e.g. 2026-W48)"
        )
        raise ValueError(message.format(option=what, value=repr(text)))
    year, week = int(match[1]), int(match[2])
    first, last = first_week(), last_week()
    if first.first.isocalendar().year <= year <= last.first.isocalendar().year:
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            message = translate("report", "{option}: {value}: that year has no such week")
            raise ValueError(message.format(option=what, value=repr(text))) from None
        if first.first <= monday <= last.first:
            return Period(monday, monday + timedelta(days=6))
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


def week_of(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6))


def date_range(first: str, last: str) -> Period:
    """``--from first --to last``: two days within the bounds, in order."""
    a, b = parse_date(first, "--from"), parse_date(last, "--to")
    if b < a:
        message = translate("report", "--to {last} is before --from {first}")
        raise ValueError(message.format(last=b, first=a))
    return Period(a, b)


def build(store: Store, period: Period) -> dict[str, object]:
    """Totals for the period as the JSON document of ``socialtime report --json``.

    Seconds are whole numbers; ``social_seconds`` is the sum of ``sites`` and never exceeds
    ``active_seconds``. ``days`` holds the same figures per local day, one entry for every
    day of the period.

    Only the days from the first recorded span to the last are worked out (a day more on
    each side, in case a zone's midnight is odd); the others are empty by definition and get
    their entry as it is, so a century-long range costs what its data costs plus a few
    microseconds per day of output.
    """
    start, end = period.bounds()
    spans = list(store.spans(start, end))
    if spans:
        lo = max(period.first, _day_of(spans[0].start) - _ONE_DAY)
        hi = min(period.last, _day_of(max(span.end for span in spans)) + _ONE_DAY)
    else:
        lo, hi = period.first, period.first - _ONE_DAY  # no day worked out
    days = Period(lo, hi).days()
    edges = [local_midnight(d) for d in days] + [local_midnight(hi + _ONE_DAY)]
    active = [0.0] * len(days)
    per_site: list[dict[str, float]] = [{} for _ in days]
    for span in spans:
        i = max(0, bisect.bisect_right(edges, span.start) - 1)
        start = span.start
        while start < span.end and i < len(days):
            end = min(span.end, edges[i + 1])
            active[i] += end - start
            if span.site is not None:
                per_site[i][span.site] = per_site[i].get(span.site, 0.0) + end - start
            start, i = end, i + 1

    day_docs = [_empty_day(d) for d in Period(period.first, lo - _ONE_DAY).days()]
    day_docs += [
        _figures(active[i], per_site[i]) | {"date": d.isoformat()} for i, d in enumerate(days)
    ]
    day_docs += [_empty_day(d) for d in Period(hi + _ONE_DAY, period.last).days()]
    total_sites: dict[str, float] = {}
    for sites in per_site:
        for site, seconds in sites.items():
            total_sites[site] = total_sites.get(site, 0.0) + seconds
    return {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        **_figures(sum(active), total_sites),
        "days": day_docs,
    }


def _day_of(t: float) -> date:
    return datetime.fromtimestamp(t).date()


def _empty_day(day: date) -> dict[str, object]:
    """What :func:`_figures` gives a day without data, with its date."""
    return {"active_seconds": 0, "social_seconds": 0, "sites": {}, "date": day.isoformat()}


def _figures(active: float, sites: dict[str, float]) -> dict[str, object]:
    rounded = {s: round(v) for s, v in sorted(sites.items(), key=lambda kv: (-kv[1], kv[0]))}
    rounded = {s: v for s, v in rounded.items() if v > 0}
    social = sum(rounded.values())
    return {
        "active_seconds": max(round(active), social),
        "social_seconds": social,
        "sites": rounded,
    }


def format_duration(seconds: float) -> str:
    """``"1 h 05 min"``, ``"42 min"``, ``"35 s"``: minutes are what a person reads (kept here
    for the modules that import it; :func:`socialtime.i18n.format_duration` does the work)."""
    return i18n.format_duration(seconds)


def render(
    doc: dict[str, object], period: Period, names: dict[str, str], today: date | None = None
) -> str:
    """The human-readable report; ``today`` (the local date by default) says whether an empty
    single day is still running."""
    active = int(doc["active_seconds"])  # type: ignore[call-overload]
    social = int(doc["social_seconds"])  # type: ignore[call-overload]
    sites: dict[str, int] = doc["sites"]  # type: ignore[assignment]
    label = period.label()
    lines = [label[:1].upper() + label[1:]]
    if active == 0:
        if period.first == period.last == (today or date.today()):
            lines.append("  " + translate("report", "Nothing recorded yet today."))
        else:
            lines.append("  " + translate("report", "Nothing recorded in this period."))
        return "\n".join(lines) + "\n"
    percent = i18n.format_percent(100 * social / active)
    share = " " + translate("report", "({percent} of active time)").format(percent=percent)
    heads = [translate("report", "Active time"), translate("report", "Social time")]
    width = max(len(head) for head in heads)
    lines.append(f"  {heads[0]:<{width}}  {format_duration(active)}")
    lines.append(f"  {heads[1]:<{width}}  {format_duration(social)}{share}")
    width = max((len(names.get(s, s)) for s in sites), default=0)
    for site, seconds in sites.items():
        lines.append(f"    {names.get(site, site):<{width}}  {format_duration(seconds)}")
    return "\n".join(lines) + "\n"
