// Registers the site's service worker (sw.js, next to this script), which
// keeps a copy of the site so that it works offline after a first visit.
// Only on http(s) pages: a file:// page cannot have one, and tests that open
// the site that way must not see an error.
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) {
    return;
  }
  const url = new URL("sw.js", document.currentScript.src);
  navigator.serviceWorker.register(url).catch(() => {
    // Private windows and some settings refuse service workers; the site
    // then works as before, online.
  });
})();
