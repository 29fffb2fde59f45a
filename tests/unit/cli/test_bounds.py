"""The calendar's bounds (periods.FIRST_DAY..LAST_DAY, MAX_PAUSE_SECONDS) and the arguments
checked against them: dates, weeks, ranges, pause durations, a stored pause that makes no
sense, and the file that ``export -o`` writes. Each case here was a traceback once."""

from __future__ import annotations

import errno
import json
import os
import re
import threading
import time
from datetime import date, timedelta

import pytest
from fakes import FakeBridge, FakeProbe

from socialtime.cli import program as cli
from socialtime.cli import track as track_cli
from socialtime.cli.context import UsageError
from socialtime.insights import report
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.recorder import Recorder
from socialtime.recording.store import PAUSED_UNTIL, Store
from socialtime.recording.tracker import State
from socialtime.rules import periods
from socialtime.rules.periods import FIRST_DAY, LAST_DAY, MAX_PAUSE_SECONDS, Period, local_midnight
from socialtime.rules.work_hours import DAY_KEYS, WorkHours
from socialtime.settings import Config

pytestmark = pytest.mark.usefixtures("paris")

DAY = date(2026, 11, 24)
OUT_OF_RANGE_DAY = "is out of range (expected a day from 2000-01-01 to 2099-12-31)"
OUT_OF_RANGE_WEEK = "is out of range (expected a week from 2000-W01 to 2099-W52)"


def fill(data_dir, day=DAY) -> None:
    """10 min of Facebook and 50 min of other time from 10:00 on ``day``."""
    store = Store.open(data_dir)
    t = local_midnight(day) + 10 * 3600
    store.record("facebook.com", t, t + 600, 10)
    store.record(None, t + 600, t + 3600, 10)
    store.close()


# --- the parsers ----------------------------------------------------------------------------


def test_the_bounds_are_the_21st_century() -> None:
    assert f"{FIRST_DAY} to {LAST_DAY}" == "2000-01-01 to 2099-12-31"
    assert periods.first_week() == Period(date(2000, 1, 3), date(2000, 1, 9))
    assert periods.last_week() == Period(date(2099, 12, 21), date(2099, 12, 27))
    assert periods.week_name(periods.first_week().first) == "2000-W01"
    assert periods.week_name(periods.last_week().first) == "2099-W52"
    assert MAX_PAUSE_SECONDS == 365 * 86400


def test_every_day_inside_the_bounds_has_its_local_midnights() -> None:
    """What the bounds promise: a day accepted never fails later (its midnight, the next)."""
    start, end = Period(FIRST_DAY, LAST_DAY).bounds()
    assert 0 < start < end
    assert end - start == pytest.approx((LAST_DAY - FIRST_DAY).days * 86400 + 86400, abs=7200)


@pytest.mark.parametrize("text", ["2000-01-01", "2026-11-24", "2099-12-31", " 2099-12-31 "])
def test_a_day_inside_the_bounds_is_accepted(text) -> None:
    assert periods.parse_date(text, "--day") == date.fromisoformat(text.strip())


@pytest.mark.parametrize(
    "text", ["1999-12-31", "2100-01-01", "0001-01-01", "9999-12-31", "1970-01-01"]
)
def test_a_day_outside_the_bounds_is_refused_with_the_option_and_the_range(text) -> None:
    with pytest.raises(ValueError) as error:
        periods.parse_date(text, "--from")
    assert str(error.value) == f"--from: '{text}' {OUT_OF_RANGE_DAY}"


@pytest.mark.parametrize(
    ("text", "first"),
    [("2000-W01", date(2000, 1, 3)), ("2099-W52", date(2099, 12, 21)), ("2026w48", DAY)],
)
def test_the_first_and_last_weeks_are_accepted(text, first) -> None:
    period = periods.parse_week(text)
    assert period.first == first - timedelta(days=first.weekday())
    assert (period.last - period.first).days == 6


@pytest.mark.parametrize(
    "text", ["1999-W52", "2099-W53", "0001-W01", "0000-W01", "9999-W52", "2100-W01"]
)
def test_a_week_outside_the_bounds_is_refused(text) -> None:
    with pytest.raises(ValueError) as error:
        periods.parse_week(text)
    assert str(error.value) == f"--week: '{text}' {OUT_OF_RANGE_WEEK}"


def test_a_week_the_year_does_not_have_is_still_explained_as_such() -> None:
    for text in ("2025-W53", "2026-W00", "2026-W99"):
        with pytest.raises(ValueError, match="that year has no such week"):
            periods.parse_week(text)
    with pytest.raises(ValueError, match="is not an ISO week"):
        periods.parse_week("٢٠٢٦-W48")  # digits of another script: not what YYYY-Www means


def test_the_whole_range_is_accepted_and_its_ends_checked() -> None:
    assert periods.date_range("2000-01-01", "2099-12-31") == Period(FIRST_DAY, LAST_DAY)
    with pytest.raises(ValueError, match=re.escape(f"--to: '9000-12-31' {OUT_OF_RANGE_DAY}")):
        periods.date_range("2000-01-01", "9000-12-31")


def test_bounds_messages_in_french(french) -> None:
    with pytest.raises(ValueError) as error:
        periods.parse_date("9999-12-31", "--day")
    assert "hors limites" in str(error.value) and "2000-01-01" in str(error.value)
    with pytest.raises(ValueError) as error:
        periods.parse_week("9999-W52")
    assert "hors limites" in str(error.value) and "2099-W52" in str(error.value)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30m", 1800), ("1h", 3600), ("90min", 5400), ("45s", 45), ("1 h", 3600)],
)
def test_durations(text, seconds) -> None:
    assert cli._parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["8760h", "525600m", "31536000s", "0008760h"])
def test_a_pause_of_a_year_is_the_longest(text) -> None:
    assert cli._parse_duration(text) == MAX_PAUSE_SECONDS


@pytest.mark.parametrize("text", ["8761h", "525601min", "99999999h", "9" * 5000 + "h"])
def test_a_longer_pause_is_refused_and_says_the_limit(text) -> None:
    with pytest.raises(UsageError) as error:
        cli._parse_duration(text)
    assert "is too long (at most a year: 8760h)" in str(error.value)
    assert "socialtime consent --withdraw" in str(error.value)


@pytest.mark.parametrize("text", ["0h", "00m", "²h", "1.5h", "-1h", "h", "1d", "1hh"])
def test_what_is_not_a_duration(text) -> None:
    with pytest.raises(UsageError, match="is not a duration"):
        cli._parse_duration(text)


# --- the report over long ranges ------------------------------------------------------------


def test_a_range_over_the_whole_calendar_gives_every_day(run) -> None:
    fill(run.data)
    code, out, err = run("report", "--from", "2000-01-01", "--to", "2099-12-31", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["from"], doc["to"]) == ("2000-01-01", "2099-12-31")
    assert (doc["active_seconds"], doc["social_seconds"]) == (3600, 600)
    assert len(doc["days"]) == (LAST_DAY - FIRST_DAY).days + 1 == 36525
    assert [d["date"] for d in doc["days"][:2]] == ["2000-01-01", "2000-01-02"]
    assert doc["days"][-1]["date"] == "2099-12-31"
    busy = [d for d in doc["days"] if d["active_seconds"]]
    assert busy == [
        {
            "active_seconds": 3600,
            "social_seconds": 600,
            "sites": {"facebook.com": 600},
            "date": "2026-11-24",
            "missed": [],
        }
    ]
    empty = doc["days"][0]
    assert empty == {
        "active_seconds": 0,
        "social_seconds": 0,
        "sites": {},
        "date": "2000-01-01",
        "missed": [],
    }


def test_days_without_data_are_not_worked_out(monkeypatch) -> None:
    """The per-day work covers the data's days (and one on each side), not the range."""
    store = Store(":memory:")
    t = local_midnight(DAY) + 10 * 3600
    store.record("x.com", t, t + 60, 10)
    calls = []
    real = periods.local_midnight
    monkeypatch.setattr(report, "local_midnight", lambda d: calls.append(d) or real(d))
    doc = report.build(store, Period(FIRST_DAY, LAST_DAY))
    assert doc["social_seconds"] == 60
    assert len(calls) < 10  # was one per day of the range: 36,526
    calls.clear()
    assert len(report.build(Store(":memory:"), Period(FIRST_DAY, LAST_DAY))["days"]) == 36525
    assert len(calls) < 5


def test_spans_at_the_edges_of_the_data_split_at_midnight_as_before() -> None:
    """A span over midnight, at the first and the last day with data, in a range wider
    than the data: each day gets its own part."""
    store = Store(":memory:")
    for day in (date(2026, 3, 29), date(2026, 10, 25)):  # DST days in Paris
        midnight = local_midnight(day)
        store.record("reddit.com", midnight - 60, midnight + 120, 10)
    doc = report.build(store, Period(date(2026, 1, 1), date(2026, 12, 31)))
    busy = {d["date"]: d["sites"] for d in doc["days"] if d["active_seconds"]}
    assert busy == {
        "2026-03-28": {"reddit.com": 60},
        "2026-03-29": {"reddit.com": 120},
        "2026-10-24": {"reddit.com": 60},
        "2026-10-25": {"reddit.com": 120},
    }
    assert doc["active_seconds"] == 360 and len(doc["days"]) == 365


def test_erase_over_the_whole_calendar(run) -> None:
    fill(run.data)
    code, out, err = run("erase", "--from", "2000-01-01", "--to", "2099-12-31", "--yes")
    assert code == 0, err
    assert "1 h 00 min" in out
    assert Store.open(run.data).count() == 0


# --- the edge cases through the command line ------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--day", "9999-12-31"], f"--day: '9999-12-31' {OUT_OF_RANGE_DAY}"),
        (["report", "--day", "0001-01-01"], f"--day: '0001-01-01' {OUT_OF_RANGE_DAY}"),
        (["report", "--week", "9999-W52"], f"--week: '9999-W52' {OUT_OF_RANGE_WEEK}"),
        (["report", "--week", "0001-W01"], f"--week: '0001-W01' {OUT_OF_RANGE_WEEK}"),
        (
            ["report", "--from", "2000-01-01", "--to", "9000-12-31", "--json"],
            f"--to: '9000-12-31' {OUT_OF_RANGE_DAY}",
        ),
        (
            ["erase", "--from", "0001-01-01", "--to", "2026-01-01", "--yes"],
            f"--from: '0001-01-01' {OUT_OF_RANGE_DAY}",
        ),
        (
            ["erase", "--from", "2026-01-01", "--to", "9999-12-31", "--yes"],
            f"--to: '9999-12-31' {OUT_OF_RANGE_DAY}",
        ),
        (["report", "--day", ""], "--day: '' is not a date"),
        (["report", "--from", "", "--to", "2026-01-01"], "--from: '' is not a date"),
        (["erase", "--from", "", "--to", "2026-01-01", "--yes"], "--from: '' is not a date"),
        (["pause", "99999999h"], "pause: '99999999h' is too long (at most a year: 8760h)"),
    ],
)
def test_arguments_at_the_calendars_edges_exit_2_and_say_why(run, args, message) -> None:
    fill(run.data)
    code, out, err = run(*args)
    assert code == 2, err
    assert message in err
    assert "Traceback" not in err
    assert Store.open(run.data).count() == 2  # nothing erased


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--day", "2000-01-01"],
        ["report", "--day", "2099-12-31", "--json"],
        ["report", "--week", "2000-W01"],
        ["report", "--week", "2099-W52", "--json"],
        ["erase", "--from", "2099-12-31", "--to", "2099-12-31", "--yes"],
    ],
)
def test_the_first_and_last_days_and_weeks_work_end_to_end(run, args) -> None:
    code, out, err = run(*args)
    assert code == 0, err
    if "--json" in args:
        assert json.loads(out)["active_seconds"] == 0


def test_a_pause_too_long_stores_nothing(run) -> None:
    code, _, err = run("pause", "99999999h")
    assert code == 2 and "8760h" in err
    assert Store.open(run.data).paused_until(time.time()) is None
    code, out, _ = run("pause", "8760h")
    assert code == 0 and "Paused until" in out
    until = Store.open(run.data).paused_until(time.time())
    assert until is not None and MAX_PAUSE_SECONDS - 60 < until - time.time() <= MAX_PAUSE_SECONDS


@pytest.fixture
def team(run):
    goal = run.tmp / "goal.toml"
    goal.write_text('team = "Design"\nagreed = 2026-11-02\n[goals]\ndaily_minutes = 20\n')
    assert run("team", "join", str(goal))[0] == 0
    return run


@pytest.mark.parametrize("week", ["9999-W52", "0001-W01", "2099-W53", "1999-W52"])
def test_team_summary_of_a_week_outside_the_bounds(team, week) -> None:
    code, _, err = team("team", "summary", "--week", week, "-o", str(team.tmp / "s.json"))
    assert code == 2
    assert f"--week: '{week}' {OUT_OF_RANGE_WEEK}" in err


@pytest.mark.parametrize("week", ["2000-W01", "2099-W52"])
def test_team_summary_of_the_first_and_last_weeks(team, week) -> None:
    period = periods.parse_week(week)
    fill(team.data, period.first + timedelta(days=1))  # a Tuesday with time recorded
    out_file = team.tmp / "s.json"
    code, out, err = team("team", "summary", "--week", week, "-o", str(out_file), "--yes")
    if period.last < date.today():
        assert code == 0, err
        assert json.loads(out_file.read_text())["week"] == week
    else:  # a week to come: no day of it is over
        assert code == 1 and "nothing to summarise" in err


def test_team_summary_with_a_file_name_too_long(team) -> None:
    fill(team.data, date(2026, 11, 24))
    name = str(team.tmp / ("s" * 300))
    code, _, err = team("team", "summary", "--week", "2026-W48", "-o", name, "--yes")
    assert code == 2 and "File name too long" in err and name in err


# --- a stored pause that makes no sense -----------------------------------------------------

ABSURD = {
    "huge": repr(time.time() + 99999999 * 3600),
    "1e300": "1e300",
    "inf": "inf",
    "-inf": "-inf",
    "nan": "nan",
    "negative": "-12345.0",
    "text": "soon, maybe",
    "empty": "",
}
CLAMPED = {"huge", "1e300", "inf"}  # paused for the longest pause, from now
IGNORED = set(ABSURD) - CLAMPED  # no pause


def store_pause(store: Store, value: str | bytes) -> None:
    store.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [PAUSED_UNTIL, value])
    store._meta_version = -1  # written behind its back: read it again


@pytest.mark.parametrize("name", sorted(ABSURD))
def test_a_stored_pause_is_clamped_or_ignored(name) -> None:
    store = Store(":memory:")
    store_pause(store, ABSURD[name])
    now = 1_800_000_000.0
    until = store.paused_until(now)
    if name in CLAMPED:
        assert until == now + MAX_PAUSE_SECONDS
    else:
        assert until is None


def test_a_stored_pause_of_another_type_is_ignored() -> None:
    store = Store(":memory:")
    store_pause(store, b"\xff\x00")  # a blob, as a hand or another program may leave
    assert store.paused_until(0.0) is None
    store_pause(store, "1800000000.5")
    assert store.paused_until(1_799_000_000.0) == 1_800_000_000.5  # a pause of 11 days


@pytest.fixture
def recorder(tmp_path):
    """The Recorder of `socialtime track` (not started) over a fresh store, recording at any
    hour with consent given."""
    store = Store(":memory:")
    store.set_consent(NOTICE_VERSION, 0.0)
    probe = FakeProbe()
    probe.show("firefox", "(3) Facebook — Mozilla Firefox")
    hours = WorkHours.from_strings({d: "00:00-24:00" for d in DAY_KEYS})
    config = Config(sample_seconds=5, idle_seconds=180, work_hours=hours)
    recording = Recorder(
        tmp_path, config, probe=probe, open_store=lambda: store, make_bridge=FakeBridge
    )
    yield store, recording
    recording.stop()
    store.close()


@pytest.mark.parametrize("name", sorted(ABSURD))
def test_the_recorder_starts_whatever_pause_is_stored(recorder, name, capsys) -> None:
    """`socialtime track`'s loop: one tick, its state said on stderr, then stopped."""
    store, recording = recorder
    store_pause(store, ABSURD[name])
    stop = threading.Event()
    assert track_cli.start(recording, lambda seconds: True)
    track_cli._track_loop(recording, stop, wait=lambda seconds: stop.set())
    tracker = recording.tracker
    err = capsys.readouterr().err
    if name in CLAMPED:
        assert tracker._last_state is State.PAUSED
        year_after = date.fromtimestamp(time.time() + MAX_PAUSE_SECONDS)
        assert f"paused until {year_after.isoformat()}" in err
    else:
        assert tracker._last_state is State.RECORDING
        assert "recording" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", sorted(ABSURD))
def test_every_command_starts_whatever_pause_is_stored(run, name) -> None:
    store = Store.open(run.data)
    store_pause(store, ABSURD[name])
    store.close()
    for args in (["report"], ["consent"], ["export"], ["pause", "1h"], ["resume"]):
        code, _, err = run(*args)
        assert code == 0, (args, err)
    assert Store.open(run.data).paused_until(time.time()) is None


# --- export -o: every way the file can fail to be written ------------------------------------


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "data")


def test_export_with_a_file_name_too_long(run) -> None:
    fill(run.data)
    name = str(run.tmp / ("a" * 300))
    code, _, err = run("export", "-o", name)
    assert code == 2
    assert f"-o {name}: cannot write there (File name too long)" in err
    assert "Traceback" not in err and leftovers(run.tmp) == []


def test_export_with_a_long_name_the_system_accepts(run) -> None:
    """255 bytes is a legal name: the temporary file's name must not make it too long."""
    fill(run.data)
    name = run.tmp / ("b" * 250 + ".csv")
    code, _, err = run("export", "-o", str(name))
    assert code == 0, err
    assert leftovers(run.tmp) == [name.name]
    assert name.read_text().startswith("start,end,seconds,site\n")


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("missing/x.csv", "cannot write there (No such file or directory)"),
        ("file.txt/x.csv", "cannot write there (Not a directory)"),
        (".", "is a directory; give a file name"),
    ],
)
def test_export_where_no_file_can_be(run, target, reason) -> None:
    fill(run.data)
    (run.tmp / "file.txt").write_text("mine")
    path = run.tmp / target
    code, _, err = run("export", "-o", str(path))
    assert code == 2, err
    assert f"-o {path}: {reason}" in err
    assert leftovers(run.tmp) == ["file.txt"]


@pytest.mark.parametrize("name", ["bad\0name.csv", "bad\ud800name.csv"])
def test_export_to_a_name_no_system_call_can_take(run, name) -> None:
    """Not from a shell (argv holds neither), but main() may be called with anything."""
    code, _, err = run("export", "-o", str(run.tmp / name))
    assert code == 2
    assert "cannot write there (not a file name this system can hold)" in err
    assert leftovers(run.tmp) == []


def test_export_into_a_folder_without_permission(run, monkeypatch) -> None:
    fill(run.data)
    folder = run.tmp / "locked"
    folder.mkdir(mode=0o500)
    if os.access(folder, os.W_OK):  # root ignores the mode: refuse as the kernel would
        real = os.open

        def refuse(path, flags, *args, **kwargs):
            if str(path).startswith(str(folder)) and flags & os.O_CREAT:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
            return real(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    code, _, err = run("export", "-o", str(folder / "x.csv"))
    assert code == 2
    assert f"-o {folder / 'x.csv'}: cannot write there (Permission denied)" in err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_export_on_a_full_disk_leaves_the_former_file_and_nothing_else(run, monkeypatch, where):
    fill(run.data)
    target = run.tmp / "export.csv"
    target.write_text("the former export\n")
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    if where == "write":  # the disk fills after the first rows

        def half(self, out, iso):
            out.write("start,end,seconds,site\n")
            raise full

        monkeypatch.setattr(Store, "export_csv", half)
    else:  # the data reach the disk only when flushed

        def refuse(fd):
            raise full

        monkeypatch.setattr("socialtime.base.files.os.fsync", refuse)
    code, _, err = run("export", "-o", str(target))
    assert code == 2
    assert f"-o {target}: cannot write there (No space left on device)" in err
    assert target.read_text() == "the former export\n"
    assert leftovers(run.tmp) == ["export.csv"]


def test_export_failures_in_french(run, in_french) -> None:
    name = str(run.tmp / ("a" * 300))
    code, _, err = run("export", "-o", name)
    assert code == 2 and "impossible d'écrire" in err.lower() and name in err


@pytest.fixture
def in_french(french, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "fr")


def test_a_pause_too_long_in_french(run, in_french) -> None:
    code, _, err = run("pause", "99999999h")
    assert code == 2 and "8760h" in err and "trop longue" in err


def test_an_unknown_users_home_is_a_plain_name_not_a_traceback(run, monkeypatch, capsys):
    """pathlib's expanduser raises for `~nosuchuser`; the shell and os.path leave it as it is,
    and so does socialtime: the path is then used or refused by its own name."""
    from socialtime import cli

    monkeypatch.chdir(run.tmp)
    code = cli.main(["report", "--json", "--data-dir", "~nosuchuser-st/d", "--config", "none"])
    assert code == 0, capsys.readouterr().err
    assert (run.tmp / "~nosuchuser-st" / "d" / "socialtime.db").exists()
    code, out, err = run("team", "join", "~nosuchuser-st/goal.toml")
    assert code == 2
    assert "~nosuchuser-st/goal.toml" in err and "Traceback" not in err
