"""The README's screenshots of the tray menu, a nudge by the icon and the first-run guide,
on a real X server (Xvfb + openbox) with Debian's `trayer` as the system tray.

    python tests/support/tray_screenshots.py            # English and French, to assets/screenshots/

It starts the X server and the tray host, then runs itself once per language as the Qt
program on that display (``--child LANG``): the tray icon in trayer's panel, its menu opened
below it, a nudge popup next to it (no notification daemon runs here), then the guide. Each
picture is a part of the screen (grabbed by Qt), so that the panel is in it. Not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WEDNESDAY = date(2026, 11, 25)


def name(base: str, lang: str) -> str:
    return f"{base}.png" if lang == "en" else f"{base}_{lang}.png"


def parent(out: Path) -> int:
    from tray_session import trayer
    from xserver import XServer

    with (
        tempfile.TemporaryDirectory() as tmp,
        XServer.start(Path(tmp)) as server,
        trayer(server, Path(tmp)),
    ):
        for lang in ("en", "fr"):
            env = dict(server.env, QT_QPA_PLATFORM="xcb", TZ="Europe/Paris")
            env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no notification daemon: the popup
            subprocess.run(
                [sys.executable, __file__, "--child", lang, "--out", str(out)],
                env=env,
                check=True,
                timeout=120,
            )
    return 0


def child(lang: str, out: Path) -> int:
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication

    from socialtime.insights.tray_status import tray_status
    from socialtime.recording.tracker import State
    from socialtime.rules.periods import local_midnight
    from socialtime.settings import Config, Goals
    from socialtime.ui import translations
    from socialtime.ui.first_run import FirstRunGuide
    from socialtime.ui.tray import Tray

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("socialtime")
    translations.install(lang)
    config = Config(goals=Goals(daily_minutes=30))
    now = local_midnight(WEDNESDAY) + 14.5 * 3600

    def settle(condition, what: str, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.02)

    def pause_a_moment() -> None:
        end = time.monotonic() + 0.4  # let the X server paint what was just mapped
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def report(what: str, box: QRect) -> None:
        """One line for tests/e2e/test_e2e_tray_nudge.py: "geometry WHAT x y width height"."""
        print(f"geometry {what} {box.x()} {box.y()} {box.width()} {box.height()}", flush=True)

    def grab(box: QRect, path: Path) -> None:
        screen = app.primaryScreen()
        box = box.intersected(screen.geometry())
        image = screen.grabWindow(0, box.x(), box.y(), box.width(), box.height())
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path)):
            raise SystemExit(f"{path}: could not be written")
        print(path)

    nothing = lambda *_: None  # noqa: E731
    tray = Tray(nothing, nothing, nothing, nothing, nothing, nothing, notify_bus=None)
    status = tray_status(State.RECORDING, 43 * 60, now, config.work_hours, goals=config.goals,
                         goal_exceeded=True)  # fmt: skip
    tray.set_can_nudge(True)
    tray.show_status(status, paused=False)
    tray.show()
    settle(lambda: tray.geometry().isValid() and not tray.geometry().isEmpty(), "the tray icon")
    pause_a_moment()
    icon = tray.geometry()
    screen = app.primaryScreen().geometry()
    report("icon", icon)
    report("screen", app.primaryScreen().availableGeometry())

    tray.menu.popup(QPoint(icon.left(), icon.bottom() + 4))
    settle(tray.menu.isVisible, "the menu")
    pause_a_moment()
    menu = tray.menu.geometry()
    box = menu.united(icon).adjusted(-24, -4, 24, 24)
    box.setTop(0)
    box.setRight(screen.right())
    grab(box, out / name("tray-menu", lang))
    tray.menu.hide()

    from socialtime.insights.nudges import _text

    text = _text("all_100").format(budget="30 min")
    tray.notify(_text("budget_title"), text)
    popup = tray.notifier.popup
    assert popup is not None
    settle(popup.isVisible, "the nudge")
    pause_a_moment()
    report("nudge", popup.frameGeometry())
    box = popup.frameGeometry().united(icon).adjusted(-24, -4, 24, 24)
    box.setTop(0)
    box.setRight(screen.right())
    grab(box, out / name("nudge", lang))
    popup.close()

    from socialtime.insights.first_run import icon_place

    centre = icon.center()
    place = icon_place(centre.x(), centre.y(), screen.width(), screen.height())
    guide = FirstRunGuide(config.__class__(), nothing, nothing, place=place)
    guide.show()
    settle(guide.isVisible, "the guide")
    pause_a_moment()
    grab(guide.frameGeometry().adjusted(-2, -2, 2, 2), out / name("first-run", lang))
    guide.close()
    tray.hide()
    if lang == "en":
        icon_sheet(out / "tray-icons.png")
    return 0


def icon_sheet(path: Path) -> None:
    """Every state's icon at 16, 22, 24, 32 and 48 px, on a light and on a dark panel."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from socialtime.insights.tray_status import Icon
    from socialtime.ui.icons import render

    sizes, pad = (16, 22, 24, 32, 48), 10
    cell = 48 + pad
    label_width = 110
    width = label_width + 2 * len(sizes) * cell + pad
    image = QImage(width, len(Icon) * cell + pad, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    half = label_width + len(sizes) * cell
    painter.fillRect(QRect(label_width, 0, len(sizes) * cell, image.height()), QColor("#f0f0f0"))
    painter.fillRect(QRect(half, 0, width - half, image.height()), QColor("#202020"))
    for row, state in enumerate(Icon):
        y = pad + row * cell
        painter.setPen(QColor("#000000"))
        painter.drawText(QRect(4, y, label_width - 8, 48), Qt.AlignmentFlag.AlignVCenter,
                         state.value)  # fmt: skip
        for column, size in enumerate(sizes):
            for base in (label_width, half):
                x = base + pad // 2 + column * cell + (48 - size) // 2
                painter.drawImage(x, y + (48 - size) // 2, render(state, size))
    painter.end()
    image.save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "screenshots")
    parser.add_argument("--child", metavar="LANG", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.out)
    return parent(args.out)


if __name__ == "__main__":
    sys.exit(main())
