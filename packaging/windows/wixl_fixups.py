"""Put into a wixl-built MSI what wixl cannot compile from socialtime.wxs, and check it.

wixl (Debian's msitools) ignores two things of WiX 3 that socialtime.wxs uses, so the .wxs
keeps them inside <?ifndef var.Wixl?> for WiX proper, and this script writes them into the
MSI after wixl (with msibuild), reading them from the very same .wxs:
- <Condition> inside <Component> (each policy value is written only when its property is
  given) -> the Condition column of the Component table;
- <Property Secure="yes"> (public properties passed to the server side of a managed install)
  -> appended to the SecureCustomProperties property.

    python3 packaging/windows/wixl_fixups.py apply socialtime.wxs socialtime.msi
    python3 packaging/windows/wixl_fixups.py check socialtime.wxs socialtime.msi
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://schemas.microsoft.com/wix/2006/wi}"


def from_wxs(path: str) -> tuple[dict[str, str], list[str]]:
    """(component id -> condition, secure property ids); <?ifndef?> PIs are skipped."""
    root = ET.parse(path).getroot()
    conditions = {}
    for component in root.iter(f"{NS}Component"):
        condition = component.find(f"{NS}Condition")
        if condition is not None and (condition.text or "").strip():
            conditions[component.attrib["Id"]] = condition.text.strip()
    secure = [p.attrib["Id"] for p in root.iter(f"{NS}Property") if p.get("Secure") == "yes"]
    return conditions, secure


def export(msi: str, table: str) -> list[list[str]]:
    """The rows of one table (msiinfo export: names, types, key line, then the rows)."""
    out = subprocess.run(
        ["msiinfo", "export", msi, table], check=True, capture_output=True, text=True
    ).stdout
    return [line.split("\t") for line in out.splitlines()[3:]]


def sql(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def apply(wxs: str, msi: str) -> None:
    conditions, secure = from_wxs(wxs)
    queries = [
        f"UPDATE `Component` SET `Condition` = {sql(cond)} WHERE `Component` = {sql(cid)}"
        for cid, cond in conditions.items()
    ]
    props = {row[0]: row[1] for row in export(msi, "Property")}
    current = [p for p in props.get("SecureCustomProperties", "").split(";") if p]
    value = ";".join(current + [p for p in secure if p not in current])
    if "SecureCustomProperties" in props:
        queries.append(
            f"UPDATE `Property` SET `Value` = {sql(value)} "
            "WHERE `Property` = 'SecureCustomProperties'"
        )
    else:
        queries.append(
            "INSERT INTO `Property` (`Property`, `Value`) "
            f"VALUES ('SecureCustomProperties', {sql(value)})"
        )
    for query in queries:
        subprocess.run(["msibuild", msi, "-q", query], check=True)


def check(wxs: str, msi: str) -> list[str]:
    """What the MSI lacks of the .wxs's conditions and secure properties (empty: all there)."""
    conditions, secure = from_wxs(wxs)
    problems = []
    got = {row[0]: row[4] for row in export(msi, "Component")}
    for cid, cond in conditions.items():
        if got.get(cid) != cond:
            problems.append(f"component {cid}: condition {got.get(cid)!r}, expected {cond!r}")
    props = {row[0]: row[1] for row in export(msi, "Property")}
    have = props.get("SecureCustomProperties", "").split(";")
    problems += [f"{p} is not in SecureCustomProperties" for p in secure if p not in have]
    return problems


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("apply", "check"):
        sys.exit(__doc__)
    if sys.argv[1] == "apply":
        apply(sys.argv[2], sys.argv[3])
    else:
        issues = check(sys.argv[2], sys.argv[3])
        for issue in issues:
            print(f"wixl_fixups: {issue}", file=sys.stderr)
        sys.exit(1 if issues else 0)
