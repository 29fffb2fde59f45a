"""Periods (day, ISO week, date range) and the totals shown by ``socialtime report``.

Days are local calendar days: a day runs from local midnight to the next local midnight, so a
DST day is 23 or 25 hours long. The JSON form is an interface that scripts rely on: keys are
only ever added, never renamed or removed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from socialtime.base import i18n
from socialtime.base.i18n import translate
from socialtime.recording.store import Store


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


def build(store: Store, period: Period) -> dict[str, object]:
    """Totals for the period as the JSON document of ``socialtime report --json``.

    Seconds are whole numbers; ``social_seconds`` is the sum of ``sites`` and never exceeds
    ``active_seconds``. ``days`` holds the same figures per local day.
    """
    days = period.days()
    edges = [local_midnight(d) for d in days] + [period.bounds()[1]]
    active = [0.0] * len(days)
    per_site: list[dict[str, float]] = [{} for _ in days]
    for span in store.spans(edges[0], edges[-1]):
        i = bisect.bisect_right(edges, span.start) - 1
        start = span.start
        while start < span.end and i < len(days):
            end = min(span.end, edges[i + 1])
            active[i] += end - start
            if span.site is not None:
                per_site[i][span.site] = per_site[i].get(span.site, 0.0) + end - start
            start, i = end, i + 1

    day_docs = [
        _figures(active[i], per_site[i]) | {"date": d.isoformat()} for i, d in enumerate(days)
    ]
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
    for the modules that import it; :func:`socialtime.base.i18n.format_duration` does the work)."""
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
