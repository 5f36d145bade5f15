//! Guards the scripts in `.ci/` against the failure a fresh machine hit:
//! `trunk build --offline` (which makes cargo offline too) running before
//! anything downloaded the crates of `Cargo.lock`.
//!
//! Each entry script runs for real, with every tool it calls replaced by a
//! stub that records the call: installs and checks succeed, and the first
//! offline call stops the script. The test then requires that
//! `cargo fetch --locked` came before it. A warm CI machine cannot show
//! this bug (its registry is full), and a cold build on every run would
//! take too long; this takes a second.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Exit code of a stub asked to work offline; the scripts stop there.
const OFFLINE_EXIT: i32 = 97;

/// Every command the scripts may call before their first offline step.
const STUBBED: &[&str] = &[
    "cargo",
    "rustup",
    "trunk",
    "wasm-bindgen",
    "wasm-opt",
    "geckodriver",
    "npm",
    "node",
    "dpkg-query",
    "apt-get",
    "sudo",
];

const STUB: &str = r#"#!/usr/bin/env bash
name="$(basename "$0")"
printf '%s %s\n' "$name" "$*" >> "$STUB_LOG"
for arg in "$@"; do
  if [ "$arg" = --offline ]; then exit 97; fi
done
if [ "${CARGO_NET_OFFLINE:-}" = true ]; then exit 97; fi
case "$name $*" in
  "rustup target list --installed") echo wasm32-unknown-unknown ;;
  "dpkg-query "*) printf 'install ok installed' ;;
  *" --version") exit 1 ;; # not installed: the script installs it (stubbed)
esac
exit 0
"#;

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Runs `script` from the repository root with stubbed tools; returns its exit code and the
/// calls it made, in order.
fn run_stubbed(script: &Path, env: &[(&str, &str)]) -> (Option<i32>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let name = script.file_name().unwrap().to_string_lossy();
    let scratch =
        Scratch(std::env::temp_dir().join(format!("ci-scripts-{}-{name}", std::process::id())));
    let bin = scratch.0.join("bin");
    fs::create_dir_all(&bin).unwrap();
    let stub = bin.join("stub");
    fs::write(&stub, STUB).unwrap();
    fs::set_permissions(&stub, fs::Permissions::from_mode(0o755)).unwrap();
    for name in STUBBED {
        std::os::unix::fs::symlink(&stub, bin.join(name)).unwrap();
    }
    let log = scratch.0.join("calls.log");
    fs::write(&log, "").unwrap();
    // .ci/setup puts $CARGO_HOME/bin first on PATH, so the stubs win there
    // too, and nothing is installed into the real cargo home.
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = Command::new("bash")
        .arg(script)
        .current_dir(root)
        .env("PATH", path)
        .env("CARGO_HOME", &scratch.0)
        .env("STUB_LOG", &log)
        .env_remove("CARGO_NET_OFFLINE")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let calls = fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    (status.status.code(), calls)
}

fn free_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port().to_string()
}

/// The crates are fetched before the first offline call, and the script did
/// reach one (so the check is not vacuous).
fn assert_fetch_first(script: &Path, env: &[(&str, &str)]) {
    let (code, calls) = run_stubbed(script, env);
    let script = script.display();
    let offline = calls
        .iter()
        .position(|call| call.split(' ').any(|arg| arg == "--offline"))
        .unwrap_or_else(|| panic!("{script} made no offline call; calls: {calls:#?}"));
    assert_eq!(
        code,
        Some(OFFLINE_EXIT),
        "{script} did not stop at its offline call: {calls:#?}"
    );
    let fetch = calls[..offline]
        .iter()
        .position(|call| call.starts_with("cargo fetch") && call.contains("--locked"));
    assert!(
        fetch.is_some(),
        "{script}: `{}` runs before any `cargo fetch --locked`; calls: {:#?}",
        calls[offline],
        &calls[..=offline]
    );
}

fn ci(script: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".ci")
        .join(script)
}

#[test]
fn build_fetches_the_crates_before_building_offline() {
    assert_fetch_first(&ci("build"), &[]);
}

#[test]
fn test_fetches_the_crates_before_building_offline() {
    assert_fetch_first(&ci("test"), &[]);
}

#[test]
fn serve_fetches_the_crates_before_building_offline() {
    let (port, receiver) = (free_port(), free_port());
    assert_fetch_first(
        &ci("serve"),
        &[("PORT", &port), ("RECEIVER_PORT", &receiver)],
    );
}

#[test]
fn bench_fetches_the_crates_before_building_offline() {
    assert_fetch_first(&ci("bench"), &[]);
}

/// The guard itself: a script that builds offline without the setup's
/// fetch is caught.
#[test]
fn a_script_without_the_fetch_is_caught() {
    let dir = Scratch(std::env::temp_dir().join(format!("ci-probe-{}", std::process::id())));
    fs::create_dir_all(&dir.0).unwrap();
    let probe = dir.0.join("probe");
    fs::write(
        &probe,
        "set -e\ncargo clippy\ntrunk build --release --offline\n",
    )
    .unwrap();
    let result = std::panic::catch_unwind(|| assert_fetch_first(&probe, &[]));
    let message = *result
        .expect_err("the probe script has no fetch, so the check must fail")
        .downcast::<String>()
        .unwrap();
    assert!(
        message.contains("runs before any `cargo fetch --locked`"),
        "{message}"
    );
}
