"""Rules of the codebase that a reviewer should not have to remember."""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import ROOT

from socialtime import cli

PACKAGE = ROOT / "socialtime"
NETWORK_MODULES = {"socket", "urllib.request", "http.client", "requests", "httpx", "ssl"}


@dataclass(frozen=True)
class Import:
    line: int
    module: str  # absolute: a relative import is resolved against the file's package
    names: tuple[str, ...]  # what ``from module import ...`` names; () for ``import module``
    lazy: bool  # inside a function: it runs when the function is called


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """``socialtime/ui/settings/dialog.py`` -> ``socialtime.ui.settings.dialog``."""
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, package: Path = PACKAGE) -> list[Import]:
    """Every import in a file: at the top, inside functions (lazy) and under TYPE_CHECKING."""
    name = module_name(path, package)
    here = (name if path.name == "__init__.py" else name.rpartition(".")[0]).split(".")
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend(Import(child.lineno, a.name, (), lazy) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                module = child.module or ""
                if child.level:  # from . import x, from ..a import b
                    base = here[: len(here) - child.level + 1]
                    module = ".".join([*base, module] if module else base)
                names = tuple(a.name for a in child.names)
                found.append(Import(child.lineno, module, names, lazy))
            function = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            visit(child, lazy or isinstance(child, function))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def imported_modules(path: Path) -> set[str]:
    return {i.module for i in imports(path)}


CORE_FILES = [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_ui_package_imports_qt(path):
    top = path.relative_to(PACKAGE).parts[0]
    gui = ("PySide6",) if top == "charts" else ("PySide6", "matplotlib")
    qt = {m for m in imported_modules(path) if m.split(".")[0] in gui}
    where = "socialtime/ui/" if top == "charts" else "socialtime/ui/ and socialtime/charts/"
    assert not qt, f"{path.relative_to(ROOT)} imports {qt}: only {where} may"


@pytest.mark.parametrize(
    "path", list(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_network_module_is_imported(path):
    forbidden = NETWORK_MODULES
    if path in UNIX_SOCKET_FILES:  # local AF_UNIX sockets only, checked below
        forbidden = NETWORK_MODULES - {"socket"}
    found = imported_modules(path) & forbidden
    assert not found, f"{path.relative_to(ROOT)} imports {found}: socialtime opens no connection"


BRIDGE = PACKAGE / "browser"
# The files that may import socket: the browser bridge, and the one module of the probes that
# opens the compositor's Wayland socket (sway's IPC socket goes through it too).
WAYLAND_WIRE = PACKAGE / "probes" / "wayland_wire.py"
UNIX_SOCKET_FILES = [*sorted(BRIDGE.glob("*.py")), WAYLAND_WIRE]
# What they may use from the socket module: stream sockets on a filesystem path, and the
# peer's credentials. Anything that could reach the network is refused, even by name in a string.
SOCKET_ALLOWED = {"socket", "AF_UNIX", "SOCK_STREAM", "SOL_SOCKET", "SO_PEERCRED"}
SOCKET_FORBIDDEN = {
    "AF_INET", "AF_INET6", "AF_PACKET", "SOCK_DGRAM", "SOCK_RAW", "create_connection",
    "create_server", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "fromfd",
}  # fmt: skip


def test_only_the_listed_files_import_socket():
    users = {p for p in PACKAGE.rglob("*.py") if "socket" in imported_modules(p)}
    assert users <= set(UNIX_SOCKET_FILES), users - set(UNIX_SOCKET_FILES)
    assert WAYLAND_WIRE in users  # the rule below is not checking an empty list


@pytest.mark.parametrize("path", UNIX_SOCKET_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_bridge_and_the_wayland_client_use_only_unix_sockets(path):
    where = path.relative_to(ROOT)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "socket":
            raise AssertionError(f"{where}: use `import socket` and socket.X, so this test sees X")
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "socket"
        ):
            assert node.attr in SOCKET_ALLOWED, f"{where}:{node.lineno}: socket.{node.attr}"
        name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            name = node.value
        assert name not in SOCKET_FORBIDDEN, f"{where}:{getattr(node, 'lineno', '?')}: {name}"
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "socket.socket":
            family = ast.unparse(node.args[0]) if node.args else None
            assert family == "socket.AF_UNIX", f"{where}:{node.lineno}: socket.socket({family})"


def commands():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sub.choices


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(commands()) >= 6
    for name, parser in commands().items():
        assert parser.description, f"`socialtime {name}` has no help text"
        assert f"socialtime {name}" in readme, f"`socialtime {name}` is missing from the README"
        for action in parser._actions:
            assert action.help, f"`socialtime {name}` option {action.option_strings} has no help"


# --- layers ----------------------------------------------------------------------------------
# The packages of socialtime, lowest first (ARCHITECTURE.md): a module may import a module of
# its own package or of a lower layer, never of its own layer's other package nor of a higher
# one, and this counts every import: lazy ones and those under TYPE_CHECKING too. The files at
# the top (socialtime/__init__.py: the version; __main__.py) are outside the table.
LAYERS: list[set[str]] = [
    {"base"},  # paths, files, private_files, i18n: import nothing else of socialtime
    {"rules"},  # pure decisions: work hours, sites, periods
    {"settings", "probes"},  # what the user and the organisation chose; what the desktop shows
    {"browser"},  # what the browser says
    {"recording"},  # the tick and the store
    {"insights"},  # what the spans mean
    {"team", "login"},
    {"charts"},  # matplotlib, never Qt
    {"cli", "ui"},  # the two shells
]
# The only imports up or across the table: the command line starts the tray and the login
# invitation through these two functions, imported inside the command that calls them.
LAUNCHERS = {("cli", "socialtime.ui.app", "run"), ("cli", "socialtime.ui.invite", "run_invite")}


def modules(package: Path) -> dict[str, Path]:
    return {module_name(p, package): p for p in sorted(package.rglob("*.py"))}


def targets(imp: Import, known: dict[str, Path]) -> list[str]:
    """The package's modules that an import loads for its names: ``from a import b`` is module
    ``a.b`` when there is one, else a name of module ``a``."""
    found = [f"{imp.module}.{n}" for n in imp.names if f"{imp.module}.{n}" in known]
    if len(found) < len(imp.names) or not imp.names:
        module = imp.module
        while module and module not in known:
            module = module.rpartition(".")[0]
        found.append(module or imp.module)
    return found


def graph(package: Path) -> dict[str, list[tuple[str, Import]]]:
    """Module -> (module of the package it imports, the import), every import counted."""
    known = modules(package)
    edges: dict[str, list[tuple[str, Import]]] = {name: [] for name in known}
    for name, path in known.items():
        for imp in imports(path, package):
            if imp.module.split(".")[0] == package.name:
                edges[name] += [(t, imp) for t in targets(imp, known) if t != name]
    return edges


def layer_of(module: str, package: Path) -> str:
    """The package of the table that holds ``module``; "" for the files at the top."""
    parts = module.split(".")
    if len(parts) == 1 or (package / f"{parts[1]}.py").is_file():
        return ""
    return parts[1]


def layer_problems(package: Path, layers: list[set[str]], launchers: set) -> list[str]:
    rank = {name: i for i, layer in enumerate(layers) for name in layer}
    problems = []
    tops = {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    problems += [f"{package.name}/{t}/ is in no layer of the table" for t in tops - set(rank)]
    for module, edges in graph(package).items():
        here = layer_of(module, package)
        if not here:
            continue
        for target, imp in edges:
            there = layer_of(target, package)
            if not there or there == here or rank.get(there, -1) < rank.get(here, -1):
                continue
            launcher = all((here, imp.module, n) in launchers for n in imp.names or ("",))
            if launcher and imp.lazy:
                continue
            problems.append(
                f"{module}:{imp.line} ({here}, layer {rank.get(here)}) imports {target} "
                f"({there}, layer {rank.get(there)})"
            )
    return problems


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return found


def module_cycles(package: Path) -> list[list[str]]:
    return cycles({m: {t for t, _ in edges} for m, edges in graph(package).items()})


def package_cycles(package: Path) -> list[list[str]]:
    """Circles between the children of one package (its modules and sub-packages, each
    sub-package with everything in it), for every package: import-linter's acyclic_siblings."""
    edges = {m: {t for t, _ in e} for m, e in graph(package).items()}
    packages = [m for m, p in modules(package).items() if p.name == "__init__.py"]
    found = []
    for parent in packages:
        depth = parent.count(".") + 1

        def child(module: str, parent: str = parent, depth: int = depth) -> str | None:
            inside = module.startswith(parent + ".")
            return ".".join(module.split(".")[: depth + 1]) if inside else None

        siblings: dict[str, set[str]] = {}
        for module, out in edges.items():
            a = child(module)
            for target in out:
                b = child(target)
                if a and b and a != b:
                    siblings.setdefault(a, set()).add(b)
        found += cycles(siblings)
    return found


def test_every_package_is_in_one_layer():
    names = [name for layer in LAYERS for name in layer]
    assert len(names) == len(set(names))
    tops = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert tops == set(names), "a package of socialtime/ is missing from LAYERS, or gone"


def test_only_init_and_main_are_at_the_top():
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]


def test_a_package_imports_only_lower_layers():
    assert layer_problems(PACKAGE, LAYERS, LAUNCHERS) == []


def test_the_command_line_reaches_the_ui_only_through_its_two_launchers():
    found = {
        (module, imp.module, imp.names, imp.lazy)
        for module, edges in graph(PACKAGE).items()
        for target, imp in edges
        if layer_of(module, PACKAGE) == "cli" and layer_of(target, PACKAGE) == "ui"
    }
    assert found == {
        ("socialtime.cli.program", "socialtime.ui.app", ("run",), True),
        ("socialtime.cli.program", "socialtime.ui.invite", ("run_invite",), True),
    }


def test_no_import_circle_between_modules():
    assert module_cycles(PACKAGE) == []


def test_no_import_circle_between_packages():
    assert package_cycles(PACKAGE) == []


# The checks above on a tiny package written for the test: they must fail when the rule is
# broken, or the tests above prove nothing.
FAKE_LAYERS = [{"base"}, {"core"}, {"cli", "ui"}]
FAKE_LAUNCHERS = {("cli", "fake.ui.app", "run")}


def fake_package(tmp_path: Path, files: dict[str, str]) -> Path:
    base = {
        "__init__.py": "",
        "base/__init__.py": "",
        "base/paths.py": "",
        "core/__init__.py": "",
        "core/model.py": "from fake.base import paths\n",
        "ui/__init__.py": "",
        "ui/app.py": "from fake.core.model import paths\n\n\ndef run():\n    return 0\n",
        "cli/__init__.py": "",
        "cli/main.py": "def main():\n    from fake.ui.app import run\n\n    return run()\n",
    }
    for name, text in (base | files).items():
        path = tmp_path / "fake" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path / "fake"


def test_the_fake_package_as_written_passes(tmp_path):
    package = fake_package(tmp_path, {})
    assert layer_problems(package, FAKE_LAYERS, FAKE_LAUNCHERS) == []
    assert module_cycles(package) == package_cycles(package) == []


@pytest.mark.parametrize(
    "text",
    [
        "from fake.core.model import paths\n",
        "import fake.core.model\n",
        "def f():\n    from fake.core import model\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from fake.core.model import X\n",
        "from ..core import model\n",
    ],
    ids=["top", "import", "lazy", "type-checking", "relative"],
)
def test_a_lower_package_importing_a_higher_one_fails(tmp_path, text):
    package = fake_package(tmp_path, {"base/files.py": text})
    problems = layer_problems(package, FAKE_LAYERS, FAKE_LAUNCHERS)
    assert len(problems) == 1
    assert problems[0].startswith("fake.base.files:")
    assert "(base, layer 0) imports fake.core" in problems[0]


def test_a_package_importing_its_own_layers_other_package_fails(tmp_path):
    package = fake_package(tmp_path, {"ui/dialog.py": "from fake.cli import main\n"})
    problems = layer_problems(package, FAKE_LAYERS, FAKE_LAUNCHERS)
    assert problems == ["fake.ui.dialog:1 (ui, layer 2) imports fake.cli.main (cli, layer 2)"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("from fake.ui.app import run\n", 1),
        ("def f():\n    from fake.ui.app import run, other\n", 2),
        ("def f():\n    from fake.ui import app\n", 2),
    ],
    ids=["not-lazy", "more-than-the-launcher", "the-module"],
)
def test_the_command_line_importing_the_ui_otherwise_fails(tmp_path, text, line):
    package = fake_package(tmp_path, {"cli/extra.py": text})
    problems = layer_problems(package, FAKE_LAYERS, FAKE_LAUNCHERS)
    assert [p.split(" ")[0] for p in problems] == [f"fake.cli.extra:{line}"]


def test_a_package_missing_from_the_table_fails(tmp_path):
    package = fake_package(tmp_path, {"extra/__init__.py": ""})
    assert layer_problems(package, FAKE_LAYERS, FAKE_LAUNCHERS) == [
        "fake/extra/ is in no layer of the table"
    ]


def test_two_sibling_modules_in_a_circle_fail(tmp_path):
    package = fake_package(
        tmp_path,
        {
            "core/a.py": "from fake.core import b\n",
            "core/b.py": "def f():\n    from fake.core.a import g\n",  # lazy: still a circle
        },
    )
    assert layer_problems(package, FAKE_LAYERS, FAKE_LAUNCHERS) == []  # one package: allowed
    assert module_cycles(package) == [["fake.core.a", "fake.core.b"]]
    assert package_cycles(package) == [["fake.core.a", "fake.core.b"]]


def test_two_sibling_packages_in_a_circle_fail(tmp_path):
    package = fake_package(
        tmp_path,
        {
            "ui/one/__init__.py": "",
            "ui/one/x.py": "from fake.ui.two import y\n",
            "ui/one/z.py": "",
            "ui/two/__init__.py": "",
            "ui/two/y.py": "from fake.ui.one import z\n",  # no module circle: x -> y -> z
        },
    )
    assert module_cycles(package) == []
    assert package_cycles(package) == [["fake.ui.one", "fake.ui.two"]]
