// socialtime browser extension: tells the socialtime app on this computer which site the active
// tab shows, and whether one of this browser's windows has the focus, so that it can count the
// user's own time on social sites exactly.
//
// What is sent, and only this: {"host": "<hostname>", "focused": true} for an http(s) page in
// the focused window; {"host": null, "focused": false} when no window of this browser has the
// focus or a private (incognito) window has it (nothing is told about private windows, not even
// that one is in front); {"host": null, "focused": true} for a page that is not http(s). Never a
// path, a query, a title or anything from the page. It goes through native messaging to
// `socialtime browser-host`, a program on this computer; nothing goes over the network.
// "focused" lets socialtime count the browser where the desktop shows it no window in front
// (GNOME without socialtime's Shell extension, macOS without the Accessibility permission).
//
// When: on tab activation, when the active tab's URL changes, when the window focus changes, and
// every 2 s as a heartbeat (the app trusts a report for a few seconds only, so a browser whose
// extension stopped is never counted on stale news).
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const HOST_NAME = "org.socialtime.bridge";
const HEARTBEAT_MS = 2000;
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 60000;
const STABLE_MS = 10000; // a port open this long resets the reconnection backoff

let port = null;
let retryMs = RETRY_MIN_MS;
let retryTimer = null;

// The hostname of a tab, or null when it must not or cannot be told. A tab that is still
// loading has no url yet in Chromium, only the pendingUrl it goes to.
function hostOf(tab) {
  if (!tab || tab.incognito) return null;
  const address = tab.url || tab.pendingUrl;
  if (typeof address !== "string") return null;
  let url;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.hostname || null;
}

function scheduleReconnect() {
  if (retryTimer !== null) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    if (connect()) report();
  }, retryMs);
  retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
}

function connect() {
  if (port) return port;
  let p;
  try {
    p = api.runtime.connectNative(HOST_NAME);
  } catch {
    scheduleReconnect();
    return null;
  }
  p.onDisconnect.addListener(() => {
    void api.runtime.lastError; // read, so that Chrome does not log it as unchecked
    if (port === p) port = null;
    scheduleReconnect();
  });
  setTimeout(() => {
    if (port === p) retryMs = RETRY_MIN_MS;
  }, STABLE_MS);
  port = p;
  return p;
}

function send(host, focused) {
  const p = connect();
  if (!p) return;
  try {
    p.postMessage({ host: host, focused: focused });
  } catch {
    if (port === p) port = null;
    scheduleReconnect();
  }
}

// What to tell: the active tab's hostname (or null) and whether a window of this browser has
// the focus; a private window counts as no window (another application is in front, or a
// private window the extension may not even see).
async function current() {
  const win = await api.windows.getLastFocused({ populate: true });
  const tab = win && (win.tabs || []).find((t) => t.active);
  if (!win || !win.focused || win.incognito || (tab && tab.incognito)) {
    return { host: null, focused: false };
  }
  return { host: hostOf(tab), focused: true };
}

let queue = Promise.resolve();

// Reports run one after the other, so that they arrive in the order of the events.
function report() {
  queue = queue.then(async () => {
    let now = { host: null, focused: false };
    try {
      now = await current();
    } catch {
      now = { host: null, focused: false };
    }
    send(now.host, now.focused);
  });
}

api.tabs.onActivated.addListener(report);
api.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.url !== undefined && tab.active) report();
});
api.windows.onFocusChanged.addListener(report);
setInterval(report, HEARTBEAT_MS);
report();
