// The embed page's own script (embed.html, loaded in an iframe by
// embed.js). It names the demo to mount from ?pattern=…, points the link
// back at that pattern's page with the same parameters, and tells the
// embedding page how tall the content is so its iframe fits.
//
// The pattern name is only ever an attribute value and a comparison here;
// the wasm checks it against the scenarios it has and says so, as text,
// when it is not one.
(() => {
  "use strict";

  const query = new URLSearchParams(location.search);
  const pattern = query.get("pattern");
  const mount = document.querySelector("[data-playground-embed]");
  if (mount && pattern !== null) {
    mount.setAttribute("data-playground", pattern);
  }

  // The link back: the pattern's own page, with the same parameters, so
  // the reader lands on the same run with the text around it.
  const links = [...document.querySelectorAll(".embed-back a[data-pattern]")];
  const own = links.find((a) => a.dataset.pattern === pattern);
  if (own) {
    query.delete("pattern");
    const href = new URL(own.getAttribute("href"), document.baseURI);
    href.search = query.toString();
    own.href = href.href;
    for (const a of links) {
      if (a !== own) {
        a.closest("li")?.remove();
      }
    }
  }

  // The height goes to the parent only: the message says nothing a page
  // could not see for itself, so it needs no target origin. embed.js
  // checks who sent it.
  if (window.parent === window) {
    return;
  }
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "playground:size", height }, "*");
    }
  };
  new ResizeObserver(report).observe(document.body);
  report();
})();
