"""The report's fast path (one SQL aggregate per period, Store.totals_between) gives what the
span loop it replaced gave, on random data that crosses midnights and the clock changes."""

from __future__ import annotations

import bisect
import random
from datetime import date, timedelta

import pytest

from socialtime.insights import report
from socialtime.recording.store import Store, Totals
from socialtime.rules.periods import Period, local_day, local_midnight

pytestmark = pytest.mark.usefixtures("paris")

SITES = [None, None, "facebook.com", "youtube.com", "x.com", "linkedin.com"]
FIRST = date(2026, 3, 20)  # the clocks go forward on 29 March and back on 25 October
LAST = date(2026, 11, 5)


def random_store(seed: int) -> Store:
    """Spans of random sites and lengths (a second to a day and a half), some crossing
    midnight, some touching, on random days between FIRST and LAST."""
    rng = random.Random(seed)
    store = Store(":memory:")
    t = local_midnight(FIRST) + rng.uniform(0, 86400)
    end_of_data = local_midnight(LAST)
    while t < end_of_data:
        length = rng.choice([rng.uniform(1, 600), rng.uniform(600, 7200), rng.uniform(0, 130000)])
        store.record(rng.choice(SITES), t, t + length, max_gap=0)
        t += length + rng.choice([0.0, rng.uniform(0, 3600), rng.uniform(0, 4 * 86400)])
    return store


def span_loop(store: Store, period: Period) -> list[tuple[float, dict[str, float]]]:
    """Active and per-site seconds per day of ``period``, as report.build computed them
    before the fast path: every span read into Python and cut at each local midnight."""
    days = period.days()
    edges = [local_midnight(d) for d in days] + [local_midnight(period.last + timedelta(days=1))]
    active = [0.0] * len(days)
    per_site: list[dict[str, float]] = [{} for _ in days]
    for span in store.spans(*period.bounds()):
        i = max(0, bisect.bisect_right(edges, span.start) - 1)
        start = span.start
        while start < span.end and i < len(days):
            end = min(span.end, edges[i + 1])
            active[i] += end - start
            if span.site is not None:
                per_site[i][span.site] = per_site[i].get(span.site, 0.0) + end - start
            start, i = end, i + 1
    return list(zip(active, per_site, strict=True))


def expected_doc(store: Store, period: Period) -> dict[str, object]:
    """The report's document from the span loop, rounded as report._figures rounds."""
    figures = span_loop(store, period)
    days = [
        report._figures(active, dict(sites)) | {"date": day.isoformat()}
        for day, (active, sites) in zip(period.days(), figures, strict=True)
    ]
    total: dict[str, float] = {}
    for _, sites in figures:
        for site, seconds in sites.items():
            total[site] = total.get(site, 0.0) + seconds
    return {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        **report._figures(sum(active for active, _ in figures), total),
        "days": days,
    }


@pytest.mark.parametrize("seed", range(6))
def test_the_fast_path_equals_the_span_loop(seed: int) -> None:
    store = random_store(seed)
    rng = random.Random(1000 + seed)
    assert store.count() > 50
    periods = [Period(FIRST - timedelta(days=3), LAST + timedelta(days=3))]
    for _ in range(8):
        first = FIRST + timedelta(days=rng.randrange(0, (LAST - FIRST).days))
        periods.append(Period(first, first + timedelta(days=rng.choice([0, 6, 29, 89]))))
    for period in periods:
        assert report.build(store, period) == expected_doc(store, period)
        edges = [local_midnight(d) for d in period.days()]
        edges.append(local_midnight(period.last + timedelta(days=1)))
        fast = store.totals_between(edges)
        for (active, sites), totals in zip(span_loop(store, period), fast, strict=True):
            assert totals.active_seconds == pytest.approx(active, abs=1e-6)
            assert totals.sites == pytest.approx(sites, abs=1e-6)
    store.close()


def test_edges_cut_anywhere_and_an_empty_store() -> None:
    store = Store(":memory:")
    assert store.totals_between([0.0, 10.0]) == [Totals(0, {})]
    assert store.totals_between([5.0]) == [] and store.extent(0, 100) is None
    store.record("x.com", 10, 100, max_gap=0)
    store.record(None, 100, 150, max_gap=0)
    store.record("x.com", 1000, 1010, max_gap=0)
    cut = store.totals_between([0, 50, 120, 1005, 2000])
    assert [(t.active_seconds, t.sites) for t in cut] == [
        (40, {"x.com": 40}),
        (70, {"x.com": 50}),
        (35, {"x.com": 5}),  # 30 s of other time, then x.com from 1000
        (5, {"x.com": 5}),
    ]
    assert store.extent(50, 1005) == (50, 1005) and store.extent(0, 10**6) == (10, 1010)
    assert local_day(store.extent(0, 10**6)[0]) == date(1970, 1, 1)  # type: ignore[index]
    store.close()
