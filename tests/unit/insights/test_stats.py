"""The numbers and sentences behind the dashboard, with explicit timestamps in Paris time."""

import time
from datetime import date, timedelta

import pytest

from socialtime.insights import report, stats
from socialtime.recording.store import Store
from socialtime.rules import periods
from socialtime.rules.periods import Period, local_midnight
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Config

TUESDAY = date(2026, 11, 24)  # week 2026-W48
GAP = 10.0


pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def at(day, hh, mm=0):
    return local_midnight(day) + hh * 3600 + mm * 60


def names():
    return stats.site_names(load_catalogue())


def test_today_clips_spans_to_the_day_and_gives_its_work_hours(store):
    monday = date(2026, 11, 23)
    store.record(None, at(monday, 23, 30), at(TUESDAY, 0, 30), GAP)  # crosses midnight
    store.record("youtube.com", at(TUESDAY, 9), at(TUESDAY, 9, 25), GAP)
    store.record(None, at(TUESDAY, 9, 25), at(TUESDAY, 10), GAP)
    today = stats.today(store, Config(), at(TUESDAY, 11))
    assert today.day == TUESDAY
    assert today.segments == (
        (at(TUESDAY, 0), at(TUESDAY, 0, 30), None),
        (at(TUESDAY, 9), at(TUESDAY, 9, 25), "youtube.com"),
        (at(TUESDAY, 9, 25), at(TUESDAY, 10), None),
    )
    assert today.work_hours == (
        (at(TUESDAY, 9), at(TUESDAY, 12, 30)),
        (at(TUESDAY, 13, 30), at(TUESDAY, 18)),
    )
    assert today.doc == report.build(store, Period(TUESDAY, TUESDAY))
    assert (today.active_seconds, today.social_seconds) == (3 * 3600 - 2 * 3600 + 1800, 1500)
    assert today.sites == {"youtube.com": 1500}


def test_week_and_month_are_the_report_of_the_same_period(store):
    store.record("x.com", at(TUESDAY, 10), at(TUESDAY, 10, 10), GAP)
    store.record(None, at(TUESDAY, 10, 10), at(TUESDAY, 11), GAP)
    store.record("reddit.com", at(date(2026, 11, 2), 9), at(date(2026, 11, 2), 9, 3), GAP)
    now = at(TUESDAY, 15)
    week = stats.week(store, now)
    assert week.period == Period(date(2026, 11, 23), date(2026, 11, 29))
    assert week.doc == report.build(store, periods.parse_week("2026-W48"))
    month = stats.month(store, now)
    assert month.period == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert month.doc == report.build(store, periods.date_range("2026-11-01", "2026-11-30"))
    assert month.sites == ["x.com", "reddit.com"]  # most time first: the stacking order
    assert week.seconds("x.com") == [0, 600, 0, 0, 0, 0, 0]
    assert week.other() == [0, 3000, 0, 0, 0, 0, 0]
    assert week.shares() == [None, 600 / 3600, None, None, None, None, None]
    assert week.share == 600 / 3600


@pytest.mark.parametrize(
    ("day", "days"), [(date(2026, 2, 10), 28), (date(2028, 2, 29), 29), (date(2026, 12, 31), 31)]
)
def test_a_month_is_the_calendar_month(store, day, days):
    month = stats.month(store, at(day, 12))
    assert len(month.days) == days
    assert month.days[0] == day.replace(day=1)


def test_heatmap_splits_spans_at_local_hour_boundaries(store):
    store.record("x.com", at(TUESDAY, 9, 50), at(TUESDAY, 10, 20), GAP)
    store.record(None, at(TUESDAY, 10, 20), at(TUESDAY, 11), GAP)  # other: not social time
    sunday = date(2026, 11, 22)
    store.record("youtube.com", at(sunday, 23, 45), at(date(2026, 11, 23), 0, 15), GAP)
    store.record(
        "x.com", at(date(2026, 10, 27), 10), at(date(2026, 10, 27), 11), GAP
    )  # 4 weeks ago
    data = stats.heatmap(store, at(TUESDAY, 12))
    assert data.period == Period(date(2026, 10, 28), TUESDAY)
    m = data.matrix
    assert len(m) == 7 and all(len(row) == 24 for row in m)
    assert m[1][9] == 600 and m[1][10] == 1200
    assert m[6][23] == 900 and m[0][0] == 900  # across midnight: Sunday, then Monday
    assert data.social_seconds == 3600
    assert data.peak() == (1, 10, 1200)


def test_heatmap_follows_the_clock_across_a_dst_change(store):
    spring = date(2026, 3, 29)  # Paris: 02:00 becomes 03:00
    start = at(spring, 1, 30)
    store.record("x.com", start, start + 3600, GAP)  # one real hour: 01:30-02:00, 03:00-03:30
    data = stats.heatmap(store, at(date(2026, 3, 30), 12))
    assert data.matrix[6][1] == 1800 and data.matrix[6][3] == 1800 and data.matrix[6][2] == 0
    assert stats.clock_hours(at(spring, 9), spring) != 9.0  # at() counts real hours
    nine = local_midnight(spring) + 8 * 3600  # 09:00 on the clock, 8 real hours after midnight
    assert stats.clock_hours(nine, spring) == 9.0


def test_heatmap_total_equals_the_report_of_its_period(store):
    t = at(date(2026, 11, 10), 9)
    for i in range(40):
        site = ("x.com", None, "youtube.com", None)[i % 4]
        store.record(site, t, t + 437.3, GAP)
        t += 437.3 + 11
    data = stats.heatmap(store, at(TUESDAY, 12))
    doc = report.build(store, data.period)
    assert data.social_seconds == pytest.approx(doc["social_seconds"], abs=1)


def test_summary_sentence(store):
    store.record("youtube.com", at(TUESDAY, 9), at(TUESDAY, 9, 25), GAP)
    store.record("facebook.com", at(TUESDAY, 9, 25), at(TUESDAY, 9, 42), GAP)
    store.record(None, at(TUESDAY, 9, 42), at(TUESDAY, 14, 23), GAP)  # 323 min active
    config = Config()
    today = stats.today(store, config, at(TUESDAY, 16))
    assert stats.today_summary(today, names(), config) == (
        "Today: 42 min on social sites, 13 % of your active time; most on YouTube (25 min)."
    )
    week = stats.week(store, at(TUESDAY, 16))
    assert stats.bars_summary(week, "week", names(), config, at(TUESDAY, 16)).startswith(
        "This week: 42 min on social sites, 13 % of your active time"
    )
    month = stats.month(store, at(TUESDAY, 16))
    assert stats.bars_summary(month, "month", names(), config, at(TUESDAY, 16)).startswith(
        "November 2026: 42 min"
    )


def test_summary_without_social_time_says_so_plainly(store):
    store.record(None, at(TUESDAY, 9), at(TUESDAY, 11, 5), GAP)
    today = stats.today(store, Config(), at(TUESDAY, 12))
    assert stats.today_summary(today, names(), Config()) == (
        "Today: no time on social sites, out of 2 h 05 min of active time."
    )


def test_heatmap_summary(store):
    store.record("x.com", at(TUESDAY, 14, 10), at(TUESDAY, 14, 50), GAP)
    data = stats.heatmap(store, at(TUESDAY, 16))
    assert stats.heatmap_summary(data, Config(), at(TUESDAY, 16)) == (
        "Last four weeks: social time was highest on Tuesdays, 14:00–15:00 (40 min in all)."
    )


@pytest.mark.parametrize(
    ("now", "expected"),
    [  # (day, hour, minute): instants are computed inside the test, in Paris time
        ((TUESDAY, 7, 0), "Recording starts in your work hours, at 09:00."),
        ((TUESDAY, 12, 45), "Recording starts in your work hours, at 13:30."),
        (
            (TUESDAY, 19, 0),
            "Nothing recorded today. Recording starts in your work hours, tomorrow at 09:00.",
        ),
        (
            (date(2026, 11, 27), 19, 0),  # Friday evening
            "Nothing recorded today. Recording starts in your work hours, on Monday at 09:00.",
        ),
        ((TUESDAY, 10, 0), "Nothing recorded yet today."),
    ],
)
def test_empty_today_says_what_will_happen(store, now, expected):
    config, now = Config(), at(*now)
    today = stats.today(store, config, now)
    assert stats.today_summary(today, names(), config) == expected


def test_empty_week_month_and_heatmap(store):
    config, inside, before = Config(), at(TUESDAY, 10), at(TUESDAY, 7)
    assert stats.empty_text("week", config, inside) == "Nothing recorded yet this week."
    assert stats.empty_text("week", config, before) == (
        "Nothing recorded yet this week. Recording starts in your work hours, at 09:00."
    )
    assert stats.empty_text("month", config, inside) == "Nothing recorded yet this month."
    data = stats.heatmap(store, inside)
    assert stats.heatmap_summary(data, config, inside) == "Nothing recorded in the last four weeks."


def test_empty_text_without_work_hours_and_after_long_days_off():
    none = Config(work_hours=WorkHours.from_strings({}))
    assert stats.empty_text("today", none, at(TUESDAY, 10)) == (
        "Nothing recorded today. No work hours are set, so nothing is recorded. "
        "You can set them in Settings."
    )
    holidays = [date(2026, 12, 21) + timedelta(days=i) for i in range(14)]
    away = Config(work_hours=WorkHours.from_strings({"mon": "09:00-17:00"}, holidays))
    assert stats.next_start_text(away, at(date(2026, 12, 20), 12)) == (
        "Recording starts in your work hours, on 4 January at 09:00."
    )


def test_wording_is_neutral():
    words = " ".join(stats._TEXT.values()).lower()
    for judgement in ("unproductive", "productive", "wasted", "waste", "lazy", "inactiv", "idle"):
        assert judgement not in words


def test_shown_hours_cover_work_hours_and_any_social_time(store):
    data = stats.heatmap(store, at(TUESDAY, 12))
    assert stats.shown_hours(data, Config().work_hours) == range(9, 18)
    store.record("x.com", at(TUESDAY, 20, 10), at(TUESDAY, 20, 20), GAP)
    data = stats.heatmap(store, at(TUESDAY, 22))
    assert stats.shown_hours(data, Config().work_hours) == range(9, 21)
    assert stats.shown_hours(data, WorkHours.from_strings({})) == range(20, 21)


def test_share_text_rounds_like_the_report():
    assert stats.share_text(stats.share(42, 323)) == "13 %"
    assert stats.share_text(stats.share(0, 0)) == "–"


def test_nothing_reads_the_clock_itself(store, monkeypatch):
    """Every figure follows the injected ``now``, so a test can pin the day."""

    def forbidden():
        raise AssertionError("stats must not call time.time()")

    monkeypatch.setattr(time, "time", forbidden)
    config, now = Config(), at(TUESDAY, 10)
    store.record("x.com", at(TUESDAY, 9), at(TUESDAY, 9, 30), GAP)
    stats.today_summary(stats.today(store, config, now), {}, config)
    stats.bars_summary(stats.week(store, now), "week", {}, config, now)
    stats.bars_summary(stats.month(store, now), "month", {}, config, now)
    stats.heatmap_summary(stats.heatmap(store, now), config, now)
    stats.empty_text("today", config, now)


# -- in French ------------------------------------------------------------------------------


def test_summaries_in_french(french, store):
    store.record("youtube.com", at(TUESDAY, 9), at(TUESDAY, 9, 25), GAP)
    store.record("facebook.com", at(TUESDAY, 9, 25), at(TUESDAY, 9, 42), GAP)
    store.record(None, at(TUESDAY, 9, 42), at(TUESDAY, 14, 23), GAP)
    config = Config()
    today = stats.today(store, config, at(TUESDAY, 16))
    assert stats.today_summary(today, names(), config) == (
        "Aujourd'hui\u00a0: 42 min sur les réseaux sociaux, soit 13\u00a0% de votre temps actif"
        "\u00a0; surtout sur YouTube (25 min)."
    )
    month = stats.month(store, at(TUESDAY, 16))
    assert stats.bars_summary(month, "month", names(), config, at(TUESDAY, 16)).startswith(
        "Novembre 2026\u00a0: 42 min"
    )


def test_the_heatmap_summary_in_french_names_the_weekday(french, store):
    store.record("x.com", at(TUESDAY, 14, 10), at(TUESDAY, 14, 50), GAP)
    data = stats.heatmap(store, at(TUESDAY, 16))
    assert stats.heatmap_summary(data, Config(), at(TUESDAY, 16)) == (
        "Ces quatre dernières semaines\u00a0: le temps sur les réseaux sociaux a été le plus élevé "
        "le mardi, de 14:00 à 15:00 (40 min au total)."
    )
    monday = date(2026, 11, 23)
    store.record("x.com", at(monday, 10), at(monday, 11), GAP)
    data = stats.heatmap(store, at(TUESDAY, 16))
    assert "le plus élevé le lundi, de 10:00 à 11:00" in stats.heatmap_summary(
        data, Config(), at(TUESDAY, 16)
    )
    assert stats.weekday_names()[0] == "lundi"


def test_when_recording_starts_in_french(french):
    config = Config()
    friday = TUESDAY + timedelta(days=3)
    assert stats.empty_text("today", config, at(friday, 19)) == (
        "Rien n'a été enregistré aujourd'hui. "
        "L'enregistrement commencera pendant vos heures de travail, lundi à 09:00."
    )
    holidays = [date(2026, 12, 21) + timedelta(days=i) for i in range(14)]
    away = Config(work_hours=WorkHours.from_strings({"mon": "09:00-17:00"}, holidays))
    assert stats.next_start_text(away, at(date(2026, 12, 20), 12)) == (
        "L'enregistrement commencera pendant vos heures de travail, le 4 janvier à 09:00."
    )
    assert stats.share_text(0.134) == "13\u00a0%"
