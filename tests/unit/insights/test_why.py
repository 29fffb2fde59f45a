"""Why a day missed its goals: each kind of goal, by how much, in both languages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from socialtime.insights import why
from socialtime.insights.goals import Goals, day_results
from socialtime.recording.store import Store
from socialtime.rules.periods import local_midnight
from socialtime.rules.work_hours import parse_ranges
from socialtime.settings import default_work_hours

MONDAY = date(2026, 11, 23)
HOURS = default_work_hours()
NAMES = {"youtube.com": "YouTube", "facebook.com": "Facebook"}

pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def record(store: Store, site: str | None, hh: int, mm: int, minutes: float) -> None:
    start = local_midnight(MONDAY) + hh * 3600 + mm * 60
    store.record(site, start, start + minutes * 60, max_gap=0)


def misses(store: Store, goals: Goals) -> tuple[why.Miss, ...]:
    (result,) = day_results(store, goals, HOURS, MONDAY, MONDAY)
    assert result.met is (not result.misses)
    return result.misses


def test_the_daily_budget(store) -> None:
    record(store, "facebook.com", 10, 0, 43)
    (miss,) = misses(store, Goals(daily_minutes=30))
    assert miss == why.Miss("daily", 43 * 60, 30 * 60)
    assert miss.text(NAMES) == "daily budget: 43 min of 30 min"
    assert (miss.label(), miss.over) == ("daily budget", 13 * 60)
    assert miss.as_json() == {"goal": "daily", "seconds": 2580, "limit_seconds": 1800}


def test_site_budgets_most_over_first(store) -> None:
    record(store, "youtube.com", 10, 0, 14)
    record(store, "facebook.com", 11, 0, 25)
    record(store, "x.com", 12, 0, 5)
    goals = Goals(site_daily_minutes={"youtube.com": 10, "facebook.com": 5, "x.com": 5})
    found = misses(store, goals)
    assert [m.site for m in found] == ["facebook.com", "youtube.com"]  # x.com: 5 of 5 is met
    assert why.text(found, NAMES) == "Facebook: 25 min of 5 min; YouTube: 14 min of 10 min"
    assert [m.label(NAMES) for m in found] == ["Facebook", "YouTube"]
    assert found[0].label() == "facebook.com"  # no display name known: the id


def test_focus_time(store) -> None:
    record(store, "youtube.com", 9, 56, 8)  # 4 of its minutes are after 10:00
    (miss,) = misses(store, Goals(focus=parse_ranges("10:00-12:00")))
    assert miss.kind == "focus" and miss.used == pytest.approx(240)
    assert miss.text() == "4 min in focus time"
    assert miss.label() == "focus time"


def test_all_at_once_in_the_order_said(store) -> None:
    record(store, "youtube.com", 10, 30, 14)
    record(store, "facebook.com", 14, 0, 29)
    goals = Goals(
        daily_minutes=30, site_daily_minutes={"youtube.com": 10}, focus=parse_ranges("10:00-11:00")
    )
    assert why.text(misses(store, goals), NAMES) == (
        "daily budget: 43 min of 30 min; YouTube: 14 min of 10 min; 14 min in focus time"
    )


def test_a_met_day_and_a_day_off_have_no_miss(store) -> None:
    record(store, "facebook.com", 10, 0, 20)
    assert misses(store, Goals(daily_minutes=30)) == ()
    saturday = MONDAY + timedelta(days=5)
    (off,) = day_results(store, Goals(daily_minutes=1), HOURS, saturday, saturday)
    assert off.met is None and off.misses == ()


def test_the_weekly_budget() -> None:
    goals = Goals(weekly_minutes=150)
    assert why.week_miss(goals, 150 * 60) is None
    assert why.week_miss(Goals(), 10**6) is None
    miss = why.week_miss(goals, 190 * 60)
    assert miss is not None and miss.text() == "weekly budget: 3 h 10 min of 2 h 30 min"


def test_in_french(store, french) -> None:
    record(store, "youtube.com", 10, 30, 14)
    goals = Goals(daily_minutes=10, focus=parse_ranges("10:00-11:00"))
    text = why.text(misses(store, goals), NAMES)
    assert text == (
        "budget quotidien\u00a0: 14 min sur 10 min\u00a0; 14 min pendant le temps de concentration"
    )
