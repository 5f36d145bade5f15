//! A minimal HTTP/1.1 client for checking what nginx sends, byte for byte,
//! without a browser in between (browsers hide Content-Encoding and may
//! answer from cache).

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A parsed response: status, headers in order, raw (still encoded) body.
#[derive(Debug)]
pub struct Response {
    /// Status code, e.g. 200.
    pub status: u16,
    /// Header (name, value) pairs as received.
    pub headers: Vec<(String, String)>,
    /// The body exactly as sent (e.g. brotli bytes).
    pub body: Vec<u8>,
}

impl Response {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Like [`Response::header`], but a missing header is an error.
    pub fn require(&self, name: &str) -> Result<&str, String> {
        self.header(name)
            .ok_or_else(|| format!("response has no {name} header; it has: {:?}", self.headers))
    }
}

/// `GET path` from 127.0.0.1:`port` with extra request headers.
pub async fn get(port: u16, path: &str, headers: &[(&str, &str)]) -> Result<Response, String> {
    let exchange = async {
        let mut stream = TcpStream::connect(("127.0.0.1", port))
            .await
            .map_err(|e| format!("connecting to 127.0.0.1:{port}: {e}"))?;
        let mut request =
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream
            .write_all(request.as_bytes())
            .await
            .map_err(|e| format!("sending request: {e}"))?;
        // Until the server closes, or the response is complete: some servers
        // (wrangler) keep the connection open despite `Connection: close`.
        let mut raw = Vec::new();
        let mut buf = [0u8; 16 * 1024];
        loop {
            let n = stream
                .read(&mut buf)
                .await
                .map_err(|e| format!("reading response: {e}"))?;
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&buf[..n]);
            if is_complete(&raw) {
                break;
            }
        }
        parse(&raw)
    };
    tokio::time::timeout(Duration::from_secs(10), exchange)
        .await
        .map_err(|_| format!("GET {path}: no complete response within 10 s"))?
}

/// Whether `raw` holds a whole response: its headers and the body its
/// Content-Length or chunked encoding announces (chunks are not decoded;
/// the body is only compared, never read as text).
fn is_complete(raw: &[u8]) -> bool {
    let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    let body = &raw[end + 4..];
    if head.contains("transfer-encoding: chunked") {
        return body.ends_with(b"0\r\n\r\n");
    }
    head.lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .is_some_and(|len| body.len() >= len)
}

fn parse(raw: &[u8]) -> Result<Response, String> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("response has no end of headers")?;
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(Response {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    })
}
