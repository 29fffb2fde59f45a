"""The browser bridge: the extension tells the active tab's hostname, through native messaging.

browser extension --(stdin, native messaging)--> ``socialtime browser-host`` --(AF_UNIX socket
in the user's runtime dir)--> :class:`BrowserBridge` in the recorder (tray or ``track``) -->
``Tracker(host_source=bridge.host_for)``. No TCP anywhere. See bridge.py for what is kept.
"""

from socialtime.browser.bridge import OTHER, BrowserBridge, bridge_status, socket_path

__all__ = ["OTHER", "BrowserBridge", "bridge_status", "socket_path"]
