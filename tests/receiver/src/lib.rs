//! A small form backend for development and tests.
//!
//! - `POST` to any path except `/control`: a submission, as JSON,
//!   urlencoded or multipart. It is appended as one line to the JSONL file
//!   and answered `200 {"ok": true, "id": N}`, with CORS for any origin.
//! - Idempotency: a submission whose key (the `Idempotency-Key` header, or
//!   an `idempotency_key` / `_idempotency_key` field) was already stored is
//!   answered `200 {"ok": true, "id": N, "duplicate": true}` and not stored
//!   again. Keys already in the file count too, so a restart keeps them.
//! - `POST /control` with `{"token": "...", "reply": "500" | "422" | "hang" | "drop",
//!   "times": 1, "errors": [{"field", "message"}], "hang_seconds": 30}`:
//!   the next `times` submissions in which `token` appears (in any value)
//!   get that reply instead of being stored (`drop`: the connection is
//!   closed unanswered, a network failure to the browser). The answer is
//!   `{"ok": true, "attempts": N}`: the POSTs with the token before the rule
//!   took effect. Tests put a unique token in
//!   what they type, so browsers running in parallel never see each
//!   other's failures.
//! - `GET /submissions?token=...`: the stored lines containing the token.
//! - `GET /attempts?token=...`: how many POSTs contained the token, stored
//!   or not (failed on request, duplicates), as a number.
//! - `GET /health`: `ok`.
//!
//! No dependency but serde_json: one thread per connection, each request
//! answered with `Connection: close`.

pub mod body;
mod http;

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{json, Map, Value};

use http::{Request, Response};

/// The longest hang a control rule may ask for.
const MAX_HANG: Duration = Duration::from_secs(120);

/// Field names that carry an idempotency key when no header does.
const KEY_FIELDS: [&str; 2] = ["idempotency_key", "_idempotency_key"];

/// Settings of a receiver.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where to listen; port 0 picks a free one.
    pub addr: SocketAddr,
    /// The JSONL file submissions are appended to.
    pub out: PathBuf,
    /// Honeypot field names: a submission with one filled is stored with
    /// `"spam_suspected": true` (never dropped: a person may have tripped it).
    pub honeypots: Vec<String>,
}

/// What a control rule makes the receiver answer.
#[derive(Debug, Clone, PartialEq)]
enum Reply {
    Status500,
    Invalid(Value),
    Hang(Duration),
    Drop,
}

#[derive(Debug)]
struct Rule {
    token: String,
    reply: Reply,
    times: u32,
}

#[derive(Debug, Default)]
struct State {
    next_id: u64,
    /// Idempotency key -> id of the stored submission.
    keys: HashMap<String, u64>,
    rules: Vec<Rule>,
    /// The searchable text of every POSTed submission, for `/attempts`.
    attempts: Vec<String>,
}

struct Shared {
    options: Options,
    state: Mutex<State>,
    stopping: AtomicBool,
}

/// A running receiver; dropping it stops it.
pub struct Receiver {
    addr: SocketAddr,
    shared: Arc<Shared>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Receiver {
    /// Binds, reads the keys already in the output file, and serves on a
    /// background thread.
    pub fn start(options: Options) -> Result<Receiver, String> {
        let listener = TcpListener::bind(options.addr)
            .map_err(|e| format!("cannot listen on {}: {e}", options.addr))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let state = load_state(&options.out)?;
        // Fail now, not on the first submission, if the file cannot be written.
        open_out(&options.out)?;
        let shared = Arc::new(Shared {
            options,
            state: Mutex::new(state),
            stopping: AtomicBool::new(false),
        });
        let serving = Arc::clone(&shared);
        let thread = thread::Builder::new()
            .name("form-receiver".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    if serving.stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        let shared = Arc::clone(&serving);
                        let _ = thread::Builder::new().spawn(move || handle(stream, &shared));
                    }
                }
            })
            .map_err(|e| format!("cannot start the receiver thread: {e}"))?;
        Ok(Receiver {
            addr,
            shared,
            thread: Some(thread),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://<addr>`, no trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The JSONL file.
    pub fn out(&self) -> &Path {
        &self.shared.options.out
    }

    /// Serves until the process ends.
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn open_out(path: &Path) -> Result<File, String> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| format!("cannot open {} for appending: {e}", path.display()))
}

fn load_state(path: &Path) -> Result<State, String> {
    let mut state = State {
        next_id: 1,
        ..State::default()
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(state),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let Ok(record) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let id = record["id"].as_u64().unwrap_or(0);
        state.next_id = state.next_id.max(id + 1);
        if let Some(key) = record["idempotency_key"].as_str() {
            state.keys.insert(key.to_string(), id);
        }
    }
    Ok(state)
}

fn handle(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let response = match http::read_request(&mut stream) {
        Ok(request) => route(&request, shared),
        Err(e) => Response::text(400, &e),
    };
    if response.is_dropped() {
        // Unanswered: the client sees the connection close.
        let _ = stream.shutdown(std::net::Shutdown::Both);
        return;
    }
    let _ = response.write_to(&mut stream);
}

fn route(request: &Request, shared: &Shared) -> Response {
    let origin = request.header("origin").map(str::to_string);
    let response = match (request.method.as_str(), request.path()) {
        ("OPTIONS", _) => Response::empty(204),
        ("GET", "/health") => Response::text(200, "ok"),
        ("GET", "/submissions") => submissions(request, shared),
        ("GET", "/attempts") => attempts(request, shared),
        ("POST", "/control") => control(request, shared),
        ("POST", _) => submit(request, shared),
        _ => Response::json(
            404,
            &json!({"error": "POST a submission, or see the receiver's docs"}),
        ),
    };
    response.with_cors(
        origin.as_deref(),
        request.header("access-control-request-headers"),
    )
}

fn control(request: &Request, shared: &Shared) -> Response {
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&request.body) else {
        return Response::json(400, &json!({"error": "send a JSON object"}));
    };
    let Some(token) = body
        .get("token")
        .and_then(Value::as_str)
        .filter(|t| t.len() >= 6)
    else {
        return Response::json(
            400,
            &json!({"error": "`token` (6 characters or more) is required"}),
        );
    };
    let times = body
        .get("times")
        .and_then(Value::as_u64)
        .unwrap_or(1)
        .min(1000) as u32;
    let reply = match body
        .get("reply")
        .and_then(|v| {
            v.as_str()
                .map(str::to_string)
                .or_else(|| v.as_u64().map(|n| n.to_string()))
        })
        .as_deref()
    {
        Some("500") => Reply::Status500,
        Some("422") => Reply::Invalid(body.get("errors").cloned().unwrap_or_else(|| json!([]))),
        Some("drop") => Reply::Drop,
        Some("hang") => {
            let seconds = body
                .get("hang_seconds")
                .and_then(Value::as_f64)
                .unwrap_or(30.0);
            Reply::Hang(Duration::from_secs_f64(seconds.max(0.0)).min(MAX_HANG))
        }
        _ => {
            return Response::json(
                400,
                &json!({"error": "`reply` must be \"500\", \"422\", \"hang\" or \"drop\""}),
            )
        }
    };
    // The count is read under the same lock that installs the rule, so a
    // test knows exactly which POSTs came after the switch, even when a
    // retry is in flight at that moment.
    let attempts = match shared.state.lock() {
        Ok(mut state) => {
            state.rules.retain(|rule| rule.token != token);
            state.rules.push(Rule {
                token: token.to_string(),
                reply,
                times,
            });
            state.attempts.iter().filter(|a| a.contains(token)).count()
        }
        Err(_) => {
            return Response::json(500, &json!({"error": "the receiver's state is poisoned"}))
        }
    };
    Response::json(200, &json!({"ok": true, "attempts": attempts}))
}

fn submissions(request: &Request, shared: &Shared) -> Response {
    let token = request.query("token").unwrap_or_default();
    let text = std::fs::read_to_string(&shared.options.out).unwrap_or_default();
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| !token.is_empty() && line.contains(&token))
        .collect();
    let mut body = lines.join("\n");
    if !body.is_empty() {
        body.push('\n');
    }
    Response::text(200, &body).with_type("application/x-ndjson")
}

fn attempts(request: &Request, shared: &Shared) -> Response {
    let token = request.query("token").unwrap_or_default();
    let count = match shared.state.lock() {
        Ok(state) if !token.is_empty() => {
            state.attempts.iter().filter(|a| a.contains(&token)).count()
        }
        _ => 0,
    };
    Response::text(200, &count.to_string())
}

fn submit(request: &Request, shared: &Shared) -> Response {
    let content_type = request.header("content-type").unwrap_or("");
    let (encoding, fields) = match body::decode(content_type, &request.body) {
        Ok(decoded) => decoded,
        Err(body::BodyError::Unsupported(what)) => {
            return Response::json(
                415,
                &json!({"error": format!("unsupported Content-Type {what:?}: send json, urlencoded or multipart")}),
            )
        }
        Err(body::BodyError::Malformed(why)) => return Response::json(400, &json!({"error": why})),
    };
    let key = request
        .header("idempotency-key")
        .map(str::to_string)
        .or_else(|| {
            KEY_FIELDS.iter().find_map(|name| {
                fields
                    .get(*name)
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
        })
        .filter(|key| !key.is_empty());
    let searchable = Value::Object(fields.clone()).to_string();

    let reply = {
        let Ok(mut state) = shared.state.lock() else {
            return Response::json(500, &json!({"error": "receiver state poisoned"}));
        };
        state.attempts.push(searchable.clone());
        let rule = state
            .rules
            .iter_mut()
            .find(|rule| rule.times > 0 && searchable.contains(&rule.token));
        match rule {
            Some(rule) => {
                rule.times -= 1;
                Some(rule.reply.clone())
            }
            None => None,
        }
    };
    match reply {
        Some(Reply::Status500) => {
            return Response::json(500, &json!({"error": "told to fail (500)"}))
        }
        Some(Reply::Invalid(errors)) => {
            return Response::json(
                422,
                &json!({"error": "Validation errors", "errors": errors}),
            )
        }
        Some(Reply::Hang(duration)) => {
            thread::sleep(duration);
            return Response::json(504, &json!({"error": "told to hang"}));
        }
        Some(Reply::Drop) => return Response::dropped(),
        None => {}
    }
    store(shared, encoding, fields, key, request.header("origin"))
}

fn store(
    shared: &Shared,
    encoding: body::Encoding,
    fields: Map<String, Value>,
    key: Option<String>,
    origin: Option<&str>,
) -> Response {
    let Ok(mut state) = shared.state.lock() else {
        return Response::json(500, &json!({"error": "receiver state poisoned"}));
    };
    if let Some(id) = key.as_ref().and_then(|k| state.keys.get(k)) {
        return Response::json(200, &json!({"ok": true, "id": id, "duplicate": true}));
    }
    let id = state.next_id;
    let spam = shared.options.honeypots.iter().any(|name| {
        fields
            .get(name)
            .and_then(Value::as_str)
            .is_some_and(|v| !v.is_empty())
    });
    let received = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0);
    let record = json!({
        "id": id,
        "received_ms": received,
        "encoding": encoding.name(),
        "idempotency_key": key,
        "origin": origin,
        "spam_suspected": spam,
        "fields": fields,
    });
    // Written while holding the lock, so two racing requests with one key
    // cannot both be stored.
    let written = open_out(&shared.options.out).and_then(|mut file| {
        writeln!(file, "{record}")
            .map_err(|e| format!("cannot write {}: {e}", shared.options.out.display()))
    });
    if let Err(e) = written {
        return Response::json(500, &json!({"error": e}));
    }
    state.next_id += 1;
    if let Some(key) = key {
        state.keys.insert(key, id);
    }
    Response::json(200, &json!({"ok": true, "id": id}))
}

/// Every record in the JSONL file `out` (for tests reading it directly).
pub fn read_records(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect()
}
