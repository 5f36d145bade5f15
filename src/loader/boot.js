// The page's boot script, inline in the page (src/loader/boot.rs fills in
// the four file names of this build; the attribute names are those of
// src/loader/parts.rs, which a test checks). URLs are relative to the page
// (an inline module's import.meta.url), so it works under any path or
// origin.
//
// The app is fetched only after the pre-rendered page has painted its
// largest text: the article is readable without it, and downloading the
// wasm alongside the HTML would delay that paint on slow connections.
//
// The forms module is fetched once, when a placeholder comes within a
// screen of the viewport, is touched or focused, or receives the insurance
// checker's prefill event; each placeholder is then mounted. A failed
// download shows the placeholder's pre-rendered notice ("could not load",
// the phone number, "Try again"); it is retried on "Try again" or the next
// of those moments.
//
// The pre-rendered forms are inert in the HTML, so without scripts nothing
// in them can be used or sent. This script wakes them as soon as it runs: a
// keyboard user then tabs into a form instead of past it, which starts the
// download; what they type meanwhile is handed to the live form, which
// also puts focus back on the same control (src/loader/handover.rs). Until
// then a form cannot send: its submit is held back, so the answers never
// go to the page's own URL.
const APP_JS = "__AA_APP_JS__";
const APP_WASM = "__AA_APP_WASM__";
const FORMS_JS = "__AA_FORMS_JS__";
const FORMS_WASM = "__AA_FORMS_WASM__";
// Longest wait for the first paint's report before the app starts anyway.
const START_FALLBACK_MS = 3000;

const load = (js, wasm) =>
  import(js).then(async (module) => {
    await module.default({ module_or_path: new URL(wasm, import.meta.url) });
    return module;
  });
let forms;
let ready = false;
let attempts = 0;
const notice = (el, show) => {
  const failed = el.querySelector("[data-aa-failed]");
  if (failed) failed.hidden = !show;
};
// The polite status of a placeholder: it speaks only to a visitor who is
// in the form (focus or touch), never to one who scrolled past.
const waiting = (el, show) => {
  const status = el.querySelector("[data-aa-loading]");
  if (status) status.textContent = show ? status.getAttribute("data-aa-loading") : "";
};
const mount = (el, asked) => {
  if (el.hasAttribute("data-aa-mounted")) return;
  if (!forms) {
    // A failed import stays failed for the page's lifetime (the module map
    // keeps it), so each retry asks for the module under a new URL.
    const js = attempts ? `./${FORMS_JS}?retry=${attempts}` : `./${FORMS_JS}`;
    attempts += 1;
    const loading = load(js, `./${FORMS_WASM}`);
    forms = loading;
    loading.catch(() => {
      if (forms === loading) forms = undefined;
    });
  }
  if (asked && !ready) {
    notice(el, false);
    waiting(el, true);
  }
  forms.then((module) => {
    ready = true;
    module.mount(el);
  }, (error) => {
    waiting(el, false);
    notice(el, true);
    console.error("forms module failed to load", error);
  });
};
const partOf = (event) =>
  event.target instanceof Element ? event.target.closest("[data-aa-part]") : null;
for (const type of ["focusin", "pointerdown"]) {
  document.addEventListener(type, (event) => {
    const el = partOf(event);
    if (el) mount(el, true);
  });
}
document.addEventListener("submit", (event) => {
  const el = partOf(event);
  if (el && !el.hasAttribute("data-aa-mounted")) {
    event.preventDefault();
    mount(el, true);
  }
});
document.addEventListener("click", (event) => {
  const el = partOf(event);
  if (el && event.target.closest("[data-aa-retry]")) mount(el, true);
});
// Capture: the checker's event does not bubble.
document.addEventListener("aa-prefill", (event) => {
  const el = partOf(event);
  if (el) mount(el, true);
}, true);
const wake = () => {
  for (const form of document.querySelectorAll("[data-aa-part] form[inert]")) {
    form.removeAttribute("inert");
  }
};
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", wake);
} else {
  wake();
}
const defer = () => {
  const near = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        near.unobserve(entry.target);
        mount(entry.target, false);
      }
    }
  }, { rootMargin: "100% 0px" });
  for (const el of document.querySelectorAll("[data-aa-part]")) near.observe(el);
};
// The service worker (src/pwa/sw.js) makes the page work offline and
// installable. It is registered only by this page on its own origin, in
// the top window, after the app has started (its precache download must not
// compete with the page's own files).
//
// A new build's worker installs and waits. The bar ([data-aa-update]) then
// offers to reload; only the visitor's click lets the new worker take over,
// and only then does the page reload, once. A first visit (no worker yet)
// never reloads; the form's draft is in sessionStorage and survives.
const sw = navigator.serviceWorker;
let updating = false;
const offer = (registration) => {
  const bar = document.querySelector("[data-aa-update]");
  const text = bar?.querySelector("[data-aa-update-text]");
  const reload = bar?.querySelector("[data-aa-update-reload]");
  if (!bar || !text || !reload || bar.hasAttribute("data-aa-update-shown")) return;
  bar.setAttribute("data-aa-update-shown", "");
  reload.hidden = false;
  // Next frame: a live region that has just become visible is announced
  // only when its content changes afterwards.
  requestAnimationFrame(() => {
    text.textContent = text.getAttribute("data-aa-update-text");
  });
  reload.addEventListener("click", () => {
    const waiting = registration.waiting;
    if (!waiting) return location.reload();
    updating = true;
    reload.disabled = true;
    waiting.postMessage({ type: "aa-skip-waiting" });
  });
};
const watch = (registration) => {
  const check = () => {
    if (registration.waiting && sw.controller) offer(registration);
  };
  check();
  registration.addEventListener("updatefound", () => {
    const next = registration.installing;
    next?.addEventListener("statechange", check);
  });
  // A visitor who comes back to a tab left open gets the newest build
  // offered (browsers check the worker on navigations only).
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
};
const register = () => {
  if (!sw || window.top !== window) return;
  sw.addEventListener("controllerchange", () => {
    if (updating) location.reload();
  });
  sw.register(new URL("sw.js", import.meta.url), { scope: "./", updateViaCache: "none" })
    .then(watch, (error) => console.warn("offline support unavailable:", error));
};
// The favicon and manifest links wait in a <noscript> (its text, with
// scripts on) until the page has painted; they replace the empty icon.
const lateLinks = () => {
  const links = document.querySelector("noscript[data-aa-late-links]");
  if (!links) return;
  for (const icon of document.querySelectorAll('link[rel=icon][href^="data:"]')) icon.remove();
  links.insertAdjacentHTML("afterend", links.textContent);
  links.remove();
};
let started = false;
const start = () => {
  if (started) return;
  started = true;
  lateLinks();
  load(`./${APP_JS}`, `./${APP_WASM}`).then(defer).finally(register);
};
// The app starts once the largest contentful paint has been presented (its
// entry exists): a download or compile started earlier competes with that
// paint, and two animation frames are not enough (a paint is presented
// after the frame that committed it). Where the browser reports only the
// first paint (Safari), after that one; where it reports neither, after two
// frames; in any case after START_FALLBACK_MS, so a browser that never
// reports a paint still gets the app. Later, larger paints do not wait for
// the app: the first report is what counts.
const types = globalThis.PerformanceObserver?.supportedEntryTypes ?? [];
const paint = types.includes("largest-contentful-paint")
  ? "largest-contentful-paint"
  : types.includes("paint") ? "paint" : null;
if (paint) {
  new PerformanceObserver((list, observer) => {
    const seen = paint === "paint"
      ? list.getEntriesByName("first-contentful-paint").length
      : list.getEntries().length;
    if (seen) {
      observer.disconnect();
      setTimeout(start);
    }
  }).observe({ type: paint, buffered: true });
  setTimeout(start, START_FALLBACK_MS);
} else {
  requestAnimationFrame(() => requestAnimationFrame(start));
}
