//! Chromium's DevTools protocol through ChromeDriver
//! (`POST /session/{id}/goog/cdp/execute`), which fantoccini does not wrap:
//! for what only DevTools can tell, such as installability.

use serde_json::{json, Value};

use super::driver::Engine;
use super::wd::SessionCommand;
use super::Page;

/// Runs DevTools command `cmd` with `params` on the page's target; Chromium only.
pub async fn execute(page: &Page, cmd: &str, params: Value) -> Result<Value, String> {
    if page.engine != Engine::Chromium {
        return Err(format!("{cmd}: the DevTools protocol is Chromium's"));
    }
    page.client()
        .issue_cmd(SessionCommand {
            path: "goog/cdp/execute".into(),
            method: http::Method::POST,
            body: Some(json!({ "cmd": cmd, "params": params }).to_string()),
        })
        .await
        .map_err(|e| format!("{cmd}: {e}"))
}
