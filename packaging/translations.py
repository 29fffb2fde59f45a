"""Keep the translation catalogues in step with the code.

    python packaging/translations.py update   # find new messages, drop vanished ones, compile
    python packaging/translations.py compile  # only turn the .ts files into .qm
    python packaging/translations.py check    # exit 1 when a message lacks its French
    python packaging/translations.py merge PART.ts...  # take the translations of other .ts

``update`` runs Qt's ``lupdate`` over ``socialtime/`` (it finds ``translate("ctx", "text")`` in
the core and ``QCoreApplication.translate`` / ``self.tr`` in the UI) into
``assets/translations/socialtime_fr.ts`` (every message) and ``socialtime_en.ts`` (only the
English plural forms), keeping the translations already there; then ``lrelease`` compiles both
into the ``.qm`` files the Qt layer loads. A translator edits the ``.ts`` (Qt Linguist:
``pyside6-linguist``, or any text editor) and runs ``compile``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "socialtime"
TRANSLATIONS = ROOT / "assets" / "translations"
TARGETS = {"fr": (), "en": ("-pluralonly",)}


def tool(name: str) -> str:
    """``pyside6-lupdate`` from the same environment as this Python, else from PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found: install PySide6-Essentials (pip install -e .)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def lupdate(ts: Path, *options: str) -> None:
    subprocess.run(
        [tool("lupdate"), *sources(), "-locations", "none", "-no-obsolete", *options, "-ts", ts],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def compile_all() -> None:
    for lang in TARGETS:
        ts = TRANSLATIONS / f"socialtime_{lang}.ts"
        subprocess.run([tool("lrelease"), "-silent", ts, "-qm", ts.with_suffix(".qm")], check=True)


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang, options in TARGETS.items():
        lupdate(TRANSLATIONS / f"socialtime_{lang}.ts", "-target-language", lang, *options)
    compile_all()


def messages(ts: Path) -> list[ET.Element]:
    return [m for m in ET.parse(ts).getroot().iter("message")]


def untranslated(ts: Path) -> list[str]:
    """The source texts of messages with no finished translation (every plural form filled)."""
    missing = []
    for message in messages(ts):
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        done = (
            translation is not None
            and translation.get("type") is None
            and (all(f.text for f in forms) if forms else bool(translation.text))
        )
        if not done:
            missing.append(message.findtext("source") or "")
    return missing


def check() -> int:
    """lupdate into a copy, so a message the committed catalogue lacks counts as missing."""
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for lang, options in TARGETS.items():
            copy = Path(tmp) / f"socialtime_{lang}.ts"
            shutil.copy(TRANSLATIONS / f"socialtime_{lang}.ts", copy)
            lupdate(copy, "-target-language", lang, *options)
            for text in untranslated(copy):
                print(f"{lang}: no translation for {text!r}")
                status = 1
    return status


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str, str]:
    return (
        context.findtext("name") or "",
        message.findtext("source") or "",
        message.findtext("comment") or "",
    )


def merge(parts: list[Path]) -> int:
    """Copy finished translations from ``parts`` (e.g. a translator's own .ts of some modules)
    into the catalogue of the same language (the ``language`` attribute); returns how many."""
    copied = 0
    for part in parts:
        part_root = ET.parse(part).getroot()
        lang = (part_root.get("language") or "fr").split("_")[0]
        target = TRANSLATIONS / f"socialtime_{lang}.ts"
        tree = ET.parse(target)
        done = {}
        for context in part_root.iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") is None:
                    done[_key(context, message)] = translation
        for context in tree.getroot().iter("context"):
            for message in context.iter("message"):
                found = done.get(_key(context, message))
                if found is not None:
                    message.remove(message.find("translation"))  # type: ignore[arg-type]
                    message.append(found)
                    copied += 1
        tree.write(target, encoding="utf-8", xml_declaration=True)
    return copied


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("update", "compile", "check", "merge"))
    parser.add_argument("parts", nargs="*", type=Path, help="for merge: the .ts files to take")
    args = parser.parse_args()
    action = args.action
    if action == "check":
        return check()
    if action == "merge":
        print(f"{merge(args.parts)} translations merged")
        update()  # lupdate rewrites the file in its own layout and lrelease compiles it
        return 0
    update() if action == "update" else compile_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
