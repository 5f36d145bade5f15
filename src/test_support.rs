//! Helpers for the crate's unit tests.

/// Fails unless Node.js accepts `source` as JavaScript (`node --check`):
/// a classic script, or a module when `module`. Every machine that builds
/// this has Node.js (npm installs the build's wasm-opt).
pub fn assert_valid_javascript(name: &str, source: &str, module: bool) {
    let ext = if module { "mjs" } else { "js" };
    let path = std::env::temp_dir().join(format!("aa-{name}-{}.{ext}", std::process::id()));
    std::fs::write(&path, source).unwrap();
    let out = std::process::Command::new("node")
        .arg("--check")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("node (Node.js) must be installed to check {name}: {e}"));
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{name} is not valid JavaScript:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
