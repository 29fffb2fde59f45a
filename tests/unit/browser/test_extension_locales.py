"""The browser extension in English and French (WebExtensions i18n, ``_locales/``): both
catalogues have the same keys, every key the manifest and the disclosure use exists, the French is
translated and typeset the French way, the English left in disclosure.html as the fallback says
what the English catalogue says, and disclosure.js (run by Node on a fake page) puts the messages
in place without ever parsing HTML."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from helpers import ROOT

EXTENSION = ROOT / "packaging" / "browser-extension"
LOCALES = ("en", "fr")
# Keys whose message is a proper name, the same in every language (none yet).
PROPER_NAMES: set[str] = set()
# Keys that disclosure.js reads itself.
SCRIPT_KEYS = {"htmlLang"}
CODE = re.compile(r"`[^`]+`")
BOLD = re.compile(r"\*\*[^*]+\*\*")


def catalogue(locale: str) -> dict[str, str]:
    raw = json.loads((EXTENSION / "_locales" / locale / "messages.json").read_text("utf-8"))
    assert all(set(entry) <= {"message", "description"} for entry in raw.values()), locale
    return {key: entry["message"] for key, entry in raw.items()}


class Marked(HTMLParser):
    """The text of each ``data-i18n`` element, with <strong> as **…** and <code> as `…`."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: dict[str, str] = {}
        self.key: str | None = None
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        key = dict(attrs).get("data-i18n")
        if self.key is None:
            if key is not None:
                self.key, self.depth, self.parts = key, 1, []
            return
        assert key is None, f"data-i18n={key!r} inside data-i18n={self.key!r}"
        assert tag in ("strong", "code"), f"<{tag}> in data-i18n={self.key!r}: it would be lost"
        self.depth += 1
        self.parts.append("**" if tag == "strong" else "`")

    def handle_endtag(self, tag: str) -> None:
        if self.key is None:
            return
        self.depth -= 1
        if self.depth == 0:
            assert self.key not in self.texts, f"data-i18n={self.key!r} twice"
            self.texts[self.key] = re.sub(r"\s+", " ", "".join(self.parts)).strip()
            self.key = None
        else:
            self.parts.append("**" if tag == "strong" else "`")

    def handle_data(self, data: str) -> None:
        if self.key is not None:
            self.parts.append(data)


def disclosure() -> dict[str, str]:
    parser = Marked()
    parser.feed((EXTENSION / "disclosure.html").read_text("utf-8"))
    parser.close()
    return parser.texts


def manifest_keys() -> set[str]:
    return set(re.findall(r"__MSG_(\w+)__", (EXTENSION / "manifest.json").read_text("utf-8")))


def test_the_catalogues_parse_and_have_the_same_keys():
    en, fr = catalogue("en"), catalogue("fr")
    assert en and set(en) == set(fr)
    for locale in LOCALES:
        for key, text in catalogue(locale).items():
            assert re.fullmatch(r"[A-Za-z0-9_]+", key), (locale, key)
            assert text.strip() and "$" not in text, (locale, key)  # $ starts a placeholder


def test_the_manifest_uses_the_catalogues():
    manifest = json.loads((EXTENSION / "manifest.json").read_text("utf-8"))
    assert manifest["default_locale"] == "en"
    assert manifest["name"] == "socialtime"  # a product name, the same in every language
    assert manifest["description"] == "__MSG_extensionDescription__"
    assert manifest["action"]["default_title"] == "__MSG_actionTitle__"
    used = manifest_keys()
    for locale in LOCALES:
        assert used <= set(catalogue(locale)), (locale, used - set(catalogue(locale)))


def test_every_key_of_the_disclosure_exists_and_every_key_is_used():
    html = (EXTENSION / "disclosure.html").read_text("utf-8")
    assert '<script src="disclosure.js"></script>' in html
    assert "<script>" not in html and not re.search(r"<[^>]*\son\w+=", html)  # MV3's CSP
    marked = set(disclosure())
    assert {"disclosureTitle", "disclosureHeading", "disclosurePrivate"} <= marked
    for locale in LOCALES:
        keys = set(catalogue(locale))
        assert marked <= keys, (locale, marked - keys)
        assert keys == marked | manifest_keys() | SCRIPT_KEYS, locale  # no stale message


def test_the_english_fallback_is_the_english_catalogue():
    en = catalogue("en")
    for key, text in disclosure().items():
        assert text == en[key], key


def test_the_french_is_translated():
    en, fr = catalogue("en"), catalogue("fr")
    same = {key for key in en if en[key] == fr[key]}
    assert same <= PROPER_NAMES, same
    assert fr["htmlLang"] == "fr" and en["htmlLang"] == "en"
    for key in en:
        # The code (a hostname, null, a command) is kept as is; the bold parts are there too.
        assert CODE.findall(fr[key]) == CODE.findall(en[key]), key
        assert len(BOLD.findall(fr[key])) == len(BOLD.findall(en[key])), key
    words = " ".join(fr.values()).lower()
    for term in ("nom d'hôte", "navigation privée", "messagerie native", "cet ordinateur"):
        assert term in words, term
    assert "réseau." in fr["extensionDescription"]  # nothing goes over the network


@pytest.mark.parametrize("key", sorted(catalogue("fr")))
def test_the_french_typography(key):
    text = CODE.sub("", catalogue("fr")[key])
    assert not re.search(r"[^\u00a0\u202f][:;!?]", text), text  # a no-break space before : ; ! ?
    assert '"' not in text and "’" not in text, text  # « guillemets », and the ' of the app
    assert text.count("«\u00a0") == text.count("\u00a0»") == text.count("«"), text


HARNESS = r"""
const fs = require("fs"), vm = require("vm");
const source = fs.readFileSync(process.argv[1], "utf8");
const messages = JSON.parse(process.argv[2]);

function page(api) {
  const element = (tag, key) => ({ tag, dataset: key ? { i18n: key } : {}, children: null,
    replaceChildren(...nodes) { this.children = nodes; } });
  const marked = Object.keys(messages).concat(["missingKey"]).map((k) => element("p", k));
  const document = {
    documentElement: { lang: "en" },
    querySelectorAll: (selector) => (selector === "[data-i18n]" ? marked : []),
    createTextNode: (text) => ({ text }),
    createElement: (tag) => ({ tag, textContent: null }),
  };
  vm.runInContext(source, vm.createContext({ document, ...api }));
  const out = { lang: document.documentElement.lang, texts: {} };
  for (const e of marked) {
    out.texts[e.dataset.i18n] = e.children && e.children
      .filter((n) => n.text !== "")
      .map((n) => (n.tag ? { [n.tag]: n.textContent } : n.text));
  }
  return out;
}
const i18n = (ui) => ({ getUILanguage: () => ui, getMessage: (k) => messages[k] || "" });
console.log(JSON.stringify({
  chrome: page({ chrome: { i18n: i18n("fr-CA") } }),
  firefox: page({ browser: { i18n: i18n("fr") }, chrome: { i18n: i18n("xx") } }),
  other_ui: page({ chrome: { i18n: i18n("de-DE") } }),
  no_api: page({}),
}));
"""


@pytest.fixture(scope="module")
def rendered() -> dict:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.fail("this test needs Node.js to run the extension's script: apt-get install nodejs")
    script = str(EXTENSION / "disclosure.js")
    fr = json.dumps(catalogue("fr"))
    done = subprocess.run(
        [node, "-e", HARNESS, script, fr], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_disclosure_js_fills_the_page_in_french(rendered):
    page = rendered["chrome"]
    assert page["lang"] == "fr-CA"
    assert page["texts"]["disclosurePrivate"] == [
        {"strong": "Fenêtres de navigation privée\u00a0:"},
        " rien à leur sujet, pas même qu'une d'elles est au premier plan\u00a0;"
        " l'extension envoie ",
        {"code": "null"},
        " au lieu d'un nom d'hôte, et ",
        {"code": "false"},
        " pour le son.",
    ]
    assert page["texts"]["disclosureHeading"] == ["Ce que cette extension envoie, et où"]
    assert page["texts"]["missingKey"] is None  # the English in the HTML stays
    assert rendered["firefox"]["lang"] == "fr"  # browser.i18n first
    assert rendered["firefox"]["texts"] == page["texts"]


def test_disclosure_js_without_a_language_or_an_api(rendered):
    assert rendered["other_ui"]["lang"] == "fr"  # the language of the text shown, not de-DE
    assert rendered["no_api"] == {
        "lang": "en",
        "texts": {key: None for key in rendered["chrome"]["texts"]},
    }
