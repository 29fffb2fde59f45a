"""The Sites tab of Settings: the catalogue's sites ticked on or off, and the user's own sites.

Like the other tabs it holds no rule: ``mapping()`` gives the ``[sites]`` table as the widgets
hold it, and the dialog (.dialog) checks it with ``socialtime.settings.parse_config``. The
core names an error in a custom site by its key (``sites.custom[1].hosts``); ``show_errors``
turns each into the cell it concerns, painted red with the reason as its tooltip, and a line
under the table in the words the user sees ("Row 2, Hosts: …"). What the organisation's
policy locks here (sites it leaves off, custom sites it adds) is in .locks; a locked row is
never removed.

Apps have no column: a custom site's apps are kept as they were in the file, on its id cell.
The texts keep the translation context of the dialog they were written in ("SettingsDialog"),
so they are looked up with ``translate("SettingsDialog", …)`` rather than ``self.tr``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialtime.rules.sites import Catalogue
from socialtime.settings import Config, CustomSite
from socialtime.ui.settings import locks
from socialtime.ui.settings.form import box, cell, error_colors, label, show

translate = QCoreApplication.translate
_COLUMNS = {"id": 0, "name": 1, "hosts": 2, "titles": 3, "apps": 0}  # apps: no column, on id
_CUSTOM_KEY = re.compile(r"sites\.custom\[(\d+)\](?:\.(\w+))?")
_USER = Qt.ItemDataRole.UserRole


class _MultiLineDelegate(QStyledItemDelegate):
    """Title patterns are edited one per line: a regex may hold any separator we could pick."""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        if isinstance(editor, QPlainTextEdit):  # the one createEditor made
            editor.setPlainText(index.data() or "")

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())


class SitesTab(QWidget):
    def __init__(
        self, config: Config, catalogue: Catalogue, validate: Callable[[], object]
    ) -> None:
        """``validate`` is called whenever a site is ticked, edited, added or removed."""
        super().__init__()
        self.config, self.validate = config, validate
        custom_ids = {site.id for site in config.custom_sites}
        self.site_list = QListWidget()
        # In rows that wrap at the list's width: never a sideways scroll that cuts a column
        # (columns flowing top to bottom did, once a policy's padlocks and a shorter list
        # left too few rows). The cells are as wide as the longest name, its box and padlock.
        self.site_list.setFlow(QListView.Flow.LeftToRight)
        self.site_list.setWrapping(True)
        self.site_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.site_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = self.site_list.fontMetrics()
        widest = max((metrics.horizontalAdvance(s.name) for s in catalogue.sites), default=100)
        self.site_list.setGridSize(QSize(widest + 60, metrics.height() + 8))
        for site in catalogue.sites:
            if site.id in custom_ids:
                continue  # shown in the table of the user's own sites
            item = QListWidgetItem(site.name)
            item.setData(_USER, site.id)
            item.setToolTip(", ".join(site.hosts) or site.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            off = site.id in config.disabled_sites
            item.setCheckState(Qt.CheckState.Unchecked if off else Qt.CheckState.Checked)
            self.site_list.addItem(item)
        self.site_list.itemChanged.connect(self.validate)
        table = self.custom_table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels(
            [translate("SettingsDialog", "Id (domain)"), translate("SettingsDialog", "Name"),
             translate("SettingsDialog", "Hosts"), translate("SettingsDialog", "Title patterns")]
        )  # fmt: skip
        table.setItemDelegateForColumn(3, _MultiLineDelegate(table))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for custom in config.custom_sites:
            self.add_custom_site(custom)
        table.itemChanged.connect(self.validate)
        self.custom_error = label()
        self.custom_error.hide()
        add = QPushButton(translate("SettingsDialog", "Add site"))
        remove = QPushButton(translate("SettingsDialog", "Remove site"))
        add.clicked.connect(lambda: self.add_custom_site(None))
        remove.clicked.connect(self.remove_custom_sites)
        hint = translate("SettingsDialog", "Hosts: separated by commas (default: the id). Title "
                         "patterns: regular expressions, one per line, matched in browser window "
                         "titles.")  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)
        heading = translate(
            "SettingsDialog", "Sites that count as social time (untick a site to ignore it):"
        )
        for widget in (
            QLabel(heading), self.site_list,
            QLabel(translate("SettingsDialog", "Your own sites:")), table, self.custom_error,
            box(QHBoxLayout(), add, remove), label(hint, hint=True),
        ):  # fmt: skip
            layout.addWidget(widget)
        layout.setStretchFactor(self.site_list, 1)
        layout.setStretchFactor(table, 1)

    # -- custom sites -------------------------------------------------------------------

    def add_custom_site(self, site: CustomSite | None) -> int:
        """Append a row (empty for the user to fill in); returns its index."""
        table = self.custom_table
        row = table.rowCount()
        table.blockSignals(True)
        table.insertRow(row)
        cells = ("",) * 4 if site is None else (
            site.id, site.name, ", ".join(site.hosts), "\n".join(site.titles))  # fmt: skip
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))
        # Apps have no column here; they are kept as they were in the file.
        cell(table, row, 0).setData(_USER, list(site.apps) if site else [])
        table.blockSignals(False)
        if site is None:  # the user pressed "Add site": let them type the id
            table.setCurrentCell(row, 0)
            table.editItem(cell(table, row, 0))
        self.validate()
        return row

    def remove_custom_sites(self) -> None:
        """Remove the selected rows, except those the organisation adds."""
        for row in sorted({i.row() for i in self.custom_table.selectedIndexes()}, reverse=True):
            if not locks.row_locked(self.custom_table, row):  # the organisation's stay
                self.custom_table.removeRow(row)
        self.validate()

    def _custom_entries(self) -> list[dict[str, Any]]:
        entries = []
        for row in range(self.custom_table.rowCount()):
            items = [cell(self.custom_table, row, column) for column in range(4)]
            site_id, name, hosts, titles = (item.text() for item in items)
            entry: dict[str, Any] = {"id": site_id.strip()}  # empty names and hosts: defaults
            if name.strip():
                entry["name"] = name.strip()
            if hosts.strip():
                entry["hosts"] = [host for host in re.split(r"[,\s]+", hosts) if host]
            entry["titles"] = [line for line in titles.splitlines() if line.strip()]
            entry["apps"] = list(items[0].data(_USER) or [])
            entries.append(entry)
        return entries

    # -- mapping and errors -------------------------------------------------------------

    def mapping(self) -> dict[str, Any]:
        """The ``[sites]`` table as the widgets hold it, before the core has checked it."""
        items = [self.site_list.item(i) for i in range(self.site_list.count())]
        shown = {item.data(_USER) for item in items}
        disabled = [i.data(_USER) for i in items if i.checkState() != Qt.CheckState.Checked]
        disabled += [site for site in self.config.disabled_sites if site not in shown]
        return {"sites": {"disabled": sorted(disabled), "custom": self._custom_entries()}}

    @staticmethod
    def owns(key: str) -> bool:
        """Whether an error of this key is shown in the table of custom sites."""
        return _CUSTOM_KEY.match(key) is not None

    def show_errors(self, errors: list[tuple[str, str]]) -> None:
        """Show each (key, text) that ``owns`` in its cell and under the table; clear the rest."""
        cells: dict[tuple[int, int], list[str]] = {}
        for key, text in errors:
            custom = _CUSTOM_KEY.match(key)
            assert custom is not None  # the dialog passes only the keys this tab owns
            where = (int(custom[1]), _COLUMNS.get(custom[2] or "id", 0))
            # "also used by sites.custom[0]" -> "also used by row 1": what the user sees
            text = _CUSTOM_KEY.sub(
                lambda m: translate("SettingsDialog", "row {row}").format(row=int(m[1]) + 1), text
            )
            cells.setdefault(where, []).append(text)
        table = self.custom_table
        table.blockSignals(True)
        for row in range(table.rowCount()):
            for column in range(4):
                found = cells.get((row, column), [])
                background = error_colors(table)[1] if found else QColor(0, 0, 0, 0)
                cell(table, row, column).setBackground(background)
                tip = "\n".join(found) or cell(table, row, column).data(locks.TIP_ROLE) or ""
                cell(table, row, column).setToolTip(tip)
        table.blockSignals(False)
        lines = [
            translate("SettingsDialog", "Row {row}, {column}: {error}").format(
                row=row + 1,
                column=table.model().headerData(col, Qt.Orientation.Horizontal),
                error=text,
            )
            for (row, col), found in sorted(cells.items())
            for text in found
        ]
        show(self.custom_error, "\n".join(lines))
