//! [`Page`]: what a test gets — one browser session on the site under test,
//! with helpers that speak roles and names rather than CSS selectors.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;
use serde_json::Value;

use super::driver::Engine;
use super::element::{Elem, Name, Query};
use super::servers::RESET_PATH;

/// The role/name library (see js/dom.js), prepended to query scripts.
const DOM_JS: &str = include_str!("js/dom.js");

/// Role, accessible name and heading level of an element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AxInfo {
    /// ARIA role (explicit or implicit), empty if none.
    pub role: String,
    /// Accessible name, whitespace-normalised.
    pub name: String,
    /// Heading level, for headings.
    pub level: Option<u8>,
    /// Tag name, lower case.
    pub tag: String,
}

/// One engine's browser session on the site under test.
pub struct Page {
    /// The engine this page runs in.
    pub engine: Engine,
    client: Client,
    base_url: String,
    port: u16,
    root: PathBuf,
}

impl Page {
    /// Wraps a session; `base_url` is the site's `http://127.0.0.1:<port>`.
    pub fn new(engine: Engine, client: Client, base_url: &str, port: u16, root: &Path) -> Page {
        Page {
            engine,
            client,
            base_url: base_url.to_string(),
            port,
            root: root.to_path_buf(),
        }
    }

    /// The same session on another site (`base_url`, its `port`, the
    /// directory it serves): for tests that run a server of their own.
    pub fn elsewhere(&self, base_url: &str, port: u16, root: &Path) -> Page {
        Page::new(self.engine, self.client.clone(), base_url, port, root)
    }

    /// The directory nginx serves (a copy of dist), to find built files.
    pub fn site_root(&self) -> &Path {
        &self.root
    }

    /// The underlying fantoccini client, for anything not wrapped here.
    #[allow(dead_code)] // an escape hatch for tests to come
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The site's port on 127.0.0.1 (for plain HTTP checks from Rust).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Absolute URL of `path` on the site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Navigates to `path` (e.g. "/") and waits for the load event.
    pub async fn goto(&self, path: &str) -> Result<(), String> {
        let url = self.url(path);
        self.client
            .goto(&url)
            .await
            .map_err(|e| format!("navigating to {url}: {e}"))
    }

    /// Navigates to the absolute `url` (another origin's page, such as the
    /// partner site's) and waits for the load event.
    pub async fn goto_url(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("navigating to {url}: {e}"))
    }

    /// Runs a script body (use `return`; arguments in `arguments`).
    pub async fn run(&self, body: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute(body, args)
            .await
            .map_err(|e| format!("script failed: {e}\n{}", excerpt(body)))
    }

    /// Runs an async script body; it must call `arguments[arguments.length - 1]`
    /// with its result.
    pub async fn run_async(&self, body: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute_async(body, args)
            .await
            .map_err(|e| format!("async script failed: {e}\n{}", excerpt(body)))
    }

    /// Evaluates a JavaScript expression, e.g. `page.eval("document.title")`.
    pub async fn eval(&self, expr: &str) -> Result<Value, String> {
        self.run(&format!("return ({expr});"), vec![]).await
    }

    /// Polls the expression `condition` until it is truthy.
    pub async fn wait_for(&self, condition: &str, timeout: Duration) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let value = self.eval(&format!("!!({condition})")).await?;
            if value == Value::Bool(true) {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(format!(
                    "timed out after {timeout:?} waiting for `{condition}`"
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Resizes the window so that `window.innerWidth` is exactly `width`
    /// (and innerHeight `height`): browsers differ in how much chrome
    /// surrounds the viewport (MiniBrowser has a toolbar), so the window is
    /// set, measured and corrected.
    pub async fn viewport(&self, width: u32, height: u32) -> Result<(), String> {
        let (mut win_w, mut win_h) = (width, height);
        let mut inner = (0, 0);
        for _ in 0..5 {
            self.client
                .set_window_rect(0, 0, win_w, win_h)
                .await
                .map_err(|e| format!("resizing the window to {win_w}x{win_h}: {e}"))?;
            inner = self.settled_inner_size().await?;
            if inner == (i64::from(width), i64::from(height)) {
                return Ok(());
            }
            win_w = (i64::from(win_w) + i64::from(width) - inner.0).max(1) as u32;
            win_h = (i64::from(win_h) + i64::from(height) - inner.1).max(1) as u32;
        }
        Err(format!(
            "could not make the viewport {width}x{height}: it stays {}x{}",
            inner.0, inner.1
        ))
    }

    /// `innerWidth` and `innerHeight` once two readings 100 ms apart agree
    /// (at most ~1 s): WebKit may answer the resize before applying it,
    /// which on a busy machine made the correction above chase a stale size.
    async fn settled_inner_size(&self) -> Result<(i64, i64), String> {
        let read = || async {
            let measured = self.eval("[window.innerWidth, window.innerHeight]").await?;
            Ok::<_, String>((
                measured[0].as_i64().unwrap_or(0),
                measured[1].as_i64().unwrap_or(0),
            ))
        };
        let mut last = read().await?;
        for _ in 0..10 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            let now = read().await?;
            if now == last {
                return Ok(now);
            }
            last = now;
        }
        Ok(last)
    }

    /// All elements matching `query`, in document order.
    pub async fn find_all(&self, query: &Query) -> Result<Vec<Elem>, String> {
        let script = format!(
            "{DOM_JS}\nreturn __e2e.query(arguments[0], arguments[1]).map(function (el) {{ return [el, __e2e.describe(el)]; }});"
        );
        let found = self.run(&script, query.to_args()).await?;
        let list = found.as_array().cloned().unwrap_or_default();
        list.iter()
            .map(|pair| {
                let description = pair[1].as_str().unwrap_or("element").to_string();
                Elem::from_json(&self.client, &pair[0], description)
            })
            .collect()
    }

    /// The one element matching `query`; an error lists what the page has
    /// instead when there is none, or the matches when there are several.
    pub async fn find(&self, query: &Query) -> Result<Elem, String> {
        let mut found = self.find_all(query).await?;
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => {
                let script =
                    format!("{DOM_JS}\nreturn __e2e.candidates(arguments[0], arguments[1]);");
                let have = self.run(&script, query.to_args()).await?;
                Err(format!(
                    "no {} on the page; it has: {}",
                    query.describe(),
                    list(&have)
                ))
            }
            n => {
                let names: Vec<&str> = found.iter().map(|e| e.description.as_str()).collect();
                Err(format!(
                    "{n} elements match {}: {}",
                    query.describe(),
                    names.join(", ")
                ))
            }
        }
    }

    /// The one element with role `role` and accessible name `name`.
    pub async fn by_role(&self, role: &str, name: impl Into<Name>) -> Result<Elem, String> {
        self.find(&Query::role(role).name(name)).await
    }

    /// The one heading of `level` named `name`.
    pub async fn heading(&self, level: u8, name: impl Into<Name>) -> Result<Elem, String> {
        self.find(&Query::role("heading").level(level).name(name))
            .await
    }

    /// The one deepest visible element whose text matches `text`.
    pub async fn by_text(&self, text: impl Into<Name>) -> Result<Elem, String> {
        self.by_text_within(text, None).await
    }

    /// Like [`Page::by_text`], only among descendants of `scope`.
    pub async fn by_text_within(
        &self,
        text: impl Into<Name>,
        scope: Option<&Elem>,
    ) -> Result<Elem, String> {
        let want = text.into();
        let script = format!(
            "{DOM_JS}\nreturn __e2e.byText(arguments[0], arguments[1]).map(function (el) {{ return [el, __e2e.describe(el)]; }});"
        );
        let within = scope.map(Elem::to_json).unwrap_or(Value::Null);
        let found = self.run(&script, vec![want.to_json(), within]).await?;
        let list = found.as_array().cloned().unwrap_or_default();
        match list.len() {
            1 => Elem::from_json(
                &self.client,
                &list[0][0],
                format!("text {:?}", want_str(&want)),
            ),
            0 => Err(format!(
                "no visible element with text {:?}",
                want_str(&want)
            )),
            n => Err(format!(
                "{n} elements have text {:?}: {}",
                want_str(&want),
                list.iter()
                    .map(|p| p[1].to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// Role, accessible name and level of `element`.
    pub async fn info(&self, element: &Elem) -> Result<AxInfo, String> {
        let info = self
            .run(
                &format!("{DOM_JS}\nreturn __e2e.info(arguments[0]);"),
                vec![element.to_json()],
            )
            .await?;
        ax_info(&info)
            .ok_or_else(|| format!("{} is no longer in the document", element.description))
    }

    /// Role, name and level of the focused element (None: nothing focused).
    pub async fn focused(&self) -> Result<Option<AxInfo>, String> {
        let info = self
            .run(&format!("{DOM_JS}\nreturn __e2e.focused();"), vec![])
            .await?;
        Ok(ax_info(&info))
    }

    /// Presses and releases a key, optionally with modifiers: "Enter",
    /// "Space", "Tab", "Shift+Tab", "Escape", "ArrowDown", "Home", "a", ...
    pub async fn press(&self, keys: &str) -> Result<(), String> {
        let parts: Vec<char> = keys.split('+').map(key_char).collect::<Result<_, _>>()?;
        let mut seq = KeyActions::new("keyboard".to_string());
        for c in &parts {
            seq = seq.then(KeyAction::Down { value: *c });
        }
        for c in parts.iter().rev() {
            seq = seq.then(KeyAction::Up { value: *c });
        }
        self.client
            .perform_actions(seq)
            .await
            .map_err(|e| format!("pressing {keys}: {e}"))?;
        self.client
            .release_actions()
            .await
            .map_err(|e| format!("releasing keys after {keys}: {e}"))
    }

    /// What the console-capture script recorded on the current document:
    /// console errors and warnings, uncaught errors, failed loads, unhandled
    /// rejections, CSP violations.
    pub async fn errors(&self) -> Result<Vec<String>, String> {
        let value = self.eval("window.__e2eErrors || null").await?;
        match value {
            Value::Array(items) => Ok(items
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string())
                })
                .collect()),
            _ => Err(
                "console capture is not active on this page (was index.html served without it?)"
                    .into(),
            ),
        }
    }

    /// Saves a PNG of the viewport to `path`.
    pub async fn screenshot(&self, path: &Path) -> Result<(), String> {
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| format!("taking a screenshot: {e}"))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        }
        std::fs::write(path, png).map_err(|e| format!("writing {}: {e}", path.display()))
    }

    /// Between tests: [`Page::first_visit`], cookies deleted, the default
    /// 1280x800 viewport.
    pub async fn reset(&self) -> Result<(), String> {
        self.first_visit().await?;
        self.client
            .delete_all_cookies()
            .await
            .map_err(|e| format!("deleting cookies: {e}"))?;
        self.viewport(1280, 800).await
    }

    /// A blank page of the site, with its storage, service workers, caches
    /// and the app's outbox cleared: the next page opened is a first visit.
    pub async fn first_visit(&self) -> Result<(), String> {
        self.goto(RESET_PATH).await?;
        self.run_async(
            "var done = arguments[arguments.length - 1];
             try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}
             var jobs = [];
             if (navigator.serviceWorker) jobs.push(navigator.serviceWorker.getRegistrations()
                 .then(function (rs) { return Promise.all(rs.map(function (r) { return r.unregister(); })); }));
             // The app's outbox (IndexedDB), so no test meets another's message.
             if (window.indexedDB) jobs.push((indexedDB.databases ? indexedDB.databases() : Promise.resolve([]))
                 .then(function (dbs) {
                     var names = dbs.map(function (d) { return d.name; });
                     if (names.indexOf('aa-outbox') < 0) names.push('aa-outbox');
                     return Promise.all(names.map(function (name) { return new Promise(function (ok) {
                         var rq = indexedDB.deleteDatabase(name); rq.onsuccess = rq.onerror = rq.onblocked = function () { ok(); };
                     }); }));
                 }));
             if (window.caches) jobs.push(caches.keys()
                 .then(function (ks) { return Promise.all(ks.map(function (k) { return caches.delete(k); })); }));
             Promise.all(jobs).then(function () { done(true); }, function (e) { done(String(e)); });",
            vec![],
        )
        .await
        .map(drop)
    }

    /// Ends the session (closes the browser).
    pub async fn close(self) -> Result<(), String> {
        self.client
            .close()
            .await
            .map_err(|e| format!("closing the session: {e}"))
    }
}

fn ax_info(value: &Value) -> Option<AxInfo> {
    if value.is_null() {
        return None;
    }
    let s = |k: &str| value[k].as_str().unwrap_or("").to_string();
    Some(AxInfo {
        role: s("role"),
        name: s("name"),
        level: value["level"].as_u64().and_then(|l| u8::try_from(l).ok()),
        tag: s("tag"),
    })
}

/// The WebDriver key code for a key name or single character.
fn key_char(name: &str) -> Result<char, String> {
    let key = match name {
        "Enter" => Key::Enter,
        "Return" => Key::Return,
        "Tab" => Key::Tab,
        "Escape" | "Esc" => Key::Escape,
        "Space" | " " => return Ok(' '),
        "Backspace" => Key::Backspace,
        "Delete" => Key::Delete,
        "ArrowDown" => Key::Down,
        "ArrowUp" => Key::Up,
        "ArrowLeft" => Key::Left,
        "ArrowRight" => Key::Right,
        "Home" => Key::Home,
        "End" => Key::End,
        "PageUp" => Key::PageUp,
        "PageDown" => Key::PageDown,
        "Shift" => Key::Shift,
        "Control" | "Ctrl" => Key::Control,
        "Alt" => Key::Alt,
        "Meta" => Key::Meta,
        other => {
            let mut chars = other.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(format!("unknown key name {other:?}")),
            };
        }
    };
    Ok(key.into())
}

fn want_str(name: &Name) -> String {
    match name {
        Name::Any => "(any)".into(),
        Name::Exact(s) | Name::Contains(s) => s.clone(),
        Name::Regex(s, f) => format!("/{s}/{f}"),
    }
}

fn list(value: &Value) -> String {
    match value.as_array() {
        Some(items) if !items.is_empty() => items
            .iter()
            .map(|v| v.as_str().unwrap_or("?").to_string())
            .collect::<Vec<_>>()
            .join(", "),
        _ => "nothing of that role".into(),
    }
}

/// The last line of a script (the query, after any library), for messages.
fn excerpt(body: &str) -> String {
    let first = body
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let short: String = first.chars().take(120).collect();
    format!("in script: {}", short.trim())
}
