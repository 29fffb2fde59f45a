"""Rules of the codebase that a reviewer should not have to remember."""

import ast
from pathlib import Path

import pytest

from socialtime import cli

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "socialtime"
NETWORK_MODULES = {"socket", "urllib.request", "http.client", "requests", "httpx", "ssl"}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


CORE_FILES = [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_ui_package_imports_qt(path):
    qt = {m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "matplotlib")}
    assert not qt, f"{path.relative_to(ROOT)} imports {qt}: only socialtime/ui/ may"


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
