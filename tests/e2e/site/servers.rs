//! The site under test: a copy of dist, served by nginx with the shipped
//! configuration from deploy/nginx/.
//!
//! Only the deployer-specific directives are substituted (`listen`,
//! `server_name`, `root` in server.conf; `pid`, `error_log`,
//! `access_log` in nginx.conf); everything else — types, compression, cache
//! and security headers — is exactly what ships.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::process::{find_executable, free_port, Server};

/// Records console errors/warnings, uncaught errors, failed resource loads,
/// unhandled rejections and CSP violations into `window.__e2eErrors`.
const CONSOLE_CAPTURE_JS: &str = include_str!("../harness/js/console-capture.js");

/// A blank same-origin page the runner resets state from between tests.
const RESET_HTML: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>e2e reset</title></head><body></body></html>\n";

/// URL path of the reset page.
pub const RESET_PATH: &str = "/__e2e/reset.html";

/// A static page exercising the harness's own queries (tests/harness_check.rs).
const FIXTURE_HTML: &str = include_str!("../harness/js/fixture.html");

/// URL path of the fixture page.
pub const FIXTURE_PATH: &str = "/__e2e/fixture.html";

/// nginx serving the prepared copy of dist; stopped on drop.
pub struct Site {
    /// `http://127.0.0.1:<port>`, no trailing slash.
    pub base_url: String,
    /// The port nginx listens on.
    pub port: u16,
    /// The served copy of dist (with the console-capture script injected).
    pub root: PathBuf,
    _nginx: Server,
}

/// How [`start_site`] serves the copy of dist.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// Listen on this port instead of a free one.
    pub port: Option<u16>,
    /// Serve the page as built, without the test harness's injected
    /// console-capture script and helper pages (`serve` and `bench`).
    pub as_built: bool,
    /// Lines appended to the deployer's server.conf, for the tests' own
    /// routes (the slow lane of `harness/delay.rs`); nothing else of the
    /// shipped configuration changes.
    pub test_lines: Option<String>,
    /// A directory whose `nginx/asana-article.conf` replaces the shipped
    /// generated one (the deployer's nginx.conf and server.conf stay the
    /// shipped ones): what `deploy-config --settings … --out DIR` wrote for
    /// the build's own header settings (the tests', `.ci/serve`'s).
    pub generated: Option<PathBuf>,
}

/// A prepared copy of dist and the nginx command that serves it.
pub struct PreparedSite {
    /// `nginx -p .. -c .. -e .. -g 'daemon off;'`, not yet started.
    pub command: Command,
    /// The port the configuration listens on.
    pub port: u16,
    /// The served copy of dist.
    pub root: PathBuf,
    /// nginx's log directory.
    pub logs: PathBuf,
}

/// Copies `dist` into `run_dir/www`, prepares it for testing (unless
/// `options.as_built`) and writes the nginx configuration into
/// `run_dir/conf`; returns the command that serves it.
pub fn prepare_site(
    workspace: &Path,
    dist: &Path,
    run_dir: &Path,
    options: SiteOptions,
) -> Result<PreparedSite, String> {
    let nginx = find_executable(
        &std::env::var("E2E_NGINX").unwrap_or_else(|_| "nginx".into()),
        &[PathBuf::from("/usr/sbin")],
    )
    .ok_or(
        "nginx not found (apt-get install nginx libnginx-mod-http-brotli-static, or set E2E_NGINX)",
    )?;

    let index = dist.join("index.html");
    if !index.is_file() {
        return Err(format!(
            "{} does not exist: build the app first (trunk build --release) or set E2E_DIST",
            index.display()
        ));
    }
    let root = run_dir.join("www");
    copy_dir(dist, &root)?;
    if !options.as_built {
        prepare_root(&root)?;
    }

    let port = match options.port {
        Some(port) => port,
        None => free_port()?,
    };
    let conf_dir = run_dir.join("conf");
    let logs = run_dir.join("logs");
    mkdir(&logs)?;
    let sources = ConfSources {
        shipped: workspace.join("deploy/nginx"),
        generated: options.generated.as_ref().map_or_else(
            || workspace.join("deploy/nginx"),
            |dir| dir.join("deploy/nginx"),
        ),
        test_lines: options.test_lines.clone(),
    };
    let conf = write_nginx_conf(&sources, &conf_dir, &logs, run_dir, &root, port)?;
    make_world_readable(run_dir)?;

    let mut command = Command::new(nginx);
    command
        .arg("-p")
        .arg(run_dir)
        .arg("-c")
        .arg(&conf)
        .arg("-e")
        .arg(logs.join("error.log"))
        .args(["-g", "daemon off;"]);
    Ok(PreparedSite {
        command,
        port,
        root,
        logs,
    })
}

/// [`prepare_site`], then starts nginx and waits until it listens.
pub fn start_site(
    workspace: &Path,
    dist: &Path,
    run_dir: &Path,
    options: SiteOptions,
) -> Result<Site, String> {
    let PreparedSite {
        command,
        port,
        root,
        logs,
    } = prepare_site(workspace, dist, run_dir, options)?;
    let mut server = Server::spawn("nginx", command, &logs.join("nginx.out"))?;
    server
        .wait_for_port(port, Duration::from_secs(10))
        .map_err(|e| format!("{e}\nerror.log:\n{}", read_lossy(&logs.join("error.log"))))?;
    Ok(Site {
        base_url: format!("http://127.0.0.1:{port}"),
        port,
        root,
        _nginx: server,
    })
}

/// Injects the console-capture script as the first child of `<head>`,
/// removes the now-stale precompressed copies of index.html, and adds the
/// harness's own files (and form-config.json from E2E_FORM_CONFIG).
fn prepare_root(root: &Path) -> Result<(), String> {
    let index = root.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    let lower = html.to_ascii_lowercase();
    let head = lower
        .find("<head")
        .and_then(|at| lower[at..].find('>').map(|end| at + end + 1))
        .ok_or("index.html has no <head> element")?;
    let injected = format!(
        "{}<script src=\"/__e2e/console-capture.js\"></script>{}",
        &html[..head],
        &html[head..]
    );
    write(&index, injected.as_bytes())?;
    for stale in ["index.html.br", "index.html.gz"] {
        let path = root.join(stale);
        if path.exists() {
            fs::remove_file(&path).map_err(|e| format!("removing {}: {e}", path.display()))?;
        }
    }
    let own = root.join("__e2e");
    mkdir(&own)?;
    write(
        &own.join("console-capture.js"),
        CONSOLE_CAPTURE_JS.as_bytes(),
    )?;
    write(&own.join("reset.html"), RESET_HTML.as_bytes())?;
    write(&own.join("fixture.html"), FIXTURE_HTML.as_bytes())?;
    if let Ok(form_config) = std::env::var("E2E_FORM_CONFIG") {
        fs::copy(&form_config, root.join("form-config.json"))
            .map_err(|e| format!("copying E2E_FORM_CONFIG={form_config}: {e}"))?;
    }
    Ok(())
}

/// Where the nginx configuration comes from.
struct ConfSources {
    /// The deployer's files (nginx.conf, server.conf): `deploy/nginx/`.
    shipped: PathBuf,
    /// The directory of the generated asana-article.conf.
    generated: PathBuf,
    /// Lines appended to server.conf ([`SiteOptions::test_lines`]).
    test_lines: Option<String>,
}

/// Writes nginx.conf and, as deployed under /etc/nginx/asana-article/, the
/// generated asana-article.conf and the deployer's server.conf (its
/// listen, server_name and root substituted), plus the system mime.types,
/// into `conf_dir`; returns the nginx.conf path.
fn write_nginx_conf(
    sources: &ConfSources,
    conf_dir: &Path,
    logs: &Path,
    run_dir: &Path,
    root: &Path,
    port: u16,
) -> Result<PathBuf, String> {
    let ConfSources {
        shipped,
        generated,
        test_lines,
    } = sources;
    let read = |name: &str| {
        fs::read_to_string(shipped.join(name))
            .map_err(|e| format!("reading shipped {}: {e}", shipped.join(name).display()))
    };
    let site_dir = conf_dir.join("asana-article");
    mkdir(&site_dir)?;

    let mut main = read("nginx.conf")?;
    main = replace_directive(
        &main,
        "pid",
        &run_dir.join("nginx.pid").display().to_string(),
    )?;
    main = replace_directive(
        &main,
        "error_log",
        &logs.join("error.log").display().to_string(),
    )?;
    main = replace_directive(
        &main,
        "access_log",
        &logs.join("access.log").display().to_string(),
    )?;
    if let Some(module) = main
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("load_module "))
        .map(|m| m.trim_end_matches(';').trim())
    {
        if !Path::new(module).is_file() {
            return Err(format!(
                "the shipped nginx.conf loads {module}, which does not exist \
                 (apt-get install libnginx-mod-http-brotli-static)"
            ));
        }
    }

    let mut server = read("server.conf")?;
    server = replace_directive(&server, "listen", &format!("127.0.0.1:{port}"))?;
    server = replace_directive(&server, "server_name", "127.0.0.1")?;
    server = replace_directive(&server, "root", &root.display().to_string())?;
    if let Some(lines) = test_lines {
        server.push('\n');
        server.push_str(lines);
    }

    let mime = fs::read_to_string("/etc/nginx/mime.types")
        .map_err(|e| format!("reading /etc/nginx/mime.types (installed with nginx): {e}"))?;

    let conf = conf_dir.join("nginx.conf");
    write(&conf, main.as_bytes())?;
    write(&conf_dir.join("mime.types"), mime.as_bytes())?;
    write(
        &site_dir.join("asana-article.conf"),
        fs::read_to_string(generated.join("asana-article.conf"))
            .map_err(|e| {
                format!(
                    "reading {}: {e} (written by deploy-config; .ci/build --fixture writes the tests')",
                    generated.join("asana-article.conf").display()
                )
            })?
            .as_bytes(),
    )?;
    write(&site_dir.join("server.conf"), server.as_bytes())?;
    Ok(conf)
}

/// Replaces the value of the one directive `name` (a line starting with it),
/// keeping indentation and any trailing comment. Fails unless there is
/// exactly one, so a reshaped shipped config is noticed rather than
/// silently tested with the wrong values.
fn replace_directive(text: &str, name: &str, value: &str) -> Result<String, String> {
    let mut found = 0;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let is_it = trimmed
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(char::is_whitespace));
            match (is_it, trimmed.find(';')) {
                (true, Some(semi)) => {
                    found += 1;
                    let indent = &line[..line.len() - trimmed.len()];
                    format!("{indent}{name} {value}{}", &trimmed[semi..])
                }
                _ => line.to_string(),
            }
        })
        .collect();
    if found != 1 {
        return Err(format!(
            "expected exactly one `{name}` directive in the shipped nginx config, found {found}"
        ));
    }
    Ok(lines.join("\n") + "\n")
}

/// Recursively copies a directory (following symlinks).
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    mkdir(to)?;
    let entries = fs::read_dir(from).map_err(|e| format!("reading {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("reading {}: {e}", from.display()))?;
        let src = entry.path();
        let dst = to.join(entry.file_name());
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            fs::copy(&src, &dst).map_err(|e| format!("copying {}: {e}", src.display()))?;
        }
    }
    Ok(())
}

/// nginx's workers run as www-data: let them read everything under `dir`.
fn make_world_readable(dir: &Path) -> Result<(), String> {
    let set = |p: &Path, mode: u32| {
        fs::set_permissions(p, fs::Permissions::from_mode(mode))
            .map_err(|e| format!("chmod {}: {e}", p.display()))
    };
    set(dir, 0o755)?;
    let entries = fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            make_world_readable(&path)?;
        } else {
            set(&path, 0o644)?;
        }
    }
    Ok(())
}

fn mkdir(dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))
}

fn read_lossy(path: &Path) -> String {
    fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}
