//! Brotli and gzip copies of text assets, for `brotli_static`/`gzip_static`.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "css",
    "wasm",
    "json",
    "svg",
    "webmanifest",
    "txt",
];

/// Compresses every compressible file under `dir` (recursively). Returns the
/// number of files, their raw size and their brotli size.
pub fn compress_dir(dir: &Path) -> Result<(usize, u64, u64), (PathBuf, io::Error)> {
    let mut totals = (0, 0, 0);
    walk(dir, &mut totals)?;
    Ok(totals)
}

fn walk(dir: &Path, totals: &mut (usize, u64, u64)) -> Result<(), (PathBuf, io::Error)> {
    fn err(path: &Path) -> impl FnOnce(io::Error) -> (PathBuf, io::Error) + '_ {
        move |e| (path.to_path_buf(), e)
    }
    for entry in fs::read_dir(dir).map_err(err(dir))? {
        let path = entry.map_err(err(dir))?.path();
        if path.is_dir() {
            walk(&path, totals)?;
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let raw = fs::read(&path).map_err(err(&path))?;
        let br = brotli(&raw).map_err(err(&path))?;
        let gz = gzip(&raw).map_err(err(&path))?;
        let with_ext = |suffix: &str| {
            let mut name = path.clone().into_os_string();
            name.push(suffix);
            PathBuf::from(name)
        };
        fs::write(with_ext(".br"), &br).map_err(err(&path))?;
        fs::write(with_ext(".gz"), &gz).map_err(err(&path))?;
        totals.0 += 1;
        totals.1 += raw.len() as u64;
        totals.2 += br.len() as u64;
    }
    Ok(())
}

/// Brotli at the highest quality: this runs once per build, not per request.
pub fn brotli(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = ::brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}

/// Gzip at the highest level.
pub fn gzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn round_trips() {
        let text = "hello ".repeat(1000);
        let br = brotli(text.as_bytes()).unwrap();
        let mut back = String::new();
        ::brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
        let gz = gzip(text.as_bytes()).unwrap();
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
        assert!(br.len() < 100 && gz.len() < 100);
    }
}
