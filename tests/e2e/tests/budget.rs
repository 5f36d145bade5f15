//! Size budgets of the build as served: deterministic (the bytes of the
//! precompressed files), so they can fail the build. Timings live in
//! `.ci/bench`, never here.

use std::fs;
use std::path::Path;

use crate::harness::{ensure, tests, Page, Test};

/// The brotli wasm may not grow past this (issue target: 150 KB).
const WASM_BROTLI_BUDGET: u64 = 150 * 1024;
/// Everything the first load fetches, brotli (issue target: 200 KB).
const FIRST_LOAD_BROTLI_BUDGET: u64 = 200 * 1024;

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![once: wasm_within_budget, first_load_within_budget]
}

/// Sizes of the served `.br` files whose names end with one of `suffixes`.
fn brotli_bytes(root: &Path, suffixes: &[&str]) -> Result<Vec<(String, u64)>, String> {
    let entries = fs::read_dir(root).map_err(|e| format!("reading {}: {e}", root.display()))?;
    let mut sizes = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(original) = name.strip_suffix(".br") else {
            continue;
        };
        if suffixes.iter().any(|s| original.ends_with(s)) {
            let len = entry.metadata().map_err(|e| format!("{name}: {e}"))?.len();
            sizes.push((original.to_owned(), len));
        }
    }
    Ok(sizes)
}

/// The wasm module, brotli-compressed, stays within its budget.
async fn wasm_within_budget(page: &Page) -> Result<(), String> {
    let wasm = brotli_bytes(page.site_root(), &["_bg.wasm"])?;
    ensure(wasm.len() == 1, || {
        format!("expected one precompressed wasm, found {wasm:?}")
    })?;
    let (name, bytes) = &wasm[0];
    ensure(*bytes <= WASM_BROTLI_BUDGET, || {
        format!("{name} is {bytes} bytes brotli, over the {WASM_BROTLI_BUDGET}-byte budget")
    })
}

/// HTML, CSS, loader and wasm-bindgen JS and wasm together stay within budget.
async fn first_load_within_budget(page: &Page) -> Result<(), String> {
    let root = page.site_root();
    let files = brotli_bytes(root, &["_bg.wasm", ".js", ".css"])?;
    // The served copy's index.html carries the harness's script tag and no
    // .br; measure the built page's own precompressed copy instead.
    let index = brotli_bytes(&crate::tests::built_dist(), &["index.html"])?;
    ensure(index.len() == 1, || "dist has no index.html.br".to_owned())?;
    let parts: Vec<_> = files
        .into_iter()
        .filter(|(name, _)| !name.starts_with("__e2e"))
        .chain(index)
        .collect();
    let total: u64 = parts.iter().map(|(_, bytes)| bytes).sum();
    ensure(total <= FIRST_LOAD_BROTLI_BUDGET, || {
        format!("first load is {total} bytes brotli, over {FIRST_LOAD_BROTLI_BUDGET}: {parts:?}")
    })
}
