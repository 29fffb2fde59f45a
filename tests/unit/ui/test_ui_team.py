"""The Team tab, offscreen: join from a file, own progress, a summary previewed exactly as
saved, and leaving in one click."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from socialtime.recording.store import Store
from socialtime.rules.periods import local_midnight
from socialtime.settings import default_work_hours
from socialtime.ui.settings.team_tab import SummaryPreview, TeamTab

MONDAY = date(2026, 11, 23)  # of 2026-W48
GOAL_FILE = 'team = "Design team"\nagreed = 2026-11-02\n\n[goals]\ndaily_minutes = 20\n'


pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def tab(qtbot, tmp_path: Path, store: Store) -> TeamTab:
    tab = TeamTab(store, tmp_path / "data", default_work_hours(), today=lambda: date(2026, 12, 1))
    tab.choose_team_file = lambda: pytest.fail("unexpected file picker")
    tab.choose_summary_path = lambda week: pytest.fail("unexpected file picker")
    tab.preview = lambda text: pytest.fail("unexpected preview")
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def join(qtbot, tab: TeamTab, tmp_path: Path, text: str = GOAL_FILE) -> None:
    goal = tmp_path / "goal.toml"
    goal.write_text(text, encoding="utf-8")
    tab.choose_team_file = lambda: goal
    click(qtbot, tab.import_button)


def test_importing_a_goal_file_shows_the_goal_and_the_users_progress(qtbot, tab, tmp_path):
    assert "not in a team" in tab.goal_label.text()
    assert not tab.leave_button.isEnabled() and not tab.summary_button.isVisible()
    join(qtbot, tab, tmp_path)
    assert (tmp_path / "data" / "team.toml").read_text(encoding="utf-8") == GOAL_FILE
    assert 'Team goal of "Design team", agreed on 2026-11-02:' in tab.goal_label.text()
    assert "at most 20 min of social time a work day" in tab.goal_label.text()
    assert tab.progress_label.text() == (
        "Your progress, week of 30 November 2026 (only you see this):"
    )
    assert tab.status.text() == 'You joined "Design team".'
    assert tab.week_box.currentText() == "Week of 23 November 2026"  # no "2026-W48" to read


def test_a_bad_file_is_refused_with_the_reason(qtbot, tab, tmp_path):
    join(qtbot, tab, tmp_path, 'team = "A"\n[goals]\ndaily_minutes = 20\n')
    assert "agreed: missing" in tab.status.text()
    assert not (tmp_path / "data" / "team.toml").exists()
    assert "not in a team" in tab.goal_label.text()


def test_the_preview_shows_exactly_the_file_that_is_saved(qtbot, tab, store, tmp_path):
    join(qtbot, tab, tmp_path)
    for i in range(5):
        t = local_midnight(MONDAY + timedelta(days=i)) + 10 * 3600
        store.record("facebook.com", t, t + 25 * 60, 10)
    shown: list[str] = []

    said: list[str] = []

    def preview(text: str) -> bool:
        dialog = SummaryPreview(text, tab)  # the real dialog, not shown: what it would display
        qtbot.addWidget(dialog)
        said.append(dialog.sentences.text())
        view = dialog.show_file()  # "Show the file…": the exact text, read-only
        assert view.text.isReadOnly()
        shown.append(view.text.toPlainText())
        view.close()
        return True

    target = tmp_path / "summary.json"
    tab.preview = preview
    tab.choose_summary_path = lambda week: target if week == "2026-W48" else None
    click(qtbot, tab.summary_button)
    assert len(shown) == 1
    assert target.read_text(encoding="utf-8") == shown[0]
    doc = json.loads(shown[0])
    assert doc["work_days"] == 5 and doc["days_met"] == 0
    assert doc["social_minutes_per_work_day"] == "15-30"
    assert "Saved to" in tab.status.text()
    assert said == [
        'For the team "Design team", week of 23 November 2026.\n'
        "You met the goal on 0 of 5 work days.\n"
        "Your social time was between 15 and 30 min per work day (a range, not the exact "
        "figure).\n"
        "A random code, new every week, lets your team count each summary once without "
        "knowing whose it is."
    ]
    assert doc["token"] not in said[0] and "{" not in said[0]  # sentences, not JSON


def test_cancelling_the_preview_saves_nothing(qtbot, tab, store, tmp_path):
    join(qtbot, tab, tmp_path)
    t = local_midnight(MONDAY) + 10 * 3600
    store.record(None, t, t + 600, 10)
    tab.preview = lambda text: False
    click(qtbot, tab.summary_button)
    assert tab.status.text() == "Nothing was saved."
    assert list(tmp_path.glob("*.json")) == []


def test_leaving_is_one_click(qtbot, tab, tmp_path):
    join(qtbot, tab, tmp_path)
    click(qtbot, tab.leave_button)
    assert not (tmp_path / "data" / "team.toml").exists()
    assert "not in a team" in tab.goal_label.text()
    assert tab.status.text() == 'You left "Design team".'
    assert not tab.summary_button.isVisible() and not tab.leave_button.isEnabled()


def test_settings_has_the_team_tab(qtbot, tmp_path, store):
    from socialtime.login.autostart import Autostart
    from socialtime.rules.sites import load_catalogue
    from socialtime.settings import Config
    from socialtime.ui.settings.dialog import SettingsDialog

    autostart = Autostart(platform="linux", home=tmp_path / "home", environ={})
    dialog = SettingsDialog(Config(), tmp_path / "config.toml", store, load_catalogue(), autostart)
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert dialog.tabs.widget(titles.index("Team")) is dialog.team_tab
    assert dialog.team_tab.data_dir == tmp_path / "data"  # next to the database
    dialog.team_tab.choose_team_file = lambda: None
    dialog.team_tab.import_file()  # the picker was cancelled: nothing happens
    assert not (tmp_path / "data" / "team.toml").exists()


def test_the_progress_is_a_table_of_the_weeks_work_days(qtbot, tmp_path, store):
    """Week of 23 November 2026, seen on Thursday the 26th: Monday 25 min (over the 20 min
    goal), Tuesday 10 min (met), Wednesday nothing recorded, Thursday so far."""
    tab = TeamTab(
        store, tmp_path / "data", default_work_hours(), today=lambda: MONDAY + timedelta(3)
    )
    tab.choose_team_file = lambda: None
    qtbot.addWidget(tab)
    tab.show()
    for offset, minutes in ((0, 25), (1, 10), (3, 5)):
        t = local_midnight(MONDAY + timedelta(days=offset)) + 10 * 3600
        store.record("facebook.com", t, t + minutes * 60, 10)
    join(qtbot, tab, tmp_path)
    table = tab.progress_table
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Day", "Social time", "Goal met"]
    assert rows == [
        ["Mon 23 Nov", "25 min", "No"],
        ["Tue 24 Nov", "10 min", "Yes"],
        ["Wed 25 Nov", "—", "Nothing recorded"],
        ["Thu 26 Nov", "5 min", "So far"],
    ]
    assert tab.progress_notes.text() == "Goal met on 1 of 2 recorded work days that are over."
    assert table.horizontalScrollBar().maximum() == 0
