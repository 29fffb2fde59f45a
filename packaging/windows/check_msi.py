"""Inspect a socialtime MSI built by build-msi.sh: its tables and the rows that matter.

    python3 packaging/windows/check_msi.py MSI VERSION [PAYLOAD_DIR]

Reads the MSI with msiinfo (Debian: msitools) and checks: the tables; the product properties
(name, version, upgrade code, per machine, secure public properties); the install folder under
ProgramFiles64Folder; the Start-menu shortcut; the policy registry values and the login Run
value with their conditions (each written only when its property is given); the launch
conditions; the 64-bit template; one File row per payload file when PAYLOAD_DIR is given.
Prints what it saw; exits 1 with every problem found.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

POLICY_KEY = "SOFTWARE\\Policies\\socialtime"
RUN_KEY = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run"
HKLM = "2"
TABLES = {
    "Registry",
    "Property",
    "Shortcut",
    "Component",
    "File",
    "Directory",
    "Feature",
    "FeatureComponents",
    "LaunchCondition",
    "Media",
    "Upgrade",
    "InstallExecuteSequence",
}
PUBLIC = (
    "INVITE_AT_LOGIN",
    "TEAM_GOAL_FILE",
    "TEAM_SUMMARIES_ALLOWED",
    "DISABLED_SITES",
    "WORK_HOURS",
)
# value name -> (formatted value, condition of its component)
EXPECTED = {
    "InviteAtLogin": ("#[INVITE_AT_LOGIN]", "INVITE_AT_LOGIN"),
    "TeamGoalFile": ("[TEAM_GOAL_FILE]", "TEAM_GOAL_FILE"),
    "TeamSummariesAllowed": ("#[TEAM_SUMMARIES_ALLOWED]", "TEAM_SUMMARIES_ALLOWED"),
    "DisabledSites": ("[DISABLED_SITES]", "DISABLED_SITES"),
    **{
        f"WorkHours{d}": ("[WORK_HOURS]", "WORK_HOURS") for d in ("Mon", "Tue", "Wed", "Thu", "Fri")
    },
}
# Each condition is also true on uninstall, so that the values always go with the product.
UNINSTALL = ' OR REMOVE~="ALL"'
EXPECTED = {name: (value, cond + UNINSTALL) for name, (value, cond) in EXPECTED.items()}


def msiinfo(*args: str) -> str:
    return subprocess.run(["msiinfo", *args], check=True, capture_output=True, text=True).stdout


def rows(msi: str, table: str) -> list[list[str]]:
    return [line.split("\t") for line in msiinfo("export", msi, table).splitlines()[3:]]


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    msi, version = argv[0], argv[1]
    problems: list[str] = []
    seen: list[str] = []

    tables = set(msiinfo("tables", msi).split())
    seen.append("tables: " + " ".join(sorted(tables)))
    problems += [f"no {t} table" for t in sorted(TABLES - tables)]

    props = {r[0]: r[1] for r in rows(msi, "Property")}
    for name, want in (
        ("ProductName", "socialtime"),
        ("ProductVersion", version),
        ("UpgradeCode", "{4CAAF6EC-7C9C-4FF9-B6BA-FAB858E73FC6}"),
        ("ALLUSERS", "1"),
    ):
        if props.get(name) != want:
            problems.append(f"Property {name} = {props.get(name)!r}, expected {want!r}")
    secure = props.get("SecureCustomProperties", "").split(";")
    problems += [f"{p} is not a secure property" for p in PUBLIC if p not in secure]
    problems += [
        f"{p} has a default value: it must be set only when given" for p in PUBLIC if p in props
    ]
    seen.append(
        f"Property: ProductVersion {props.get('ProductVersion')}, ALLUSERS "
        f"{props.get('ALLUSERS')}, secure: {', '.join(p for p in secure if p)}"
    )

    dirs = {r[0]: (r[1], r[2]) for r in rows(msi, "Directory")}
    if dirs.get("INSTALLDIR") != ("ProgramFiles64Folder", "socialtime"):
        problems.append(
            f"INSTALLDIR is {dirs.get('INSTALLDIR')}, not ProgramFiles64Folder\\socialtime"
        )

    shortcuts = rows(msi, "Shortcut")
    if not any(
        r[1] == "ProgramMenuFolder" and r[4] == "[INSTALLDIR]socialtime.exe" for r in shortcuts
    ):
        problems.append("no Start-menu shortcut to [INSTALLDIR]socialtime.exe")
    seen += [f"Shortcut: {r[0]} in {r[1]} -> {r[4]}" for r in shortcuts]

    components = {r[0]: r for r in rows(msi, "Component")}
    registry = rows(msi, "Registry")
    for name, (value, condition) in EXPECTED.items():
        match = [r for r in registry if r[1] == HKLM and r[2] == POLICY_KEY and r[3] == name]
        if not match:
            problems.append(f"no HKLM\\{POLICY_KEY} value {name}")
            continue
        row = match[0]
        component = components.get(row[5], [""] * 6)
        if row[4] != value or component[4] != condition:
            problems.append(
                f"{name}: value {row[4]!r} if {component[4]!r}, expected {value!r} if {condition!r}"
            )
        if not int(component[3]) & 256:
            problems.append(f"{name}: component {row[5]} is not 64-bit")
    run = [r for r in registry if r[1] == HKLM and r[2] == RUN_KEY and r[3] == "socialtime-invite"]
    if not run or run[0][4] != '"[INSTALLDIR]socialtime.exe" --invite':
        problems.append(
            'no HKLM Run value socialtime-invite = "[INSTALLDIR]socialtime.exe" --invite'
        )
    elif components.get(run[0][5], [""] * 6)[4] != 'INVITE_AT_LOGIN="1"' + UNINSTALL:
        problems.append('the Run value is not conditioned on INVITE_AT_LOGIN="1"')
    others = [r for r in registry if r[2] not in (POLICY_KEY, RUN_KEY)]
    problems += [f"unexpected registry value {r[2]}\\{r[3]}" for r in others]
    seen += [
        f"Registry: HKLM\\{r[2]}\\{r[3]} = {r[4]}  if {components.get(r[5], [''] * 6)[4]}"
        for r in registry
    ]

    launch = [r[0] for r in rows(msi, "LaunchCondition")]
    for prop in ("INVITE_AT_LOGIN", "TEAM_SUMMARIES_ALLOWED"):
        if not any(f'{prop}="0"' in c and f'{prop}="1"' in c for c in launch):
            problems.append(f"no launch condition restricting {prop} to 0 or 1")

    template = [
        line for line in msiinfo("suminfo", msi).splitlines() if line.startswith("Template")
    ]
    if not template or "x64" not in template[0]:
        problems.append(f"not a 64-bit package: {template}")

    files = rows(msi, "File")
    seen.append(f"File: {len(files)} rows")
    if len(argv) == 3:
        payload = Path(argv[2])
        # (symbolic links, which a Linux stand-in payload has and a Windows build has not,
        # are not files of an MSI: build-msi.sh lists regular files only)
        count = sum(1 for p in payload.rglob("*") if p.is_file() and not p.is_symlink())
        if count != len(files):
            problems.append(f"{len(files)} File rows for {count} payload files")

    for line in seen:
        print(f"   {line}")
    for line in problems:
        print(f"   PROBLEM: {line}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
