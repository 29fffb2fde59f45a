// socialtime browser extension: puts the disclosure (disclosure.html) in the browser's language.
// An external file, because Manifest V3 forbids inline scripts in extension pages.
//
// Each element marked data-i18n="key" gets the message `key` of _locales/<language>/messages.json.
// In a message, **text** is shown in bold and `text` as code; everything else is plain text
// (no HTML is ever parsed). The English text stays in the HTML: when a message is missing, or the
// page is opened outside the extension, the element keeps it.
"use strict";

(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api || !api.i18n) return;
  const message = (key) => {
    try {
      return api.i18n.getMessage(key) || "";
    } catch {
      return "";
    }
  };

  // The language of the messages shown: the browser's own tag when it is that language (fr-CA),
  // else the messages' (en for a browser in a language the extension does not have).
  const shown = message("htmlLang");
  if (shown) {
    const ui = String(api.i18n.getUILanguage() || "");
    const same = ui.toLowerCase() === shown || ui.toLowerCase().startsWith(shown + "-");
    document.documentElement.lang = same ? ui : shown;
  }

  for (const element of document.querySelectorAll("[data-i18n]")) {
    const text = message(element.dataset.i18n);
    if (!text) continue;
    const nodes = text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).map((part) => {
      const bold = part.startsWith("**") && part.endsWith("**") && part.length > 4;
      const code = part.startsWith("`") && part.endsWith("`") && part.length > 2;
      if (!bold && !code) return document.createTextNode(part);
      const node = document.createElement(bold ? "strong" : "code");
      node.textContent = bold ? part.slice(2, -2) : part.slice(1, -1);
      return node;
    });
    element.replaceChildren(...nodes);
  }
})();
