"""The dashboard window: four charts of the user's own time and a calendar of their goals,
each with a sentence beside it.

Why matplotlib is imported only inside methods: importing it and drawing one chart costs about
1 s and 70 MB, and most people open the dashboard rarely, so the tray must not pay for it at
start-up. Importing this module loads Qt and the core only; the first ``refresh()`` (or the
first time the window is shown) loads matplotlib and builds the charts.

The window holds no logic of its own: socialtime.insights.stats computes the numbers and the
sentences, socialtime.charts.usage draws them, and ``figures()`` hands back what the charts show so
that a test can compare it with ``socialtime report --json``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from socialtime.base.i18n import QT_TRANSLATE_NOOP
from socialtime.insights import goals, stats
from socialtime.recording.store import Store
from socialtime.rules.periods import local_day
from socialtime.rules.sites import Catalogue
from socialtime.settings import Config
from socialtime.ui.tabs import keep_accents

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

TABS = ("today", "week", "month", "heatmap", "goals")
FORMATS = {".png": "png", ".svg": "svg"}

# Marked here, translated where shown (``_text``), in the language of the moment.
_TEXT = {
    "title": QT_TRANSLATE_NOOP("DashboardWindow", "socialtime — Dashboard"),
    "today": QT_TRANSLATE_NOOP("DashboardWindow", "Today"),
    "week": QT_TRANSLATE_NOOP("DashboardWindow", "Week"),
    "month": QT_TRANSLATE_NOOP("DashboardWindow", "Month"),
    "heatmap": QT_TRANSLATE_NOOP("DashboardWindow", "Heatmap"),
    "goals": QT_TRANSLATE_NOOP("DashboardWindow", "Goals"),
    "no_goals": QT_TRANSLATE_NOOP(
        "DashboardWindow",
        "The days you meet your goals will show here once you have set one.",
    ),
    "export": QT_TRANSLATE_NOOP("DashboardWindow", "Export chart…"),
    "export_title": QT_TRANSLATE_NOOP("DashboardWindow", "Export chart"),
    "export_filter": QT_TRANSLATE_NOOP("DashboardWindow", "PNG image (*.png);;SVG image (*.svg)"),
    "export_failed": QT_TRANSLATE_NOOP(
        "DashboardWindow", "The chart could not be written to {path}: {error}"
    ),
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
    ) -> None:
        super().__init__(parent)
        self.store, self.config, self.catalogue, self.clock = store, config, catalogue, clock
        self.names = stats.site_names(catalogue)
        self.setWindowTitle(_text("title"))
        self.resize(960, 640)

        self.tabs = keep_accents()
        self._pages: dict[str, QVBoxLayout] = {}
        self.summaries: dict[str, QLabel] = {}
        for tab in TABS:
            page = QWidget()
            layout = QVBoxLayout(page)
            summary = QLabel()
            summary.setWordWrap(True)
            summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = summary.font()
            if font.pointSizeF() > 0:  # -1 when the font is sized in pixels
                font.setPointSizeF(font.pointSizeF() * 1.15)
                summary.setFont(font)
            layout.addWidget(summary)
            self._pages[tab], self.summaries[tab] = layout, summary
            self.tabs.addTab(page, _text(tab))

        self.export_button = QPushButton(_text("export"))
        self.export_button.clicked.connect(self._ask_export)
        note = QLabel(_text("private"))
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self._canvases: dict[str, FigureCanvasQTAgg] = {}
        self._figures: dict[str, dict[str, Any]] = {}
        self._dark: bool | None = None

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
            canvas.setAccessibleName(_text(tab))
            self._pages[tab].addWidget(canvas, 1)
            self._canvases[tab] = canvas

    def refresh(self) -> None:
        """Recompute every chart from the store at ``clock()`` and redraw; Qt paints only the
        visible tab, the others when they are shown."""
        from socialtime.charts import goals as goal_charts
        from socialtime.charts import heatmap
        from socialtime.charts import style as chart_style
        from socialtime.charts import usage as charts

        self._ensure_canvases()
        now = self.clock()
        dark = is_dark(self.palette())
        th = chart_style.theme(dark)
        style = chart_style.SiteStyle(self.catalogue.ids())
        config, names = self.config, self.names
        fig = {tab: canvas.figure for tab, canvas in self._canvases.items()}

        today = stats.today(self.store, config, now)
        empty = stats.empty_text("today", config, now)
        shown = {
            "today": charts.draw_today(
                fig["today"], today, names, style, th, empty, goals=config.goals
            )
        }
        texts = {"today": stats.today_summary(today, names, config)}
        for kind, data in (
            ("week", stats.week(self.store, now)),
            ("month", stats.month(self.store, now)),
        ):
            empty = stats.empty_text(kind, config, now)
            month = kind == "month"
            shown[kind] = charts.draw_bars(
                fig[kind], data, names, style, th, empty, month, goals=config.goals
            )
            texts[kind] = stats.bars_summary(data, kind, names, config, now)
        heat = stats.heatmap(self.store, now)
        empty = stats.empty_text("heatmap", config, now)
        shown["heatmap"] = heatmap.draw_heatmap(fig["heatmap"], heat, config, th, empty)
        texts["heatmap"] = stats.heatmap_summary(heat, config, now)
        overview = goals.overview(self.store, config.goals, config.work_hours, now)
        texts["goals"] = goals.overview_text(overview, config.goals)
        empty = _text("no_goals") if config.goals.is_empty() else ""
        shown["goals"] = goal_charts.draw_calendar(fig["goals"], overview, th, empty)

        for tab in TABS:
            self.summaries[tab].setText(texts[tab])
            self._canvases[tab].setAccessibleDescription(texts[tab])
            self._canvases[tab].draw_idle()
            shown[tab] |= {"summary": texts[tab], "theme": "dark" if dark else "light"}
        self._figures, self._dark = shown, dark

    def figures(self) -> dict[str, dict[str, Any]]:
        """What each chart shows (seconds, per day and site), keyed by tab; for tests."""
        if not self._figures:
            self.refresh()
        return self._figures

    def canvas(self, tab: str) -> FigureCanvasQTAgg:
        if not self._canvases:
            self.refresh()
        return self._canvases[tab]

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
        if not self._figures:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark themes while the window is open."""
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if (
            event.type() in kinds
            and self._dark is not None
            and is_dark(self.palette()) != self._dark
        ):
            self.refresh()
        super().changeEvent(event)
