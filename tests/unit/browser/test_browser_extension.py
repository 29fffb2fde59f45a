"""The extension's background script, run by Node with a fake ``chrome`` API and fake timers:
what it sends for each kind of tab (private, not http(s), loading, with a path and a query,
playing sound, muted), when it sends, and how it reconnects. The end-to-end test shows it
working in real Chromium; this one covers what Chromium cannot easily be made to do in a test
(a private window, a dying port)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from helpers import ROOT

BACKGROUND = ROOT / "packaging" / "browser-extension" / "background.js"

HARNESS = r"""
const fs = require("fs"), vm = require("vm");
const source = fs.readFileSync(process.argv[1], "utf8");

function load() {
  const w = { posted: [], connects: [], ports: [], timeouts: [], intervals: [], window: null,
              on: { activated: [], updated: [], focus: [] } };
  const event = (list) => ({ addListener: (f) => list.push(f) });
  const chrome = {
    runtime: {
      lastError: undefined,
      connectNative(name) {
        w.connects.push(name);
        const port = { dead: false, listeners: [], onDisconnect: null,
          postMessage(m) { if (port.dead) throw new Error("Attempting to use a disconnected port");
                           w.posted.push(JSON.parse(JSON.stringify(m))); } };
        port.onDisconnect = event(port.listeners);
        w.ports.push(port);
        return port;
      },
    },
    tabs: { onActivated: event(w.on.activated), onUpdated: event(w.on.updated) },
    windows: { onFocusChanged: event(w.on.focus), getLastFocused: async () => w.window },
  };
  const context = vm.createContext({
    chrome, URL, Promise,
    setTimeout: (f, ms) => { w.timeouts.push({ f, ms }); return w.timeouts.length; },
    setInterval: (f, ms) => { w.intervals.push({ f, ms }); return w.intervals.length; },
  });
  vm.runInContext(source, context);
  return w;
}
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};
const win = (tab, extra = {}) =>
  ({ focused: true, incognito: false, tabs: [{ active: true, ...tab }], ...extra });
const updated = (tabId, change, active) => (w) => w.on.updated[0](tabId, change, { active });

async function sent(window, fire = (w) => w.on.activated[0]({ tabId: 1, windowId: 1 })) {
  const w = load();
  w.window = window;
  await settle();
  w.posted.length = 0;
  fire(w);
  await settle();
  return w.posted;
}

(async () => {
  const out = {};
  const secret = "https://www.Facebook.com:8443/messages/t/123?q=secret#top";
  out.https = await sent(win({ url: secret, title: "Secret chat" }));
  out.http = await sent(win({ url: "http://intranet.example.test/wiki" }));
  out.ip = await sent(win({ url: "http://192.168.1.1/admin" }));
  out.incognito_tab = await sent(win({ url: secret, incognito: true }));
  out.incognito_window = await sent(win({ url: secret }, { incognito: true }));
  out.not_focused = await sent(win({ url: secret }, { focused: false }));
  out.no_window = await sent(null);
  out.file = await sent(win({ url: "file:///home/me/salaries.ods" }));
  out.settings = await sent(win({ url: "chrome://settings/" }));
  out.blank = await sent(win({ url: "about:blank" }));
  out.extension_page = await sent(win({ url: "moz-extension://abc/page.html" }));
  out.loading = await sent(win({ url: "", pendingUrl: "https://x.com/home" }));
  out.focus_lost = await sent(win({ url: secret }, { focused: false }), (w) => w.on.focus[0](-1));
  out.focus_back = await sent(win({ url: secret }), (w) => w.on.focus[0](7));
  out.url_change = await sent(win({ url: secret }), updated(1, { url: secret }, true));
  out.title_change = await sent(win({ url: secret }), updated(1, { title: "x" }, true));
  out.background_tab = await sent(win({ url: secret }), updated(2, { url: secret }, false));
  out.heartbeat = await sent(win({ url: secret }), (w) => w.intervals[0].f());
  const video = "https://www.youtube.com/watch?v=secret";
  out.audible = await sent(win({ url: video, audible: true, mutedInfo: { muted: false } }));
  out.muted = await sent(win({ url: video, audible: true, mutedInfo: { muted: true } }));
  out.silent = await sent(win({ url: video, audible: false }));
  out.no_audible_field = await sent(win({ url: video }));  // a browser that does not say
  out.audible_private = await sent(win({ url: video, audible: true }, { incognito: true }));
  out.audible_not_focused = await sent(win({ url: video, audible: true }, { focused: false }));
  out.audible_file = await sent(win({ url: "file:///home/me/talk.webm", audible: true }));
  out.sound_starts = await sent(
    win({ url: video, audible: true }), updated(1, { audible: true }, true));
  out.sound_muted = await sent(
    win({ url: video, audible: true, mutedInfo: { muted: true } }),
    updated(1, { mutedInfo: { muted: true } }, true));
  out.background_sound = await sent(win({ url: video }), updated(2, { audible: true }, false));

  // Start-up: one port to the right host, a first report, a 2 s heartbeat.
  let w = load();
  w.window = win({ url: secret });
  await settle();
  out.startup = {
    connects: [...w.connects], posted: [...w.posted], heartbeat_ms: w.intervals.map((t) => t.ms),
  };

  // The host dies (socialtime not installed, or it crashed): reconnect with a growing delay,
  // and report at once when connected again.
  const delays = [];
  for (let i = 0; i < 4; i++) {
    w.ports[w.ports.length - 1].dead = true;
    w.ports[w.ports.length - 1].listeners.forEach((f) => f());
    const pending = w.timeouts.filter((t) => t.ms >= 1000 && t.ms <= 60000 && !t.done);
    const retry = pending[pending.length - 1];
    delays.push(retry.ms);
    retry.done = true;
    w.posted.length = 0;
    retry.f();
    await settle();
  }
  out.reconnect = { delays, connects: w.connects.length, posted_after: w.posted };

  // A port that throws on postMessage does not break the script: it reconnects.
  w = load();
  w.window = win({ url: secret });
  await settle();
  w.ports[0].dead = true;
  w.on.activated[0]({});
  await settle();
  const retry = w.timeouts.filter((t) => t.ms === 1000).pop();
  retry.f();
  await settle();
  out.dead_port = { connects: w.connects.length, last: w.posted[w.posted.length - 1] };
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
"""


@pytest.fixture(scope="module")
def run() -> dict:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.fail("this test needs Node.js to run the extension's script: apt-get install nodejs")
    done = subprocess.run(
        [node, "-e", HARNESS, str(BACKGROUND)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


FACEBOOK = {"host": "www.facebook.com", "focused": True, "audible": False}
NOTHING = {"host": None, "focused": False, "audible": False}


def test_only_the_hostname_of_a_web_page_is_sent(run):
    assert run["https"] == [FACEBOOK]  # no port, path, query, title
    assert run["http"] == [{"host": "intranet.example.test", "focused": True, "audible": False}]
    assert run["ip"] == [{"host": "192.168.1.1", "focused": True, "audible": False}]
    assert run["loading"] == [{"host": "x.com", "focused": True, "audible": False}]


@pytest.mark.parametrize("case", ["file", "settings", "blank", "extension_page"])
def test_a_page_that_is_not_on_the_web_sends_null_in_front(run, case):
    assert run[case] == [{"host": None, "focused": True, "audible": False}]


@pytest.mark.parametrize("case", ["incognito_tab", "incognito_window", "not_focused", "no_window"])
def test_a_private_window_or_another_app_in_front_sends_nothing_and_no_focus(run, case):
    """A private window tells nothing, not even that it is in front: as if another
    application had the focus."""
    assert run[case] == [NOTHING]


def test_whether_the_tab_in_front_plays_sound(run):
    playing = {"host": "www.youtube.com", "focused": True, "audible": True}
    silent = {"host": "www.youtube.com", "focused": True, "audible": False}
    assert run["audible"] == [playing]
    assert run["muted"] == [silent]  # audible, but nobody hears it
    assert run["silent"] == [silent]
    assert run["no_audible_field"] == [silent]
    assert run["audible_private"] == [NOTHING]  # nothing about private windows
    assert run["audible_not_focused"] == [NOTHING]  # another application is in front
    # not a web page: title rules, and it plays
    assert run["audible_file"] == [{"host": None, "focused": True, "audible": True}]
    assert run["sound_starts"] == [playing]  # told at once, not at the next heartbeat
    assert run["sound_muted"] == [silent]
    assert run["background_sound"] == []  # a tab that is not in front says nothing


def test_when_it_reports(run):
    assert run["focus_lost"] == [NOTHING]  # another app in front
    assert run["focus_back"] == [FACEBOOK]
    assert run["url_change"] == [FACEBOOK]
    assert run["title_change"] == []  # a title change alone says nothing new
    assert run["background_tab"] == []
    assert run["heartbeat"] == [FACEBOOK]
    assert run["startup"] == {
        "connects": ["org.socialtime.bridge"],
        "posted": [FACEBOOK],
        "heartbeat_ms": [2000],
    }


def test_it_reconnects_with_a_growing_delay(run):
    assert run["reconnect"]["delays"] == [1000, 2000, 4000, 8000]
    assert run["reconnect"]["connects"] == 5
    assert run["reconnect"]["posted_after"] == [FACEBOOK]
    assert run["dead_port"] == {"connects": 2, "last": FACEBOOK}


def test_every_message_has_the_host_the_focus_the_sound_and_nothing_else(run):
    for case, value in run.items():
        messages = value if isinstance(value, list) else value.get("posted", [])
        for message in messages:
            assert set(message) == {"host", "focused", "audible"}, (case, message)
            assert message["focused"] in (True, False), (case, message)
            assert message["audible"] in (True, False), (case, message)
            assert message["host"] is None or message["focused"], (case, message)
            assert message["focused"] or not message["audible"], (case, message)
