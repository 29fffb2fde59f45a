"""The organisation policy seen from the command line and the team commands: `doctor` tells
it, the settings in force follow it, the policy's team is offered (and leaving it is
remembered), and summaries are refused when the policy switches them off."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from socialtime import cli
from socialtime.settings import load_policy
from socialtime.team import goal_file as core

GOAL = 'team = "Whole company"\nagreed = 2026-11-02\n\n[goals]\ndaily_minutes = 20\n'
OWN_GOAL = 'team = "Design team"\nagreed = 2026-11-09\n\n[goals]\ndaily_minutes = 30\n'


pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def run(run, monkeypatch):
    """conftest's `run`, without the caller's display, on Tuesday 1 December 2026 for the team
    commands, with the organisation policy read from the empty folder run.etc."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr("socialtime.cli.team.today", lambda: date(2026, 12, 1))
    run.etc = run.tmp / "etc"
    run.etc.mkdir()
    monkeypatch.setenv("SOCIALTIME_POLICY_DIR", str(run.etc))
    return run


def policy(run, text: str) -> Path:
    path = run.etc / "policy.toml"
    path.write_text(text, encoding="utf-8")
    return path


def team_policy(run, goal: str = GOAL, extra: str = "") -> Path:
    goal_file = run.tmp / "company-goal.toml"
    goal_file.write_text(goal, encoding="utf-8")
    return policy(run, f'[mandatory.team]\ngoal_file = "{goal_file}"\n{extra}')


def test_doctor_without_a_policy_says_so(run) -> None:
    code, out, _ = run("doctor")
    assert "Organisation settings:" in out and "No organisation policy." in out


def test_doctor_lists_sources_values_ignored_and_errors(run) -> None:
    path = policy(
        run,
        "[mandatory]\ninvite_at_login = true\nconsent = true\n"
        '[mandatory.work_hours]\nmon = "09:00-17:00"\ntue = "9 to 5"\n'
        '[recommended.team]\nupload_url = "https://hr.example"\n',
    )
    code, out, _ = run("doctor")
    section = out[out.index("Organisation settings:") :]
    assert f"Read: {path}" in section
    assert f'work_hours.mon = "09:00-17:00" (mandatory, {path})' in section
    assert f"invite_at_login = true (mandatory, {path})" in section
    assert f"Ignored: consent = true (mandatory, {path}): a policy cannot consent" in section
    assert "team.upload_url" in section and "a policy cannot read or collect the data" in section
    assert "mandatory.work_hours.tue = '9 to 5'" in section
    assert code == 0  # the policy's mistakes are IT's to fix, not the user's


def test_the_settings_in_force_follow_the_policy(run) -> None:
    run.config.write_text('[work_hours]\nmon = "08:00-09:00"\n', encoding="utf-8")
    policy(run, '[mandatory.work_hours]\nmon = "00:00-24:00"\n')
    ctx = cli.Context(cli.build_parser().parse_args(["--config", str(run.config)]))
    loaded = ctx.loaded()
    assert loaded.config.work_hours.days[0] != loaded.user.work_hours.days[0]
    assert str(loaded.config.work_hours.days[0][0]) == "00:00-24:00"
    assert ctx.policy() is loaded.policy


def test_summary_refused_when_the_policy_does_not_allow_it(run) -> None:
    path = team_policy(run, extra="summaries_allowed = false\n")
    code, _, err = run("team", "summary", "-o", str(run.tmp / "s.json"), "--yes")
    assert code == 2
    assert "switched off by your organisation's policy" in err and str(path) in err
    assert not (run.tmp / "s.json").exists()
    allowed, reason = core.summaries_allowed(load_policy())
    assert not allowed and str(path) in reason
    assert core.summaries_allowed(None) == (True, "")


def test_the_policy_team_is_offered_and_leaving_it_is_remembered(run) -> None:
    path = team_policy(run)
    code, out, _ = run("team", "status")
    assert code == 0 and '"Whole company"' in out
    assert f"Offered by your organisation ({path})" in out
    team, errors = core.current_team(run.data, load_policy())
    assert not errors and team is not None and team.from_organisation
    assert team.offered_by == str(path) and team.goal_file == run.tmp / "company-goal.toml"
    assert core.current_team(run.data) == (None, [])  # without the policy: no team

    code, out, _ = run("team", "leave")
    assert code == 0 and 'You left "Whole company".' in out
    assert "not in a team" in run("team", "status")[1]
    assert "not in a team" in run("team", "leave")[1]
    left = json.loads((run.data / core.LEFT_FILE).read_text(encoding="utf-8"))
    assert left == {"left": [{"file": str(run.tmp / "company-goal.toml"), "agreed": "2026-11-02"}]}

    # A goal agreed anew is a new team: it is offered again.
    team_policy(run, GOAL.replace("2026-11-02", "2027-01-04"))
    assert '"Whole company"' in run("team", "status")[1]


def test_a_team_of_ones_own_wins_and_leaving_it_shows_the_organisations(run) -> None:
    team_policy(run)
    own = run.tmp / "own.toml"
    own.write_text(OWN_GOAL, encoding="utf-8")
    assert run("team", "join", str(own))[0] == 0
    out = run("team", "status")[1]
    assert '"Design team"' in out and "Offered by" not in out
    code, out, _ = run("team", "leave")
    assert 'You left "Design team".' in out and 'offers the team "Whole company"' in out
    assert '"Whole company"' in run("team", "status")[1]


def test_a_broken_policy_team_file_is_reported_never_a_crash(run) -> None:
    team_policy(run, goal="team = ")
    code, _, err = run("team", "status")
    assert code == 2 and "company-goal.toml" in err and "not valid TOML" in err
    (run.tmp / "company-goal.toml").unlink()
    code, _, err = run("team", "status")
    assert code == 2 and "cannot read the file" in err
    assert run("team", "leave")[0] == 0  # leaving works even so
    assert "not in a team" in run("team", "status")[1]


def test_summary_refused_in_french(run, french, monkeypatch) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")  # cli.main takes the system's language
    path = team_policy(run, extra="summaries_allowed = false\n")
    code, _, err = run("team", "summary", "-o", str(run.tmp / "s.json"), "--yes")
    assert code == 2
    assert (
        "socialtime\u00a0: Les récapitulatifs d'équipe sont désactivés par la politique de votre "
        f"organisation ({path}). Votre propre progression vous est toujours montrée"
    ) in err
