// The playground's loader: fetches the page's wasm (named by the script
// tag's data-wasm, next to this script; every page names the same build),
// shows a progress bar in each demo meanwhile, starts the Go program with
// wasm_exec.js's Go class, and reports in each demo when loading fails or the
// program stops: when the wasm cannot be fetched at all, that the reader
// is offline, and which pages they can read meanwhile. Everything else,
// the demos included, is Go.
//
// It also defines playgroundDrive, which the Go side uses to compute a run,
// and two batch drawing calls: see the comments there.
//
// No eval, no inline code or styles: it works under a strict
// Content-Security-Policy (the wasm itself needs 'wasm-unsafe-eval').
(() => {
  "use strict";

  // How long one slice of playgroundDrive may run before yielding to the
  // browser, in ms: short enough to keep the page responsive.
  const SLICE_MS = 10;

  // playgroundDrive(step, done) calls step() until it returns false, then
  // done(). Each call is a separate call from JavaScript into Go, and Go
  // returns from one only when every goroutine is blocked: exactly when a
  // virtual clock may step. Steps run back to back for SLICE_MS, then the
  // loop yields with one setTimeout (never one per step: browsers clamp
  // nested timeouts to 4 ms, which would turn milliseconds into seconds).
  // A step that returns "yield" has more to do but lets the browser in
  // first: what comes next is a bigger piece of work.
  globalThis.playgroundDrive = (step, done) => {
    const slice = () => {
      const end = performance.now() + SLICE_MS;
      do {
        const more = step();
        if (!more) {
          done();
          return;
        }
        if (more === "yield") {
          break;
        }
      } while (performance.now() < end);
      setTimeout(slice, 0);
    };
    setTimeout(slice, 0);
  };

  // playgroundRects(ctx, buffer, n) fills n rectangles, packed as float32
  // x, y, w, h in buffer, as one path; playgroundLine(ctx, buffer, n)
  // strokes a polyline of n float32 x, y points. The Go side draws through
  // these so that a frame of thousands of rectangles costs a few calls
  // across the Go–JavaScript boundary rather than one per rectangle.
  globalThis.playgroundRects = (ctx, buffer, n) => {
    const f = new Float32Array(buffer, 0, 4 * n);
    ctx.beginPath();
    for (let i = 0; i < f.length; i += 4) {
      ctx.rect(f[i], f[i + 1], f[i + 2], f[i + 3]);
    }
    ctx.fill();
  };
  globalThis.playgroundLine = (ctx, buffer, n) => {
    const f = new Float32Array(buffer, 0, 2 * n);
    ctx.beginPath();
    ctx.moveTo(f[0], f[1]);
    for (let i = 2; i < f.length; i += 2) {
      ctx.lineTo(f[i], f[i + 1]);
    }
    ctx.stroke();
  };

  if (typeof document === "undefined") {
    return; // under node, where the Go tests load this file for playgroundDrive
  }

  const script = document.currentScript;
  const wasmName = script ? script.dataset.wasm : undefined;
  const demos = Array.from(document.querySelectorAll("[data-playground]"));

  // Each demo shows a progress bar until Go builds the demo and removes it.
  const bars = demos.map((el) => {
    const box = document.createElement("div");
    box.className = "playground-loading";
    const label = document.createElement("span");
    label.textContent = "Loading the playground…";
    const bar = document.createElement("progress");
    bar.setAttribute("aria-label", "Loading the playground");
    box.append(label, bar);
    el.append(box);
    return bar;
  });

  // fraction in [0, 1], or null when the total is unknown (indeterminate).
  const progress = (fraction) => {
    for (const bar of bars) {
      if (fraction === null) {
        bar.removeAttribute("value");
      } else {
        bar.max = 1;
        bar.value = fraction;
      }
    }
  };

  // fail shows message in each demo, and after it, when given, a list of
  // links ({ href, title }).
  const fail = (message, links = []) => {
    for (const el of demos) {
      el.querySelector(".playground-loading")?.remove();
      el.classList.add("playground-stopped");
      const p = document.createElement("p");
      p.className = "playground-error";
      p.setAttribute("role", "alert");
      p.textContent = message;
      el.append(p);
      if (links.length > 0) {
        const list = document.createElement("ul");
        list.className = "playground-offline-pages";
        for (const { href, title } of links) {
          const a = document.createElement("a");
          a.href = href;
          a.textContent = title;
          if (window.parent !== window) {
            a.target = "_blank"; // out of an embed's frame, to a page of its own
          }
          const li = document.createElement("li");
          li.append(a);
          list.append(li);
        }
        el.append(list);
      }
    }
  };

  // Unreachable is a wasm that could not be fetched at all: no answer, as
  // when the reader is offline and the service worker has no copy of it.
  class Unreachable extends Error {}

  // failOffline says the reader is offline (or the site out of reach,
  // when the browser believes itself online), and names the pages this
  // device has a copy of, from offline.js.
  const failOffline = async () => {
    const pages = await (globalThis.playgroundOffline?.pages() ?? Promise.resolve([])).catch(() => []);
    const where = navigator.onLine ? "The playground cannot be reached: you may be offline" : "You are offline";
    const saved = "and this device has no copy of the demos yet (they are saved once a demo has loaded online).";
    const read = pages.length > 0 ? " The text of this page still holds, and these pages can be read offline:" : " The text of this page still holds.";
    fail(`${where}, ${saved}${read}`, pages);
  };

  // counted passes a response's body through while counting its bytes.
  // Content-Length counts the bytes on the wire: when the response is
  // compressed it is not the size of what we read, so the bar is then
  // indeterminate.
  const counted = (response) => {
    const encoding = response.headers.get("Content-Encoding");
    const length = Number(response.headers.get("Content-Length"));
    const total = (!encoding || encoding === "identity") && length > 0 ? length : 0;
    progress(total ? 0 : null);
    if (!response.body) {
      return response;
    }
    let received = 0;
    const reader = response.body.getReader();
    const body = new ReadableStream({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        received += value.byteLength;
        if (total) {
          progress(Math.min(received / total, 1));
        }
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    return new Response(body, { headers: { "Content-Type": "application/wasm" } });
  };

  const start = async () => {
    if (typeof WebAssembly !== "object") {
      throw new Error("this browser does not run WebAssembly");
    }
    if (typeof Go !== "function") {
      throw new Error("wasm_exec.js did not load");
    }
    if (!wasmName) {
      throw new Error("the page names no WebAssembly build (the loader's data-wasm)");
    }
    const wasmURL = new URL(wasmName, script.src);
    const response = await fetch(wasmURL).catch(() => {
      // fetch rejects only when nothing answered (an HTTP error is a
      // response): the browser's words for it ("Failed to fetch") say
      // nothing to a reader.
      throw new Unreachable();
    });
    if (!response.ok) {
      throw new Error(`${wasmURL.pathname} answered ${response.status} ${response.statusText}`);
    }
    const go = new Go();
    const body = counted(response);
    const { instance } = WebAssembly.instantiateStreaming
      ? await WebAssembly.instantiateStreaming(body, go.importObject)
      : await WebAssembly.instantiate(await body.arrayBuffer(), go.importObject);
    let code = 0;
    const exit = go.exit;
    go.exit = (c) => {
      code = c;
      exit.call(go, c);
    };
    // The Go program runs until the page goes: it ending is a failure.
    await go.run(instance);
    fail(`The playground stopped (exit code ${code}). The text of the page still holds; reloading the page starts the demos again.`);
  };

  if (demos.length > 0) {
    start().catch((err) => {
      if (err instanceof Unreachable || !navigator.onLine) {
        return failOffline();
      }
      fail(`The playground could not start: ${err.message}. The text of the page still holds.`);
    });
  }
})();
