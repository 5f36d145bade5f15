//! The receiver over real sockets: encodings, CORS, idempotency and the
//! control endpoint.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use form_receiver::{read_records, Options, Receiver};
use serde_json::Value;

fn start(name: &str) -> (Receiver, PathBuf) {
    let out =
        std::env::temp_dir().join(format!("form-receiver-{}-{name}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let receiver = Receiver::start(Options {
        addr: ([127, 0, 0, 1], 0).into(),
        out: out.clone(),
        honeypots: vec!["_gotcha".into()],
    })
    .expect("receiver starts");
    (receiver, out)
}

/// Sends a raw request; returns status, head and body.
fn send(
    receiver: &Receiver,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, String) {
    let mut stream = TcpStream::connect(receiver.addr()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head[9..12].parse().unwrap();
    (status, head.to_string(), body.to_string())
}

fn post_json(receiver: &Receiver, body: &str, key: Option<&str>) -> (u16, Value) {
    let mut headers = vec![
        ("Content-Type", "application/json"),
        ("Origin", "http://127.0.0.1:9"),
    ];
    if let Some(key) = key {
        headers.push(("Idempotency-Key", key));
    }
    let (status, _, body) = send(receiver, "POST", "/submit", &headers, body.as_bytes());
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

/// Installs a rule; returns the attempts with its token before it.
fn control(receiver: &Receiver, body: &str) -> u64 {
    let (status, _, text) = send(
        receiver,
        "POST",
        "/control",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    );
    assert_eq!(status, 200, "{text}");
    let answer: Value = serde_json::from_str(&text).expect("/control answers JSON");
    answer["attempts"]
        .as_u64()
        .expect("/control counts attempts")
}

#[test]
fn stores_each_encoding() {
    let (r, out) = start("encodings");
    assert_eq!(
        post_json(&r, r#"{"name":"Ada","concerns":["drugs"]}"#, Some("k-json")).0,
        200
    );
    let (status, _, _) = send(
        &r,
        "POST",
        "/",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"name=Zo%C3%AB&form-name=contact&idempotency_key=k-url",
    );
    assert_eq!(status, 200);
    let multipart = b"--b1\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nm@example.com\r\n--b1\r\nContent-Disposition: form-data; name=\"_gotcha\"\r\n\r\nspam\r\n--b1--\r\n";
    let (status, _, _) = send(
        &r,
        "POST",
        "/submit",
        &[("Content-Type", "multipart/form-data; boundary=b1")],
        multipart,
    );
    assert_eq!(status, 200);

    let records = read_records(&out);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["encoding"], "json");
    assert_eq!(records[0]["fields"]["concerns"][0], "drugs");
    assert_eq!(records[0]["idempotency_key"], "k-json");
    assert_eq!(records[0]["origin"], "http://127.0.0.1:9");
    assert_eq!(records[1]["encoding"], "urlencoded");
    assert_eq!(records[1]["fields"]["name"], "Zoë");
    assert_eq!(records[1]["idempotency_key"], "k-url");
    assert_eq!(records[2]["encoding"], "multipart");
    assert_eq!(records[2]["fields"]["email"], "m@example.com");
    assert_eq!(records[2]["spam_suspected"], true);
    assert_eq!(records[0]["spam_suspected"], false);
    let ids: Vec<u64> = records.iter().map(|r| r["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3]);
}

#[test]
fn answers_cors_preflights_and_posts() {
    let (r, _) = start("cors");
    let (status, head, _) = send(
        &r,
        "OPTIONS",
        "/submit",
        &[
            ("Origin", "http://127.0.0.1:5"),
            ("Access-Control-Request-Method", "POST"),
            (
                "Access-Control-Request-Headers",
                "content-type,idempotency-key,x-api-key",
            ),
        ],
        b"",
    );
    assert_eq!(status, 204);
    assert!(
        head.contains("Access-Control-Allow-Origin: http://127.0.0.1:5"),
        "{head}"
    );
    assert!(
        head.contains("Access-Control-Allow-Headers: content-type,idempotency-key,x-api-key"),
        "{head}"
    );
    assert!(
        head.contains("Access-Control-Allow-Methods: POST"),
        "{head}"
    );
    let (_, head, _) = send(
        &r,
        "POST",
        "/submit",
        &[
            ("Content-Type", "application/json"),
            ("Origin", "http://a.test"),
        ],
        b"{}",
    );
    assert!(
        head.contains("Access-Control-Allow-Origin: http://a.test"),
        "{head}"
    );
}

#[test]
fn an_idempotency_key_is_stored_once_even_across_restarts() {
    let (r, out) = start("idempotency");
    let (_, first) = post_json(&r, r#"{"n":1}"#, Some("same"));
    let (status, again) = post_json(&r, r#"{"n":1}"#, Some("same"));
    assert_eq!(status, 200);
    assert_eq!(again["duplicate"], true);
    assert_eq!(again["id"], first["id"]);
    // The key may come as a field instead of a header.
    post_json(&r, r#"{"idempotency_key":"field-key"}"#, None);
    let (_, dup) = post_json(&r, r#"{"idempotency_key":"field-key"}"#, None);
    assert_eq!(dup["duplicate"], true);
    // Without a key, every post is stored.
    post_json(&r, r#"{"n":2}"#, None);
    post_json(&r, r#"{"n":2}"#, None);
    assert_eq!(read_records(&out).len(), 4);
    drop(r);

    let r = Receiver::start(Options {
        addr: ([127, 0, 0, 1], 0).into(),
        out: out.clone(),
        honeypots: vec![],
    })
    .unwrap();
    let (_, after) = post_json(&r, r#"{"n":1}"#, Some("same"));
    assert_eq!(after["duplicate"], true);
    let (_, fresh) = post_json(&r, r#"{"n":3}"#, Some("new"));
    assert_eq!(fresh["id"], 5);
}

#[test]
fn control_rules_apply_to_submissions_with_their_token_only() {
    let (r, out) = start("control");
    control(
        &r,
        r#"{"token": "tok-500-abc", "reply": "500", "times": 1}"#,
    );
    control(
        &r,
        r#"{"token": "tok-422-abc", "reply": 422, "errors": [{"field": "email", "message": "is bad"}]}"#,
    );

    // Another browser's submission is unaffected.
    assert_eq!(post_json(&r, r#"{"message":"other"}"#, None).0, 200);
    let (status, _) = post_json(&r, r#"{"message":"hi tok-500-abc"}"#, Some("k1"));
    assert_eq!(status, 500);
    let (status, _) = post_json(&r, r#"{"message":"hi tok-500-abc"}"#, Some("k1"));
    assert_eq!(status, 200, "the rule applies once");
    let (status, body) = post_json(&r, r#"{"email":"x tok-422-abc"}"#, None);
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["field"], "email");
    assert_eq!(body["errors"][0]["message"], "is bad");

    let records = read_records(&out);
    assert_eq!(records.len(), 2, "failed submissions are not stored");
    let (status, _, lines) = send(&r, "GET", "/submissions?token=tok-500-abc", &[], b"");
    assert_eq!(status, 200);
    assert_eq!(lines.lines().count(), 1);
    let (_, _, attempts) = send(&r, "GET", "/attempts?token=tok-500-abc", &[], b"");
    assert_eq!(attempts, "2", "both posts were seen");
    assert_eq!(
        control(
            &r,
            r#"{"token": "tok-500-abc", "reply": "500", "times": 0}"#
        ),
        2,
        "a new rule reports the posts before it"
    );
    assert_eq!(
        control(
            &r,
            r#"{"token": "tok-none-abc", "reply": "500", "times": 0}"#
        ),
        0
    );
}

#[test]
fn hang_holds_the_request_then_gives_up() {
    let (r, out) = start("hang");
    control(
        &r,
        r#"{"token": "tok-hang-abc", "reply": "hang", "hang_seconds": 1}"#,
    );
    let start = Instant::now();
    let (status, _) = post_json(&r, r#"{"m":"tok-hang-abc"}"#, None);
    assert_eq!(status, 504);
    assert!(start.elapsed() >= Duration::from_secs(1));
    assert!(read_records(&out).is_empty());
}

#[test]
fn drop_closes_the_connection_unanswered_then_stores() {
    let (r, out) = start("drop");
    control(
        &r,
        r#"{"token": "tok-drop-abc", "reply": "drop", "times": 1}"#,
    );
    let body = r#"{"m":"tok-drop-abc"}"#;
    let mut stream = TcpStream::connect(r.addr()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "POST /submit HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    assert!(
        answer.is_empty(),
        "answered {:?}",
        String::from_utf8_lossy(&answer)
    );
    assert!(read_records(&out).is_empty());
    let (status, _) = post_json(&r, body, None);
    assert_eq!(status, 200, "the rule was used up");
    assert_eq!(read_records(&out).len(), 1);
}

#[test]
fn bad_requests_are_explained() {
    let (r, _) = start("bad");
    let (status, _, body) = send(
        &r,
        "POST",
        "/submit",
        &[("Content-Type", "text/plain")],
        b"hi",
    );
    assert_eq!(status, 415);
    assert!(body.contains("unsupported Content-Type"), "{body}");
    let (status, _, _) = send(
        &r,
        "POST",
        "/submit",
        &[("Content-Type", "application/json")],
        b"[1]",
    );
    assert_eq!(status, 400);
    let (status, _, _) = send(
        &r,
        "POST",
        "/control",
        &[],
        b"{\"token\":\"short\",\"reply\":\"500\"}",
    );
    assert_eq!(status, 400);
    let (status, _, _) = send(&r, "GET", "/nothing", &[], b"");
    assert_eq!(status, 404);
    let (status, _, body) = send(&r, "GET", "/health", &[], b"");
    assert_eq!((status, body.as_str()), (200, "ok"));
}
