"""The organisation policy in the Qt layer, offscreen: locked settings with their padlock, a Save
that keeps the policy out of the user's file, the Organisation settings page, the tray entry
and the Team tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fakes import FakeProbe
from helpers import ROOT, write_policy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from socialtime.login.autostart import Autostart
from socialtime.recording.store import Store
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import parse_ranges
from socialtime.settings import Policy, default_work_hours, load_config
from socialtime.ui.org_settings import OrganisationSettingsWindow, OrgBadge
from socialtime.ui.settings.dialog import SettingsDialog
from socialtime.ui.settings.locks import row_locked
from socialtime.ui.settings.team_tab import TeamTab

ARTIFACTS = ROOT / "test-artifacts"
OFFICE = "09:00-12:30, 13:30-18:00"
POLICY = """
[mandatory]
invite_at_login = true
[mandatory.work_hours]
mon = "09:00-12:30, 13:30-18:00"
sun = ""
[mandatory.sites]
disabled = ["linkedin.com"]
[[mandatory.sites.custom]]
id = "yammer.com"
name = "Viva Engage"
hosts = ["yammer.com"]
[recommended.work_hours]
tue = "08:00-16:00"
[[recommended.sites.custom]]
id = "news.example"
name = "Company news"
"""
USER = """
idle_seconds = 240
[work_hours]
mon = "10:00-11:00"
wed = "09:00-17:00"
sun = "10:00-12:00"
[sites]
disabled = ["x.com"]
[[sites.custom]]
id = "mine.example"
name = "Mine"
"""


@pytest.fixture
def make(qtbot, tmp_path: Path, store: Store):
    """A Settings dialog over the user's file USER (or ``user``) and ``policy``."""

    def make(policy_text: str = POLICY, user: str = USER) -> SettingsDialog:
        policy = write_policy(tmp_path / "etc", policy_text)
        path = tmp_path / "config.toml"
        path.write_text(user, encoding="utf-8")
        loaded = load_config(path, policy=policy)
        assert loaded.ok
        autostart = Autostart(platform="linux", home=tmp_path / "home", environ={})
        dialog = SettingsDialog(
            loaded.config, path, store, load_catalogue(), autostart, loaded=loaded
        )
        dialog.confirm = lambda title, text: pytest.fail(f"unexpected question: {text}")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def source(tmp_path: Path) -> str:
    return str(tmp_path / "etc" / "policy.toml")


def site_item(dialog: SettingsDialog, site_id: str):
    items = [dialog.site_list.item(i) for i in range(dialog.site_list.count())]
    return next(item for item in items if item.data(Qt.ItemDataRole.UserRole) == site_id)


def custom_row(dialog: SettingsDialog, site_id: str) -> int:
    table = dialog.custom_table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == site_id)


# --- locked settings ----------------------------------------------------------------------------


def test_locked_work_days_are_disabled_and_marked(make, tmp_path) -> None:
    dialog = make()
    monday, tuesday, sunday = (dialog.day_edits[i] for i in (0, 1, 6))
    assert not monday.isEnabled() and monday.text() == OFFICE  # mandatory: the policy's
    assert not sunday.isEnabled() and sunday.text() == ""  # a day off the policy sets
    assert tuesday.isEnabled() and tuesday.text() == "08:00-16:00"  # recommended: editable
    assert dialog.day_edits[2].isEnabled() and dialog.day_edits[2].text() == "09:00-17:00"
    badge = dialog.org_badges["work_hours.mon"]
    assert isinstance(badge, OrgBadge) and badge.isVisible()
    assert badge.label.text() == "Set by your organisation"
    assert source(tmp_path) in badge.toolTip() and source(tmp_path) in monday.toolTip()
    # Beside the field, not under it.
    assert badge.parentWidget() is monday.parentWidget()
    assert abs(badge.mapToGlobal(badge.rect().center()).y()
               - monday.mapToGlobal(monday.rect().center()).y()) <= 4  # fmt: skip
    assert set(dialog.org_badges) == {"work_hours.mon", "work_hours.sun", "sites.disabled",
                                      "sites.custom"}  # fmt: skip
    assert not dialog.preset.isEnabled()  # a preset would overwrite Monday
    assert dialog.org_banner.isVisible()
    assert "padlock" in dialog.org_banner.label.text()


def test_presets_leave_a_locked_weekend_day_alone(make) -> None:
    dialog = make('[mandatory.work_hours]\nsun = "10:00-12:00"\n', user="")
    assert dialog.preset.isEnabled()
    dialog.preset.setCurrentIndex(dialog.preset.findText("Full day"))
    texts = [edit.text() for edit in dialog.day_edits]
    assert texts == ["09:00-18:00"] * 5 + ["", "10:00-12:00"]


def test_a_site_the_organisation_disables_cannot_be_ticked(qtbot, make, tmp_path) -> None:
    dialog = make()
    linkedin, facebook = site_item(dialog, "linkedin.com"), site_item(dialog, "facebook.com")
    assert linkedin.checkState() == Qt.CheckState.Unchecked
    assert not linkedin.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not linkedin.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not linkedin.icon().isNull() and source(tmp_path) in linkedin.toolTip()
    assert facebook.flags() & Qt.ItemFlag.ItemIsUserCheckable  # the others stay the user's
    dialog.tabs.setCurrentIndex(2)
    rect = dialog.site_list.visualItemRect(linkedin)
    for x in (rect.left() + 8, rect.center().x()):  # on the box, on the name
        at = rect.center()
        at.setX(x)
        qtbot.mouseClick(dialog.site_list.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert linkedin.checkState() == Qt.CheckState.Unchecked
    assert "padlock" in dialog.org_badges["sites.disabled"].label.text()


def test_the_organisations_sites_are_listed_but_cannot_be_removed(make, tmp_path) -> None:
    dialog = make()
    table = dialog.custom_table
    ids = sorted(table.item(r, 0).text() for r in range(table.rowCount()))
    assert ids == ["mine.example", "news.example", "yammer.com"]
    for site_id in ("yammer.com", "news.example"):  # mandatory, and recommended alike
        row = custom_row(dialog, site_id)
        assert row_locked(table, row)
        assert not table.item(row, 1).flags() & Qt.ItemFlag.ItemIsEditable
        assert "organisation" in table.item(row, 2).toolTip()
    mine = custom_row(dialog, "mine.example")
    assert not row_locked(table, mine) and table.item(mine, 1).flags() & Qt.ItemFlag.ItemIsEditable
    table.selectAll()
    dialog.sites_tab.remove_custom_sites()
    ids = sorted(table.item(r, 0).text() for r in range(table.rowCount()))
    assert ids == ["news.example", "yammer.com"]
    dialog.validate()  # the tooltip of a locked cell survives validation
    assert "organisation" in table.item(custom_row(dialog, "yammer.com"), 2).toolTip()


def test_save_writes_no_mandatory_value_into_the_users_file(qtbot, make, tmp_path) -> None:
    dialog = make()
    dialog.idle.setValue(5)
    type_into(qtbot, dialog.day_edits[3], "08:00-12:00")
    with qtbot.waitSignal(dialog.config_saved, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "config.toml"
    text = path.read_text(encoding="utf-8")
    assert 'mon = "10:00-11:00"' in text  # the user's own Monday, not the policy's
    assert 'sun = "10:00-12:00"' in text
    assert 'thu = "08:00-12:00"' in text
    assert "linkedin.com" not in text and "yammer.com" not in text
    assert "news.example" not in text and "mine.example" in text
    assert OFFICE not in text.split("[work_hours]")[1].split("[sites]")[0].split("tue")[0]
    own = load_config(path).config  # the file alone, as if the policy were gone
    assert own.idle_seconds == 300 and own.disabled_sites == {"x.com"}
    assert own.work_hours.days[0] == parse_ranges("10:00-11:00")
    # What is in force afterwards: the policy over the new file.
    config = blocker.args[0]
    assert config.work_hours.days[0] == parse_ranges(OFFICE)
    assert config.work_hours.days[6] == ()
    assert "linkedin.com" in config.disabled_sites
    assert {s.id for s in config.custom_sites} == {"mine.example", "yammer.com", "news.example"}
    assert config == load_config(path, policy=dialog.policy).config


def test_recommended_values_lock_nothing(make) -> None:
    dialog = make(policy_text='[recommended.work_hours]\nmon = "08:00-16:00"\n')
    assert all(edit.isEnabled() for edit in dialog.day_edits) and dialog.preset.isEnabled()
    assert dialog.org_badges == {}
    assert dialog.org_banner.isVisible()
    assert "suggests" in dialog.org_banner.label.text()


def test_a_recommendation_left_as_shown_stays_a_recommendation(qtbot, make, tmp_path) -> None:
    """Saving other settings does not copy the organisation's suggestion into the user's file:
    when IT changes the suggestion, the user gets the new one. A day they edit is theirs."""
    suggestion = (
        '[recommended.work_hours]\nfri = "08:00-16:00"\n'
        '[recommended.sites]\ndisabled = ["tiktok.com"]\n'
    )
    dialog = make(
        policy_text=suggestion, user='idle_seconds = 240\n[work_hours]\nmon = "10:00-11:00"\n'
    )
    dialog.idle.setValue(5)  # minutes
    with qtbot.waitSignal(dialog.config_saved, timeout=1000):
        dialog.save()
    text = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert "idle_seconds = 300" in text and "fri =" not in text and "disabled =" not in text
    changed = write_policy(tmp_path / "etc", suggestion.replace("08:00-16:00", "07:00-15:00"))
    config = load_config(tmp_path / "config.toml", policy=changed).config
    assert config.work_hours.days[4] == parse_ranges("07:00-15:00")
    assert "tiktok.com" in config.disabled_sites

    dialog.day_edits[4].setText("09:00-12:00")  # now Friday is the user's own
    with qtbot.waitSignal(dialog.config_saved, timeout=1000):
        dialog.save()
    assert 'fri = "09:00-12:00"' in (tmp_path / "config.toml").read_text(encoding="utf-8")


def test_a_policy_file_that_sets_nothing_shows_no_banner(make) -> None:
    dialog = make(policy_text="# all commented out, as shipped\n")
    assert not dialog.policy.is_empty()  # the file was read: the tray offers the page
    assert not dialog.org_banner.isVisible()


def test_no_policy_file_no_banner(qtbot, tmp_path, store) -> None:
    autostart = Autostart(platform="linux", home=tmp_path / "home", environ={})
    loaded = load_config(tmp_path / "none.toml", policy=Policy())
    dialog = SettingsDialog(
        loaded.config, tmp_path / "c.toml", store, load_catalogue(), autostart, loaded=loaded
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.org_banner.isVisible()


def type_into(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


# --- the organisation page ----------------------------------------------------------------------

FULL = POLICY + "[recommended.team]\nsummaries_allowed = true\n[recommended]\nrecording = true\n"


def page_policy(tmp_path: Path) -> Policy:
    write_policy(tmp_path / "etc", '[mandatory.work_hours]\nfri = "25:00-26:00"\n',
                 "policy.d/20-hours.toml")  # fmt: skip
    write_policy(tmp_path / "etc", "[mandatory]\nupload_to = 'https://example.com'\n",
                 "policy.d/30-upload.toml")  # fmt: skip
    return write_policy(tmp_path / "etc", FULL, "policy.toml")


def test_the_page_lists_sources_settings_ignored_entries_and_errors(qtbot, tmp_path) -> None:
    write_policy(tmp_path / "etc", "[recommended]\nconsent = true\n", "policy.d/10.toml")
    policy = page_policy(tmp_path)
    window = OrganisationSettingsWindow(policy)
    qtbot.addWidget(window)
    window.show()
    etc = tmp_path / "etc"
    assert window.rows["sources"] == [
        [str(etc / "policy.toml")],
        [str(etc / "policy.d/10.toml")],
        [str(etc / "policy.d/20-hours.toml")],
        [str(etc / "policy.d/30-upload.toml")],
    ]
    main = str(etc / "policy.toml")
    entries = window.rows["entries"]
    assert ["Work hours on Monday", OFFICE, "Mandatory", main] in entries
    assert ["Work hours on Sunday", "Day off", "Mandatory", main] in entries
    assert ["Work hours on Tuesday", "08:00-16:00", "Recommended", main] in entries
    assert ["Sites not counted as social", "linkedin.com", "Mandatory", main] in entries
    assert ["Sites added to the list", "Viva Engage (yammer.com)", "Mandatory", main] in entries
    assert ["Invitation to use socialtime at login", "Yes", "Mandatory", main] in entries
    assert ["Weekly team summaries allowed", "Yes", "Recommended", main] in entries
    ignored = {row[0]: row for row in window.rows["ignored"]}
    assert ignored["consent"][1:] == [
        "Yes", "Recommended", str(etc / "policy.d/10.toml"),
        "a policy cannot consent for the user",
    ]  # fmt: skip
    assert ignored["recording"][4] == "a policy cannot switch recording on"
    assert "upload_to" in ignored
    assert len(window.rows["errors"]) == 1
    assert "work_hours.fri" in window.rows["errors"][0][0]
    assert "20-hours.toml" in window.rows["errors"][0][0]
    texts = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "can never consent for you, switch recording on or read your data" in texts
    for box in (window.sources_box, window.entries_box, window.ignored_box, window.errors_box):
        assert box.isVisible()
    ARTIFACTS.mkdir(exist_ok=True)
    window.resize(760, 1100)
    qtbot.wait(10)
    assert window.grab().save(str(ARTIFACTS / "organisation-settings.png"))


def test_the_page_without_a_policy(qtbot) -> None:
    window = OrganisationSettingsWindow(Policy())
    qtbot.addWidget(window)
    window.show()
    texts = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert "No organisation policy was found on this computer." in texts
    assert not window.ignored_box.isVisible() and not window.errors_box.isVisible()


def test_settings_opens_the_page(qtbot, make) -> None:
    dialog = make()
    assert dialog.org_banner.button.isVisible()
    qtbot.mouseClick(dialog.org_banner.button, Qt.MouseButton.LeftButton)
    pages = [w for w in QApplication.topLevelWidgets() if isinstance(w, OrganisationSettingsWindow)]
    assert any(page.isVisible() and page.policy is dialog.policy for page in pages)
    for page in pages:
        page.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_of_locked_settings(qtbot, make, theme) -> None:
    """Not a check of pixels: pictures for a human to look at (test-artifacts/)."""
    from test_ui_settings import dark_palette

    dialog = make()
    if theme == "dark":
        dialog.setPalette(dark_palette())
    ARTIFACTS.mkdir(exist_ok=True)
    for index, name in ((0, "work-hours"), (2, "sites")):
        dialog.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        path = ARTIFACTS / f"settings-locked-{name}-{theme}.png"
        assert dialog.grab().save(str(path))


# --- the tray -----------------------------------------------------------------------------------


@pytest.fixture
def make_app(make_app, tmp_path, monkeypatch):
    """conftest's tray apps over the user's file USER and ``policy_text`` (None: no policy file),
    with a probe that shows nothing; their tray icons are hidden afterwards."""

    def make(policy_text: str | None):
        etc = tmp_path / "etc"
        etc.mkdir(exist_ok=True)
        if policy_text is not None:
            (etc / "policy.toml").write_text(policy_text, encoding="utf-8")
        monkeypatch.setenv("SOCIALTIME_POLICY_DIR", str(etc))
        return make_app(USER, FakeProbe(), hide_tray=True)

    return make


def test_the_tray_offers_the_page_only_with_a_policy(make_app) -> None:
    app = make_app(None)
    assert app.policy.is_empty() and not app.tray.policy_action.isVisible()
    app = make_app(POLICY)
    assert app.tray.policy_action.isVisible()
    assert app.tray.policy_action.text() == "Organisation settings…"
    app.tray.policy_action.trigger()
    window = app.windows["policy"]
    assert isinstance(window, OrganisationSettingsWindow) and window.isVisible()
    assert window.policy is app.policy


def test_the_trays_settings_are_locked_and_save_the_users_own(qtbot, make_app, tmp_path) -> None:
    app = make_app(POLICY)
    app.start(ask_consent=False)
    assert app.config.work_hours.days[0] == parse_ranges(OFFICE)  # in force: the policy's
    dialog = app.show_settings()
    assert isinstance(dialog, SettingsDialog)
    assert not dialog.day_edits[0].isEnabled() and dialog.loaded.policy is app.policy
    dialog.autostart = Autostart(platform="linux", home=tmp_path / "home", environ={})
    dialog.save()
    assert 'mon = "10:00-11:00"' in (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert app.config.work_hours.days[0] == parse_ranges(OFFICE)


# --- the team tab -------------------------------------------------------------------------------

GOAL_FILE = 'team = "Design team"\nagreed = 2026-11-02\n\n[goals]\ndaily_minutes = 20\n'


def team_tab(qtbot, tmp_path: Path, store: Store, policy: Policy) -> TeamTab:
    tab = TeamTab(store, tmp_path / "data", default_work_hours(),
                  today=lambda: date(2026, 12, 1), policy=policy)  # fmt: skip
    tab.preview = lambda text: pytest.fail("unexpected preview")
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_a_team_goal_from_the_organisation_says_so(qtbot, tmp_path, store, paris) -> None:
    goal = tmp_path / "goal.toml"
    goal.write_text(GOAL_FILE, encoding="utf-8")
    policy = write_policy(tmp_path / "etc", f"[mandatory.team]\ngoal_file = '{goal}'\n")
    tab = team_tab(qtbot, tmp_path, store, policy)
    assert tab.team is not None and tab.team.from_organisation
    assert tab.org_badge.isVisible()
    assert tab.org_badge.label.text() == "This team goal comes from your organisation."
    assert source(tmp_path) in tab.org_badge.toolTip()
    assert "Your organisation offers this goal" in tab.goal_label.text()
    assert "Design team" in tab.goal_label.text()
    assert tab.summary_button.isEnabled() and not tab.summary_blocked.isVisible()
    qtbot.mouseClick(tab.leave_button, Qt.MouseButton.LeftButton)  # voluntary: one click
    assert tab.team is None and not tab.org_badge.isVisible()
    assert "not in a team" in tab.goal_label.text()


def test_summaries_switched_off_disable_the_button_with_the_reason(
    qtbot, tmp_path, store, paris
) -> None:
    goal = tmp_path / "goal.toml"
    goal.write_text(GOAL_FILE, encoding="utf-8")
    policy = write_policy(
        tmp_path / "etc",
        f"[mandatory.team]\ngoal_file = '{goal}'\nsummaries_allowed = false\n",
    )
    tab = team_tab(qtbot, tmp_path, store, policy)
    assert not tab.summary_button.isEnabled() and not tab.week_box.isEnabled()
    reason = "Team summaries are switched off by your organisation's policy"
    assert reason in tab.summary_button.toolTip()
    assert tab.summary_blocked.isVisible() and reason in tab.summary_blocked.text()
    assert source(tmp_path) in tab.summary_blocked.text()
    tab.write_summary()  # even if called: nothing is built or saved
    assert "saved" not in tab.status.text().lower()
    ARTIFACTS.mkdir(exist_ok=True)
    assert tab.grab().save(str(ARTIFACTS / "team-tab-organisation.png"))
