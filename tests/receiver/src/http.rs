//! Just enough HTTP/1.1: read one request with a Content-Length body,
//! write one response and close.

use std::io::{Read, Write};
use std::net::TcpStream;

/// Bodies above this are refused.
const MAX_BODY: usize = 1024 * 1024;
const MAX_HEAD: usize = 64 * 1024;

pub struct Request {
    pub method: String,
    pub target: String,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The path, without the query.
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }

    /// A query parameter, decoded.
    pub fn query(&self, name: &str) -> Option<String> {
        let query = self.target.split_once('?')?.1;
        query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (super::body::percent_decode(key.as_bytes()) == name)
                .then(|| super::body::percent_decode(value.as_bytes()))
        })
    }
}

/// Reads a request head and its body (Content-Length only; browsers send
/// form bodies with one).
pub fn read_request(stream: &mut TcpStream) -> Result<Request, String> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        if buffer.len() > MAX_HEAD {
            return Err("request head too large".into());
        }
        let n = stream
            .read(&mut chunk)
            .map_err(|e| format!("reading the request: {e}"))?;
        if n == 0 {
            return Err("connection closed before the request was complete".into());
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or("");
    let mut parts = request_line.split(' ');
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut request = Request {
        method,
        target,
        headers,
        body: Vec::new(),
    };
    if request
        .header("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"))
    {
        return Err("chunked request bodies are not supported; send Content-Length".into());
    }
    let length: usize = match request.header("content-length") {
        Some(value) => value
            .parse()
            .map_err(|_| "invalid Content-Length".to_string())?,
        None => 0,
    };
    if length > MAX_BODY {
        return Err(format!("body larger than {MAX_BODY} bytes"));
    }
    let mut body = buffer[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream
            .read(&mut chunk)
            .map_err(|e| format!("reading the body: {e}"))?;
        if n == 0 {
            return Err("connection closed before the body was complete".into());
        }
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(length);
    request.body = body;
    Ok(request)
}

pub struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    /// No answer at all: the connection is closed, which a browser sees as
    /// a network failure (what a dead connection looks like to the form).
    pub fn dropped() -> Response {
        Response::empty(0)
    }

    pub fn is_dropped(&self) -> bool {
        self.status == 0
    }

    pub fn empty(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn text(status: u16, text: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
            body: text.as_bytes().to_vec(),
        }
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: value.to_string().into_bytes(),
        }
    }

    pub fn with_type(mut self, content_type: &str) -> Response {
        self.headers.retain(|(n, _)| n != "Content-Type");
        self.headers
            .push(("Content-Type".into(), content_type.into()));
        self
    }

    /// CORS for any origin: the receiver is for development and tests, and
    /// the page under test is served from another port.
    pub fn with_cors(mut self, origin: Option<&str>, requested_headers: Option<&str>) -> Response {
        self.headers.push((
            "Access-Control-Allow-Origin".into(),
            origin.unwrap_or("*").to_string(),
        ));
        self.headers.push(("Vary".into(), "Origin".into()));
        self.headers.push((
            "Access-Control-Allow-Methods".into(),
            "POST, GET, OPTIONS".into(),
        ));
        self.headers.push((
            "Access-Control-Allow-Headers".into(),
            requested_headers
                .unwrap_or("Content-Type, Accept, Idempotency-Key")
                .to_string(),
        ));
        self.headers
            .push(("Access-Control-Max-Age".into(), "600".into()));
        self
    }

    pub fn write_to(&self, stream: &mut TcpStream) -> std::io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        stream.write_all(head.as_bytes())?;
        stream.write_all(&self.body)?;
        stream.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        500 => "Internal Server Error",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}
