//! The forms live in a second wasm module that loads only when a visitor
//! comes near a form (`src/loader/parts.rs`).

use std::time::Duration;

use super::{open_article, reach_forms, wait_hydrated};
use crate::harness::receiver::copy_build_except;
use crate::harness::{ensure, tests, Name, Page, Query, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        nothing_is_fetched_before_the_largest_paint,
        forms_load_only_near_a_form,
        both_forms_share_one_config_request,
        failed_download_offers_a_retry
    ]
}

/// Names of the resources the page has fetched from the forms module.
const FORMS_FETCHED: &str = "performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/forms-'))";

/// A first visit fetches nothing but the document until the page has
/// painted its largest text (its first paint, where the browser reports no
/// largest): the stylesheet and boot script are inline, and the app, the
/// favicon and the manifest wait. Afterwards the real favicon and the
/// manifest are linked, and no empty placeholder icon is left.
async fn nothing_is_fetched_before_the_largest_paint(page: &Page) -> Result<(), String> {
    page.first_visit().await?;
    open_article(page).await?;
    wait_hydrated(page).await?;
    let got = page
        .run_async(
            "var done = arguments[arguments.length - 1];
             var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
             var type = types.indexOf('largest-contentful-paint') >= 0 ? 'largest-contentful-paint'
               : types.indexOf('paint') >= 0 ? 'paint' : null;
             if (!type) return done({ error: 'this browser reports no paint' });
             new PerformanceObserver(function (list, observer) {
               var paints = list.getEntries().filter(function (e) {
                 return type !== 'paint' || e.name === 'first-contentful-paint';
               });
               if (!paints.length) return;
               observer.disconnect();
               var painted = paints[0].startTime;
               done({
                 type: type,
                 painted: painted,
                 early: performance.getEntriesByType('resource')
                   .filter(function (r) { return r.startTime < painted && r.name.indexOf('/__e2e/') < 0; })
                   .map(function (r) { return r.name + ' at ' + Math.round(r.startTime) + ' ms'; }),
                 sheets: document.querySelectorAll('link[rel=stylesheet]').length,
                 icons: Array.prototype.map.call(document.querySelectorAll('link[rel~=icon]'),
                   function (l) { return l.getAttribute('href'); }),
                 manifest: !!document.querySelector('link[rel=manifest]'),
               });
             }).observe({ type: type, buffered: true });",
            vec![],
        )
        .await?;
    ensure(got["error"].is_null(), || got.to_string())?;
    ensure(got["early"].as_array().is_some_and(Vec::is_empty), || {
        format!(
            "fetched before the {} at {} ms: {}",
            got["type"], got["painted"], got["early"]
        )
    })?;
    ensure(got["sheets"] == 0, || {
        format!("the page links {} stylesheets", got["sheets"])
    })?;
    let icons: Vec<&str> = got["icons"]
        .as_array()
        .map(|all| all.iter().filter_map(|i| i.as_str()).collect())
        .unwrap_or_default();
    ensure(
        icons.len() == 1 && icons[0].ends_with(".svg") && got["manifest"] == true,
        || {
            format!(
                "after the paint: icons {icons:?}, manifest linked: {}",
                got["manifest"]
            )
        },
    )
}

/// At the top of the page the forms module is not fetched and the
/// pre-rendered forms are not mounted; scrolling to them fetches it, mounts
/// both forms live, with nothing logged as an error.
async fn forms_load_only_near_a_form(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    wait_hydrated(page).await?;
    // Give a wrongly eager loader time to show itself.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let fetched = page.eval(FORMS_FETCHED).await?;
    ensure(fetched.as_array().is_some_and(Vec::is_empty), || {
        format!("fetched at the top of the page: {fetched}")
    })?;
    let mounted = page
        .eval("document.querySelectorAll('[data-aa-mounted]').length")
        .await?;
    ensure(mounted == 0, || {
        format!("mounted at the top of the page: {mounted}")
    })?;

    reach_forms(page).await?;
    let fetched = page.eval(FORMS_FETCHED).await?;
    let names: Vec<&str> = fetched
        .as_array()
        .map(|all| all.iter().filter_map(|n| n.as_str()).collect())
        .unwrap_or_default();
    ensure(
        names.iter().any(|n| n.ends_with(".js")) && names.iter().any(|n| n.ends_with("_bg.wasm")),
        || format!("after reaching the forms, fetched {names:?}"),
    )?;
    let inert = page
        .eval("[...document.querySelectorAll('[data-aa-part] form')].map((f) => f.inert)")
        .await?;
    ensure(inert == serde_json::json!([false, false]), || {
        format!("mounted forms' inert: {inert}")
    })?;
    let errors = page.errors().await?;
    ensure(errors.is_empty(), || {
        format!(
            "errors after mounting the forms:\n  {}",
            errors.join("\n  ")
        )
    })
}

/// Both forms mount together and get their settings from a single request
/// for form-config.json.
async fn both_forms_share_one_config_request(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    wait_hydrated(page).await?;
    reach_forms(page).await?;
    page.wait_for(
        "document.querySelectorAll('[data-aa-part] form[data-ready]').length === 2",
        Duration::from_secs(10),
    )
    .await
    .map_err(|e| format!("the forms did not both get their settings: {e}"))?;
    let requests = page
        .eval("performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/form-config.json')).length")
        .await?;
    ensure(requests == 1, || {
        format!("form-config.json was requested {requests} times")
    })
}

/// When the forms module cannot be downloaded, the placeholder says so
/// (with the phone number) instead of leaving an inert form, and "Try
/// again" loads it once it is there. The page is a copy of the build
/// without the module's files, of this engine's own (the engines run at
/// once), which gets the files between the two attempts.
async fn failed_download_offers_a_retry(page: &Page) -> Result<(), String> {
    let root = page.site_root();
    let dir = root
        .join("form")
        .join(format!("no-forms-{}", page.engine.name()));
    copy_build_except(root, &dir, |name| name.starts_with("forms-"))?;
    std::fs::copy(root.join("form-config.json"), dir.join("form-config.json"))
        .map_err(|e| format!("copying form-config.json: {e}"))?;
    let path = format!("/form/no-forms-{}/", page.engine.name());
    page.goto(&path).await?;
    wait_hydrated(page).await?;
    page.run(
        "document.querySelector('[data-aa-part=\"contact-form\"]').scrollIntoView({ behavior: 'instant' });",
        Vec::new(),
    )
    .await?;
    page.wait_for(
        "document.querySelector('[data-aa-part=\"contact-form\"] [data-aa-failed]:not([hidden])')",
        Duration::from_secs(10),
    )
    .await
    .map_err(|e| format!("no visible notice after the failed download: {e}"))?;
    // Other alerts exist (the book form's notice, the forms' empty status
    // regions): take the one with the heading, in the contact placeholder.
    let mut notice = None;
    for alert in page.find_all(&Query::role("alert").name(Name::Any)).await? {
        let heading = Query::role("heading")
            .name("This form could not load")
            .within(&alert);
        let part = page
            .run(
                "return arguments[0].closest('[data-aa-part]')?.dataset.aaPart;",
                vec![alert.to_json()],
            )
            .await?;
        if part == "contact-form" && page.find(&heading).await.is_ok() {
            notice = Some(alert);
            break;
        }
    }
    let alert = notice.ok_or(
        "no alert with the heading \"This form could not load\" in the contact form's place",
    )?;
    page.find(&Query::role("link").name("(949) 763-3440").within(&alert))
        .await?;
    let retry = page
        .find(&Query::role("button").name("Try again").within(&alert))
        .await?;

    for entry in std::fs::read_dir(root)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("forms-") {
            std::fs::copy(entry.path(), dir.join(&name))
                .map_err(|e| format!("copying {name}: {e}"))?;
        }
    }
    // Clear of the sticky header, which WebDriver's own scrolling ignores.
    page.run(
        "arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' });",
        vec![retry.to_json()],
    )
    .await?;
    retry.click().await?;
    page.wait_for(
        "document.querySelector('[data-aa-part=\"contact-form\"][data-aa-mounted] #contact-step-heading')",
        Duration::from_secs(20),
    )
    .await
    .map_err(|e| format!("\"Try again\" did not bring the form: {e}"))?;
    let notices = page
        .eval("document.querySelectorAll('[data-aa-part=\"contact-form\"] [data-aa-failed]:not([hidden])').length")
        .await?;
    ensure(notices == 0, || {
        "the notice stayed after the form loaded".into()
    })
}
