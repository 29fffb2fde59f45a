"""Team goal files (team), the user's own progress and the voluntary weekly summary (team_week):
promise 8."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from socialtime.recording.store import Store
from socialtime.rules.periods import local_midnight, parse_week
from socialtime.settings import default_work_hours
from socialtime.team import goal_file as team
from socialtime.team import week as team_week
from socialtime.team.summary import (
    BUCKETS,
    SUMMARY_KEYS,
    bucket,
    check_summary,
    summary_text,
    token_for,
)

WEEK = parse_week("2026-W48")  # Monday 23 to Sunday 29 November 2026
AFTER = date(2026, 12, 1)  # a day when that week is over

GOAL_FILE = """\
# Agreed in the team meeting.
team = "Design team"
agreed = 2026-11-02
note = "Fridays are free."

[goals]
daily_minutes = 20
"""


pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def store():
    store = Store()
    yield store
    store.close()


def social(store: Store, day: date, seconds: float) -> None:
    """``seconds`` of Facebook at 10:00 on ``day``, then an hour of other time."""
    t = local_midnight(day) + 10 * 3600
    store.record("facebook.com", t, t + seconds, 10)
    store.record(None, t + seconds, t + seconds + 3600, 10)


def joined(tmp_path: Path, text: str = GOAL_FILE) -> team.Team:
    source = tmp_path / "goal.toml"
    source.write_text(text, encoding="utf-8")
    result, errors = team.join_team(source, tmp_path / "data")
    assert not errors and result is not None
    return result


# --- the team goal file -------------------------------------------------------------------------


def test_a_good_file_is_read_with_its_goals_and_note(tmp_path) -> None:
    result = joined(tmp_path)
    assert result.name == "Design team"
    assert result.agreed == date(2026, 11, 2)
    assert result.goals.daily_minutes == 20
    assert result.note == "Fridays are free."
    assert team.describe_team(result) == [
        'Team goal of "Design team", agreed on 2026-11-02:',
        "  - at most 20 min of social time a work day",
        "  Note: Fridays are free.",
    ]


def test_every_kind_of_goal_is_said_in_plain_words(tmp_path) -> None:
    text = (
        'team = "Support"\nagreed = "2026-11-02"\n[goals]\ndaily_minutes = 30\n'
        'weekly_minutes = 120\nfocus = "09:00-11:00"\nsites = {"youtube.com" = 10}\n'
    )
    assert team.describe_team(joined(tmp_path, text)) == [
        'Team goal of "Support", agreed on 2026-11-02:',
        "  - at most 30 min of social time a work day",
        "  - at most 10 min a work day on youtube.com",
        "  - no social time from 09:00 to 11:00",
        "  - at most 2 h 00 min of social time a week",
    ]


def test_joining_copies_the_file_as_it_is_readable_by_the_user_only(tmp_path) -> None:
    joined(tmp_path)
    copy = tmp_path / "data" / "team.toml"
    assert copy.read_text(encoding="utf-8") == GOAL_FILE  # comments kept
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert team.current_team(tmp_path / "data")[0] == joined(tmp_path)


@pytest.mark.parametrize(
    ("text", "key", "says"),
    [
        ("agreed = 2026-11-02\n[goals]\ndaily_minutes = 20\n", "team", "missing"),
        ('team = ""\nagreed = 2026-11-02\n[goals]\ndaily_minutes = 20\n', "team", "name"),
        ('team = "A\\u001b[2J"\nagreed = 2026-11-02\n[goals]\ndaily_minutes = 1\n', "team", ""),
        ('team = "A"\nagreed = "02/11/2026"\n[goals]\ndaily_minutes = 20\n', "agreed", "date"),
        ('team = "A"\nagreed = 2026-02-30\n[goals]\n', "", "not valid TOML"),
        ('team = "A"\nagreed = "2026-02-30"\n[goals]\ndaily_minutes = 1\n', "agreed", "date"),
        ('team = "A"\nagreed = 2026-11-02\n', "goals", "missing"),
        ('team = "A"\nagreed = 2026-11-02\ngoals = 3\n', "goals", "table"),
        ('team = "A"\nagreed = 2026-11-02\n[goals]\n', "goals", "judges each day"),
        ('team = "A"\nagreed = 2026-11-02\n[goals]\nweekly_minutes = 60\n', "goals", "each day"),
        ('team = "A"\nagreed = 2026-11-02\n[goals]\ndaily_minutes = "x"\n', "goals.daily", ""),
        ('team = "A"\nagreed = 2026-11-02\nnote = 3\n[goals]\ndaily_minutes = 1\n', "note", ""),
        (
            'team = "A"\nagreed = 2026-11-02\nnote = "\\u001b]0;x"\n[goals]\ndaily_minutes = 1\n',
            "note",
            "",
        ),
        ('teem = "A"\nagreed = 2026-11-02\n[goals]\ndaily_minutes = 1\n', "teem", "'team'"),
        ('team = "A"\nagreed = 2026-11-02\n[goals\n', "", "not valid TOML"),
    ],
)
def test_a_bad_file_is_refused_naming_the_file_and_the_key(tmp_path, text, key, says) -> None:
    source = tmp_path / "goal.toml"
    source.write_text(text, encoding="utf-8")
    result, errors = team.join_team(source, tmp_path / "data")
    assert result is None and errors
    assert any(e.key.startswith(key) and says in str(e) for e in errors), errors
    assert all(str(e).startswith(str(source)) for e in errors)
    assert not (tmp_path / "data" / "team.toml").exists()


def test_not_utf8_and_missing_files_are_errors_not_crashes(tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'team = "\xff"\n')
    assert "UTF-8" in str(team.load_team(bad)[1][0])
    assert "cannot read" in str(team.load_team(tmp_path / "none.toml")[1][0])


def test_leaving_removes_the_file_and_forgets_the_tokens(tmp_path, store) -> None:
    result = joined(tmp_path)
    social(store, WEEK.first, 60)
    summary = team_week.build_summary(store, result, default_work_hours(), WEEK, AFTER)
    team_week.save_summary(store, summary, tmp_path / "s.json")
    assert any(key.startswith("team_token:") for key in store.meta())
    assert team.leave_team(tmp_path / "data", store)
    assert not (tmp_path / "data" / "team.toml").exists()
    assert not any(key.startswith("team_token:") for key in store.meta())
    assert team.leave_team(tmp_path / "data", store) is False


# --- progress -----------------------------------------------------------------------------------


def test_progress_shows_each_work_day_and_the_days_met(tmp_path, store) -> None:
    result = joined(tmp_path)
    social(store, WEEK.first, 10 * 60)  # Monday: met
    social(store, WEEK.first + timedelta(days=1), 45 * 60)  # Tuesday: not met
    # Wednesday: nothing recorded (socialtime was not running, or a sick day)
    social(store, WEEK.first + timedelta(days=3), 5 * 60)  # Thursday: today, so far
    lines = team_week.progress_lines(
        store, result, default_work_hours(), WEEK, WEEK.first + timedelta(days=3)
    )
    assert lines[:-1] == [
        "Your progress, week of 23 November 2026 (only you see this):",
        "  Mon 23 Nov      10 min social  goal met",
        "  Tue 24 Nov      45 min social  goal not met",
        "  Wed 25 Nov         0 s social  nothing recorded",
        "  Thu 26 Nov       5 min social  (so far)",
    ]  # Saturday and Sunday are not work days, Friday is to come
    # "work days" from the English catalogue's plural forms ("work day(s)" without them)
    assert lines[-1].startswith("  Goal met on 1 of 2 recorded work day")


def test_progress_in_french(tmp_path, store, french) -> None:
    result = joined(tmp_path)
    social(store, WEEK.first, 10 * 60)
    social(store, WEEK.first + timedelta(days=1), 45 * 60)
    lines = team_week.progress_lines(
        store, result, default_work_hours(), WEEK, WEEK.first + timedelta(days=2)
    )
    assert lines == [
        "Votre progression, semaine du 23 novembre 2026 (vous seul la voyez)\u00a0:",
        "  lun. 23 nov.      10 min réseaux sociaux  objectif atteint",
        "  mar. 24 nov.      45 min réseaux sociaux  objectif non atteint",
        "  mer. 25 nov.         0 s réseaux sociaux  (jusqu'ici)",
        "  Objectif atteint 1 fois sur 2 jours travaillés terminés et enregistrés.",
    ]
    assert team.describe_team(result)[0] == (
        "Objectif d'équipe de «\u00a0Design team\u00a0», convenu le 02/11/2026\u00a0:"
    )


# --- the summary --------------------------------------------------------------------------------


def week_of_social(store: Store, seconds_per_day: list[float]) -> None:
    for i, seconds in enumerate(seconds_per_day):
        social(store, WEEK.first + timedelta(days=i), seconds)


def test_a_summary_holds_exactly_the_listed_keys(tmp_path, store) -> None:
    result = joined(tmp_path)
    week_of_social(store, [10 * 60, 30 * 60, 0, 20 * 60, 5 * 60])
    summary = team_week.build_summary(store, result, default_work_hours(), WEEK, AFTER)
    assert list(summary) == list(SUMMARY_KEYS)
    assert set(summary) == {
        "format", "version", "team", "week", "work_days", "days_met",
        "social_minutes_per_work_day", "token",
    }  # fmt: skip
    token = summary["token"]
    assert summary == {
        "format": "socialtime-team-summary",
        "version": 1,
        "team": "Design team",
        "week": "2026-W48",
        "work_days": 5,
        "days_met": 4,  # 30 min on Tuesday is over the 20 min goal
        "social_minutes_per_work_day": "0-15",  # 65 min / 5 days = 13 min
        "token": token,
    }
    assert isinstance(token, str) and len(token) == 32 and int(token, 16) >= 0
    written = team_week.save_summary(store, summary, tmp_path / "s.json")
    assert written == summary_text(summary)
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == summary
    assert stat.S_IMODE((tmp_path / "s.json").stat().st_mode) == 0o600
    assert check_summary(summary, "s.json")[1] == []  # what is written is what is accepted


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (0, "0-15"), (14 + 59 / 60, "0-15"), (15, "15-30"), (29 + 59 / 60, "15-30"),
        (30, "30-60"), (59 + 59 / 60, "30-60"), (60, "60+"), (600, "60+"),
    ],
)  # fmt: skip
def test_bucket_edges(minutes, expected) -> None:
    assert bucket(minutes) == expected
    assert expected in BUCKETS


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(14 * 60 + 59, "0-15"), (15 * 60, "15-30"), (59 * 60 + 59, "30-60"), (60 * 60, "60+")],
)
def test_bucket_edges_of_a_whole_week(tmp_path, store, seconds, expected) -> None:
    """The same time every work day: the average is that time, to the second."""
    result = joined(tmp_path)
    week_of_social(store, [seconds] * 5)
    summary = team_week.build_summary(store, result, default_work_hours(), WEEK, AFTER)
    assert summary["social_minutes_per_work_day"] == expected


def test_the_token_is_stable_for_a_week_and_new_for_another(tmp_path, store) -> None:
    result = joined(tmp_path)
    hours = default_work_hours()
    next_week = parse_week("2026-W49")
    week_of_social(store, [60] * 5)
    social(store, next_week.first, 60)
    first = team_week.build_summary(store, result, hours, WEEK, AFTER + timedelta(days=7))
    team_week.save_summary(store, first, tmp_path / "a.json")
    again = team_week.build_summary(store, result, hours, WEEK, AFTER + timedelta(days=7))
    assert again["token"] == first["token"]
    assert summary_text(again) == summary_text(first)  # re-export: the very same file
    other = team_week.build_summary(store, result, hours, next_week, AFTER + timedelta(days=7))
    team_week.save_summary(store, other, tmp_path / "b.json")
    assert other["token"] != first["token"]
    # A fresh random draw, nothing derived: another person's token of the same week differs.
    colleague = Store()
    assert token_for(colleague, result.name, "2026-W48") != first["token"]
    colleague.close()


def test_only_work_days_that_are_over_are_counted(tmp_path, store) -> None:
    result = joined(tmp_path)
    week_of_social(store, [60] * 5)
    hours = default_work_hours()
    wednesday = WEEK.first + timedelta(days=2)
    summary = team_week.build_summary(store, result, hours, WEEK, wednesday)
    assert summary["work_days"] == 2  # Monday and Tuesday; Wednesday is still running
    with pytest.raises(team.TeamError, match="no work day that is over"):
        team_week.build_summary(store, result, hours, WEEK, WEEK.first)


def test_work_days_with_nothing_recorded_are_not_counted_as_met(tmp_path, store) -> None:
    result = joined(tmp_path)
    social(store, WEEK.first + timedelta(days=1), 30 * 60)  # only Tuesday was recorded
    summary = team_week.build_summary(store, result, default_work_hours(), WEEK, AFTER)
    assert (summary["work_days"], summary["days_met"]) == (1, 0)
    assert summary["social_minutes_per_work_day"] == "30-60"
    with pytest.raises(team.TeamError, match="nothing to summarise"):
        team_week.build_summary(store, result, default_work_hours(), parse_week("2026-W47"), AFTER)


def test_a_week_of_days_off_has_nothing_to_summarise(tmp_path, store) -> None:
    result = joined(tmp_path)
    hours = default_work_hours()
    off = type(hours)(hours.days, frozenset(WEEK.days()), hours.tz)
    with pytest.raises(team.TeamError, match="week of 23 November 2026"):
        team_week.build_summary(store, result, off, WEEK, AFTER)
