"""Every sentence a person reads exists in French, and is marked so that the tools can find it."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "socialtime"
TRANSLATIONS = ROOT / "assets" / "translations"

_spec = importlib.util.spec_from_file_location("translations", ROOT / "packaging/translations.py")
assert _spec and _spec.loader
tools = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tools)


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> dict[str, Path]:
    """The committed catalogues after lupdate has looked at today's code (in a copy)."""
    tmp = tmp_path_factory.mktemp("ts")
    copies = {}
    for lang, options in tools.TARGETS.items():
        copy = tmp / f"socialtime_{lang}.ts"
        shutil.copy(TRANSLATIONS / copy.name, copy)
        tools.lupdate(copy, "-target-language", lang, *options)
        copies[lang] = copy
    return copies


def test_every_message_has_its_french(refreshed):
    missing = tools.untranslated(refreshed["fr"])
    assert not missing, (
        f"{len(missing)} message(s) have no French translation; run "
        f"`python packaging/translations.py update`, translate them in "
        f"assets/translations/socialtime_fr.ts, and compile: {missing[:20]}"
    )


def test_every_english_plural_has_its_forms(refreshed):
    assert not tools.untranslated(refreshed["en"])


def test_there_are_messages_to_translate(refreshed):
    assert len(tools.messages(refreshed["fr"])) > 100


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[a-z_0-9]*\}|%n", text or ""))


def test_translations_keep_the_placeholders(refreshed):
    wrong = []
    for message in tools.messages(refreshed["fr"]):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        texts = [f.text or "" for f in forms] or [
            translation.text if translation is not None else ""
        ]
        for text in texts:
            expected = _placeholders(source)
            if forms:  # a plural form may spell the number out ("un jour") only where it is 1
                expected = [p for p in expected if p != "%n"]
                text = (text or "").replace("%n", "")
            if _placeholders(text) != expected:
                wrong.append((source, text))
    assert not wrong, wrong[:10]


def test_the_compiled_catalogues_are_up_to_date(tmp_path):
    """The .qm shipped must be what lrelease makes of the .ts committed beside it."""
    for lang in tools.TARGETS:
        ts = TRANSLATIONS / f"socialtime_{lang}.ts"
        fresh = tmp_path / f"{lang}.qm"
        subprocess.run([tools.tool("lrelease"), "-silent", ts, "-qm", fresh], check=True)
        shipped = ts.with_suffix(".qm")
        assert shipped.read_bytes() == fresh.read_bytes(), (
            f"{shipped.name} is stale: run `python packaging/translations.py compile`"
        )


def test_the_catalogues_are_valid_xml_in_utf8():
    for ts in TRANSLATIONS.glob("*.ts"):
        root = ET.parse(ts).getroot()
        assert root.tag == "TS"
        assert root.get("language", "").startswith(ts.stem.split("_")[-1])


# -- marking ---------------------------------------------------------------------------------

SOURCES = sorted(PACKAGE.rglob("*.py"))
IDS = [str(p.relative_to(ROOT)) for p in SOURCES]


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            yield node


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


@pytest.mark.parametrize("path", SOURCES, ids=IDS)
def test_messages_are_marked_with_literals(path):
    """lupdate reads string literals only: an f-string or a concatenation would never be
    translated. A plain variable is allowed: its literals are marked with QT_TRANSLATE_NOOP
    where they are defined (and QT_TRANSLATE_NOOP itself takes literals only)."""
    bad = []
    for call in _calls(path):
        name = _name(call)
        count = {"translate": 2, "QT_TRANSLATE_NOOP": 2, "tr": 1}.get(name)
        if count is None or (name == "translate" and len(call.args) < 2):
            continue
        if name == "translate" and any(k.arg == "n" for k in call.keywords):
            bad.append(f"line {call.lineno}: pass the count fourth, translate(ctx, text, None, n)")
        for arg in call.args[:count]:
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if not literal and (name == "QT_TRANSLATE_NOOP" or not isinstance(arg, ast.Name)):
                bad.append(f"line {call.lineno}: {name}(...) needs string literals")
    assert not bad, "\n".join(bad)


def _words(node: ast.expr) -> str:
    """The human words of a literal or f-string (placeholders and punctuation removed)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    else:
        return ""
    text = re.sub(r"\{[^}]*\}|%\w|<[^>]*>|&\w+;", " ", text)
    return " ".join(w for w in re.findall(r"[^\W\d_]{2,}", text) if w not in NOT_WORDS)


# Proper names and technical tokens that read the same in every language.
NOT_WORDS = {
    "socialtime", "PNG", "SVG", "CSV", "JSON", "TOML", "UTF", "ISO", "URL", "ok", "px", "min",
    "Www", "YYYY", "MM", "DD", "HH", "ID", "id", "pid", "stdio", "utf", "xdotool", "xprop",
    "png", "svg", "csv", "json", "toml",
}  # fmt: skip

# Qt calls whose string arguments a person reads.
UI_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "addAction",
    "addTab", "setTabText", "setTitle", "addItem", "addItems", "setItemText", "showMessage",
    "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setSuffix",
    "setPrefix", "setSpecialValueText", "addRow", "QLabel", "QPushButton", "QCheckBox",
    "QRadioButton", "QGroupBox", "QAction", "QMenu", "information", "warning", "critical",
    "question", "setInformativeText", "setDetailedText", "addButton", "getSaveFileName",
    "getOpenFileName", "setWhatsThis", "setAccessibleName", "set_title", "set_xlabel",
    "set_ylabel", "suptitle", "text", "annotate", "legend", "setLabelText", "setNameFilter",
}  # fmt: skip
# What the core shows: printed lines, argparse help, errors raised for a person to read.
CORE_CALLS = {"print", "eprint", "_fail", "fail", "add_argument", "add_parser", "ArgumentParser",
              "add_argument_group", "add_mutually_exclusive_group", "error", "exit"}  # fmt: skip
NAMED = {"add_argument", "add_parser"}
CORE_KEYWORDS = {"help", "description", "epilog", "title", "message", "expected", "reason"}


def _unmarked(path: Path, calls: set[str], keywords: set[str]) -> list[str]:
    found = []
    for call in _calls(path):
        name = _name(call)
        # add_argument("--data-dir") and add_parser("report") take names, not text
        args = list(call.args) if name in calls and name not in NAMED else []
        args += [k.value for k in call.keywords if k.arg in keywords]
        for arg in args:
            words = _words(arg)
            if words:
                found.append(f"{path.relative_to(ROOT)}:{arg.lineno}: {words[:60]!r}")
    return found


# What Qt or matplotlib shows: socialtime/ui/ and the charts it draws (socialtime/charts/).
UI_SOURCES = [p for p in SOURCES if p.relative_to(PACKAGE).parts[0] in ("ui", "charts")]
CORE_SOURCES = [p for p in SOURCES if p not in UI_SOURCES]


@pytest.mark.parametrize("path", UI_SOURCES, ids=lambda p: p.name)
def test_no_ui_text_is_left_unmarked(path):
    """A literal handed to a Qt or matplotlib text call is English forever: mark it."""
    found = _unmarked(path, UI_CALLS, {"text", "title", "label", "toolTip"})
    assert not found, "unmarked text (wrap it in translate/tr):\n" + "\n".join(found)


@pytest.mark.parametrize("path", CORE_SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_cli_message_is_left_unmarked(path):
    """Printed lines and argparse help are read by people too."""
    found = _unmarked(path, CORE_CALLS, CORE_KEYWORDS)
    assert not found, "unmarked message (wrap it in translate):\n" + "\n".join(found)


# A sentence is a literal with three words or more, two of them lowercase in a row.
_SENTENCE = re.compile(r"[^\W\d_]{2,} [^\W\d_]{2,}")
# Calls whose literals are for machines or for the log, never shown as such to a person.
NOT_FOR_PEOPLE = {
    "translate", "tr", "QT_TRANSLATE_NOOP", "debug", "info", "warning", "exception", "log",
    "execute", "executescript", "executemany", "compile", "match", "search", "sub", "fullmatch",
    "setObjectName", "setStyleSheet", "findall", "split",
}  # fmt: skip
IGNORE_MARK = "# i18n: ignore"  # on the literal's line, with the reason after it


def sentences(path: Path) -> list[str]:
    """Unmarked sentences in ``path``: a literal outside translate() and outside the calls
    above, not a docstring, and whose line does not carry IGNORE_MARK."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    docstrings = {
        node.body[0].value
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if node in docstrings or not _SENTENCE.search(re.sub(r"\{[^}]*\}", " ", node.value)):
            continue
        if any(IGNORE_MARK in lines[n - 1] for n in range(node.lineno, node.end_lineno + 1)):
            continue
        parent = parents.get(node)
        while parent is not None and not (
            isinstance(parent, ast.Call) and _name(parent) in NOT_FOR_PEOPLE
        ):
            parent = parents.get(parent)
        if parent is None:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:70]!r}")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=IDS)
def test_no_sentence_is_left_unmarked(path):
    """Mark it with translate()/tr() (QT_TRANSLATE_NOOP where it is defined apart from where it
    is shown); a sentence for a machine (SQL, a D-Bus rule, a log line) carries IGNORE_MARK."""
    found = sentences(path)
    assert not found, "unmarked sentences:\n" + "\n".join(found)


def test_the_cli_speaks_french(tmp_path):
    env = {"LANGUAGE": "fr", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "socialtime", "report", "--data-dir", str(tmp_path / "d"),
         "--config", str(tmp_path / "c.toml")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Nothing recorded in this period." not in done.stdout
    assert "aujourd" in done.stdout.lower()
