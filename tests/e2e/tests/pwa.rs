//! The installable, offline-capable app (src/pwa/): manifest and icons,
//! the service worker's precache, reading and checking insurance with no
//! connection, a message written offline delivered exactly once (also
//! after a restart), and the update prompt.
//!
//! Offline is real: the tests that need it run a site of their own
//! (`harness/own_site.rs`) and take its server down, so every request to
//! the page's origin fails as it does with no signal; the form receiver
//! is told to drop the connections of the test's messages
//! (`"reply": "drop"`), so posting fails as a dead network does.

use std::time::Duration;

use serde_json::{json, Value};

use super::carrier_checker::{answer, ask};
use super::contact_form::{
    click, complete_steps, open, stored_once, token, value_of, wait_step, wait_text, WAIT,
};
use super::content::{DELIVERED, H1, QUEUED_SAVED, SHORT_NAME, UPDATE_RELOAD, UPDATE_TEXT};
use super::{built_generated, open_article, wait_hydrated, workspace};
use crate::harness::own_site::OwnSite;
use crate::harness::receiver::backend;
use crate::harness::{cdp, ensure, tests, Page, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    let mut all = tests![
        manifest_and_icons_are_complete,
        worker_precaches_the_build_without_reloading,
        offline_reload_reads_and_checks_insurance,
        message_sent_offline_is_delivered_once,
        queued_message_is_delivered_when_the_tab_is_shown_again,
        queued_message_is_delivered_after_a_restart,
        refused_message_comes_back_to_the_form,
        new_build_is_offered_and_reload_keeps_the_draft,
        reloading_the_last_tab_brings_the_new_build,
    ];
    all.extend(tests![chromium: installable_without_errors]);
    all
}

/// How long the worker may take to install (it downloads the whole build).
const INSTALL: Duration = Duration::from_secs(30);

/// Waits until the page's service worker is active (it installed, having
/// precached everything).
async fn worker_active(page: &Page) -> Result<(), String> {
    page.run(
        "window.__aaWorker = 'waiting';
         navigator.serviceWorker.ready.then(function (r) {
           (function check() {
             if (r.active && r.active.state === 'activated') window.__aaWorker = 'active';
             else setTimeout(check, 50);
           })();
         });
         return null;",
        vec![],
    )
    .await?;
    page.wait_for("window.__aaWorker === 'active'", INSTALL)
        .await
        .map_err(|e| format!("the service worker never became active: {e}"))
}

/// A first visit, until its worker is active, then a second one, which the
/// worker serves (what a visitor who comes back gets).
async fn visit_twice(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    wait_hydrated(page).await?;
    worker_active(page).await?;
    open_article(page).await?;
    page.wait_for("navigator.serviceWorker.controller !== null", WAIT)
        .await
        .map_err(|e| format!("the second visit is not served by the worker: {e}"))?;
    wait_hydrated(page).await
}

/// Runs `body` on a site of the test's own (the session there, and the
/// site), then clears that origin's worker, caches and outbox whatever
/// happened (the next test may get the same port).
async fn on_own_site(
    page: &Page,
    body: impl AsyncFnOnce(&Page, &mut OwnSite) -> Result<(), String>,
) -> Result<(), String> {
    let mut site = OwnSite::start(page, &workspace(), &built_generated())?;
    let own = site.page(page);
    let result = body(&own, &mut site).await;
    let _ = site.restart();
    let cleared = own.first_visit().await;
    result.and(cleared)
}

/// The manifest (served with its type) names the app, starts and stays in
/// the page's directory as a standalone window, and lists 192 and 512 px
/// icons and a maskable one, each a PNG of its stated size; the page links
/// the Apple icon (180 px) and the iOS standalone settings.
async fn manifest_and_icons_are_complete(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    // The boot script adds the manifest link once the page has painted.
    page.wait_for(
        "document.querySelector('link[rel=manifest]') !== null",
        Duration::from_secs(10),
    )
    .await
    .map_err(|e| format!("the page never linked its manifest: {e}"))?;
    let found = page
        .run_async(
            "var done = arguments[arguments.length - 1];
             var link = document.querySelector('link[rel=manifest]');
             var apple = document.querySelector('link[rel=apple-touch-icon]');
             var size = function (href) { return new Promise(function (ok) {
               var img = new Image(); img.onload = function () { ok([img.naturalWidth, img.naturalHeight]); };
               img.onerror = function () { ok(null); }; img.src = href; }); };
             fetch(link.href).then(function (r) {
               return r.json().then(function (m) { return { type: r.headers.get('content-type'), m: m }; });
             }).then(function (got) {
               var base = new URL(link.href);
               return Promise.all(got.m.icons.map(function (i) { return size(new URL(i.src, base).href); }))
                 .then(function (sizes) { return size(apple.href).then(function (a) {
                   done({ type: got.type, manifest: got.m, sizes: sizes, apple: a,
                          capable: !!document.querySelector('meta[name=apple-mobile-web-app-capable][content=yes]'),
                          title: (document.querySelector('meta[name=apple-mobile-web-app-title]') || {}).content });
                 }); });
             }).catch(function (e) { done({ error: String(e) }); });",
            vec![],
        )
        .await?;
    ensure(found["error"].is_null(), || {
        format!("reading the manifest: {found}")
    })?;
    let m = &found["manifest"];
    ensure(
        found["type"]
            .as_str()
            .is_some_and(|t| t.starts_with("application/manifest+json")),
        || format!("the manifest is served as {}", found["type"]),
    )?;
    for (member, want) in [
        ("short_name", SHORT_NAME),
        ("start_url", "./"),
        ("scope", "./"),
        ("id", "./"),
        ("display", "standalone"),
    ] {
        ensure(m[member] == want, || {
            format!("manifest {member} is {}, not {want:?}", m[member])
        })?;
    }
    for member in ["name", "description", "theme_color", "background_color"] {
        ensure(m[member].as_str().is_some_and(|v| !v.is_empty()), || {
            format!("manifest has no {member}")
        })?;
    }
    let icons = m["icons"].as_array().cloned().unwrap_or_default();
    let sizes = found["sizes"].as_array().cloned().unwrap_or_default();
    let mut seen = Vec::new();
    for (icon, drawn) in icons.iter().zip(&sizes) {
        let stated = icon["sizes"].as_str().unwrap_or_default();
        let drawn = format!("{}x{}", drawn[0], drawn[1]);
        ensure(stated == drawn, || {
            format!("icon {} says {stated} but is {drawn}", icon["src"])
        })?;
        ensure(icon["type"] == "image/png", || {
            format!("icon {icon} is not a PNG")
        })?;
        seen.push(format!(
            "{stated} {}",
            icon["purpose"].as_str().unwrap_or("any")
        ));
    }
    for want in ["192x192 any", "512x512 any", "512x512 maskable"] {
        ensure(seen.iter().any(|s| s == want), || {
            format!("no {want} icon in {seen:?}")
        })?;
    }
    ensure(found["apple"] == json!([180, 180]), || {
        format!("the apple-touch-icon is {}", found["apple"])
    })?;
    ensure(
        found["capable"] == true && found["title"] == SHORT_NAME,
        || format!("iOS settings missing: {found}"),
    )
}

/// The first visit registers the worker, which precaches exactly the list
/// the build wrote into sw.js (the page and every hashed file, both wasm
/// modules among them), and the page is never reloaded for it.
async fn worker_precaches_the_build_without_reloading(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    page.run("window.__aaSamePage = true; return null;", vec![])
        .await?;
    wait_hydrated(page).await?;
    worker_active(page).await?;
    let got = page
        .run_async(
            "var done = arguments[arguments.length - 1];
             fetch('sw.js').then(function (r) { return r.text(); }).then(function (sw) {
               var list = JSON.parse(sw.match(/const PRECACHE = (\\[.*\\]);/)[1]);
               var build = sw.match(/const BUILD = \"([0-9a-f]+)\"/)[1];
               return caches.keys().then(function (keys) {
                 return caches.open('aa-precache-' + build).then(function (c) { return c.keys(); })
                   .then(function (rs) {
                     done({ list: list.map(function (u) { return new URL(u, location.href).href; }),
                            cached: rs.map(function (r) { return r.url; }), keys: keys });
                   });
               });
             }).catch(function (e) { done({ error: String(e) }); });",
            vec![],
        )
        .await?;
    ensure(got["error"].is_null(), || {
        format!("reading the precache: {got}")
    })?;
    let strings = |v: &Value| -> Vec<String> {
        let mut all: Vec<String> = v
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        all.sort();
        all
    };
    let (list, cached) = (strings(&got["list"]), strings(&got["cached"]));
    ensure(!list.is_empty() && list == cached, || {
        format!("precache list {list:?}\ncached {cached:?}")
    })?;
    for want in [
        "_bg.wasm",
        "/forms-",
        "/app-",
        "/asana-article-",
        "manifest.webmanifest",
    ] {
        ensure(list.iter().any(|u| u.contains(want)), || {
            format!("nothing like {want} is precached: {list:?}")
        })?;
    }
    ensure(
        !list
            .iter()
            .any(|u| u.ends_with("form-config.json") || u.ends_with("sw.js")),
        || format!("the precache holds what must stay fresh: {list:?}"),
    )?;
    let same = page.eval("window.__aaSamePage === true").await?;
    ensure(same == true, || "the first visit reloaded the page".into())
}

/// After one visit, with the site down: the page reloads from the worker,
/// reads (the h1), hydrates, the checker answers, and the form is ready
/// (its settings from the copy the worker kept).
async fn offline_reload_reads_and_checks_insurance(page: &Page) -> Result<(), String> {
    on_own_site(page, async |own, site| {
        visit_twice(own).await?;
        super::reach_forms(own).await?;
        own.wait_for("document.querySelector('#contact form[data-ready]')", WAIT)
            .await?;
        site.stop();
        let down = own
            .run_async(
                "var done = arguments[arguments.length - 1];
                 fetch('sw.js', { cache: 'no-store' }).then(function () { done('up'); }, function () { done('down'); });",
                vec![],
            )
            .await?;
        ensure(down == "down", || "the site is still up".into())?;
        ask(own, "cigma").await?;
        answer(own, "Cigna is in our network").await?;
        own.heading(1, H1).await?;
        super::reach_forms(own).await?;
        own.wait_for("document.querySelector('#contact form[data-ready]')", WAIT)
            .await
            .map_err(|e| format!("offline, the form has no settings: {e}"))?;
        own.run("window.scrollTo(0, 0); return null;", vec![]).await?;
        screenshot(own, "offline").await?;
        Ok::<(), String>(())
    })
    .await
}

/// With `E2E_SCREENSHOTS=dir`, saves what the page shows as
/// `<dir>/<engine>-<what>.png`, to look at.
async fn screenshot(page: &Page, what: &str) -> Result<(), String> {
    match std::env::var_os("E2E_SCREENSHOTS") {
        Some(dir) => {
            let name = format!("{}-{what}.png", page.engine.name());
            page.screenshot(&std::path::Path::new(&dir).join(name))
                .await
        }
        None => Ok(()),
    }
}

/// Fills the contact form on `own` and sends it while the receiver drops
/// the connections of `token`: the form says the device keeps it, nothing
/// is stored.
async fn send_into_the_outbox(own: &Page, token: &str) -> Result<(), String> {
    let backend = backend()?;
    backend.control(json!({"token": token, "reply": "drop", "times": 1000}))?;
    open(own, "/").await?;
    complete_steps(own, token).await?;
    click(own, "button", "Send").await?;
    if let Err(e) = wait_text(own, QUEUED_SAVED, WAIT).await {
        let said = own
            .eval("(document.getElementById('contact-notice') || {}).innerText || ''")
            .await?;
        let probe = own
            .run_async(
                "var done = arguments[arguments.length - 1];
                 navigator.serviceWorker.getRegistration().then(function (r) {
                   var st = [!!r, r && !!r.active, r && r.active && r.active.state, !!navigator.serviceWorker.controller];
                   if (!r || !r.active) return done(st);
                   var ch = new MessageChannel();
                   var t = setTimeout(function () { done(st.concat(['no answer'])); }, 3000);
                   ch.port1.onmessage = function (ev) { clearTimeout(t); done(st.concat([JSON.stringify(ev.data)])); };
                   r.active.postMessage({ type: 'aa-outbox-list', form: 'contact' }, [ch.port2]);
                 }, function (e) { done(String(e)); });",
                vec![],
            )
            .await?;
        return Err(format!("{e}; the form says {said}; probe {probe}"));
    }
    ensure(backend.records(token).is_empty(), || {
        "a dropped message was stored".into()
    })?;
    let kept = own
        .run_async(
            "var done = arguments[arguments.length - 1];
             var rq = indexedDB.open('aa-outbox');
             rq.onsuccess = function () {
               var all = rq.result.transaction('messages').objectStore('messages').getAll();
               all.onsuccess = function () { done(all.result.map(function (e) { return e.state; })); };
             };
             rq.onerror = function () { done('no outbox'); };",
            vec![],
        )
        .await?;
    ensure(kept == json!(["queued"]), || {
        format!("the outbox holds {kept}")
    })
}

/// Waits until the receiver has `token` stored once, and checks that the
/// outbox let exactly one post through after `before` dropped ones, and
/// keeps nothing of it.
async fn delivered_once(own: &Page, token: &str, before: usize) -> Result<(), String> {
    wait_text(own, DELIVERED, Duration::from_secs(20)).await?;
    stored_once(token)?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = backend()?.attempts(token)?;
    ensure(after == before + 1, || {
        format!(
            "{} posts after the connection came back, not 1",
            after - before
        )
    })?;
    let left = own
        .run_async(
            "var done = arguments[arguments.length - 1];
             var rq = indexedDB.open('aa-outbox');
             rq.onsuccess = function () {
               var all = rq.result.transaction('messages').objectStore('messages').getAll();
               all.onsuccess = function () { done(all.result.length); };
             };",
            vec![],
        )
        .await?;
    ensure(left == 0, || {
        format!("the outbox still holds {left} entries")
    })
}

/// Sent while the message service is unreachable: kept on the device and
/// said so; back online, delivered exactly once, the visitor told, and
/// nothing of it left on the device.
async fn message_sent_offline_is_delivered_once(page: &Page) -> Result<(), String> {
    on_own_site(page, async |own, _site| {
        let token = token(own, "outbox");
        visit_twice(own).await?;
        send_into_the_outbox(own, &token).await?;
        let before = backend()?.control(json!({"token": token, "reply": "drop", "times": 0}))?;
        own.eval("window.dispatchEvent(new Event('online'))")
            .await?;
        delivered_once(own, &token, before).await
    })
    .await
}

/// Queued while the browser still says it is online (no `online` event
/// will come): the tab being shown again (`visibilitychange`, as when the
/// visitor comes back to it) delivers it exactly once. That is the real
/// path in Firefox and Safari, which have no Background Sync.
async fn queued_message_is_delivered_when_the_tab_is_shown_again(
    page: &Page,
) -> Result<(), String> {
    on_own_site(page, async |own, _site| {
        let token = token(own, "shown");
        visit_twice(own).await?;
        send_into_the_outbox(own, &token).await?;
        let before = backend()?.control(json!({"token": token, "reply": "drop", "times": 0}))?;
        own.eval(
            "document.dispatchEvent(new Event('visibilitychange', { bubbles: true })), document.visibilityState",
        )
        .await?;
        delivered_once(own, &token, before).await
    })
    .await
}

/// Queued, then the tab's session ends (its draft gone): the next start
/// of the page delivers it exactly once and says so.
async fn queued_message_is_delivered_after_a_restart(page: &Page) -> Result<(), String> {
    on_own_site(page, async |own, _site| {
        let token = token(own, "restart");
        visit_twice(own).await?;
        send_into_the_outbox(own, &token).await?;
        own.goto("/__e2e/reset.html").await?;
        own.run("sessionStorage.clear(); return null;", vec![])
            .await?;
        let before = backend()?.control(json!({"token": token, "reply": "drop", "times": 0}))?;
        open_article(own).await?;
        wait_hydrated(own).await?;
        super::reach_forms(own).await?;
        delivered_once(own, &token, before).await
    })
    .await
}

/// A new build deployed while the page is open: the bar offers it (and
/// nothing reloads by itself); Reload brings the new build, once, with the
/// form's answers still there, and the old build's cache is gone.
async fn new_build_is_offered_and_reload_keeps_the_draft(page: &Page) -> Result<(), String> {
    on_own_site(page, async |own, site| {
        visit_twice(own).await?;
        super::reach_forms(own).await?;
        click(own, "radio", "Someone I care about").await?;
        own.wait_for(
            "JSON.parse(sessionStorage.getItem('aa-form-contact:draft') || '{}').answers?.who != null",
            WAIT,
        )
        .await
        .map_err(|e| format!("no draft saved: {e}"))?;
        own.run("window.__aaSamePage = true; return null;", vec![])
            .await?;
        offer_new_build(own, &site.root).await?;
        let reload = own.by_role("button", UPDATE_RELOAD).await?;
        screenshot(own, "update").await?;
        ensure(own.eval("window.__aaSamePage === true").await? == true, || {
            "the page reloaded before the visitor asked".into()
        })?;
        reload.click().await?;
        own.wait_for(
            "window.__aaSamePage !== true && document.readyState === 'complete' && document.documentElement.dataset.e2eBuild === 'new'",
            INSTALL,
        )
        .await
        .map_err(|e| format!("Reload did not bring the new build: {e}"))?;
        wait_hydrated(own).await?;
        super::reach_forms(own).await?;
        own.wait_for(
            "[...document.querySelectorAll('[data-aa-mounted] input[type=radio]')].some((r) => r.checked)",
            WAIT,
        )
        .await
        .map_err(|e| format!("the answer was lost across the reload: {e}"))?;
        let keys = own
            .run_async(
                "var done = arguments[arguments.length - 1]; caches.keys().then(done);",
                vec![],
            )
            .await?;
        let precaches: Vec<&Value> = keys
            .as_array()
            .map(|k| k.iter().filter(|k| k.as_str().is_some_and(|k| k.starts_with("aa-precache-"))).collect())
            .unwrap_or_default();
        ensure(precaches.len() == 1, || format!("caches after the update: {keys}"))
    })
    .await
}

/// A new deployment of the same build: a new build id in sw.js (as any
/// change to a file gives) and a page that says so on its `<html>`
/// (outside what the app renders); their precompressed copies removed, as
/// the new build would have its own.
fn redeploy(root: &std::path::Path) -> Result<(), String> {
    let edit = |name: &str, change: &dyn Fn(String) -> Option<String>| -> Result<(), String> {
        let path = root.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        let changed = change(text).ok_or_else(|| format!("{name}: nothing to change"))?;
        std::fs::write(&path, changed).map_err(|e| format!("{name}: {e}"))?;
        for copy in [".br", ".gz"] {
            let _ = std::fs::remove_file(root.join(format!("{name}{copy}")));
        }
        Ok(())
    };
    edit("sw.js", &|sw| {
        let at = sw.find("const BUILD = \"")? + "const BUILD = \"".len();
        Some(format!("{}0000000000000000{}", &sw[..at], &sw[at + 16..]))
    })?;
    edit("index.html", &|html| {
        let at = html.find("<html")? + "<html".len();
        Some(format!(
            "{} data-e2e-build=\"new\"{}",
            &html[..at],
            &html[at..]
        ))
    })
}

/// Chromium's own installability check (DevTools) finds nothing missing
/// once the worker controls the page.
async fn installable_without_errors(page: &Page) -> Result<(), String> {
    visit_twice(page).await?;
    let found = cdp::execute(page, "Page.getInstallabilityErrors", json!({})).await?;
    let errors = &found["installabilityErrors"];
    ensure(errors.as_array().is_some_and(Vec::is_empty), || {
        format!("Chromium says the app is not installable: {found}")
    })?;
    let manifest = cdp::execute(page, "Page.getAppManifest", json!({})).await?;
    ensure(
        manifest["errors"].as_array().is_some_and(Vec::is_empty),
        || {
            format!(
                "Chromium finds errors in the manifest: {}",
                manifest["errors"]
            )
        },
    )
}

/// Queued, then refused with a field error when it goes out: the visitor
/// is brought back to that step with the backend's message and their
/// answer, and the refused message is not sent again.
async fn refused_message_comes_back_to_the_form(page: &Page) -> Result<(), String> {
    on_own_site(page, async |own, _site| {
        let token = token(own, "refused");
        let message = "This address cannot receive email";
        visit_twice(own).await?;
        send_into_the_outbox(own, &token).await?;
        let before = backend()?.control(json!({
            "token": token,
            "reply": "422",
            "errors": [{"field": "email", "message": message}],
        }))?;
        own.eval("window.dispatchEvent(new Event('online'))")
            .await?;
        wait_text(own, message, Duration::from_secs(20)).await?;
        wait_step(own, "Step 2 of 5").await?;
        ensure(
            value_of(own, "contact-email").await? == "grace@example.com",
            || "the email was lost".into(),
        )?;
        // Another chance to retry: a refusal must not be resent.
        own.eval("window.dispatchEvent(new Event('online'))")
            .await?;
        tokio::time::sleep(Duration::from_secs(2)).await;
        let after = backend()?.attempts(&token)?;
        ensure(after == before + 1, || {
            format!("{} posts of a refused message, not 1", after - before)
        })?;
        ensure(backend()?.records(&token).is_empty(), || {
            "a refused message was stored".into()
        })
    })
    .await
}

/// Deploys a new build over the site at `root` and has the open page's
/// worker look for it: the update bar must then offer it.
async fn offer_new_build(own: &Page, root: &std::path::Path) -> Result<(), String> {
    redeploy(root)?;
    own.run(
        "navigator.serviceWorker.getRegistration().then(function (r) { r.update(); }); return null;",
        vec![],
    )
    .await?;
    own.wait_for(
        &format!(
            "document.querySelector('[data-aa-update-text]').textContent === {}",
            json!(UPDATE_TEXT)
        ),
        INSTALL,
    )
    .await
    .map_err(|e| format!("the new build was not offered: {e}"))
}

/// A new build deployed while the page is open, the bar ignored: reloading
/// the page (its only tab) brings the new build, so nobody stays on an old
/// one for good.
async fn reloading_the_last_tab_brings_the_new_build(page: &Page) -> Result<(), String> {
    on_own_site(page, async |own, site| {
        visit_twice(own).await?;
        offer_new_build(own, &site.root).await?;
        open_article(own).await?;
        own.wait_for("document.documentElement.dataset.e2eBuild === 'new'", WAIT)
            .await
            .map_err(|e| format!("the reload kept the old build: {e}"))
    })
    .await
}
