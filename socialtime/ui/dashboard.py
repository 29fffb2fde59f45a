"""The dashboard window: four charts of the user's own time and a calendar of their goals,
each with a sentence beside it, a period to choose (back, forward, this week or month, the last
7, 30 or 90 days), figures on hover, and a table twin of every chart for screen readers.

Why matplotlib is imported only inside methods: importing it and drawing one chart costs about
1 s and 70 MB, and most people open the dashboard rarely, so the tray must not pay for it at
start-up. Importing this module loads Qt and the core only; the first ``refresh()`` (or the
first time the window is shown) loads matplotlib and builds the charts.

Fast on a year of data: only the tab in view is computed and drawn; what a tab drew is kept,
keyed by its period and the store's data version (what it shows is redrawn only when that key
changes), so reopening the window or coming back to a
tab costs nothing when nothing was recorded meanwhile.

The window holds no logic of its own: socialtime.insights.stats computes the numbers and the
sentences, socialtime.charts.usage draws them, and ``figures()`` hands back what the charts show so
that a test can compare it with ``socialtime report --json``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QCursor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from socialtime.base import i18n
from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_duration
from socialtime.insights import goals, report, stats, trend, why
from socialtime.recording.store import Store
from socialtime.rules import periods
from socialtime.rules.periods import Period, local_day, local_midnight
from socialtime.rules.sites import Catalogue
from socialtime.settings import Config
from socialtime.ui.tabs import keep_accents

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

TABS = ("today", "week", "month", "heatmap", "goals")
# The periods each tab can show, the first being the default.
KINDS = {
    "today": ("day",),
    "week": ("week", "days7"),
    "month": ("month", "days30", "days90"),
    "heatmap": ("days28", "days7", "days91"),
    "goals": ("month",),
}
_NOW_BUTTON = {"day": "now_day", "week": "now_week", "month": "now_month"}
FORMATS = {".png": "png", ".svg": "svg"}

# Marked here, translated where shown (``_text``), in the language of the moment.
_TEXT = {
    "title": QT_TRANSLATE_NOOP("DashboardWindow", "socialtime — Dashboard"),
    "today": QT_TRANSLATE_NOOP("DashboardWindow", "Today"),
    "week": QT_TRANSLATE_NOOP("DashboardWindow", "Week"),
    "month": QT_TRANSLATE_NOOP("DashboardWindow", "Month"),
    "heatmap": QT_TRANSLATE_NOOP("DashboardWindow", "Heatmap"),
    "goals": QT_TRANSLATE_NOOP("DashboardWindow", "Goals"),
    "set_goal": QT_TRANSLATE_NOOP("DashboardWindow", "&Set a goal…"),
    "export": QT_TRANSLATE_NOOP("DashboardWindow", "E&xport chart…"),
    "export_title": QT_TRANSLATE_NOOP("DashboardWindow", "Export chart"),
    "export_filter": QT_TRANSLATE_NOOP("DashboardWindow", "PNG image (*.png);;SVG image (*.svg)"),
    "export_failed": QT_TRANSLATE_NOOP(
        "DashboardWindow", "The chart could not be written to {path}: {error}"
    ),
    "earlier": QT_TRANSLATE_NOOP("DashboardWindow", "◀ &Earlier"),
    "later": QT_TRANSLATE_NOOP("DashboardWindow", "&Later ▶"),
    "now_day": QT_TRANSLATE_NOOP("DashboardWindow", "T&oday"),
    "now_week": QT_TRANSLATE_NOOP("DashboardWindow", "This &week"),
    "now_month": QT_TRANSLATE_NOOP("DashboardWindow", "This &month"),
    "now_days": QT_TRANSLATE_NOOP("DashboardWindow", "Up to t&oday"),
    "range": QT_TRANSLATE_NOOP("DashboardWindow", "&Range:"),
    "table": QT_TRANSLATE_NOOP("DashboardWindow", "Show as &table"),
    "kind_week": QT_TRANSLATE_NOOP("DashboardWindow", "Calendar week"),
    "kind_month": QT_TRANSLATE_NOOP("DashboardWindow", "Calendar month"),
    "kind_days7": QT_TRANSLATE_NOOP("DashboardWindow", "Last 7 days"),
    "kind_days28": QT_TRANSLATE_NOOP("DashboardWindow", "Last 4 weeks"),
    "kind_days30": QT_TRANSLATE_NOOP("DashboardWindow", "Last 30 days"),
    "kind_days90": QT_TRANSLATE_NOOP("DashboardWindow", "Last 90 days"),
    "kind_days91": QT_TRANSLATE_NOOP("DashboardWindow", "Last 13 weeks"),
    "kind_day": QT_TRANSLATE_NOOP("DashboardWindow", "One day"),
    "chart_name": QT_TRANSLATE_NOOP("DashboardWindow", "{tab} chart"),
    "table_name": QT_TRANSLATE_NOOP("DashboardWindow", "{tab} table"),
    "hover_hint": QT_TRANSLATE_NOOP(
        "DashboardWindow", "Point at a bar or a cell to see its figures; click a day to open it."
    ),
    "empty_period": QT_TRANSLATE_NOOP("DashboardWindow", "Nothing recorded in this period."),
    "empty_day": QT_TRANSLATE_NOOP("DashboardWindow", "Nothing recorded on this day."),
    "col_day": QT_TRANSLATE_NOOP("DashboardWindow", "Day"),
    "col_social": QT_TRANSLATE_NOOP("DashboardWindow", "Social time"),
    "col_active": QT_TRANSLATE_NOOP("DashboardWindow", "Active time"),
    "col_sites": QT_TRANSLATE_NOOP("DashboardWindow", "Sites"),
    "col_why": QT_TRANSLATE_NOOP("DashboardWindow", "Why not met"),
    "missed_why": QT_TRANSLATE_NOOP("DashboardWindow", "not met: {why}"),
    "col_site": QT_TRANSLATE_NOOP("DashboardWindow", "Site"),
    "col_budget": QT_TRANSLATE_NOOP("DashboardWindow", "Budget"),
    "col_state": QT_TRANSLATE_NOOP("DashboardWindow", "Goals"),
    "col_weekday": QT_TRANSLATE_NOOP("DashboardWindow", "Weekday"),
    "hover_day": QT_TRANSLATE_NOOP(
        "DashboardWindow", "{day}: {social} of social time, {active} active"
    ),
    "hover_cell": QT_TRANSLATE_NOOP(
        "DashboardWindow", "{weekday}, {start}–{end}: {social} of social time"
    ),
    "hover_site": QT_TRANSLATE_NOOP("DashboardWindow", "{site}: {social}"),
    "state_met": QT_TRANSLATE_NOOP("DashboardWindow", "met"),
    "state_today": QT_TRANSLATE_NOOP("DashboardWindow", "so far within your goals"),
    "state_missed": QT_TRANSLATE_NOOP("DashboardWindow", "not met"),
    "state_off": QT_TRANSLATE_NOOP("DashboardWindow", "day off"),
    "state_none": QT_TRANSLATE_NOOP("DashboardWindow", "no daily goal"),
    "state_unrecorded": QT_TRANSLATE_NOOP("DashboardWindow", "not recorded"),
    "state_future": QT_TRANSLATE_NOOP("DashboardWindow", "to come"),
    "private": QT_TRANSLATE_NOOP(
        "DashboardWindow", "Only you see these figures; they stay on this computer."
    ),
}


def _text(key: str) -> str:
    """The text of ``key`` in the language of the installed Qt translators."""
    text = _TEXT[key]
    return QCoreApplication.translate("DashboardWindow", text)


def is_dark(palette: QPalette) -> bool:
    """A dark theme is one whose window colour is darker than mid-grey."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def period_for(kind: str, anchor: date) -> Period:
    """The period of ``kind`` that holds (calendar kinds) or ends on (``daysN``) ``anchor``:
    socialtime.rules.periods' kinds, and "day" and whole weeks of days for Today and the
    heatmap."""
    if kind in periods.KINDS:
        return periods.period_for(kind, anchor)
    if kind == "day":
        return Period(anchor, anchor)
    return periods.days_ending(anchor, int(kind.removeprefix("days")))


def step(kind: str, anchor: date, delta: int) -> date:
    """The anchor ``delta`` periods of ``kind`` later (earlier when negative)."""
    if kind in periods.KINDS:
        return periods.step(kind, anchor, delta)
    length = 1 if kind == "day" else int(kind.removeprefix("days"))
    return anchor + timedelta(days=length * delta)


def period_heading(kind: str, period: Period) -> str:
    """ "November 2026", "week 2026-W48 (…)", "Monday 2 March 2026" or "… to …"."""
    if kind == "month":
        month = i18n.month_name(period.first.month)
        return f"{month[:1].upper()}{month[1:]} {period.first.year}"
    label = period.label()
    return label[:1].upper() + label[1:]


def data_version(store: Store) -> tuple[int, int]:
    """Changes since the store was opened, by this connection or by another process: what a
    cached figure depends on."""
    other = store.conn.execute("PRAGMA data_version").fetchone()[0]
    return store.conn.total_changes, int(other)


class DashboardWindow(QWidget):
    """Today / Week / Month / Heatmap / Goals tabs. Call ``refresh()`` when showing the window and
    every minute while it is visible; shown for the first time, it refreshes itself."""

    def __init__(
        self,
        store: Store,
        config: Config,
        catalogue: Catalogue,
        clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
        on_set_goal: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.config, self.catalogue, self.clock = store, config, catalogue, clock
        self.on_set_goal = on_set_goal  # opens Settings at its Goals tab (TrayApp)
        self.names = stats.site_names(catalogue)
        self.setWindowTitle(_text("title"))
        self.resize(960, 640)
        self.kinds = {tab: KINDS[tab][0] for tab in TABS}
        self.anchors: dict[str, date | None] = dict.fromkeys(TABS)  # None: up to today

        self.earlier = QPushButton(_text("earlier"))
        self.later = QPushButton(_text("later"))
        self.now_button = QPushButton()
        self.range_box = QComboBox()
        self.range_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        range_label = QLabel(_text("range"))
        range_label.setBuddy(self.range_box)
        self.period_label = QLabel()
        self.period_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table_box = QCheckBox(_text("table"))
        self.earlier.clicked.connect(lambda: self.step_period(-1))
        self.later.clicked.connect(lambda: self.step_period(1))
        self.now_button.clicked.connect(self.this_period)
        self.range_box.activated.connect(self._range_chosen)
        self.table_box.toggled.connect(self._show_tables)
        nav = QHBoxLayout()
        for widget in (self.earlier, self.period_label, self.later, self.now_button):
            nav.addWidget(widget)
        nav.setStretchFactor(self.period_label, 1)
        nav.addWidget(range_label)
        nav.addWidget(self.range_box)
        nav.addWidget(self.table_box)

        self.tabs = keep_accents()
        self._pages: dict[str, QStackedWidget] = {}
        self.summaries: dict[str, QLabel] = {}
        self.hovers: dict[str, QLabel] = {}
        self.tables: dict[str, QTableWidget] = {}
        for tab in TABS:
            page = QWidget()
            layout = QVBoxLayout(page)
            if tab == "goals":
                goals_page = layout  # "Set a goal…" goes under its calendar
            summary = QLabel()
            summary.setWordWrap(True)
            summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = summary.font()
            if font.pointSizeF() > 0:  # -1 when the font is sized in pixels
                font.setPointSizeF(font.pointSizeF() * 1.15)
                summary.setFont(font)
            layout.addWidget(summary)
            stack = QStackedWidget()
            table = QTableWidget()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setAccessibleName(_text("table_name").format(tab=_text(tab)))
            table.verticalHeader().setVisible(False)
            stack.addWidget(QWidget())  # the canvas takes its place when first drawn
            stack.addWidget(table)
            layout.addWidget(stack, 1)
            hover = QLabel(_text("hover_hint"))
            hover.setWordWrap(True)
            layout.addWidget(hover)
            self._pages[tab], self.summaries[tab], self.tables[tab] = stack, summary, table
            self.hovers[tab] = hover
            self.tabs.addTab(page, _text(tab))
        # Without a goal the sentence above the calendar says so and "Set a goal…" is the way
        # on: nothing is drawn over the calendar.
        self.set_goal_button = QPushButton(_text("set_goal"))
        self.set_goal_button.clicked.connect(lambda: self.on_set_goal and self.on_set_goal())
        self.set_goal_button.hide()
        goals_page.addWidget(self.set_goal_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.currentChanged.connect(lambda _index: self._tab_shown())

        self.export_button = QPushButton(_text("export"))
        self.export_button.clicked.connect(self._ask_export)
        note = QLabel(_text("private"))
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        keys: list[tuple[Any, Callable[[], Any]]] = [
            (QKeySequence(Qt.Key.Key_Escape), self.close),
            (QKeySequence(QKeySequence.StandardKey.Close), self.close),
            (QKeySequence("Ctrl+W"), self.close),
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self.step_period(-1)),
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self.step_period(1)),
            (QKeySequence("Alt+Left"), lambda: self.step_period(-1)),
            (QKeySequence("Alt+Right"), lambda: self.step_period(1)),
        ]
        self._shortcuts = []
        seen: set[str] = set()
        for sequence, action in keys:
            if sequence.isEmpty() or sequence.toString() in seen:
                continue
            seen.add(sequence.toString())
            shortcut = QShortcut(sequence, self)
            shortcut.activated.connect(action)
            self._shortcuts.append(shortcut)

        self._canvases: dict[str, FigureCanvasQTAgg] = {}
        self._figures: dict[str, dict[str, Any]] = {}
        self._drawn: dict[str, tuple[Any, ...]] = {}  # tab -> the key of what its canvas shows
        self._config_seen: Config | None = None
        self._dark: bool | None = None
        self._update_nav()

    # -- periods ------------------------------------------------------------------------------

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def today(self) -> date:
        return local_day(self.clock())

    def period(self, tab: str) -> Period:
        """The period ``tab`` shows now."""
        return period_for(self.kinds[tab], self.anchors[tab] or self.today())

    def step_period(self, delta: int) -> None:
        """Show the period ``delta`` steps later (earlier when negative); never past today."""
        tab = self.current_tab()
        kind, today = self.kinds[tab], self.today()
        anchor = step(kind, self.anchors[tab] or today, delta)
        if period_for(kind, anchor).first > today:
            return
        self.anchors[tab] = None if period_for(kind, anchor).last >= today else anchor
        if kind == "month" and self.anchors[tab] is not None:
            self.anchors[tab] = period_for(kind, anchor).last
        self._tab_shown()

    def this_period(self) -> None:
        self.anchors[self.current_tab()] = None
        self._tab_shown()

    def set_kind(self, tab: str, kind: str) -> None:
        self.kinds[tab] = kind
        self._tab_shown()

    def show_day(self, day: date) -> None:
        """Open Today for ``day`` (what a click on a day's bar or cell does)."""
        self.anchors["today"] = None if day >= self.today() else day
        self.tabs.setCurrentIndex(TABS.index("today"))
        self._tab_shown()

    def _range_chosen(self, index: int) -> None:
        self.set_kind(self.current_tab(), KINDS[self.current_tab()][index])

    def _update_nav(self) -> None:
        tab = self.current_tab()
        kind, period = self.kinds[tab], self.period(tab)
        self.period_label.setText(period_heading(kind, period))
        self.later.setEnabled(period.last < self.today())
        self.now_button.setText(_text(_NOW_BUTTON.get(kind, "now_days")))
        self.now_button.setEnabled(self.anchors[tab] is not None)
        self.range_box.blockSignals(True)
        self.range_box.clear()
        self.range_box.addItems([_text(f"kind_{k}") for k in KINDS[tab]])
        self.range_box.setCurrentIndex(KINDS[tab].index(kind))
        self.range_box.setEnabled(len(KINDS[tab]) > 1)
        self.range_box.blockSignals(False)

    # -- drawing ------------------------------------------------------------------------------

    def _ensure_canvases(self) -> None:
        """Import matplotlib and create one canvas per tab, once."""
        if self._canvases:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from socialtime.charts.style import new_figure

        for tab in TABS:
            canvas = FigureCanvasQTAgg(new_figure())
            canvas.setMinimumSize(480, 300)
            canvas.setAccessibleName(_text("chart_name").format(tab=_text(tab)))
            canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            canvas.installEventFilter(self)
            canvas.mpl_connect("motion_notify_event", self._on_mouse(tab, self._hover))
            canvas.mpl_connect("button_press_event", self._on_mouse(tab, self._click))
            stack = self._pages[tab]
            placeholder = stack.widget(0)
            if placeholder is not None:
                stack.removeWidget(placeholder)
                placeholder.deleteLater()
            stack.insertWidget(0, canvas)
            stack.setCurrentIndex(1 if self.table_box.isChecked() else 0)
            self._canvases[tab] = canvas

    def refresh(self) -> None:
        """Bring the tab in view up to date with the store at ``clock()``; the others follow
        when they are shown. Nothing is redrawn when nothing changed."""
        self._tab_shown()

    def _tab_shown(self) -> None:
        self._update_nav()
        self._draw(self.current_tab())

    def _key(self, tab: str) -> tuple[Any, ...]:
        if self._config_seen is not self.config:
            self._drawn.clear()
            self._config_seen = self.config
        today = self.today()
        period = self.period(tab)
        # the minute matters to today's "now" mark only
        minute = int(self.clock() // 60) if period.last >= today else 0
        version = data_version(self.store)
        dark = is_dark(self.palette())
        return (tab, self.kinds[tab], period, today, minute, version, dark, i18n.language())

    def _draw(self, tab: str) -> dict[str, Any]:
        """Compute (or take from the cache) and draw ``tab``, unless its canvas shows it."""
        self._ensure_canvases()
        key = self._key(tab)
        if self._drawn.get(tab) == key:
            return self._figures[tab]
        shown, text = self._compute(tab, key)
        shown = shown | {"summary": text, "theme": "dark" if key[6] else "light"}
        self.summaries[tab].setText(text)
        canvas = self._canvases[tab]
        canvas.setAccessibleDescription(text)
        canvas.draw_idle()
        self._fill_table(tab, shown)
        self._figures[tab], self._drawn[tab], self._dark = shown, key, key[6]
        return shown

    def _compute(self, tab: str, key: tuple[Any, ...]) -> tuple[dict[str, Any], str]:
        from socialtime.charts import goals as goal_charts
        from socialtime.charts import heatmap
        from socialtime.charts import style as chart_style
        from socialtime.charts import usage as charts

        config, names = self.config, self.names
        th = chart_style.theme(key[6])
        style = chart_style.SiteStyle(self.catalogue.ids())
        fig = self._canvases[tab].figure
        kind, period, today = self.kinds[tab], self.period(tab), self.today()
        current = period.last >= today
        now = self.clock() if current else local_midnight(period.last + timedelta(days=1)) - 1
        heading = period_heading(kind, period)
        if tab == "today":
            data = stats.today(self.store, config, now)
            start, end = data.start, data.end
            focus = goals.focus_intervals(config.goals, config.work_hours, start, end)
            if current:
                empty = stats.empty_chart_text("today", config, now)  # the summary says the rest
                text = stats.today_summary(data, names, config)
            else:
                empty = _text("empty_day")
                text = empty if data.active_seconds == 0 else self._summary(heading, data.doc)
            shown = charts.draw_today(
                fig,
                data,
                names,
                style,
                th,
                empty,
                goals=config.goals,
                focus=focus,
                past=not current,
            )
            results = self._results(period, today)
            shown["why"] = {d: why.text(r.misses, names) for d, r in results.items() if r.misses}
            if shown["why"]:
                reason = shown["why"][period.first.isoformat()]
                text = f"{text}\n{_text('missed_why').format(why=reason)}"
            return shown, text
        if tab in ("week", "month"):
            bars = stats.bars(self.store, period)
            if current and kind in ("week", "month"):
                empty = stats.empty_text(kind, config, now)
            else:
                empty = _text("empty_period")
            month = len(period.days()) > 7
            shown = charts.draw_bars(fig, bars, names, style, th, empty, month, goals=config.goals)
            if current and kind in ("week", "month"):
                text = stats.bars_summary(bars, kind, names, config, now)  # "This week: …"
            else:
                text = empty if bars.active_seconds == 0 else self._summary(heading, bars.doc)
            results = self._results(period, today, bars.doc)
            for day in shown["days"]:  # the report's own field, so that they compare whole
                day["missed"] = [miss.as_json() for miss in results[day["date"]].misses]
            shown["why"] = {d: why.text(r.misses, names) for d, r in results.items() if r.misses}
            shown["judged"] = {
                d: r.met for d, r in results.items() if r.met is not None and r.day <= today
            }
            return shown, self._with_trend(text, period, today, bars.doc)
        if tab == "heatmap":
            heat = stats.heatmap(self.store, now, weeks=len(period.days()) // 7)
            empty = stats.empty_text("heatmap", config, now) if current else _text("empty_period")
            shown = heatmap.draw_heatmap(fig, heat, config, th, empty)
            text = stats.heatmap_summary(heat, config, now)
            if heat.peak() is None:
                text = empty
            elif not (current and kind == "days28"):  # "Last four weeks" says it otherwise
                text = text.replace(i18n.translate("stats", "Last four weeks"), heading, 1)
            return shown, self._with_trend(text, heat.period, today)
        overview = self._overview(period, today)
        text = goals.overview_text(overview, config.goals)
        self.set_goal_button.setVisible(config.goals.is_empty() and self.on_set_goal is not None)
        shown = goal_charts.draw_calendar(fig, overview, th, "")
        shown["why"] = {
            d.isoformat(): why.text(r.misses, names)
            for d, r in overview.results.items()
            if r.misses
        }
        return shown, self._with_trend(text, period, today)

    def _results(
        self, period: Period, today: date, doc: dict[str, Any] | None = None
    ) -> dict[str, goals.DayResult]:
        """The goals' verdict on each day of ``period``, by ISO date (as the report has it)."""
        config = self.config
        found = goals.day_results(
            self.store, config.goals, config.work_hours, period.first, period.last, doc
        )
        return {r.day.isoformat(): r for r in found}

    def _with_trend(
        self, text: str, period: Period, today: date, doc: dict[str, Any] | None = None
    ) -> str:
        """``text``, then the period's total, its daily average over work days and the change
        against the period before (socialtime.insights.trend), when anything was recorded."""
        found = trend.compare(self.store, self.config.work_hours, period, today, doc)
        if not found.social_seconds and not found.work_days:
            return text
        return f"{text}\n{found.total_text()} {found.sentence()}"

    def _summary(self, heading: str, doc: dict[str, Any]) -> str:
        return stats.summary(
            heading, doc["active_seconds"], doc["social_seconds"], doc["sites"], self.names
        )

    def _overview(self, month: Period, today: date) -> goals.Overview:
        """The Goals calendar of ``month``, judged as goals.overview judges the current one."""
        config = self.config
        if month.last >= today:
            return goals.overview(self.store, config.goals, config.work_hours, self.clock())
        recorded = goals.first_recorded_day(self.store)
        results = {}
        if recorded is not None and recorded <= month.last:
            first = max(month.first, recorded)
            for r in goals.day_results(
                self.store, config.goals, config.work_hours, first, month.last
            ):
                results[r.day] = r
        streak = goals.current_streak(self.store, config.goals, config.work_hours, today)
        week = report.build(self.store, periods.week_of(today))
        return goals.Overview(
            today=today,
            month=month,
            results=results,
            streak=streak,
            week_social=float(week["social_seconds"]),  # type: ignore[arg-type]
        )

    def figures(self) -> dict[str, dict[str, Any]]:
        """What each chart shows (seconds, per day and site), keyed by tab, each computed for
        the period it shows now; for tests."""
        return {tab: self._draw(tab) for tab in TABS}

    def canvas(self, tab: str) -> FigureCanvasQTAgg:
        self._draw(tab)
        return self._canvases[tab]

    # -- the table twins -------------------------------------------------------------------------

    def table_rows(self, tab: str) -> list[list[str]]:
        """The cells of ``tab``'s table, row by row (what a screen reader reads)."""
        table = self.tables[tab]
        return [
            [(table.item(r, c) or QTableWidgetItem()).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]

    def _rows(self, tab: str, shown: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
        names = self.names
        if tab == "today":
            budgets = shown.get("budgets", {})
            heads = [_text("col_site"), _text("col_social"), _text("col_budget")]
            rows = [
                [
                    names.get(site, site),
                    format_duration(seconds),
                    format_duration(budgets[site] * 60) if site in budgets else "",
                ]
                for site, seconds in shown["sites"].items()
            ]
            return heads, rows
        if tab in ("week", "month"):
            heads = [_text(k) for k in ("col_day", "col_social", "col_active")]
            judged, reasons = shown.get("judged", {}), shown.get("why", {})
            if judged:
                heads.append(_text("col_state"))
            heads.append(_text("col_sites"))
            rows = []
            for day in shown["days"]:
                sites = ", ".join(
                    f"{names.get(s, s)} {format_duration(v)}" for s, v in day["sites"].items()
                )
                row = [
                    i18n.format_date(date.fromisoformat(day["date"]), "long"),
                    format_duration(day["social_seconds"]),
                    format_duration(day["active_seconds"]),
                ]
                if judged:
                    row.append(self._verdict(day["date"], judged, reasons))
                row.append(sites)
                rows.append(row)
            return heads, rows
        if tab == "heatmap":
            hours = shown["hours"]
            heads = [_text("col_weekday")] + [f"{h:02d}:00" for h in hours]
            rows = [
                [i18n.weekday_name(w)] + [format_duration(row[h]) for h in hours]
                for w, row in enumerate(shown["matrix"])
            ]
            return heads, rows
        heads = [_text("col_day"), _text("col_state"), _text("col_why")]
        reasons = shown.get("why", {})
        rows = [
            [
                i18n.format_date(date.fromisoformat(day), "long"),
                _text(f"state_{state}"),
                reasons.get(day, ""),
            ]
            for day, state in shown["cells"].items()
        ]
        return heads, rows

    @staticmethod
    def _verdict(day: str, judged: dict[str, bool], reasons: dict[str, str]) -> str:
        """ "met", or "not met: daily budget: 43 min of 30 min; …", or "" (not judged)."""
        if day not in judged:
            return ""
        if judged[day]:
            return _text("state_met")
        return _text("missed_why").format(why=reasons.get(day, ""))

    def _fill_table(self, tab: str, shown: dict[str, Any]) -> None:
        heads, rows = self._rows(tab, shown)
        table = self.tables[tab]
        table.clear()
        table.setColumnCount(len(heads))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(heads)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    def _show_tables(self, on: bool) -> None:
        for stack in self._pages.values():
            stack.setCurrentIndex(1 if on else 0)

    # -- hover and click --------------------------------------------------------------------------

    def item_at(self, tab: str, x: float, y: float) -> Any:
        """What lies under the canvas pixel ``(x, y)`` (matplotlib's coordinates, from the
        bottom left): a day for the bars and the calendar, (weekday, hour) for the heatmap, a
        site for Today; None elsewhere."""
        figure = self._canvases[tab].figure
        shown = self._figures.get(tab)
        if not figure.axes or shown is None:
            return None
        ax = figure.axes[1] if tab == "today" and len(figure.axes) > 1 else figure.axes[0]
        if not ax.bbox.contains(x, y):
            return None
        dx, dy = ax.transData.inverted().transform((x, y))
        if tab in ("week", "month"):
            i = round(dx)
            days = shown["days"]
            return date.fromisoformat(days[i]["date"]) if 0 <= i < len(days) else None
        if tab == "heatmap":
            col, row = round(dx), round(dy)
            hours = shown["hours"]
            return (row, hours[col]) if 0 <= col < len(hours) and 0 <= row < 7 else None
        if tab == "goals":
            first = date.fromisoformat(shown["month"] + "-01")
            index = int(dy) * 7 + int(dx) - first.weekday()
            if dx < 0 or dy < 0 or not 0 <= int(dx) < 7:
                return None
            day = first + timedelta(days=index)
            return day if day.isoformat() in shown["cells"] else None
        sites = list(shown["sites"])
        row = round(dy)
        return sites[row] if 0 <= row < len(sites) else None

    def describe(self, tab: str, item: Any) -> str:
        """The figures of ``item`` (see item_at) in words, as the hover shows them."""
        shown = self._figures[tab]
        if tab in ("week", "month"):
            day = next(d for d in shown["days"] if d["date"] == item.isoformat())
            text = _text("hover_day").format(
                day=i18n.format_date(item, "long"),
                social=format_duration(day["social_seconds"]),
                active=format_duration(day["active_seconds"]),
            )
            sites = "; ".join(
                f"{self.names.get(s, s)} {format_duration(v)}" for s, v in day["sites"].items()
            )
            lines = [text, sites] if sites else [text]
            verdict = self._verdict(day["date"], shown.get("judged", {}), shown.get("why", {}))
            return "\n".join(lines + ([verdict] if verdict else []))
        if tab == "heatmap":
            weekday, hour = item
            return _text("hover_cell").format(
                weekday=i18n.weekday_name(weekday),
                start=f"{hour:02d}:00",
                end=f"{hour + 1:02d}:00",
                social=format_duration(shown["matrix"][weekday][hour]),
            )
        if tab == "goals":
            state = shown["cells"][item.isoformat()]
            text = f"{i18n.format_date(item, 'long')}: {_text(f'state_{state}')}"
            reason = shown.get("why", {}).get(item.isoformat())
            return f"{text} — {reason}" if reason else text
        return _text("hover_site").format(
            site=self.names.get(item, item), social=format_duration(shown["sites"][item])
        )

    @staticmethod
    def _on_mouse(tab: str, handler: Callable[[str, Any], None]) -> Callable[[Any], None]:
        return lambda event: handler(tab, event)

    def _hover(self, tab: str, event: Any) -> None:
        item = self.item_at(tab, event.x, event.y)
        if item is None:
            self.hovers[tab].setText(_text("hover_hint"))
            QToolTip.hideText()
            return
        text = self.describe(tab, item)
        self.hovers[tab].setText(text)
        QToolTip.showText(QCursor.pos(), text, self._canvases[tab])

    def _click(self, tab: str, event: Any) -> None:
        item = self.item_at(tab, event.x, event.y)
        if isinstance(item, date) and tab in ("week", "month", "goals"):
            self.show_day(item)

    def keyPressEvent(self, event: Any) -> None:
        """The keys of the window, for a key no control used (the shortcuts above take them
        first when the window is active): PageUp/PageDown, Alt+arrows, Esc, Ctrl+W."""
        key, mods = event.key(), event.modifiers()
        alt = mods & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_PageUp or (alt and key == Qt.Key.Key_Left):
            self.step_period(-1)
        elif key == Qt.Key.Key_PageDown or (alt and key == Qt.Key.Key_Right):
            self.step_period(1)
        elif key == Qt.Key.Key_Escape or (
            key == Qt.Key.Key_W and mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.close()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Left and Right on a chart with the focus change its period."""
        if event.type() == QEvent.Type.KeyPress and watched in self._canvases.values():
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                self.step_period(-1 if key == Qt.Key.Key_Left else 1)
                return True
        return super().eventFilter(watched, event)

    # -- export -------------------------------------------------------------------------------

    def export_chart(self, tab: str, path: Path) -> None:
        """Write the chart of ``tab`` as PNG or SVG, chosen by the file's suffix."""
        path = Path(path)
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            text = QCoreApplication.translate(
                "DashboardWindow", "{path}: the file name must end in .png or .svg"
            )
            raise ValueError(text.format(path=path))
        figure = self.canvas(tab).figure
        figure.savefig(path, format=fmt, dpi=150, facecolor=figure.get_facecolor())

    def _ask_export(self) -> None:
        tab = TABS[self.tabs.currentIndex()]
        day = local_day(self.clock()).isoformat()
        suggested = str(Path.home() / f"socialtime-{tab}-{day}.png")
        name, chosen = QFileDialog.getSaveFileName(
            self, _text("export_title"), suggested, _text("export_filter")
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in FORMATS:
            path = path.with_name(path.name + (".svg" if "svg" in chosen.lower() else ".png"))
        try:
            self.export_chart(tab, path)
        except (OSError, ValueError) as error:
            message = _text("export_failed").format(path=path, error=error)
            QMessageBox.warning(self, _text("export_title"), message)

    # -- Qt events ----------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        self.refresh()  # nothing is redrawn when nothing changed since the last time
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark themes while the window is open."""
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if (
            event.type() in kinds
            and self._dark is not None
            and is_dark(self.palette()) != self._dark
            and self._canvases
        ):
            self.refresh()
        super().changeEvent(event)
