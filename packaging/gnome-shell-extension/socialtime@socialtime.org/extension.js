// socialtime's GNOME Shell extension, the form for GNOME 45 and later (an ES module).
// GNOME 43 and 44 need the other form: ../socialtime-gnome43@socialtime.org/.
//
// It tells the socialtime app, when asked over the session bus, which window has the focus: its
// title, WM class, application ids and process id, and nothing else. No list of windows, no
// history, no signal, nothing evaluated; the app uses the answer in memory to recognise a social
// site and never stores it. Any program of this user that can reach the session bus can ask
// the same question (the session bus has no sound way to tell who is calling): what it learns
// is the window the user has in front. See ../README.md.

import Gio from "gi://Gio";
import GLib from "gi://GLib";
import { Extension } from "resource:///org/gnome/shell/extensions/extension.js";

// --- the service: the same in both forms (tests/unit/probes/test_gnome_extension.py compares them) ---
const BUS_NAME = "org.socialtime.Shell";
const OBJECT_PATH = "/org/socialtime/Shell";
const INTERFACE = `<node>
  <interface name="org.socialtime.Shell">
    <method name="FocusedWindow">
      <arg type="a{sv}" name="window" direction="out"/>
    </method>
  </interface>
</node>`;

// The focused window: title, wm_class, gtk_application_id, sandboxed_app_id (strings, each
// only when set) and pid (when known); an empty dictionary when no window has the focus.
function describeFocusedWindow() {
  const win = global.display.focus_window;
  const found = {};
  if (!win) return found;
  const texts = {
    title: win.get_title(),
    wm_class: win.get_wm_class(),
    gtk_application_id: win.get_gtk_application_id(),
    sandboxed_app_id: win.get_sandboxed_app_id(),
  };
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === "string" && value !== "") found[key] = new GLib.Variant("s", value);
  }
  const pid = win.get_pid();
  if (Number.isInteger(pid) && pid > 0) found.pid = new GLib.Variant("u", pid);
  return found;
}

class FocusedWindowService {
  constructor() {
    this._exported = null;
    this._nameId = 0;
  }

  start() {
    this._exported = Gio.DBusExportedObject.wrapJSObject(INTERFACE, this);
    this._exported.export(Gio.DBus.session, OBJECT_PATH);
    this._nameId = Gio.bus_own_name_on_connection(
      Gio.DBus.session, BUS_NAME, Gio.BusNameOwnerFlags.NONE, null, null);
  }

  stop() {
    if (this._nameId) {
      Gio.bus_unown_name(this._nameId);
      this._nameId = 0;
    }
    if (this._exported) {
      this._exported.unexport();
      this._exported = null;
    }
  }

  FocusedWindow() {
    return describeFocusedWindow();
  }
}
// --- end of the service ---

export default class SocialtimeExtension extends Extension {
  enable() {
    this._service = new FocusedWindowService();
    this._service.start();
  }

  disable() {
    this._service?.stop();
    this._service = null;
  }
}
