"""Shared fixtures. Keep this file small: helpers live in their own modules (e.g. xserver.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# Qt tests run offscreen (no display needed); end-to-end tests start their own X server and pass
# QT_QPA_PLATFORM=xcb to the processes they run there.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Messages are asserted in English unless a test asks for French (the `french` fixture); the
# language of the machine running the tests must not change them, nor that of a CLI subprocess.
os.environ["LANGUAGE"] = "en"
from xserver import XServer


@pytest.fixture(autouse=True, scope="session")
def no_system_policy(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Never read the machine's organisation policy (/etc/socialtime): an empty folder
    stands in for it, here and in the processes tests start. A test that wants a policy sets
    SOCIALTIME_POLICY_DIR itself (monkeypatch) or passes etc_dir to load_policy."""
    os.environ["SOCIALTIME_POLICY_DIR"] = str(tmp_path_factory.mktemp("no-policy"))


@pytest.fixture(scope="session")
def xserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XServer]:
    """A private Xvfb + openbox for the whole session; mark tests using it `@pytest.mark.xserver`.

    Fails (does not skip) when Xvfb, openbox, xdotool or xterm are missing: CI installs them.
    """
    with XServer.start(tmp_path_factory.mktemp("xserver")) as server:
        yield server


@pytest.fixture
def french() -> Iterator[None]:
    """French for the core's messages and Qt's (ask for `qtbot` first, so the QApplication
    exists when the translators are installed); English again afterwards."""
    from socialtime.ui import translations

    translations.install("fr")
    try:
        yield
    finally:
        translations.install("en")
