"""The first-run notice: plain language, and nothing is recorded before "Accept"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from socialtime.recording.consent import notice_html


class ConsentDialog(QDialog):
    """Accept (``accepted``) or "Not now" (``rejected``); the caller stores the answer."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("socialtime — your privacy"))
        self.setMinimumSize(560, 520)
        self.intro = intro = QLabel(  # the invitation (socialtime.ui.invite) rewords it
            self.tr(
                "<b>socialtime shows you, and only you, how much of your work time goes to "
                "social sites.</b> Please read what it does before it starts."
            )
        )
        intro.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(notice_html(data_dir))
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton(
            self.tr("Accept"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button = self.buttons.addButton(
            self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.later_button.setFocus()  # a stray Enter key must not consent
