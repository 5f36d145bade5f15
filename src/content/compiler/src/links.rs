//! Links: `site:`, `#anchor`, `call:`, `text:`, `tel:`/`sms:` with a
//! number, `https:`, `mailto:`.

use crate::compiled::Href;
use crate::error::Loc;

/// Reads a link target as written in the content.
pub fn parse_href(raw: &str) -> Result<Href, String> {
    const KINDS: &str = "use `site:key`, `#anchor`, `call:`, `text:`, `tel:` or `sms:` with a number, an `https:` URL or `mailto:`";
    if raw.is_empty() {
        return Err(format!("empty link target: {KINDS}"));
    }
    if raw.chars().any(char::is_whitespace) {
        return Err(format!("link target `{raw}` contains whitespace"));
    }
    if let Some(key) = raw.strip_prefix("site:") {
        if key.is_empty() {
            return Err(
                "`site:` needs a key of [links] in site.toml, like `site:dual-diagnosis`".into(),
            );
        }
        return Ok(Href::Site(key.to_string()));
    }
    if let Some(id) = raw.strip_prefix('#') {
        if id.is_empty() {
            return Err("`#` needs the anchor of a heading or block of this page".into());
        }
        return Ok(Href::Anchor(id.to_string()));
    }
    for (scheme, href) in [("call:", Href::Call), ("text:", Href::Text)] {
        if raw == scheme {
            return Ok(href);
        }
        if raw.starts_with(scheme) {
            return Err(format!(
                "`{raw}`: write just `{scheme}`, the number is [phone] e164 in site.toml"
            ));
        }
    }
    // Another number than the site's own, like a crisis line (`tel:988`).
    for scheme in ["tel:", "sms:"] {
        if let Some(number) = raw.strip_prefix(scheme) {
            let digits = number.strip_prefix('+').unwrap_or(number);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 15
            {
                return Err(format!(
                    "`{raw}`: write the number as digits, like `{scheme}988` or `{scheme}+19497633440`"
                ));
            }
            return Ok(Href::External(raw.to_string()));
        }
    }
    if let Some(rest) = raw.strip_prefix("https://") {
        if rest.is_empty() || rest.starts_with('/') {
            return Err(format!("`{raw}` is not a valid https URL"));
        }
        return Ok(Href::External(raw.to_string()));
    }
    if let Some(rest) = raw.strip_prefix("mailto:") {
        if !rest.contains('@') {
            return Err(format!("`{raw}` is not a valid mailto: address"));
        }
        return Ok(Href::External(raw.to_string()));
    }
    if raw.starts_with("http://") {
        return Err(format!("`{raw}`: use https:, not http:"));
    }
    if raw.starts_with('/') {
        return Err(format!(
            "`{raw}`: link to a page of the site with `site:key` and [links] in site.toml"
        ));
    }
    Err(format!("unsupported link target `{raw}`: {KINDS}"))
}

/// A link whose target is checked once every file has been read.
#[derive(Debug, Clone)]
pub(crate) enum Ref {
    Site(String),
    Anchor(String),
}

pub(crate) fn record_ref(href: &Href, loc: Loc, refs: &mut Vec<(Ref, Loc)>) {
    match href {
        Href::Site(key) => refs.push((Ref::Site(key.clone()), loc)),
        Href::Anchor(id) => refs.push((Ref::Anchor(id.clone()), loc)),
        Href::External(_) | Href::Call | Href::Text => {}
    }
}
