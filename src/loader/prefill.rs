//! The insurance checker's hand-over to the contact form, which lives in
//! the forms module: the choice is left on the form's placeholder and the
//! placeholder is told (see `parts.rs`); the form reads it when it mounts,
//! or at once if it is already live. The placeholder is on the page, or in
//! a contact-form widget's shadow root on a partner's page.
//!
//! A checker widget with no form widget beside it links to the app's page
//! instead, carrying the choice in the address ([`page_query`]); the page
//! hands it to its form the same way ([`from_query`]). Natively nothing is
//! handed over.

use crate::insurance::matcher::MAX_QUERY_CHARS;

pub use imp::{contact_form_widget, request_prefill};

/// The address's parameter with the insurer's name.
pub const INSURER_PARAM: &str = "aa-insurer";

/// The address's parameter with the in-network carrier's id.
pub const CARRIER_PARAM: &str = "aa-carrier";

/// `?aa-insurer=…[&aa-carrier=…]` for the app's page.
pub fn page_query(name: &str, carrier_id: Option<&str>) -> String {
    let mut query = format!("?{INSURER_PARAM}={}", encode(name));
    if let Some(id) = carrier_id {
        query.push_str(&format!("&{CARRIER_PARAM}={}", encode(id)));
    }
    query
}

/// The insurer (and carrier id, if it is one of `known_ids`) in a page
/// address's query (`location.search`); anything else in it is ignored,
/// and a name too long for the checker is not taken.
pub fn from_query<'a>(search: &str, known_ids: &[&'a str]) -> Option<(String, Option<&'a str>)> {
    let (mut name, mut carrier) = (None, None);
    for pair in search.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            INSURER_PARAM => name = decode(value),
            CARRIER_PARAM => carrier = decode(value),
            _ => {}
        }
    }
    let name = name?.trim().to_string();
    if name.is_empty() || name.chars().count() > MAX_QUERY_CHARS {
        return None;
    }
    let carrier = carrier.and_then(|id| known_ids.iter().copied().find(|known| *known == id));
    Some((name, carrier))
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Percent-decoding (and `+` as a space, as forms write it); `None` for a
/// broken escape or bytes that are not UTF-8.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
mod imp {
    use wasm_bindgen::JsCast;

    use crate::loader::parts::{
        Part, PART_ATTR, PREFILL_CARRIER_ATTR, PREFILL_EVENT, PREFILL_NAME_ATTR,
    };
    use crate::platform::dom::WIDGET_ATTR;

    /// The first contact-form widget's element on the page, if any.
    pub fn contact_form_widget() -> Option<web_sys::HtmlElement> {
        let selector = format!("[{WIDGET_ATTR}=\"{}\"]", Part::ContactForm.id());
        web_sys::window()?
            .document()?
            .query_selector(&selector)
            .ok()??
            .dyn_into()
            .ok()
    }

    /// Leaves the insurance checker's choice on the contact form's
    /// placeholder and tells it; `None` when there is no contact form.
    pub fn request_prefill(name: &str, carrier_id: Option<&str>) -> Option<()> {
        let selector = format!("[{PART_ATTR}=\"{}\"]", Part::ContactForm.id());
        let document = web_sys::window()?.document()?;
        let root = match document.query_selector(&selector).ok()? {
            Some(root) => root,
            None => contact_form_widget()?
                .shadow_root()?
                .query_selector(&selector)
                .ok()??,
        };
        root.set_attribute(PREFILL_NAME_ATTR, name).ok()?;
        match carrier_id {
            Some(id) => root.set_attribute(PREFILL_CARRIER_ATTR, id).ok()?,
            None => root.remove_attribute(PREFILL_CARRIER_ATTR).ok()?,
        }
        let event = web_sys::Event::new(PREFILL_EVENT).ok()?;
        root.dispatch_event(&event).ok()?;
        Some(())
    }
}

/// Native rendering has no browser: nothing to hand over.
#[cfg(not(all(feature = "browser", target_arch = "wasm32")))]
mod imp {
    pub fn contact_form_widget() -> Option<()> {
        None
    }

    pub fn request_prefill(_: &str, _: Option<&str>) -> Option<()> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 2] = ["aetna", "blue-shield"];

    #[test]
    fn the_query_round_trips_names_with_any_character() {
        for name in [
            "Aetna",
            "Blue Cross & Blue Shield",
            "Kaiser+Permanente",
            "Ünited 100%",
        ] {
            let query = page_query(name, Some("aetna"));
            assert_eq!(
                from_query(&query, &IDS),
                Some((name.to_string(), Some("aetna"))),
                "{query}"
            );
        }
        assert_eq!(
            page_query("A B&C", None),
            "?aa-insurer=A%20B%26C",
            "spaces and separators escaped"
        );
    }

    #[test]
    fn unknown_carriers_and_other_parameters_are_ignored() {
        assert_eq!(
            from_query("?utm_source=x&aa-insurer=Cigna&aa-carrier=evil", &IDS),
            Some(("Cigna".to_string(), None))
        );
        assert_eq!(from_query("?utm_source=x", &IDS), None);
        assert_eq!(from_query("", &IDS), None);
    }

    #[test]
    fn empty_too_long_or_broken_names_are_not_taken() {
        assert_eq!(from_query("?aa-insurer=%20", &IDS), None);
        assert_eq!(from_query("?aa-insurer=%zz", &IDS), None);
        assert_eq!(from_query("?aa-insurer=%FF", &IDS), None);
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(from_query(&format!("?aa-insurer={long}"), &IDS), None);
    }
}
