"""A native Wayland window for the KWin end-to-end tests (kwin_session.py), run by the desktop
user: PySide6 on Qt's wayland platform, with a chosen app id and title.

    QT_QPA_PLATFORM=wayland python kwin_window.py APP_ID TITLE_FILE

The app id is Qt's desktop file name (xdg_toplevel.set_app_id), which KWin shows as the
window's resourceClass. The title is the text of TITLE_FILE; the window takes the file's new
text as its title whenever it changes (a browser renaming its window when the tab changes).
Why not foot, as on sway: foot 1.13 dies (SIGFPE) on KWin 5.27's virtual output, whose
physical size is -1 x -1 mm.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QRasterWindow

FOLLOW_MS = 50


def main() -> int:
    app_id, title_file = sys.argv[1], Path(sys.argv[2])
    QGuiApplication.setDesktopFileName(app_id)
    app = QGuiApplication([sys.argv[0]])
    window = QRasterWindow()
    window.setTitle(title_file.read_text(encoding="utf-8"))
    window.resize(640, 400)
    window.show()

    def follow() -> None:
        title = title_file.read_text(encoding="utf-8")
        if title and title != window.title():
            window.setTitle(title)

    timer = QTimer()
    timer.timeout.connect(follow)
    timer.start(FOLLOW_MS)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
