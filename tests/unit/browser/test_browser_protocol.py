"""The browser-host protocol: tables of accepted and refused messages, and a fuzz test of the
whole read -> validate -> relay loop with random bytes, huge lengths, truncated frames and every
kind of wrong JSON. It must never crash and never relay anything but a clean hostname or null,
and whether the tab plays (a boolean, or nothing)."""

from __future__ import annotations

import json
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtime.browser.host import serve
from socialtime.browser.protocol import (
    MAX_FRAME,
    BrowserReport,
    FrameDecoder,
    ProtocolError,
    Relay,
    clean_host,
    encode,
    parse_host_message,
    parse_relay,
)
from socialtime.rules.sites import normalize_host

PID = 4242


def frame(payload: bytes, length: int | None = None) -> bytes:
    return struct.pack("=I", len(payload) if length is None else length) + payload


def message(doc: object) -> bytes:
    return frame(json.dumps(doc).encode())


def run_host(data: bytes, chunk: int = 7) -> list[dict]:
    """Feed ``data`` to browser-host's loop in ``chunk``-byte reads; the relayed messages."""
    chunks = [data[i : i + chunk] for i in range(0, len(data), chunk)]
    sent: list[bytes] = []
    serve(lambda: chunks.pop(0) if chunks else b"", sent.append, PID, clock=lambda: 1000.0)
    relayed = []
    for out in sent:
        decoder = FrameDecoder()
        [payload] = decoder.feed(out)
        relayed.append(json.loads(payload))
    return relayed


# --- tables ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "clean"),
    [
        ("www.facebook.com", "www.facebook.com"),
        ("WWW.Facebook.COM", "www.facebook.com"),
        ("facebook.com.", "facebook.com"),
        ("xn--bcher-kva.example", "xn--bcher-kva.example"),  # IDNs arrive in punycode
        ("localhost", "localhost"),
        ("my_host.corp.example", "my_host.corp.example"),
        ("192.168.1.1", "192.168.1.1"),
        ("[::1]", "[::1]"),
        ("[2001:DB8:0:0::1]", "[2001:db8::1]"),
    ],
)
def test_clean_hosts(host, clean):
    assert clean_host(host) == clean


@pytest.mark.parametrize(
    "host",
    [
        "",
        " facebook.com",
        "facebook.com/path",
        "facebook.com?q=1",
        "facebook.com#top",
        "facebook.com:443",  # a hostname never has a port
        "user@facebook.com",
        "bücher.example",  # browsers send punycode
        "-bad.example",
        "a..b",
        "a" * 64 + ".com",
        "a" * 300,
        "[not-ipv6]",
        "300.1.1.1",
        "face\nbook.com",
        "facebook.com\x00",
        "http://facebook.com",
        12,
        None,
        ["facebook.com"],
        {"host": "facebook.com"},
        True,
    ],
)
def test_refused_hosts(host):
    with pytest.raises(ProtocolError):
        clean_host(host)


@pytest.mark.parametrize(
    ("payload", "report"),
    [
        (b'{"host": "www.youtube.com"}', BrowserReport("www.youtube.com")),  # an older extension
        (b'{"host":null}', BrowserReport(None)),
        (b' {"host" : "X.com" } ', BrowserReport("x.com")),
        (b'{"\\u0068ost": "x.com"}', BrowserReport("x.com")),  # an escaped key is the same key
        (b'{"host": "www.facebook.com", "focused": true}', BrowserReport("www.facebook.com", True)),
        (b'{"focused": false, "host": null}', BrowserReport(None, False)),
        (b'{"host": null, "focused": true}', BrowserReport(None, True)),  # not http(s)
        (
            b'{"host": "www.youtube.com", "audible": true}',
            BrowserReport("www.youtube.com", audible=True),
        ),
        (b'{"audible": false, "host": null}', BrowserReport(None, audible=False)),
        (
            b'{"host": "www.youtube.com", "focused": true, "audible": true}',
            BrowserReport("www.youtube.com", True, True),
        ),
    ],
)
def test_accepted_messages(payload, report):
    assert parse_host_message(payload) == report


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "not JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"null", "not a JSON object"),
        (b'["x.com"]', "not a JSON object"),
        (b'"x.com"', "not a JSON object"),
        (b"{}", "expected the key 'host'"),
        (b'{"host": "x.com", "path": "/"}', "expected the key 'host'"),
        (b'{"host": "x.com", "title": "Feed"}', "expected the key 'host'"),
        (b'{"host": "x.com", "focused": true, "title": "Feed"}', "expected the key 'host'"),
        (b'{"url": "https://x.com/"}', "expected the key 'host'"),
        (b'{"focused": true}', "expected the key 'host'"),
        (b'{"host": "x.com", "focused": 1}', "focused is not true or false"),
        (b'{"host": "x.com", "focused": "yes"}', "focused is not true or false"),
        (b'{"host": "x.com", "focused": null}', "focused is not true or false"),
        (b'{"audible": true}', "expected the key 'host'"),
        (b'{"host": "x.com", "audible": true, "muted": false}', "expected the key 'host'"),
        (b'{"host": "x.com", "audible": 1}', "audible is not true or false"),
        (b'{"host": "x.com", "audible": "yes"}', "audible is not true or false"),
        (b'{"host": "x.com", "audible": null}', "audible is not true or false"),
        (b'{"host": "a.com", "host": "b.com"}', "duplicate key"),
        (b'{"host": 1}', "neither a string nor null"),
        (b'{"host": false}', "neither a string nor null"),
        (b'{"host": NaN}', "neither a string nor null"),
        (b'{"host": "x.com/feed"}', "characters"),
        (b"[" * 3000 + b"]" * 3000, "nested too deeply"),
        (b'{"host": "x.com"', "not JSON"),
    ],
)
def test_refused_messages_say_why_without_content(payload, reason):
    with pytest.raises(ProtocolError) as caught:
        parse_host_message(payload)
    assert reason in str(caught.value)
    assert "x.com" not in str(caught.value)


def test_relay_messages():
    assert parse_relay(b'{"host": "x.com", "pid": 12, "time": 3.5}') == Relay("x.com", 12, 3.5)
    assert parse_relay(b'{"host": null, "pid": 12, "time": 3}') == Relay(None, 12, 3.0)
    got = parse_relay(b'{"host": "x.com", "pid": 12, "time": 3, "focused": true}')
    assert got == Relay("x.com", 12, 3.0, True)
    assert parse_relay(got.encode()[4:]) == got  # encode() and parse_relay agree
    assert parse_relay(Relay(None, 9, 1.0).encode()[4:]) == Relay(None, 9, 1.0)
    assert b"focused" not in Relay(None, 9, 1.0).encode()  # unknown focus: not said
    assert b"audible" not in Relay(None, 9, 1.0).encode()  # unknown sound: not said
    assert parse_relay(b'{"host": "x.com", "pid": 12, "time": 3, "audible": true}') == Relay(
        "x.com", 12, 3.0, audible=True
    )
    assert parse_relay(b'{"query": "status"}') == "status"
    for relay in (
        Relay("x.com", 12, 3.5),
        Relay(None, 7, 1.0, audible=False),
        Relay("a.b", 1, 2, True, True),
    ):
        [payload] = FrameDecoder().feed(relay.encode())
        assert parse_relay(payload) == relay
    for bad in (
        b'{"host": "x.com", "pid": 0, "time": 1}',
        b'{"host": "x.com", "pid": -5, "time": 1}',
        b'{"host": "x.com", "pid": true, "time": 1}',
        b'{"host": "x.com", "pid": 1.5, "time": 1}',
        b'{"host": "x.com", "pid": 99999999999, "time": 1}',
        b'{"host": "x.com", "pid": 1, "time": "now"}',
        b'{"host": "x.com", "pid": 1, "time": Infinity}',
        b'{"host": "x.com", "pid": 1}',
        b'{"host": "x.com/a", "pid": 1, "time": 1}',
        b'{"host": "x.com", "pid": 1, "time": 1, "extra": 0}',
        b'{"host": "x.com", "pid": 1, "time": 1, "focused": 0}',
        b'{"host": "x.com", "pid": 1, "time": 1, "focused": true, "extra": 0}',
        b'{"host": "x.com", "pid": 1, "time": 1, "audible": 0}',
        b'{"host": "x.com", "pid": 1, "audible": true}',
        b'{"query": "hosts"}',
    ):
        with pytest.raises(ProtocolError):
            parse_relay(bad)


def test_the_host_passes_the_focus_on_as_the_browser_said_it():
    data = (
        message({"host": "www.facebook.com", "focused": True})
        + message({"host": None, "focused": False})
        + message({"host": "a.com"})  # an older extension: the focus is not made up
    )
    relayed = run_host(data)
    assert [(m["host"], m.get("focused")) for m in relayed] == [
        ("www.facebook.com", True),
        (None, False),
        ("a.com", None),
    ]
    assert "focused" not in relayed[2]


def test_frames_across_any_chunking():
    data = message({"host": "a.com"}) + message({"host": None}) + message({"host": "b.com"})
    for chunk in (1, 2, 3, 5, len(data)):
        assert [m["host"] for m in run_host(data, chunk)] == ["a.com", None, "b.com"]


def test_a_huge_frame_is_skipped_without_buffering_and_the_stream_goes_on():
    big = json.dumps({"host": "a" * 10_000}).encode()
    data = frame(big) + message({"host": "after.com"})
    decoder = FrameDecoder()
    frames = []
    for i in range(0, len(data), 512):
        frames += decoder.feed(data[i : i + 512])
        assert len(decoder._buf) <= MAX_FRAME + 512
    assert frames == [b'{"host": "after.com"}']
    assert decoder.dropped == 1


def test_a_4_gib_length_drops_the_rest_and_ends_cleanly():
    data = message({"host": "before.com"}) + frame(b"x" * 100, length=0xFFFFFFFF)
    assert [m["host"] for m in run_host(data)] == ["before.com"]


@pytest.mark.parametrize("tail", [b"\x05", b"\x05\x00", b'\x10\x00\x00\x00{"ho'])
def test_a_truncated_last_frame_is_dropped(tail):
    data = message({"host": "before.com"}) + tail
    assert [m["host"] for m in run_host(data)] == ["before.com"]


def test_relayed_messages_carry_the_browser_pid_and_time_only():
    [relayed] = run_host(message({"host": "Www.LinkedIn.com"}))
    assert relayed == {"host": "www.linkedin.com", "pid": PID, "time": 1000.0}
    [relayed] = run_host(message({"host": "www.youtube.com", "audible": True}))
    assert relayed == {"host": "www.youtube.com", "pid": PID, "time": 1000.0, "audible": True}


def test_encode_refuses_oversized_messages():
    with pytest.raises(ProtocolError):
        encode({"host": "a" * MAX_FRAME})


def test_bad_input_is_logged_by_reason_only(caplog):
    run_host(message({"host": "secret-canary.example/path"}) + message({"x": 1}))
    assert "dropped" in caplog.text
    assert "secret-canary" not in caplog.text


# --- fuzz --------------------------------------------------------------------------------------

LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
NAMES = st.builds(
    lambda labels, tld: ".".join([*labels, tld]),
    st.lists(LABEL, min_size=1, max_size=3),
    st.from_regex(r"[a-z]{2,6}", fullmatch=True),
)
# How a valid host may arrive: as is, in capitals, with the root's trailing dot; or an IP.
SPELLINGS = st.one_of(
    NAMES.map(lambda h: (h, h)),
    NAMES.map(lambda h: (h.upper(), h)),
    NAMES.map(lambda h: (h + ".", h)),
    st.ip_addresses(v=4).map(lambda ip: (str(ip), str(ip))),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
FORBIDDEN = st.sampled_from(list(" /?#@:\x00\n\té[]%"))


def _accepted_by_json(raw: bytes) -> bool:
    """True when ``raw`` is a JSON object: random bytes are junk only if they are not."""
    try:
        return isinstance(json.loads(raw), dict)
    except (ValueError, RecursionError):
        return False


JUNK = st.one_of(
    st.binary(max_size=64).filter(lambda b: not _accepted_by_json(b)),
    JSON_VALUES.filter(lambda v: not isinstance(v, dict)).map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=3)
    .filter(lambda d: "host" not in d)
    .map(lambda d: json.dumps(d).encode()),
    st.builds(
        lambda h, v: json.dumps({"host": h, "audible": v}).encode(),
        NAMES,
        JSON_VALUES.filter(lambda v: not isinstance(v, bool)),
    ),
    JSON_VALUES.filter(lambda v: v is not None and not isinstance(v, str)).map(
        lambda v: json.dumps({"host": v}).encode()
    ),
    st.builds(
        lambda h, c, i: json.dumps({"host": h[:i] + c + h[i:]}).encode(),
        NAMES,
        FORBIDDEN,
        st.integers(0, 30),
    ),
    st.builds(
        lambda h, key, v: json.dumps({"host": h, key: v}).encode(),
        NAMES,
        st.sampled_from(["path", "url", "title", "query", "incognito", ""]),
        JSON_VALUES,
    ),
    st.just(b'{"host": "a.com", "host": "b.com"}'),
    st.just(b'{"host": "a.com"'),
    st.just(b"\xff" * 8),
)
ITEMS = st.lists(
    st.one_of(
        SPELLINGS.map(lambda s: ("valid", (*s, None))),
        st.none().map(lambda _: ("valid", (None, None, None))),
        st.tuples(SPELLINGS, st.booleans()).map(lambda t: ("valid", (*t[0], t[1]))),
        JUNK.map(lambda raw: ("junk", raw)),
        st.integers(MAX_FRAME + 1, 20_000).map(lambda n: ("huge", n)),
    ),
    max_size=12,
)
TAILS = st.one_of(
    st.just(b""),
    st.binary(min_size=1, max_size=3),  # part of a header
    st.builds(
        lambda n, body: frame(body, length=n), st.integers(65, MAX_FRAME), st.binary(max_size=64)
    ),
    st.builds(lambda body: frame(body, length=0xFFFFFFFF), st.binary(max_size=64)),
)


@settings(max_examples=300, deadline=None)
@given(ITEMS, TAILS, st.integers(1, 97))
def test_fuzz_only_valid_messages_are_relayed_in_order(items, tail, chunk):
    data = b""
    expected: list[tuple[str | None, bool | None]] = []
    for kind, value in items:
        if kind == "valid":
            raw, clean, audible = value
            data += message({"host": raw} if audible is None else {"host": raw, "audible": audible})
            expected.append((clean, audible))
        elif kind == "junk":
            data += frame(value)
        else:
            data += frame(b"{" * value)  # an oversized frame, skipped as it streams
    relayed = run_host(data + tail, chunk)
    assert [(m["host"], m.get("audible")) for m in relayed] == expected
    for m in relayed:
        assert set(m) <= {"host", "pid", "time", "focused", "audible"} and m["pid"] == PID
        assert m["host"] is None or normalize_host(m["host"]) in (m["host"], None)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600), st.integers(1, 64))
def test_fuzz_random_bytes_never_crash_and_never_relay_junk(data, chunk):
    for m in run_host(data, chunk):
        assert {"host", "pid", "time"} <= set(m) <= {"host", "pid", "time", "focused", "audible"}
        assert m.get("focused", False) in (True, False)
        assert m.get("audible", False) in (True, False)
        assert m["host"] is None or clean_host(m["host"]) == m["host"]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_the_recorder_side_never_raises_anything_but_protocol_errors(payload):
    try:
        result = parse_relay(payload)
    except ProtocolError:
        return
    assert result == "status" or isinstance(result, Relay)
