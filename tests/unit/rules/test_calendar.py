"""The one calendar (socialtime.rules.periods): local days and their bounds across the changes of
the clocks, ISO weeks across the turn of a year, months; and no module counting days by itself."""

from __future__ import annotations

import ast
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers import ROOT

from socialtime.rules import periods
from socialtime.rules.periods import Period

pytestmark = pytest.mark.usefixtures("paris")
PACKAGE = ROOT / "socialtime"


def test_a_day_runs_from_midnight_to_midnight_23_or_25_hours_when_the_clocks_change():
    for day, hours in ((date(2026, 3, 29), 23), (date(2026, 10, 25), 25), (date(2026, 11, 24), 24)):
        start, end = periods.day_bounds(day)
        assert start == datetime(day.year, day.month, day.day).timestamp()
        assert end - start == hours * 3600
        assert (start, end) == Period(day, day).bounds()


def test_the_local_day_of_an_instant_and_the_bounds_of_today():
    night = datetime(2026, 10, 25, 23, 59, 59).timestamp()  # the 25-hour day, its last second
    assert periods.local_day(night) == date(2026, 10, 25)
    assert periods.local_day(night + 1) == date(2026, 10, 26)
    assert periods.today_bounds(night) == periods.day_bounds(date(2026, 10, 25))
    # Tomorrow begins at the next midnight, an hour later than 24 h after this one's start.
    assert periods.next_midnight(datetime(2026, 10, 25, 0, 30).timestamp()) == night + 1


def test_what_the_clock_shows_in_the_systems_zone_or_another():
    t = datetime(2026, 3, 29, 3, 0).timestamp()  # just after the jump from 02:00 to 03:00
    assert periods.wall_clock(t) == datetime(2026, 3, 29, 3, 0)
    assert periods.wall_clock(t - 1) == datetime(2026, 3, 29, 1, 59, 59)
    assert periods.wall_clock(t, ZoneInfo("America/New_York")) == datetime(2026, 3, 28, 21, 0)


def test_iso_weeks_across_the_turn_of_a_year():
    assert periods.week_of(date(2027, 1, 1)) == Period(date(2026, 12, 28), date(2027, 1, 3))
    assert periods.week_name(date(2027, 1, 1)) == "2026-W53"
    assert periods.previous_week(date(2027, 1, 4)) == Period(date(2026, 12, 28), date(2027, 1, 3))
    assert periods.previous_week(date(2026, 11, 24)) == Period(
        date(2026, 11, 16), date(2026, 11, 22)
    )
    assert periods.iso_week(2026, 53) == periods.week_of(date(2027, 1, 1))
    assert periods.iso_week(2025, 53) is None and periods.iso_week(2026, 0) is None
    assert periods.iso_week(0, 1) is None


def test_months_and_days_ending_a_day():
    assert periods.month_of(date(2028, 2, 14)) == Period(date(2028, 2, 1), date(2028, 2, 29))
    assert periods.month_of(date(2026, 12, 31)) == Period(date(2026, 12, 1), date(2026, 12, 31))
    four_weeks = periods.days_ending(date(2026, 11, 24), 28)
    assert four_weeks == Period(date(2026, 10, 28), date(2026, 11, 24))
    assert len(four_weeks.days()) == 28


def test_a_week_label_names_the_iso_week():
    assert periods.week_of(date(2027, 1, 1)).label() == "week of 28 December 2026"


# --- no module counts days by itself -------------------------------------------------------------

# The calls that turn instants into days or weeks. Only the calendar makes them, and the work
# hours, which convert their own time zone's wall clock to instants (rules/work_hours.py).
CALENDAR_CALLS = {"fromtimestamp", "isocalendar", "fromisocalendar", "timestamp"}
OWN_CALENDAR = {"rules/periods.py", "rules/work_hours.py"}


def calendar_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        if call and node.func.attr in CALENDAR_CALLS:
            found.append(f"line {node.lineno}: {node.func.attr}")
    return sorted(found)


@pytest.mark.parametrize(
    "path",
    sorted(
        p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).as_posix() not in OWN_CALENDAR
    ),
    ids=lambda p: p.relative_to(PACKAGE).as_posix(),
)
def test_only_the_calendar_turns_instants_into_days(path):
    assert calendar_calls(path) == [], "use socialtime.rules.periods"


def test_the_check_finds_a_calendar_of_its_own(tmp_path):
    copy = tmp_path / "copy.py"
    copy.write_text(
        "from datetime import datetime\n"
        "day = datetime.fromtimestamp(0).date()\n"
        "iso = day.isocalendar()\n",
        encoding="utf-8",
    )
    assert calendar_calls(copy) == ["line 2: fromtimestamp", "line 3: isocalendar"]
