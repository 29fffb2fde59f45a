"""The login invitation's window, offscreen: the notice offered by the organisation, and each
answer's trace on disk (a refusal marker, or consent and the user's own login entry)."""

from __future__ import annotations

import pytest
from helpers import ROOT
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from socialtime.login import invite
from socialtime.login.autostart import Autostart
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import DB_NAME, Store
from socialtime.ui import invite as ui
from socialtime.ui.invite import InviteDialog, run_invite

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def env(qtbot, tmp_path, monkeypatch):
    """The paths of one user, a fake tray (``env.tray``: its calls) and ``env.answer(button)``,
    which clicks ``button`` of the invitation as soon as it is shown."""
    calls: list[tuple] = []
    monkeypatch.setattr("socialtime.ui.app.run", lambda *a, **k: calls.append(a) or 0)
    monkeypatch.setattr(ui, "_warn", lambda text: pytest.fail(f"unexpected warning: {text}"))

    class Env:
        data = tmp_path / "data"
        config = tmp_path / "config.toml"
        home = tmp_path / "home"
        tray = calls

        def autostart(self) -> Autostart:
            return Autostart(platform="linux", home=self.home, environ={})

        def answer(self, button: str) -> None:
            def click() -> None:
                dialog = QApplication.activeModalWidget()
                if not isinstance(dialog, InviteDialog):
                    QTimer.singleShot(10, click)
                    return
                getattr(dialog, button).click()

            QTimer.singleShot(0, click)

        def run(self) -> int:
            return run_invite(self.data, self.config, autostart=self.autostart())

    return Env()


def test_declining_for_good_writes_the_marker_and_nothing_else(env) -> None:
    env.answer("decline_button")
    assert env.run() == 0
    assert invite.has_declined(env.data)
    assert sorted(p.name for p in env.data.iterdir()) == [invite.DECLINED_FILE]  # no database
    assert not invite.consent_given(env.data)
    assert not env.autostart().is_enabled() and not env.home.exists()
    assert env.tray == []


def test_not_now_writes_nothing_at_all(env) -> None:
    env.answer("later_button")
    assert env.run() == 0
    assert not env.data.exists() and not env.home.exists() and env.tray == []


def test_accepting_records_consent_writes_the_login_entry_and_starts_the_tray(env) -> None:
    invite.record_declined(env.data)  # an older refusal is forgotten
    env.answer("accept_button")
    assert env.run() == 0
    store = Store.open(env.data)
    try:
        assert store.consent_version() == NOTICE_VERSION
    finally:
        store.close()
    autostart = env.autostart()
    assert autostart.is_enabled()
    assert str(autostart.path()).startswith(str(env.home))
    assert "-m socialtime" in autostart.path().read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert not invite.has_declined(env.data)
    assert env.tray == [(env.data, env.config)]


def test_a_login_entry_that_cannot_be_written_does_not_undo_consent(env, monkeypatch) -> None:
    env.home.parent.mkdir(parents=True, exist_ok=True)
    env.home.write_text("a file where the home folder should be")
    warnings: list[str] = []
    monkeypatch.setattr(ui, "_warn", warnings.append)
    env.answer("accept_button")
    assert env.run() == 0
    assert invite.consent_given(env.data)
    assert len(warnings) == 1 and "Settings › General › Start at login" in warnings[0]
    assert env.tray == [(env.data, env.config)]


def test_the_invitation_reads_as_an_offer_and_enter_neither_consents_nor_refuses(
    qtbot, tmp_path
) -> None:
    dialog = InviteDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "Your organisation offers socialtime" in dialog.intro.text()
    assert "Nothing is recorded unless you accept" in dialog.intro.text()
    assert dialog.answers.isVisible() and "will not be asked again" in dialog.answers.text()
    assert "What socialtime records" in dialog.text.toPlainText()  # the notice itself
    buttons = {b.text() for b in dialog.buttons.buttons()}
    assert buttons == {"Accept", "Not now", "No thanks"}
    assert dialog.later_button.isDefault()
    for button in (dialog.accept_button, dialog.decline_button):
        assert not button.isDefault() and not button.hasFocus()
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "invite-dialog.png"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.choice() == ui.LATER
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # or the window closed
    assert not dialog.isVisible() and dialog.choice() == ui.LATER


def test_without_a_display_it_says_so_and_fails(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert run_invite(tmp_path / "data", tmp_path / "config.toml") == 1
    err = capsys.readouterr().err
    assert "no display to show the invitation" in err
    assert not (tmp_path / "data").exists()
    assert not (tmp_path / "data" / DB_NAME).exists()
