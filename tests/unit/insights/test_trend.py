"""Better or worse: the daily average over work days against the period before, by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from socialtime.insights import report, trend
from socialtime.recording.store import Store
from socialtime.rules.periods import Period, local_midnight, period_for
from socialtime.settings import default_work_hours

HOURS = default_work_hours()  # Monday to Friday
W47 = date(2026, 11, 16)  # a Monday
W48 = date(2026, 11, 23)
SUNDAY = date(2026, 11, 29)

pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def social(store: Store, day: date, minutes: float, site: str = "facebook.com") -> None:
    start = local_midnight(day) + 10 * 3600
    store.record(site, start, start + minutes * 60, max_gap=0)


def two_weeks(store: Store) -> None:
    # week 47: 240 min over 5 work days = 48 min a day
    for offset, minutes in enumerate([60, 60, 40, 40, 40]):
        social(store, W47 + timedelta(days=offset), minutes)
    # week 48: 60 + 30 + 0 + 45 + 15 = 150 min over 5 work days = 30 min a day
    for offset, minutes in enumerate([60, 30, 0, 45, 15]):
        if minutes:
            social(store, W48 + timedelta(days=offset), minutes)
    store.record(
        None,
        local_midnight(W48 + timedelta(days=2)) + 9 * 3600,
        local_midnight(W48 + timedelta(days=2)) + 17 * 3600,
        max_gap=0,
    )


def test_a_week_against_the_week_before(store) -> None:
    two_weeks(store)
    result = trend.compare(store, HOURS, period_for("week", W48), SUNDAY)
    assert (result.social_seconds, result.work_days) == (150 * 60, 5)
    assert (result.previous_social_seconds, result.previous_work_days) == (240 * 60, 5)
    assert result.daily_average == 30 * 60 and result.previous_daily_average == 48 * 60
    assert result.change_per_day == -18 * 60
    assert result.sentence() == "18 min a day less than the week before (48 min a day)."
    assert result.total_text() == "2 h 30 min of social time: 30 min a day over 5 work days."
    assert result.percent_text() == "\u221238 %"
    assert result.as_json() == {
        "work_days": 5,
        "daily_average_seconds": 1800,
        "comparison": {
            "from": "2026-11-16",
            "to": "2026-11-22",
            "social_seconds": 14400,
            "work_days": 5,
            "daily_average_seconds": 2880,
            "change_seconds_per_day": -1080,
            "text": "18 min a day less than the week before (48 min a day).",
        },
    }


def test_the_current_week_counts_the_days_lived_so_far(store) -> None:
    for offset, minutes in enumerate([60, 60, 40, 40, 40]):
        social(store, W47 + timedelta(days=offset), minutes)
    social(store, W48, 60)
    social(store, W48 + timedelta(days=1), 30)
    wednesday = W48 + timedelta(days=2)  # nothing yet today
    result = trend.compare(store, HOURS, period_for("week", W48), wednesday)
    # Monday to Wednesday: 90 min over 3 work days; the week before stays whole
    assert result.work_days == 3 and result.daily_average == 30 * 60
    assert result.sentence() == "18 min a day less than the week before (48 min a day)."


def test_days_before_the_first_recording_are_unknown_not_zero(store) -> None:
    social(store, W47 + timedelta(days=2), 36)  # recording began on Wednesday of week 47
    social(store, W48, 60)
    result = trend.compare(store, HOURS, period_for("week", W48), SUNDAY)
    assert result.previous_work_days == 3 and result.previous_daily_average == 12 * 60
    assert result.sentence() == "About the same as the week before (12 min a day)."


def test_more_and_about_the_same(store) -> None:
    social(store, W47, 50)
    social(store, W48, 100)
    result = trend.compare(store, HOURS, period_for("week", W48), SUNDAY)
    assert result.sentence() == "10 min a day more than the week before (10 min a day)."
    social(store, W47 + timedelta(days=1), 49.5)
    result = trend.compare(store, HOURS, period_for("week", W48), SUNDAY)
    assert result.change_per_day == pytest.approx(1.0 * 6)  # 20 min vs 19.9 min a day
    assert result.sentence() == "About the same as the week before (19 min a day)."


def test_nothing_to_compare_with(store) -> None:
    social(store, W48, 60)
    result = trend.compare(store, HOURS, period_for("week", W48), SUNDAY)
    assert result.previous_daily_average is None and result.change_per_day is None
    assert result.sentence() == "Nothing recorded in the week before to compare with."
    empty = trend.compare(store, HOURS, Period(SUNDAY, SUNDAY), SUNDAY)
    assert empty.sentence() == "No work day in this period yet."
    assert empty.total_text() == "0 s of social time."


def test_the_names_of_the_period_before() -> None:
    assert trend.previous_name(period_for("month", W48)) == "the month before"
    assert trend.previous_name(period_for("days7", W48)) == "the 7 days before"
    assert trend.previous_name(Period(W47, SUNDAY)) == "the 2 weeks before"
    assert trend.previous_name(period_for("days30", W48)) == "the 30 days before"
    assert trend.previous_name(Period(W48, W48)) == "the day before"


def test_the_report_it_is_given_is_not_read_again(store) -> None:
    two_weeks(store)
    period = period_for("week", W48)
    doc = report.build(store, period)
    assert trend.compare(store, HOURS, period, SUNDAY, doc) == trend.compare(
        store, HOURS, period, SUNDAY
    )


def test_in_french(store, french) -> None:
    two_weeks(store)
    result = trend.compare(store, HOURS, period_for("month", W48), SUNDAY)
    assert result.sentence() == "Rien d'enregistré le mois précédent pour comparer."
    result = trend.compare(store, HOURS, period_for("week", W48), SUNDAY)
    assert (
        result.sentence() == "18 min par jour de moins que la semaine précédente (48 min par jour)."
    )
