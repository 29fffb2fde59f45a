"""The tray, offscreen: its figure readable, only the actions that apply, one icon per state
distinct by shape and colour at every size, and nudges shown where a person sees them."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from dbusbus import FakeService, PrivateBus
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from socialtime.insights.nudges import SNOOZED_META
from socialtime.insights.tray_status import Icon
from socialtime.ui import icons, notifications
from socialtime.ui.app import TrayApp
from socialtime.ui.notifications import Notifier, popup_position

pytestmark = pytest.mark.usefixtures("paris")

GOALS = "[goals]\ndaily_minutes = 2\n[nudges]\nreflection = false\n"
# The five states the issue names, which must each be told apart by shape and by colour.
STATES = (Icon.RECORDING, Icon.PAUSED, Icon.OUTSIDE_HOURS, Icon.NO_CONSENT, Icon.GOAL_EXCEEDED)


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_wcag_formula_gives_the_known_ratios() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    # What the issue saw: Fusion's disabled grey on its light menu.
    assert contrast(QColor("#bebebe"), QColor("#efefef")) < 2.0


def step(app: TrayApp, times: int = 1, seconds: float = 5) -> None:
    for _ in range(times):
        app.fake_clock.advance(seconds)
        app.tick()


@pytest.fixture
def app(make_app) -> TrayApp:
    app = make_app(f"sample_seconds = 5\n{GOALS}[work_hours]\nmon = \"00:00-24:00\"\n"
                   'tue = "00:00-24:00"\n')  # fmt: skip
    app.start(ask_consent=False)
    app.accept_consent()
    step(app, 3)
    return app


def drawn_colours(menu_palette: QPalette, enabled: bool) -> tuple[QColor, QColor]:
    """The text and background colours a menu item is drawn with (QMenu uses the palette's
    Disabled group for a disabled item)."""
    group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
    return (
        menu_palette.color(group, QPalette.ColorRole.WindowText),
        menu_palette.color(group, QPalette.ColorRole.Window),
    )


def test_the_days_figure_is_an_enabled_item_drawn_readable(app, qtbot) -> None:
    tray = app.tray
    assert tray.headline.text() == "Today: 15 s of your 2 min on social sites"
    for line in (tray.headline, tray.detail):
        assert line.isVisible() and line.isEnabled()
        text, background = drawn_colours(tray.menu.palette(), line.isEnabled())
        assert contrast(text, background) >= 4.5
    assert tray.headline.font().bold()
    with qtbot.waitSignal(tray.headline.triggered):
        tray.headline.trigger()
    assert app.windows["dashboard"].isVisible()  # a click explains the figure


def test_the_tooltip_holds_the_figure_in_readable_colours(app) -> None:
    assert app.tray.toolTip().splitlines() == [
        "socialtime",
        "Today: 15 s of your 2 min on social sites",
        "Recording",
    ]
    palette = QToolTip.palette()
    text = palette.color(QPalette.ColorRole.ToolTipText)
    assert contrast(text, palette.color(QPalette.ColorRole.ToolTipBase)) >= 4.5


def shown(app: TrayApp) -> dict[str, tuple[bool, bool]]:
    """Each action of the menu: (visible, enabled)."""
    tray = app.tray
    actions = {
        "pause": tray.pause_menu.menuAction(),
        "resume": tray.resume_action,
        "snooze": tray.snooze_action,
        "dashboard": tray.dashboard_action,
        "settings": tray.settings_action,
        "notice": tray.notice_action,
        "quit": tray.quit_action,
    }
    result = {name: (a.isVisible(), a.isEnabled()) for name, a in actions.items()}
    result["pause"] = (result["pause"][0], tray.pause_menu.isEnabled())
    return result


ALWAYS = {k: (True, True) for k in ("dashboard", "settings", "notice", "quit")}


def test_while_recording_pause_and_not_today_apply(app) -> None:
    assert app.tray.status.icon is Icon.RECORDING
    assert shown(app) == {
        **ALWAYS,
        "pause": (True, True),
        "resume": (False, False),
        "snooze": (True, True),
    }


def test_while_paused_resume_takes_the_place_of_pause(app) -> None:
    app.pause(30 * 60)
    assert app.tray.status.icon is Icon.PAUSED
    assert shown(app)["pause"] == (False, True) and shown(app)["resume"] == (True, True)
    app.tray.resume_action.trigger()
    assert app.tray.status.icon is Icon.RECORDING
    assert shown(app)["pause"] == (True, True) and shown(app)["resume"] == (False, False)


def test_after_consent_is_withdrawn_pause_and_not_today_are_disabled(app) -> None:
    app.store.withdraw_consent()
    step(app)
    assert app.tray.status.icon is Icon.NO_CONSENT
    assert shown(app) == {
        **ALWAYS,
        "pause": (True, False),
        "resume": (False, False),
        "snooze": (True, False),
    }
    app.accept_consent()  # again
    assert shown(app)["pause"] == (True, True) and shown(app)["snooze"] == (True, True)


def test_a_pause_can_still_be_ended_once_consent_is_withdrawn(app) -> None:
    app.pause(None)
    app.store.withdraw_consent()
    step(app)
    assert shown(app)["resume"] == (True, True) and shown(app)["pause"] == (False, False)


def test_once_snoozed_not_today_is_disabled_and_says_so(app) -> None:
    app.tray.snooze_action.trigger()
    assert app.store.meta()[SNOOZED_META] == "2026-11-24"
    assert shown(app)["snooze"] == (True, False)
    assert app.tray.snooze_action.text() == "No nudges until tomorrow"


def test_without_any_nudge_to_come_not_today_is_hidden(make_app) -> None:
    app = make_app(
        'sample_seconds = 5\n[nudges]\nreflection = false\n[work_hours]\ntue = "00:00-24:00"\n'
    )  # fmt: skip  (no goal: no budget, no focus)
    app.start(ask_consent=False)
    app.accept_consent()
    assert shown(app)["snooze"] == (False, False)
    from dataclasses import replace

    from socialtime.settings import Goals

    app.apply_config(replace(app.config, goals=Goals(weekly_minutes=60)))
    assert shown(app)["snooze"] == (True, True)


def test_outside_the_work_hours_a_pause_still_applies(make_app) -> None:
    app = make_app('sample_seconds = 5\n[work_hours]\nwed = "09:00-17:00"\n')  # Tuesday now
    app.start(ask_consent=False)
    app.accept_consent()
    assert app.tray.status.icon is Icon.OUTSIDE_HOURS
    assert shown(app)["pause"] == (True, True)  # a pause "until tomorrow" reaches into them


def test_when_the_database_cannot_be_used_nothing_can_be_paused(app) -> None:
    app.fail("socialtime.db: broken")
    assert app.tray.status.icon is Icon.ERROR
    assert shown(app)["pause"] == (True, False) and shown(app)["snooze"] == (True, False)


# -- icons ----------------------------------------------------------------------------------


def pixels(image: QImage) -> Iterator[tuple[int, int, QColor]]:
    for y in range(image.height()):
        for x in range(image.width()):
            yield x, y, image.pixelColor(x, y)


def fill_colour(state: Icon, size: int = 32) -> QColor:
    """The colour that fills most of the icon's middle (not the glyph)."""
    image = icons.render(state, size)
    counts: dict[str, int] = {}
    r = size / 2
    for x, y, c in pixels(image):
        if c.alpha() == 255 and (x + 0.5 - r) ** 2 + (y + 0.5 - r) ** 2 < (0.6 * r) ** 2:
            counts[c.name()] = counts.get(c.name(), 0) + 1
    return QColor(max(counts, key=lambda k: counts[k]))


def shape(state: Icon, size: int) -> list[bool]:
    """The icon's silhouette and glyph: opaque or not, and where it differs from its fill."""
    image, fill = icons.render(state, size), fill_colour(state)
    out = []
    for _x, _y, c in pixels(image):
        far = (
            abs(c.red() - fill.red()) + abs(c.green() - fill.green()) + abs(c.blue() - fill.blue())
        )
        out += [c.alpha() > 128, c.alpha() > 128 and far > 200]
    return out


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("size", [16, 22, 24, 32, 48])
def test_each_icon_is_drawn_at_each_panel_size(size) -> None:
    for state in Icon:
        pixmap = icons.icon(state).pixmap(QSize(size, size))
        assert (pixmap.width(), pixmap.height()) == (size, size)
        image = icons.render(state, size)
        # Crisp: drawn at that size, not a bitmap scaled: the glyph has full-strength pixels.
        assert sum(1 for _x, _y, c in pixels(image) if c.alpha() == 255) > size * size // 2


@pytest.mark.usefixtures("qapp")
def test_the_states_differ_by_colour() -> None:
    for a, b in itertools.combinations(STATES, 2):
        ca, cb = fill_colour(a), fill_colour(b)
        distance = (
            abs(ca.red() - cb.red()) + abs(ca.green() - cb.green()) + abs(ca.blue() - cb.blue())
        )
        assert distance >= 90, (a, b, ca.name(), cb.name())  # eyes that miss a hue: shape


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("size", [16, 32])
def test_the_states_differ_by_shape(size) -> None:
    for a, b in itertools.combinations(STATES, 2):
        differ = sum(x != y for x, y in zip(shape(a, size), shape(b, size), strict=True))
        assert differ >= size // 2, (a, b, differ)


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("panel", ["#000000", "#2b2b2b", "#f2f2f2", "#ffffff", "#3c6eb4"])
def test_every_icon_has_an_edge_that_stands_out_on_dark_and_light_panels(panel) -> None:
    """Along the four middle lines, coming in from the panel, the first 3 px of the icon hold
    a pixel at 3:1 or more against the panel (WCAG's ratio for graphics), at 16 px."""
    size, background = 16, QColor(panel)
    for state in Icon:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(background)
        painter = QPainter(image)
        painter.drawImage(0, 0, icons.render(state, size))
        painter.end()
        mid = size // 2
        for line in (
            [(x, mid) for x in range(size)],
            [(x, mid) for x in reversed(range(size))],
            [(mid, y) for y in range(size)],
            [(mid, y) for y in reversed(range(size))],
        ):
            edge = [image.pixelColor(x, y) for x, y in line[:3]]
            best = max(contrast(c, background) for c in edge)
            assert best >= 3.0, (state, panel, [c.name() for c in edge], best)


# -- notifications --------------------------------------------------------------------------


SCREEN = QRect(0, 0, 1280, 800)


@pytest.mark.parametrize(
    ("icon", "where"),
    [
        (QRect(1200, 2, 22, 22), "below"),  # a panel at the top, tray on the right
        (QRect(1200, 776, 22, 22), "above"),  # a panel at the bottom
        (QRect(40, 776, 22, 22), "above"),  # bottom left
        (QRect(1256, 400, 22, 22), "left"),  # a vertical panel on the right
    ],
)
def test_the_popup_goes_next_to_the_icon(icon, where) -> None:
    size = QSize(340, 120)
    at = popup_position(icon, size, SCREEN)
    box = QRect(at, size)
    assert SCREEN.contains(box)
    assert not box.intersects(icon)
    gap = {
        "below": box.top() - icon.bottom(),
        "above": icon.top() - box.bottom(),
        "left": icon.left() - box.right(),
    }[where]
    assert 0 < gap <= 10
    if where != "left":  # centred on the icon, as far as the screen allows
        centred = icon.center().x() - size.width() // 2
        assert box.left() == max(SCREEN.left(), min(centred, SCREEN.right() - size.width() + 1))


def test_without_an_icon_geometry_the_popup_is_not_in_a_corner() -> None:
    size = QSize(340, 120)
    box = QRect(popup_position(QRect(), size, SCREEN), size)
    corners = [SCREEN.topLeft(), SCREEN.topRight(), SCREEN.bottomLeft(), SCREEN.bottomRight()]
    assert all((box.center() - c).manhattanLength() > 400 for c in corners)
    assert SCREEN.contains(box)


def test_without_a_daemon_a_nudge_pops_up_next_to_the_icon(app, qtbot) -> None:
    """The real nudge path: the tray's notifier without a notification service, its icon
    said to be at the top right (an offscreen tray has no geometry of its own)."""
    area = QGuiApplication.primaryScreen().availableGeometry()
    icon = QRect(area.right() - 80, area.top(), 24, 24)
    app.tray.notifier.anchor = lambda: icon
    step(app, 17)  # 100 s of Facebook: past 80 % of the 2 min budget
    popup = app.tray.notifier.popup
    assert popup is not None and popup.isVisible()
    assert "You have spent 1 min of your 2 min on social sites today." in popup.text.text()
    assert popup.snooze_button.text() == "Snooze for today"
    screen = popup.screen().availableGeometry()
    box = popup.frameGeometry()
    assert box.top() - icon.bottom() in range(1, 11) and screen.contains(box)
    assert abs(box.center().x() - icon.center().x()) < box.width()
    assert box.topLeft() != screen.topLeft() and box.topLeft() != QPoint(0, 0)
    popup.snooze_button.click()  # the snooze it names
    assert app.store.meta()[SNOOZED_META] == "2026-11-24"
    assert not popup.isVisible()
    assert app.tray.snooze_action.text() == "No nudges until tomorrow"


# -- the desktop's notification service, faked on a private bus --------------------------


class FakeNotifications:
    """org.freedesktop.Notifications on a private bus: answers GetCapabilities and Notify
    (ids from 7 on) and can press an action, as a daemon does when the user clicks it."""

    def __init__(self, bus: PrivateBus, capabilities: tuple[str, ...] = ("actions", "body")):
        self.ids = itertools.count(7)
        path, iface = notifications.PATH, notifications.NAME
        self.service = FakeService(
            bus.address,
            notifications.NAME,
            {
                (path, iface, "GetCapabilities"): lambda _body: ("as", (list(capabilities),)),
                (path, iface, "Notify"): lambda _body: ("u", (next(self.ids),)),
            },
        )

    def notify_calls(self) -> list[tuple[Any, ...]]:
        return [body for _p, _i, member, body in self.service.calls if member == "Notify"]

    def press(self, notification: int, action: str) -> None:
        self.service.emit(
            notifications.PATH, notifications.NAME, "ActionInvoked", "us", (notification, action)
        )


@pytest.fixture
def bus() -> Iterator[PrivateBus]:
    with PrivateBus.start() as private:
        yield private


def test_with_a_notification_service_the_nudge_is_a_notify_call_with_the_snooze_action(
    bus, qtbot, app
) -> None:
    daemon = FakeNotifications(bus)
    notifier = Notifier(app.tray, bus=bus.address, anchor=lambda: QRect(0, 0, 1, 1))
    try:
        assert notifier.service is not None
        qtbot.waitUntil(lambda: notifier.service.ready.is_set(), timeout=10_000)
        assert notifier.service.owned and notifier.service.actions
        assert notifier.show("Social time today", "You have spent 24 min of your 30 min.") == (
            "service"
        )
        qtbot.waitUntil(lambda: daemon.notify_calls() != [], timeout=10_000)
        (call,) = daemon.notify_calls()
        app_name, replaces, _icon, title, text, actions, _hints, timeout = call
        assert (app_name, replaces, title) == ("socialtime", 0, "Social time today")
        assert text == "You have spent 24 min of your 30 min."
        assert actions == ["snooze", "Snooze for today"]
        assert timeout == notifications.SHOW_MS
        assert notifier.popup is None  # nothing drawn by socialtime itself
        qtbot.waitUntil(lambda: 7 in notifier.service._ids, timeout=10_000)
        snoozed: list[bool] = []
        notifier.snooze_requested.connect(lambda: snoozed.append(True))
        daemon.press(99, "snooze")  # another program's notification: not ours
        daemon.press(7, "default")  # a click on the bubble itself: not the snooze
        daemon.press(7, "snooze")
        qtbot.waitUntil(lambda: snoozed != [], timeout=10_000)
        QApplication.processEvents()  # the signals arrive in order: the first two are done
        assert snoozed == [True]
    finally:
        notifier.close()
        daemon.service.close()


def test_a_service_without_action_buttons_gets_the_snooze_in_words(bus, qtbot, app) -> None:
    daemon = FakeNotifications(bus, capabilities=("body",))
    notifier = Notifier(app.tray, bus=bus.address)
    try:
        qtbot.waitUntil(lambda: notifier.service.ready.is_set(), timeout=10_000)
        assert notifier.show("Focus time", "Focus time until 11:00.") == "service"
        qtbot.waitUntil(lambda: daemon.notify_calls() != [], timeout=10_000)
        (call,) = daemon.notify_calls()
        assert call[5] == []
        assert call[4] == "Focus time until 11:00.\nTo snooze: “Not today” in the socialtime menu."
    finally:
        notifier.close()
        daemon.service.close()


def test_a_bus_where_no_one_owns_the_name_falls_back_to_the_popup(bus, qtbot, app) -> None:
    notifier = Notifier(app.tray, bus=bus.address, anchor=lambda: QRect(600, 0, 24, 24))
    try:
        qtbot.waitUntil(lambda: notifier.service.ready.is_set(), timeout=10_000)
        assert not notifier.service.owned
        assert notifier.show("Social time today", "…") == "popup"
        assert notifier.popup is not None and notifier.popup.isVisible()
        # A daemon that starts later is used from then on (NameOwnerChanged).
        daemon = FakeNotifications(bus)
        qtbot.waitUntil(lambda: notifier.service.owned, timeout=10_000)
        assert notifier.show("Social time today", "…") == "service"
        daemon.service.close()
    finally:
        notifier.close()
