"""The login invitation's window: the privacy notice, offered by the organisation.

``socialtime --invite`` (an entry IT installed for every user) calls ``run_invite`` when
socialtime.login.invite.decide() says "ask". The user reads the same notice as on a first start,
framed as what it is, an offer, and answers it:

- **Accept**: consent is recorded *by the user's click*, the user's own start-at-login entry is
  written (socialtime.login.invite.accept), and the tray starts as usual;
- **Not now**: nothing is written at all; the next login asks again. Closing the window or
  pressing Escape means this too: a refusal for good must be a deliberate click;
- **No thanks**: a small marker remembers it (no database is created) and the user is never
  asked again.

Without a display it says so on stderr and exits 1, like the tray.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from socialtime.base.i18n import translate
from socialtime.login import invite
from socialtime.login.autostart import Autostart
from socialtime.recording.store import StoreError
from socialtime.settings import load_config
from socialtime.ui import translations
from socialtime.ui.consent_dialog import ConsentDialog

__all__ = ["ACCEPT", "DECLINE", "LATER", "InviteDialog", "run_invite"]

ACCEPT, LATER, DECLINE = "accept", "later", "decline"
_DECLINED = 2  # the dialog's result code for "No thanks" (Accepted is 1, Rejected 0)


class InviteDialog(ConsentDialog):
    """The notice with Accept, Not now and No thanks; ``choice()`` tells which, once closed."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(data_dir, parent)
        self.setWindowTitle(
            QCoreApplication.translate(
                "InviteDialog", "socialtime — an invitation from your organisation"
            )
        )
        self.intro.setText(
            QCoreApplication.translate(
                "InviteDialog",
                "<b>Your organisation offers socialtime</b>, which shows you, and only you, "
                "how much of your work time goes to social sites. Nothing is recorded unless "
                "you accept. Please read what it does.",
            )
        )
        self.accept_button.setText(QCoreApplication.translate("InviteDialog", "Accept"))
        self.later_button.setText(QCoreApplication.translate("InviteDialog", "Not now"))
        self.later_button.setToolTip(
            QCoreApplication.translate(
                "InviteDialog", "Nothing is recorded; you will be asked at next login."
            )
        )
        self.decline_button = self.buttons.addButton(
            QCoreApplication.translate("InviteDialog", "No thanks"),
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        self.decline_button.setToolTip(
            QCoreApplication.translate(
                "InviteDialog", "Nothing is recorded and you will not be asked again."
            )
        )
        self.decline_button.clicked.connect(lambda: self.done(_DECLINED))
        self.answers = QLabel(
            QCoreApplication.translate(
                "InviteDialog",
                "“Not now” asks again at your next login. If you decline with “No thanks”, "
                "you will not be asked again; you can still start socialtime yourself.",
            )
        )
        self.answers.setWordWrap(True)
        layout = self.layout()
        if isinstance(layout, QBoxLayout):  # ConsentDialog's: above its buttons
            layout.insertWidget(layout.indexOf(self.buttons), self.answers)
        self.later_button.setDefault(True)  # a stray Enter key must neither consent nor refuse
        self.later_button.setFocus()

    def choice(self) -> str:
        code = self.result()
        if code == self.DialogCode.Accepted:
            return ACCEPT
        return DECLINE if code == _DECLINED else LATER


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _warn(text: str) -> None:
    """After the user accepted: something they should know, that does not undo the consent."""
    QMessageBox.warning(
        None, QCoreApplication.translate("InviteDialog", "socialtime — start at login"), text
    )


def run_invite(data_dir: Path, config_path: Path, *, autostart: Autostart | None = None) -> int:
    """Show the invitation and act on the answer; the exit status of the process.

    ``autostart`` is the user's start-at-login entry (``Autostart()`` by default; tests pass
    one under a temporary home). Accepting goes on to socialtime.ui.app.run."""
    from socialtime.ui import app as tray

    if not tray._has_display(os.environ):
        _say(  # before Qt's translators exist: the core's translate (cli set the language)
            translate(
                "InviteDialog",
                "socialtime: there is no display to show the invitation on (DISPLAY and "
                "WAYLAND_DISPLAY are not set). Nothing was recorded; you will be asked at "
                "your next login.",
            )
        )
        return 1
    qt = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt, QApplication)
    qt.setApplicationName("socialtime")
    translations.install(load_config(config_path).config.language)
    dialog = InviteDialog(data_dir)
    dialog.exec()
    choice = dialog.choice()
    dialog.deleteLater()
    if choice == LATER:
        return 0
    if choice == DECLINE:
        try:
            invite.record_declined(data_dir)
        except OSError as e:
            text = QCoreApplication.translate(
                "InviteDialog",
                "socialtime: your answer could not be remembered ({error}); you will be asked "
                "again at your next login.",
            )
            _say(text.format(error=e.strerror or e))
            return 1
        return 0
    entry = autostart if autostart is not None else Autostart()
    try:
        invite.accept(data_dir, autostart=entry)
    except StoreError as e:  # consent could not be recorded: nothing else was done
        _say(
            QCoreApplication.translate(
                "InviteDialog", "socialtime: your consent could not be recorded: {error}"
            ).format(error=e)
        )
        return 1
    except (OSError, ValueError) as e:
        text = QCoreApplication.translate(
            "InviteDialog",
            "You accepted, and socialtime starts now. It could not add itself to the "
            "programs started at login ({path}): {error}. You can turn this on in "
            "Settings › General › Start at login.",
        )
        _warn(text.format(path=entry.location(), error=getattr(e, "strerror", None) or e))
    return tray.run(data_dir, config_path)
