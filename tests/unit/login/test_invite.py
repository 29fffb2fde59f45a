"""The login invitation: what `socialtime --invite` does at a login, a refusal remembered
without a database, and acceptance (consent by the user, then their own login entry)."""

from __future__ import annotations

import stat
import sys
import types
from datetime import date
from pathlib import Path

import pytest
from helpers import cli_runner

from socialtime.login import invite
from socialtime.login.autostart import Autostart
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import DB_NAME, Store
from socialtime.settings import MANDATORY, Policy, PolicyEntry

INVITING = Policy(entries=(PolicyEntry("invite_at_login", True, MANDATORY, "/etc/x.toml"),))
NOT_INVITING = Policy(entries=(PolicyEntry("invite_at_login", False, MANDATORY, "/etc/x.toml"),))


def test_no_policy_invitation_quits(tmp_path: Path) -> None:
    for policy in (Policy(), NOT_INVITING):
        assert invite.decide(tmp_path, policy, consent_given=False) == invite.QUIT
        assert invite.decide(tmp_path, policy, consent_given=True) == invite.QUIT


def test_consent_given_starts_the_tray(tmp_path: Path) -> None:
    assert invite.decide(tmp_path, INVITING, consent_given=True) == invite.START


def test_declined_before_quits(tmp_path: Path) -> None:
    data = tmp_path / "never-used" / "socialtime"
    assert invite.decide(data, INVITING, consent_given=False) == invite.ASK
    invite.record_declined(data, today=date(2026, 11, 23))
    assert invite.decide(data, INVITING, consent_given=False) == invite.QUIT
    # No database was created; the marker is the user's only.
    assert sorted(p.name for p in data.iterdir()) == [invite.DECLINED_FILE]
    marker = data / invite.DECLINED_FILE
    assert marker.read_text(encoding="utf-8") == "2026-11-23\n"
    assert stat.S_IMODE(marker.stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_consent_given_reads_without_creating_a_database(tmp_path: Path) -> None:
    assert invite.consent_given(tmp_path / "data") is False
    assert not (tmp_path / "data").exists()
    store = Store.open(tmp_path / "data")
    assert invite.consent_given(tmp_path / "data") is False
    store.set_consent(NOTICE_VERSION, 1.0)
    store.close()
    assert invite.consent_given(tmp_path / "data") is True


def test_accept_records_consent_and_the_users_own_login_entry(tmp_path: Path) -> None:
    data = tmp_path / "data"
    invite.record_declined(data)
    autostart = Autostart(platform="linux", home=tmp_path, environ={})
    invite.accept(data, autostart=autostart, now=1234.0, argv=["/opt/socialtime/socialtime"])
    store = Store.open(data)
    assert store.consent_version() == NOTICE_VERSION
    assert store.meta()["consent_at"] == "1234.0"
    assert autostart.is_enabled()
    assert "Exec=/opt/socialtime/socialtime\n" in autostart.path().read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert not invite.has_declined(data)  # accepting forgets an older refusal


def test_accept_uses_the_callers_store_and_leaves_it_open(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    autostart = Autostart(platform="linux", home=tmp_path, environ={})
    invite.accept(tmp_path / "data", store, autostart, now=5.0, argv=["socialtime"])
    assert store.consent_version() == NOTICE_VERSION  # still open


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("SOCIALTIME_DATA_DIR", raising=False)
    monkeypatch.delenv("SOCIALTIME_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    etc = tmp_path / "etc"
    etc.mkdir()
    monkeypatch.setenv("SOCIALTIME_POLICY_DIR", str(etc))
    calls: list[tuple] = []
    monkeypatch.setattr("socialtime.ui.app.run", lambda *a, **k: calls.append(("tray", a, k)) or 0)
    fake = types.ModuleType("socialtime.ui.invite")
    fake.run_invite = lambda *a: calls.append(("invite", a)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "socialtime.ui.invite", fake)
    invoke = cli_runner(tmp_path, capsys)
    invoke.etc, invoke.calls = etc, calls
    return invoke


def inviting(run) -> None:
    (run.etc / "policy.toml").write_text("[mandatory]\ninvite_at_login = true\n", "utf-8")


def test_invite_without_a_policy_does_nothing_silently(run) -> None:
    assert run("--invite") == (0, "", "")
    assert run.calls == [] and not run.data.exists()


def test_invite_asks_through_the_ui(run) -> None:
    inviting(run)
    assert run("--invite") == (0, "", "")
    assert run.calls == [("invite", (run.data, run.config))]
    assert not (run.data / DB_NAME).exists()


def test_invite_after_a_refusal_does_nothing(run) -> None:
    inviting(run)
    invite.record_declined(run.data)
    assert run("--invite") == (0, "", "")
    assert run.calls == []


def test_invite_after_consent_leaves_login_to_the_user_entry(run) -> None:
    """Once the user consented, their own start-at-login choice decides, on or off: the
    organisation's entry starts nothing, so turning start-at-login off really turns it off."""
    inviting(run)
    store = Store.open(run.data)
    store.set_consent(NOTICE_VERSION, 1.0)
    store.close()
    assert run("--invite") == (0, "", "")
    assert run.calls == []
    Autostart().enable(["socialtime"])  # under XDG_CONFIG_HOME, in tmp_path
    assert run("--invite") == (0, "", "")
    assert run.calls == []


def test_invite_goes_without_a_command(run) -> None:
    with pytest.raises(SystemExit) as exit:
        run("--invite", "report")
    assert exit.value.code == 2
