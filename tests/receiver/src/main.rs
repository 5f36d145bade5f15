//! `form-receiver --addr 127.0.0.1:8787 --out submissions.jsonl [--honeypot NAME]...`
//!
//! Serves until stopped (Ctrl-C). See the library docs for what it accepts.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use form_receiver::{Options, Receiver};

const USAGE: &str =
    "usage: form-receiver [--addr 127.0.0.1:8787] [--out submissions.jsonl] [--honeypot NAME]...";

fn main() -> ExitCode {
    match options(std::env::args().skip(1)) {
        Ok(options) => match Receiver::start(options) {
            Ok(receiver) => {
                println!(
                    "form-receiver: listening on {}, appending submissions to {}",
                    receiver.url(),
                    receiver.out().display()
                );
                receiver.wait();
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("form-receiver: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("form-receiver: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut addr: SocketAddr = ([127, 0, 0, 1], 8787).into();
    let mut out = PathBuf::from("submissions.jsonl");
    let mut honeypots = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--addr" => {
                let raw = value()?;
                addr = raw.parse().map_err(|_| {
                    format!("--addr {raw:?} is not HOST:PORT (e.g. 127.0.0.1:8787)")
                })?;
            }
            "--out" => out = PathBuf::from(value()?),
            "--honeypot" => honeypots.push(value()?),
            "-h" | "--help" => return Err("help".into()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if honeypots.is_empty() {
        honeypots = vec!["_gotcha".into(), "bot-field".into()];
    }
    Ok(Options {
        addr,
        out,
        honeypots,
    })
}
