"""Wayland app ids -> process names: every name in the table is one the classifier knows, and
the ids of the apps people run (native packages and Flatpaks) classify as on X11."""

from __future__ import annotations

import pytest

from socialtime.probes.app_ids import APP_IDS, guess_process, known_process
from socialtime.rules.sites import classify, is_browser, load_catalogue

CATALOGUE = load_catalogue()


def test_every_name_in_the_table_is_known_to_the_classifier() -> None:
    apps = CATALOGUE._apps
    for app_id, name in APP_IDS.items():
        assert app_id == app_id.lower(), app_id
        assert is_browser(name) or name in apps, (app_id, name)


@pytest.mark.parametrize(
    ("app_id", "process"),
    [
        ("firefox", "firefox"),
        ("org.mozilla.firefox", "firefox"),
        ("firefox-esr", "firefox-esr"),
        ("Firefox-esr", "firefox-esr"),  # an X11 class under XWayland
        ("chromium", "chromium"),
        ("org.chromium.Chromium", "chromium"),
        ("google-chrome", "google-chrome"),
        ("com.google.Chrome", "google-chrome"),
        ("com.brave.Browser", "brave-browser"),
        ("microsoft-edge", "microsoft-edge"),
        ("com.microsoft.Edge", "microsoft-edge"),
        ("io.gitlab.librewolf-community", "librewolf"),
        ("com.discordapp.Discord", "discord"),
        ("dev.vencord.Vesktop", "vesktop"),
        ("org.telegram.desktop", "telegram-desktop"),
        ("io.freetubeapp.FreeTube", "freetube"),
        ("chrome-agimnkijcaahngcdmfeangaknmldooml-Default", "google-chrome"),  # a web app
        ("brave-agimnkijcaahngcdmfeangaknmldooml-Profile_1", "brave-browser"),
    ],
)
def test_known_app_ids(app_id: str, process: str) -> None:
    assert known_process(app_id) == process


@pytest.mark.parametrize(
    ("app_id", "guess"),
    [("org.gnome.Nautilus", "nautilus"), ("foot", "foot"), ("Alacritty", "alacritty"), ("", "")],
)
def test_unknown_app_ids_are_guessed_not_invented(app_id: str, guess: str) -> None:
    assert known_process(app_id) is None
    assert guess_process(app_id) == guess


@pytest.mark.parametrize(
    ("app_id", "title", "site"),
    [
        ("org.mozilla.firefox", "(3) Facebook — Mozilla Firefox", "facebook.com"),
        ("com.google.Chrome", "(2) Feed | LinkedIn - Google Chrome", "linkedin.com"),
        ("com.discordapp.Discord", "#general | My server - Discord", "discord.com"),
        ("org.telegram.desktop", "Telegram", "telegram.org"),
        ("org.gnome.Nautilus", "Facebook", None),  # not a browser: its title means nothing
    ],
)
def test_app_ids_classify_as_their_process_would(app_id: str, title: str, site: str | None):
    process = known_process(app_id) or guess_process(app_id)
    assert classify(process, title, CATALOGUE) == site
