// Registers the site's service worker (sw.js, next to this script), which
// keeps a copy of the site so that it works offline after a first visit.
// Only on http(s) pages: a file:// page cannot have one, and tests that open
// the site that way must not see an error.
//
// On the first visit the page's wasm was fetched before the worker was
// there to copy it; once the worker controls the page, the wasm is fetched
// once more through it (revalidated, usually a cheap 304), so that this
// page's demo works offline too.
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) {
    return;
  }
  const url = new URL("sw.js", document.currentScript.src);
  const sw = navigator.serviceWorker;
  const firstVisit = !sw.controller;
  const controlled = () => (sw.controller ? Promise.resolve() :
    new Promise((resolve) => sw.addEventListener("controllerchange", resolve, { once: true })));
  sw.register(url)
    .then(controlled)
    .then(() => {
      // Read now, not at start: the embed page's frame.js names its wasm.
      const wasm = document.querySelector("script[data-wasm]")?.dataset.wasm;
      if (firstVisit && wasm) {
        return fetch(new URL(wasm, url), { cache: "no-cache" });
      }
      return null;
    })
    .catch(() => {
      // Private windows and some settings refuse service workers; the site
      // then works as before, online.
    });
})();
