// embed.js: puts the playground's live demos into any page. Include it
// once, from the site that serves the playground, as a classic or a
// module script:
//
//   <script src="https://example.org/concurrency/embed.js" defer></script>
//   <div data-playground="pool" data-size="3">
//     <a href="https://example.org/concurrency/embed.html?pattern=pool&size=3">Worker pool demo</a>
//   </div>
//
// Each element with a data-playground attribute gets a sandboxed iframe of
// the playground's embed page (embed.html, next to this script), with the
// element's other data- attributes as the demo's parameters; elements
// added later are found on their own (a MutationObserver), and
// playgroundEmbed.scan() looks again on demand. The iframe loads lazily,
// so a demo far down the page fetches nothing until the reader nears it.
//
// The link inside stays until the embed page says it is there: if the
// page never comes (the host's Content-Security-Policy forbids the frame,
// the playground's host refuses to be framed, the network fails), the
// link comes back with a word on why. The embed page posts its height
// whenever it may have changed, and the iframe follows; a message is
// heeded only from a window of one of these iframes, whatever origin the
// playground's URL redirected it to, and only of the expected shape.
//
// Names are checked against the demos and parameters the playground has
// (SCENARIOS): an unknown demo is named on the page, an unknown parameter
// in the console, once. Values go only into the iframe's URL, encoded;
// the demo validates them and shows what is wrong as text. Nothing from an
// attribute is ever written into the page as HTML.
(() => {
  "use strict";

  // { name: { title, params: [names] } }, for every demo of the build.
  const SCENARIOS = /* filled in by the site builder */ null;

  if (window.playgroundEmbed) {
    window.playgroundEmbed.scan(); // included twice: once is enough
    return;
  }
  const src = scriptURL();
  if (!src) {
    return; // not loaded from a file: there is no playground to point at
  }
  const base = new URL("./", src);
  const MAX_VALUE = 200; // longer values are no parameter's; cut them short
  const GRACE_MS = 3000; // how long a loaded frame may take to say it is there
  const frames = new Set(); // one record per iframe made: { frame, el, fallback, origin, ready }
  const warned = new Set();

  // scriptURL is where this script came from. A classic script is
  // document.currentScript; a module has none (and import.meta is a syntax
  // error in a classic script), so it is the module script naming embed.js.
  function scriptURL() {
    const own = document.currentScript;
    if (own) {
      return own.src;
    }
    const modules = [...document.querySelectorAll("script[type=module][src]")];
    return modules.find((s) => new URL(s.src, location.href).pathname.endsWith("/embed.js"))?.src ?? "";
  }

  // paramName is the scenario's parameter a data- attribute names, or
  // null: data-max_concurrency, or data-max-concurrency as HTML writes it.
  const paramName = (name, attr) => {
    const p = attr.slice("data-".length).replace(/-/g, "_");
    return SCENARIOS[name].params.includes(p) ? p : null;
  };

  const ownAttrs = new Set(["data-playground", "data-playground-mounted"]);

  // embedURL is the embed page's URL for the element, its parameters in
  // the scenario's order, whichever way the page spelt them.
  const embedURL = (name, el) => {
    const given = new Map();
    for (const { name: attr, value } of el.attributes) {
      if (!attr.startsWith("data-") || ownAttrs.has(attr)) {
        continue;
      }
      const p = paramName(name, attr);
      if (p !== null) {
        given.set(p, value.slice(0, MAX_VALUE));
      } else if (!warned.has(attr)) {
        warned.add(attr);
        console.warn(`playground embed: ${attr.slice(0, 40)} is no parameter of the “${name}” demo, so it is ignored; ` +
          `its parameters are ${SCENARIOS[name].params.map((n) => "data-" + n).join(", ")}.`);
      }
    }
    const query = new URLSearchParams({ pattern: name });
    for (const p of SCENARIOS[name].params) {
      if (given.has(p)) {
        query.set(p, given.get(p));
      }
    }
    return new URL("embed.html?" + query.toString(), base).href;
  };

  const note = (text, cls) => {
    const p = document.createElement("p");
    p.className = cls;
    p.setAttribute("role", "alert");
    p.textContent = text;
    return p;
  };

  const mount = (el) => {
    if (el.dataset.playgroundMounted !== undefined) {
      return;
    }
    el.dataset.playgroundMounted = "";
    const name = el.dataset.playground;
    if (!Object.hasOwn(SCENARIOS, name)) {
      el.prepend(note(`The playground has no demo named “${name.slice(0, 40)}” (it has ${Object.keys(SCENARIOS).join(", ")}).`,
        "playground-embed-error"));
      return;
    }
    const frame = document.createElement("iframe");
    frame.title = `Live demo: ${SCENARIOS[name].title} (concurrency patterns playground)`;
    // Scripts for the demo, its own origin to fetch its wasm, and new tabs
    // for the link back; not the host page, nor top navigation, nor forms.
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.setAttribute("loading", "lazy"); // before src, or it loads at once
    frame.className = "playground-embed";
    // Through the CSSOM, which a strict Content-Security-Policy on the
    // host allows, unlike a style attribute.
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.height = "32rem";
    frame.style.border = "0";
    frame.src = embedURL(name, el);
    // The fallback stays, after the frame, until the frame is there.
    const record = { frame, el, fallback: [...el.childNodes], origin: null, ready: false };
    frames.add(record);
    frame.addEventListener("load", () => {
      // A lazy frame's first document is an empty one of this page's
      // origin, before the embed page is even asked for.
      let blank = false;
      try {
        blank = frame.contentWindow.location.href === "about:blank";
      } catch {
        // a page of another origin: the embed page, or an error page
      }
      if (!blank) {
        setTimeout(() => record.ready || fail(record, "it did not load"), GRACE_MS);
      }
    });
    el.prepend(frame);
  };

  // fail takes the frame away and puts the link back, saying why.
  const fail = (record, why) => {
    if (!frames.delete(record)) {
      return;
    }
    const origin = new URL(record.frame.src).origin;
    record.frame.remove();
    record.el.replaceChildren(note(`The live demo could not be shown here: ${why}.`, "playground-embed-error"), ...record.fallback);
    console.warn(`playground embed: the demo from ${origin} could not be shown (${why}). ` +
      `A page with a Content-Security-Policy must allow it: frame-src ${origin}; script-src ${origin}.`);
  };

  // A host page whose policy forbids the frame says so with an event.
  document.addEventListener("securitypolicyviolation", (event) => {
    for (const record of frames) {
      if (event.blockedURI && record.frame.src.startsWith(event.blockedURI)) {
        fail(record, `this page's Content-Security-Policy does not allow it (${event.effectiveDirective})`);
      }
    }
  });

  window.addEventListener("message", (event) => {
    const record = [...frames].find((r) => r.frame.contentWindow === event.source);
    const data = event.data;
    if (!record || typeof data !== "object" || data === null ||
        (data.type !== "playground:ready" && data.type !== "playground:size") ||
        typeof data.height !== "number" || !Number.isFinite(data.height)) {
      return;
    }
    // The frame's first word fixes its origin: the one its URL led to.
    if (record.origin === null) {
      record.origin = event.origin;
    } else if (event.origin !== record.origin) {
      return;
    }
    if (!record.ready) {
      record.ready = true;
      record.fallback.forEach((n) => n.remove());
    }
    const height = Math.min(Math.max(Math.ceil(data.height), 80), 20000);
    record.frame.style.height = height + "px";
  });

  const scan = (root = document) => {
    if (root.nodeType !== Node.ELEMENT_NODE && root !== document) {
      return;
    }
    if (root !== document && root.matches("[data-playground]")) {
      mount(root);
    }
    root.querySelectorAll("[data-playground]").forEach(mount);
  };

  // Demos added later (a single-page docs site, a tab shown) are found as
  // they arrive; frames taken out of the page are forgotten.
  const watch = () => {
    scan();
    new MutationObserver((changes) => {
      for (const change of changes) {
        change.addedNodes.forEach((n) => scan(n));
        if (change.type === "attributes") {
          scan(change.target);
        }
      }
      for (const record of frames) {
        if (!record.frame.isConnected) {
          frames.delete(record);
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-playground"] });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
  window.playgroundEmbed = { scan: () => scan() };
})();
