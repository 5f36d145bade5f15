//! The service worker, `sw.js`, for one build: its id and the files it
//! precaches, both derived from the built files (never typed by hand).

/// The worker as written, with placeholders for the build.
pub const SW_JS: &str = include_str!("sw.js");

/// The worker's fixed URL, next to the page: browsers check it for a new
/// build on every visit, so it is never renamed or cached for long.
pub const FILE: &str = "sw.js";

/// Files the build writes that are not the app: host configuration, the
/// deployer's form settings (always asked for fresh, see `sw.js`), the
/// error page, the worker itself, and the page under its file name (it is
/// precached as `./`).
const NOT_PRECACHED: [&str; 5] = [
    "/_headers",
    "/form-config.json",
    "/404.html",
    "/sw.js",
    "/index.html",
];

/// The URLs (relative to the page) the worker takes when it installs: the
/// page as `./` and every other file of `files` (URL paths such as
/// `/app-….css`) but the compressed copies and the host's files.
pub fn precache_list(files: &[String]) -> Vec<String> {
    let app = files.iter().filter(|file| {
        !(file.ends_with(".br")
            || file.ends_with(".gz")
            || NOT_PRECACHED.contains(&file.as_str())
            || is_for_partners(file))
    });
    std::iter::once("./".to_string())
        .chain(app.map(|file| file.trim_start_matches('/').to_string()))
        .collect()
}

/// The partner widgets' files (`embed.js`, `embed-*.css`, the iframe
/// pages under `embed/`, the `widgets` modules): the page never uses them,
/// so its visitors do not download them to go offline.
fn is_for_partners(file: &str) -> bool {
    file.starts_with("/embed") || file.starts_with("/widgets")
}

/// The build's id: a digest of every precached file's bytes, so a new
/// deployment with any change gets a new worker (browsers compare the
/// worker's bytes) and a cache of its own.
pub fn build_id<'a>(contents: impl IntoIterator<Item = &'a [u8]>) -> String {
    let hash = contents
        .into_iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, bytes| {
            let h = bytes
                .iter()
                .fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3));
            // Separates files, so moving bytes from one to the next changes it.
            (h ^ 0xff).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

/// `sw.js` for build `build` precaching `precache`.
pub fn service_worker(build: &str, precache: &[String]) -> String {
    let list = serde_json::to_string(precache).unwrap_or_else(|_| "[]".into());
    // The comments are for the source; every visitor downloads the rest.
    SW_JS
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect::<String>()
        .replace("__AA_BUILD__", build)
        .replace("__AA_PRECACHE__", &list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<String> {
        [
            "/404.html",
            "/_headers",
            "/app-0123456789abcdef.css",
            "/app-0123456789abcdef.css.br",
            "/asana-article-0011223344556677.js",
            "/asana-article-0011223344556677_bg.wasm",
            "/form-config.json",
            "/forms-8899aabbccddeeff_bg.wasm",
            "/icon.svg",
            "/icon-192.png",
            "/index.html",
            "/index.html.gz",
            "/manifest.webmanifest",
            "/sw.js",
            "/embed.js",
            "/embed-0123456789abcdef.css",
            "/embed/faq/index.html",
            "/widgets-0123456789abcdef.js",
            "/widgets-forms-0123456789abcdef_bg.wasm",
        ]
        .map(String::from)
        .to_vec()
    }

    /// The partner widgets' files are in `files()` and not in the list.
    #[test]
    fn precaches_the_page_and_every_file_of_the_build() {
        assert_eq!(
            precache_list(&files()),
            [
                "./",
                "app-0123456789abcdef.css",
                "asana-article-0011223344556677.js",
                "asana-article-0011223344556677_bg.wasm",
                "forms-8899aabbccddeeff_bg.wasm",
                "icon.svg",
                "icon-192.png",
                "manifest.webmanifest",
            ]
        );
    }

    #[test]
    fn build_id_changes_with_any_byte_and_with_file_boundaries() {
        let a = build_id([b"ab".as_slice(), b"c"]);
        assert_eq!(a.len(), 16);
        assert_eq!(a, build_id([b"ab".as_slice(), b"c"]));
        assert_ne!(a, build_id([b"ab".as_slice(), b"d"]));
        assert_ne!(a, build_id([b"a".as_slice(), b"bc"]));
    }

    #[test]
    fn fills_in_the_build_and_its_list() {
        let sw = service_worker("00ff", &["./".into(), "app-1.css".into()]);
        assert!(!sw.contains("__AA_"), "a placeholder is left");
        assert!(sw.contains(r#"const BUILD = "00ff";"#));
        assert!(sw.contains(r#"const PRECACHE = ["./","app-1.css"];"#));
        assert!(!sw.contains("// "), "comments are left out");
    }

    /// The filled-in worker is valid JavaScript (a classic script).
    #[test]
    fn is_valid_javascript() {
        let sw = service_worker("00ff", &["./".into()]);
        crate::test_support::assert_valid_javascript("sw.js", &sw, false);
    }
}
