"""Moving through the dashboard's periods: back, forward, the period before, --month."""

from __future__ import annotations

from datetime import date

import pytest

from socialtime.rules.periods import (
    FIRST_DAY,
    LAST_DAY,
    Period,
    first_week,
    is_current,
    last_week,
    parse_month,
    period_for,
    previous,
    step,
)

WED = date(2026, 11, 25)


def test_each_kind_names_its_period() -> None:
    assert period_for("week", WED) == Period(date(2026, 11, 23), date(2026, 11, 29))
    assert period_for("month", WED) == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert period_for("days7", WED) == Period(date(2026, 11, 19), WED)
    assert period_for("days30", WED) == Period(date(2026, 10, 27), WED)
    assert period_for("days90", WED) == Period(date(2026, 8, 28), WED)
    with pytest.raises(ValueError, match="unknown period kind 'year'"):
        period_for("year", WED)


@pytest.mark.parametrize(
    ("kind", "delta", "anchor"),
    [
        ("week", -1, date(2026, 11, 18)),
        ("week", 2, date(2026, 12, 9)),
        ("month", -1, date(2026, 10, 25)),
        ("month", 3, date(2027, 2, 25)),
        ("month", -11, date(2025, 12, 25)),
        ("days7", -1, date(2026, 11, 18)),
        ("days30", 1, date(2026, 12, 25)),
        ("days90", -1, date(2026, 8, 27)),
    ],
)
def test_a_step_moves_by_one_period(kind: str, delta: int, anchor: date) -> None:
    assert step(kind, WED, delta) == anchor
    assert step(kind, anchor, -delta) == WED


def test_a_month_step_from_the_31st_lands_on_the_last_day() -> None:
    assert step("month", date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert step("month", date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert step("month", date(2026, 3, 31), -1) == date(2026, 2, 28)


def test_steps_stay_within_the_calendar() -> None:
    assert step("month", date(2000, 1, 15), -3) == date(2000, 1, 15)
    assert step("month", date(2099, 12, 15), 10**9) == date(2099, 12, 15)
    assert period_for("week", step("week", WED, 10**9)) == last_week()
    assert period_for("week", step("week", WED, -(10**9))) == first_week()
    assert period_for("days90", step("days90", WED, -(10**6))).first == FIRST_DAY
    assert period_for("days7", step("days7", WED, 10**6)).last == LAST_DAY


def test_the_period_before() -> None:
    november = period_for("month", WED)
    assert previous(november) == Period(date(2026, 10, 1), date(2026, 10, 31))
    assert previous(Period(date(2026, 3, 1), date(2026, 3, 31))) == Period(
        date(2026, 2, 1), date(2026, 2, 28)
    )
    assert previous(period_for("week", WED)) == Period(date(2026, 11, 16), date(2026, 11, 22))
    assert previous(period_for("days30", WED)) == Period(date(2026, 9, 27), date(2026, 10, 26))
    assert previous(Period(WED, WED)) == Period(date(2026, 11, 24), date(2026, 11, 24))
    assert previous(period_for("month", FIRST_DAY)) is None
    assert previous(Period(FIRST_DAY, date(2000, 1, 7))) is None


def test_the_current_period_holds_today() -> None:
    assert is_current("week", date(2026, 11, 23), WED)
    assert not is_current("week", date(2026, 11, 22), WED)
    assert is_current("month", date(2026, 11, 1), WED)
    assert not is_current("days7", date(2026, 11, 24), WED)


def test_month_arguments() -> None:
    assert parse_month("2026-02") == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert parse_month(" 2099-12 ") == Period(date(2099, 12, 1), LAST_DAY)
    for text in ("2026-13", "2026-00", "2026-1", "Nov 2026", ""):
        with pytest.raises(ValueError, match=r"--month: .* is not a month \(expected YYYY-MM\)"):
            parse_month(text)
    with pytest.raises(ValueError, match=r"out of range .*2000-01 to 2099-12"):
        parse_month("1999-12")
