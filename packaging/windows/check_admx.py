"""Check the Group Policy templates in admx/: well-formed, complete, and the same in each language.

    python3 packaging/windows/check_admx.py [packaging/windows/admx]

- the ADMX and every LANGUAGE/socialtime.adml parse as XML;
- every $(string.ID) and $(presentation.ID) that the ADMX references exists in every ADML, and
  each presentation's refIds are element ids of the policies that use it;
- every ADML has the same string and presentation ids (a translation lacks none);
- policy names are unique; each value is offered for computers and users (class="Both"),
  mandatory under SOFTWARE\\Policies\\socialtime and recommended under ...\\Recommended;
- no policy value is about consent, recording, export or upload.
Prints what it checked; exits 1 with every problem found.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "{http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions}"
KEY = "SOFTWARE\\Policies\\socialtime"
REF = re.compile(r"\$\((string|presentation)\.([^)]+)\)")
FORBIDDEN = ("consent", "record", "export", "upload")


def value_names(policy: ET.Element) -> list[str]:
    names = [policy.get("valueName")] if policy.get("valueName") else []
    elements = policy.find(f"{NS}elements")
    if elements is not None:
        names += [e.get("valueName", "") for e in elements]
    return names


def check(folder: Path) -> tuple[list[str], list[str]]:
    problems: list[str] = []
    done: list[str] = []
    admx_path = folder / "socialtime.admx"
    admls = sorted(folder.glob("*/socialtime.adml"))
    try:
        admx = ET.parse(admx_path).getroot()
        parsed = {p.parent.name: ET.parse(p).getroot() for p in admls}
    except ET.ParseError as e:
        return [f"not well-formed XML: {e}"], done
    done.append(f"{admx_path.name} and {len(admls)} ADML ({', '.join(parsed)}) are well-formed")
    if not {"en-US", "fr-FR"} <= set(parsed):
        problems.append(f"expected en-US and fr-FR ADML files, found {sorted(parsed)}")

    refs: set[tuple[str, str]] = set()
    for element in admx.iter():
        for value in element.attrib.values():
            refs.update(REF.findall(value))
    policies = list(admx.iter(f"{NS}policy"))
    elements_of: dict[str, set[str]] = {}  # presentation id -> element ids of its policies
    for policy in policies:
        match = REF.fullmatch(policy.get("presentation", ""))
        elements = policy.find(f"{NS}elements")
        if match and elements is not None:
            ids = {e.get("id", "") for e in elements}
            elements_of.setdefault(match.group(2), set()).update(ids)

    before = len(problems)
    ids_by_lang = {}
    for lang, adml in parsed.items():
        strings = {s.get("id") for s in adml.iter(f"{NS}string")}
        presentations = {p.get("id"): p for p in adml.iter(f"{NS}presentation")}
        ids_by_lang[lang] = (strings, set(presentations))
        for kind, ident in sorted(refs):
            if ident not in (strings if kind == "string" else presentations):
                problems.append(f"{lang}: $({kind}.{ident}) is referenced but not defined")
        for pid, presentation in presentations.items():
            for child in presentation:
                ref = child.get("refId")
                if ref is not None and ref not in elements_of.get(pid, set()):
                    problems.append(f"{lang}: presentation {pid} refers to unknown element {ref}")
    if len(problems) == before:
        done.append(f"{len(refs)} string/presentation references resolve in every ADML")
    first = next(iter(ids_by_lang.values()), (set(), set()))
    for lang, ids in ids_by_lang.items():
        if ids != first:
            missing = (first[0] ^ ids[0]) | (first[1] ^ ids[1])
            problems.append(f"{lang}: ids differ from the other ADML: {sorted(missing)}")

    names = [p.get("name") for p in policies]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        problems.append(f"duplicate policy names: {dupes}")
    mandatory: set[str] = set()
    recommended: set[str] = set()
    for policy in policies:
        name, key = policy.get("name"), policy.get("key")
        if policy.get("class") != "Both":
            problems.append(f"policy {name}: class is {policy.get('class')!r}, not 'Both'")
        for value in value_names(policy):
            if any(word in value.lower() for word in FORBIDDEN):
                problems.append(f"policy {name}: value {value} is not a policy's to set")
            if key == KEY:
                mandatory.add(value)
            elif key == KEY + "\\Recommended":
                recommended.add(value)
            else:
                problems.append(f"policy {name}: key {key} is outside {KEY}")
    if mandatory != recommended:
        problems.append(
            f"mandatory and recommended values differ: {sorted(mandatory ^ recommended)}"
        )
    if not problems:
        done.append(
            f"{len(policies)} policies, class Both: {len(mandatory)} values mandatory and "
            "recommended"
        )
    return problems, done


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent / "admx"
    problems, done = check(folder)
    for line in done:
        print(f"   ok: {line}")
    for line in problems:
        print(f"   PROBLEM: {line}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
