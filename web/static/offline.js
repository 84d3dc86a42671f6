// Registers the site's service worker (sw.js, next to this script), which
// keeps a copy of the site so that it works offline after a first visit.
// Only on http(s) pages: a file:// page cannot have one, and tests that open
// the site that way must not see an error.
//
// On the first visit the page's wasm was fetched before the worker was
// there to copy it; once the worker controls the page, the wasm is fetched
// once more through it (revalidated, usually a cheap 304), so that this
// page's demo works offline too.
//
// It also tells the loader which pages this device has a copy of, for the
// message a reader gets offline: playgroundOffline.pages() gives their
// addresses and headings, the index first.
(() => {
  "use strict";
  const scope = new URL("./", document.currentScript.src).href;
  const pages = async () => {
    if (typeof caches === "undefined") {
      return [];
    }
    const found = new Map();
    for (const name of await caches.keys()) {
      if (!name.startsWith("playground-")) {
        continue;
      }
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = request.url;
        const file = url.startsWith(scope) ? url.slice(scope.length) : "";
        if (!/^[^/]+\.html$/.test(file) || file === "embed.html" || file === "404.html" || found.has(url)) {
          continue;
        }
        // Parsed, never shown: an inert document runs and loads nothing.
        const doc = new DOMParser().parseFromString(await (await cache.match(request)).text(), "text/html");
        found.set(url, doc.querySelector("main h1")?.textContent.trim() || doc.title || file);
      }
    }
    const list = [...found].map(([href, title]) => ({ href, title }));
    return list.sort((a, b) => b.href.endsWith("/index.html") - a.href.endsWith("/index.html"));
  };
  globalThis.playgroundOffline = { pages };

  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) {
    return;
  }
  const url = new URL("sw.js", scope);
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
