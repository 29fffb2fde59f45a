"""The privacy notice: the same facts on the command line and in the first-run dialog, in
English and in French (what a person consents to must read as well in their language)."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtime.recording.consent import NOTICE_VERSION, notice, notice_html

DATA = Path("/home/ana/.local/share/socialtime")


def test_the_notice_says_what_where_and_how_to_leave() -> None:
    text = notice(DATA)
    assert text.startswith(f"socialtime — privacy notice (version {NOTICE_VERSION})\n")
    assert "What is recorded, during your work hours only:" in text
    assert "never recorded" in text and "idle time" in text
    assert NOTICE_VERSION == 2  # watching counts (issue 14): consent to version 1 is asked again
    assert "\n\nWatching is not idle: while the window in front plays sound" in text
    assert "for at most one hour after your last input" in text and "never stored" in text
    assert f"\n  {DATA}\n" in text
    assert "socialtime consent --withdraw" in text
    assert text.endswith("Recording starts only after you accept: socialtime consent --accept\n")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_commands_line_up_in_a_column(request, lang) -> None:
    if lang == "fr":
        request.getfixturevalue("french")
    paragraphs = notice(DATA).split("\n\n")
    actions = paragraphs[-2].splitlines()[1:]  # after "What you can do at any time:"
    assert len(actions) == 5
    assert len({line.index("  socialtime ") for line in actions}) == 1


def test_the_notice_in_french(french) -> None:
    text = notice(DATA)
    assert text.startswith(f"socialtime — notice de confidentialité (version {NOTICE_VERSION})")
    assert "uniquement pendant vos heures de travail\u00a0:" in text
    assert "Ce qui n'est jamais enregistré\u00a0:" in text
    assert "sans clavier ni souris" in text
    assert "Regarder compte aussi\u00a0:" in text
    assert f"\n  {DATA}\n" in text
    assert "ni par votre employeur, ni par le service informatique" in text
    assert "retirer votre consentement" in text
    # the commands are typed as they are, in any language
    assert "socialtime consent --withdraw" in text and "socialtime consent --accept" in text
    assert "What is" not in text and "recorded" not in text
    for word in ("inactivité", "surveillance", "improductif"):
        assert word not in text.lower()


def test_the_dialog_notice_in_french(french) -> None:
    html = notice_html(DATA)
    assert "<h3>Ce que socialtime enregistre</h3>" in html
    assert "</ul><p>Regarder compte aussi" in html
    assert "heures de travail" in html and f"<code>{DATA}</code>" in html
    assert "<b>Accepter</b>" in html and "Paramètres › Données" in html
    assert "<p>Les titres des fenêtres" in html  # the list of what is never recorded, capitalised
    assert "Nothing is recorded" not in html


def test_the_dialog_notice_escapes_the_path() -> None:
    assert "<code>/tmp/a&lt;b&gt;</code>" in notice_html(Path("/tmp/a<b>"))
