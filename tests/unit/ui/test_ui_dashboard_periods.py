"""The dashboard of issue 15, driven as a person would: periods back and forward and the last
7/30/90 days (the figures are then the report's for that period), the bars in minutes of social
time with the days over the goal marked, hover and click, the keyboard, the table twins, and a
tab computed once per period and data version."""

from __future__ import annotations

import json
import time
from datetime import date, timedelta

import pytest
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from synthetic import fill_days

from socialtime import cli
from socialtime.base.i18n import format_duration
from socialtime.insights import report
from socialtime.recording.store import Store
from socialtime.rules import periods
from socialtime.rules.periods import Period, local_midnight
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import parse_ranges
from socialtime.settings import Config, Goals
from socialtime.ui.dashboard import TABS, DashboardWindow

WEDNESDAY = date(2026, 11, 25)  # week 2026-W48
GOALS = Goals(daily_minutes=90)

pytestmark = pytest.mark.usefixtures("paris")


def evening() -> float:
    return local_midnight(WEDNESDAY) + 17.5 * 3600


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """Nine weeks of work days (09:00-17:00) up to Wednesday, filled once for the module."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", "Europe/Paris")
        time.tzset()
        path = tmp_path_factory.mktemp("periods") / "data"
        store = Store.open(path)
        first = WEDNESDAY - timedelta(days=9 * 7)
        days = [first + timedelta(days=i) for i in range((WEDNESDAY - first).days + 1)]
        fill_days(store, [d for d in days if d.weekday() < 5])
        store.close()
    time.tzset()
    return path


@pytest.fixture
def window(qtbot, data_dir):
    store = Store.open(data_dir)
    now = evening()
    w = DashboardWindow(store, Config(goals=GOALS), load_catalogue(), clock=lambda: now)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    yield w
    store.close()


def report_json(data_dir, tmp_path, capsys, *args):
    argv = ["report", "--json", *args, "--data-dir", str(data_dir)]
    assert cli.main([*argv, "--config", str(tmp_path / "none.toml")]) == 0
    return json.loads(capsys.readouterr().out)


def same_figures(shown, doc):
    for key in ("from", "to", "active_seconds", "social_seconds", "sites"):
        assert shown[key] == doc[key], key
    assert [d["date"] for d in shown["days"]] == [d["date"] for d in doc["days"]]
    for mine, theirs in zip(shown["days"], doc["days"], strict=True):
        assert mine["sites"] == theirs["sites"]
        assert mine["active_seconds"] == theirs["active_seconds"]


def show(window, tab):
    window.tabs.setCurrentIndex(TABS.index(tab))
    return window.figures()[tab]


def test_back_and_forward_give_the_reports_figures(window, data_dir, tmp_path, capsys):
    show(window, "week")
    assert not window.later.isEnabled() and not window.now_button.isEnabled()
    window.earlier.click()
    week = window.figures()["week"]
    same_figures(week, report_json(data_dir, tmp_path, capsys, "--week", "2026-W47"))
    assert window.period_label.text().startswith("Week of 16 November 2026")
    assert window.summaries["week"].text().startswith("Week of 16 November 2026")
    assert window.later.isEnabled() and window.now_button.isEnabled()
    window.later.click()
    same_figures(window.figures()["week"], report.build(window.store, periods.week_of(WEDNESDAY)))
    assert not window.later.isEnabled()
    window.later.click()  # no week after this one: nothing happens
    assert window.figures()["week"]["from"] == "2026-11-23"

    show(window, "month")
    for _ in range(2):
        window.earlier.click()
    month = window.figures()["month"]
    doc = report_json(data_dir, tmp_path, capsys, "--month", "2026-09")
    same_figures(month, doc)
    assert window.period_label.text() == "September 2026"
    window.now_button.click()
    assert window.figures()["month"]["from"] == "2026-11-01"


@pytest.mark.parametrize(
    ("tab", "index", "days"), [("week", 1, 7), ("month", 1, 30), ("month", 2, 90)]
)
def test_the_last_days(window, tab, index, days):
    show(window, tab)
    window.range_box.setCurrentIndex(index)
    window.range_box.activated.emit(index)
    period = periods.days_ending(WEDNESDAY, days)
    same_figures(window.figures()[tab], report.build(window.store, period))
    window.earlier.click()
    before = Period(period.first - timedelta(days=days), period.first - timedelta(days=1))
    same_figures(window.figures()[tab], report.build(window.store, before))


def test_the_heatmap_and_the_goals_go_back_too(window):
    heat = show(window, "heatmap")
    assert (heat["from"], heat["to"]) == ("2026-10-29", "2026-11-25")
    window.earlier.click()
    heat = window.figures()["heatmap"]
    assert (heat["from"], heat["to"]) == ("2026-10-01", "2026-10-28")
    assert window.summaries["heatmap"].text().startswith("2026-10-01 to 2026-10-28: ")
    doc = report.build(window.store, periods.date_range(heat["from"], heat["to"]))
    assert sum(map(sum, heat["matrix"])) == pytest.approx(doc["social_seconds"], abs=60)

    goals = show(window, "goals")
    assert goals["month"] == "2026-11"
    window.earlier.click()
    october = window.figures()["goals"]
    assert october["month"] == "2026-10" and len(october["cells"]) == 31
    doc = report.build(window.store, periods.month_of(date(2026, 10, 1)))
    for day in doc["days"]:
        state = october["cells"][day["date"]]
        if date.fromisoformat(day["date"]).weekday() >= 5:
            assert state in ("off", "unrecorded")
        elif state in ("met", "missed"):
            assert (state == "met") == (day["social_seconds"] <= 90 * 60), day
    assert "future" not in october["cells"].values() and "today" not in october["cells"].values()


def test_bars_are_minutes_of_social_time_with_the_days_over_the_goal_marked(window):
    week = show(window, "week")
    ax = window.canvas("week").figure.axes[0]
    assert ax.get_ylabel() == "Minutes of social time"
    doc = report.build(window.store, periods.week_of(WEDNESDAY))
    over = [d["date"] for d in doc["days"] if d["social_seconds"] > 90 * 60]
    assert over and week["over"] == over  # the made-up days go over and under 90 min
    assert len(over) < 3
    tops = [t for t in ax.texts if t.get_text().startswith("▲")]
    assert len(tops) == len(over)  # marked by a triangle, not only by colour
    assert week["daily_budget_minutes"] == 90
    goal = [line for line in ax.lines if "1 h 30 min" in str(line.get_label())]
    assert goal and goal[0].get_ydata()[0] == 90  # the goal line on the minutes scale
    assert any(t.get_text().strip() == "goal 1 h 30 min" for t in ax.texts)
    sizes = {t.get_fontsize() for t in ax.texts} | {t.get_fontsize() for t in ax.get_xticklabels()}
    assert min(sizes) >= 8 and {t.get_rotation() for t in ax.texts} == {0.0}


def test_today_turns_different_over_the_budget_and_draws_the_focus(qtbot, data_dir):
    store = Store.open(data_dir)
    goals = Goals(daily_minutes=20, focus=parse_ranges("14:00-15:00"))
    now = evening()
    w = DashboardWindow(store, Config(goals=goals), load_catalogue(), clock=lambda: now)
    qtbot.addWidget(w)
    today = w.figures()["today"]
    social = report.build(store, Period(WEDNESDAY, WEDNESDAY))["social_seconds"]
    assert social > 20 * 60 and today["over_budget"]
    over = format_duration(social - 20 * 60)
    assert today["title"].startswith("▲ Social sites today: ")
    assert today["title"].endswith(f" — {over} over your daily budget")
    assert [round((b - a) / 60) for a, b in today["focus"]] == [60]
    assert "Focus periods" in [
        t.get_text() for lg in w.canvas("today").figure.legends for t in lg.get_texts()
    ]
    store.close()


def event_at(window, tab, name, xdata, ydata, button=None):
    canvas = window.canvas(tab)
    canvas.draw()
    figure = canvas.figure
    ax = figure.axes[1] if tab == "today" else figure.axes[0]
    x, y = ax.transData.transform((xdata, ydata))
    MouseEvent(name, canvas, x, y, button=button)._process()


def test_hover_tells_a_bars_figures_and_a_click_opens_that_day(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    week = show(window, "week")
    monday = week["days"][0]
    event_at(window, "week", "motion_notify_event", 0, 5)
    text = window.hovers["week"].text()
    assert text.startswith("Monday 23 November 2026: ")
    assert f"{format_duration(monday['social_seconds'])} of social time" in text
    event_at(window, "week", "button_press_event", 0, 5, button=1)
    assert window.current_tab() == "today"
    today = window.figures()["today"]
    assert today["date"] == "2026-11-23"
    doc = report.build(window.store, Period(date(2026, 11, 23), date(2026, 11, 23)))
    assert today["sites"] == doc["sites"]
    assert window.summaries["today"].text().startswith("Monday 23 November 2026: ")
    assert today["title"].startswith("Social sites on Monday 23 November 2026: ")

    heat = show(window, "heatmap")
    column = heat["hours"].index(10)
    event_at(window, "heatmap", "motion_notify_event", column, 1)
    seconds = format_duration(heat["matrix"][1][10])
    assert window.hovers["heatmap"].text() == f"Tuesday, 10:00–11:00: {seconds} of social time"


def test_the_keyboard(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    show(window, "week")
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.figures()["week"]["from"] == "2026-11-16"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.figures()["week"]["from"] == "2026-11-23"
    canvas = window.canvas("week")
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert window.figures()["week"]["from"] == "2026-11-16"

    # Tab reaches every control, the chart included
    reached = set()
    window.tabs.tabBar().setFocus()
    for _ in range(30):
        window.focusNextChild()
        QApplication.processEvents()
        reached.add(QApplication.focusWidget())
    controls = [window.earlier, window.later, window.now_button, window.range_box]
    controls += [window.table_box, window.export_button, window.tabs.tabBar(), canvas]
    missing = [c for c in controls if c.isEnabled() and c not in reached]
    assert not missing

    assert window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_the_buttons_have_mnemonics_and_the_charts_names(window):
    buttons = [window.earlier, window.later, window.now_button, window.table_box]
    buttons.append(window.export_button)
    for tab in TABS:
        show(window, tab)
        letters = [b.text().split("&")[1][0].lower() for b in buttons]
        assert len(set(letters)) == len(letters), letters
        assert window.canvas(tab).accessibleName().endswith(" chart")
        assert window.tables[tab].accessibleName().endswith(" table")
        assert window.canvas(tab).accessibleDescription() == window.summaries[tab].text()


def test_the_table_twins_list_the_charts_figures(window):
    shown = window.figures()
    window.table_box.setChecked(True)
    rows = window.table_rows("week")
    assert len(rows) == 7
    judged, reasons = shown["week"]["judged"], shown["week"]["why"]
    assert judged == {"2026-11-23": True, "2026-11-24": False, "2026-11-25": True}
    for row, day in zip(rows, shown["week"]["days"], strict=True):
        assert row[1] == format_duration(day["social_seconds"])
        assert row[2] == format_duration(day["active_seconds"])
        result = judged.get(day["date"])
        expected = {None: "", True: "met", False: f"not met: {reasons.get(day['date'])}"}
        assert row[3] == expected[result]
    assert reasons == {"2026-11-24": "daily budget: 1 h 38 min of 1 h 30 min"}
    assert len(window.table_rows("month")) == 30
    heat = shown["heatmap"]
    for w, row in enumerate(window.table_rows("heatmap")):
        assert row[1:] == [format_duration(heat["matrix"][w][h]) for h in heat["hours"]]
    today = window.table_rows("today")
    assert [r[1] for r in today] == [format_duration(s) for s in shown["today"]["sites"].values()]
    words = {"met": "met", "missed": "not met", "today": "so far within your goals"}
    words |= {"off": "day off", "none": "no daily goal", "unrecorded": "not recorded"}
    words["future"] = "to come"
    cells = shown["goals"]["cells"]
    assert [r[1] for r in window.table_rows("goals")] == [words[s] for s in cells.values()]
    assert all(window._pages[tab].currentWidget() is window.tables[tab] for tab in TABS)


def test_a_tab_is_computed_once_per_period_and_data_version(window, monkeypatch):
    import socialtime.ui.dashboard as dashboard

    calls = []
    real = dashboard.stats.bars
    monkeypatch.setattr(dashboard.stats, "bars", lambda *a: calls.append(a[1]) or real(*a))
    window.tabs.setCurrentIndex(TABS.index("week"))
    assert len(calls) == 1  # the week only: the month waits until it is shown
    window.refresh()
    assert len(calls) == 1  # nothing changed: nothing recomputed
    window.figures()
    assert len(calls) == 2  # the month tab, computed for figures()
    window.figures()
    assert len(calls) == 2
    window.store.record("x.com", evening(), evening() + 60, 10)
    window.refresh()
    assert len(calls) == 3
    assert window.figures()["week"]["sites"]["x.com"] >= 60


def test_each_view_states_its_total_average_and_trend(window):
    show(window, "week")
    window.earlier.click()  # 2026-W47, a whole week of five work days
    doc = report.build(window.store, periods.week_of(date(2026, 11, 18)))
    before = report.build(window.store, periods.week_of(date(2026, 11, 11)))
    average, previous = doc["social_seconds"] / 5, before["social_seconds"] / 5
    change = format_duration(abs(average - previous))
    more = "more" if average > previous else "less"
    lines = window.summaries["week"].text().split("\n")
    total = format_duration(doc["social_seconds"])
    assert lines[1] == (
        f"{total} of social time: {format_duration(average)} a day over 5 work days. "
        f"{change} a day {more} than the week before ({format_duration(previous)} a day)."
    )
    for tab in ("month", "heatmap", "goals"):
        show(window, tab)
        assert " a day over " in window.summaries[tab].text(), tab


def test_why_a_day_missed_on_the_calendar_the_bars_and_today(qtbot, data_dir):
    store = Store.open(data_dir)
    goals = Goals(
        daily_minutes=90,
        site_daily_minutes={"youtube.com": 10},
        focus=parse_ranges("10:00-11:00"),
    )
    now = evening()
    w = DashboardWindow(store, Config(goals=goals), load_catalogue(), clock=lambda: now)
    qtbot.addWidget(w)
    shown = w.figures()
    day = "2026-11-24"
    figures = next(d for d in report.build(store, periods.week_of(WEDNESDAY))["days"]
                   if d["date"] == day)  # fmt: skip
    reason = shown["goals"]["why"][day]
    parts = reason.split("; ")
    used = format_duration(figures["social_seconds"])
    assert parts[0] == f"daily budget: {used} of 1 h 30 min"
    youtube = figures["sites"]["youtube.com"]
    assert f"YouTube: {format_duration(youtube)} of 10 min" in parts
    assert parts[-1].endswith(" in focus time")
    assert shown["week"]["why"][day] == reason  # the bar says the same
    row = next(r for r in w.table_rows("goals") if r[0] == "Tuesday 24 November 2026")
    assert row[1:] == ["not met", reason]
    w.show_day(date(2026, 11, 24))
    assert w.summaries["today"].text().endswith(f"not met: {reason}")
    store.close()
