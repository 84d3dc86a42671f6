// embed.js: puts the playground's live demos into any page. Include it
// once, from the site that serves the playground:
//
//   <script src="https://example.org/concurrency/embed.js" defer></script>
//   <div data-playground="pool" data-size="3">
//     <a href="https://example.org/concurrency/embed.html?pattern=pool&size=3">Worker pool demo</a>
//   </div>
//
// Each element with a data-playground attribute becomes a sandboxed iframe
// of the playground's embed page (embed.html, next to this script), with
// the element's other data- attributes as the demo's parameters. The link
// inside is what readers without JavaScript get. The iframe grows and
// shrinks to fit its demo: the embed page posts its height, and only
// messages from that page's origin, from one of these iframes, of the
// expected shape, are heeded.
//
// Names are checked against the demos and parameters the playground has
// (SCENARIOS); values go only into the iframe's URL, encoded, and the demo
// validates them and shows what is wrong as text. Nothing from an attribute
// is ever written into the page as HTML.
(() => {
  "use strict";

  // { name: { title, params: [names] } }, for every demo of the build.
  const SCENARIOS = /* filled in by the site builder */ null;

  const script = document.currentScript;
  if (!script || !script.src) {
    return; // not loaded as a file: there is no playground to point at
  }
  const base = new URL("./", script.src);
  const MAX_VALUE = 200; // longer values are no parameter's; cut them short
  const frames = new Set();

  const embedURL = (name, el) => {
    const query = new URLSearchParams({ pattern: name });
    for (const param of SCENARIOS[name].params) {
      // data-max_concurrency, or data-max-concurrency as HTML spells it.
      const v = el.dataset[param] ?? el.dataset[param.replace(/_([a-z])/g, (_, c) => c.toUpperCase())];
      if (v !== undefined) {
        query.set(param, v.slice(0, MAX_VALUE));
      }
    }
    return new URL("embed.html?" + query.toString(), base).href;
  };

  const problem = (el, text) => {
    const p = document.createElement("p");
    p.className = "playground-embed-error";
    p.setAttribute("role", "alert");
    p.textContent = text;
    el.prepend(p);
  };

  const mount = (el) => {
    if (el.dataset.playgroundMounted !== undefined) {
      return;
    }
    el.dataset.playgroundMounted = "";
    const name = el.dataset.playground;
    if (!Object.hasOwn(SCENARIOS, name)) {
      problem(el, `The playground has no demo named “${name.slice(0, 40)}” (it has ${Object.keys(SCENARIOS).join(", ")}).`);
      return;
    }
    const frame = document.createElement("iframe");
    frame.src = embedURL(name, el);
    frame.title = `Live demo: ${SCENARIOS[name].title} (concurrency patterns playground)`;
    // Scripts for the demo, its own origin to fetch its wasm, and new tabs
    // for the link back; not the host page, nor top navigation, nor forms.
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.className = "playground-embed";
    // Through the CSSOM, which a strict Content-Security-Policy on the
    // host allows, unlike a style attribute.
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.height = "32rem";
    frame.style.border = "0";
    frames.add(frame);
    el.replaceChildren(frame);
  };

  window.addEventListener("message", (event) => {
    if (event.origin !== base.origin) {
      return;
    }
    const frame = [...frames].find((f) => f.contentWindow === event.source);
    const data = event.data;
    if (!frame || typeof data !== "object" || data === null || data.type !== "playground:size" ||
        typeof data.height !== "number" || !Number.isFinite(data.height)) {
      return;
    }
    const height = Math.min(Math.max(Math.ceil(data.height), 80), 20000);
    frame.style.height = height + "px";
  });

  const scan = () => document.querySelectorAll("[data-playground]").forEach(mount);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
  // For pages that add demos later (a single-page docs site): call again.
  window.playgroundEmbed = { scan };
})();
