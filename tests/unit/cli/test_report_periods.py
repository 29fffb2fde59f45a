"""`socialtime report` over weeks and months: one line per day, why a day missed its goals,
the average per work day and the comparison with the period before (text and JSON)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from socialtime.recording.store import Store
from socialtime.rules.periods import local_midnight

OCTOBER = [date(2026, 10, d) for d in (5, 6, 7)]  # Monday to Wednesday
NOVEMBER = [date(2026, 11, d) for d in (2, 3)]

pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def run(run, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr("socialtime.cli.program.today", lambda: date(2026, 11, 30))
    store = Store.open(run.data)
    for day, minutes in [
        *zip(OCTOBER, (10, 20, 30), strict=True),
        *zip(NOVEMBER, (43, 5), strict=True),
    ]:
        t = local_midnight(day) + 10 * 3600
        store.record("youtube.com", t, t + minutes * 60, 10)
        store.record(None, t + minutes * 60, t + 3600, 10)
    store.close()
    run.config.write_text("[goals]\ndaily_minutes = 30\n", encoding="utf-8")
    return run


def test_a_month_in_json_keeps_every_key_and_adds_the_comparison(run) -> None:
    code, out, err = run("report", "--month", "2026-11", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["from"], doc["to"], doc["social_seconds"]) == ("2026-11-01", "2026-11-30", 2880)
    assert set(doc) >= {"active_seconds", "sites", "days"}
    assert len(doc["days"]) == 30
    # November: 21 work days (Monday to Friday) up to the 30th; October from the 5th, when
    # recording began: 20 work days
    assert (doc["work_days"], doc["daily_average_seconds"]) == (21, round(2880 / 21))
    comparison = doc["comparison"]
    assert (comparison["from"], comparison["to"]) == ("2026-10-01", "2026-10-31")
    assert (comparison["social_seconds"], comparison["work_days"]) == (3600, 20)
    assert comparison["daily_average_seconds"] == 180
    assert comparison["change_seconds_per_day"] == round(2880 / 21 - 180)
    monday = doc["days"][1]
    assert monday["date"] == "2026-11-02"
    assert monday["missed"] == [{"goal": "daily", "seconds": 2580, "limit_seconds": 1800}]
    assert doc["days"][2]["missed"] == []


def test_a_month_in_words_one_line_per_day(run) -> None:
    code, out, err = run("report", "--month", "2026-11")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "November 2026"
    assert "    Mon 2   43 min social of 1 h 00 min  daily budget: 43 min of 30 min" in lines
    assert "    Tue 3   5 min social of 1 h 00 min" in lines
    assert "    Sun 1   nothing recorded" in lines
    assert lines[-2:] == [
        "  48 min of social time: 2 min a day over 21 work days.",
        "  About the same as the month before (3 min a day).",
    ]


def test_the_current_month_by_default_and_a_week_with_its_days(run) -> None:
    assert json.loads(run("report", "--month", "--json")[1])["from"] == "2026-11-01"
    code, out, _ = run("report", "--week", "2026-W41")
    assert code == 0
    assert "    Wed 7   30 min social of 1 h 00 min" in out.splitlines()
    assert out.splitlines()[-1] == "  Nothing recorded in the week before to compare with."
    day = run("report", "--day", "2026-11-02")[1]
    assert "Per day" not in day and "compare" not in day


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2026-13", "--month: '2026-13' is not a month (expected YYYY-MM)"),
        ("11/2026", "--month: '11/2026' is not a month (expected YYYY-MM)"),
        (
            "2100-01",
            "--month: '2100-01' is out of range (expected a month from 2000-01 to 2099-12)",
        ),
    ],
)
def test_a_wrong_month_is_named(run, value: str, says: str) -> None:
    code, _, err = run("report", "--month", value)
    assert code == 2 and says in err and "Traceback" not in err


def test_in_french(run, french, monkeypatch) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")  # cli.main sets the language from the system
    out = run("report", "--month", "2026-11")[1]
    assert out.splitlines()[0] == "Novembre 2026"  # a line begins with a capital
    assert "budget quotidien\u00a0: 43 min sur 30 min" in out
    assert "À peu près comme le mois précédent (3 min par jour)." in out


def test_the_days_after_today_count_no_work_day(run, monkeypatch) -> None:
    monkeypatch.setattr("socialtime.cli.program.today", lambda: date(2026, 11, 3))
    doc = json.loads(run("report", "--month", "--json")[1])
    assert doc["work_days"] == 2 and doc["daily_average_seconds"] == 24 * 60
    assert doc["comparison"]["change_seconds_per_day"] == 21 * 60
    assert timedelta(seconds=doc["comparison"]["change_seconds_per_day"]) == timedelta(minutes=21)


def test_a_week_says_whether_it_kept_the_weekly_budget(run) -> None:
    run.config.write_text("[goals]\ndaily_minutes = 30\nweekly_minutes = 40\n", encoding="utf-8")
    code, out, err = run("report", "--week", "2026-W45", "--json")  # 2 to 8 November
    assert code == 0, err
    doc = json.loads(out)
    assert doc["social_seconds"] == 48 * 60
    assert doc["missed"] == [{"goal": "weekly", "seconds": 2880, "limit_seconds": 2400}]
    lines = run("report", "--week", "2026-W45")[1].splitlines()
    assert lines[-1] == "  Weekly budget: 48 min of 40 min"
    october = json.loads(run("report", "--week", "2026-W41", "--json")[1])  # 60 min
    assert october["missed"][0]["seconds"] == 3600
    run.config.write_text("[goals]\nweekly_minutes = 60\n", encoding="utf-8")
    assert json.loads(run("report", "--week", "2026-W41", "--json")[1])["missed"] == []
    assert "missed" not in json.loads(run("report", "--month", "2026-11", "--json")[1])
