"""Benchmarks that print figures (run: pytest tests/bench -s). They assert only that the work
was done, never a time: timing targets are read from the printed figures."""

from __future__ import annotations

import statistics
import time
from datetime import date

from synthetic import fill_year

from socialtime.insights import report
from socialtime.recording.store import DB_NAME, Store
from socialtime.rules import periods


def test_database_size_after_a_year(tmp_path):
    store = Store.open(tmp_path)
    spans = fill_year(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = sum(p.stat().st_size for p in tmp_path.iterdir())
    print(
        f"\n[bench] one year (250 work days, {spans} spans): database {size / 1e6:.2f} MB "
        "(target < 5 MB)"
    )
    assert spans > 10_000


def test_report_over_a_year(tmp_path):
    store = Store.open(tmp_path)
    fill_year(store)
    period = periods.Period(date(2025, 1, 1), date(2025, 12, 31))
    times = []
    for _ in range(7):
        start = time.perf_counter()
        doc = report.build(store, period)
        times.append(time.perf_counter() - start)
    print(
        f"\n[bench] report over one year: median {statistics.median(times) * 1000:.1f} ms, "
        f"best {min(times) * 1000:.1f} ms (target < 100 ms)"
    )
    assert doc["active_seconds"] > 250 * 6 * 3600
    store.close()


def test_report_over_the_whole_calendar(tmp_path):
    """`report --from 2000-01-01 --to 2099-12-31 --json` over a year of data: the days
    without data cost only their (empty) entry, so the century costs about what the year
    costs plus its 36,525 entries. (Before the bounds, 2000-01-01 to 9000-12-31 took 12 s.)"""
    import json

    store = Store.open(tmp_path)
    fill_year(store)
    year = periods.Period(date(2025, 1, 1), date(2025, 12, 31))
    century = periods.Period(periods.FIRST_DAY, periods.LAST_DAY)
    figures = {}
    for name, period in (("one year", year), ("the whole calendar", century)):
        builds, dumps = [], []
        for _ in range(5):
            start = time.perf_counter()
            doc = report.build(store, period)
            middle = time.perf_counter()
            text = json.dumps(doc, ensure_ascii=False)
            builds.append(middle - start)
            dumps.append(time.perf_counter() - middle)
        figures[name] = (statistics.median(builds), statistics.median(dumps), len(text))
        assert doc["active_seconds"] > 250 * 6 * 3600
    (year_build, _, _), (build, dump, size) = figures["one year"], figures["the whole calendar"]
    print(
        f"\n[bench] report over 2000-01-01..2099-12-31 (36,525 days, a year of data): build "
        f"{build * 1000:.0f} ms (one year alone: {year_build * 1000:.0f} ms), JSON "
        f"{dump * 1000:.0f} ms, {size / 1e6:.1f} MB"
    )
    assert len(doc["days"]) == 36525
    store.close()


def test_report_command_over_a_year(tmp_path):
    """The whole `socialtime report --json` process, start-up included."""
    import subprocess
    import sys

    store = Store.open(tmp_path)
    fill_year(store)
    store.close()
    argv = [
        sys.executable,
        "-m",
        "socialtime",
        "report",
        "--json",
        "--data-dir",
        str(tmp_path),
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--config",
        str(tmp_path / "none.toml"),
    ]
    times = []
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    print(
        f"\n[bench] `socialtime report --json` over one year, whole process: median "
        f"{statistics.median(times) * 1000:.0f} ms"
    )
    assert b"active_seconds" in done.stdout
    assert (tmp_path / DB_NAME).exists()


def test_a_period_and_its_comparison_over_a_year(tmp_path):
    """What the dashboard and `report --month` compute for one period on a year of data: the
    report (one SQL aggregate), the days' goals and why they were missed, and the trend
    against the period before (a second report)."""
    from socialtime.insights import goals, trend
    from socialtime.rules.work_hours import parse_ranges
    from socialtime.settings import Config, Goals

    store = Store.open(tmp_path)
    fill_year(store)
    config = Config(goals=Goals(daily_minutes=30, focus=parse_ranges("10:00-11:00")))
    lines = []
    for kind in ("week", "month", "days90"):
        period = periods.period_for(kind, date(2025, 11, 20))
        times = []
        for _ in range(5):
            start = time.perf_counter()
            doc = report.build(store, period)
            days = goals.day_results(
                store, config.goals, config.work_hours, period.first, period.last, doc
            )
            found = trend.compare(store, config.work_hours, period, date(2025, 12, 31), doc)
            times.append(time.perf_counter() - start)
        assert found.previous_work_days > 0 and any(day.misses for day in days)
        lines.append(f"{kind} {statistics.median(times) * 1000:.1f} ms")
    print("\n[bench] a period, its goals and its comparison, on a year: " + ", ".join(lines))
    store.close()
