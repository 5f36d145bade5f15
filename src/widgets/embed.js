// The partner's loader, /embed.js: one classic <script async> on a partner
// page. The build fills in this build's file names, the kinds and the
// call-us bar (src/widgets/loader.rs); every URL resolves against this
// script's own URL, never the host page's.
//
// Each [data-aa-widget] element gets an open shadow root. Until the widget
// is ready the root shows the element's own content (the partner's
// fallback, through a <slot>); if anything fails, that fallback stays and
// the element gets "aa-widget-failed". The page's widgets share one module:
// the small one when no widget needs the forms.
//
// It defines one global, AsanaRecoveryEmbed (scan, mount, unmount), never
// registers a service worker and keeps nothing in the host's storage.
(() => {
  const NAME = "AsanaRecoveryEmbed";
  if (window[NAME]) return window[NAME].scan();
  const script = document.currentScript;
  const base = new URL(".", script ? script.src : location.href);
  const MODULES = __AA_MODULES__;
  const KINDS = __AA_KINDS__;
  const CSS = new URL("__AA_EMBED_CSS__", base);
  const CALL_US = __AA_CALL_US__;
  const ATTR = "data-aa-widget";
  const state = new WeakMap();
  const loads = {};

  const tell = (el, type, detail) =>
    el.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  const load = (name) =>
    (loads[name] ??= import(new URL(MODULES[name][0], base)).then(async (module) => {
      await module.default({ module_or_path: new URL(MODULES[name][1], base) });
      return module;
    }));
  // Once the page has the module with the forms, every widget uses it.
  const moduleFor = (need) => (loads["widgets-forms"] || need === "widgets-forms" ? "widgets-forms" : "widgets");
  const styled = (root) =>
    new Promise((resolve, reject) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = CSS;
      link.onload = resolve;
      link.onerror = () => reject(new Error(`stylesheet ${CSS} did not load`));
      root.append(link);
    });

  const fail = (el, kind, reason, error) => {
    console.error(`${NAME}: the ${kind} widget could not start (${reason}):`, error?.message ?? error);
    const s = state.get(el);
    if (s) s.box.remove();
    state.delete(el);
    tell(el, "aa-widget-failed", { kind, reason });
  };

  const mount = (el) => {
    if (!(el instanceof HTMLElement) || state.has(el)) return;
    const kind = el.getAttribute(ATTR);
    if (!(kind in KINDS)) {
      return fail(el, kind, "unknown-kind", `${ATTR}="${kind}" names no widget; use one of ${Object.keys(KINDS).join(", ")}`);
    }
    let root;
    try {
      root = el.shadowRoot ?? el.attachShadow({ mode: "open" });
    } catch (error) {
      return fail(el, kind, "no-shadow-root", error);
    }
    if (!root.querySelector("slot")) root.append(document.createElement("slot"));
    const box = document.createElement("div");
    box.className = `aa-widget aa-widget--${kind}`;
    box.hidden = true;
    root.append(box);
    const s = { box, root };
    state.set(el, s);
    const need = KINDS[kind];
    const name = need && moduleFor(need);
    Promise.all([
      styled(box).catch((error) => Promise.reject(["style", error])),
      name ? load(name).catch((error) => Promise.reject(["script", error])) : null,
    ]).then(([, module]) => {
      if (state.get(el) !== s) return;
      if (module) {
        s.mounted = module.mount_widget(el, box, kind, base.href);
      } else {
        box.insertAdjacentHTML("beforeend", CALL_US);
      }
      root.querySelector("slot")?.remove();
      box.hidden = false;
      tell(el, "aa-widget-ready", { kind });
    }).catch((problem) => {
      if (state.get(el) !== s) return;
      const [reason, error] = Array.isArray(problem) ? problem : ["mount", problem];
      if (name && reason === "script") delete loads[name];
      fail(el, kind, reason, error);
    });
  };

  const unmount = (el) => {
    const s = state.get(el);
    if (!s) return;
    state.delete(el);
    s.mounted?.unmount();
    s.box.remove();
    for (const link of s.root.querySelectorAll("link")) link.remove();
    if (!s.root.querySelector("slot")) s.root.append(document.createElement("slot"));
  };

  // The iframe pages (/embed/<kind>/) report their height; only frames of
  // ours, from our origin, are listened to and sized.
  const frames = new Set();
  const hello = (frame) => frame.contentWindow?.postMessage({ type: "aa-embed-hello" }, base.origin);
  const frame = (iframe) => {
    if (frames.has(iframe)) return;
    frames.add(iframe);
    iframe.addEventListener("load", () => hello(iframe));
    hello(iframe);
  };
  window.addEventListener("message", (event) => {
    if (event.origin !== base.origin || event.data?.type !== "aa-embed-size") return;
    const height = Number(event.data.height);
    if (!(height > 0 && height < 100000)) return;
    for (const iframe of frames) {
      if (iframe.contentWindow === event.source) iframe.style.height = `${Math.ceil(height)}px`;
    }
  });
  // Inside an iframe page: answer the host that says hello (any origin may
  // frame these pages), with the height, to that origin only.
  if (document.documentElement.hasAttribute("data-aa-frame") && window.parent !== window) {
    let host;
    const report = () => {
      if (host) window.parent.postMessage({ type: "aa-embed-size", height: document.documentElement.scrollHeight }, host);
    };
    window.addEventListener("message", (event) => {
      if (event.source !== window.parent || event.data?.type !== "aa-embed-hello") return;
      host = event.origin;
      report();
    });
    new ResizeObserver(report).observe(document.documentElement);
  }

  const scan = (within = document) => {
    for (const el of within.querySelectorAll(`[${ATTR}]`)) mount(el);
    for (const iframe of within.querySelectorAll("iframe[src]")) {
      const src = new URL(iframe.src, location.href);
      if (src.origin === base.origin && src.pathname.startsWith(`${base.pathname}embed/`)) frame(iframe);
    }
  };
  window[NAME] = { scan, mount, unmount };
  // One module for the whole page: if any widget needs the forms, start
  // with that one.
  const start = () => {
    const kinds = [...document.querySelectorAll(`[${ATTR}]`)].map((el) => KINDS[el.getAttribute(ATTR)]);
    if (kinds.includes("widgets-forms")) load("widgets-forms").catch(() => delete loads["widgets-forms"]);
    scan();
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
