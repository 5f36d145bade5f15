//! Chromium's DevTools protocol through ChromeDriver
//! (`POST /session/{id}/goog/cdp/execute`), which fantoccini does not wrap:
//! for what only DevTools can tell, such as installability.

use serde_json::{json, Value};

use super::driver::Engine;
use super::Page;

/// Runs DevTools command `cmd` with `params` on the page's target; Chromium only.
pub async fn execute(page: &Page, cmd: &str, params: Value) -> Result<Value, String> {
    if page.engine != Engine::Chromium {
        return Err(format!("{cmd}: the DevTools protocol is Chromium's"));
    }
    page.client()
        .issue_cmd(Execute {
            body: json!({ "cmd": cmd, "params": params }).to_string(),
        })
        .await
        .map_err(|e| format!("{cmd}: {e}"))
}

#[derive(Debug)]
struct Execute {
    body: String,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Execute {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.clone()))
    }
}
