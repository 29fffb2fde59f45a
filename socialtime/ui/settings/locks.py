"""What the organisation's policy changes in the Settings dialog: locks, marks and saving.

Kept apart from dialog.py, which builds the form as if there were no policy: this module
then disables what a *mandatory* entry sets and marks it (socialtime.ui.org_settings), and
computes what Save writes. Per key of ``Policy.locked()``:

- ``work_hours.<day>``: that day's field is disabled (the presets leave it alone);
- ``sites.disabled``: the sites it lists cannot be ticked again (other sites stay the user's);
- ``sites.custom``: its sites are listed but cannot be edited or removed. So are *recommended*
  custom sites the user has no version of: the policy would add them back at the next start,
  so removing one would be a lie.

Save writes ``settings.user_settings_for_save``: never a mandatory value, which would outlive the
policy in the user's own file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from socialtime.settings import (
    MANDATORY,
    RECOMMENDED,
    WORK_DAY_KEYS,
    Config,
    LoadedConfig,
    Policy,
    apply_policy,
    dump_config,
    recommended_untouched,
    user_keys,
    user_settings_for_save,
)
from socialtime.ui.org_settings import OrgBadge, locked_tip, org_icon

LOCKED_ROLE = Qt.ItemDataRole.UserRole + 1  # on column 0 of a custom site row: its source
TIP_ROLE = Qt.ItemDataRole.UserRole + 2  # a cell's tooltip when it shows no error
_WEEKDAYS = 5  # the presets fill Monday to Friday


class Lockable(Protocol):
    """What ``apply_locks`` needs of the Settings dialog: the policy, the settings as loaded
    (the user's own among them), and the four kinds of control a mandatory entry can lock.
    The dialog (.dialog) has them under these names; this module does not import it."""

    @property
    def policy(self) -> Policy: ...
    @property
    def loaded(self) -> LoadedConfig: ...
    @property
    def day_edits(self) -> Sequence[QLineEdit]: ...  # Monday to Sunday
    @property
    def preset(self) -> QWidget: ...  # the presets that fill Monday to Friday
    @property
    def site_list(self) -> QListWidget: ...  # the catalogue's sites, ticked when counted
    @property
    def custom_table(self) -> QTableWidget: ...  # the custom sites, a row each


def loaded_for(config: Config, config_path: Path, loaded: LoadedConfig | None) -> LoadedConfig:
    """``loaded`` as given, or ``config`` alone without a policy (the user's own settings)."""
    return loaded if loaded is not None else LoadedConfig(config, (), Path(config_path))


def for_save(edited: Config, loaded: LoadedConfig) -> tuple[Config, frozenset[str], LoadedConfig]:
    """(what to write to the user's file, the keys to leave out of it, the settings as they
    will be read back): the last is what is in force after Save, the policy applied over the
    new file. Recommendations the user left as they were stay recommendations."""
    own = user_settings_for_save(edited, loaded)
    omit = recommended_untouched(edited, loaded)
    keys = user_keys(tomllib.loads(dump_config(own, omit)))  # the keys the written file sets
    after = LoadedConfig(own, (), loaded.path, user_keys=keys)
    return own, omit, apply_policy(after, loaded.policy)


def banner(policy: Policy, show_page: Callable[[], object]) -> QWidget:
    """The line above the tabs: what the organisation sets, and a way to read all of it."""
    widget = QWidget()
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    icon = QLabel()
    icon.setPixmap(org_icon(widget).pixmap(16, 16))
    if policy.locked():
        text = QCoreApplication.translate(
            "SettingsDialog",
            "Your organisation sets some of these settings: they are marked with a padlock "
            "and cannot be changed here.",
        )
    elif policy.entries:
        text = QCoreApplication.translate(
            "SettingsDialog",
            "Your organisation suggests some of these settings; you may change them.",
        )
    else:
        text = QCoreApplication.translate(
            "SettingsDialog", "Your organisation's policy changes none of these settings."
        )
    label = QLabel(text)
    label.setWordWrap(True)
    button = QPushButton(QCoreApplication.translate("SettingsDialog", "Organisation settings…"))
    button.clicked.connect(show_page)
    layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    layout.addWidget(button)
    # Shown when there is something to read: a file that sets nothing (as shipped) is not.
    widget.setVisible(bool(policy.entries or policy.ignored or policy.errors))
    widget.label, widget.button = label, button  # type: ignore[attr-defined]
    return widget


def _insert(layout: QBoxLayout, index: int, widget: QWidget) -> None:
    layout.insertWidget(index, widget)


def _beside(editor: QWidget, badge: QWidget) -> None:
    """Put ``badge`` to the right of ``editor``, in the box layout that holds it."""
    parent = editor.parentWidget()
    layout = parent.layout() if parent is not None else None
    if not isinstance(layout, QBoxLayout):
        return
    index = layout.indexOf(editor)
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    layout.removeWidget(editor)
    line.addWidget(editor, 1)
    line.addWidget(badge)
    _insert(layout, index, row)


def _after(widget: QWidget, new: QWidget) -> None:
    """Put ``new`` under ``widget``, in the box layout that holds it."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QBoxLayout):
        _insert(layout, layout.indexOf(widget) + 1, new)


def apply_locks(dialog: Lockable) -> dict[str, OrgBadge]:
    """Disable and mark in ``dialog`` every control set by a mandatory entry (module doc);
    the marks added, by policy key."""
    policy = dialog.policy
    badges: dict[str, OrgBadge] = {}
    for i, key in enumerate(WORK_DAY_KEYS):
        entry = policy.entry_at(key, MANDATORY)
        if entry is None:
            continue
        edit = dialog.day_edits[i]
        edit.setEnabled(False)
        edit.setToolTip(locked_tip(entry.source))
        badges[key] = OrgBadge(entry.source)
        _beside(edit, badges[key])
        if i < _WEEKDAYS:  # a preset would change a day it must not
            dialog.preset.setEnabled(False)
            dialog.preset.setToolTip(
                QCoreApplication.translate(
                    "SettingsDialog", "Your organisation sets some week days."
                )
            )
    _lock_sites(dialog, policy, badges)
    _lock_custom_sites(dialog.custom_table, policy, dialog.loaded.user, badges)
    return badges


def _lock_sites(dialog: Lockable, policy: Policy, badges: dict[str, OrgBadge]) -> None:
    entry = policy.entry_at("sites.disabled", MANDATORY)
    if entry is None or not isinstance(entry.value, tuple):
        return
    forced = set(entry.value)
    icon = org_icon(dialog.site_list)
    dialog.site_list.setIconSize(QSize(14, 14))  # within the list's 22-pixel grid
    tip = QCoreApplication.translate(
        "SettingsDialog", "Not counted: set by your organisation ({source})."
    ).format(source=entry.source)
    for row in range(dialog.site_list.count()):
        item = dialog.site_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in forced:
            item.setCheckState(Qt.CheckState.Unchecked)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
            item.setFlags(item.flags() & ~flags)
            item.setIcon(icon)
            item.setToolTip(tip)
    text = QCoreApplication.translate(
        "SettingsDialog", "Sites with a padlock are not counted, as set by your organisation."
    )
    badges["sites.disabled"] = OrgBadge(entry.source, text)
    _after(dialog.site_list, badges["sites.disabled"])


def _policy_sites(policy: Policy, user: Config) -> dict[str, str]:
    """The custom sites the user cannot remove, by id: each with its source."""
    sources: dict[str, str] = {}
    own = {site.id for site in user.custom_sites}
    for level in (RECOMMENDED, MANDATORY):  # a mandatory site wins over a recommended one
        entry = policy.entry_at("sites.custom", level)
        for site in entry.value if entry and isinstance(entry.value, tuple) else ():
            if level == MANDATORY or site.id not in own:
                sources[site.id] = entry.source  # type: ignore[union-attr]
    return sources


def _lock_custom_sites(
    table: QTableWidget, policy: Policy, user: Config, badges: dict[str, OrgBadge]
) -> None:
    sources = _policy_sites(policy, user)
    if not sources:
        return
    icon = org_icon(table)
    table.blockSignals(True)
    for row in range(table.rowCount()):
        source = sources.get(_cell(table, row, 0).text())
        if source is None:
            continue
        tip = QCoreApplication.translate(
            "SettingsDialog",
            "Added by your organisation ({source}): it cannot be changed or removed here.",
        ).format(source=source)
        for column in range(table.columnCount()):
            item = _cell(table, row, column)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(TIP_ROLE, tip)
            item.setToolTip(tip)
        _cell(table, row, 0).setData(LOCKED_ROLE, source)
        _cell(table, row, 0).setIcon(icon)
    table.blockSignals(False)
    text = QCoreApplication.translate(
        "SettingsDialog",
        "Sites with a padlock are added by your organisation and cannot be removed.",
    )
    badges["sites.custom"] = OrgBadge(next(iter(sources.values())), text)
    _after(table, badges["sites.custom"])


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None  # the dialog fills every cell of a row it adds
    return item


def row_locked(table: QTableWidget, row: int) -> bool:
    item = table.item(row, 0)
    return item is not None and bool(item.data(LOCKED_ROLE))
