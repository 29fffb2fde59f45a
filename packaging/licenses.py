"""Collect the licence texts of what the frozen build bundles, into one folder.

    python packaging/licenses.py OUTDIR

The PyInstaller build carries the Python interpreter, socialtime's runtime dependencies
(found from socialtime's own metadata, markers evaluated for this machine) and PyInstaller's
bootloader. Their licences ask that their texts travel with the program, so the Debian package
ships them in /usr/share/doc/socialtime/licenses/ (Qt and PySide6 ship none in their wheels:
their terms are named in THIRD-PARTY.txt and the Debian copyright file). Run with the Python
of the environment that made the build (.venv).
"""

from __future__ import annotations

import contextlib
import importlib.metadata as md
import re
import shutil
import sys
import sysconfig
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)", re.IGNORECASE)


def _wanted(specs: list[str]) -> list[str]:
    names = []
    for spec in specs:
        req = Requirement(spec)
        if req.marker is None or req.marker.evaluate({"extra": ""}):
            names.append(req.name)
    return names


def runtime_distributions() -> list[md.Distribution]:
    """socialtime's dependencies (from pyproject.toml), then theirs as installed here."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        todo = _wanted(tomllib.load(f)["project"]["dependencies"])
    seen: dict[str, md.Distribution] = {}
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen[key] = dist
        todo += _wanted(dist.requires or [])
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def licence_of(dist: md.Distribution) -> str:
    meta = dist.metadata
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 80:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []]
    found = [c for c in classifiers if c.startswith(("License", "OSI")) is False and "License" in c]
    return ", ".join(found) or "see the files in this folder"


def licence_files(dist: md.Distribution) -> list[tuple[Path, Path]]:
    """(source, path relative to the dist-info folder) of each licence file it ships."""
    out = []
    for entry in dist.files or []:
        parts = Path(entry).parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        rel = Path(*parts[1:])
        if rel.parts and (rel.parts[0] == "licenses" or LICENCE_NAME.search(rel.name)):
            out.append((Path(dist.locate_file(entry)), rel))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    lines = [
        "Third-party components of socialtime's PyInstaller build: Python, socialtime's runtime",
        "dependencies (some are only partly bundled) and PyInstaller's bootloader.",
        "",
        f"Python {sys.version.split()[0]}: PSF-2.0 (python/LICENSE.txt)",
    ]
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if not python_licence.is_file():  # Debian's python3.11 keeps it in its copyright file
        major, minor = sys.version_info[:2]
        python_licence = Path(f"/usr/share/doc/python{major}.{minor}/copyright")
    if python_licence.is_file():
        (out / "python").mkdir(exist_ok=True)
        shutil.copyfile(python_licence, out / "python" / "LICENSE.txt")
    dists = runtime_distributions()
    with contextlib.suppress(md.PackageNotFoundError):  # its bootloader is the executable
        dists.append(md.distribution("pyinstaller"))
    for dist in dists:
        name, version = dist.metadata["Name"], dist.version
        files = licence_files(dist)
        for src, rel in files:
            dest = out / name / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
        where = f" ({name}/)" if files else ""
        lines.append(f"{name} {version}: {licence_of(dist)}{where}")
    lines += [
        "",
        "Qt 6 (in PySide6-Essentials): LGPL-3.0-only; PySide6 and shiboken6:",
        "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only. Their wheels ship no licence file; on",
        "Debian the texts are /usr/share/common-licenses/LGPL-3 and GPL-3; source code:",
        "https://code.qt.io/ (Qt) and https://code.qt.io/pyside/pyside-setup.git (PySide6).",
        "The libraries vendored inside the numpy and pillow wheels (OpenBLAS, libgfortran,",
        "libquadmath, libjpeg-turbo, libtiff, libwebp, OpenJPEG, lcms2, libavif, zstd, xz,",
        "libxcb, libXau) are listed with their terms in numpy/ and pillow/ here.",
    ]
    (out / "THIRD-PARTY.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"licences of {len(dists)} distributions and Python in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
