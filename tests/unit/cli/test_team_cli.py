"""``socialtime team …``: join, status, leave, the summary shown before it is written, and
aggregation that refuses anything but five or more distinct summaries of one team and week."""

from __future__ import annotations

import json
import secrets
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from socialtime import cli
from socialtime.recording.store import Store
from socialtime.rules.periods import local_midnight

MONDAY = date(2026, 11, 23)  # of 2026-W48
GOAL_FILE = 'team = "Design team"\nagreed = 2026-11-02\n\n[goals]\ndaily_minutes = 20\n'
ACTIONS = ("join", "leave", "status", "summary", "aggregate")


pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def run(run, monkeypatch):
    """conftest's `run`, on Tuesday 1 December 2026 for the team commands."""
    monkeypatch.setattr("socialtime.cli.team.today", lambda: date(2026, 12, 1))
    return run


def join(run) -> None:
    goal = run.tmp / "goal.toml"
    goal.write_text(GOAL_FILE, encoding="utf-8")
    assert run("team", "join", str(goal))[0] == 0


def record_week(data_dir: Path, minutes: list[int]) -> None:
    store = Store.open(data_dir)
    for i, m in enumerate(minutes):
        t = local_midnight(MONDAY + timedelta(days=i)) + 10 * 3600
        store.record("facebook.com", t, t + m * 60, 10)
    store.close()


# --- help ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ACTIONS)
def test_every_team_action_has_help(action, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["team", action, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--data-dir" in out
    parser = cli.build_parser()
    team = parser._subparsers._group_actions[0].choices["team"]
    sub = team._subparsers._group_actions[0].choices[action]
    assert sub.description
    for option in sub._actions:
        assert option.help, f"team {action} {option.option_strings} has no help"


# --- join, status, leave ------------------------------------------------------------------------


def test_join_prints_the_goal_in_plain_words_and_keeps_a_private_copy(run) -> None:
    goal = run.tmp / "goal.toml"
    goal.write_text(GOAL_FILE, encoding="utf-8")
    code, out, err = run("team", "join", str(goal))
    assert code == 0, err
    assert 'Team goal of "Design team", agreed on 2026-11-02:' in out
    assert "at most 20 min of social time a work day" in out
    assert "only you see it" in out
    copy = run.data / "team.toml"
    assert copy.read_text(encoding="utf-8") == GOAL_FILE
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600


def test_join_refuses_a_bad_file_naming_file_and_key(run) -> None:
    goal = run.tmp / "goal.toml"
    goal.write_text('team = "A"\nagreed = "soon"\n[goals]\ndaily_minutes = 20\n', "utf-8")
    code, out, err = run("team", "join", str(goal))
    assert code == 2
    assert f"{goal}: agreed = 'soon': expected" in err
    assert not (run.data / "team.toml").exists()


def test_status_shows_the_users_own_week(run, monkeypatch) -> None:
    assert "not in a team" in run("team", "status")[1]
    join(run)
    record_week(run.data, [10, 45])
    monkeypatch.setattr("socialtime.cli.team.today", lambda: MONDAY + timedelta(days=2))
    code, out, err = run("team", "status")
    assert code == 0, err
    assert "Your progress, week of 23 November 2026 (only you see this):" in out
    assert "goal not met" in out
    assert "Goal met on 1 of 2 recorded work day" in out  # "days" with the plural forms


def test_leave_is_one_command(run) -> None:
    join(run)
    code, out, _ = run("team", "leave")
    assert code == 0 and 'You left "Design team".' in out
    assert not (run.data / "team.toml").exists()
    assert "not in a team" in run("team", "leave")[1]


# --- summary ------------------------------------------------------------------------------------


def test_summary_shows_the_content_and_needs_yes_without_a_terminal(run) -> None:
    join(run)
    record_week(run.data, [10, 10, 10, 10, 10])
    target = run.tmp / "summary.json"
    code, out, err = run("team", "summary", "--week", "2026-W48", "-o", str(target))
    assert code == 2
    assert "add --yes" in err
    assert not target.exists()
    assert '"social_minutes_per_work_day": "0-15"' in out  # shown even when not written

    code, out, err = run("team", "summary", "--week", "2026-W48", "-o", str(target), "--yes")
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text in out  # exactly what was shown
    doc = json.loads(text)
    assert doc["week"] == "2026-W48" and doc["work_days"] == 5 and doc["days_met"] == 5
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_summary_asks_on_a_terminal(run, monkeypatch) -> None:
    join(run)
    record_week(run.data, [10])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    answers = iter(["n", "y"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    target = run.tmp / "summary.json"
    code, out, _ = run("team", "summary", "-o", str(target))  # default: last week, W48
    assert code == 0 and "Nothing was written." in out and not target.exists()
    code, out, _ = run("team", "summary", "-o", str(target))
    assert code == 0 and json.loads(target.read_text("utf-8"))["week"] == "2026-W48"


def test_summary_refusals(run) -> None:
    target = str(run.tmp / "s.json")
    code, _, err = run("team", "summary", "-o", target, "--yes")
    assert code == 2 and "not in a team" in err
    join(run)
    assert "not an ISO week" in run("team", "summary", "--week", "48", "-o", target)[2]
    code, _, err = run("team", "summary", "--week", "2027-W10", "-o", target, "--yes")
    assert code == 1 and "no work day that is over" in err


# --- aggregate ----------------------------------------------------------------------------------


def summary(**changes) -> dict:
    doc = {
        "format": "socialtime-team-summary",
        "version": 1,
        "team": "Design team",
        "week": "2026-W48",
        "work_days": 5,
        "days_met": 3,
        "social_minutes_per_work_day": "15-30",
        "token": secrets.token_hex(16),
    }
    return doc | changes


def write(run, docs: list[dict]) -> list[str]:
    names = []
    for i, doc in enumerate(docs):
        path = run.tmp / f"member-{i}.json"
        path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
        names.append(str(path))
    return names


def aggregate(run, docs: list[dict], *options: str):
    return run("team", "aggregate", *write(run, docs), *options)


def test_figures_from_six_summaries(run) -> None:
    docs = [
        summary(days_met=5, social_minutes_per_work_day="0-15"),
        summary(days_met=4, social_minutes_per_work_day="0-15"),
        summary(days_met=3, social_minutes_per_work_day="15-30"),
        summary(days_met=2, social_minutes_per_work_day="15-30"),
        summary(days_met=0, social_minutes_per_work_day="60+"),
        summary(work_days=4, days_met=2, social_minutes_per_work_day="15-30"),
    ]
    code, out, err = aggregate(run, docs)
    assert code == 0, err
    # (1 + 0.8 + 0.6 + 0.4 + 0 + 0.5) / 6 = 55 %; most days: 5/5, 4/5, 3/5 (2 of 4 is not).
    assert out == (
        'Team "Design team", week of 23 November 2026: 6 members\n'
        "Goal met on 55 % of work days (each member's days met / work days, averaged)\n"
        "Members who met the goal on most of their work days: 3 of 6\n"
        "Average social time per work day (members):\n"
        "  0-15 min   ##      2\n"
        "  15-30 min  ###     3\n"
        "  30-60 min          0\n"
        "  60+ min    #       1\n"
    )
    assert "member-" not in out + err  # no line per file


def test_a_chart_is_drawn_on_request(run) -> None:
    chart = run.tmp / "team.png"
    code, out, err = aggregate(run, [summary() for _ in range(5)], "--chart", str(chart))
    assert code == 0, err
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_four_summaries_are_too_few(run) -> None:
    code, out, err = aggregate(run, [summary() for _ in range(4)])
    assert code == 1 and out == ""
    assert "only 4 distinct summaries" in err and "at least 5" in err


def test_a_min_group_below_five_is_refused(run) -> None:
    code, out, err = aggregate(run, [summary() for _ in range(4)], "--min-group", "4")
    assert code == 2 and out == ""
    assert "--min-group 4: never fewer than 5" in err


def test_a_higher_min_group_is_honoured(run) -> None:
    code, _, err = aggregate(run, [summary() for _ in range(6)], "--min-group", "7")
    assert code == 1 and "only 6 distinct summaries" in err and "at least 7" in err


def test_a_duplicate_is_refused(run) -> None:
    docs = [summary() for _ in range(5)]
    docs.append(dict(docs[2]))
    code, out, err = aggregate(run, docs)
    assert code == 1 and out == ""
    assert "member-5.json: the same summary as" in err and "member-2.json" in err


def test_mixed_weeks_and_teams_are_refused_without_saying_their_values(run) -> None:
    docs = [summary() for _ in range(6)]
    docs[4] = summary(week="2026-W47")
    docs[5] = summary(team="Sales")
    code, out, err = aggregate(run, docs)
    assert code == 1 and out == ""
    assert "member-4.json: for another week than" in err
    assert "member-5.json: for another team than" in err
    assert "2026-W47" not in err and "Sales" not in err


def test_an_extra_key_is_refused_without_printing_its_value(run) -> None:
    docs = [summary() for _ in range(5)]
    docs[1] = summary(name="Alice Martin")
    code, out, err = aggregate(run, docs)
    assert code == 1 and out == ""
    assert "member-1.json: unexpected key 'name'" in err
    assert "Alice" not in err


def test_a_truncated_file_is_refused(run) -> None:
    names = write(run, [summary() for _ in range(5)])
    path = Path(names[3])
    path.write_text(path.read_text(encoding="utf-8")[:60], encoding="utf-8")
    code, out, err = run("team", "aggregate", *names)
    assert code == 1 and out == ""
    assert f"{path}: not valid JSON, truncated or damaged" in err


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"days_met": "3"}, "key 'days_met' must be a whole number from 0 to work_days"),
        ({"days_met": 6}, "key 'days_met' must be a whole number from 0 to work_days"),
        ({"work_days": True}, "key 'work_days' must be a whole number from 1 to 7"),
        ({"work_days": 0}, "key 'work_days' must be a whole number from 1 to 7"),
        ({"social_minutes_per_work_day": 12}, "key 'social_minutes_per_work_day' must be one"),
        ({"week": "2026-W54"}, "key 'week' must be an ISO week"),
        ({"token": "alice"}, "key 'token' must be 32 hexadecimal digits"),
        ({"format": "other"}, "key 'format' must be"),
        ({"version": 2}, "key 'version' must be 1 (a newer socialtime"),
        ({"version": True}, "key 'version' must be 1"),
        ({"team": 7}, "key 'team' must be the team's name"),
    ],
)
def test_wrong_types_and_values_are_refused_by_key(run, changes, says) -> None:
    docs = [summary() for _ in range(5)]
    docs[0] = summary(**changes)
    code, out, err = aggregate(run, docs)
    assert code == 1 and out == ""
    assert "member-0.json: " + says in err
    assert "alice" not in err


def test_missing_keys_and_other_shapes_are_refused(run) -> None:
    docs: list = [summary() for _ in range(5)]
    del docs[0]["token"]
    docs[1] = [1, 2, 3]
    code, out, err = aggregate(run, docs)
    assert code == 1
    assert "member-0.json: key 'token' is missing" in err
    assert "member-1.json: not a team summary (expected a JSON object)" in err
    code, _, err = run("team", "aggregate", str(run.tmp / "nowhere.json"), *write(run, docs[2:]))
    assert code == 1 and "nowhere.json: cannot read the file" in err
