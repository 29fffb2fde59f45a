"""Goals on screen, offscreen: the Settings tab (checked by the core, saved to the file) and
the dashboard (budget marks, the daily goal line, the calendar of days met, the streak)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import ARTIFACTS
from PySide6.QtGui import QColor, QPalette

from socialtime.login.autostart import Autostart
from socialtime.recording.store import Store
from socialtime.rules.periods import local_midnight
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import parse_ranges
from socialtime.settings import Config, Goals, NudgeSettings, load_config
from socialtime.ui.dashboard import TABS, DashboardWindow
from socialtime.ui.settings.dialog import SettingsDialog

WEDNESDAY = date(2026, 11, 25)
GOALS = Goals(
    daily_minutes=20,
    site_daily_minutes={"youtube.com": 10},
    focus=parse_ranges("09:00-10:00"),
    weekly_minutes=90,
)


pytestmark = pytest.mark.usefixtures("paris")


def at(day: date, hh: float) -> float:
    return local_midnight(day) + hh * 3600


def fill(store: Store) -> None:
    """From Thursday 19 November (the first day recorded) to Wednesday 25, 15:30."""
    days = {
        19: [],  # met: no social time
        20: [("facebook.com", 9.5, 10)],  # not met: in the focus period
        23: [("facebook.com", 11, 15)],  # met
        24: [("youtube.com", 14, 12)],  # not met: over YouTube's 10 min
        25: [("facebook.com", 11, 5), ("x.com", 14, 3)],  # today, so far within the goals
    }
    for day_number, social in days.items():
        day = date(2026, 11, day_number)
        store.record(None, at(day, 10), at(day, 11), 10)
        for site, hour, minutes in social:
            store.record(site, at(day, hour), at(day, hour) + minutes * 60, 10)


def dark_palette() -> QPalette:
    return QPalette(QColor("#353535"), QColor("#2b2b2b"))


# -- the dashboard ------------------------------------------------------------------------


@pytest.fixture
def dashboard(qtbot, store):
    def make(goals: Goals) -> DashboardWindow:
        fill(store)
        now = at(WEDNESDAY, 15.5)
        window = DashboardWindow(store, Config(goals=goals), load_catalogue(), clock=lambda: now)
        qtbot.addWidget(window)
        window.refresh()
        return window

    return make


def test_the_calendar_shows_the_days_met_and_the_streak(dashboard) -> None:
    window = dashboard(GOALS)
    window.figures()
    shown = window.figures()["goals"]
    cells = shown["cells"]
    assert shown["month"] == "2026-11" and len(cells) == 30
    assert [cells[f"2026-11-{d}"] for d in range(19, 27)] == [
        "met", "missed", "off", "off", "met", "missed", "today", "future",
    ]  # fmt: skip
    assert cells["2026-11-18"] == "unrecorded"  # before the first day recorded
    assert shown["streak"] == 1  # today, so far; Tuesday was not met
    goals_text, trend = window.summaries["goals"].text().split("\n")
    assert goals_text == (
        "Current streak: 1 work day with your goals met. This month: goals met on 2 of 4 work "
        "days so far. This week: 35 min of your 1 h 30 min."
    )
    assert trend == (
        "45 min of social time: 9 min a day over 5 work days. "
        "Nothing recorded in the month before to compare with."
    )


def test_goal_marks_on_the_today_week_and_month_charts(dashboard) -> None:
    window = dashboard(GOALS)
    today = window.figures()["today"]
    assert today["budgets"] == {}  # no YouTube today: no bar to mark
    assert today["title"] == "Social sites today: 8 min of your 20 min"
    window.store.record("youtube.com", at(WEDNESDAY, 15), at(WEDNESDAY, 15) + 60, 10)
    window.refresh()
    assert window.figures()["today"]["budgets"] == {"youtube.com": 10}
    for tab in ("week", "month"):
        assert window.figures()[tab]["daily_budget_minutes"] == 20
        lines = [line for line in window.canvas(tab).figure.axes[0].lines if line.get_label()]
        assert any("20 min" in line.get_label() for line in lines)


def test_without_goals_the_tab_says_how_to_set_them(dashboard) -> None:
    window = dashboard(Goals())
    window.figures()
    assert window.summaries["goals"].text().startswith("No goals yet. A daily budget")
    assert "“Set a goal…”" in window.summaries["goals"].text()
    assert set(window.figures()["goals"]["cells"].values()) <= {
        "unrecorded", "off", "none", "future",
    }  # fmt: skip
    assert window.figures()["week"]["daily_budget_minutes"] is None
    # Nothing covers the calendar: its texts are the weekday names and the day numbers.
    texts = [t.get_text() for t in window.canvas("goals").figure.axes[0].texts]
    assert all(len(text) <= 4 for text in texts), texts


def test_without_goals_set_a_goal_opens_the_way_to_one(qtbot) -> None:
    from socialtime.recording.store import Store
    from socialtime.rules.sites import load_catalogue
    from socialtime.settings import Config
    from socialtime.ui.dashboard import DashboardWindow

    asked = []
    window = DashboardWindow(
        Store(), Config(goals=Goals()), load_catalogue(), on_set_goal=lambda: asked.append(1)
    )
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(4)
    assert window.set_goal_button.isVisible() and window.set_goal_button.text() == "&Set a goal…"
    window.set_goal_button.click()
    assert asked == [1]
    window.config = Config(goals=Goals(daily_minutes=30))
    window.refresh()
    assert not window.set_goal_button.isVisible()


def test_screenshots_of_the_goals(dashboard, qtbot) -> None:
    """Saves the goal views, light and dark, to test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    window = dashboard(GOALS)
    window.show()
    qtbot.waitExposed(window)
    for theme in ("light", "dark"):
        if theme == "dark":
            window.setPalette(dark_palette())
        for tab in ("today", "week", "goals"):
            window.tabs.setCurrentIndex(TABS.index(tab))
            window.canvas(tab).draw()
            assert window.grab().save(str(ARTIFACTS / f"goals-dashboard-{tab}-{theme}.png"))


# -- settings -----------------------------------------------------------------------------


@pytest.fixture
def settings(qtbot, tmp_path: Path, store: Store):
    def make(config: Config | None = None) -> SettingsDialog:
        autostart = Autostart(platform="linux", home=tmp_path / "home", environ={})
        path = tmp_path / "config.toml"
        dialog = SettingsDialog(config or Config(), path, store, load_catalogue(), autostart)
        qtbot.addWidget(dialog)
        dialog.tabs.setCurrentIndex(goals_index(dialog))
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def goals_index(dialog: SettingsDialog) -> int:
    return next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == "Goals")


def test_the_tab_shows_the_goals_and_saves_them_unchanged(settings, tmp_path) -> None:
    config = Config(goals=GOALS, nudges=NudgeSettings(focus=False))
    dialog = settings(config)
    tab = dialog.goals_tab
    assert tab.daily_on.isChecked() and tab.daily.value() == 20
    assert tab.weekly_on.isChecked() and tab.weekly.value() == 90
    assert tab.focus.text() == "09:00-10:00"
    assert tab.sites.rowCount() == 1 and tab.sites.item(0, 0).text() == "YouTube"
    assert not tab.kinds["focus"].isChecked() and tab.kinds["budget"].isChecked()
    assert dialog.validate() == [] and dialog.candidate == config
    dialog.save()
    assert load_config(tmp_path / "config.toml").config.goals == GOALS


def test_editing_goals_and_nudges(settings, qtbot, tmp_path) -> None:
    dialog = settings()
    tab = dialog.goals_tab
    assert not tab.daily.isEnabled()
    tab.daily_on.setChecked(True)
    tab.daily.setValue(25)
    tab.site_choice.setCurrentIndex(tab.site_choice.findData("x.com"))
    tab.site_minutes.setValue(5)
    tab.set_site_budget(tab.site_choice.currentData(), None)
    tab.site_minutes.setValue(7)
    tab.set_site_budget("x.com", None)  # the same site again: its row is updated
    assert tab.sites.rowCount() == 1 and tab.sites.item(0, 1).text() == "7"
    qtbot.keyClicks(tab.focus, "14:00-15:00")
    tab.kinds["reflection"].setChecked(False)
    saved = []
    dialog.config_saved.connect(saved.append)
    dialog.save()
    expected = Goals(25, {"x.com": 7}, parse_ranges("14:00-15:00"))
    assert saved[0].goals == expected
    assert saved[0].nudges == NudgeSettings(reflection=False)
    assert load_config(tmp_path / "config.toml").config == saved[0]


@pytest.mark.parametrize(
    ("change", "key", "says"),
    [
        (lambda t: (t.daily_on.setChecked(True), t.daily.setValue(1500)), "goals.daily_minutes",
         "between 1 and 1440"),
        (lambda t: (t.weekly_on.setChecked(True), t.weekly.setValue(0)), "goals.weekly_minutes",
         "between 1 and 10080"),
        (lambda t: t.focus.setText("11:00-10:00"), "goals.focus", "ends before it starts"),
        (lambda t: (t.set_site_budget("youtube.com", 10), t.sites.item(0, 1).setText("lots")),
         "goals.sites", "YouTube: Expected an integer number of minutes"),
    ],
)  # fmt: skip
def test_bad_goals_are_refused_in_place(settings, change, key, says) -> None:
    dialog = settings()
    change(dialog.goals_tab)
    errors = dialog.validate()
    assert errors and not dialog.save_button.isEnabled()
    error = dialog._fields[key].error
    assert error.isVisible() and says in error.text()
    assert not dialog.tabs.tabIcon(goals_index(dialog)).isNull()


def test_removing_a_site_budget(settings) -> None:
    dialog = settings(Config(goals=Goals(site_daily_minutes={"youtube.com": 10, "x.com": 5})))
    tab = dialog.goals_tab
    tab.sites.selectRow(0)
    tab._remove_sites()
    assert dialog.candidate is not None
    assert len(dialog.candidate.goals.site_daily_minutes) == 1


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshot_of_the_goals_tab(settings, theme) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    dialog = settings(Config(goals=GOALS))
    if theme == "dark":
        dialog.setPalette(dark_palette())
    dialog.goals_tab.focus.setText("09:00-10:00, 16:00-15:00")  # one error, to see it shown
    dialog.validate()
    assert dialog.grab().save(str(ARTIFACTS / f"settings-goals-{theme}.png"))


def test_the_goal_views_use_neutral_words() -> None:
    from socialtime.charts import goals as goal_charts
    from socialtime.ui.settings import goals_tab

    texts = [v for v in goal_charts._TEXT.values() if isinstance(v, str)]
    texts += [text for _, text in goals_tab._KINDS]
    words = " ".join(texts).lower()
    for judgement in ("productive", "waste", "lazy", "fail", "idle"):
        assert judgement not in words
