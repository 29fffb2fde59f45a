"""Wayland app ids -> the process names the classifier knows (socialtime.rules.sites).

Why: on Wayland a window names its app by an app id (the xdg-shell `app_id`, usually the
basename of its .desktop file: "firefox", "org.mozilla.firefox" for the Flatpak,
"com.discordapp.Discord"), not by a process. The classifier's browser list and the catalogue's
`apps` are process names ("firefox", "chromium", "discord", "telegram-desktop"), so the title
rules and the desktop apps work only once an app id is turned into one of those names. An app
id is also what a window chooses to say, whatever runs it: `foot --app-id=firefox` is taken
for Firefox, as a program started under the name "firefox" is on X11.

One table, matched case-insensitively; browser web apps ("chrome-<id>-Default") count as their
browser; an unknown reverse-DNS id gives its last part ("org.gnome.Nautilus" -> "nautilus").
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Lowercased app id -> process name (as socialtime.rules.sites spells it). Flatpak ids included.
APP_IDS: dict[str, str] = {
    # Firefox family
    "firefox": "firefox",
    "org.mozilla.firefox": "firefox",
    "firefox-esr": "firefox-esr",
    "firefox-developer-edition": "firefox-developer-edition",
    "firefoxdeveloperedition": "firefox-developer-edition",
    "firefox-nightly": "firefox-nightly",
    "librewolf": "librewolf",
    "io.gitlab.librewolf-community": "librewolf",
    "waterfox": "waterfox",
    "net.waterfox.waterfox": "waterfox",
    "floorp": "floorp",
    "one.ablaze.floorp": "floorp",
    "zen": "zen",
    "app.zen_browser.zen": "zen",
    "torbrowser": "tor-browser",
    "tor browser": "tor-browser",  # i18n: ignore - an app id
    "org.torproject.torbrowser-launcher": "tor-browser",
    "mullvadbrowser": "mullvadbrowser",
    "mullvad browser": "mullvadbrowser",  # i18n: ignore - an app id
    "net.mullvad.mullvadbrowser": "mullvadbrowser",
    # Chromium family
    "chromium": "chromium",
    "chromium-browser": "chromium",
    "org.chromium.chromium": "chromium",
    "io.github.ungoogled_software.ungoogled_chromium": "chromium",
    "google-chrome": "google-chrome",
    "google-chrome-stable": "google-chrome",
    "com.google.chrome": "google-chrome",
    "google-chrome-beta": "google-chrome-beta",
    "google-chrome-unstable": "google-chrome-unstable",
    "com.google.chromedev": "google-chrome-unstable",
    "brave-browser": "brave-browser",
    "brave": "brave",
    "com.brave.browser": "brave-browser",
    "microsoft-edge": "microsoft-edge",
    "microsoft-edge-stable": "microsoft-edge",
    "microsoft-edge-beta": "microsoft-edge-beta",
    "microsoft-edge-dev": "microsoft-edge-dev",
    "com.microsoft.edge": "microsoft-edge",
    "vivaldi": "vivaldi",
    "vivaldi-stable": "vivaldi",
    "com.vivaldi.vivaldi": "vivaldi",
    "opera": "opera",
    "com.opera.opera": "opera",
    "thorium-browser": "thorium",
    # Other browsers
    "org.gnome.epiphany": "epiphany",
    "epiphany": "epiphany",
    "org.kde.falkon": "falkon",
    "org.kde.konqueror": "konqueror",
    "org.qutebrowser.qutebrowser": "qutebrowser",
    # Desktop apps of catalogue sites
    "discord": "discord",
    "com.discordapp.discord": "discord",
    "com.discordapp.discordcanary": "discordcanary",
    "discordcanary": "discordcanary",
    "discordptb": "discordptb",
    "vesktop": "vesktop",
    "dev.vencord.vesktop": "vesktop",
    "webcord": "webcord",
    "io.github.spacingbat3.webcord": "webcord",
    "armcord": "armcord",
    "xyz.armcord.armcord": "armcord",
    "legcord": "legcord",
    "app.legcord.legcord": "legcord",
    "org.telegram.desktop": "telegram-desktop",
    "telegramdesktop": "telegram-desktop",
    "telegram-desktop": "telegram-desktop",
    "com.github.eneshecan.whatsappforlinux": "whatsapp-for-linux",
    "whatsapp-for-linux": "whatsapp-for-linux",
    "com.github.xeco23.wasistlos": "wasistlos",
    "wasistlos": "wasistlos",
    "com.rtosta.zapzap": "zapzap",
    "zapzap": "zapzap",
    "io.freetubeapp.freetube": "freetube",
    "freetube": "freetube",
    "com.sindresorhus.caprine": "caprine",
    "caprine": "caprine",
}

# A web app installed from a Chromium-family browser: "chrome-<32 letters a-p>-<profile>".
_WEB_APP = re.compile(r"^(chrome|chromium|brave|msedge|vivaldi)-[a-p]{32}-")
_WEB_APP_BROWSERS = {
    "chrome": "google-chrome",
    "chromium": "chromium",
    "brave": "brave-browser",
    "msedge": "microsoft-edge",
    "vivaldi": "vivaldi",
}
# A reverse-DNS id (Flatpak): at least three dot-separated parts, the first a short TLD-like one.
_REVERSE_DNS = re.compile(r"^[a-z]{2,12}\.[^.\s]+\.[^\s]+$")


def known_process(app_id: str) -> str | None:
    """The classifier's process name for `app_id`, or None when the table does not know it."""
    key = app_id.strip().lower()
    name = APP_IDS.get(key)
    if name is not None:
        return name
    web_app = _WEB_APP.match(key)
    if web_app is not None:
        return _WEB_APP_BROWSERS[web_app.group(1)]
    return None


def guess_process(app_id: str) -> str:
    """A process-like name for an app id the table does not know: the last part of a
    reverse-DNS id ("org.gnome.Nautilus" -> "nautilus"), else the id lowercased."""
    key = app_id.strip().lower()
    if _REVERSE_DNS.match(key):
        return key.rsplit(".", 1)[-1]
    return key


def window_process(app_id: str, pid: int, process_name: Callable[[int], str]) -> str:
    """The classifier's process name for a window with this app id and pid (0: unknown): the
    table's name when it knows the app id (`foot --app-id=firefox` is Firefox), else the name
    the pid runs as, else a guess from the app id. An X11 window's WM_CLASS class, which KWin
    gives as resourceClass, is looked up alike ("firefox-esr")."""
    known = known_process(app_id) if app_id else None
    if known is not None:
        return known
    name = process_name(pid) if pid > 0 else ""
    return name or (guess_process(app_id) if app_id else "")
