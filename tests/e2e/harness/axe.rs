//! Accessibility scans with axe-core, injected into the page under test.
//!
//! axe-core is an npm package that `.ci/setup --test` installs into
//! `<workspace>/.tools`; the harness reads `axe.min.js` from there and runs
//! it through WebDriver (scripts WebDriver executes are not subject to the
//! page's Content-Security-Policy).

use std::path::PathBuf;

use serde_json::{json, Value};

use super::Page;

/// The WCAG 2.2 A/AA rule tags the scans check.
pub const WCAG_22_AA: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// Where `.ci/setup --test` installs axe-core.
fn axe_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(".tools/node_modules/axe-core/axe.min.js")
}

/// The source of axe.min.js, or a message saying how to install it.
fn axe_source() -> Result<String, String> {
    let path = axe_path();
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "axe-core is missing ({}: {e}); install it with `bash .ci/setup --test` \
             (npm install --prefix .tools axe-core@4)",
            path.display()
        )
    })
}

/// Runs axe-core on the current document with the rules tagged `tags` and
/// returns one line per violation: rule, impact, help and the offending
/// elements (selector and a failure summary).
pub async fn violations(page: &Page, tags: &[&str]) -> Result<Vec<String>, String> {
    let source = axe_source()?;
    // Defined once per document: the injected script sets window.axe.
    let loaded = page
        .run(
            &format!("if (!window.axe) {{\n{source}\n}}\nreturn typeof window.axe;"),
            vec![],
        )
        .await?;
    if loaded != json!("object") {
        return Err(format!("axe-core did not load (window.axe is {loaded})"));
    }
    let result = page
        .run_async(
            "var done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
               .then(function (r) {
                 done(r.violations.map(function (v) {
                   return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) {
                     return n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
                   }) };
                 }));
               }, function (e) { done({ error: String(e) }); });",
            vec![json!(tags)],
        )
        .await?;
    if let Some(error) = result.get("error") {
        return Err(format!("axe.run failed: {error}"));
    }
    Ok(result
        .as_array()
        .map(|found| found.iter().map(describe).collect())
        .unwrap_or_default())
}

fn describe(violation: &Value) -> String {
    let text = |key: &str| violation[key].as_str().unwrap_or("").to_string();
    let nodes: Vec<String> = violation["nodes"]
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    format!(
        "{} ({}): {}\n      {}",
        text("id"),
        text("impact"),
        text("help"),
        nodes.join("\n      ")
    )
}
