"""Personal goals: the [goals] table, which work days met them, and the streak."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest

from socialtime.insights.goals import (
    FOCUS_GRACE_SECONDS,
    DayResult,
    Goals,
    Overview,
    current_streak,
    day_results,
    dump_goals,
    overview_text,
    parse_goals,
    progress_text,
    streak,
)
from socialtime.recording.store import Store
from socialtime.rules.periods import Period, local_midnight
from socialtime.rules.work_hours import WorkHours, parse_ranges
from socialtime.settings import default_work_hours

MONDAY = date(2026, 11, 23)  # week 2026-W48; Saturday the 28th and Sunday the 29th are off
HOURS = default_work_hours()


pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def at(day: date, hh: int, mm: int = 0, ss: float = 0) -> float:
    return local_midnight(day) + hh * 3600 + mm * 60 + ss


def record(store: Store, site: str | None, start: float, seconds: float) -> None:
    store.record(site, start, start + seconds, max_gap=0)


# -- the table ----------------------------------------------------------------------------


def test_a_full_table_is_read() -> None:
    text = """
daily_minutes = 30
weekly_minutes = 120
focus = "14:00-15:00, 09:00-11:00"
[sites]
"youtube.com" = 10
"x.com" = 5
"""
    goals, errors = parse_goals(tomllib.loads(text), "config.toml")
    assert errors == []
    assert goals == Goals(
        daily_minutes=30,
        site_daily_minutes={"youtube.com": 10, "x.com": 5},
        focus=parse_ranges("09:00-11:00, 14:00-15:00"),
        weekly_minutes=120,
    )
    assert not goals.is_empty() and Goals().is_empty()
    assert hash(goals) == hash(Goals(30, {"x.com": 5, "youtube.com": 10}, goals.focus, 120))


@pytest.mark.parametrize(
    ("text", "key", "says"),
    [
        ("daily_minutes = 0", "goals.daily_minutes", "between 1 and 1440"),
        ("daily_minutes = 1441", "goals.daily_minutes", "between 1 and 1440"),
        ("daily_minutes = 2.5", "goals.daily_minutes", "an integer number of minutes"),
        ("daily_minutes = true", "goals.daily_minutes", "an integer number of minutes"),
        ("weekly_minutes = 10081", "goals.weekly_minutes", "between 1 and 10080"),
        ('focus = "11:00-09:00"', "goals.focus", "ends before it starts"),
        ('focus = "09:00-11:00, 10:00-12:00"', "goals.focus", "overlap"),
        ("focus = 9", "goals.focus", 'a string such as "09:00-11:00'),
        ('sites = ["youtube.com"]', "goals.sites", 'such as "youtube.com" = 10'),
        ('[sites]\n"YouTube" = 10', "goals.sites.YouTube", "not a site id"),
        ("[sites]\nlocalhost = 10", "goals.sites.localhost", "a lowercase domain"),
        ('[sites]\n"youtube.com" = 0', 'goals.sites."youtube.com"', "between 1 and 1440"),
        ('[sites]\n"youtube.com" = "10"', 'goals.sites."youtube.com"', "integer"),
        ("daily_minute = 30", "goals.daily_minute", "did you mean 'daily_minutes'?"),
    ],
)
def test_each_mistake_names_the_file_and_the_key(text: str, key: str, says: str) -> None:
    goals, errors = parse_goals(tomllib.loads(text), "team.toml")
    assert goals == Goals()
    assert [e.key for e in errors] == [key]
    assert str(errors[0]).startswith(f"team.toml: {key}") and says in str(errors[0])


def test_the_key_prefix_names_where_the_table_is() -> None:
    _, errors = parse_goals({"daily_minutes": -1}, "x.toml", key_prefix="team.goals")
    assert errors[0].key == "team.goals.daily_minutes"


@pytest.mark.parametrize(
    "goals",
    [
        Goals(),
        Goals(daily_minutes=1),
        Goals(weekly_minutes=10080),
        Goals(focus=parse_ranges("00:00-24:00")),
        Goals(site_daily_minutes={"youtube.com": 10, "my-site.example.org": 1440}),
        Goals(30, {"x.com": 5}, parse_ranges("09:00-11:00, 14:00-15:00"), 120),
    ],
)
def test_dump_reads_back_to_the_same_goals(goals: Goals) -> None:
    body = dump_goals(goals)
    assert parse_goals(tomllib.loads(body), "x") == (goals, [])
    # The body stands under any header, as the [goals] table of a team file does.
    assert tomllib.loads("team = 'A'\n[goals]\n" + body)["goals"] == tomllib.loads(body)


def test_progress_text() -> None:
    assert progress_text(Goals(daily_minutes=30), 24 * 60 + 30) == "24 min of your 30 min"
    assert progress_text(Goals(daily_minutes=90), 0) == "0 s of your 1 h 30 min"
    assert progress_text(Goals(weekly_minutes=30), 60) is None


def test_progress_text_in_french(french) -> None:
    assert progress_text(Goals(daily_minutes=30), 24 * 60 + 30) == "24 min sur vos 30 min"


@pytest.mark.parametrize(
    ("streak_days", "english", "french_text"),
    [
        (0, "0 work days", "0 jour travaillé"),  # French counts 0 as singular
        (1, "1 work day", "1 jour travaillé"),
        (3, "3 work days", "3 jours travaillés"),
    ],
)
def test_the_streak_sentence_counts_days_in_each_language(
    request, streak_days, english, french_text
) -> None:
    data = Overview(MONDAY, Period(MONDAY, MONDAY), {}, streak_days, 0.0)
    goals = Goals(daily_minutes=30)
    assert overview_text(data, goals) == f"Current streak: {english} with your goals met."
    request.getfixturevalue("french")
    assert overview_text(data, goals) == (
        f"Série en cours\u00a0: {french_text} avec vos objectifs atteints."
    )


# -- days met -----------------------------------------------------------------------------


def one(store: Store, goals: Goals, day: date = MONDAY) -> DayResult:
    (result,) = day_results(store, goals, HOURS, day, day)
    return result


def test_the_daily_budget_holds_up_to_and_including_its_limit(store) -> None:
    goals = Goals(daily_minutes=30)
    record(store, "facebook.com", at(MONDAY, 10), 20 * 60)
    record(store, "youtube.com", at(MONDAY, 14), 10 * 60)
    record(store, None, at(MONDAY, 15), 3600)
    result = one(store, goals)
    assert result == DayResult(MONDAY, True, 1800.0, True)
    record(store, "x.com", at(MONDAY, 16), 1)
    assert one(store, goals).met is False


def test_a_site_budget_judges_only_its_site(store) -> None:
    goals = Goals(site_daily_minutes={"youtube.com": 10})
    record(store, "facebook.com", at(MONDAY, 10), 60 * 60)
    record(store, "youtube.com", at(MONDAY, 11), 10 * 60)
    assert one(store, goals).met is True
    record(store, "youtube.com", at(MONDAY, 12), 60)
    assert one(store, goals).met is False


def test_focus_periods_forgive_only_a_few_seconds(store) -> None:
    goals = Goals(focus=parse_ranges("09:00-11:00"))
    record(store, "facebook.com", at(MONDAY, 8, 50), 10 * 60)  # ends at 09:00 exactly
    record(store, "facebook.com", at(MONDAY, 11), 3600)  # just after
    record(store, None, at(MONDAY, 9), 2 * 3600)  # other time inside is fine
    assert one(store, goals).met is True
    record(store, "x.com", at(MONDAY, 10, 59, 60 - FOCUS_GRACE_SECONDS), FOCUS_GRACE_SECONDS)
    assert one(store, goals).met is True  # a tick's spill, not a breach
    record(store, "x.com", at(MONDAY, 9, 30), 11)
    assert one(store, goals).met is False


def test_days_off_and_days_without_a_daily_goal_are_neither_met_nor_missed(store) -> None:
    saturday = MONDAY + timedelta(days=5)
    record(store, "facebook.com", at(saturday, 10), 3 * 3600)  # e.g. from an older setting
    results = day_results(store, Goals(daily_minutes=30), HOURS, MONDAY, saturday)
    assert [r.work_day for r in results] == [True] * 5 + [False]
    assert [r.met for r in results] == [True] * 5 + [None]
    assert results[-1].social_seconds == 3 * 3600
    holiday = WorkHours(HOURS.days, frozenset({MONDAY}))
    (monday,) = day_results(store, Goals(daily_minutes=30), holiday, MONDAY, MONDAY)
    assert (monday.work_day, monday.met) == (False, None)
    # A weekly budget judges the week, not a day.
    assert one(store, Goals(weekly_minutes=60)).met is None
    assert day_results(store, Goals(daily_minutes=30), HOURS, MONDAY, MONDAY - timedelta(1)) == []


def test_days_are_local_days_across_a_change_of_clocks(store) -> None:
    """Sunday 25 October 2026 lasts 25 hours in Paris; its 23:30 belongs to it."""
    sunday = date(2026, 10, 25)
    every_day = WorkHours.from_strings({d: "00:00-24:00" for d in ("sat", "sun", "mon")})
    record(store, "facebook.com", at(sunday + timedelta(1), 0) - 1800, 1800)
    results = day_results(store, Goals(daily_minutes=29), every_day, sunday, sunday + timedelta(1))
    assert [(r.social_seconds, r.met) for r in results] == [(1800, False), (0, True)]


# -- the streak ---------------------------------------------------------------------------


def results_for(pattern: str, last: date) -> list[DayResult]:
    """One letter a day ending on ``last``: m met, x missed, o day off, n no daily goal."""
    first = last - timedelta(days=len(pattern) - 1)
    met = {"m": True, "x": False, "o": None, "n": None}
    return [
        DayResult(first + timedelta(days=i), c != "o", 0.0, met[c]) for i, c in enumerate(pattern)
    ]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("", 0),
        ("mmm", 3),
        ("xmm", 2),
        ("mmmoom", 4),  # a weekend does not break it
        ("mmx", 2),  # today is still running: yesterday's streak stands
        ("mxm", 1),
        ("mmxm", 1),
        ("mmmn", 3),  # no goal today (a goal set only later today): yesterday's stands
        ("mnm", 1),
        ("oo", 0),
    ],
)
def test_streak(pattern: str, expected: int) -> None:
    today = MONDAY + timedelta(days=10)
    assert streak(results_for(pattern, today), today) == expected


def test_days_after_today_are_ignored() -> None:
    today = MONDAY
    results = results_for("xmmm", today + timedelta(days=3))  # today missed, then the future
    assert streak(results, today) == 0


def test_the_current_streak_reads_back_as_far_as_needed(store) -> None:
    goals = Goals(daily_minutes=10)
    today = date(2026, 12, 31)
    start = today - timedelta(days=80)
    record(store, "x.com", at(start, 10), 20 * 60)  # missed: the first recorded day
    day = start + timedelta(days=1)
    while day <= today:
        record(store, "x.com", at(day, 10), 60)
        day += timedelta(days=1)
    work_days = sum(1 for i in range(1, 81) if (start + timedelta(days=i)).weekday() < 5)
    assert current_streak(store, goals, HOURS, today) == work_days  # more than one window
    assert current_streak(store, Goals(weekly_minutes=10), HOURS, today) == 0


def test_days_before_the_first_recording_do_not_count(store) -> None:
    today = MONDAY + timedelta(days=2)  # Wednesday
    assert current_streak(store, Goals(daily_minutes=10), HOURS, today) == 0
    record(store, None, at(MONDAY + timedelta(days=1), 9), 3600)  # installed on Tuesday
    assert current_streak(store, Goals(daily_minutes=10), HOURS, today) == 2
