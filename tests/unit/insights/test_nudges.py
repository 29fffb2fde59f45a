"""Every nudge rule, driven by the real tracker with a fake clock and a fake probe."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fakes import FakeClock, FakeProbe

from socialtime.insights.nudges import SHOWN_META, Nudge, Nudger
from socialtime.insights.reflection import suggestion
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import Store
from socialtime.recording.tracker import Tracker
from socialtime.rules.periods import local_midnight
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import WorkHours, parse_ranges
from socialtime.settings import Config, Goals, NudgeSettings

TUESDAY = date(2026, 11, 24)
ALL_DAY = WorkHours.from_strings({d: "00:00-24:00" for d in ("mon", "tue", "wed", "thu", "fri")})
OFFICE = WorkHours.from_strings({d: "09:00-12:00, 13:00-17:00" for d in ("mon", "tue", "wed")})
FACEBOOK = ("firefox", "(3) Facebook — Mozilla Firefox")
YOUTUBE = ("firefox", "Some video - YouTube — Mozilla Firefox")
WORK = ("libreoffice", "report.odt - LibreOffice Writer")


@pytest.fixture
def zone(monkeypatch):
    """Set the system time zone for one test (TZ + tzset), restored afterwards."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    set_zone("Europe/Paris")
    yield set_zone
    monkeypatch.undo()
    time.tzset()


class Desk:
    """A store, the tracker and the nudger, stepped by a fake clock every 5 s."""

    def __init__(
        self, path: Path | str, config: Config, start: float, front: tuple[str, str] | None
    ) -> None:
        self.store = Store(path)
        if self.store.consent_version() is None:
            self.store.set_consent(NOTICE_VERSION, 0.0)
        self.probe = FakeProbe()
        if front is not None:
            self.probe.show(*front)
        self.clock = FakeClock(start)
        catalogue = load_catalogue()
        self.tracker = Tracker(self.store, self.probe, config, catalogue, clock=self.clock)
        self.nudger = Nudger(self.store, config, catalogue)
        self.shown: list[Nudge] = []
        self.tick()

    def tick(self) -> list[Nudge]:
        nudges = self.nudger.check(self.clock.t, self.tracker.tick())
        self.shown += nudges
        return nudges

    def run(self, minutes: float, front: tuple[str, str] | None = None) -> list[Nudge]:
        """``minutes`` of 5 s ticks with ``front`` in front; the nudges shown meanwhile."""
        if front is not None:
            self.probe.show(*front)
        before = len(self.shown)
        for _ in range(round(minutes * 12)):
            self.clock.advance(5)
            self.tick()
        return self.shown[before:]

    def go_to(self, t: float) -> list[Nudge]:
        """Jump to ``t`` (a night, a weekend) recording nothing on the way, as after a suspend:
        a tick at ``t`` - 5 s while away from the keyboard, then one at ``t``, whose nudges
        are returned. From there, ``run(m)`` records exactly ``m`` minutes."""
        self.clock.t = t - 5
        self.probe.idle = 10**6
        self.tick()
        self.probe.idle = 0.0
        self.clock.t = t
        return self.tick()

    def texts(self, nudges: list[Nudge] | None = None) -> list[str]:
        return [n.text for n in (self.shown if nudges is None else nudges)]

    def configure(self, config: Config) -> None:
        self.tracker.config = config
        self.nudger.update(config, self.tracker.catalogue)


def at(day: date, hh: int, mm: int = 0) -> float:
    return local_midnight(day) + hh * 3600 + mm * 60


def desk(
    zone,
    goals: Goals,
    start: float | None = None,
    hours: WorkHours = ALL_DAY,
    nudges: NudgeSettings | None = None,
    path: Path | str = ":memory:",
    front: tuple[str, str] | None = FACEBOOK,
) -> Desk:
    config = Config(work_hours=hours, goals=goals, nudges=nudges or NudgeSettings(reflection=False))
    return Desk(path, config, at(TUESDAY, 9) if start is None else start, front)


# -- budgets ------------------------------------------------------------------------------


def test_the_daily_budget_nudges_at_80_and_100_percent_once_each(zone) -> None:
    d = desk(zone, Goals(daily_minutes=30))
    assert d.run(23.9) == []
    (nudge,) = d.run(0.1)
    assert nudge.kind == "budget" and nudge.title == "Social time today"
    assert nudge.text == "You have spent 24 min of your 30 min on social sites today."
    assert d.run(5.9) == []
    (nudge,) = d.run(0.1)
    assert nudge.text == "You have reached the 30 min you set for social sites today."
    assert d.run(60) == []
    assert [n.key for n in d.shown] == ["all:80", "all:100"]


def test_each_site_budget_has_its_own_nudges(zone) -> None:
    d = desk(zone, Goals(site_daily_minutes={"youtube.com": 10}))
    assert d.run(30, FACEBOOK) == []  # no budget for Facebook
    assert d.texts(d.run(8, YOUTUBE)) == ["You have spent 8 min of your 10 min on YouTube today."]
    assert d.shown[0].title == "YouTube today"
    assert d.texts(d.run(2)) == ["You have reached the 10 min you set for YouTube today."]
    assert d.run(10) == []


def test_the_daily_and_a_site_budget_can_nudge_on_the_same_tick(zone) -> None:
    d = desk(zone, Goals(daily_minutes=10, site_daily_minutes={"youtube.com": 8}))
    assert [n.key for n in d.run(6.4, YOUTUBE)] == ["site:youtube.com:80"]
    assert d.run(1.6 - 1 / 12) == []
    assert [n.key for n in d.run(1 / 12)] == ["all:80", "site:youtube.com:100"]  # at 8 min


def test_passing_both_thresholds_at_once_shows_only_the_higher(zone) -> None:
    d = desk(zone, Goals(daily_minutes=60))
    d.run(40)
    assert d.shown == []
    d.configure(replace(d.tracker.config, goals=Goals(daily_minutes=30)))  # lowered in Settings
    assert d.texts(d.run(1 / 12)) == ["You have reached the 30 min you set for social sites today."]
    d.configure(replace(d.tracker.config, goals=Goals(daily_minutes=50)))  # raised: 82 %
    assert d.texts(d.run(1 / 12)) == []  # the day's 80 % nudge has been shown already


def test_the_next_day_starts_afresh(zone) -> None:
    d = desk(zone, Goals(daily_minutes=10))
    d.run(10)
    assert len(d.shown) == 2
    d.go_to(at(TUESDAY + timedelta(days=1), 9))
    assert d.run(7.9) == []  # yesterday's time does not count
    assert d.texts(d.run(0.1)) == ["You have spent 8 min of your 10 min on social sites today."]


def test_a_restart_does_not_repeat_a_nudge(zone, tmp_path) -> None:
    d = desk(zone, Goals(daily_minutes=10), path=tmp_path / "db")
    d.run(9)
    assert [n.key for n in d.shown] == ["all:80"]
    d.store.close()
    again = desk(zone, Goals(daily_minutes=10), start=d.clock.t + 5, path=tmp_path / "db")
    assert again.run(0.5) == []
    assert [n.key for n in again.run(0.5)] == ["all:100"]
    meta = again.store.meta()[SHOWN_META]
    assert "Facebook" not in meta and "social sites" not in meta  # keys only, never a text
    again.store.close()


def test_a_damaged_state_does_not_stop_the_tick(zone) -> None:
    d = desk(zone, Goals(daily_minutes=10))
    d.store.set_meta(SHOWN_META, "[not json")
    assert [n.key for n in d.run(8)] == ["all:80"]


# -- focus periods ------------------------------------------------------------------------


def test_a_social_site_in_front_during_focus_time_nudges_once_per_period(zone) -> None:
    goals = Goals(focus=parse_ranges("09:00-11:00, 14:00-15:00"))
    d = desk(zone, goals, start=at(TUESDAY, 8, 55))
    assert d.run(5 - 1 / 12) == []  # 08:55-09:00: not focus time
    (nudge,) = d.run(1 / 12)  # 09:00
    assert (nudge.kind, nudge.title, nudge.key) == ("focus", "Focus time", "focus:09:00")
    assert nudge.text == "Focus time until 11:00 — Facebook is in front."
    d.run(10, WORK)
    assert d.run(30, YOUTUBE) == []  # the same period: once is enough
    d.go_to(at(TUESDAY, 13, 59))
    assert d.run(1 - 1 / 12) == []  # until 14:00, YouTube is fine
    assert d.texts(d.run(1 / 12)) == ["Focus time until 15:00 — YouTube is in front."]
    assert d.run(59 - 1 / 12) == []
    (nudge,) = d.go_to(at(TUESDAY + timedelta(days=1), 10))
    assert nudge.key == "focus:09:00"  # a new day: the morning period again


def test_only_social_sites_in_front_count(zone) -> None:
    d = desk(zone, Goals(focus=parse_ranges("09:00-11:00")), start=at(TUESDAY, 9), front=None)
    assert d.run(5) == [] and d.run(60, WORK) == []  # a bare desktop, then a document
    assert len(d.run(1 / 12, FACEBOOK)) == 1


def test_the_end_of_a_focus_period_is_not_inside_it(zone) -> None:
    d = desk(zone, Goals(focus=parse_ranges("09:00-11:00")), start=at(TUESDAY, 10, 59))
    d.run(1, WORK)
    assert d.run(5, FACEBOOK) == []


# -- work hours, snooze, switches ---------------------------------------------------------


def test_nothing_is_nudged_outside_work_hours(zone) -> None:
    goals = Goals(daily_minutes=10, focus=parse_ranges("08:00-10:00"))
    d = desk(zone, goals, start=at(TUESDAY, 7, 30), hours=OFFICE)
    assert d.run(30) == []  # 07:30-08:00 and 08:00-09:00 focus time, but outside work hours
    assert d.run(60 - 1 / 12) == []
    (focus,) = d.run(1 / 12)  # 09:00: inside work hours and focus time
    assert focus.kind == "focus"
    d.go_to(at(TUESDAY, 11, 52))
    assert d.run(8) == []  # 11:52-12:00: 8 min recorded, then the lunch break
    assert [n.key for n in d.run(50)] == []  # 80 % was reached at 12:00: not shown in the break
    assert [n.key for n in d.run(10)] == ["all:80"]  # 13:00, the first tick back at work
    d.go_to(at(TUESDAY + timedelta(days=3), 10))  # Friday: a day off
    assert d.run(60) == []


def test_a_pause_means_no_nudge(zone) -> None:
    d = desk(zone, Goals(daily_minutes=10))
    d.run(7.9)
    d.store.set_paused_until(d.clock.t + 3600)
    assert d.run(30) == []


def test_not_today_snoozes_every_kind_until_the_next_day(zone) -> None:
    goals = Goals(daily_minutes=10, focus=parse_ranges("16:00-17:00"))
    d = desk(zone, goals, nudges=NudgeSettings())
    d.nudger.snooze_today(d.clock.t)
    assert d.nudger.snoozed(d.clock.t)
    assert d.run(20) == []
    d.go_to(at(TUESDAY, 16, 30))
    assert d.run(5) == []
    d.go_to(at(TUESDAY + timedelta(days=1), 0, 1))  # just after midnight: awake again
    assert not d.nudger.snoozed(d.clock.t)
    assert [n.kind for n in d.run(8)] == ["budget"]


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (NudgeSettings(), ["reflection", "budget", "focus"]),
        (NudgeSettings(budget=False), ["reflection", "focus"]),
        (NudgeSettings(focus=False), ["reflection", "budget"]),
        (NudgeSettings(reflection=False), ["budget", "focus"]),
        (NudgeSettings(False, False, False), []),
    ],
)
def test_each_kind_can_be_switched_off(zone, kinds, expected) -> None:
    goals = Goals(daily_minutes=10, focus=parse_ranges("09:00-10:00"))
    d = desk(
        zone,
        goals,
        start=at(TUESDAY - timedelta(days=7), 9),
        nudges=NudgeSettings(False, False, False),
    )
    d.run(30)  # last week's data for the reflection
    d.configure(replace(d.tracker.config, nudges=kinds))
    d.go_to(at(TUESDAY, 8, 52))  # the first tick of the week: the reflection
    d.run(8)  # 80 % of the budget, and focus time, at 09:00
    assert [n.kind for n in d.shown] == expected


# -- time zones ---------------------------------------------------------------------------


def test_the_day_follows_local_midnight_not_utc_west(zone) -> None:
    """In Los Angeles, 16:00 local is midnight UTC: the day (and its nudges) carries on."""
    zone("America/Los_Angeles")
    d = desk(zone, Goals(daily_minutes=30), start=at(TUESDAY, 15, 40))
    assert [n.key for n in d.run(24)] == ["all:80"]  # 15:40-16:04, across UTC midnight
    assert datetime.fromtimestamp(d.clock.t).hour == 16
    assert [n.key for n in d.run(6)] == ["all:100"]  # the same local day: not a new 80 %
    assert d.run(30) == []


def test_a_day_that_starts_after_midnight_elsewhere(zone) -> None:
    """In Auckland (UTC+13 in November) a new local day starts at 11:00 UTC: the budgets and
    the focus periods start afresh then, though UTC still shows the same date."""
    zone("Pacific/Auckland")
    goals = Goals(daily_minutes=10, focus=parse_ranges("00:00-01:00"))
    d = desk(zone, goals, start=at(TUESDAY, 23, 42))
    assert [n.key for n in d.run(8, FACEBOOK)] == ["all:80"]  # 23:42-23:50 Tuesday, local
    assert d.run(10, WORK) == []
    assert [n.key for n in d.run(8, FACEBOOK)] == ["focus:00:00", "all:80"]  # Wednesday
    utc = [datetime.fromtimestamp(t, UTC).date() for t in (at(TUESDAY, 23, 42), d.clock.t)]
    assert utc[0] == utc[1] == TUESDAY
    assert datetime.fromtimestamp(d.clock.t).date() == TUESDAY + timedelta(days=1)


def test_monday_evening_in_auckland_is_not_a_new_day(zone) -> None:
    zone("Pacific/Auckland")
    d = desk(zone, Goals(daily_minutes=10), start=at(TUESDAY, 10, 50))  # 21:50 UTC Monday
    assert [n.key for n in d.run(20)] == ["all:80", "all:100"]  # across UTC midnight: once each


# -- the weekly reflection ----------------------------------------------------------------

LAST_MONDAY = date(2026, 11, 16)
THIS_MONDAY = date(2026, 11, 23)


def reflecting(zone, goals: Goals, hours: WorkHours = OFFICE) -> Desk:
    """Two weeks of history: 20 min of Facebook a day the week before last, then last week
    Facebook 10 min a day and YouTube 15 min on Monday, mostly between 14:00 and 15:00."""
    kinds = NudgeSettings(budget=False, focus=False, reflection=False)
    d = desk(zone, goals, start=at(LAST_MONDAY - timedelta(days=7), 9), hours=hours, nudges=kinds)
    for week, minutes in ((LAST_MONDAY - timedelta(days=7), 20), (LAST_MONDAY, 10)):
        for i in range(3):
            d.go_to(at(week + timedelta(days=i), 14))
            d.run(minutes, FACEBOOK)
            d.run(30, WORK)
    d.go_to(at(LAST_MONDAY, 9))
    d.run(15, YOUTUBE)
    d.configure(replace(d.tracker.config, nudges=NudgeSettings(False, False, True)))
    return d


def test_the_reflection_comes_once_on_the_first_work_day(zone) -> None:
    d = reflecting(zone, Goals(daily_minutes=20))
    assert d.go_to(at(THIS_MONDAY - timedelta(days=1), 10)) == []  # Sunday: no work hours
    assert d.go_to(at(THIS_MONDAY, 8, 59)) == []
    assert d.run(1 - 1 / 12, WORK) == []
    (nudge,) = d.run(1 / 12)  # 09:00 Monday, the first tick in work hours
    assert (nudge.kind, nudge.title, nudge.key) == ("reflection", "Your last week", "week:2026-W48")
    assert nudge.text.splitlines() == [
        "Last week: 45 min on social sites, 15 min less than the week before.",
        "Your daily goals held on 2 of 3 work days.",
        "Idea: Facebook took 30 min of it; a daily budget for Facebook could help.",
    ]
    assert d.run(60) == []
    d.go_to(at(THIS_MONDAY + timedelta(days=1), 9, 30))
    assert d.run(60) == []  # once a week
    assert "unproductive" not in nudge.text.lower()


def test_a_day_off_on_monday_moves_the_reflection_to_tuesday(zone) -> None:
    hours = WorkHours(OFFICE.days, frozenset({THIS_MONDAY}))
    d = reflecting(zone, Goals(daily_minutes=20), hours)
    assert d.go_to(at(THIS_MONDAY, 10)) == [] and d.run(60) == []
    assert [n.kind for n in d.go_to(at(THIS_MONDAY + timedelta(days=1), 9))] == ["reflection"]


def test_a_snoozed_reflection_waits_for_the_next_day(zone) -> None:
    d = reflecting(zone, Goals(daily_minutes=20))
    d.go_to(at(THIS_MONDAY - timedelta(days=1), 20))
    d.nudger.snooze_today(at(THIS_MONDAY, 9))  # "not today" on Monday morning
    assert d.go_to(at(THIS_MONDAY, 9, 30)) == [] and d.run(60) == []
    assert [n.kind for n in d.go_to(at(THIS_MONDAY + timedelta(days=1), 9))] == ["reflection"]


def test_weekly_goal_and_first_week(zone) -> None:
    goals = Goals(
        site_daily_minutes={"facebook.com": 15},
        focus=parse_ranges("09:00-10:00"),
        weekly_minutes=60,
    )
    d = reflecting(zone, goals)
    d.store.erase(None, local_midnight(LAST_MONDAY))  # no week before: no comparison
    (nudge,) = d.go_to(at(THIS_MONDAY, 9))
    assert nudge.text.splitlines() == [
        "Last week: 45 min on social sites.",
        "Your daily goals held on 2 of 3 work days.",  # the focus period was not kept Monday
        "Weekly goal: 45 min of your 1 h 00 min.",
        "Idea: most of it fell between 14:00 and 15:00; a focus period at that time could help.",
    ]


def test_no_reflection_after_a_week_without_records(zone) -> None:
    d = desk(zone, Goals(), start=at(THIS_MONDAY, 9), nudges=NudgeSettings())
    assert d.run(60) == []
    assert d.store.meta()["nudges_reflection"] == "2026-W48"  # and not asked again this week


NAMES = {"youtube.com": "YouTube", "x.com": "X"}
HOURS_2PM = [0.0] * 14 + [600.0] + [0.0] * 9


@pytest.mark.parametrize(
    ("goals", "sites", "expected"),
    [
        (Goals(), {"x.com": 5 * 1800}, "a daily goal of 20 min (Settings, Goals)"),
        (Goals(), {"x.com": 5 * 240}, "a daily goal of 5 min"),
        (Goals(daily_minutes=30), {"x.com": 600, "youtube.com": 500}, "a daily budget for X"),
        (Goals(site_daily_minutes={"x.com": 5}), {"x.com": 600}, "between 14:00 and 15:00"),
        (
            Goals(site_daily_minutes={"x.com": 5}, focus=parse_ranges("14:30-15:00")),
            {"x.com": 600},
            "Most of it was on X (10 min).",
        ),
        (Goals(daily_minutes=30), {"x.com": 59}, None),
    ],
)
def test_one_suggestion_from_the_data(goals, sites, expected) -> None:
    text = suggestion(goals, sum(sites.values()), 5, sites, HOURS_2PM, NAMES)
    assert (text is None) if expected is None else (expected in str(text))


def test_every_sentence_is_neutral() -> None:
    from socialtime.insights import goals, nudges, reflection

    texts = [*nudges._TEXT.values(), *reflection._TEXT.values(), *goals._TEXT.values()]
    words = " ".join(texts).lower()
    for judgement in ("productive", "waste", "lazy", "inactiv", "idle", "fail", "should"):
        assert judgement not in words


# -- in French ----------------------------------------------------------------------------


def test_nudges_in_french(zone, french) -> None:
    d = desk(zone, Goals(daily_minutes=30))
    (nudge,) = d.run(24)
    assert nudge.title == "Réseaux sociaux aujourd'hui"
    assert nudge.text == (
        "Aujourd'hui, vous avez passé 24 min sur les réseaux sociaux, sur un budget de 30 min."
    )
    d = desk(zone, Goals(site_daily_minutes={"youtube.com": 10}))
    (site,) = d.run(8, YOUTUBE)
    assert site.title == "YouTube aujourd'hui"
    assert site.text == "Aujourd'hui, vous avez passé 8 min sur YouTube, sur un budget de 10 min."
    (site,) = d.run(2)
    assert site.text == (
        "Vous avez atteint aujourd'hui le budget de 10 min que vous vous étiez fixé pour YouTube."
    )
    goals = Goals(focus=parse_ranges("09:00-11:00"))
    focus = desk(zone, goals, start=at(TUESDAY, 8, 59))
    (nudge,) = focus.run(1)
    assert (nudge.title, nudge.text) == (
        "Plage de concentration",
        "Plage de concentration jusqu'à 11:00 — Facebook est au premier plan.",
    )


def test_the_reflection_in_french(zone, french) -> None:
    d = reflecting(zone, Goals(daily_minutes=20))
    (nudge,) = d.go_to(at(THIS_MONDAY, 9))
    assert nudge.title == "Bilan de votre semaine dernière"
    assert nudge.text.splitlines() == [
        "La semaine dernière\u00a0: 45 min sur les réseaux sociaux, soit 15 min de moins que la "
        "semaine précédente.",
        "Vos objectifs quotidiens ont été respectés 2 fois sur 3 jours travaillés.",
        "Idée\u00a0: Facebook a représenté 30 min de ce temps\u00a0; un budget quotidien pour "
        "Facebook pourrait vous aider.",
    ]


def test_every_french_sentence_is_neutral() -> None:
    """The words of the French catalogue for the core's sentences: a mirror, never a reproach."""
    from socialtime.base import i18n

    contexts = {"nudges", "reflection", "goals", "stats", "status", "report", "consent"}
    catalogue = i18n.read_catalogue(i18n.catalogue_path("fr"))
    texts = [
        text
        for (context, _, _), found in catalogue.items()
        if context in contexts
        for text in ((found,) if isinstance(found, str) else found)
    ]
    assert len(texts) > 100, "the core's sentences are missing from socialtime_fr.ts"
    words = " ".join(texts).lower()
    for judgement in (
        "productif", "gaspill", "perdu", "paresse", "inactivit", "oisiv", "échec", "devriez",
        "surveill",
    ):  # fmt: skip
        assert judgement not in words


# -- the weekly budget --------------------------------------------------------------------


def test_the_weekly_budget_nudges_at_80_and_100_percent_once_each(zone) -> None:
    d = desk(zone, Goals(weekly_minutes=100))
    assert d.run(79.9) == []
    (nudge,) = d.run(0.1)
    assert (nudge.kind, nudge.title, nudge.key) == ("budget", "Social time this week", "weekly:80")
    assert nudge.text == "You have spent 1 h 20 min of your 1 h 40 min on social sites this week."
    assert d.run(19.9) == []
    (nudge,) = d.run(0.1)
    assert nudge.text == "You have reached the 1 h 40 min you set for social sites this week."
    assert d.run(30) == []
    assert [n.key for n in d.shown] == ["weekly:80", "weekly:100"]


def test_the_weekly_budget_counts_the_whole_week_and_not_a_new_day(zone) -> None:
    d = desk(zone, Goals(weekly_minutes=100), start=at(TUESDAY - timedelta(days=1), 9))
    d.run(50)  # Monday: half the week's budget
    assert d.shown == []
    d.go_to(at(TUESDAY, 9))  # a new day, the same week
    assert d.run(29.9) == []
    assert [n.key for n in d.run(0.1)] == ["weekly:80"]  # Monday's 50 min + Tuesday's 30 min
    d.go_to(at(TUESDAY + timedelta(days=1), 9))
    assert d.run(1) == []  # Wednesday: the week's 80 % nudge has been shown already
    assert [n.key for n in d.run(19)] == ["weekly:100"]


def test_a_new_week_starts_afresh_and_last_weeks_time_does_not_count(zone) -> None:
    d = desk(zone, Goals(weekly_minutes=10))
    d.run(10)
    assert [n.key for n in d.shown] == ["weekly:80", "weekly:100"]
    monday = TUESDAY + timedelta(days=6)
    d.go_to(at(monday, 9))
    assert d.run(7.9) == []
    assert d.texts(d.run(0.1)) == ["You have spent 8 min of your 10 min on social sites this week."]


def test_the_weekly_nudge_is_judged_like_the_daily_one(zone, tmp_path) -> None:
    """Off with the budget kind, silent while snoozed, not repeated after a restart, and only
    the 100 % one when both thresholds are passed at once."""
    off = desk(zone, Goals(weekly_minutes=10), nudges=NudgeSettings(budget=False, reflection=False))
    assert off.run(20) == []
    d = desk(zone, Goals(weekly_minutes=60), path=tmp_path / "db")
    d.nudger.snooze_today(d.clock.t)
    assert d.run(50) == []  # snoozed today: nothing
    d.store.close()
    again = desk(zone, Goals(weekly_minutes=40), start=d.clock.t + 5, path=tmp_path / "db")
    assert again.run(0.1) == []  # still snoozed after a restart
    again.go_to(at(TUESDAY + timedelta(days=1), 9))
    assert [n.key for n in again.shown] == ["weekly:100"]  # 50 min of 40: only the higher
    assert again.run(30) == []
    again.store.close()


def test_the_weekly_and_the_daily_budget_nudge_side_by_side(zone) -> None:
    d = desk(zone, Goals(daily_minutes=10, weekly_minutes=10))
    assert sorted(n.key for n in d.run(8)) == ["all:80", "weekly:80"]


def test_can_nudge_says_whether_any_nudge_can_come() -> None:
    from socialtime.insights.nudges import can_nudge

    quiet = NudgeSettings(reflection=False)
    assert not can_nudge(Config(goals=Goals(), nudges=quiet))
    assert can_nudge(Config(goals=Goals(), nudges=NudgeSettings(reflection=True)))
    assert can_nudge(Config(goals=Goals(weekly_minutes=60), nudges=quiet))
    assert can_nudge(Config(goals=Goals(site_daily_minutes={"x.com": 5}), nudges=quiet))
    assert can_nudge(Config(goals=Goals(focus=parse_ranges("09:00-10:00")), nudges=quiet))
    off = NudgeSettings(budget=False, focus=True, reflection=False)
    assert not can_nudge(Config(goals=Goals(daily_minutes=30), nudges=off))
