// The embed page's own script (embed.html, loaded in an iframe by
// embed.js). It names the demo to mount from ?pattern=…, points the link
// back at that pattern's page with the same parameters, and tells the
// embedding page how tall the content is so its iframe fits.
//
// The pattern name is checked against the scenarios the page links to, and
// is only ever text, an attribute value or part of a file name known to
// exist.
(() => {
  "use strict";

  const query = new URLSearchParams(location.search);
  const pattern = query.get("pattern");
  const mount = document.querySelector("[data-playground-embed]");
  const loader = document.querySelector("script[src='loader.js']");

  // The page links back to every scenario; a pattern is valid when it is
  // one of them. Only then does the demo get its name, and the loader the
  // scenario's own WebAssembly build, which the site builder names on the
  // link; otherwise the loader finds no demo and loads nothing.
  const links = [...document.querySelectorAll(".embed-back a[data-pattern]")];
  const own = links.find((a) => a.dataset.pattern === pattern);
  if (own && mount && loader) {
    mount.setAttribute("data-playground", pattern);
    loader.dataset.wasm = own.dataset.wasm;
    // The link back: the pattern's own page, with the same parameters, so
    // the reader lands on the same run with the text around it.
    query.delete("pattern");
    const href = new URL(own.getAttribute("href"), document.baseURI);
    href.search = query.toString();
    own.href = href.href;
    for (const a of links) {
      if (a !== own) {
        a.closest("li")?.remove();
      }
    }
  } else if (mount && pattern !== null) {
    const p = document.createElement("p");
    p.className = "playground-error";
    p.setAttribute("role", "alert");
    p.textContent = `There is no demo named “${pattern.slice(0, 40)}” here; these are the demos:`;
    mount.append(p);
  }

  // The height goes to the parent only: the message says nothing a page
  // could not see for itself, so it needs no target origin. embed.js
  // checks who sent it. The first message says the page is there (the
  // host then drops its fallback link); each later one, a new height.
  //
  // A browser pauses the rendering of a cross-origin frame out of sight,
  // and with it resize observers: an embed below the fold would keep its
  // first height until scrolled to, then jump. So the height is also
  // measured (a layout the script forces, which no pause holds back) when
  // the page loads, when the demos are ready, and whenever the document
  // changes (a run writes its summary, a panel opens): mutation observers
  // run as any script does.
  if (window.parent === window) {
    return;
  }
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last) {
      window.parent.postMessage({ type: last < 0 ? "playground:ready" : "playground:size", height }, "*");
      last = height;
    }
  };
  new ResizeObserver(report).observe(document.body);
  new MutationObserver(report).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  document.addEventListener("playgrounds-ready", report);
  report();
})();
