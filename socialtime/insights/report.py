"""The totals shown by ``socialtime report``: per period, per local day, per site.

Days are local calendar days (the periods are socialtime.rules.periods'): a day runs from local
midnight to the next local midnight, so a DST day is 23 or 25 hours long. The JSON form is an
interface that scripts rely on: keys are only ever added, never renamed or removed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from socialtime.base import i18n
from socialtime.base.i18n import translate
from socialtime.recording.store import Store
from socialtime.rules.periods import Period, local_day, local_midnight

_ONE_DAY = timedelta(days=1)


def build(store: Store, period: Period) -> dict[str, object]:
    """Totals for the period as the JSON document of ``socialtime report --json``.

    Seconds are whole numbers; ``social_seconds`` is the sum of ``sites`` and never exceeds
    ``active_seconds``. ``days`` holds the same figures per local day, one entry for every
    day of the period.

    Only the days from the first recorded span to the last are worked out (a day more on
    each side, in case a zone's midnight is odd); the others are empty by definition and get
    their entry as it is, so a century-long range costs what its data costs plus a few
    microseconds per day of output. The days' figures come from one SQL aggregate
    (``Store.totals_between`` over the local midnights), so a year of data is one query.
    """
    start, end = period.bounds()
    extent = store.extent(start, end)
    if extent is not None:
        lo = max(period.first, local_day(extent[0]) - _ONE_DAY)
        hi = min(period.last, local_day(extent[1]) + _ONE_DAY)
    else:
        lo, hi = period.first, period.first - _ONE_DAY  # no day worked out
    days = Period(lo, hi).days()
    edges = [local_midnight(d) for d in days] + [local_midnight(hi + _ONE_DAY)]
    totals = store.totals_between(edges) if days else []
    active = [t.active_seconds for t in totals]
    per_site = [t.sites for t in totals]

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


def render(
    doc: dict[str, object],
    period: Period,
    names: dict[str, str],
    today: date | None = None,
    *,
    rows: bool = False,
    notes: Mapping[str, str] | None = None,
    footer: Sequence[str] = (),
) -> str:
    """The human-readable report; ``today`` (the local date by default) says whether an empty
    single day is still running. With ``rows``, one line per day (its social time, and its
    ``notes`` entry, by ISO date: why it missed its goals); ``footer``: lines said last (the
    average and the comparison with the period before)."""
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
    lines.append(f"  {heads[0]:<{width}}  {i18n.format_duration(active)}")
    lines.append(f"  {heads[1]:<{width}}  {i18n.format_duration(social)}{share}")
    width = max((len(names.get(s, s)) for s in sites), default=0)
    for site, seconds in sites.items():
        lines.append(f"    {names.get(site, site):<{width}}  {i18n.format_duration(seconds)}")
    if rows:
        lines += _day_rows(doc, notes or {})
    lines += ["  " + line for line in footer]
    return "\n".join(lines) + "\n"


def _day_rows(doc: dict[str, object], notes: Mapping[str, str]) -> list[str]:
    """ "  Mon 23   43 min social of 6 h 40 min   daily budget: 43 min of 30 min"."""
    days: list[dict[str, Any]] = doc["days"]  # type: ignore[assignment]
    cells = []
    for day in days:
        label = i18n.format_date(date.fromisoformat(day["date"]), "weekday")
        if day["active_seconds"]:
            text = translate("report", "{social} social of {active}").format(
                social=i18n.format_duration(day["social_seconds"]),
                active=i18n.format_duration(day["active_seconds"]),
            )
        else:
            text = translate("report", "nothing recorded")
        cells.append((label, text, notes.get(day["date"], "")))
    head = ["  " + translate("report", "Per day")]
    width = max(len(label) for label, _, _ in cells)
    size = max(len(text) for _, text, _ in cells)
    return head + [
        f"    {label:<{width}}  {text:<{size}}  {note}".rstrip() for label, text, note in cells
    ]
