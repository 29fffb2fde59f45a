"""Work hours with explicit instants: every timestamp is built from a wall-clock time in a named
zone, so the expected values read like a calendar and no test depends on the machine's zone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtime.rules.work_hours import DAY_KEYS, TimeRange, WorkHours, format_ranges, parse_ranges

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
HOUR = 3600.0
DAY = 86400.0
OFFICE = "09:00-12:30, 13:30-18:00"
WEEKDAYS = dict.fromkeys(DAY_KEYS[:5], OFFICE)


def at(tz: ZoneInfo, day: str, hhmm: str = "00:00", *, fold: int = 0) -> float:
    """Epoch seconds of a wall-clock time, e.g. at(PARIS, "2026-06-01", "09:00")."""
    d = date.fromisoformat(day)
    h, m = map(int, hhmm.split(":"))
    return datetime(d.year, d.month, d.day, h, m, tzinfo=tz, fold=fold).timestamp()


def every_day(text: str, tz: ZoneInfo | None = PARIS, days_off: tuple[date, ...] = ()) -> WorkHours:
    return WorkHours.from_strings(dict.fromkeys(DAY_KEYS, text), days_off, tz)


def office(tz: ZoneInfo | None = PARIS, days_off: tuple[date, ...] = ()) -> WorkHours:
    return WorkHours.from_strings(WEEKDAYS, days_off, tz)


# -- parsing ------------------------------------------------------------------------------


def test_parse_ranges_sorted_and_in_minutes() -> None:
    assert parse_ranges("13:30-18:00, 09:00-12:30") == (TimeRange(540, 750), TimeRange(810, 1080))


@pytest.mark.parametrize(
    "text",
    [
        "09:00-12:30,13:30-18:00",
        " 9:00 - 12:30 ,  13:30 -18:00 ",
        "09:00–12:30, 13:30–18:00",  # en dash, as word processors write it
        "09:00—12:30, 13:30-18:00,",  # em dash and a stray comma
    ],
)
def test_parse_ranges_tolerates_how_people_type(text: str) -> None:
    assert format_ranges(parse_ranges(text)) == OFFICE


@pytest.mark.parametrize("text", ["", "   ", ","])
def test_empty_text_is_a_day_off(text: str) -> None:
    assert parse_ranges(text) == ()


def test_whole_day_and_adjacent_ranges() -> None:
    assert parse_ranges("00:00-24:00") == (TimeRange(0, 1440),)
    assert format_ranges(parse_ranges("00:00-24:00")) == "00:00-24:00"
    assert parse_ranges("08:00-12:00, 12:00-13:00") == (TimeRange(480, 720), TimeRange(720, 780))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25:00-26:00", "'25:00' is not a time of day (HH:MM, 00:00-24:00)"),
        ("09:00-24:30", "'24:30' is not a time of day (HH:MM, 00:00-24:00)"),
        ("09:60-10:00", "'09:60' is not a time of day"),
        ("9-17", "'9' is not a time of day"),
        ("０９:00-10:00", "'０９:00' is not a time of day"),  # full-width digits
        ("12:00-09:00", "range 12:00-09:00 ends before it starts"),
        ("9:00-9:00", "range 09:00-09:00 is empty"),
        ("09:00-12:00, 11:00-13:00", "ranges 09:00-12:00 and 11:00-13:00 overlap"),
        ("11:00-13:00, 09:00-12:00", "ranges 09:00-12:00 and 11:00-13:00 overlap"),
        ("09:00-12:00, 09:00-12:00", "ranges 09:00-12:00 and 09:00-12:00 overlap"),
        ("09:00", "'09:00' is not a range (HH:MM-HH:MM"),
        ("09:00-12:00-13:00", "'09:00-12:00-13:00' is not a range"),
        ("22:00-02:00", "range 22:00-02:00 ends before it starts"),
    ],
)
def test_parse_errors_say_precisely_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_ranges(text)
    assert str(excinfo.value).startswith(message)


def test_time_range_checks_itself() -> None:
    with pytest.raises(ValueError):
        TimeRange(600, 600)
    with pytest.raises(ValueError):
        TimeRange(0, 1441)
    assert str(TimeRange(0, 1440)) == "00:00-24:00"


def test_from_strings() -> None:
    wh = WorkHours.from_strings({"mon": OFFICE, "sat": "10:00-11:00"})
    assert wh.days[0] == parse_ranges(OFFICE)
    assert wh.days[1] == ()  # a missing day is a day off
    assert wh.days[5] == (TimeRange(600, 660),)
    with pytest.raises(ValueError, match="unknown day 'monday'"):
        WorkHours.from_strings({"monday": OFFICE})
    with pytest.raises(ValueError, match=r"^tue: range 12:00-09:00 ends before it starts$"):
        WorkHours.from_strings({"tue": "12:00-09:00"})
    with pytest.raises(ValueError, match="7 days"):
        WorkHours(days=((),) * 6)


# -- contains -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hhmm", "second", "inside"),
    [
        ("08:59", 59, False),
        ("09:00", 0, True),  # start inclusive
        ("12:29", 59, True),
        ("12:30", 0, False),  # end exclusive
        ("13:29", 59, False),
        ("13:30", 0, True),
        ("17:59", 59, True),
        ("18:00", 0, False),
    ],
)
def test_contains_at_the_ends_of_ranges(hhmm: str, second: int, inside: bool) -> None:
    t = at(PARIS, "2026-06-01", hhmm) + second  # a Monday
    assert office().contains(t) is inside


def test_weekend_is_off_by_default_pattern() -> None:
    assert not office().contains(at(PARIS, "2026-06-06", "10:00"))  # Saturday
    assert office().contains(at(PARIS, "2026-06-05", "10:00"))  # Friday


def test_midnight_belongs_to_the_day_it_starts() -> None:
    wh = WorkHours.from_strings({"mon": "22:00-24:00", "tue": "00:00-02:00"}, tz=PARIS)
    assert not wh.contains(at(PARIS, "2026-06-01", "21:59") + 59)
    assert wh.contains(at(PARIS, "2026-06-01", "23:59") + 59)
    assert wh.contains(at(PARIS, "2026-06-02", "00:00"))
    assert wh.contains(at(PARIS, "2026-06-02", "01:59") + 59)
    assert not wh.contains(at(PARIS, "2026-06-02", "02:00"))
    # The night is one interval: "24:00" Monday is exactly "00:00" Tuesday.
    span = wh.intervals_inside(at(PARIS, "2026-06-01"), at(PARIS, "2026-06-03"))
    assert span == [(at(PARIS, "2026-06-01", "22:00"), at(PARIS, "2026-06-02", "02:00"))]
    # Midnight alone is not work time on Monday when only Tuesday starts at 00:00.
    only_tue = WorkHours.from_strings({"tue": "00:00-01:00"}, tz=PARIS)
    assert not only_tue.contains(at(PARIS, "2026-06-02") - 1)
    assert only_tue.contains(at(PARIS, "2026-06-02"))


def test_whole_day_every_day_is_one_interval() -> None:
    wh = every_day("00:00-24:00")
    a, b = at(PARIS, "2026-06-01", "07:00"), at(PARIS, "2026-06-09", "07:00")
    assert wh.intervals_inside(a, b) == [(a, b)]
    assert wh.contains(at(PARIS, "2026-06-03"))
    assert wh.contains(at(PARIS, "2026-06-03") - 1)


def test_days_off_record_nothing() -> None:
    christmas = date(2026, 12, 25)  # a Friday
    wh = office(days_off=(christmas,))
    assert not wh.contains(at(PARIS, "2026-12-25", "10:00"))
    assert wh.seconds_inside(at(PARIS, "2026-12-25"), at(PARIS, "2026-12-26")) == 0
    assert wh.contains(at(PARIS, "2026-12-24", "10:00"))
    # A night shift ending at 24:00 the evening before a day off still ends at midnight.
    night = every_day("20:00-24:00", days_off=(christmas,))
    assert night.contains(at(PARIS, "2026-12-24", "23:59"))
    assert not night.contains(at(PARIS, "2026-12-25", "00:00"))
    assert not night.contains(at(PARIS, "2026-12-25", "21:00"))


# -- intervals_inside ---------------------------------------------------------------------


def test_intervals_skip_the_lunch_break() -> None:
    wh, day = office(), "2026-06-01"
    assert wh.intervals_inside(at(PARIS, day, "08:00"), at(PARIS, day, "20:00")) == [
        (at(PARIS, day, "09:00"), at(PARIS, day, "12:30")),
        (at(PARIS, day, "13:30"), at(PARIS, day, "18:00")),
    ]
    assert wh.intervals_inside(at(PARIS, day, "10:00"), at(PARIS, day, "14:00")) == [
        (at(PARIS, day, "10:00"), at(PARIS, day, "12:30")),
        (at(PARIS, day, "13:30"), at(PARIS, day, "14:00")),
    ]
    assert wh.seconds_inside(at(PARIS, day, "10:00"), at(PARIS, day, "14:00")) == 3 * HOUR


def test_intervals_of_an_empty_or_reversed_span() -> None:
    t = at(PARIS, "2026-06-01", "10:00")
    assert office().intervals_inside(t, t) == []
    assert office().intervals_inside(t, t - 60) == []
    assert office().seconds_inside(t, t - 60) == 0


def test_intervals_across_several_days() -> None:
    wh = office()
    parts = wh.intervals_inside(at(PARIS, "2026-06-05", "17:00"), at(PARIS, "2026-06-08", "10:00"))
    assert parts == [
        (at(PARIS, "2026-06-05", "17:00"), at(PARIS, "2026-06-05", "18:00")),
        (at(PARIS, "2026-06-08", "09:00"), at(PARIS, "2026-06-08", "10:00")),
    ]


# -- daylight saving time -----------------------------------------------------------------

SPRING, FALL = "2026-03-29", "2026-10-25"  # Sundays; Paris 02:00 -> 03:00 and 03:00 -> 02:00


def sunday(text: str, tz: ZoneInfo | None = PARIS) -> WorkHours:
    return WorkHours.from_strings({"sun": text}, tz=tz)


@pytest.mark.parametrize(
    ("text", "spring_hours", "fall_hours"),
    [
        ("00:00-24:00", 23, 25),
        ("01:00-04:00", 2, 4),
        ("02:30-04:00", 1, 2.5),  # 02:30 does not exist in spring: starts at the jump
        ("02:00-02:30", 0, 0.5),  # wholly skipped in spring; first pass in autumn
        ("09:00-17:00", 8, 8),
    ],
)
def test_paris_dst_days(text: str, spring_hours: float, fall_hours: float) -> None:
    wh = sunday(text)
    for day, hours in ((SPRING, spring_hours), (FALL, fall_hours)):
        d = date.fromisoformat(day)
        span = (at(PARIS, str(d - timedelta(days=1))), at(PARIS, str(d + timedelta(days=2))))
        assert wh.seconds_inside(*span) == hours * HOUR, (text, day)


def test_paris_spring_forward_instants() -> None:
    jump = at(PARIS, SPRING, "03:00")  # == 01:00 UTC, the instant the clocks jump
    assert jump == datetime(2026, 3, 29, 1, tzinfo=ZoneInfo("UTC")).timestamp()
    wh = sunday("02:30-04:00")
    assert wh.intervals_inside(jump - DAY, jump + DAY) == [(jump, at(PARIS, SPRING, "04:00"))]
    assert not wh.contains(jump - 1)
    assert wh.contains(jump)
    assert not sunday("02:00-02:30").contains(jump)
    assert sunday("02:00-02:30").next_start(jump) == at(PARIS, "2026-04-05", "02:00")
    # The whole day runs from midnight CET to midnight CEST.
    whole = sunday("00:00-24:00")
    assert whole.intervals_inside(jump - DAY, jump + DAY) == [
        (at(PARIS, SPRING), at(PARIS, "2026-03-30"))
    ]


def test_paris_fall_back_counts_each_real_second_once() -> None:
    first = at(PARIS, FALL, "02:30", fold=0)  # CEST
    second = at(PARIS, FALL, "02:30", fold=1)  # CET, one hour later
    assert second - first == HOUR
    for text in ("00:00-24:00", "01:00-04:00"):
        wh = sunday(text)
        assert wh.contains(first) and wh.contains(second)
        assert wh.intervals_inside(first, second + 1) == [(first, second + 1)]
    # A range ending inside the repeated hour ends at its first occurrence.
    short = sunday("01:00-02:30")
    assert short.contains(first - 1)
    assert not short.contains(first)
    assert not short.contains(second)


@pytest.mark.parametrize(
    ("day", "hours"), [("2026-03-08", 23), ("2026-11-01", 25), ("2026-06-07", 24)]
)
def test_new_york_dst_days(day: str, hours: int) -> None:
    wh = sunday("00:00-24:00", tz=NEW_YORK)
    d = date.fromisoformat(day)
    span = (at(NEW_YORK, str(d - timedelta(days=1))), at(NEW_YORK, str(d + timedelta(days=1))))
    assert wh.seconds_inside(*span) == hours * HOUR
    nine_to_five = WorkHours.from_strings({"mon": "09:00-17:00"}, tz=NEW_YORK)
    monday = str(d + timedelta(days=1))
    assert nine_to_five.intervals_inside(
        at(NEW_YORK, monday), at(NEW_YORK, str(d + timedelta(days=2)))
    ) == [(at(NEW_YORK, monday, "09:00"), at(NEW_YORK, monday, "17:00"))]


# -- whole weeks --------------------------------------------------------------------------


@pytest.mark.parametrize("monday", ["2026-06-01", "2026-03-23", "2026-10-19", "2026-12-28"])
def test_a_whole_office_week_is_40_hours_even_around_dst(monday: str) -> None:
    start = date.fromisoformat(monday)
    end = start + timedelta(days=7)
    assert office().seconds_inside(at(PARIS, str(start)), at(PARIS, str(end))) == 40 * HOUR


def test_weeks_with_holidays_and_several_weeks() -> None:
    holidays = (date(2026, 6, 3), date(2026, 6, 6))  # a Wednesday and a Saturday
    wh = office(days_off=holidays)
    assert wh.seconds_inside(at(PARIS, "2026-06-01"), at(PARIS, "2026-06-08")) == 32 * HOUR
    assert wh.seconds_inside(at(PARIS, "2026-06-01"), at(PARIS, "2026-06-29")) == 152 * HOUR
    assert (
        every_day("00:00-24:00").seconds_inside(at(PARIS, "2026-03-23"), at(PARIS, "2026-03-30"))
        == (7 * 24 - 1) * HOUR
    )


# -- next_start ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (("2026-06-01", "07:00"), ("2026-06-01", "09:00")),
        (("2026-06-01", "12:30"), ("2026-06-01", "13:30")),  # lunch
        (("2026-06-01", "18:00"), ("2026-06-02", "09:00")),
        (("2026-06-05", "19:00"), ("2026-06-08", "09:00")),  # Friday evening -> Monday
        (("2026-06-06", "10:00"), ("2026-06-08", "09:00")),  # Saturday
    ],
)
def test_next_start(now: tuple[str, str], expected: tuple[str, str]) -> None:
    assert office().next_start(at(PARIS, *now)) == at(PARIS, *expected)


def test_next_start_inside_work_hours_is_now() -> None:
    t = at(PARIS, "2026-06-01", "10:00") + 0.5
    assert office().next_start(t) == t


def test_next_start_skips_days_off_even_many() -> None:
    # Only Mondays are worked and the next three Mondays are holidays.
    mondays = tuple(date(2026, 6, 1) + timedelta(weeks=w) for w in range(3))
    wh = WorkHours.from_strings({"mon": "09:00-10:00"}, days_off=mondays, tz=PARIS)
    assert wh.next_start(at(PARIS, "2026-05-30")) == at(PARIS, "2026-06-22", "09:00")


def test_next_start_without_any_work_day() -> None:
    assert WorkHours.from_strings({}, tz=PARIS).next_start(at(PARIS, "2026-06-01")) is None
    everyday_off = tuple(date(2026, 6, 1) + timedelta(days=i) for i in range(7))
    wh = office(days_off=everyday_off)
    assert wh.next_start(at(PARIS, "2026-06-01")) == at(PARIS, "2026-06-08", "09:00")


# -- properties ---------------------------------------------------------------------------

YEAR_2026 = st.floats(min_value=at(PARIS, "2026-01-01"), max_value=at(PARIS, "2027-01-01"))


@settings(max_examples=200, deadline=None)
@given(t=YEAR_2026, zone=st.sampled_from([PARIS, NEW_YORK]))
def test_contains_agrees_with_intervals(t: float, zone: ZoneInfo) -> None:
    wh = WorkHours.from_strings({**WEEKDAYS, "sun": "00:00-03:00, 22:00-24:00"}, tz=zone)
    inside = any(s <= t < e for s, e in wh.intervals_inside(t - DAY, t + DAY))
    assert wh.contains(t) is inside
    start = wh.next_start(t)
    assert start is not None and start >= t and wh.contains(start)
    assert wh.seconds_inside(t, start) == 0


@settings(max_examples=100, deadline=None)
@given(a=YEAR_2026, b=YEAR_2026, c=YEAR_2026)
def test_seconds_inside_adds_up(a: float, b: float, c: float) -> None:
    a, b, c = sorted((a, b, c))
    wh = every_day("01:00-04:00, 23:00-24:00")
    total = wh.seconds_inside(a, c)
    assert total == pytest.approx(wh.seconds_inside(a, b) + wh.seconds_inside(b, c))
    assert 0 <= total <= c - a


# -- the system's local time (tz=None) ----------------------------------------------------


@pytest.fixture
def system_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Make the process's local time Europe/Paris, and restore it afterwards."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield "Europe/Paris"
    monkeypatch.undo()
    time.tzset()


def test_local_time_path_matches_zoneinfo(system_zone: str) -> None:
    assert time.localtime(at(PARIS, "2026-06-01", "09:00")).tm_hour == 9
    for text in ("00:00-24:00", "01:00-04:00", "02:30-04:00", "02:00-02:30", OFFICE):
        local = every_day(text, tz=None)
        zoned = every_day(text, tz=PARIS)
        for day in (SPRING, FALL, "2026-06-01"):
            d = date.fromisoformat(day)
            a, b = at(PARIS, str(d - timedelta(days=1))), at(PARIS, str(d + timedelta(days=2)))
            assert local.intervals_inside(a, b) == zoned.intervals_inside(a, b), (text, day)
    assert office(tz=None).contains(at(PARIS, "2026-06-01", "09:00"))
    assert not office(tz=None).contains(at(PARIS, "2026-06-01", "08:59"))
    assert office(tz=None).next_start(at(PARIS, "2026-06-05", "19:00")) == at(
        PARIS, "2026-06-08", "09:00"
    )


def test_local_time_path_follows_a_zone_change(
    system_zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    wh = office(tz=None)
    nine_paris = at(PARIS, "2026-06-01", "09:00")
    assert wh.contains(nine_paris)
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    assert not wh.contains(nine_paris)  # 03:00 in New York
    assert wh.contains(at(NEW_YORK, "2026-06-01", "09:00"))


def test_errors_in_french(french) -> None:
    with pytest.raises(ValueError, match=r"^«\u00a09\u00a0» n'est pas une heure valide "):
        parse_ranges("9-12:00")
    with pytest.raises(ValueError, match=r"^les plages 09:00-12:00 et 11:00-13:00 se chevauchent$"):
        parse_ranges("09:00-12:00, 11:00-13:00")
    with pytest.raises(
        ValueError, match=r"^tue\u00a0: la plage 12:00-09:00 se termine avant de commencer$"
    ):
        WorkHours.from_strings({"tue": "12:00-09:00"})
