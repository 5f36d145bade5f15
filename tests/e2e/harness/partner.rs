//! The partner site: a second origin whose pages embed the app's widgets
//! (`tests/e2e/partner/`), as a partner's web developer would following
//! the README. Each page names the app's origin as `{{APP}}`, filled in
//! from the request's `app` parameter; `csp` sets the page's
//! Content-Security-Policy header, so a test can try a strict host policy
//! line by line. Started once per run, on 127.0.0.1.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The partner site's origin, `http://127.0.0.1:<port>`, started on first use.
pub fn origin() -> Result<&'static str, String> {
    if let Some(base) = BASE.get() {
        return Ok(base);
    }
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("partner site: {e}"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("partner site: {e}"))?
        .port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let _ = serve(stream);
            });
        }
    });
    Ok(BASE.get_or_init(|| format!("http://127.0.0.1:{port}")))
}

/// The URL of partner page `file` embedding the app at `app` (an origin),
/// with the host policy `csp` if given.
pub fn page_url(file: &str, app: &str, csp: Option<&str>) -> Result<String, String> {
    let mut url = url::Url::parse(&format!("{}/{file}", origin()?)).map_err(|e| e.to_string())?;
    url.query_pairs_mut().append_pair("app", app);
    if let Some(csp) = csp {
        url.query_pairs_mut().append_pair("csp", csp);
    }
    Ok(url.to_string())
}

fn pages() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("partner")
}

fn serve(stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The rest of the request head is not needed.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let url = url::Url::parse(&format!("http://partner{target}"))
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let param = |name: &str| {
        url.query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    };
    let name = url.path().trim_start_matches('/');
    let file = pages().join(if name.is_empty() { "demo.html" } else { name });
    let safe = !name.contains("..") && !name.contains('/');
    let mut stream = stream;
    let Some(body) = safe.then(|| std::fs::read_to_string(&file).ok()).flatten() else {
        return stream.write_all(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    };
    let body = body.replace("{{APP}}", &param("app").unwrap_or_default());
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        _ => "text/html; charset=utf-8",
    };
    let mut head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(csp) = param("csp") {
        head.push_str(&format!("Content-Security-Policy: {csp}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())
}
