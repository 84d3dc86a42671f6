// The site's service worker: it keeps a copy of the files of one build so
// that the site works offline after a first visit, and so pages load from
// the copy rather than the network.
//
// Every page, stylesheet and script is copied when the worker installs.
// The WebAssembly build, one for every page, is copied the first time a
// page uses it: it weighs a megabyte, which a reader who only reads the
// index never downloads (offline.js makes sure a first page with a demo
// gets it copied, and then every page's demo works offline).
//
// BUILD is written by the site builder: the build's version, a hash of
// every file it holds, and their paths. A new deploy changes the hash, so
// this file changes, so the browser installs the new worker, which copies
// the new build. It takes over, and deletes the old copy, once no tab
// shows the old build any more: a page never gets its text from one build
// and its wasm from another.
//
// Files outside the list, and requests of other origins, go to the network
// untouched.
"use strict";

const BUILD = /* filled in by the site builder */ null;
const CACHE = "playground-" + BUILD.version;
const SCOPE = new URL("./", self.location.href);

self.addEventListener("install", (event) => {
  // cache: "reload" skips the HTTP cache, so the copy is of this deploy.
  const requests = BUILD.files
    .filter((f) => !f.endsWith(".wasm"))
    .map((f) => new Request(new URL(f, SCOPE), { cache: "reload" }));
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(requests)),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith("playground-") && k !== CACHE).map((k) => caches.delete(k)),
      ))
      .then(() => self.clients.claim()),
  );
});

// file names the build file a same-origin GET asks for, or null. The
// folder itself is its index.html; the query is the page's business
// (demo parameters), not another file.
const file = (request) => {
  if (request.method !== "GET") {
    return null;
  }
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) {
    return null;
  }
  const name = url.pathname.slice(SCOPE.pathname.length) || "index.html";
  return BUILD.files.includes(name) ? name : null;
};

self.addEventListener("fetch", (event) => {
  const name = file(event.request);
  if (name === null) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const url = new URL(name, SCOPE);
      const hit = await cache.match(url);
      if (hit) {
        return unredirected(hit);
      }
      // Not copied yet (a wasm): fetch it, revalidated so that an HTTP
      // cache cannot hand this build's copy a file of the last one.
      const response = await fetch(url, { cache: "no-cache" });
      if (response.ok) {
        await cache.put(url, response.clone());
      }
      return response;
    }),
  );
});

// unredirected copies a response that came through a redirect (a host may
// send index.html to ./): the browser refuses to show such a response for
// a page, but accepts the same bytes as a fresh one.
const unredirected = (response) => {
  if (!response.redirected) {
    return response;
  }
  const { status, statusText, headers } = response;
  return new Response(response.body, { status, statusText, headers });
};
