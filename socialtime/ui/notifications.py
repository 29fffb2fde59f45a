"""How a nudge reaches the user: the desktop's notification service, else a small popup next
to the tray icon; each one names how to snooze it (promise 7: gentle, easy to back out of).

On Linux the desktop's service is ``org.freedesktop.Notifications`` on the session bus, used
when that name has an owner (a notification daemon runs): the nudge is a ``Notify`` call with
a "Snooze for today" action, and the daemon's ``ActionInvoked`` for it snoozes. Without one,
QSystemTrayIcon.showMessage would draw Qt's own balloon, which on X11 opens in a corner of the
screen when Qt cannot place it; so socialtime draws a small popup itself, next to the tray
icon's geometry (QSystemTrayIcon.geometry()), with the snooze button in it. On Windows and
macOS, showMessage is the system's own notification and is used as it is.

Why jeepney (socialtime.probes.dbusio) and not QtDBus: ``Notify`` takes an unsigned integer
(``replaces_id``) and a typed dictionary of hints, and PySide6 cannot give a Python int the
D-Bus type ``u``; jeepney takes the signature as written in the specification. The bus is
read on one thread that blocks in receive() (no polling); the Notify calls are sent from the
Qt thread and never wait for their answer, so a daemon that hangs never freezes the tray.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
)

from socialtime.probes import dbusio

log = logging.getLogger("socialtime")

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
SNOOZE = "snooze"  # the action's key in Notify and ActionInvoked
SHOW_MS = 10_000  # how long the popup (and a daemon's bubble) stays
GAP = 6  # pixels between the tray icon and the popup


def popup_position(icon: QRect, size: QSize, screen: QRect) -> QPoint:
    """Where a popup of ``size`` goes next to the tray ``icon`` on ``screen`` (its available
    geometry): below an icon in the top half of the screen, above one in the bottom half
    (beside it on a vertical panel), centred on the icon and kept inside the screen. Without
    an icon geometry (the tray host says nothing), centred at the bottom of the screen, above
    where a panel would be: never in a corner."""
    w, h = size.width(), size.height()
    if not icon.isValid() or icon.isEmpty():
        x = screen.left() + (screen.width() - w) // 2
        return QPoint(x, screen.bottom() - h - 48)
    centre = icon.center()
    vertical_panel = icon.left() <= screen.left() + 2 * icon.width() or (
        icon.right() >= screen.right() - 2 * icon.width()
    )
    top_or_bottom = centre.y() <= screen.top() + 2 * icon.height() or (
        centre.y() >= screen.bottom() - 2 * icon.height()
    )
    if vertical_panel and not top_or_bottom:
        x = icon.right() + GAP if centre.x() < screen.center().x() else icon.left() - GAP - w
        y = centre.y() - h // 2
    else:
        x = centre.x() - w // 2
        y = icon.bottom() + GAP if centre.y() < screen.center().y() else icon.top() - GAP - h
    x = max(screen.left(), min(x, screen.right() - w + 1))
    y = max(screen.top(), min(y, screen.bottom() - h + 1))
    return QPoint(x, y)


class NudgePopup(QFrame):
    """The nudge drawn by socialtime when the desktop has no notification service: its title,
    its text, "Snooze for today" and "Close". It takes no focus and closes by itself."""

    def __init__(self, title: str, text: str, on_snooze: Callable[[], None]) -> None:
        flags = (
            Qt.WindowType.ToolTip
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        super().__init__(None, flags)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.title = QLabel(f"<b>{_escape(title)}</b>")
        self.text = QLabel(_escape(text))
        self.text.setWordWrap(True)
        self.snooze_button = QPushButton(self.tr("Snooze for today"))
        self.snooze_button.setToolTip(self.tr("No goal notifications until tomorrow"))
        self.close_button = QPushButton(self.tr("Close"))
        self.snooze_button.clicked.connect(on_snooze)
        self.snooze_button.clicked.connect(self.close)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.setFixedWidth(340)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.close)

    def show_near(self, icon: QRect) -> None:
        self.adjustSize()
        screen = QGuiApplication.screenAt(icon.center()) if icon.isValid() else None
        screen = screen or QGuiApplication.primaryScreen()
        self.move(popup_position(icon, self.size(), screen.availableGeometry()))
        self.show()
        self.timer.start(SHOW_MS)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Service:
    """The session bus seen from one thread: whether the notification service has an owner
    and what it can do, the ids of our notifications, and its ActionInvoked signals."""

    def __init__(self, bus: str, on_snooze: Callable[[], None]) -> None:
        self.bus, self.on_snooze = bus, on_snooze
        self.conn: Any = None
        self.owned = False  # the name has an owner now
        self.actions = False  # the service shows action buttons ("actions" capability)
        self.ready = threading.Event()  # the first look is done
        self._serials: dict[int, None] = {}  # Notify calls waiting for their id
        self._ids: set[int] = set()  # our notifications' ids
        self._lock = threading.Lock()
        self._serial = itertools.count(1)
        self._thread = threading.Thread(target=self._run, name="notifications", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.conn = dbusio.connect(self.bus)
            for member, arg0 in (("ActionInvoked", None), ("NameOwnerChanged", NAME)):
                interface = NAME if member == "ActionInvoked" else "org.freedesktop.DBus"
                dbusio.add_match(self.conn, arg0, interface=interface, member=member)
            self._look()
        except dbusio.BusError as e:
            log.debug("no notification service: %s", e)
            self.ready.set()
            return
        self.ready.set()
        while True:
            try:
                msg = self.conn.receive()
            except Exception:  # closed (stop) or broken: the popup takes over
                self.owned = False
                return
            self._on_message(msg)

    def _look(self) -> None:
        """Whether the name has an owner, and whether it shows actions."""
        (owned,) = dbusio.call(
            self.conn,
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "NameHasOwner",
            "s",
            (NAME,),
        )
        self.owned = bool(owned)
        if self.owned:
            try:
                (caps,) = dbusio.call(self.conn, NAME, PATH, NAME, "GetCapabilities")
                self.actions = "actions" in caps
            except dbusio.BusError:
                self.actions = False

    def _on_message(self, msg: Any) -> None:
        from jeepney import HeaderFields

        kind, _path, interface, member = dbusio.header(msg)
        if kind == "method_return":
            serial = msg.header.fields.get(HeaderFields.reply_serial)
            with self._lock:
                if serial in self._serials and msg.body:
                    del self._serials[serial]
                    self._ids.add(int(msg.body[0]))
        elif member == "ActionInvoked" and interface == NAME and len(msg.body) >= 2:
            with self._lock:
                ours = int(msg.body[0]) in self._ids
            if ours and msg.body[1] == SNOOZE:
                self.on_snooze()
        elif member == "NameOwnerChanged" and msg.body and msg.body[0] == NAME:
            try:
                self._look()  # a daemon started or stopped: what can the new one do?
            except dbusio.BusError:
                self.owned = False

    def notify(self, title: str, text: str, snooze_label: str) -> bool:
        """Send ``Notify``; False when there is no service to send it to."""
        if not self.owned or self.conn is None:
            return False
        from jeepney import DBusAddress, new_method_call

        actions = [SNOOZE, snooze_label] if self.actions else []
        body: tuple[Any, ...] = ("socialtime", 0, "", title, text, actions, {}, SHOW_MS)
        msg = new_method_call(DBusAddress(PATH, NAME, NAME), "Notify", "susssasa{sv}i", body)
        try:
            with self._lock:
                serial = next(self._serial) + 1_000_000  # apart from the reading side's
                self._serials[serial] = None
                self.conn.send(msg, serial=serial)
        except OSError:
            return False
        return True

    def close(self) -> None:
        if self.conn is not None:
            dbusio.close_quietly(self.conn)
        self._thread.join(2)


class Notifier(QObject):
    """Shows nudges (``show``) and tells when one asked to be snoozed (``snooze_requested``,
    on the Qt thread). ``bus``: the D-Bus address to look for the service on (tests give a
    private one), None for none at all; ``anchor``: where the tray icon is (its geometry)."""

    snooze_requested = Signal()

    def __init__(
        self,
        tray: QSystemTrayIcon,
        bus: str | None = dbusio.SESSION,
        anchor: Callable[[], QRect] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tray = tray
        self.anchor = anchor or tray.geometry
        self.popup: NudgePopup | None = None
        self.service: _Service | None = None
        if bus is not None and sys.platform.startswith("linux"):
            self.service = _Service(bus, self.snooze_requested.emit)

    def show(self, title: str, text: str) -> str:
        """Show one nudge; returns how: "service", "popup" or "tray"."""
        hint = self.tr("To snooze: “Not today” in the socialtime menu.")
        label = self.tr("Snooze for today")
        if self.service is not None and self.service.notify(
            title, text if self.service.actions else f"{text}\n{hint}", label
        ):
            return "service"
        if not sys.platform.startswith("linux"):
            info = QSystemTrayIcon.MessageIcon.Information
            self.tray.showMessage(title, f"{text}\n{hint}", info, SHOW_MS)
            return "tray"
        if self.popup is not None:
            self.popup.close()
            self.popup.deleteLater()
        self.popup = NudgePopup(title, text, self.snooze_requested.emit)
        self.popup.show_near(self.anchor())
        return "popup"

    def close(self) -> None:
        if self.service is not None:
            self.service.close()
            self.service = None
        if self.popup is not None:
            self.popup.close()
