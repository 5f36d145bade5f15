//! WebDriver commands fantoccini does not wrap (a path under the session,
//! a method, a body), for `Client::issue_cmd`.

/// `method` on `session/{id}/{path}` with an optional JSON `body`.
#[derive(Debug)]
pub struct SessionCommand {
    pub path: String,
    pub method: http::Method,
    pub body: Option<String>,
}

impl fantoccini::wd::WebDriverCompatibleCommand for SessionCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (self.method.clone(), self.body.clone())
    }
}
