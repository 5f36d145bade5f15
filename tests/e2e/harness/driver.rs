//! Browser engines: finding their binaries, starting their WebDriver servers
//! and opening a session.
//!
//! Binary locations can be overridden with E2E_CHROMEDRIVER, E2E_CHROMIUM,
//! E2E_GECKODRIVER, E2E_FIREFOX, E2E_WEBKITDRIVER and E2E_MINIBROWSER. A
//! missing binary is an error (the engine's tests fail), never a skip.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use fantoccini::wd::{Capabilities, TimeoutConfiguration};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use super::process::{find_executable, free_port, Server};

/// GTK stylesheet for MiniBrowser's own widgets (see start_driver).
const MINIBROWSER_GTK_CSS: &str =
    "* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n";

/// Firefox preferences: no update checks, telemetry, experiments, remote
/// settings or other background traffic (the machine has no network and
/// the suite talks to 127.0.0.1 only), and userChrome.css enabled.
const FIREFOX_USER_JS: &str = r#"user_pref("toolkit.legacyUserProfileCustomizations.stylesheets", true);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.page", 0);
user_pref("browser.startup.homepage", "about:blank");
user_pref("browser.newtabpage.enabled", false);
user_pref("app.update.enabled", false);
user_pref("app.normandy.enabled", false);
user_pref("app.normandy.api_url", "");
user_pref("messaging-system.rsexperimentloader.enabled", false);
user_pref("services.settings.server", "http://127.0.0.1:9/v1");
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("toolkit.telemetry.server", "");
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("network.dns.disablePrefetch", true);
user_pref("network.prefetch-next", false);
user_pref("browser.safebrowsing.update.enabled", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("browser.region.update.enabled", false);
user_pref("browser.region.network.url", "");
user_pref("extensions.update.enabled", false);
user_pref("extensions.getAddons.cache.enabled", false);
user_pref("ui.useOverlayScrollbars", 1);
"#;

/// Firefox's browser window has a minimum width of 500 px (from its own
/// chrome stylesheet), too wide for 320 px viewports; lifted here.
const FIREFOX_USER_CHROME_CSS: &str = ":root { min-width: 0 !important; }\n";

/// A fresh Firefox profile directory under `run_dir`.
fn firefox_profile(run_dir: &Path) -> Result<PathBuf, String> {
    let profile = run_dir.join("firefox-profile");
    let chrome = profile.join("chrome");
    std::fs::create_dir_all(&chrome).map_err(|e| format!("creating {}: {e}", chrome.display()))?;
    std::fs::write(profile.join("user.js"), FIREFOX_USER_JS)
        .and_then(|()| std::fs::write(chrome.join("userChrome.css"), FIREFOX_USER_CHROME_CSS))
        .map_err(|e| format!("writing the Firefox profile in {}: {e}", profile.display()))?;
    Ok(profile)
}

/// A browser engine the suite runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Chromium through chromedriver, headless.
    Chromium,
    /// Firefox ESR through geckodriver, headless.
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver, under Xvfb.
    Webkit,
}

impl Engine {
    /// Every engine, in the default run order.
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    /// The name used in E2E_ENGINES and in test output.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    /// Parses a name as used in E2E_ENGINES.
    pub fn parse(name: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|e| e.name() == name.trim())
    }
}

/// A running WebDriver server for one engine; stopped on drop.
pub struct Driver {
    /// The engine it drives.
    pub engine: Engine,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    capabilities: Capabilities,
    server: Server,
}

/// Looks up a binary (env override first), with an install hint on failure.
fn binary(env: &str, default: &str, hint: &str) -> Result<PathBuf, String> {
    let name = std::env::var(env).unwrap_or_else(|_| default.to_string());
    let mut extra = vec![PathBuf::from("/usr/sbin")];
    if let Some(home) = std::env::var_os("HOME") {
        extra.push(Path::new(&home).join(".cargo/bin"));
    }
    find_executable(&name, &extra).ok_or_else(|| format!("{name} not found ({hint}; or set {env})"))
}

/// Starts the WebDriver server for `engine`, keeping profiles and logs under
/// `run_dir`.
pub fn start_driver(engine: Engine, run_dir: &Path) -> Result<Driver, String> {
    let port = free_port()?;
    let (cmd, capabilities) = match engine {
        Engine::Chromium => {
            let driver = binary(
                "E2E_CHROMEDRIVER",
                "chromedriver",
                "apt-get install chromium-driver",
            )?;
            let browser = binary(
                "E2E_CHROMIUM",
                "/usr/bin/chromium",
                "apt-get install chromium",
            )?;
            let profile = run_dir.join("chromium-profile");
            let mut cmd = Command::new(driver);
            cmd.arg(format!("--port={port}"));
            let caps = json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": browser,
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                        format!("--user-data-dir={}", profile.display()),
                    ],
                },
            });
            (cmd, caps)
        }
        Engine::Firefox => {
            let driver = binary(
                "E2E_GECKODRIVER",
                "geckodriver",
                "cargo install geckodriver",
            )?;
            let browser = binary(
                "E2E_FIREFOX",
                "/usr/bin/firefox-esr",
                "apt-get install firefox-esr",
            )?;
            let profile = firefox_profile(run_dir)?;
            let mut cmd = Command::new(driver);
            cmd.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
            let caps = json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": browser,
                    "args": ["-headless", "-profile", profile],
                },
            });
            (cmd, caps)
        }
        Engine::Webkit => {
            let xvfb = binary("E2E_XVFB_RUN", "xvfb-run", "apt-get install xvfb xauth")?;
            let driver = binary(
                "E2E_WEBKITDRIVER",
                "WebKitWebDriver",
                "apt-get install webkit2gtk-driver",
            )?;
            let browser = binary(
                "E2E_MINIBROWSER",
                "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                "apt-get install libwebkit2gtk-4.1-0 (MiniBrowser ships with it)",
            )?;
            let mut cmd = Command::new(xvfb);
            // MiniBrowser's toolbar keeps its window at least 447 px wide,
            // too wide for 320 px viewports; a GTK stylesheet that shrinks
            // GTK widgets (page content is drawn by WebKit, unaffected)
            // brings the minimum under 300 px.
            let gtk = run_dir.join("webkit-gtk-config");
            let css = gtk.join("gtk-3.0");
            std::fs::create_dir_all(&css)
                .map_err(|e| format!("creating {}: {e}", css.display()))?;
            std::fs::write(css.join("gtk.css"), MINIBROWSER_GTK_CSS)
                .map_err(|e| format!("writing {}: {e}", css.display()))?;
            cmd.env("XDG_CONFIG_HOME", &gtk);
            // A screen large enough for tall full-page screenshots.
            cmd.args(["-a", "-s", "-screen 0 1920x8200x24"])
                .arg(driver)
                .arg(format!("--port={port}"));
            let caps = json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": browser,
                    "args": ["--automation"],
                },
            });
            (cmd, caps)
        }
    };
    let capabilities = match caps_object(capabilities) {
        Some(c) => c,
        None => return Err("capabilities must be a JSON object".into()),
    };
    let log = run_dir.join(format!("{}-driver.log", engine.name()));
    let mut server = Server::spawn(&format!("{} WebDriver", engine.name()), cmd, &log)?;
    server.wait_for_port(port, Duration::from_secs(30))?;
    Ok(Driver {
        engine,
        url: format!("http://127.0.0.1:{port}"),
        capabilities,
        server,
    })
}

fn caps_object(value: serde_json::Value) -> Option<Capabilities> {
    match value {
        serde_json::Value::Object(map) => Some(map),
        _ => None,
    }
}

impl Driver {
    /// Opens a browser session with the engine's capabilities.
    pub async fn session(&self) -> Result<Client, String> {
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(self.capabilities.clone());
        let connect = builder.connect(&self.url);
        let client = match tokio::time::timeout(Duration::from_secs(90), connect).await {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => {
                return Err(format!(
                    "{}: could not open a WebDriver session: {e}\ndriver output:\n{}",
                    self.engine.name(),
                    self.server.log_tail()
                ))
            }
            Err(_) => {
                return Err(format!(
                    "{}: opening a WebDriver session took over 90 s\ndriver output:\n{}",
                    self.engine.name(),
                    self.server.log_tail()
                ))
            }
        };
        let timeouts = TimeoutConfiguration::new(
            Some(Duration::from_secs(30)),
            Some(Duration::from_secs(30)),
            Some(Duration::ZERO),
        );
        client
            .update_timeouts(timeouts)
            .await
            .map_err(|e| format!("{}: setting timeouts: {e}", self.engine.name()))?;
        Ok(client)
    }
}
