"""The text report of ``socialtime report``: periods, totals and their wording in both languages
(the JSON form is tested with the CLI; it is never translated)."""

from __future__ import annotations

from datetime import date

import pytest

from socialtime.base import i18n
from socialtime.insights import report
from socialtime.recording.store import Store
from socialtime.rules import periods
from socialtime.rules.periods import Period, local_midnight

TUESDAY = date(2026, 11, 24)  # week 2026-W48
NAMES = {"facebook.com": "Facebook"}


@pytest.fixture
def doc():
    store = Store(":memory:")
    start = local_midnight(TUESDAY) + 9 * 3600
    store.record("facebook.com", start, start + 600, 10)
    store.record(None, start + 600, start + 3600, 10)
    yield report.build(store, Period(TUESDAY, TUESDAY))
    store.close()


def test_the_report_in_english(doc) -> None:
    text = report.render(doc, Period(TUESDAY, TUESDAY), NAMES)
    assert text.splitlines() == [
        "Tuesday 24 November 2026",
        "  Active time  1 h 00 min",
        "  Social time  10 min (17 % of active time)",
        "    Facebook  10 min",
    ]


def test_the_report_in_french(french, doc) -> None:
    text = report.render(doc, Period(TUESDAY, TUESDAY), NAMES)
    assert text.splitlines() == [
        "Mardi 24 novembre 2026",
        "  Temps actif      1 h 00 min",
        "  Réseaux sociaux  10 min (17\u00a0% du temps actif)",
        "    Facebook  10 min",
    ]


def test_period_labels() -> None:
    assert periods.week_of(TUESDAY).label() == "week of 23 November 2026"
    assert Period(TUESDAY, date(2026, 11, 26)).label() == "2026-11-24 to 2026-11-26"


def test_period_labels_in_french(french) -> None:
    assert periods.week_of(TUESDAY).label() == "semaine du 23 novembre 2026"
    assert Period(TUESDAY, date(2026, 11, 26)).label() == "du 24/11/2026 au 26/11/2026"
    assert Period(TUESDAY, TUESDAY).label() == "mardi 24 novembre 2026"


def test_an_empty_day_says_whether_it_is_still_running(french) -> None:
    empty = report.build(Store(":memory:"), Period(TUESDAY, TUESDAY))
    today = report.render(empty, Period(TUESDAY, TUESDAY), NAMES, today=TUESDAY)
    assert today.splitlines()[1] == "  Rien n'a encore été enregistré aujourd'hui."
    past = report.render(empty, Period(TUESDAY, TUESDAY), NAMES, today=date(2026, 11, 25))
    assert past.splitlines()[1] == "  Rien n'a été enregistré sur cette période."


def test_an_empty_day_in_english() -> None:
    empty = report.build(Store(":memory:"), Period(TUESDAY, TUESDAY))
    text = report.render(empty, Period(TUESDAY, TUESDAY), NAMES, today=TUESDAY)
    assert text == "Tuesday 24 November 2026\n  Nothing recorded yet today.\n"


def test_bad_dates_and_weeks_are_explained() -> None:
    with pytest.raises(ValueError, match=r"--day: 'x' is not a date \(expected YYYY-MM-DD\)"):
        periods.parse_date("x", "--day")
    with pytest.raises(ValueError, match=r"--week: '2026-48' is not an ISO week"):
        periods.parse_week("2026-48")
    with pytest.raises(ValueError, match="that year has no such week"):
        periods.parse_week("2026-W54")
    with pytest.raises(ValueError, match="--to 2026-11-23 is before --from 2026-11-24"):
        periods.date_range("2026-11-24", "2026-11-23")


def test_bad_dates_in_french(french) -> None:
    with pytest.raises(
        ValueError, match="n'est pas une date \\(format attendu\u00a0: AAAA-MM-JJ\\)"
    ):
        periods.parse_date("x", "--day")
    with pytest.raises(ValueError, match="--to 2026-11-23 est antérieur à --from 2026-11-24"):
        periods.date_range("2026-11-24", "2026-11-23")


def test_durations_are_those_of_i18n() -> None:
    assert i18n.format_duration(65 * 60) == "1 h 05 min"
    assert i18n.format_duration(42 * 60 + 29) == "42 min"
    assert i18n.format_duration(35) == "35 s"
