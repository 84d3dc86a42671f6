// The reviewer page's script. The page arrives with its example already
// checked (the site's build ran the same checks); this script checks the
// reader's edits. It fetches the reviewer's own WebAssembly build (named
// by this script tag's data-wasm) only when the reader first focuses the
// code, edits it or presses Check, then checks on a click of Check and,
// debounced, as the reader types. The checks are Go (reviewCheck, defined
// by cmd/reviewwasm); this file only draws the code with line numbers and
// each finding under its line, as web/reviewer's form.html does.
//
// No eval, no inline code or styles, no innerHTML: every piece of the
// reader's code reaches the page as text.
(() => {
  "use strict";

  // How long typing must pause before the code is checked again, in ms.
  const DEBOUNCE_MS = 400;

  const script = document.currentScript;
  const form = document.querySelector("[data-reviewer]");
  if (!form) {
    return;
  }
  const code = form.querySelector(".reviewer-code");
  const button = form.querySelector(".reviewer-check");
  const status = form.querySelector(".reviewer-status");
  const lines = form.querySelector(".reviewer-lines");

  const say = (text, isError) => {
    status.textContent = text;
    status.classList.toggle("reviewer-error", Boolean(isError));
  };

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const sentence = (s) => s.charAt(0).toUpperCase() + s.slice(1) + ".";

  // draw shows the code line by line, each finding under its line, and
  // marks the line of a syntax error.
  const draw = (src, result) => {
    lines.replaceChildren();
    const byLine = new Map();
    for (const f of result.findings || []) {
      if (!byLine.has(f.line)) byLine.set(f.line, []);
      byLine.get(f.line).push(f);
    }
    src.split("\n").forEach((text, i) => {
      const n = i + 1;
      const li = el("li", "reviewer-line");
      li.dataset.line = String(n);
      li.append(el("span", "reviewer-ln", String(n)), el("code", "reviewer-text", text));
      if (n === result.problemLine) li.classList.add("reviewer-bad");
      for (const f of byLine.get(n) || []) {
        const box = el("div", "reviewer-finding");
        box.dataset.question = f.question;
        box.dataset.check = f.check;
        const link = el("a", "reviewer-link", "See it run.");
        link.href = f.url;
        box.append(el("strong", "reviewer-ask", f.ask), " ", el("span", "reviewer-why", sentence(f.why)), " ", link);
        li.append(box);
        li.classList.add("reviewer-flagged");
      }
      lines.append(li);
    });
  };

  const check = () => {
    const src = code.value;
    let result;
    try {
      result = JSON.parse(globalThis.reviewCheck(src));
    } catch (err) {
      say(`The reviewer failed: ${err.message}. Edit the code to try again.`, true);
      return;
    }
    // A huge paste is not drawn either: the message says what to do.
    draw(result.problem && result.problemLine === undefined ? "" : src, result);
    say(result.status || result.problem, Boolean(result.problem || (result.failed && result.failed.length)));
  };

  // The checker's build is fetched once, on the reader's first move
  // towards editing; a check asked for before it is ready runs when it is.
  let loading = null;
  let ready = false;
  let pending = false;
  const load = () => {
    if (loading) return;
    say("Loading the checker (about 2 MB, once)\u2026");
    loading = start().catch((err) => {
      button.disabled = true;
      say(`The checker could not start: ${err.message}. The findings shown are for the example.`, true);
    });
  };
  const ask = () => {
    if (ready) {
      check();
      return;
    }
    pending = true;
    load();
  };

  let timer = 0;
  code.addEventListener("focus", load);
  code.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, DEBOUNCE_MS);
  });
  button.addEventListener("click", () => {
    clearTimeout(timer);
    ask();
  });

  // The Go side calls this once reviewCheck is defined.
  globalThis.reviewerReady = () => {
    ready = true;
    form.dataset.ready = "true";
    if (pending) {
      pending = false;
      check();
    } else {
      say("The checker is ready: edit the code, or paste yours, and it is checked as you type.");
    }
  };

  const start = async () => {
    if (typeof Go !== "function") {
      throw new Error("wasm_exec.js did not load");
    }
    const url = new URL(script.dataset.wasm, script.src);
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(`${url.pathname} answered ${response.status} ${response.statusText}`);
    }
    const go = new Go();
    const { instance } = WebAssembly.instantiateStreaming
      ? await WebAssembly.instantiateStreaming(response, go.importObject)
      : await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject);
    await go.run(instance);
    ready = false;
    button.disabled = true;
    say("The checker stopped. Reloading the page starts it again.", true);
  };
})();
