"""A few D-Bus calls over jeepney (pure Python): connect, call a method, read a property, match.

Why jeepney: it has no compiled parts and no main loop of its own, so a probe can make blocking
calls with a timeout on the tracker's thread and a listener can own its connection on its own
thread. It only speaks the `unix:` transport (a local socket, never the network): a bus address
such as `tcp:host=...` is refused with an error, which keeps promise 1 even under a hostile
environment. jeepney is imported inside the functions, so importing this module loads nothing.

Every failure to talk to a bus becomes a BusError carrying a sentence for `socialtime doctor`.
"""

from __future__ import annotations

import contextlib
from typing import Any

from socialtime.base.i18n import format_number, translate

# "SESSION" and "SYSTEM" are jeepney's names for the buses named by the environment; anything
# else is a D-Bus address such as "unix:path=/run/user/1000/bus" (tests use private buses).
SESSION = "SESSION"
SYSTEM = "SYSTEM"
CALL_TIMEOUT = 0.5  # seconds; a desktop service that does not answer by then is "unknown"

# Error names that mean "nobody here implements this", as opposed to a failure of one call.
ABSENT = frozenset(
    {
        "org.freedesktop.DBus.Error.ServiceUnknown",
        "org.freedesktop.DBus.Error.NameHasNoOwner",
        "org.freedesktop.DBus.Error.UnknownMethod",
        "org.freedesktop.DBus.Error.UnknownObject",
        "org.freedesktop.DBus.Error.UnknownInterface",
        "org.freedesktop.DBus.Error.UnknownProperty",
    }
)


class BusError(Exception):
    """The bus cannot be reached or the call failed; str() is a sentence for the user."""


class CallError(BusError):
    """The remote side answered with a D-Bus error."""

    def __init__(self, name: str, text: str) -> None:
        super().__init__(f"{name}: {text}" if text else name)
        self.name = name

    @property
    def absent(self) -> bool:
        """True when the service, object or method does not exist (an extension not installed)."""
        return self.name in ABSENT


def describe(bus: str) -> str:
    """The bus, for a sentence: "the session bus", "the system bus", "D-Bus 'unix:...'"."""
    if bus == SESSION:
        return translate("dbusio", "the session bus")
    if bus == SYSTEM:
        return translate("dbusio", "the system bus")
    return translate("dbusio", "D-Bus {address}").format(address=repr(bus))


def connect(bus: str) -> Any:
    """A blocking jeepney connection to `bus`; raises BusError (never anything else)."""
    try:
        from jeepney.io.blocking import open_dbus_connection
    except ImportError as exc:
        text = translate("dbusio", "jeepney is missing ({error}): pip install jeepney")
        raise BusError(text.format(error=exc)) from exc
    try:
        return open_dbus_connection(bus, auth_timeout=1.0)
    except KeyError as exc:  # DBUS_SESSION_BUS_ADDRESS is not set
        text = translate("dbusio", "{bus} is not known here ({variable} is not set)")
        raise BusError(text.format(bus=describe(bus), variable=exc)) from exc
    # A system boundary: jeepney raises OSError, RuntimeError (unsupported transport such as
    # tcp:), AuthenticationError, TimeoutError, ValueError (a malformed address)...
    except Exception as exc:
        text = translate("dbusio", "cannot connect to {bus}: {error}")
        raise BusError(text.format(bus=describe(bus), error=exc)) from exc


def call(
    conn: Any,
    dest: str,
    path: str,
    interface: str,
    method: str,
    signature: str | None = None,
    body: tuple[Any, ...] = (),
    timeout: float = CALL_TIMEOUT,
) -> tuple[Any, ...]:
    """Call a method and return the reply's body. Never starts a service (no auto-start)."""
    from jeepney import DBusAddress, MessageFlag, MessageType, new_method_call

    msg = new_method_call(DBusAddress(path, dest, interface), method, signature, body)
    msg.header.flags |= MessageFlag.no_auto_start
    try:
        reply = conn.send_and_get_reply(msg, timeout=timeout)
    except TimeoutError as exc:
        text = translate("dbusio", "{service} did not answer {method} within {seconds} s")
        raise BusError(
            text.format(service=dest, method=method, seconds=format_number(timeout, 1))
        ) from exc
    except Exception as exc:  # the connection broke (OSError, ConnectionResetError...)
        text = translate("dbusio", "lost the connection while calling {service} {method}: {error}")
        raise BusError(text.format(service=dest, method=method, error=exc)) from exc
    if reply.header.message_type == MessageType.error:
        from jeepney import HeaderFields

        name = reply.header.fields.get(HeaderFields.error_name, "error")
        text = reply.body[0] if reply.body and isinstance(reply.body[0], str) else ""
        raise CallError(name, text)
    return tuple(reply.body)


def get_property(
    conn: Any, dest: str, path: str, interface: str, name: str, timeout: float = CALL_TIMEOUT
) -> Any:
    """A property's value (the variant unwrapped)."""
    body = call(
        conn, dest, path, "org.freedesktop.DBus.Properties", "Get", "ss", (interface, name), timeout
    )
    return body[0][1]  # jeepney gives a variant as (signature, value)


def add_match(conn: Any, arg0: str | None = None, **rule: str) -> None:
    """Subscribe to signals matching `rule` (MatchRule fields: interface, member, path...);
    `arg0`: only those whose first argument is this string (NameOwnerChanged of one name)."""
    from jeepney import MatchRule, message_bus

    match = MatchRule(type="signal", **rule)
    if arg0 is not None:
        match.add_arg_condition(0, arg0)
    try:
        conn.send_and_get_reply(message_bus.AddMatch(match), timeout=CALL_TIMEOUT)
    except Exception as exc:
        text = translate("dbusio", "cannot subscribe to {signal}: {error}")
        signal = rule.get("member") or translate("dbusio", "signals")
        raise BusError(text.format(signal=signal, error=exc)) from exc


def wake(conn: Any) -> None:
    """Make a thread blocked reading `conn` return at once (it sees end-of-file).

    Only the socket is shut down: closing the connection's selector under a thread that waits
    in it would not wake that thread. The reading thread closes the connection itself.
    """
    sock = getattr(conn, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(2)  # SHUT_RDWR


def close_quietly(conn: Any) -> None:
    """Close a connection that may already be broken."""
    wake(conn)
    with contextlib.suppress(Exception):  # already broken: nothing more to release
        conn.close()


def header(msg: Any) -> tuple[str, str, str, str]:
    """(message type name, path, interface, member) of a received message."""
    from jeepney import HeaderFields

    fields = msg.header.fields
    return (
        msg.header.message_type.name,
        fields.get(HeaderFields.path, ""),
        fields.get(HeaderFields.interface, ""),
        fields.get(HeaderFields.member, ""),
    )
