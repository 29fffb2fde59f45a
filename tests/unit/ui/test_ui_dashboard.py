"""The dashboard window, offscreen: its figures are the report's, its empty states say what
will happen, its charts export, it follows a dark theme, and importing it loads no matplotlib."""

import json
import random
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from helpers import ARTIFACTS
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFileDialog

from socialtime import cli
from socialtime.insights import report
from socialtime.recording.store import Store
from socialtime.rules import periods
from socialtime.rules.periods import local_midnight
from socialtime.rules.sites import load_catalogue
from socialtime.settings import Config
from socialtime.ui.dashboard import TABS, DashboardWindow

WEDNESDAY = date(2026, 11, 25)  # week 2026-W48
SITES = ["youtube.com", "linkedin.com", "reddit.com", "x.com", "facebook.com", "instagram.com"]


pytestmark = pytest.mark.usefixtures("paris")


def fill_weeks(store, first, now, seed=3):
    """Work days from ``first`` up to ``now``: 09:00-17:00 of social and other spans with
    uneven lengths (fractions of seconds included) and gaps, as the tracker leaves them."""
    rng = random.Random(seed)
    day = first
    while local_midnight(day) < now:
        if day.weekday() < 5:
            t = local_midnight(day) + 9 * 3600
            end = min(t + 8 * 3600, now)
            while t < end:
                site = rng.choice(SITES) if rng.random() < 0.3 else None
                stop = min(end, t + (rng.uniform(30, 400) if site else rng.uniform(60, 900)))
                store.record(site, t, stop, 10)
                t = stop
                if rng.random() < 0.1:
                    t += rng.uniform(200, 1200)
        day += timedelta(days=1)


def wednesday_afternoon():
    return local_midnight(WEDNESDAY) + 15.5 * 3600


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """Four synthetic weeks up to Wednesday 15:30, in a data directory the CLI can read;
    filled once for the module (tests only read it)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", "Europe/Paris")
        time.tzset()
        path = tmp_path_factory.mktemp("dashboard") / "data"
        store = Store.open(path)
        fill_weeks(store, date(2026, 10, 26), wednesday_afternoon())
        store.close()
    time.tzset()
    return path


@pytest.fixture
def data(data_dir):
    store = Store.open(data_dir)
    yield store, wednesday_afternoon()
    store.close()


@pytest.fixture
def window(qtbot, data):
    store, now = data
    w = DashboardWindow(store, Config(), load_catalogue(), clock=lambda: now)
    qtbot.addWidget(w)
    w.refresh()
    return w


def report_json(data_dir, tmp_path, capsys, *args):
    argv = ["report", "--json", *args, "--data-dir", str(data_dir)]
    assert cli.main([*argv, "--config", str(tmp_path / "none.toml")]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_charts_show_what_socialtime_report_says(window, data_dir, tmp_path, capsys):
    shown = window.figures()
    week = report_json(data_dir, tmp_path, capsys, "--week", "2026-W48")
    assert week["social_seconds"] > 3600  # the synthetic week has something to compare
    for key in ("from", "to", "active_seconds", "social_seconds", "sites", "days"):
        assert shown["week"][key] == week[key], key
    month = report_json(data_dir, tmp_path, capsys, "--from", "2026-11-01", "--to", "2026-11-30")
    for key in ("from", "to", "active_seconds", "social_seconds", "sites", "days"):
        assert shown["month"][key] == month[key], key
    day = report_json(data_dir, tmp_path, capsys, "--day", "2026-11-25")
    for key in ("active_seconds", "social_seconds", "sites"):
        assert shown["today"][key] == day[key], key
    heat = shown["heatmap"]
    doc = report.build(window.store, periods.date_range(heat["from"], heat["to"]))
    assert heat["social_seconds"] == pytest.approx(doc["social_seconds"], abs=len(doc["days"]) * 6)
    assert heat["hours"] == list(range(9, 18))


def test_summaries_sit_beside_each_chart(window):
    window.figures()  # each tab is computed when first shown
    texts = {tab: window.summaries[tab].text() for tab in TABS}
    assert texts["today"].startswith("Today: ") and "% of your active time" in texts["today"]
    assert texts["week"].startswith("This week: ")
    assert texts["month"].startswith("November 2026: ")
    assert texts["heatmap"].startswith("Last four weeks: social time was highest on ")
    assert {tab: window.figures()[tab]["summary"] for tab in TABS} == texts


def test_empty_state_says_when_recording_starts(qtbot):
    seven = local_midnight(WEDNESDAY) + 7 * 3600
    w = DashboardWindow(Store(), Config(), load_catalogue(), clock=lambda: seven)
    qtbot.addWidget(w)
    w.figures()
    assert w.summaries["today"].text() == "Recording starts in your work hours, at 09:00."
    assert w.summaries["week"].text() == (
        "Nothing recorded yet this week. Recording starts in your work hours, at 09:00."
    )
    assert w.figures()["week"]["active_seconds"] == 0
    texts = [t.get_text() for ax in w.canvas("today").figure.axes for t in ax.texts]
    # The chart does not say the sentence beside it again: it says what will show, and how
    # to change when.
    assert not any("Recording starts" in text for text in texts)
    (inside,) = [text for text in texts if "Settings" in text]
    assert " ".join(inside.split()) == (
        "Each social site you visit in your work hours will show here with its time. "
        "To change the hours: Settings, Work hours."
    )


def test_refresh_follows_the_clock_and_new_spans(qtbot):
    store, now = Store(), wednesday_afternoon()
    store.record(None, now - 3600, now, 10)
    clock = [now]
    w = DashboardWindow(store, Config(), load_catalogue(), clock=lambda: clock[0])
    qtbot.addWidget(w)
    before = w.figures()["today"]["sites"].get("x.com", 0)
    store.record("x.com", now, now + 120, 10)
    clock[0] = now + 120
    w.refresh()
    assert w.figures()["today"]["sites"]["x.com"] == before + 120


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_a_chart(window, tmp_path, suffix):
    for tab in TABS:
        path = tmp_path / f"{tab}{suffix}"
        window.export_chart(tab, path)
        content = path.read_bytes()
        if suffix == ".png":
            assert content.startswith(b"\x89PNG\r\n\x1a\n")
        else:
            assert ET.fromstring(content).tag == "{http://www.w3.org/2000/svg}svg"


def test_export_refuses_other_formats(window, tmp_path):
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        window.export_chart("week", tmp_path / "chart.pdf")


def test_export_button_asks_for_a_path(window, tmp_path, qtbot, monkeypatch):
    target = tmp_path / "mine"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "SVG image (*.svg)")
    )
    window.tabs.setCurrentIndex(TABS.index("heatmap"))
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert ET.parse(tmp_path / "mine.svg").getroot().tag.endswith("svg")


def dark_palette():
    """A whole dark palette, derived by Qt from a button and a window colour."""
    return QPalette(QColor("#353535"), QColor("#2b2b2b"))


def bar_colours(w):
    return [p.get_facecolor() for p in w.canvas("week").figure.axes[0].patches]


def test_a_dark_palette_switches_the_chart_colours(window):
    from socialtime.charts import style as chart_style

    assert window.figures()["week"]["theme"] == "light"
    lines = [line.get_color() for ax in window.canvas("week").figure.axes for line in ax.lines]
    assert chart_style.LIGHT.muted in lines
    light_face = window.canvas("week").figure.get_facecolor()
    light_bars = bar_colours(window)
    window.setPalette(dark_palette())  # a theme switch while the window is open
    assert window.figures()["week"]["theme"] == "dark"
    assert window.canvas("week").figure.get_facecolor() != light_face
    from matplotlib.colors import to_rgba

    assert window.canvas("week").figure.get_facecolor() == to_rgba(chart_style.DARK.background)
    dark_bars = bar_colours(window)
    # active time, the context line on its own scale, follows the theme too
    lines = [line.get_color() for ax in window.canvas("week").figure.axes for line in ax.lines]
    assert chart_style.DARK.muted in lines
    # a site keeps its colour in both themes, so the user learns it once
    site = to_rgba(chart_style.SiteStyle(load_catalogue().ids()).colour("youtube.com"))
    assert site in light_bars and site in dark_bars


def test_site_colours_are_okabe_ito_and_stable():
    from socialtime.charts.style import OKABE_ITO, SiteStyle

    ids = load_catalogue().ids()
    style = SiteStyle(ids)
    first = [style.colour(site) for site in ids[:7]]
    assert sorted(first) == sorted(OKABE_ITO)  # seven sites, seven distinct colours
    assert SiteStyle(ids).colour("youtube.com") == style.colour("youtube.com")
    assert style.hatch(ids[0]) == "" and style.hatch(ids[7]) != ""
    assert style.colour("gone.example") in OKABE_ITO


def test_other_time_is_grey_on_the_timeline(window):
    from matplotlib.colors import to_rgba

    from socialtime.charts.style import LIGHT

    timeline = window.canvas("today").figure.axes[0]
    colours = {tuple(c.get_facecolor()[0]) for c in timeline.collections}
    assert to_rgba(LIGHT.other) in colours


def test_importing_the_dashboard_does_not_load_matplotlib():
    code = (
        "import sys, socialtime.ui.dashboard\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
        "assert 'numpy' not in sys.modules, 'numpy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_screenshots(window, qtbot):
    """Saves every tab, light and dark, to test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    window.show()
    qtbot.waitExposed(window)
    for theme in ("light", "dark"):
        if theme == "dark":
            window.setPalette(dark_palette())
        for i, tab in enumerate(TABS):
            window.tabs.setCurrentIndex(i)
            window.canvas(tab).draw()
            path = ARTIFACTS / f"dashboard-{tab}-{theme}.png"
            assert window.grab().save(str(path))


def test_wording_is_neutral_everywhere_on_screen():
    from socialtime.charts import usage as charts
    from socialtime.ui import dashboard

    words = " ".join([*charts._TEXT.values(), *dashboard._TEXT.values()]).lower()
    for judgement in ("productive", "waste", "lazy", "inactiv", "idle"):
        assert judgement not in words
