"""The site catalogue and the classifier, from tables of real-world hostnames and titles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialtime.base.paths import assets_dir
from socialtime.rules.sites import (
    Catalogue,
    CatalogueError,
    Site,
    classify,
    classify_host,
    is_browser,
    load_catalogue,
    normalize_host,
    strip_browser_suffix,
)

ZWSP = "\u200b"  # Edge writes "Microsoft\u200b Edge"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


# --- the default catalogue -------------------------------------------------------------------

REQUIRED_IDS = [
    "facebook.com", "x.com", "instagram.com", "linkedin.com", "tiktok.com", "reddit.com",
    "youtube.com", "pinterest.com", "snapchat.com", "threads.net", "bsky.app", "tumblr.com",
    "twitch.tv", "discord.com", "web.whatsapp.com", "telegram.org",
]  # fmt: skip


def test_catalogue_has_the_required_sites(catalogue: Catalogue) -> None:
    assert set(REQUIRED_IDS) <= set(catalogue.ids())
    assert len(catalogue.ids()) == len(catalogue.sites)


@pytest.mark.parametrize("site_id", REQUIRED_IDS)
def test_every_site_id_is_one_of_its_own_hosts(catalogue: Catalogue, site_id: str) -> None:
    site = catalogue.get(site_id)
    assert site is not None and site.name and site.titles
    assert classify_host(site_id, catalogue) == site_id


def test_get_unknown_site(catalogue: Catalogue) -> None:
    assert catalogue.get("example.com") is None


def test_assets_dir_holds_the_catalogue() -> None:
    assert (assets_dir() / "sites.toml").is_file()


# --- hostnames -------------------------------------------------------------------------------

HOSTS = [
    ("facebook.com", "facebook.com"),
    ("www.facebook.com", "facebook.com"),
    ("m.facebook.com", "facebook.com"),
    ("business.facebook.com", "facebook.com"),
    ("FACEBOOK.COM", "facebook.com"),
    ("Www.FaceBook.Com", "facebook.com"),
    ("facebook.com.", "facebook.com"),
    ("facebook.com:443", "facebook.com"),
    ("www.facebook.com.:8443", "facebook.com"),
    ("  facebook.com  ", "facebook.com"),
    ("fb.com", "facebook.com"),
    ("messenger.com", "facebook.com"),
    ("www.messenger.com", "facebook.com"),
    ("x.com", "x.com"),
    ("mobile.x.com", "x.com"),
    ("twitter.com", "x.com"),
    ("mobile.twitter.com", "x.com"),
    ("instagram.com", "instagram.com"),
    ("www.instagram.com", "instagram.com"),
    ("linkedin.com", "linkedin.com"),
    ("fr.linkedin.com", "linkedin.com"),
    ("www.tiktok.com", "tiktok.com"),
    ("reddit.com", "reddit.com"),
    ("old.reddit.com", "reddit.com"),
    ("www.reddit.com", "reddit.com"),
    ("redd.it", "reddit.com"),
    ("youtube.com", "youtube.com"),
    ("www.youtube.com", "youtube.com"),
    ("m.youtube.com", "youtube.com"),
    ("youtu.be", "youtube.com"),
    ("pinterest.com", "pinterest.com"),
    ("fr.pinterest.com", "pinterest.com"),
    ("www.pinterest.co.uk", "pinterest.com"),
    ("web.snapchat.com", "snapchat.com"),
    ("www.threads.net", "threads.net"),
    ("threads.com", "threads.net"),
    ("bsky.app", "bsky.app"),
    ("staff.tumblr.com", "tumblr.com"),
    ("www.twitch.tv", "twitch.tv"),
    ("discord.com", "discord.com"),
    ("canary.discord.com", "discord.com"),
    ("discordapp.com", "discord.com"),
    ("web.whatsapp.com", "web.whatsapp.com"),
    ("WEB.WHATSAPP.COM", "web.whatsapp.com"),
    ("web.telegram.org", "telegram.org"),
    ("t.me", "telegram.org"),
    ("telegram.org", "telegram.org"),
    # look-alikes and other sites
    ("notfacebook.com", None),
    ("fakefacebook.com", None),
    ("facebook.com.evil.test", None),
    ("facebook.co", None),
    ("dropbox.com", None),
    ("box.com", None),
    ("xbox.com", None),
    ("www.xbox.com", None),
    ("x.co", None),
    ("x.com.evil.test", None),
    ("ex-twitter.com", None),
    ("myreddit.com", None),
    ("youtube.co", None),
    ("whatsapp.com", None),  # the marketing site and help pages, not WhatsApp Web
    ("tme.com", None),
    ("github.com", None),
    ("example.com", None),
    ("localhost", None),
    # not hostnames at all
    ("", None),
    ("   ", None),
    (".", None),
    ("127.0.0.1", None),
    ("31.13.71.36", None),
    ("::1", None),
    ("[2a03:2880:f12f::1]:443", None),
    ("face book.com", None),
    ("facebook..com", None),
    ("https://facebook.com", None),
    ("facebook.com/home", None),
]


@pytest.mark.parametrize(("host", "expected"), HOSTS)
def test_classify_host(catalogue: Catalogue, host: str, expected: str | None) -> None:
    assert classify_host(host, catalogue) == expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("WWW.Facebook.COM", "www.facebook.com"),
        ("facebook.com.", "facebook.com"),
        ("facebook.com:443", "facebook.com"),
        (" facebook.com\n", "facebook.com"),
        ("localhost", "localhost"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("", None),
        (".", None),
        ("a..b", None),
        ("-a.com", None),
        ("a-.com", None),
        ("facebook.com:abc", None),
        ("facebook.com:", None),
        ("127.0.0.1", None),
        ("127.0.0.1:80", None),
        ("1.2.3", None),
        ("::1", None),
        ("[::1]:8080", None),
        ("a" * 64 + ".com", None),
        ("a." * 127 + "com", None),
        ("facebook.com/path", None),
    ],
)
def test_normalize_host(host: str, expected: str | None) -> None:
    assert normalize_host(host) == expected


@given(st.text(max_size=80))
def test_host_functions_never_raise(text: str) -> None:
    cat = _small_catalogue()
    norm = normalize_host(text)
    if norm is not None:
        assert normalize_host(norm) == norm
    assert classify_host(text, cat) in (None, "a.com")


def _small_catalogue() -> Catalogue:
    return Catalogue((Site("a.com", "A", ("a.com",), (), ()),))


# --- browsers --------------------------------------------------------------------------------

BROWSERS = [
    "firefox", "firefox-esr", "firefox.exe", "firefox-bin", "Firefox", "GeckoMain", "chrome",
    "google-chrome", "chrome.exe", "Chrome.EXE", "Google Chrome", "chromium", "chromium-browser",
    "msedge", "microsoft-edge", "msedge.exe", "Microsoft Edge", "brave", "brave-browser",
    "brave.exe", "Brave Browser", "opera", "opera.exe", "vivaldi", "vivaldi-bin", "safari",
    "Safari", "librewolf", "waterfox", "epiphany", "falkon", "qutebrowser", "Arc", "Arc.exe",
    "/usr/lib/firefox/firefox", r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    "microsoft-edge-stable", "microsoft-edge-", "google-chrome-s",  # Linux truncates to 15
]  # fmt: skip
NOT_BROWSERS = [
    "", "code", "Code.exe", "thunderbird", "soffice.bin", "libreoffice", "slack", "Discord",
    "explorer.exe", "Finder", "gnome-terminal-server", "firefoxish", "exe", ".exe",
]  # fmt: skip


@pytest.mark.parametrize("process", BROWSERS)
def test_is_browser(process: str) -> None:
    assert is_browser(process)


@pytest.mark.parametrize("process", NOT_BROWSERS)
def test_is_not_browser(process: str) -> None:
    assert not is_browser(process)


SUFFIXES = [
    ("Facebook - Google Chrome", "Facebook"),
    ("Facebook - Google Chrome - Work", "Facebook"),
    ("Facebook - Google Chrome - Jean-Pierre", "Facebook"),
    ("Facebook - Chromium", "Facebook"),
    ("Facebook — Mozilla Firefox", "Facebook"),
    ("Facebook - Mozilla Firefox", "Facebook"),
    ("Facebook — Firefox", "Facebook"),
    ("Facebook — Mozilla Firefox Private Browsing", "Facebook"),
    ("Facebook - Mozilla Firefox (Private Browsing)", "Facebook"),
    ("Facebook — Firefox Developer Edition", "Facebook"),
    ("Facebook — LibreWolf", "Facebook"),
    (f"Facebook - Microsoft{ZWSP} Edge", "Facebook"),
    ("Facebook - Microsoft Edge", "Facebook"),
    (f"Facebook - Personal - Microsoft{ZWSP} Edge", "Facebook"),
    (f"Facebook - Work - Microsoft{ZWSP} Edge Beta", "Facebook"),
    (f"Facebook - [InPrivate] - Microsoft{ZWSP} Edge", "Facebook"),
    (f"Facebook and 3 more pages - Personal - Microsoft{ZWSP} Edge", "Facebook"),
    (f"Facebook and 1 more page - Microsoft{ZWSP} Edge", "Facebook"),
    ("Facebook - Brave", "Facebook"),
    ("Facebook - Opera", "Facebook"),
    ("Facebook - Vivaldi", "Facebook"),
    ("Facebook - qutebrowser", "Facebook"),
    ("Facebook - Falkon", "Facebook"),
    ("Facebook", "Facebook"),  # Safari, Arc and GNOME Web add nothing
    ("  Facebook\u00a0", "Facebook"),
    ("Mozilla Firefox", "Mozilla Firefox"),
    ("Why Facebook fails - The Guardian - Google Chrome", "Why Facebook fails - The Guardian"),
    ("Some video - YouTube - Google Chrome - Work", "Some video - YouTube"),
    ("r/python - Reddit — Mozilla Firefox", "r/python - Reddit"),
    ("Home — Bluesky — Mozilla Firefox", "Home — Bluesky"),
    ("Opera tickets - Opera", "Opera tickets"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "expected"), SUFFIXES)
def test_strip_browser_suffix(title: str, expected: str) -> None:
    assert strip_browser_suffix(title) == expected


# --- titles ----------------------------------------------------------------------------------

# Page titles as the sites write them (without the browser's suffix), in several languages.
TITLES: list[tuple[str, str | None]] = [
    # Facebook
    ("Facebook", "facebook.com"),
    ("(3) Facebook", "facebook.com"),
    ("(20+) Facebook", "facebook.com"),
    ("Messenger | Facebook", "facebook.com"),
    ("Jane Doe | Facebook", "facebook.com"),
    ("(2) Jane Doe | Facebook", "facebook.com"),
    ("Marketplace | Facebook", "facebook.com"),
    ("Gruppen | Facebook", "facebook.com"),
    ("ホーム | Facebook", "facebook.com"),
    ("Messenger", "facebook.com"),
    ("(1) Messenger", "facebook.com"),
    ("Why Facebook is failing - The Guardian", None),
    ("Facebook - Wikipedia", None),
    ("Facebook ads - Google Sheets", None),
    ("Facebook-Datenschutz: Was Sie wissen müssen - heise online", None),
    ("Messenger RNA vaccines explained", None),
    # X / Twitter
    ("Home / X", "x.com"),
    ("(2) Home / X", "x.com"),
    ("Elon Musk (@elonmusk) / X", "x.com"),
    ('Jane on X: "hello" / X', "x.com"),
    ("X. It’s what’s happening / X", "x.com"),
    ("Accueil / X", "x.com"),
    ("Startseite / X", "x.com"),
    ("Inicio / X", "x.com"),
    ("ホーム / X", "x.com"),
    ("Benachrichtigungen / X", "x.com"),
    ("Twitter", "x.com"),
    ("Home / Twitter", "x.com"),
    ("X", "x.com"),
    ("(4) X", "x.com"),
    ("Why X lost its advertisers - BBC News", None),
    ("Xbox", None),
    ("SpaceX", None),
    ("Installing Mac OS X", None),
    ("Dropbox", None),
    ("X-Men - Wikipedia", None),
    # Instagram
    ("Instagram", "instagram.com"),
    ("(1) Instagram", "instagram.com"),
    ("Instagram • Photos and videos", "instagram.com"),
    ("Instagram • Chats", "instagram.com"),
    ("Jane (@jane) • Instagram photos and videos", "instagram.com"),
    ("Jane (@jane) • Photos et vidéos Instagram", "instagram.com"),
    ("Jane (@jane) • Instagram-Fotos und -Videos", "instagram.com"),
    ("Jane (@jane) • Fotos y videos de Instagram", "instagram.com"),
    ("Jane(@jane.doe) • Instagram写真と動画", "instagram.com"),
    ('Jane on Instagram: "Sunset"', "instagram.com"),
    ('Jane sur Instagram : "Coucher de soleil"', "instagram.com"),
    ('Jane auf Instagram: "Sonnenuntergang"', "instagram.com"),
    ('Jane en Instagram: "Atardecer"', "instagram.com"),
    ("Instagram marketing tips - HubSpot Blog", None),
    ("How to download Instagram photos", None),
    # LinkedIn
    ("LinkedIn", "linkedin.com"),
    ("(5) Feed | LinkedIn", "linkedin.com"),
    ("Feed | LinkedIn", "linkedin.com"),
    ("Jobs | LinkedIn", "linkedin.com"),
    ("Messaging | LinkedIn", "linkedin.com"),
    ("Jane Doe | LinkedIn", "linkedin.com"),
    ("Fil d’actualité | LinkedIn", "linkedin.com"),
    ("(3) Fil d’actualité | LinkedIn", "linkedin.com"),
    ("Stellenangebote | LinkedIn", "linkedin.com"),
    ("Empleos | LinkedIn", "linkedin.com"),
    ("求人 | LinkedIn", "linkedin.com"),
    ("Jane Doe on LinkedIn: Excited to share my new role", "linkedin.com"),
    ("Jane Doe sur LinkedIn : Ravie de vous annoncer", "linkedin.com"),
    ("Jane Doe auf LinkedIn: Ich freue mich", "linkedin.com"),
    ("Re: LinkedIn invoice - jane@example.com - Gmail", None),
    ("LinkedIn - Wikipedia", None),
    ("How to write a LinkedIn summary | The Muse", None),
    # TikTok
    ("TikTok - Make Your Day", "tiktok.com"),
    ("TikTok", "tiktok.com"),
    ("@user | TikTok", "tiktok.com"),
    ("Jane (@jane) | TikTok", "tiktok.com"),
    ("#cats | TikTok", "tiktok.com"),
    ("TikTok ban explained - Vox", None),
    ("TikTok - Wikipedia", None),
    # Reddit
    ("Reddit - Dive into anything", "reddit.com"),
    ("Reddit - The heart of the internet", "reddit.com"),
    ("r/python - Reddit", "reddit.com"),
    ("What is your favourite library? - r/python - Reddit", "reddit.com"),
    ("r/python on Reddit: What is your favourite library?", "reddit.com"),
    ("reddit: the front page of the internet", "reddit.com"),
    ("Reddit", "reddit.com"),
    ("Reddit IPO: what to know - CNN", None),
    ("Reddit - Wikipedia", None),
    # YouTube
    ("Some video - YouTube", "youtube.com"),
    ("(12) YouTube", "youtube.com"),
    ("YouTube", "youtube.com"),
    ("(3) Lofi hip hop radio - YouTube", "youtube.com"),
    ("Vidéo de chat - YouTube", "youtube.com"),
    ("Katzenvideo - YouTube", "youtube.com"),
    ("猫の動画 - YouTube", "youtube.com"),
    ("YouTube Premium review - The Verge", None),
    ("YouTube - Wikipedia", None),
    ("Embed a YouTube video - Stack Overflow", None),
    # Pinterest, Snapchat, Threads, Bluesky, Tumblr, Twitch
    ("Pinterest", "pinterest.com"),
    ("(2) Pinterest", "pinterest.com"),
    ("Jane Doe (janedoe) - Profile | Pinterest", "pinterest.com"),
    ("Pinterest earnings beat estimates - Reuters", None),
    ("Snapchat", "snapchat.com"),
    ("Snapchat filters explained - Wired", None),
    ("Threads", "threads.net"),
    ("Jane (@jane) • Threads, Say more", "threads.net"),
    ("Jane (@jane) on Threads", "threads.net"),
    ("Threads and processes - Real Python", None),
    ("Bluesky", "bsky.app"),
    ("Home — Bluesky", "bsky.app"),
    ("@jane.bsky.social — Bluesky", "bsky.app"),
    ("Bluesky passes 20 million users - TechCrunch", None),
    ("Tumblr", "tumblr.com"),
    ("Art blog on Tumblr", "tumblr.com"),
    ("Tumblr sold again - The Verge", None),
    ("Twitch", "twitch.tv"),
    ("(1) Twitch", "twitch.tv"),
    ("jane - Twitch", "twitch.tv"),
    ("Just Chatting - Twitch", "twitch.tv"),
    ("Muscle twitch causes - Mayo Clinic", None),
    # Discord, WhatsApp, Telegram
    ("Discord | #general | Server", "discord.com"),
    ("Discord | Friends", "discord.com"),
    ("(1) Discord | #general | Python", "discord.com"),
    ("• Discord | #général | Serveur", "discord.com"),
    ("Discord", "discord.com"),
    ("Discord bot tutorial - Real Python", None),
    ("Discord - Wikipedia", None),
    ("WhatsApp", "web.whatsapp.com"),
    ("(3) WhatsApp", "web.whatsapp.com"),
    ("WhatsApp Web", "web.whatsapp.com"),
    ("WhatsApp privacy policy - BBC News", None),
    ("Telegram Web", "telegram.org"),
    ("Telegram", "telegram.org"),
    ("(5) Telegram Web", "telegram.org"),
    ("Telegram: Contact @durov", "telegram.org"),
    ("Telegram founder arrested - Le Monde", None),
    # ordinary work
    ("", None),
    ("New Tab", None),
    ("Inbox (3) - jane@example.com - Gmail", None),
    ("GitHub", None),
    ("Pull requests · socialtime/socialtime", None),
    ("Stack Overflow - Where Developers Learn, Share, & Build Careers", None),
    ("Jira", None),
    ("Google Docs", None),
    ("Untitled spreadsheet - Google Sheets", None),
    ("Microsoft Teams", None),
    ("Startseite - Tagesschau", None),
    ("Accueil - Le Monde", None),
]

# Browser window-title forms: the page title is put in place of {}.
BROWSER_FORMS = [
    ("chrome", "{} - Google Chrome"),
    ("google-chrome", "{} - Google Chrome - Work"),
    ("chromium", "{} - Chromium"),
    ("firefox", "{} — Mozilla Firefox"),
    ("firefox.exe", "{} — Mozilla Firefox Private Browsing"),
    ("msedge.exe", "{} - Personal - Microsoft\u200b Edge"),
    ("msedge", "{} and 3 more pages - Work - Microsoft\u200b Edge"),
    ("brave", "{} - Brave"),
    ("Safari", "{}"),
]


@pytest.mark.parametrize(("title", "expected"), TITLES)
def test_title_rules(catalogue: Catalogue, title: str, expected: str | None) -> None:
    assert classify("firefox", f"{title} — Mozilla Firefox", catalogue) == expected


@pytest.mark.parametrize(("process", "form"), BROWSER_FORMS)
@pytest.mark.parametrize(("title", "expected"), TITLES)
def test_title_rules_in_every_browser(
    catalogue: Catalogue, process: str, form: str, title: str, expected: str | None
) -> None:
    assert classify(process, form.format(title), catalogue) == expected


@pytest.mark.parametrize(("title", "expected"), [(t, e) for t, e in TITLES if e is not None])
def test_edge_without_profile(catalogue: Catalogue, title: str, expected: str) -> None:
    """ "A - B - Microsoft Edge": B may be a profile or the end of the page title; both work."""
    assert classify("msedge", f"{title} - Microsoft{ZWSP} Edge", catalogue) == expected


@pytest.mark.xfail(strict=True, reason="ambiguous: 'Wikipedia' could be an Edge profile name")
def test_edge_without_profile_known_limitation(catalogue: Catalogue) -> None:
    assert classify("msedge", f"Facebook - Wikipedia - Microsoft{ZWSP} Edge", catalogue) is None


# --- processes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("process", "title"),
    [
        ("soffice.bin", "Facebook ads.xlsx - LibreOffice Calc"),
        ("thunderbird", "Re: LinkedIn invoice - Thunderbird"),
        ("code", "youtube.py - socialtime - Visual Studio Code"),
        ("evince", "Facebook"),
        ("WINWORD.EXE", "Jane Doe | Facebook - Word"),
        ("vlc", "Some video - YouTube - VLC media player"),
        ("slack", "Home / X"),
        ("gnome-terminal-server", "Reddit - Dive into anything"),
        ("", "Facebook"),
    ],
)
def test_titles_are_ignored_outside_browsers(
    catalogue: Catalogue, process: str, title: str
) -> None:
    assert classify(process, title, catalogue) is None
    assert classify(process, title, catalogue, host="facebook.com") is None


@pytest.mark.parametrize(
    ("process", "expected"),
    [
        ("Discord", "discord.com"),
        ("discord", "discord.com"),
        ("DiscordPTB", "discord.com"),
        ("DiscordCanary", "discord.com"),
        ("Discord.exe", "discord.com"),
        (r"C:\Users\jane\AppData\Local\Discord\app-1.0.9\Discord.exe", "discord.com"),
        ("WhatsApp", "web.whatsapp.com"),
        ("WhatsApp.exe", "web.whatsapp.com"),
        ("whatsapp-desktop", "web.whatsapp.com"),
        ("telegram-desktop", "telegram.org"),
        ("telegram-deskto", "telegram.org"),  # /proc/PID/comm keeps 15 characters
        ("/usr/bin/telegram-desktop", "telegram.org"),
        ("Telegram", "telegram.org"),
        ("Telegram.exe", "telegram.org"),
        ("Caprine", "facebook.com"),
        ("FreeTube", "youtube.com"),
    ],
)
def test_desktop_apps(catalogue: Catalogue, process: str, expected: str) -> None:
    assert classify(process, "", catalogue) == expected
    assert classify(process, "Jira", catalogue, host="github.com") == expected


# --- hostname from the browser extension -----------------------------------------------------


@pytest.mark.parametrize(
    ("title", "host", "expected"),
    [
        ("Facebook — Mozilla Firefox", "github.com", None),  # the host wins, even with None
        ("GitHub — Mozilla Firefox", "www.youtube.com", "youtube.com"),
        ("Home / X — Mozilla Firefox", "x.com", "x.com"),
        ("Facebook — Mozilla Firefox", "", None),  # about:blank and the like
        ("Facebook — Mozilla Firefox", "127.0.0.1:8000", None),
        ("New Tab — Mozilla Firefox", "old.reddit.com.", "reddit.com"),
    ],
)
def test_host_overrides_title(
    catalogue: Catalogue, title: str, host: str, expected: str | None
) -> None:
    assert classify("firefox", title, catalogue, host=host) == expected


# --- disabled and custom sites ---------------------------------------------------------------


def test_disabled_sites_are_never_matched() -> None:
    cat = load_catalogue(disabled=["discord.com", "youtube.com", "no-such-site.example"])
    assert "discord.com" not in cat.ids() and cat.get("youtube.com") is None
    assert classify("Discord", "", cat) is None
    assert classify("firefox", "Discord | #general | Server", cat) is None
    assert classify("firefox", "Some video - YouTube", cat) is None
    assert classify("firefox", "", cat, host="www.youtube.com") is None
    assert classify("firefox", "(3) Facebook", cat) == "facebook.com"


HN = Site(
    "news.ycombinator.com", "Hacker News", ("news.ycombinator.com",), (r"\| Hacker News$",), ()
)


def test_custom_site_is_added_after_the_catalogue() -> None:
    cat = load_catalogue(custom=[HN])
    assert cat.ids()[-1] == "news.ycombinator.com"
    assert classify("firefox", "Ask HN: Why? | Hacker News", cat) == "news.ycombinator.com"
    assert classify("chrome", "", cat, host="news.ycombinator.com") == "news.ycombinator.com"
    assert classify("chrome", "", cat, host="ycombinator.com") is None


def test_custom_site_replaces_a_catalogue_site_in_place() -> None:
    default = load_catalogue()
    mine = Site("youtube.com", "YouTube", ("youtube.com",), (), ())
    cat = load_catalogue(custom=[mine])
    assert cat.ids() == default.ids()
    assert cat.get("youtube.com") == mine
    assert classify_host("youtu.be", cat) is None
    assert classify("firefox", "Some video - YouTube", cat) is None


def test_custom_site_with_a_more_specific_host_wins() -> None:
    music = Site("music.youtube.com", "YouTube Music", ("music.youtube.com",), (), ())
    cat = load_catalogue(custom=[music])
    assert classify_host("music.youtube.com", cat) == "music.youtube.com"
    assert classify_host("www.youtube.com", cat) == "youtube.com"


def test_custom_site_accepts_lists_and_can_be_disabled() -> None:
    site = Site("a.example", "A", ["a.example"], ["^A$"], ["a-app"])  # type: ignore[arg-type]
    assert site.hosts == ("a.example",) and hash(site)
    cat = load_catalogue(custom=[site])
    assert classify("A-App.exe", "", cat) == "a.example"
    assert "a.example" not in load_catalogue(custom=[site], disabled=["a.example"]).ids()


@pytest.mark.parametrize(
    ("site", "message"),
    [
        (Site("bad.example", "Bad", (), ("(unclosed",), ()), "invalid title pattern"),
        (Site("bad.example", "Bad", ("not a host",), (), ()), "invalid host"),
    ],
)
def test_malformed_custom_site(site: Site, message: str) -> None:
    with pytest.raises(CatalogueError, match=rf"custom site 'bad\.example'.*{message}"):
        load_catalogue(custom=[site])


def test_patterns_with_groups_or_flags_still_work() -> None:
    site = Site("a.example", "A", (), (r"^(\w+) and \1$", r"(?i)^shouty$", "^plain$"), ())
    cat = Catalogue((site,))
    for title, expected in [("x and x", "a.example"), ("x and y", None), ("SHOUTY", "a.example")]:
        assert classify("firefox", title, cat) == expected
    assert classify("firefox", "plain", cat) == "a.example"


# --- malformed catalogue file ----------------------------------------------------------------

GOOD = 'id = "a.com"\nname = "A"\nhosts = ["a.com"]\ntitles = []\napps = []\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[site]\n", "not valid TOML"),
        ("answer = 42\n", r"expected an array of \[\[site\]\] tables"),
        ('[[site]]\nname = "A"\n', r"\[\[site\]\] #1: 'id' must be a non-empty string"),
        ('[[site]]\nid = "a.com"\n', r"#1 \(id 'a\.com'\): 'name' must be a non-empty string"),
        ('[[site]]\nid = "a.com"\nname = "A"\nhosts = "a.com"\n', "'hosts' must be a list"),
        ('[[site]]\nid = "a.com"\nname = "A"\napps = [1]\n', "'apps' must be a list"),
        ('[[site]]\nid = "a.com"\nname = "A"\nhost = []\n', "unknown key host"),
        ('[[site]]\nid = "a.com"\nname = "A"\nhosts = ["a b"]\n', "invalid host 'a b'"),
        (
            '[[site]]\nid = "a.com"\nname = "A"\ntitles = [\'(oops\']\n',
            r"\(id 'a\.com'\).*invalid title pattern '\(oops'",
        ),
        (f"[[site]]\n{GOOD}[[site]]\n{GOOD}", r"#2 \(id 'a\.com'\): duplicate id"),
    ],
)
def test_malformed_catalogue_names_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match=message) as info:
        load_catalogue(path=path)
    assert str(info.value).startswith(f"{path}: ")
    assert isinstance(info.value, ValueError)


def test_missing_catalogue_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(CatalogueError, match="cannot read the site catalogue") as info:
        load_catalogue(path=path)
    assert str(path) in str(info.value)


def test_catalogue_from_another_file(tmp_path: Path) -> None:
    path = tmp_path / "sites.toml"
    path.write_text(f"[[site]]\n{GOOD}", encoding="utf-8")
    cat = load_catalogue(path=path)
    assert cat.ids() == ("a.com",)
    assert classify("chrome", "Facebook - Google Chrome", cat) is None


def test_catalogue_errors_in_french(french, tmp_path: Path) -> None:
    path = tmp_path / "sites.toml"
    path.write_text('[[site]]\nname = "A"\n', encoding="utf-8")
    with pytest.raises(
        CatalogueError, match=re.escape("#1\u00a0: 'id' doit être une chaîne non vide")
    ):
        load_catalogue(path=path)
    path.write_text('[[site]]\nid = "a.com"\nname = "A"\nhost = []\nwho = 1\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match="clés inconnues host, who"):
        load_catalogue(path=path)
    with pytest.raises(
        CatalogueError, match=re.escape("site personnalisé 'b.com'\u00a0: nom d'hôte invalide")
    ):
        load_catalogue(custom=[Site("b.com", "B", ("b b",), (), ())])
