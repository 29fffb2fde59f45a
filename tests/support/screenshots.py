"""The screenshots of the README and of the French documentation, made again by hand.

    python tests/support/screenshots.py --lang fr        # consent_fr.png, dashboard_fr.png
    python tests/support/screenshots.py --lang en        # consent.png, dashboard.png, and
                                                         # dashboard-<tab>[-dark].png
    python tests/support/screenshots.py --lang fr --all  # and, for a person to look at, every
                                                         # Settings tab, the tray menu, the
                                                         # organisation page and the invitation
                                                         # in test-artifacts/screenshots-fr/

Offscreen (no display needed), with made-up data: four weeks of work days from
tests/support/synthetic.py up to a Wednesday afternoon, a daily goal of 1 hour, in a temporary
folder. The messages come from the committed catalogue (assets/translations/); ``--catalogue
DIR`` takes ``socialtime_<lang>.ts`` and ``.qm`` from DIR instead (a catalogue being prepared).
Not a test: pytest does not collect it (its name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "Europe/Paris"
time.tzset()

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# synthetic.py sits beside this script: its folder is on sys.path when it runs.

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from synthetic import fill_days  # noqa: E402

from socialtime.base import i18n  # noqa: E402
from socialtime.login.autostart import Autostart  # noqa: E402
from socialtime.recording.store import Store  # noqa: E402
from socialtime.rules.periods import local_midnight  # noqa: E402
from socialtime.rules.sites import load_catalogue  # noqa: E402
from socialtime.settings import Config, Goals  # noqa: E402
from socialtime.ui import translations  # noqa: E402

WEDNESDAY = date(2026, 11, 25)
NOW = local_midnight(WEDNESDAY) + 17.5 * 3600  # after the made-up work day (09:00-17:00)
DATA_DIR_SHOWN = Path("/home/camille/.local/share/socialtime")  # the notice names a folder


def use_catalogue(folder: Path) -> None:
    """Read the messages from ``folder`` (the core's .ts and Qt's .qm) instead of assets/."""
    i18n.catalogue_path = lambda lang: folder / f"socialtime_{lang}.ts"  # type: ignore[assignment]
    i18n._catalogue.cache_clear()


def save(widget: QWidget, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"{path}: could not be written")
    print(path)
    return path


def name(base: str, lang: str) -> str:
    return f"{base}.png" if lang == "en" else f"{base}_{lang}.png"


def work_days(last: date, weeks: int) -> list[date]:
    first = last - timedelta(days=last.weekday() + 7 * (weeks - 1))
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return [day for day in days if day.weekday() < 5]


def consent(lang: str, out: Path) -> None:
    from socialtime.ui.consent_dialog import ConsentDialog

    dialog = ConsentDialog(DATA_DIR_SHOWN)
    dialog.show()
    save(dialog, out / name("consent", lang))
    dialog.close()


def dark_palette() -> QPalette:
    """A whole dark palette, derived by Qt from a button and a window colour."""
    return QPalette(QColor("#353535"), QColor("#2b2b2b"))


def contrast_palette() -> QPalette:
    """A high-contrast palette: white on black, yellow for the selection; disabled text grey."""
    palette = QPalette(QColor("#000000"), QColor("#000000"))
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    roles = {
        QPalette.ColorRole.WindowText: "#FFFFFF",
        QPalette.ColorRole.Text: "#FFFFFF",
        QPalette.ColorRole.ButtonText: "#FFFFFF",
        QPalette.ColorRole.Base: "#000000",
        QPalette.ColorRole.Highlight: "#FFFF00",
        QPalette.ColorRole.HighlightedText: "#000000",
        QPalette.ColorRole.Mid: "#FFFFFF",
        QPalette.ColorRole.Dark: "#FFFFFF",
    }
    for group in groups:
        for role, colour in roles.items():
            palette.setColor(group, role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9A9A9A"))
    return palette


def dashboard(store: Store, config: Config, lang: str, out: Path) -> None:
    """dashboard.png (the week, as in the README), and each tab light and dark:
    dashboard-<tab>[-dark][_<lang>].png."""
    from socialtime.ui.dashboard import TABS, DashboardWindow

    window = DashboardWindow(store, config, load_catalogue(), clock=lambda: NOW)
    window.resize(1000, 680)
    window.show()
    window.tabs.setCurrentIndex(1)
    save(window, out / name("dashboard", lang))
    window.show_day(WEDNESDAY - timedelta(days=1))  # a day over its budget, as a click opens it
    window.canvas("today").draw()
    save(window, out / name("dashboard-day-over", lang))
    window.show_day(WEDNESDAY)
    for theme in ("light", "dark"):
        if theme == "dark":
            window.setPalette(dark_palette())
        for index, tab in enumerate(TABS):
            window.tabs.setCurrentIndex(index)
            window.canvas(tab).draw()
            suffix = "" if theme == "light" else "-dark"
            save(window, out / name(f"dashboard-{tab}{suffix}", lang))
    window.setPalette(contrast_palette())  # high contrast: the week and its table twin
    window.tabs.setCurrentIndex(1)
    save(window, out / name("dashboard-week-contrast", lang))
    window.table_box.setChecked(True)
    save(window, out / name("dashboard-week-table-contrast", lang))
    window.close()


POLICY = """
[mandatory]
invite_at_login = true
[mandatory.work_hours]
mon = "09:00-12:30, 13:30-18:00"
[mandatory.sites]
disabled = ["linkedin.com"]
[[mandatory.sites.custom]]
id = "yammer.com"
name = "Viva Engage"
hosts = ["yammer.com"]
[recommended.work_hours]
tue = "08:00-16:00"
[recommended.team]
summaries_allowed = true
[recommended]
recording = true
"""
TEAM = 'team = "Équipe design"\nagreed = 2026-11-02\n\n[goals]\ndaily_minutes = 30\n'


SETTINGS_SHOWN = {0: "hours", 1: "recording", 2: "sites", 4: "data", 6: "team"}


def settings(store: Store, folder: Path, lang: str, out: Path) -> None:
    """The Settings tabs worth showing (with an organisation policy and a team), for the README:
    settings-hours.png, settings-recording.png, settings-sites.png, settings-data.png,
    settings-team.png, erase-question.png, team-summary.png (the preview of a weekly summary)
    and team-summary-file.png (the file it shows on "Show the file…")."""
    from socialtime.team import week as team_week
    from socialtime.team.summary import summary_text
    from socialtime.ui.settings.team_tab import SummaryPreview

    dialog = settings_dialog(store, folder)
    dialog.show()  # at the size it opens with
    for index, key in SETTINGS_SHOWN.items():
        dialog.tabs.setCurrentIndex(index)
        save(dialog, out / name(f"settings-{key}", lang))
    asked: list[tuple[str, str]] = []  # the question "Erase everything" asks, with its buttons
    dialog.confirm = lambda title, text: asked.append((title, text)) is None and False
    dialog.data_tab.erase_all()
    question = dialog.data_tab.question(*asked[0])
    question.show()
    save(question, out / name("erase-question", lang))
    question.close()
    tab = dialog.team_tab
    assert tab.team is not None
    period = team_week.last_week(WEDNESDAY)
    summary = team_week.build_summary(store, tab.team, tab.work_hours, period, WEDNESDAY)
    preview = SummaryPreview(summary_text(summary), dialog)
    preview.show()
    save(preview, out / name("team-summary", lang))
    view = preview.show_file()
    save(view, out / name("team-summary-file", lang))
    preview.close()
    dialog.close()


def settings_dialog(store: Store, folder: Path):  # type: ignore[no-untyped-def]
    """The Settings dialog over an organisation policy, a user file and a team goal."""
    from socialtime.settings import load_config, load_policy
    from socialtime.team import goal_file as team
    from socialtime.ui.settings.dialog import SettingsDialog

    (folder / "etc").mkdir(exist_ok=True)
    (folder / "etc" / "policy.toml").write_text(POLICY, encoding="utf-8")
    policy = load_policy(platform="linux", environ={}, etc_dir=folder / "etc")
    (folder / "team.toml").write_text(TEAM, encoding="utf-8")
    team.join_team(folder / "team.toml", Path(store.path).parent)
    user = folder / "config.toml"
    user.write_text('[sites]\ndisabled = ["x.com"]\n[[sites.custom]]\nid = "intranet.example"\n'
                    'name = "Intranet"\ntitles = ["^News"]\n', encoding="utf-8")  # fmt: skip
    loaded = load_config(user, policy=policy)
    autostart = Autostart(platform="linux", home=folder / "home", environ={})
    dialog = SettingsDialog(loaded.config, user, store, load_catalogue(), autostart, loaded=loaded)
    dialog.team_tab.today = lambda: WEDNESDAY
    dialog.team_tab.refresh()
    return dialog


def everything_else(store: Store, config: Config, folder: Path, out: Path) -> None:
    """Every Settings tab (with an organisation policy and a team), the tray menu, the
    organisation page and the invitation."""
    from socialtime.insights.tray_status import tray_status
    from socialtime.recording.tracker import State
    from socialtime.settings import load_config, load_policy
    from socialtime.team import goal_file as team
    from socialtime.ui.invite import InviteDialog
    from socialtime.ui.org_settings import OrganisationSettingsWindow
    from socialtime.ui.settings.dialog import SettingsDialog
    from socialtime.ui.tray import Tray

    (folder / "etc").mkdir()
    (folder / "etc" / "policy.toml").write_text(POLICY, encoding="utf-8")
    policy = load_policy(platform="linux", environ={}, etc_dir=folder / "etc")
    (folder / "team.toml").write_text(TEAM, encoding="utf-8")
    team.join_team(folder / "team.toml", Path(store.path).parent)
    user = folder / "config.toml"
    user.write_text('[sites]\ndisabled = ["x.com"]\n[[sites.custom]]\nid = "intranet.example"\n'
                    'name = "Intranet"\ntitles = ["^News"]\n', encoding="utf-8")  # fmt: skip
    loaded = load_config(user, policy=policy)
    autostart = Autostart(platform="linux", home=folder / "home", environ={})
    dialog = SettingsDialog(loaded.config, user, store, load_catalogue(), autostart, loaded=loaded)
    dialog.team_tab.today = lambda: WEDNESDAY
    dialog.team_tab.refresh()
    dialog.show()
    dialog.day_edits[5].setText("10:00-25:00")  # an error, to see how it reads
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        save(dialog, out / f"settings-{index}.png")
    dialog.close()

    nothing = lambda *_: None  # noqa: E731
    tray = Tray(nothing, nothing, nothing, nothing, nothing, nothing)
    tray.policy_action.setVisible(True)
    status = tray_status(State.RECORDING, 42 * 60, NOW - 3 * 3600, config.work_hours,
                         goals=config.goals)  # fmt: skip
    tray.show_status(status, paused=False)
    tray.menu.adjustSize()
    save(tray.menu, out / "tray-menu.png")
    tray.pause_menu.adjustSize()
    save(tray.pause_menu, out / "tray-pause-menu.png")

    page = OrganisationSettingsWindow(policy)
    page.show()
    save(page, out / "organisation-settings.png")
    page.close()
    invite = InviteDialog(DATA_DIR_SHOWN)
    invite.show()
    save(invite, out / "invite.png")
    invite.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="fr")
    parser.add_argument("--catalogue", type=Path, help="a folder of socialtime_<lang>.ts/.qm")
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "screenshots")
    parser.add_argument("--all", action="store_true", help="also every window, for a person")
    parser.add_argument(
        "--settings", action="store_true", help="also the Settings and Team shots of the README"
    )
    args = parser.parse_args(argv)
    if args.catalogue:
        use_catalogue(args.catalogue.resolve())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("socialtime")
    translations.install(args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store.open(folder / "data")
        fill_days(store, work_days(WEDNESDAY, weeks=4))
        store.set_consent(1, datetime(2026, 11, 2, 9, 12).timestamp())
        config = Config(goals=Goals(daily_minutes=80, site_daily_minutes={"youtube.com": 20}))
        (folder / "settings").mkdir()
        consent(args.lang, args.out)
        dashboard(store, config, args.lang, args.out)
        if args.settings:
            settings(store, folder / "settings", args.lang, args.out)
        if args.all:
            extra = ROOT / "test-artifacts" / f"screenshots-{args.lang}"
            everything_else(store, config, folder, extra)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
