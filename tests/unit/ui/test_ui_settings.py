"""The Settings dialog, offscreen: validation in place, persistence, start at login, data."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import ROOT
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from socialtime.login.autostart import Autostart
from socialtime.recording.store import Store
from socialtime.rules.periods import local_midnight
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import DAY_KEYS
from socialtime.settings import Config, CustomSite, load_config, save_config
from socialtime.ui.settings.dialog import SettingsDialog

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def autostart(tmp_path: Path) -> Autostart:
    return Autostart(platform="linux", home=tmp_path / "home", environ={})


@pytest.fixture
def make(qtbot, tmp_path: Path, store: Store, autostart: Autostart):
    def make(config: Config | None = None) -> SettingsDialog:
        dialog = SettingsDialog(
            config or Config(), tmp_path / "config.toml", store, load_catalogue(), autostart
        )
        dialog.launch_argv = ["/opt/social time/bin/socialtime"]
        dialog.confirm = lambda title, text: pytest.fail(f"unexpected question: {text}")
        dialog.choose_path = lambda fmt: pytest.fail("unexpected file picker")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def type_into(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def save(qtbot, dialog: SettingsDialog) -> Config:
    with qtbot.waitSignal(dialog.config_saved, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    return blocker.args[0]


def highlighted(widget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).name() == "#fde7e6"


# --- work hours ---------------------------------------------------------------------------------


def test_a_bad_range_is_refused_in_place_while_typing(qtbot, make) -> None:
    dialog = make()
    monday = dialog.day_edits[0]
    field = dialog._fields["work_hours.mon"]
    type_into(qtbot, monday, "25:00-26:00")
    assert field.error.isVisible()
    assert "'25:00' is not a time of day" in field.error.text()
    assert highlighted(monday)
    assert not dialog.save_button.isEnabled()
    assert not dialog._fields["work_hours.tue"].error.isVisible()
    assert not dialog.tabs.tabIcon(0).isNull()  # the tab says it holds a problem

    type_into(qtbot, monday, "09:00-12:00, 11:00-13:00")
    assert "overlap" in field.error.text()

    type_into(qtbot, monday, "8:00-12:00")  # lenient on form
    assert not field.error.isVisible()
    assert not highlighted(monday)
    assert dialog.save_button.isEnabled()
    assert dialog.tabs.tabIcon(0).isNull()


def test_presets_fill_the_days_and_follow_edits(qtbot, make) -> None:
    dialog = make()
    assert dialog.preset.currentText() == "Office hours with lunch break"
    dialog.preset.setCurrentIndex(dialog.preset.findText("Full day"))
    assert [e.text() for e in dialog.day_edits] == ["09:00-18:00"] * 5 + ["", ""]
    dialog.preset.setCurrentIndex(dialog.preset.findText("Mornings"))
    assert [e.text() for e in dialog.day_edits] == ["08:00-12:00"] * 5 + ["", ""]
    type_into(qtbot, dialog.day_edits[5], "10:00-11:00")
    assert dialog.preset.currentText() == "Custom"
    assert dialog.day_edits[0].text() == "08:00-12:00"  # "Custom" changes nothing
    type_into(qtbot, dialog.day_edits[5], "")
    assert dialog.preset.currentText() == "Mornings"
    config = save(qtbot, dialog)
    assert str(config.work_hours.days[0][0]) == "08:00-12:00"
    assert config.work_hours.days[6] == ()


# --- recording ----------------------------------------------------------------------------------


def test_save_persists_and_emits(qtbot, make, tmp_path: Path) -> None:
    dialog = make()
    dialog.tabs.setCurrentIndex(1)
    dialog.idle.setValue(5)
    dialog.sample.setValue(10)
    dialog.keep_forever.setChecked(True)
    assert not dialog.retention.isEnabled()
    config = save(qtbot, dialog)
    assert (config.idle_seconds, config.sample_seconds, config.retention_days) == (300, 10, 0)
    loaded = load_config(tmp_path / "config.toml")
    assert loaded.ok and loaded.config == config
    assert list(tmp_path.glob(".config.toml.*")) == []  # no temporary file left


def test_watching_counts_up_to_the_minutes_chosen_or_not_at_all(qtbot, make, tmp_path) -> None:
    dialog = make()
    assert dialog.media_max.value() == 60  # the default
    assert dialog.media_max.text() == "1 h 00 min"  # as the dashboard writes durations
    dialog.media_max.setValue(1441)  # the core allows up to a day
    error = dialog._fields["media_max_minutes"].error
    assert not error.isHidden() and "between 0 (off) and 1440" in error.text()
    assert not dialog.save_button.isEnabled()
    dialog.media_max.setValue(0)
    assert dialog.media_max.text() == "Off"
    assert save(qtbot, dialog).media_max_minutes == 0
    assert "media_max_minutes = 0\n" in (tmp_path / "config.toml").read_text()
    dialog = make(load_config(tmp_path / "config.toml").config)
    assert dialog.media_max.value() == 0
    dialog.media_max.setValue(90)
    assert save(qtbot, dialog).media_max_minutes == 90


def test_numbers_out_of_the_core_range_are_refused(qtbot, make) -> None:
    dialog = make()
    dialog.idle.setValue(61)  # 3660 s; the core allows up to 3600
    error = dialog._fields["idle_seconds"].error
    assert not error.isHidden()  # on a tab not in front, so not "visible" yet
    assert "3600" in error.text() and "3660" in error.text()
    assert not dialog.save_button.isEnabled()
    dialog.idle.setValue(60)
    assert dialog.save_button.isEnabled()
    dialog.sample.setValue(0)
    assert "between 1 and 60" in dialog._fields["sample_seconds"].error.text()
    dialog.keep_forever.setChecked(False)
    dialog.retention.setValue(5000)
    assert "3650" in dialog._fields["retention_days"].error.text()


def test_values_shown_rounded_are_kept_unless_changed(qtbot, make) -> None:
    days_off = frozenset({date(2026, 12, 25)})
    original = Config(
        idle_seconds=100,
        sample_seconds=2.25,
        retention_days=0,
        work_hours=replace(Config().work_hours, days_off=days_off),
        disabled_sites=frozenset({"gone-from-catalogue.com"}),
    )
    config = save(qtbot, make(original))
    assert config == original  # 100 s is shown as 1.7 min but saved as 100 s


# --- sites --------------------------------------------------------------------------------------


def site_item(dialog: SettingsDialog, site_id: str):
    for i in range(dialog.site_list.count()):
        item = dialog.site_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == site_id:
            return item
    raise AssertionError(site_id)


def test_switching_a_site_off_writes_sites_disabled(qtbot, make, tmp_path: Path) -> None:
    dialog = make()
    names = [dialog.site_list.item(i).text() for i in range(dialog.site_list.count())]
    assert "LinkedIn" in names  # display names, not ids
    site_item(dialog, "linkedin.com").setCheckState(Qt.CheckState.Unchecked)
    config = save(qtbot, dialog)
    assert config.disabled_sites == {"linkedin.com"}
    assert 'disabled = ["linkedin.com"]' in (tmp_path / "config.toml").read_text()
    assert load_config(tmp_path / "config.toml").config == config


def test_a_disabled_site_can_be_switched_back_on(qtbot, make) -> None:
    dialog = make(Config(disabled_sites=frozenset({"linkedin.com", "x.com"})))
    item = site_item(dialog, "linkedin.com")
    assert item.checkState() == Qt.CheckState.Unchecked
    item.setCheckState(Qt.CheckState.Checked)
    assert save(qtbot, dialog).disabled_sites == {"x.com"}


def test_a_custom_site_with_a_bad_regex_is_refused_in_place(qtbot, make, tmp_path) -> None:
    dialog = make()
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add site"),
        Qt.MouseButton.LeftButton,
    )
    table = dialog.custom_table
    assert table.rowCount() == 1
    assert not dialog.save_button.isEnabled()  # an empty row has no id yet
    assert "Row 1, Id (domain): Expected a lowercase domain" in dialog.custom_error.text()
    editor = table.viewport().findChild(QLineEdit)  # the new row opens its id for typing
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, "intranet.example")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: table.item(0, 0).text() == "intranet.example", timeout=1000)
    table.item(0, 1).setText("Intranet news")
    table.item(0, 2).setText("news.intranet.example, intranet.example")
    table.item(0, 3).setText("^Intranet\n(unclosed")
    assert dialog.custom_error.isVisible()
    assert "Row 1, Title patterns: Invalid regular expression" in dialog.custom_error.text()
    assert table.item(0, 3).background().color().name() == "#fde7e6"
    assert not dialog.save_button.isEnabled()
    table.item(0, 3).setText("^Intranet\n\\| Intranet$")
    assert not dialog.custom_error.isVisible()
    assert dialog.save_button.isEnabled()
    config = save(qtbot, dialog)
    assert config.custom_sites == (
        CustomSite(
            "intranet.example",
            "Intranet news",
            ("news.intranet.example", "intranet.example"),
            ("^Intranet", "\\| Intranet$"),
            (),
        ),
    )
    assert load_config(tmp_path / "config.toml").config == config


def test_custom_sites_keep_their_apps_and_duplicates_are_refused(qtbot, make, qtmodeltester):
    site = CustomSite("chat.example", "Chat", ("chat.example",), (), ("chatapp",))
    dialog = make(Config(custom_sites=(site,)))
    qtmodeltester.check(dialog.custom_table.model())
    row = dialog.sites_tab.add_custom_site(None)
    dialog.custom_table.item(row, 0).setText("Chat.Example")
    assert "Row 2, Id (domain): Expected a lowercase domain" in dialog.custom_error.text()
    dialog.custom_table.item(row, 0).setText("chat.example")
    assert "Row 2, Id (domain): Duplicate id, also used by row 1" in dialog.custom_error.text()
    dialog.custom_table.selectRow(row)
    dialog.sites_tab.remove_custom_sites()
    assert save(qtbot, dialog).custom_sites == (site,)


# --- cancel and start at login ------------------------------------------------------------------


def test_cancel_leaves_the_file_and_the_entry_untouched(qtbot, make, tmp_path, autostart) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(idle_seconds=240), path)
    before = path.read_bytes(), path.stat().st_mtime_ns
    dialog = make(load_config(path).config)
    dialog.idle.setValue(9)
    dialog.autostart_box.setChecked(True)
    with qtbot.assertNotEmitted(dialog.config_saved):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert not autostart.is_enabled()
    assert not (tmp_path / "home").exists()


def test_start_at_login_writes_and_removes_the_entry(qtbot, make, tmp_path, autostart) -> None:
    entry = tmp_path / "home/.config/autostart/socialtime.desktop"
    dialog = make()
    assert not dialog.autostart_box.isChecked()
    assert str(entry) in [label.text() for label in dialog.findChildren(QLabel)]
    dialog.autostart_box.setChecked(True)
    assert not entry.exists()  # nothing before Save
    save(qtbot, dialog)
    assert autostart.is_enabled()
    assert 'Exec="/opt/social time/bin/socialtime"' in entry.read_text()

    dialog = make()
    assert dialog.autostart_box.isChecked()
    dialog.autostart_box.setChecked(False)
    save(qtbot, dialog)
    assert not entry.exists()


# --- language -----------------------------------------------------------------------------------


def test_the_language_is_chosen_on_the_general_tab_and_saved(qtbot, make, tmp_path) -> None:
    dialog = make()
    general = dialog.tabs.widget(3)
    assert dialog.tabs.tabText(3) == "General" and general.isAncestorOf(dialog.language)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["Automatic (system language)", "English", "Français"]
    assert dialog.language.currentData() == "auto"
    notes = [label.text() for label in general.findChildren(QLabel)]
    assert any("already open changes when it is opened again" in text for text in notes)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    assert save(qtbot, dialog).language == "fr"
    assert 'language = "fr"' in (tmp_path / "config.toml").read_text()
    assert load_config(tmp_path / "config.toml").config.language == "fr"
    assert make(load_config(tmp_path / "config.toml").config).language.currentText() == "Français"


def test_the_settings_in_french(qtbot, french, make) -> None:
    dialog = make()
    assert dialog.windowTitle() == "socialtime — Paramètres"
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == ["Heures de travail", "Enregistrement", "Sites", "Général", "Données",
                      "Objectifs", "Équipe"]  # fmt: skip
    assert dialog.save_button.text() == "Enregistrer"  # Qt's own French
    assert dialog.language.itemText(0) == "Automatique (langue du système)"
    assert dialog.language.itemText(1) == "English"  # each language in its own words
    assert dialog.data_tab.erase_all_button.text() == "Tout effacer…"
    # every title is shown whole: the dialog is as wide as its tabs
    assert dialog.tabs.tabBar().sizeHint().width() <= dialog.tabs.width()


# --- data ---------------------------------------------------------------------------------------

DAY = date(2026, 3, 10)


def record_days(store: Store, *days: date) -> None:
    for day in days:
        start = local_midnight(day) + 10 * 3600
        store.record("facebook.com", start, start + 600, max_gap=10)


def test_export_writes_the_chosen_file(qtbot, make, store, tmp_path) -> None:
    record_days(store, DAY, DAY + timedelta(days=1))
    dialog = make()
    dialog.choose_path = lambda fmt: tmp_path / f"mine.{fmt}"
    dialog.data_tab.export("csv")
    lines = (tmp_path / "mine.csv").read_text().splitlines()
    assert lines[0] == "start,end,seconds,site" and len(lines) == 3
    dialog.data_tab.export("json")
    doc = json.loads((tmp_path / "mine.json").read_text())
    assert doc["format"] == "socialtime-export" and len(doc["spans"]) == 2
    assert "Exported 2 spans" in dialog.data_tab.data_status.text()
    dialog.choose_path = lambda fmt: None  # the user cancelled the file picker
    dialog.data_tab.export("csv")
    assert sorted(p.name for p in tmp_path.glob("mine.*")) == ["mine.csv", "mine.json"]


def test_erase_a_range_erases_only_those_days(qtbot, make, store) -> None:
    record_days(store, DAY - timedelta(days=1), DAY, DAY + timedelta(days=1))
    dialog = make()
    dialog.tabs.setCurrentIndex(4)
    questions = []
    dialog.confirm = lambda title, text: questions.append(text) or True
    dialog.data_tab.erase_from.setDate(QDate(DAY.year, DAY.month, DAY.day + 1))
    dialog.data_tab.erase_to.setDate(QDate(DAY.year, DAY.month, DAY.day))
    assert dialog.data_tab.range_field.error.isVisible()  # the last day before the first
    assert not dialog.data_tab.erase_range_button.isEnabled()
    dialog.data_tab.erase_from.setDate(QDate(DAY.year, DAY.month, DAY.day))
    assert dialog.data_tab.erase_range_button.isEnabled()
    with qtbot.waitSignal(dialog.data_erased, timeout=1000):
        qtbot.mouseClick(dialog.data_tab.erase_range_button, Qt.MouseButton.LeftButton)
    assert questions == [
        "Erase 1 day of data?\nEverything recorded from 2026-03-10 to 2026-03-10 is erased. "
        "This cannot be undone."
    ]
    days = sorted({date.fromtimestamp(s.start) for s in store.spans()})
    assert days == [DAY - timedelta(days=1), DAY + timedelta(days=1)]


def test_the_erase_dates_stay_inside_the_calendars_bounds(qtbot, make, store) -> None:
    """QDateEdit would offer 9999-12-31, whose next midnight no datetime can hold."""
    record_days(store, DAY)
    dialog = make()
    tab = dialog.data_tab
    tab.erase_from.setDate(QDate(1752, 9, 14))
    tab.erase_to.setDate(QDate(9999, 12, 31))
    assert tab.erase_from.date().toPython() == date(2000, 1, 1)
    assert tab.erase_to.date().toPython() == date(2099, 12, 31)
    dialog.confirm = lambda title, text: True
    with qtbot.waitSignal(dialog.data_erased, timeout=1000):
        tab.erase_range()
    assert store.count() == 0


def test_erase_everything_asks_first(qtbot, make, store) -> None:
    record_days(store, DAY, DAY + timedelta(days=1))
    dialog = make()
    dialog.tabs.setCurrentIndex(4)
    questions = []
    dialog.confirm = lambda title, text: questions.append(text) or False
    with qtbot.assertNotEmitted(dialog.data_erased):
        qtbot.mouseClick(dialog.data_tab.erase_all_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1 and store.count() == 2
    assert questions[0].startswith("Erase 2 days of data?\n")  # days, not spans
    assert dialog.data_tab.data_status.text() == "Nothing was erased."
    box = dialog.data_tab.question("Erase data", questions[0])  # what ask() would show
    assert sorted(b.text() for b in box.buttons()) == ["Erase", "Keep"]  # never Yes / No
    assert box.defaultButton().text() == "Keep" and box.text() == "Erase 2 days of data?"
    dialog.confirm = lambda title, text: True
    with qtbot.waitSignal(dialog.data_erased, timeout=1000):
        qtbot.mouseClick(dialog.data_tab.erase_all_button, Qt.MouseButton.LeftButton)
    assert store.count() == 0


@pytest.mark.parametrize("erase_too", [False, True])
def test_withdraw_consent(qtbot, make, store, erase_too: bool) -> None:
    store.set_consent(1, local_midnight(DAY))
    record_days(store, DAY)
    dialog = make()
    dialog.tabs.setCurrentIndex(4)
    assert "You accepted the privacy notice on 2026-03-10" in dialog.data_tab.consent_label.text()
    answers = iter([True, erase_too])
    asked = []
    dialog.confirm = lambda title, text: (
        asked.append((text, dialog.data_tab.buttons)) or next(answers)
    )
    with qtbot.waitSignal(dialog.consent_withdrawn, timeout=1000):
        qtbot.mouseClick(dialog.data_tab.withdraw_button, Qt.MouseButton.LeftButton)
    assert store.consent_version() is None
    assert "CONSENT_AT" not in store.meta() and "consent_at" not in store.meta()
    assert store.count() == (0 if erase_too else 1)
    assert not dialog.data_tab.withdraw_button.isEnabled()
    assert asked[0][0].startswith("Withdraw your consent?\n")
    assert asked[0][1] == ("Withdraw", "Keep recording")
    assert asked[1] == (
        "Erase 1 day of data too?\nWhat was recorded is still on this computer. "
        "Erasing it cannot be undone.",
        ("Erase", "Keep"),
    )


def test_withdraw_declined_changes_nothing(qtbot, make, store) -> None:
    store.set_consent(1, local_midnight(DAY))
    dialog = make()
    dialog.confirm = lambda title, text: False
    with qtbot.assertNotEmitted(dialog.consent_withdrawn):
        dialog.data_tab.withdraw_consent()
    assert store.consent_version() == 1


# --- what it looks like -------------------------------------------------------------------------


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for name, color in {
        role.Window: "#2b2b2b", role.WindowText: "#e6e6e6", role.Base: "#1f1f1f",
        role.AlternateBase: "#2b2b2b", role.Text: "#e6e6e6", role.Button: "#353535",
        role.ButtonText: "#e6e6e6", role.PlaceholderText: "#8c8c8c", role.Highlight: "#2f65ca",
        role.HighlightedText: "#ffffff", role.ToolTipBase: "#2b2b2b", role.ToolTipText: "#e6e6e6",
    }.items():  # fmt: skip
        palette.setColor(name, QColor(color))
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, name, QColor("#7a7a7a"))
    return palette


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_of_each_tab(qtbot, make, store, theme: str) -> None:
    """Not a check of pixels: pictures for a human to look at (test-artifacts/, git-ignored),
    with one error on each tab that can hold one."""
    store.set_consent(1, local_midnight(DAY))
    site = CustomSite("intranet.example", "Intranet", ("intranet.example",), ("^News",), ())
    dialog = make(Config(custom_sites=(site,), disabled_sites=frozenset({"x.com"})))
    if theme == "dark":
        dialog.setPalette(dark_palette())
    type_into(qtbot, dialog.day_edits[DAY_KEYS.index("sat")], "10:00-25:00")
    dialog.idle.setValue(90)
    dialog.custom_table.item(0, 3).setText("^News\n(oops")
    dialog.data_tab._status("Exported 1234 spans to /home/ann/socialtime-2026-03-10.csv.")
    ARTIFACTS.mkdir(exist_ok=True)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        name = dialog.tabs.tabText(index).lower().replace(" ", "-")
        assert dialog.grab().save(str(ARTIFACTS / f"settings-{index}-{name}-{theme}.png"))


def test_the_sites_list_fits_without_sideways_scroll(qtbot, make, french) -> None:
    dialog = make()
    dialog.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: dialog.site_list.isVisible())
    sites = dialog.site_list
    width = sites.viewport().width()
    for i in range(sites.count()):
        rect = sites.visualItemRect(sites.item(i))
        assert rect.left() >= 0 and rect.right() < width, sites.item(i).text()
    assert sites.horizontalScrollBar().maximum() == 0


def test_time_pickers_write_the_same_ranges_as_the_text(qtbot, make, tmp_path: Path) -> None:
    dialog = make()
    monday, saturday = dialog.hours_tab.day_pickers[0], dialog.hours_tab.day_pickers[5]
    # The default office day shows as one range; the weekend is off, its times disabled.
    assert monday.works.isChecked() and not saturday.works.isChecked()
    assert not saturday.times[0].isEnabled()
    dialog.preset.setCurrentIndex(dialog.preset.findText("Office hours with lunch break"))
    assert monday.split.isChecked()
    assert [t.time().toString("HH:mm") for t in monday.times] == [
        "09:00",
        "12:30",
        "13:30",
        "18:00",
    ]
    saturday.works.setChecked(True)
    saturday.times[0].setTime(QTime(10, 0))
    saturday.times[1].setTime(QTime(0, 0))  # midnight at the end of the day
    assert dialog.day_edits[5].text() == "10:00-24:00"
    assert dialog.preset.currentText() == "Custom"
    monday.split.setChecked(False)
    assert dialog.day_edits[0].text() == "09:00-12:30"
    saturday.times[1].setTime(QTime(9, 0))  # an end before the start: the core says so
    assert dialog.day_edits[5].text() == "10:00-09:00" and not dialog.save_button.isEnabled()
    saturday.times[1].setTime(QTime(12, 0))
    config = save(qtbot, dialog)
    assert str(config.work_hours.days[5][0]) == "10:00-12:00"
    assert 'sat = "10:00-12:00"' in (tmp_path / "config.toml").read_text(encoding="utf-8")
    # Three ranges are more than the pickers show: the text is in charge.
    dialog = make()
    dialog.day_edits[2].setText("08:00-09:00, 10:00-11:00, 12:00-13:00")
    assert not dialog.hours_tab.day_pickers[2].works.isEnabled()


def test_save_from_the_dialog_keeps_the_users_comments(qtbot, store, autostart, tmp_path) -> None:
    path = tmp_path / "config.toml"
    text = (
        "# my notes\nidle_seconds = 240  # four minutes\n\n"
        '[work_hours]\n# short Fridays\nfri = "09:00-12:00"\nmon = "09:00-17:00"\n'
    )
    path.write_text(text, encoding="utf-8")
    loaded = load_config(path)
    dialog = SettingsDialog(loaded.config, path, store, load_catalogue(), autostart, loaded=loaded)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.idle.setValue(5)
    save(qtbot, dialog)
    assert path.read_text(encoding="utf-8") == text.replace("= 240 ", "= 300 ")
