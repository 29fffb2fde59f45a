"""The command line, run in-process against a temporary data dir and config."""

import json
import stat
import time
from datetime import date

import pytest

from socialtime import cli
from socialtime.cli import arguments as cli_text
from socialtime.recording.store import DB_NAME, SCHEMA_VERSION, Store
from socialtime.rules.periods import local_midnight

DAY = date(2026, 11, 24)


pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def run(run, monkeypatch):
    """conftest's `run`, without the caller's display."""
    monkeypatch.delenv("DISPLAY", raising=False)
    return run


def fill(data_dir, day=DAY):
    """Tuesday: 10 min Facebook, 5 min YouTube, 45 min other, from 10:00."""
    store = Store.open(data_dir)
    t = local_midnight(day) + 10 * 3600
    store.record("facebook.com", t, t + 600, 10)
    store.record("youtube.com", t + 600, t + 900, 10)
    store.record(None, t + 900, t + 3600, 10)
    store.close()


def test_without_a_command_it_starts_the_tray(run, monkeypatch):
    calls = []
    monkeypatch.setattr("socialtime.ui.app.run", lambda *a, **k: calls.append((a, k)) or 0)
    assert run("--show", "settings")[0] == 0
    assert calls == [((run.data, run.config), {"show": "settings"})]


def test_help_is_there_for_every_command(capsys):
    for name in cli.build_parser()._subparsers._group_actions[0].choices:
        with pytest.raises(SystemExit) as exit_:
            cli.main([name, "--help"])
        assert exit_.value.code == 0
        assert "--data-dir" in capsys.readouterr().out


def test_consent_shows_the_notice_and_records_the_answer(run):
    code, out, _ = run("consent")
    assert code == 0
    assert str(run.data) in out and "never recorded" in out
    assert "not accepted" in out
    assert run("consent", "--accept")[0] == 0
    assert "you accepted this notice" in run("consent")[1]
    code, out, _ = run("consent", "--withdraw")
    assert code == 0 and "withdrawn" in out
    assert "not accepted" in run("consent")[1]


def test_withdrawing_offers_erasure(run):
    fill(run.data)
    run("consent", "--accept")
    code, out, _ = run("consent", "--withdraw")
    assert "socialtime erase --all" in out


def test_report_json_per_day_and_range(run):
    fill(run.data)
    fill(run.data, date(2026, 11, 26))
    code, out, _ = run("report", "--day", DAY.isoformat(), "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["active_seconds"] == 3600
    assert doc["social_seconds"] == 900
    assert doc["sites"] == {"facebook.com": 600, "youtube.com": 300}
    assert doc["from"] == doc["to"] == "2026-11-24"
    week = json.loads(run("report", "--week", "2026-W48", "--json")[1])
    assert week["from"] == "2026-11-23" and week["to"] == "2026-11-29"
    assert week["sites"] == {"facebook.com": 1200, "youtube.com": 600}
    assert [d["active_seconds"] for d in week["days"]] == [0, 3600, 0, 3600, 0, 0, 0]
    span = json.loads(run("report", "--from", "2026-11-25", "--to", "2026-11-26", "--json")[1])
    assert span["active_seconds"] == 3600


def test_report_text(run):
    fill(run.data)
    code, out, _ = run("report", "--day", DAY.isoformat())
    assert code == 0
    assert "Active time  1 h 00 min" in out
    assert "Social time  15 min (25 % of active time)" in out
    assert "Facebook" in out and "10 min" in out


def test_report_of_an_empty_day(run):
    code, out, _ = run("report")
    assert code == 0 and "Nothing recorded" in out


def test_report_splits_a_span_at_midnight(run):
    store = Store.open(run.data)
    midnight = local_midnight(DAY)
    store.record("reddit.com", midnight - 60, midnight + 120, 10)
    store.close()
    doc = json.loads(run("report", "--from", "2026-11-23", "--to", "2026-11-24", "--json")[1])
    assert [d["sites"] for d in doc["days"]] == [{"reddit.com": 60}, {"reddit.com": 120}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["report", "--day", "2026-13-01"],
            "--day: '2026-13-01' is not a date (expected YYYY-MM-DD)",
        ),
        (["report", "--week", "2026-48"], "--week: '2026-48' is not an ISO week"),
        (["report", "--week", "2026-W54"], "that year has no such week"),
        (["report", "--from", "2026-11-05"], "--from and --to go together"),
        (["report", "--from", "2026-11-05", "--to", "2026-11-01"], "is before --from"),
        (["erase"], "say what to erase"),
        (["erase", "--all"], "add --yes to confirm"),
        (["erase", "--all", "--from", "2026-11-01", "--to", "2026-11-02"], "not both"),
        (["pause", "soon"], "'soon' is not a duration"),
    ],
)
def test_bad_arguments_exit_2_and_say_why(run, args, message):
    code, out, err = run(*args)
    assert code == 2
    assert message in err


def test_a_malformed_config_stops_commands_with_status_2(run):
    run.config.write_text('idle_seconds = "abc"\n[work_hours]\nmon = "25:00-26:00"\n')
    for command in (["report"], ["track"], ["doctor"]):
        code, out, err = run(*command)
        assert code == 2, command
        text = out + err
        assert str(run.config) in text and "idle_seconds" in text and "work_hours.mon" in text


def test_a_malformed_config_never_blocks_export_or_erase(run):
    fill(run.data)
    run.config.write_text("this is [ not toml\n")
    code, out, err = run("export", "--format", "json")
    assert code == 0
    assert "warning" in err and str(run.config) in err
    assert len(json.loads(out)["spans"]) == 3
    assert run("erase", "--all", "--yes")[0] == 0


def test_a_corrupted_database_is_reported_and_kept(run):
    run.data.mkdir()
    db = run.data / DB_NAME
    garbage = b"\x00garbage" * 1000
    db.write_bytes(garbage)
    for command in (["report"], ["export"], ["consent", "--accept"], ["erase", "--all", "--yes"]):
        code, out, err = run(*command)
        assert code == 1, command
        assert str(db) in err and "left untouched" in err
    assert db.read_bytes() == garbage


def test_another_programs_database_is_refused_and_not_modified(run):
    import sqlite3

    run.data.mkdir()
    db = run.data / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    before = {p.name: p.read_bytes() for p in run.data.iterdir()}
    for command in (["report"], ["track"], ["consent", "--accept"], ["erase", "--all", "--yes"]):
        code, _, err = run(*command)
        assert code == 1, command
        assert f"{db}: this SQLite database is not socialtime's" in err, command
        assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in run.data.iterdir()} == before


def test_a_newer_database_is_refused(run):
    import sqlite3

    Store.open(run.data).close()
    conn = sqlite3.connect(run.data / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.close()
    code, _, err = run("report")
    assert code == 1 and "newer socialtime" in err


def test_export_to_a_private_file(run, tmp_path):
    fill(run.data)
    target = tmp_path / "out.csv"
    code, _, err = run("export", "--format", "csv", "-o", str(target))
    assert code == 0 and "3 spans" in err
    lines = target.read_text().splitlines()
    assert lines[0] == "start,end,seconds,site"
    assert lines[1].startswith(
        "2026-11-24T10:00:00+01:00,2026-11-24T10:10:00+01:00,600.0,facebook.com"
    )
    assert lines[3].endswith(",")  # other time has no label
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert run("export", "-o", str(tmp_path))[0] == 2  # a directory is refused


def test_erase_a_date_range(run):
    fill(run.data)
    fill(run.data, date(2026, 11, 26))
    code, out, _ = run("erase", "--from", "2026-11-24", "--to", "2026-11-25", "--yes")
    assert code == 0 and "1 h 00 min" in out
    doc = json.loads(run("report", "--week", "2026-W48", "--json")[1])
    assert [d["active_seconds"] for d in doc["days"]] == [0, 0, 0, 3600, 0, 0, 0]


def test_pause_and_resume(run):
    assert run("pause", "1h")[0] == 0
    until = Store.open(run.data).paused_until(time.time())
    assert until is not None and 3590 < until - time.time() <= 3600
    code, out, _ = run("pause", "tomorrow")
    assert code == 0 and "00:00" in out
    assert run("resume")[0] == 0
    assert Store.open(run.data).paused_until(time.time()) is None


def test_doctor_without_a_display_says_how_to_fix_it(run):
    code, out, _ = run("doctor")
    assert code == 0
    assert "[ok] config" in out
    assert "DISPLAY" in out
    assert "consent: not given" in out


def test_one_recorder_per_data_directory(run):
    from socialtime.recording.recorder_lock import RecorderLock

    run.data.mkdir()
    with RecorderLock(run.data):
        code, _, err = run("track")
    assert code == 1
    assert "already recording" in err and str(run.data) in err


def test_the_tray_without_a_display_says_what_to_do(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "socialtime", "--data-dir", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert "no display" in done.stderr and "socialtime track" in done.stderr


def test_global_options_work_before_and_after_the_command(tmp_path, monkeypatch, capsys):
    """`socialtime --data-dir D report` must use D: a sub-command once reset it to the default."""
    monkeypatch.delenv("SOCIALTIME_DATA_DIR", raising=False)
    monkeypatch.delenv("SOCIALTIME_CONFIG", raising=False)
    for where in ("before", "after"):
        data = tmp_path / where
        fill(data)
        options = ["--data-dir", str(data), "--config", str(tmp_path / "none.toml")]
        argv = [*options, "report", "--day", str(DAY), "--json"]
        if where == "after":
            argv = ["report", "--day", str(DAY), "--json", *options]
        assert cli.main(argv) == 0
        assert json.loads(capsys.readouterr().out)["social_seconds"] == 900
    parser = cli.build_parser()
    assert parser.parse_args(["--data-dir", "D", "team", "leave"]).data_dir == "D"


# -- the user's language ---------------------------------------------------------------------


@pytest.fixture
def in_french(french, monkeypatch):
    """A French system (cli.main sets the language from the config and the system); the
    `french` fixture brings English back for the tests that follow."""
    monkeypatch.setenv("LANGUAGE", "fr")


def test_help_is_in_the_users_language(in_french, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation\u00a0: socialtime")
    assert "-h, --help" in out and "afficher cette aide et quitter" in out
    assert "Voyez, pour vous seul, quelle part de votre temps de travail" in out
    assert "commandes\u00a0:" in out and "--data-dir DIR" in out  # option names never change
    assert "\noptions\u00a0:\n" in out  # argparse's own colon gets the French space


def test_argparse_errors_are_in_the_users_language(in_french, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["export", "--format", "xml"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "utilisation\u00a0: socialtime export" in err
    assert "erreur\u00a0: argument --format\u00a0: choix non valide\u00a0: 'xml'" in err


def test_the_config_file_chooses_the_language(tmp_path, monkeypatch, capsys):
    config = tmp_path / "config.toml"
    config.write_text('language = "fr"\n')
    monkeypatch.setenv("SOCIALTIME_CONFIG", str(config))
    try:
        with pytest.raises(SystemExit):
            cli.main(["report", "--help"])
        assert "afficher le temps actif" in capsys.readouterr().out.lower()
        config.write_text('language = "fr"\nidle_seconds = "abc"\n')  # broken: "auto"
        with pytest.raises(SystemExit):
            cli.main(["--config", str(config), "report", "--help"])
        assert "Show active and social time" in capsys.readouterr().out
    finally:
        cli_text.set_language([])  # English again (LANGUAGE=en)


def test_the_config_option_is_found_before_parsing():
    assert cli_text.config_option(["report", "--config", "a.toml", "--json"]) == "a.toml"
    assert cli_text.config_option(["--config=b.toml", "--config", "c.toml"]) == "c.toml"
    assert cli_text.config_option(["team", "join", "--", "--config", "x"]) is None
    assert cli_text.config_option(["--config"]) is None  # the real parser says what is missing


def test_doctor_in_french(run, in_french):
    code, out, _ = run("doctor")
    assert code == 0
    assert "[ok] configuration\u00a0: aucun (" in out
    assert "[!!] consentement\u00a0: non donné\u00a0: `socialtime consent --accept`" in out
    assert "[!!] fenêtre au premier plan\u00a0:" in out  # a probe's check.label
    assert "Paramètres de l'organisation\u00a0:" in out
    assert "foreground window" not in out and "consent:" not in out


def test_a_bad_config_in_french(run, in_french):
    run.config.write_text('idle_seconds = "abc"\n')
    code, _, err = run("report")
    assert code == 2
    assert "le fichier de configuration contient des erreurs" in err
    assert f"{run.config}\u00a0: idle_seconds = 'abc'\u00a0: il faut un nombre entier" in err


def test_erase_asks_in_days_as_the_settings_dialog_does(run, monkeypatch):
    fill(run.data)
    fill(run.data, date(2026, 11, 26))
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "n")
    code, out, _ = run("erase", "--all")
    assert code == 0 and "Nothing was erased." in out
    assert len(asked) == 1 and asked[0].startswith("Erase 2 days of data (everything recorded, in ")
    assert asked[0].endswith("This cannot be undone. [y/N] ")
    asked.clear()
    code, out, _ = run("erase", "--from", "2026-12-01", "--to", "2026-12-02")
    assert code == 0 and asked == [] and "nothing to erase" in out
