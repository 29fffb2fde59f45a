"""Property-based fuzz (hypothesis) of every date, week, range and duration argument of the
command line, and of the file name ``export -o`` writes.

Each input runs ``socialtime.cli.main([...])`` in-process on one data folder (with data, a
team joined) and must end with exit status 0, 1 or 2 and no exception: an exception would
be a traceback for the user. Runs are derandomized (the same inputs every time) and each
test prints how many inputs it tried (`pytest -s`). The parsers are fuzzed on their own too.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtime.cli import program as cli
from socialtime.cli.context import UsageError
from socialtime.recording.store import Store
from socialtime.rules import periods
from socialtime.rules.periods import FIRST_DAY, LAST_DAY, MAX_PAUSE_SECONDS, local_midnight


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


# --- inputs ----------------------------------------------------------------------------------

EDGE_DAYS = [
    "2000-01-01", "1999-12-31", "2099-12-31", "2100-01-01", "0001-01-01", "9999-12-31",
    "1970-01-01", "2024-02-29", "2026-02-29", "2026-11-24", "20261124", "2026-W48-2", "",
    " ", "2026-11-24T10:00", "+2026-11-24", "2026-1-1", "٢٠٢٦-١١-٢٤",
]  # fmt: skip
EDGE_WEEKS = [
    "2000-W01", "1999-W52", "2099-W52", "2099-W53", "0001-W01", "0000-W00", "9999-W52",
    "2026-W53", "2025-W53", "2026W48", "2026-w48", "2026-W48-1", "", "W48", "2026-48",
]  # fmt: skip
EDGE_DURATIONS = [
    "tomorrow", "TOMORROW", "8760h", "8761h", "525600min", "31536001s", "99999999h",
    "9" * 5000 + "h", "0h", "²h", "1.5h", "-1h", "1e9h", "inf", "nan", "1 h", "", "30",
]  # fmt: skip


def day_texts() -> st.SearchStrategy[str]:
    near = st.dates(FIRST_DAY - timedelta(days=400), LAST_DAY + timedelta(days=400))
    made = st.builds(
        "{:04d}-{:02d}-{:02d}".format,
        st.integers(0, 99999),
        st.integers(0, 99),
        st.integers(0, 99),
    )
    return st.one_of(
        st.sampled_from(EDGE_DAYS),
        st.dates().map(date.isoformat),  # the whole of datetime's calendar: 1 to 9999
        st.dates(FIRST_DAY, LAST_DAY).map(date.isoformat),
        near.map(date.isoformat),
        made,
        st.text(max_size=16),
    )


def week_texts() -> st.SearchStrategy[str]:
    def week(year: int, number: int, dash: str, w: str) -> str:
        return f"{year:04d}{dash}{w}{number:02d}"

    return st.one_of(
        st.sampled_from(EDGE_WEEKS),
        st.builds(week, st.integers(0, 99999), st.integers(0, 99), st.just("-"), st.just("W")),
        st.builds(
            week,
            st.integers(1995, 2105),
            st.integers(0, 54),
            st.sampled_from(["-", ""]),
            st.sampled_from(["W", "w"]),
        ),
        st.text(max_size=12),
    )


def duration_texts() -> st.SearchStrategy[str]:
    made = st.builds(
        "{}{}{}".format,
        st.one_of(st.integers(0, 10**6), st.integers(0, 10**40)),
        st.sampled_from(["", " ", "\t"]),
        st.sampled_from(["s", "m", "min", "h", "H", "MIN", "d", "ms", ""]),
    )
    return st.one_of(st.sampled_from(EDGE_DURATIONS), made, st.text(max_size=12))


def option(name: str, value: str, joined: bool) -> list[str]:
    """``--day VALUE``, or ``--day=VALUE`` (so that a value starting with "-" gets through)."""
    return [f"{name}={value}"] if joined else [name, value]


@st.composite
def report_args(draw: st.DrawFn) -> list[str]:
    joined = draw(st.booleans())
    kind = draw(st.sampled_from(["day", "week", "this week", "range", "from", "to"]))
    args = ["report"]
    if kind == "day":
        args += option("--day", draw(day_texts()), joined)
    elif kind == "week":
        args += option("--week", draw(week_texts()), joined)
    elif kind == "this week":
        args += ["--week"]
    else:
        if kind in ("range", "from"):
            args += option("--from", draw(day_texts()), joined)
        if kind in ("range", "to"):
            args += option("--to", draw(day_texts()), joined)
    return args + (["--json"] if draw(st.booleans()) else [])


@st.composite
def erase_args(draw: st.DrawFn) -> list[str]:
    joined = draw(st.booleans())
    args = ["erase", *option("--from", draw(day_texts()), joined)]
    args += option("--to", draw(day_texts()), joined)
    return args + (["--all"] if draw(st.integers(0, 9)) == 0 else []) + ["--yes"]


# --- running ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One folder for the module's inputs: data/ with a few days recorded and a team joined,
    Paris time (DST days in the range)."""
    former = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    root = tmp_path_factory.mktemp("fuzz")
    goal = root / "goal.toml"
    goal.write_text('team = "Fuzz"\nagreed = 2026-11-02\n[goals]\ndaily_minutes = 20\n')
    invoke(root, ["team", "join", str(goal)])
    try:
        yield root
    finally:
        if former is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = former
        time.tzset()


def record_some(root: Path) -> None:
    """Some days of data again (an erase may have removed them)."""
    store = Store.open(root / "data")
    if store.count() == 0:
        for day in (date(2026, 3, 29), date(2026, 11, 24), date(2000, 1, 4)):
            t = local_midnight(day) + 10 * 3600
            store.record("facebook.com", t, t + 600, 10)
    store.close()


def invoke(root: Path, argv: list[str]) -> tuple[int, str, str]:
    """``socialtime --data-dir … --config … ARGV`` in-process, stdin not a terminal; the
    exit status must be 0, 1 or 2. Any exception propagates: hypothesis reports it."""
    out, err = io.StringIO(), io.StringIO()
    # The global options first, so that an argument after "--" stays the command's.
    full = ["--data-dir", str(root / "data"), "--config", str(root / "config.toml"), *argv]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _stdin():
        try:
            code = cli.main(full)
        except SystemExit as exit_:  # argparse refusing the line: status 2 (0 for --help)
            code = exit_.code if isinstance(exit_.code, int) else 2
    text = err.getvalue()
    assert code in (0, 1, 2), (argv, code, text)
    assert "Traceback" not in text, (argv, text)
    if code == 2:
        assert text.strip(), argv  # a refusal says why
    return code, out.getvalue(), text


@contextlib.contextmanager
def _stdin() -> Iterator[None]:
    """Standard input that is not a terminal (nothing waits for an answer)."""
    former, sys.stdin = sys.stdin, io.StringIO()
    try:
        yield
    finally:
        sys.stdin = former


def check_report(argv: list[str], code: int, out: str) -> None:
    """A report accepted is whole: one entry per day of a period inside the bounds."""
    if code != 0 or "--json" not in argv:
        return
    doc = json.loads(out)
    first, last = date.fromisoformat(doc["from"]), date.fromisoformat(doc["to"])
    assert FIRST_DAY <= first <= last <= LAST_DAY, argv
    assert len(doc["days"]) == (last - first).days + 1, argv
    assert doc["social_seconds"] == sum(doc["sites"].values()) <= doc["active_seconds"]


# --- the command line ------------------------------------------------------------------------


def test_fuzz_report_arguments(folder) -> None:
    tried: list[list[str]] = []
    codes: dict[int, int] = {}

    @fuzz(1000)
    @given(report_args())
    def run(argv: list[str]) -> None:
        record_some(folder)
        code, out, _ = invoke(folder, argv)
        check_report(argv, code, out)
        tried.append(argv)
        codes[code] = codes.get(code, 0) + 1

    run()
    print(f"\n[fuzz] report: {len(tried)} inputs, exit statuses {dict(sorted(codes.items()))}")
    assert len(tried) >= 900 and codes.get(0) and codes.get(2)


def test_fuzz_erase_ranges(folder) -> None:
    tried: list[list[str]] = []
    codes: dict[int, int] = {}

    @fuzz(300)
    @given(erase_args())
    def run(argv: list[str]) -> None:
        record_some(folder)
        code, _, _ = invoke(folder, argv)
        tried.append(argv)
        codes[code] = codes.get(code, 0) + 1

    run()
    print(f"\n[fuzz] erase: {len(tried)} inputs, exit statuses {dict(sorted(codes.items()))}")
    assert len(tried) >= 250 and codes.get(0) and codes.get(2)


def test_fuzz_pause_durations(folder) -> None:
    tried: list[str] = []
    codes: dict[int, int] = {}

    @fuzz(500)
    @given(duration_texts(), st.booleans())
    def run(text: str, joined: bool) -> None:
        code, _, _ = invoke(folder, ["pause", "--", text] if joined else ["pause", text])
        if code == 0:
            until = Store.open(folder / "data").paused_until(time.time())
            assert until is not None and until - time.time() <= MAX_PAUSE_SECONDS
            invoke(folder, ["report"])  # and every command still starts
        tried.append(text)
        codes[code] = codes.get(code, 0) + 1

    run()
    invoke(folder, ["resume"])
    print(f"\n[fuzz] pause: {len(tried)} inputs, exit statuses {dict(sorted(codes.items()))}")
    assert len(tried) >= 450 and codes.get(0) and codes.get(2)


def test_fuzz_team_summary_weeks(folder) -> None:
    tried: list[str] = []
    codes: dict[int, int] = {}
    output = folder / "summary.json"

    @fuzz(300)
    @given(week_texts(), st.booleans())
    def run(week: str, joined: bool) -> None:
        record_some(folder)
        argv = ["team", "summary", *option("--week", week, joined), "-o", str(output), "--yes"]
        code, _, _ = invoke(folder, argv)
        tried.append(week)
        codes[code] = codes.get(code, 0) + 1

    run()
    print(
        f"\n[fuzz] team summary: {len(tried)} inputs, exit statuses {dict(sorted(codes.items()))}"
    )
    assert len(tried) >= 250 and codes.get(2)


def test_fuzz_export_file_names(folder) -> None:
    tried: list[str] = []
    codes: dict[int, int] = {}
    out = folder / "out"
    out.mkdir()
    names = st.text(st.characters(blacklist_characters="/\0"), min_size=1, max_size=300)

    @fuzz(200)
    @given(names, st.sampled_from(["", "/x.csv", "/"]))
    def run(name: str, tail: str) -> None:
        target = f"{out}/{name}{tail}"
        code, _, _ = invoke(folder, ["export", "-o", target])
        path = Path(target)
        if code == 0:
            assert path.is_file()
            path.unlink()
        tried.append(name)
        codes[code] = codes.get(code, 0) + 1

    run()
    left = [p.name for p in out.iterdir()]
    print(f"\n[fuzz] export -o: {len(tried)} inputs, exit statuses {dict(sorted(codes.items()))}")
    assert left == []  # nothing half-written, no temporary file
    assert len(tried) >= 150 and codes.get(0) and codes.get(2)


# --- the parsers alone -----------------------------------------------------------------------


@fuzz(1500)
@given(day_texts())
def test_fuzz_parse_date(text: str) -> None:
    try:
        day = periods.parse_date(text, "--day")
    except ValueError as e:
        assert str(e).startswith("--day: ") and repr(text) in str(e)
    else:
        assert FIRST_DAY <= day <= LAST_DAY
        assert periods.Period(day, day).bounds()[0] > 0


@fuzz(1500)
@given(week_texts())
def test_fuzz_parse_week(text: str) -> None:
    try:
        period = periods.parse_week(text)
    except ValueError as e:
        assert str(e).startswith("--week: ") and repr(text) in str(e)
    else:
        assert FIRST_DAY <= period.first <= period.last <= LAST_DAY
        assert period.first.weekday() == 0 and (period.last - period.first).days == 6
        assert periods.parse_week(periods.week_name(period.first)) == period


@fuzz(1500)
@given(duration_texts())
def test_fuzz_parse_duration(text: str) -> None:
    try:
        seconds = cli._parse_duration(text)
    except UsageError as e:
        assert str(e).startswith("pause: ") and repr(text) in str(e)
    else:
        assert 0 < seconds <= MAX_PAUSE_SECONDS
