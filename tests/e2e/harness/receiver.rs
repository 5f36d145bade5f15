//! The form backend the tests post to: the reference receiver
//! (tests/receiver) running in this process, and the `form-config.json`
//! files that point the served app at it.
//!
//! The served root gets a JSON configuration (unless E2E_FORM_CONFIG
//! supplied one). Other configurations need other pages, because the app
//! fetches `form-config.json` relative to the page: each variant is a copy
//! of the build under `/form/<variant>/` with its own file (the build's
//! URLs are relative, so a copy works anywhere).

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use form_receiver::{Options, Receiver};
use serde_json::{json, Value};

/// Where the tests' receiver is, once started.
pub struct Backend {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    /// The JSONL file it appends to.
    pub out: PathBuf,
    _receiver: Receiver,
}

static BACKEND: OnceLock<Backend> = OnceLock::new();

/// The page variants under `/form/<name>/`, each with its own
/// form-config.json (see [`start`]; `missing` has none).
pub const VARIANTS: [&str; 7] = [
    "urlencoded",
    "multipart",
    "formspree",
    "slow",
    "missing",
    "invalid",
    // Its forms module arrives late (harness/delay.rs); its settings are the
    // default ones.
    "slow-module",
];

/// Seconds the test configurations wait for a reply: short, so the "hang"
/// test does not take long, yet far above a real round trip on this machine.
pub const TIMEOUT_SECONDS: u64 = 5;

/// Starts the receiver (appending to `run_dir/submissions.jsonl`) and
/// writes the configurations into the served `root`.
pub fn start(run_dir: &Path, root: &Path) -> Result<(), String> {
    let out = run_dir.join("submissions.jsonl");
    let receiver = Receiver::start(Options {
        addr: ([127, 0, 0, 1], 0).into(),
        out: out.clone(),
        honeypots: vec!["_gotcha".into(), "bot-field".into()],
    })?;
    let url = receiver.url();
    if std::env::var_os("E2E_FORM_CONFIG").is_none() {
        write_config(root, &Some(config(&url, "json")))?;
    }
    for variant in VARIANTS {
        let dir = root.join("form").join(variant);
        copy_build(root, &dir)?;
        let config = match variant {
            "missing" => None,
            "invalid" => Some(json!({"endpoint": "ftp://nowhere", "encoding": "xml"})),
            "urlencoded" => {
                let mut c = config(&url, "urlencoded");
                c["honeypot"] = json!("bot-field");
                c["idempotency_header"] = Value::Null;
                c["extra_fields"] = json!({"form-name": "contact"});
                c["forms"] = json!({"book": {"extra_fields": {"form-name": "book"}}});
                Some(c)
            }
            "multipart" => {
                let mut c = config(&url, "multipart");
                c["headers"] = json!({"X-Api-Key": "e2e-key"});
                Some(c)
            }
            "formspree" => {
                let mut c = config(&url, "json");
                c["fields"] = json!({"email": "_replyto"});
                c["idempotency_header"] = Value::Null;
                Some(c)
            }
            "slow" => {
                let mut c = config(&url, "json");
                c["min_fill_seconds"] = json!(60);
                Some(c)
            }
            _ => Some(config(&url, "json")),
        };
        write_config(&dir, &config)?;
    }
    BACKEND
        .set(Backend {
            url,
            out,
            _receiver: receiver,
        })
        .map_err(|_| "the receiver was started twice".to_string())
}

/// The running receiver.
pub fn backend() -> Result<&'static Backend, String> {
    BACKEND
        .get()
        .ok_or_else(|| "the form receiver is not running".to_string())
}

fn config(url: &str, encoding: &str) -> Value {
    json!({
        "endpoint": format!("{url}/submit"),
        "encoding": encoding,
        "timeout_seconds": TIMEOUT_SECONDS,
        // Tests type faster than people; the "slow" variant checks this.
        "min_fill_seconds": 0,
    })
}

fn write_config(dir: &Path, config: &Option<Value>) -> Result<(), String> {
    let path = dir.join("form-config.json");
    match config {
        Some(config) => fs::write(&path, config.to_string())
            .map_err(|e| format!("writing {}: {e}", path.display())),
        None => Ok(()),
    }
}

/// The built files of `root` (not the harness's own, nor other variants)
/// into `dir`, world-readable for nginx's workers.
fn copy_build(root: &Path, dir: &Path) -> Result<(), String> {
    copy_build_except(root, dir, |_| false)
}

/// Like [`copy_build`], leaving out the files whose names `skip` accepts
/// (and form-config.json, which each variant writes itself).
pub fn copy_build_except(
    root: &Path,
    dir: &Path,
    skip: impl Fn(&str) -> bool,
) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let entries = fs::read_dir(root).map_err(|e| format!("reading {}: {e}", root.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_file() && name != "form-config.json" && !skip(&name.to_string_lossy()) {
            fs::copy(&path, dir.join(&name))
                .map_err(|e| format!("copying {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

impl Backend {
    /// Tells the receiver how to answer submissions containing `token`;
    /// returns how many POSTs with it came before the rule took effect
    /// (counted atomically with the switch, so a retry in flight is on
    /// exactly one side of it).
    pub fn control(&self, rule: Value) -> Result<usize, String> {
        let (status, body) = self.request("POST", "/control", Some(&rule.to_string()))?;
        if status != 200 {
            return Err(format!("the receiver refused {rule}: {status} {body}"));
        }
        serde_json::from_str::<Value>(&body)
            .ok()
            .and_then(|v| v.get("attempts")?.as_u64())
            .map(|n| n as usize)
            .ok_or_else(|| format!("/control answered {body:?}"))
    }

    /// How many POSTs contained `token` (stored or not).
    pub fn attempts(&self, token: &str) -> Result<usize, String> {
        let (_, body) = self.request("GET", &format!("/attempts?token={token}"), None)?;
        body.trim()
            .parse()
            .map_err(|_| format!("/attempts answered {body:?}"))
    }

    /// The stored submissions containing `token`.
    pub fn records(&self, token: &str) -> Vec<Value> {
        form_receiver::read_records(&self.out)
            .into_iter()
            .filter(|r| r.to_string().contains(token))
            .collect()
    }

    fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
    ) -> Result<(u16, String), String> {
        let addr = self.url.trim_start_matches("http://");
        let mut stream =
            TcpStream::connect(addr).map_err(|e| format!("connecting to the receiver: {e}"))?;
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let body = body.unwrap_or("");
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| format!("talking to the receiver: {e}"))?;
        let mut response = String::new();
        stream
            .read_to_string(&mut response)
            .map_err(|e| format!("reading the receiver's answer: {e}"))?;
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        let status = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
        Ok((status, body.to_string()))
    }
}
