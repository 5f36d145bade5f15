//! A slow lane for the served build: the page variant under
//! [`SLOW_MODULE_PATH`] gets its forms module (`forms-*.js` and its wasm)
//! only after [`MODULE_DELAY`], as on a weak phone connection. nginx serves
//! everything else as shipped and proxies just those files here (the one
//! `location` the harness adds to the deployer's server.conf, see
//! `site/servers.rs`), so a test sees the module arrive late by design, not
//! by timing luck.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The page variant (a copy of the build, see `receiver.rs`) whose forms
/// module arrives late.
pub const SLOW_MODULE_PATH: &str = "/form/slow-module/";

/// How late: long enough to tab into a form, look around and see the
/// loading status; short beside a test's timeout.
pub const MODULE_DELAY: Duration = Duration::from_millis(2500);

/// Starts the slow lane on a free port of 127.0.0.1, serving files of
/// `root` (the served copy of the build); returns the nginx lines that
/// route the variant's forms module to it.
pub fn start(root: &Path) -> Result<String, String> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("slow lane: binding: {e}"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("slow lane: {e}"))?
        .port();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || serve(stream, &root));
        }
    });
    Ok(format!(
        "# e2e only (tests/e2e/harness/delay.rs): this variant's forms module arrives late.\n\
         location ^~ {SLOW_MODULE_PATH}forms- {{ proxy_pass http://127.0.0.1:{port}; }}\n"
    ))
}

fn serve(mut stream: TcpStream, root: &Path) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The rest of the head; nginx sends no body for a GET.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split('?').next().unwrap_or(path);
    std::thread::sleep(MODULE_DELAY);
    let response = match file(root, path) {
        Some((bytes, kind)) => {
            let mut head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                bytes.len()
            )
            .into_bytes();
            head.extend(bytes);
            head
        }
        None => {
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
        }
    };
    let _ = stream.write_all(&response);
}

/// The file at URL `path` under `root` and its MIME type; `None` for
/// anything but a file of the build's forms module.
fn file(root: &Path, path: &str) -> Option<(Vec<u8>, &'static str)> {
    let relative = path.strip_prefix('/')?;
    if relative
        .split('/')
        .any(|part| part == ".." || part.is_empty())
    {
        return None;
    }
    let full: PathBuf = root.join(relative);
    let kind = match full.extension()?.to_str()? {
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        _ => return None,
    };
    Some((std::fs::read(full).ok()?, kind))
}
