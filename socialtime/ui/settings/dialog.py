"""The Settings dialog: every setting of config.toml, start at login, and the user's data.

Why validation goes through ``config.parse_config``: the dialog builds the TOML mapping it
would write and lets the core check it, so the rules (and their wording) live in one place and
a value the dialog accepts is exactly a value the file accepts. Each ``ConfigError`` names a
key; the dialog shows it in red under the field holding that key while the user types, and
Save stays disabled until none is left. Spin boxes are given wide ranges for that reason.

The General tab holds start at login and the language. A new language is installed by the
tray application when it receives ``config_saved`` (socialtime.ui.app): windows opened from
then on use it, and a note says so, since a window already open keeps its words.

Settings are written only by Save (atomically, by ``save_config``); Cancel leaves every file
as it was, the start-at-login entry included. The Data tab (socialtime.ui.settings.data_tab) is
different: export, erase and withdraw act at once, after a confirmation, because they are
actions, not settings. What an organisation's policy locks, and what Save then writes, is in
socialtime.ui.settings.locks. The Recording and General tabs are built here; the others are
modules of their own (hours_tab, sites_tab, goals_tab, data_tab, team_tab), each giving its
part of the mapping, and the dialog keeps their main widgets under the names tests use
(``day_edits``, ``preset``, ``site_list``, ``custom_table``…).

Dialogs that would block a test go through two attributes that tests replace:
``choose_path(fmt) -> Path | None`` (the file picker) and ``confirm(title, text) -> bool``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from socialtime.login.autostart import Autostart, launch_argv
from socialtime.recording.store import Store
from socialtime.rules.sites import Catalogue
from socialtime.settings import (
    SCALAR_KEYS,
    Config,
    ConfigError,
    LoadedConfig,
    parse_config,
    recommended_keys,
    save_config,
    setting_default,
    setting_description,
)
from socialtime.ui.settings import locks
from socialtime.ui.settings.data_tab import DataTab
from socialtime.ui.settings.form import Field as _Field
from socialtime.ui.settings.form import MinutesSpin, NumberSpin
from socialtime.ui.settings.form import box as _box
from socialtime.ui.settings.form import label as _label
from socialtime.ui.settings.form import show as _show
from socialtime.ui.settings.goals_tab import GoalsTab
from socialtime.ui.settings.hours_tab import WorkHoursTab
from socialtime.ui.settings.sites_tab import SitesTab
from socialtime.ui.settings.team_tab import TeamTab
from socialtime.ui.tabs import keep_accents

# The language setting's values; each language's name is written in that language.
_LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def describe(error: ConfigError) -> str:
    """The part of a ConfigError worth showing under its field (the field names the key)."""
    text = error.reason or QCoreApplication.translate(
        "SettingsDialog", "Expected {expected}"
    ).format(expected=error.expected)
    if not error.reason and error.value is not None:
        value = error.value
        shown = f"{value:g}" if isinstance(value, float) else value
        text += QCoreApplication.translate("SettingsDialog", "; got {value}").format(value=shown)
    return text[:1].upper() + text[1:]


class SettingsDialog(QDialog):
    config_saved = Signal(object)  # the new Config, after config_path was written
    consent_withdrawn = Signal()
    data_erased = Signal()

    def __init__(
        self,
        config: Config,
        config_path: Path,
        store: Store,
        catalogue: Catalogue,
        autostart: Autostart,
        parent: QWidget | None = None,
        data_dir: Path | None = None,
        loaded: LoadedConfig | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("socialtime — Settings"))
        self.config, self.config_path, self.store = config, Path(config_path), store
        # ``config`` is what is shown (the settings in force); ``loaded`` adds the user's own
        # and the organisation's policy (socialtime.ui.settings.locks).
        self.loaded = locks.loaded_for(config, self.config_path, loaded)
        self.policy = self.loaded.policy
        self.autostart, self.catalogue = autostart, catalogue
        # The Team tab keeps the team file next to the database unless told otherwise.
        self.data_dir = Path(data_dir) if data_dir else Path(store.path).parent
        self.launch_argv: Sequence[str] = launch_argv()
        # The Data tab's blocking dialogs (.data_tab), here for tests to replace.
        self.choose_path: Callable[[str], Path | None] = lambda fmt: (
            self.data_tab.choose_export_path(fmt)
        )
        self.confirm: Callable[[str, str], bool] = lambda title, text: self.data_tab.ask(
            title, text
        )
        self.candidate: Config | None = config
        self._loading = True
        self._fields: dict[str, _Field] = {}
        self._field_tab: dict[str, int] = {}
        self.tabs = keep_accents()
        for build, title in (
            (self._work_hours_tab, self.tr("Work hours")),
            (self._recording_tab, self.tr("Recording")),
            (self._sites_tab, self.tr("Sites")),
            (self._general_tab, self.tr("General")),  # start at login and the language
            (self._data_tab, self.tr("Data")),
            (self._goals_tab, self.tr("Goals")),  # next to Team: personal goals, then shared ones
            (self._team_tab, self.tr("Team")),
        ):
            self.tabs.addTab(build(), title)
        self.org_badges = locks.apply_locks(self)  # what the organisation sets, marked
        self.org_banner = locks.banner(self.policy, self.show_organisation)
        self.general_error = _label()
        self.general_error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.org_banner, self.tabs, self.general_error, buttons):
            layout.addWidget(widget)
        # Wide enough for every tab title (French ones are longer), and for a warning icon.
        # Wide enough too for a day's time pickers beside its text (.hours_tab).
        self.resize(max(800, self.tabs.tabBar().sizeHint().width() + 60), 560)
        self._loading = False
        self.validate()

    def _field(
        self, key: str, editor: QWidget, target: QWidget | None = None, hint: str = ""
    ) -> _Field:
        field = self._fields[key] = _Field(editor, target, hint)
        self._field_tab[key] = self.tabs.count()  # the index of the tab being built
        return field

    # -- tabs ---------------------------------------------------------------------------

    def _recording_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        c = self.config
        self.idle = self._spin(c.idle_seconds / 60, self.tr(" min"))
        self.media_max = MinutesSpin()
        self.media_max.setRange(0, 99999)  # wide on purpose: the limits are the core's
        self.media_max.setSpecialValueText(self.tr("Off"))  # 0: idle is idle, whatever plays
        self.media_max.setValue(c.media_max_minutes)
        self.media_max.valueChanged.connect(self.validate)
        self.sample = self._spin(c.sample_seconds, self.tr(" s"))
        self.retention = QSpinBox()
        self.retention.setRange(1, 99999)  # 0 is "Keep forever", a box of its own
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setValue(c.retention_days or setting_default("retention_days"))
        self.retention.setEnabled(c.retention_days != 0)
        self.keep_forever = QCheckBox(self.tr("Keep forever"))
        self.keep_forever.setChecked(c.retention_days == 0)
        self.keep_forever.toggled.connect(lambda on: self.retention.setEnabled(not on))
        self.keep_forever.toggled.connect(self.validate)
        self.retention.valueChanged.connect(self.validate)
        self._shown = (self.idle.value(), self.sample.value())
        retention = _box(QHBoxLayout(), self.retention, self.keep_forever)
        for key, label, editor, target in (
            ("idle_seconds", self.tr("Stop counting after:"), _box(QHBoxLayout(), self.idle),
             self.idle),
            ("media_max_minutes", self.tr("While something plays:"),
             _box(QHBoxLayout(), self.media_max, self.tr("after the last input")),
             self.media_max),
            ("sample_seconds", self.tr("Look every:"), _box(QHBoxLayout(), self.sample),
             self.sample),
            ("retention_days", self.tr("Keep data for:"), retention, self.retention),
        ):  # fmt: skip
            form.addRow(label, self._field(key, editor, target, setting_description(key)))
        return page

    def _spin(self, value: float, suffix: str) -> QDoubleSpinBox:
        spin = NumberSpin()
        spin.setDecimals(1)
        spin.setRange(0, 999)  # wide on purpose: the limits are the core's (see module doc)
        spin.setSuffix(suffix)
        spin.setValue(value)
        spin.valueChanged.connect(self.validate)
        return spin

    def _work_hours_tab(self) -> QWidget:
        tab = self.hours_tab = WorkHoursTab(self.config, self._field, self.validate)
        self.preset, self.day_edits = tab.preset, tab.day_edits  # for tests and locks.py
        return tab

    def _sites_tab(self) -> QWidget:
        tab = self.sites_tab = SitesTab(self.config, self.catalogue, self.validate)
        # Its widgets, under the names that tests and locks.py use.
        self.site_list, self.custom_table = tab.site_list, tab.custom_table
        self.custom_error = tab.custom_error
        return tab

    def _goals_tab(self) -> QWidget:
        self.goals_tab = GoalsTab(self.config, self.catalogue, self._field, self.validate)
        return self.goals_tab

    def _general_tab(self) -> QWidget:
        self.autostart_was = self.autostart.is_enabled()
        self.autostart_box = QCheckBox(self.tr("Start socialtime when I log in"))
        self.autostart_box.setChecked(self.autostart_was)
        hint = self.tr("Saving with this on writes a start-up entry for you alone; saving with it "
                       "off removes that entry. Nothing else is changed. The entry:")  # fmt: skip
        where = _label(self.autostart.location())
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        login = QGroupBox(self.tr("Start at login"))
        login_layout = QVBoxLayout(login)
        for widget in (self.autostart_box, _label(hint, hint=True), where):
            login_layout.addWidget(widget)
        self.language = QComboBox()
        automatic = ("auto", self.tr("Automatic (system language)"))
        for code, name in (automatic, *_LANGUAGE_NAMES.items()):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.config.language)))
        self.language.currentIndexChanged.connect(self.validate)
        note = self.tr("Windows opened after Save use the new language; a window already open "
                       "changes when it is opened again.")  # fmt: skip
        language = QGroupBox(self.tr("Language"))
        QVBoxLayout(language).addWidget(
            self._field("language", _box(QHBoxLayout(), self.language), self.language, note)
        )
        column = QVBoxLayout()
        page = _box(column, login, language)
        column.setContentsMargins(9, 9, 9, 9)
        return page

    def _data_tab(self) -> QWidget:
        self.data_tab = DataTab(
            self.store,
            confirm=lambda title, text: self.confirm(title, text),
            choose_path=lambda fmt: self.choose_path(fmt),
        )
        self.data_tab.consent_withdrawn.connect(self.consent_withdrawn)
        self.data_tab.data_erased.connect(self.data_erased)
        return self.data_tab

    def _team_tab(self) -> QWidget:
        self.team_tab = TeamTab(
            self.store, self.data_dir, self.config.work_hours, policy=self.policy
        )
        return self.team_tab

    # -- validation and saving ----------------------------------------------------------

    def mapping(self) -> dict[str, Any]:
        """The TOML document that Save would write, before the core has checked it."""
        c = self.config
        # A value shown rounded (100 s as 1.7 min) is kept as it was unless the user changed it.
        idle, sample = self.idle.value(), self.sample.value()
        return {
            # Every key of one value as it is, so that one without a field here is kept.
            **{key: getattr(c, key) for key in SCALAR_KEYS},
            "sample_seconds": c.sample_seconds if sample == self._shown[1] else sample,
            "idle_seconds": c.idle_seconds if idle == self._shown[0] else round(idle * 60),
            "media_max_minutes": self.media_max.value(),
            "retention_days": 0 if self.keep_forever.isChecked() else self.retention.value(),
            "language": self.language.currentData(),
            "days_off": sorted(day.isoformat() for day in c.work_hours.days_off),
            **self.hours_tab.mapping(),
            **self.sites_tab.mapping(),
            **self.goals_tab.mapping(),
        }

    def validate(self) -> list[ConfigError]:
        """Check the form with the core's rules and show each error where it belongs."""
        if self._loading:
            return []
        source = str(self.config_path)
        config, errors = parse_config(self.mapping(), source, tz=self.config.work_hours.tz)
        fields: dict[str, list[str]] = {}
        cells: list[tuple[str, str]] = []  # (key, text): the Sites tab's table shows them
        general: list[str] = []
        for error in errors:
            if error.key.startswith("goals.sites."):  # one field for the table of site budgets
                site = error.key.removeprefix("goals.sites.").strip('"')
                text = f"{self.goals_tab.names.get(site, site)}: {describe(error)}"
                fields.setdefault("goals.sites", []).append(text)
            elif error.key in self._fields:
                fields.setdefault(error.key, []).append(describe(error))
            elif self.sites_tab.owns(error.key):
                cells.append((error.key, describe(error)))
            else:
                general.append(str(error))
        for key, field in self._fields.items():
            field.set_error("\n".join(fields.get(key, [])))
        self.sites_tab.show_errors(cells)
        _show(self.general_error, "\n".join(general))
        bad_tabs = {self._field_tab[key] for key in fields}
        if cells:  # errors in the table of custom sites
            bad_tabs.add(self.tabs.indexOf(self.sites_tab))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for tab in range(self.tabs.count()):
            self.tabs.setTabIcon(tab, warning if tab in bad_tabs else QIcon())
        self.candidate = None if errors else config
        self.save_button.setEnabled(not errors)
        self.save_button.setToolTip(
            self.tr("Fix the fields marked in red first.") if errors else ""
        )
        return errors

    def save(self) -> None:
        """Write the settings, then the start-at-login entry; close only when both worked."""
        if self.validate() or self.candidate is None:
            return
        own, omit, loaded = locks.for_save(self.candidate, self.loaded)  # never the policy's
        try:
            save_config(own, self.config_path, omit, recommended_keys(self.policy))
        except OSError as e:
            return self._fail(self.tr("The settings could not be saved: {error}"), e)
        self.loaded, self.config = loaded, loaded.config
        self.config_saved.emit(loaded.config)
        wanted = self.autostart_box.isChecked()
        if wanted != self.autostart_was:
            try:
                self.autostart.enable(self.launch_argv) if wanted else self.autostart.disable()
            except (OSError, ValueError) as e:
                text = self.tr("Start at login could not be changed ({path}): {error}")
                return self._fail(text, e, path=self.autostart.location())
            self.autostart_was = wanted
        self.accept()

    def show_organisation(self) -> QWidget:
        """The organisation's policy, all of it (socialtime.ui.org_settings)."""
        from socialtime.ui.org_settings import OrganisationSettingsWindow

        window = OrganisationSettingsWindow(self.policy, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def _fail(self, text: str, error: Exception, **values: object) -> None:
        """Show ``text`` with its ``{error}`` (and other ``values``) under the tabs."""
        reason = getattr(error, "strerror", None) or error
        _show(self.general_error, text.format(error=reason, **values))
