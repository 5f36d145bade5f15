//! Request bodies of the three encodings a form may use, decoded into one
//! JSON object of fields.

use serde_json::{Map, Value};

/// How a body was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Json,
    UrlEncoded,
    Multipart,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Json => "json",
            Encoding::UrlEncoded => "urlencoded",
            Encoding::Multipart => "multipart",
        }
    }
}

/// Why a body could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyError {
    /// 415: not one of the three encodings.
    Unsupported(String),
    /// 400: claims an encoding but is not valid in it.
    Malformed(String),
}

/// Decodes `body` according to `content_type` into its fields. Form
/// encodings give strings (a name sent several times gives an array);
/// JSON must be an object and is kept as sent.
pub fn decode(
    content_type: &str,
    body: &[u8],
) -> Result<(Encoding, Map<String, Value>), BodyError> {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "application/json" => match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(map)) => Ok((Encoding::Json, map)),
            Ok(_) => Err(BodyError::Malformed(
                "the JSON body must be an object".into(),
            )),
            Err(e) => Err(BodyError::Malformed(format!("invalid JSON: {e}"))),
        },
        "application/x-www-form-urlencoded" => Ok((Encoding::UrlEncoded, urlencoded(body))),
        "multipart/form-data" => {
            let boundary = parameter(content_type, "boundary")
                .ok_or_else(|| BodyError::Malformed("multipart without a boundary".into()))?;
            multipart(body, &boundary).map(|map| (Encoding::Multipart, map))
        }
        "" => Err(BodyError::Unsupported("no Content-Type".into())),
        other => Err(BodyError::Unsupported(other.to_string())),
    }
}

/// Adds `value` under `name`, turning repeated names into arrays.
fn insert(map: &mut Map<String, Value>, name: String, value: String) {
    match map.get_mut(&name) {
        None => {
            map.insert(name, Value::String(value));
        }
        Some(Value::Array(items)) => items.push(Value::String(value)),
        Some(existing) => {
            let first = existing.take();
            *existing = Value::Array(vec![first, Value::String(value)]);
        }
    }
}

fn urlencoded(body: &[u8]) -> Map<String, Value> {
    let mut map = Map::new();
    for pair in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (name, value) = match pair.iter().position(|b| *b == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &[][..]),
        };
        insert(&mut map, percent_decode(name), percent_decode(value));
    }
    map
}

/// `+` as space and `%XX` as bytes, then UTF-8 (invalid bytes replaced).
pub fn percent_decode(input: &[u8]) -> String {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < input.len() => {
                let hex = std::str::from_utf8(&input[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of `; name=value` in a header (quotes removed).
pub fn parameter(header: &str, name: &str) -> Option<String> {
    header.split(';').skip(1).find_map(|part| {
        let (key, value) = part.split_once('=')?;
        (key.trim().eq_ignore_ascii_case(name)).then(|| value.trim().trim_matches('"').to_string())
    })
}

fn multipart(body: &[u8], boundary: &str) -> Result<Map<String, Value>, BodyError> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut map = Map::new();
    let mut parts = split(body, &delimiter).into_iter();
    // Anything before the first delimiter is preamble.
    parts.next();
    let mut closed = false;
    for part in parts {
        if part.starts_with(b"--") {
            closed = true;
            break;
        }
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let part = part.strip_suffix(b"\r\n").unwrap_or(part);
        let split_at = find(part, b"\r\n\r\n").ok_or_else(|| {
            BodyError::Malformed("a multipart part has no blank line after its headers".into())
        })?;
        let headers = String::from_utf8_lossy(&part[..split_at]);
        let value = &part[split_at + 4..];
        let disposition = headers
            .lines()
            .find_map(|line| {
                let (name, value) = line.split_once(':')?;
                name.trim()
                    .eq_ignore_ascii_case("content-disposition")
                    .then(|| value.trim().to_string())
            })
            .ok_or_else(|| {
                BodyError::Malformed("a multipart part has no Content-Disposition".into())
            })?;
        let name = parameter(&disposition, "name")
            .ok_or_else(|| BodyError::Malformed("a multipart part has no name".into()))?;
        let value = match parameter(&disposition, "filename") {
            Some(file) => format!("[file {file:?}, {} bytes]", value.len()),
            None => String::from_utf8_lossy(value).into_owned(),
        };
        insert(&mut map, name, value);
    }
    if closed {
        Ok(map)
    } else {
        Err(BodyError::Malformed(
            "the multipart body does not end with its closing boundary".into(),
        ))
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut body: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    while let Some(at) = find(body, delimiter) {
        parts.push(&body[..at]);
        body = &body[at + delimiter.len()..];
    }
    parts.push(body);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_objects() {
        let (enc, map) = decode(
            "application/json; charset=utf-8",
            br#"{"a":"1","b":[true]}"#,
        )
        .unwrap();
        assert_eq!(enc, Encoding::Json);
        assert_eq!(map["a"], "1");
        assert!(matches!(
            decode("application/json", b"[1]"),
            Err(BodyError::Malformed(_))
        ));
        assert!(matches!(
            decode("application/json", b"{"),
            Err(BodyError::Malformed(_))
        ));
    }

    #[test]
    fn urlencoded_bodies() {
        let (enc, map) = decode(
            "application/x-www-form-urlencoded",
            b"name=Zo%C3%AB+O%E2%80%99Brien&c=1&c=2&empty=&flag&bad=%zz%4",
        )
        .unwrap();
        assert_eq!(enc, Encoding::UrlEncoded);
        assert_eq!(map["name"], "Zoë O’Brien");
        assert_eq!(map["c"], serde_json::json!(["1", "2"]));
        assert_eq!(map["empty"], "");
        assert_eq!(map["flag"], "");
        assert_eq!(map["bad"], "%zz%4");
    }

    #[test]
    fn multipart_bodies() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nZo\xc3\xab\r\n--XyZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nline 1\r\nline 2\r\n--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nabc\r\n--XyZ--\r\n";
        let (enc, map) = decode("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(enc, Encoding::Multipart);
        assert_eq!(map["name"], "Zoë");
        assert_eq!(map["message"], "line 1\r\nline 2");
        assert_eq!(map["f"], "[file \"a.txt\", 3 bytes]");
        assert!(matches!(
            decode(
                "multipart/form-data; boundary=XyZ",
                b"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n"
            ),
            Err(BodyError::Malformed(_))
        ));
        assert!(matches!(
            decode("multipart/form-data", body),
            Err(BodyError::Malformed(_))
        ));
    }

    #[test]
    fn other_types_are_unsupported() {
        assert_eq!(
            decode("text/plain", b"x"),
            Err(BodyError::Unsupported("text/plain".into()))
        );
        assert_eq!(
            decode("", b"x"),
            Err(BodyError::Unsupported("no Content-Type".into()))
        );
    }
}
