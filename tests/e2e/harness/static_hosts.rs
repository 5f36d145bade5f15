//! The static hosts' side of the deploy configuration: the `_headers` file
//! the build writes for Netlify and Cloudflare Pages, read with their rules,
//! and Cloudflare's own implementation of it (`wrangler pages dev`, from
//! npm, offline) to serve a build the way Cloudflare Pages does.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::process::{find_executable, free_port, Server};

/// One rule of a `_headers` file: a path pattern and its headers.
#[derive(Debug, Clone)]
pub struct Rule {
    pub pattern: String,
    pub headers: Vec<(String, String)>,
}

/// The rules of a `_headers` file, in order.
pub fn read_headers_file(path: &Path) -> Result<Vec<Rule>, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let mut rules: Vec<Rule> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            let (name, value) = line
                .trim()
                .split_once(':')
                .ok_or_else(|| format!("_headers:{}: no `Name: value`", number + 1))?;
            rules
                .last_mut()
                .ok_or_else(|| format!("_headers:{}: a header before any path", number + 1))?
                .headers
                .push((name.trim().to_string(), value.trim().to_string()));
        } else {
            rules.push(Rule {
                pattern: line.trim().to_string(),
                headers: Vec::new(),
            });
        }
    }
    Ok(rules)
}

/// The headers Netlify and Cloudflare Pages send for `path`: those of every
/// matching rule (`*` matches any run of characters), a header named by
/// several joined with ", " as both hosts do.
pub fn headers_for(rules: &[Rule], path: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for rule in rules
        .iter()
        .filter(|r| glob(r.pattern.as_bytes(), path.as_bytes()))
    {
        for (name, value) in &rule.headers {
            match out.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
                Some((_, joined)) => {
                    joined.push_str(", ");
                    joined.push_str(value);
                }
                None => out.push((name.clone(), value.clone())),
            }
        }
    }
    out
}

fn glob(pattern: &[u8], path: &[u8]) -> bool {
    match (pattern.first(), path.first()) {
        (None, None) => true,
        (Some(b'*'), _) => {
            glob(&pattern[1..], path) || (!path.is_empty() && glob(pattern, &path[1..]))
        }
        (Some(a), Some(b)) if a == b => glob(&pattern[1..], &path[1..]),
        _ => false,
    }
}

/// The version `.ci/setup --test` installs into `.tools`.
pub const WRANGLER_VERSION: &str = "4.86.0";

/// `wrangler pages dev` serving `dir` on 127.0.0.1; stopped on drop.
pub struct Wrangler {
    pub port: u16,
    _server: Server,
}

/// Starts Cloudflare's local Pages server on `dir`, with its state, logs
/// and config under `scratch`. It cannot reach Cloudflare from here and
/// says so in its log; it serves anyway.
pub fn start_wrangler(workspace: &Path, dir: &Path, scratch: &Path) -> Result<Wrangler, String> {
    let tools = workspace.join(".tools/node_modules/.bin");
    let wrangler = find_executable(
        &std::env::var("E2E_WRANGLER").unwrap_or_else(|_| "wrangler".into()),
        &[tools],
    )
    .ok_or(format!(
        "wrangler not found (npm install --prefix .tools wrangler@{WRANGLER_VERSION}, \
         which `bash .ci/setup --test` does, or set E2E_WRANGLER)"
    ))?;
    std::fs::create_dir_all(scratch).map_err(|e| format!("creating {}: {e}", scratch.display()))?;
    let port = free_port()?;
    let mut command = Command::new(wrangler);
    command
        .current_dir(scratch)
        .args(["pages", "dev"])
        .arg(dir)
        .args(["--ip", "127.0.0.1", "--port", &port.to_string()])
        // Its newest date would ask for a newer runtime than the one it ships.
        .args(["--compatibility-date", "2026-04-01"])
        .args(["--persist-to", &scratch.join("state").display().to_string()])
        .env("WRANGLER_SEND_METRICS", "false")
        .env("WRANGLER_LOG_PATH", scratch.join("logs"))
        .env("XDG_CONFIG_HOME", scratch.join("config"))
        .env("HOME", scratch)
        .env("CI", "true");
    let log: PathBuf = scratch.join("wrangler.log");
    let mut server = Server::spawn("wrangler pages dev", command, &log)?;
    server.wait_for_port(port, Duration::from_secs(60))?;
    Ok(Wrangler {
        port,
        _server: server,
    })
}
