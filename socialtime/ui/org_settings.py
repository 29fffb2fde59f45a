"""The organisation's policy as the user sees it: a page that lists it, and the padlocks.

Why a page of its own, like Firefox's about:policies: a person whose settings are partly chosen
by someone else must be able to read every rule, where it comes from and what it changed, and
also what was *refused*. A policy that tries to consent for the user or switch recording on is
ignored (socialtime.settings.policy), and showing that refusal, with its reason, is what lets
the user trust that it had no effect. Errors are listed too: an entry left out is no secret either.

The mark beside a locked setting (``OrgBadge``) is a padlock drawn here and the words "Set by
your organisation"; its tooltip names the source, so that a user knows whom to ask.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from socialtime.base.i18n import QT_TRANSLATE_NOOP
from socialtime.settings import MANDATORY, RECOMMENDED, CustomSite, Policy

_KEY_NAMES = {
    "work_hours.mon": QT_TRANSLATE_NOOP("OrganisationSettings", "Work hours on Monday"),
    "work_hours.tue": QT_TRANSLATE_NOOP("OrganisationSettings", "Work hours on Tuesday"),
    "work_hours.wed": QT_TRANSLATE_NOOP("OrganisationSettings", "Work hours on Wednesday"),
    "work_hours.thu": QT_TRANSLATE_NOOP("OrganisationSettings", "Work hours on Thursday"),
    "work_hours.fri": QT_TRANSLATE_NOOP("OrganisationSettings", "Work hours on Friday"),
    "work_hours.sat": QT_TRANSLATE_NOOP("OrganisationSettings", "Work hours on Saturday"),
    "work_hours.sun": QT_TRANSLATE_NOOP("OrganisationSettings", "Work hours on Sunday"),
    "sites.disabled": QT_TRANSLATE_NOOP("OrganisationSettings", "Sites not counted as social"),
    "sites.custom": QT_TRANSLATE_NOOP("OrganisationSettings", "Sites added to the list"),
    "team.goal_file": QT_TRANSLATE_NOOP("OrganisationSettings", "Team goal offered"),
    "team.summaries_allowed": QT_TRANSLATE_NOOP(
        "OrganisationSettings", "Weekly team summaries allowed"
    ),
    "invite_at_login": QT_TRANSLATE_NOOP(
        "OrganisationSettings", "Invitation to use socialtime at login"
    ),
}
_MAX_VALUE = 120  # characters of an ignored value shown (it may be anything a file holds)


# -- plain words ----------------------------------------------------------------------------


def key_name(key: str) -> str:
    """An organisation setting in plain words; a key no policy may set stays as written."""
    name = _KEY_NAMES.get(key)
    return QCoreApplication.translate("OrganisationSettings", name) if name else key


def value_text(key: str, value: object) -> str:
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("OrganisationSettings", "Yes")
            if value
            else QCoreApplication.translate("OrganisationSettings", "No")
        )
    if isinstance(value, str):
        if key.startswith("work_hours.") and not value.strip():
            return QCoreApplication.translate("OrganisationSettings", "Day off")
        return value
    if isinstance(value, (tuple, list)):
        if not value:
            return QCoreApplication.translate("OrganisationSettings", "None")
        items = [f"{v.name} ({v.id})" if isinstance(v, CustomSite) else str(v) for v in value]
        return ", ".join(items)
    text = repr(value)
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


def level_text(level: str) -> str:
    if level == MANDATORY:
        return QCoreApplication.translate("OrganisationSettings", "Mandatory")
    if level == RECOMMENDED:
        return QCoreApplication.translate("OrganisationSettings", "Recommended")
    return QCoreApplication.translate("OrganisationSettings", "No level")


def level_tip(level: str) -> str:
    if level == MANDATORY:
        return QCoreApplication.translate(
            "OrganisationSettings",
            "Mandatory: it wins over your own setting, which you cannot change here.",
        )
    if level == RECOMMENDED:
        return QCoreApplication.translate(
            "OrganisationSettings",
            "Recommended: it replaces the default only; your own setting wins.",
        )
    return QCoreApplication.translate(
        "OrganisationSettings", "Outside [mandatory] and [recommended]: it has no effect."
    )


def locked_tip(source: str) -> str:
    return QCoreApplication.translate(
        "OrganisationSettings", "Set by your organisation ({source}). You cannot change it here."
    ).format(source=source)


# -- the mark -------------------------------------------------------------------------------


def padlock(color: QColor, size: int = 16) -> QPixmap:
    """A small padlock in ``color``, drawn rather than shipped: it follows the theme."""
    ratio = 2.0  # sharp on high-density screens; Qt scales it down elsewhere
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    painter.setPen(QPen(color, s * 0.11))
    shackle = QPainterPath(QPointF(s * 0.32, s * 0.48))
    shackle.lineTo(s * 0.32, s * 0.32)
    shackle.arcTo(QRectF(s * 0.32, s * 0.1, s * 0.36, s * 0.42), 180, -180)
    shackle.lineTo(s * 0.68, s * 0.48)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(s * 0.18, s * 0.46, s * 0.64, s * 0.46), s * 0.08, s * 0.08)
    painter.end()
    return pixmap


def org_icon(widget: QWidget | None = None) -> QIcon:
    """The padlock in the text colour of ``widget`` (of the application without one)."""
    palette = widget.palette() if widget is not None else QPalette()
    return QIcon(padlock(palette.color(QPalette.ColorRole.WindowText)))


class OrgBadge(QWidget):
    """The padlock and "Set by your organisation" (or ``text``); the tooltip (by default
    ``locked_tip``) names the source."""

    def __init__(
        self, source: str, text: str = "", tip: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.icon.setPixmap(padlock(self.palette().color(QPalette.ColorRole.WindowText)))
        self.label = QLabel(
            text or QCoreApplication.translate("OrganisationSettings", "Set by your organisation")
        )
        self.label.setWordWrap(bool(text))  # the short default sits on one line, beside a field
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.setToolTip(tip or locked_tip(source))
        self.setAccessibleName(self.label.text())


# -- the page -------------------------------------------------------------------------------


def _cell(text: str, bold: bool = False, tip: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a policy's text is never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    if tip:
        label.setToolTip(tip)
    return label


class OrganisationSettingsWindow(QDialog):
    """Every source read, every setting in force, what was ignored and why, and the errors.

    ``rows`` keeps the texts of each section (for tests and for copying): "sources",
    "entries", "ignored" and "errors", each a list of rows of cell texts."""

    def __init__(self, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.setWindowTitle(
            QCoreApplication.translate("OrganisationSettings", "socialtime — Organisation settings")
        )
        self.rows: dict[str, list[list[str]]] = {}
        intro = _cell(
            QCoreApplication.translate(
                "OrganisationSettings",
                "Your organisation may set your work hours, which sites count as social, a "
                "team goal, whether weekly team summaries may be written, and an invitation "
                "at login.",
            )
        )
        promise = _cell(
            QCoreApplication.translate(
                "OrganisationSettings",
                "A policy can never consent for you, switch recording on or read your data: "
                "nothing is recorded until you accept the notice, and what is recorded stays "
                "on this computer, for you alone.",
            ),
            bold=True,
        )
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(promise)
        self.sources_box = self._section(
            "sources",
            QCoreApplication.translate("OrganisationSettings", "Where these settings come from"),
            [],
            [[source] for source in policy.sources],
            QCoreApplication.translate(
                "OrganisationSettings", "No organisation policy was found on this computer."
            ),
        )
        self.entries_box = self._section(
            "entries",
            QCoreApplication.translate("OrganisationSettings", "Settings in force"),
            [
                QCoreApplication.translate("OrganisationSettings", "Setting"),
                QCoreApplication.translate("OrganisationSettings", "Value"),
                QCoreApplication.translate("OrganisationSettings", "Level"),
                QCoreApplication.translate("OrganisationSettings", "Source"),
            ],
            [
                [key_name(e.key), value_text(e.key, e.value), level_text(e.level), e.source]
                for e in policy.entries
            ],
            QCoreApplication.translate("OrganisationSettings", "The policy sets nothing."),
            tips=[[e.key, "", level_tip(e.level), ""] for e in policy.entries],
        )
        self.ignored_box = self._section(
            "ignored",
            QCoreApplication.translate("OrganisationSettings", "Ignored: these had no effect"),
            [
                QCoreApplication.translate("OrganisationSettings", "Setting"),
                QCoreApplication.translate("OrganisationSettings", "Value"),
                QCoreApplication.translate("OrganisationSettings", "Level"),
                QCoreApplication.translate("OrganisationSettings", "Source"),
                QCoreApplication.translate("OrganisationSettings", "Why"),
            ],
            [
                [i.key, value_text(i.key, i.value), level_text(i.level), i.source, i.reason]
                for i in policy.ignored
            ],
        )
        self.errors_box = self._section(
            "errors",
            QCoreApplication.translate(
                "OrganisationSettings", "Errors: these entries were left out"
            ),
            [],
            [[str(error)] for error in policy.errors],
        )
        for box in (self.sources_box, self.entries_box, self.ignored_box, self.errors_box):
            layout.addWidget(box)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(buttons)
        self.resize(720, 560)

    def _section(
        self,
        name: str,
        title: str,
        headers: Sequence[str],
        rows: list[list[str]],
        empty: str = "",
        tips: Sequence[Sequence[str]] = (),
    ) -> QGroupBox:
        """A titled grid of ``rows`` under ``headers``; hidden when empty and ``empty`` is ""."""
        self.rows[name] = rows
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(16)
        headers = headers if rows else ()
        for column, header in enumerate(headers):
            grid.addWidget(_cell(header, bold=True), 0, column)
        first = 1 if headers else 0
        for r, row in enumerate(rows):
            for column, text in enumerate(row):
                tip = tips[r][column] if r < len(tips) else ""
                grid.addWidget(_cell(text, tip=tip), first + r, column)
        if not rows:
            grid.addWidget(_cell(empty), 0, 0)
        for column in range(len(headers)):  # values, sources and reasons take the room
            grid.setColumnStretch(column, 0 if column in (0, 2) and len(headers) > 2 else 1)
        box.setVisible(bool(rows or empty))
        return box
