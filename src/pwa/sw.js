// The service worker (src/pwa/worker.rs fills in this build's id and its
// precache list; nothing here is typed per build). Hand-written rather than
// Workbox: it does four small things (precache, offline page, config copy,
// outbox), Workbox's runtime would be most of its size, and nothing is
// fetched from a CDN either way.
//
// Registered by the page's boot script on the app's own origin only (never
// by a widget or an embed page), with its scope the page's directory.
//
// Caches:
// - `aa-precache-<build>`: the page and every file of this build, taken
//   when the worker installs. Hashed files are taken as they are (from the
//   HTTP cache if there); the page and the other fixed names are
//   revalidated with the server first. The page and its files are served
//   from here, so a visit offline is the same build as the last one online.
//   Earlier builds' caches are deleted when this worker activates.
// - `aa-runtime`: the last `form-config.json` seen, used only offline (the
//   network always comes first: deployers edit that file in place).
// The form endpoint is never cached: only GETs of this origin are looked at.
//
// Updates: a new build's worker installs and waits. The page offers
// "Reload" (boot.js); the visitor's click sends `aa-skip-waiting`. A page
// reloaded while it is the last one open is served the waiting build, so no
// visitor stays on an old build for good.
//
// Outbox: a message that could not be sent is kept in IndexedDB
// (`aa-outbox`) with its idempotency key, and sent from here, one request
// at a time, when a page asks (`online`, a page start, the tab shown again,
// every minute while a page is open) or Background Sync fires (Chromium):
// not at once when handed over, since the page's own attempt has just failed. Every open page is told how it went.
// A delivered message is deleted at once (health information); what is
// left is a receipt with no content, which the page removes once it has
// told the visitor. A refusal naming fields (4xx) is kept for the page to
// bring the visitor back to the form; it is never retried.
const BUILD = "__AA_BUILD__";
const PRECACHE = __AA_PRECACHE__;
const PREFIX = "aa-precache-";
const CACHE = PREFIX + BUILD;
const RUNTIME = "aa-runtime";
const CONFIG = "form-config.json";
const SYNC_TAG = "aa-outbox";
const DB = "aa-outbox";
const STORE = "messages";

const scope = new URL(self.registration.scope);
const url = (path) => new URL(path, scope).href;
const PAGE = url("./");
const INDEX = url("index.html");
const precached = new Set(PRECACHE.map(url));
const hashed = (href) => /-[0-9a-f]{16}(\.js|\.css|_bg\.wasm)$/.test(new URL(href).pathname);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        [...precached].map((href) => new Request(href, { cache: hashed(href) ? "default" : "no-cache" })),
      ),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))),
    ),
  );
});

// The cache of the newest build: this one's, or a waiting worker's, whose
// install has filled its cache.
const newestCache = async () => {
  if (self.registration.waiting) {
    const own = await caches.keys();
    const other = own.find((key) => key.startsWith(PREFIX) && key !== CACHE);
    if (other) return other;
  }
  return CACHE;
};

const fromCache = async (request, name = CACHE) => {
  const cache = await caches.open(name);
  return cache.match(request, { ignoreSearch: true });
};

const page = async (request) => {
  let name = CACHE;
  const waiting = self.registration.waiting;
  if (waiting) {
    const open = await self.clients.matchAll({ type: "window" });
    if (open.length <= 1) {
      name = await newestCache();
      waiting.postMessage({ type: "aa-skip-waiting" });
    }
  }
  const cached = await fromCache(PAGE, name);
  return cached || fetch(request);
};

const config = async (request) => {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      caches.open(RUNTIME).then((cache) => cache.put(url(CONFIG), copy));
    }
    return response;
  } catch (error) {
    const cached = await caches.open(RUNTIME).then((cache) => cache.match(url(CONFIG)));
    if (cached) return cached;
    throw error;
  }
};

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const target = new URL(request.url);
  if (target.origin !== scope.origin) return;
  const bare = target.origin + target.pathname;
  if (request.mode === "navigate") {
    if (bare === PAGE || bare === INDEX) event.respondWith(page(request));
    return;
  }
  if (bare === url(CONFIG)) {
    event.respondWith(config(request));
    return;
  }
  if (precached.has(bare)) {
    event.respondWith(fromCache(request).then((cached) => cached || fetch(request)));
  }
});

// --- Outbox ---

const openDb = () =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: "key" });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });

const withStore = async (mode, work) => {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
};

const all = () => withStore("readonly", (store) => store.getAll());
const put = (entry) => withStore("readwrite", (store) => store.put(entry));
const remove = (key) => withStore("readwrite", (store) => store.delete(key));

const tell = async (message) => {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of pages) client.postMessage(message);
};

// What an entry is, for a page: never the request itself; the draft only
// while the message is not delivered (a page that lost its own, after the
// tab was closed, can put it back).
const summary = ({ key, form, state, status, reply, draft }) =>
  state === "delivered" ? { key, form, state } : { key, form, state, status, reply, draft };

const formData = (parts) => {
  const data = new FormData();
  for (const [name, value] of parts) data.append(name, value);
  return data;
};

// One delivery run at a time, so no message is ever sent twice at once.
let running = Promise.resolve();
const flush = () => {
  running = running.then(deliver, deliver);
  return running;
};

// Returns whether everything queued went out (Background Sync retries
// later when it did not).
const deliver = async () => {
  let done = true;
  for (const entry of await all()) {
    if (entry.state !== "queued") continue;
    let response;
    try {
      response = await fetch(new URL(entry.url, entry.page), {
        method: "POST",
        headers: entry.headers,
        body: entry.parts ? formData(entry.parts) : entry.body,
      });
    } catch (error) {
      return false;
    }
    const status = response.status;
    const reply = await response.text().catch(() => "");
    if (status >= 200 && status < 300) {
      await put({ key: entry.key, form: entry.form, state: "delivered" });
    } else if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      await put({ ...entry, body: "", parts: null, state: "returned", status, reply });
    } else {
      done = false;
      continue;
    }
    const now = (await all()).find((e) => e.key === entry.key);
    await tell({ type: "aa-outbox-result", entry: summary(now) });
  }
  return done;
};

const sync = async () => {
  try {
    await self.registration.sync?.register(SYNC_TAG);
  } catch (error) {
    // No Background Sync (Firefox, Safari) or not allowed: pages retry.
  }
};

self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    flush().then((done) => {
      if (!done) throw new Error("outbox: not everything could be sent; the browser retries");
    }),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  // Answers go back on the port the page sent along (a client's own
  // postMessage, `event.source`, is not always there in WebKit).
  const port = event.ports && event.ports[0];
  const answer = (message) => (port ? port.postMessage(message) : event.source?.postMessage(message));
  switch (data.type) {
    case "aa-skip-waiting":
      self.skipWaiting();
      break;
    case "aa-outbox-put": {
      const entry = data.entry || {};
      if (typeof entry.key !== "string" || typeof entry.url !== "string" || typeof entry.page !== "string") break;
      event.waitUntil(
        put({ ...entry, state: "queued", queuedAt: Date.now() })
          .then(() => answer({ type: "aa-outbox-queued", key: entry.key }))
          .then(sync),
      );
      break;
    }
    case "aa-outbox-flush":
      event.waitUntil(flush());
      break;
    case "aa-outbox-list":
      event.waitUntil(
        all().then((entries) =>
          answer({
            type: "aa-outbox-list",
            form: data.form,
            entries: entries.filter((e) => e.form === data.form).map(summary),
          }),
        ),
      );
      break;
    case "aa-outbox-forget":
      if (typeof data.key === "string") event.waitUntil(remove(data.key));
      break;
  }
});
