//! The forms module's work (`src/bin/forms.rs`): replace a placeholder's
//! pre-render with the live component (see `parts.rs`).

use super::parts::Part;

/// Why a placeholder could not be mounted; logged for the deployer, the
/// visitor keeps the pre-rendered part and its phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MountError {
    #[error("forms: placeholder names no known part ({0:?}); expected one of {known}", known = known_parts())]
    UnknownPart(String),
}

fn known_parts() -> String {
    Part::ALL.map(Part::id).join(", ")
}

#[cfg(all(feature = "csr", target_arch = "wasm32"))]
pub use imp::{mount, mount_part};

#[cfg(all(feature = "csr", target_arch = "wasm32"))]
mod imp {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement};

    use super::MountError;
    use crate::forms::context::{FormContent, VerifyRequest};
    use crate::forms::rules::embed::{self, EmbedAttributes};
    use crate::insurance::choice::CarrierChoice;
    use crate::loader::handover_dom::Snapshot;
    use crate::loader::parts::{
        Part, MOUNTED_ATTR, PART_ATTR, PREFILL_CARRIER_ATTR, PREFILL_EVENT, PREFILL_NAME_ATTR,
    };
    use crate::loader::placeholder::part_view;

    /// Mounts the live component of the part `root` holds, once, for the
    /// page's lifetime; later calls for the same placeholder do nothing.
    pub fn mount(root: HtmlElement) -> Result<(), MountError> {
        if let Some(handle) = mount_part(root, || {})? {
            std::mem::forget(handle);
        }
        Ok(())
    }

    /// Mounts the live component of the part `root` holds, with the
    /// contexts `extra` provides besides the forms' own (a widget's).
    /// Returns what unmounts it when dropped; `None` if it was mounted
    /// already.
    pub fn mount_part(
        root: HtmlElement,
        extra: impl FnOnce() + 'static,
    ) -> Result<Option<Box<dyn std::any::Any>>, MountError> {
        if root.has_attribute(MOUNTED_ATTR) {
            return Ok(None);
        }
        let id = root.get_attribute(PART_ATTR).unwrap_or_default();
        let part = Part::from_id(&id).ok_or(MountError::UnknownPart(id))?;
        // Same task as the mount below, so the browser never paints the
        // empty placeholder, and focus is back on a control before any
        // script or frame can see it on the body.
        let handover = Snapshot::take(&root);
        root.set_inner_html("");
        let events = root.clone();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            // The checker's words (a widget's build has no checker part).
            #[cfg(not(feature = "widget"))]
            provide_context(crate::content::ContentCtx(&crate::content::PARTS_CONTENT));
            extra();
            provide_context(FormContent::BUNDLED);
            provide_context(embed_attributes(&events));
            let request = RwSignal::new(prefill(&events));
            provide_context(VerifyRequest(request));
            let on_prefill = Closure::<dyn Fn()>::new({
                let events = events.clone();
                move || request.set(prefill(&events))
            });
            let _ = events.add_event_listener_with_callback(
                PREFILL_EVENT,
                on_prefill.as_ref().unchecked_ref(),
            );
            // Lives as long as the page, like the mounted form.
            on_prefill.forget();
            part_view(part)
        });
        let _ = root.set_attribute(MOUNTED_ATTR, "true");
        handover.give(&root);
        Ok(Some(Box::new(handle)))
    }

    /// The form settings on the closest element around the placeholder that
    /// carries any: the partner's embed (from a widget's shadow root, on to
    /// its host element). Read once, at mount.
    fn embed_attributes(root: &HtmlElement) -> EmbedAttributes {
        let mut next: Option<Element> = Some(root.clone().into());
        while let Some(element) = next {
            let settings: Vec<(String, String)> = element
                .get_attribute_names()
                .iter()
                .filter_map(|name| name.as_string())
                .filter(|name| embed::is_setting(name))
                .filter_map(|name| {
                    let value = element.get_attribute(&name)?;
                    Some((name, value))
                })
                .collect();
            if !settings.is_empty() {
                return EmbedAttributes(settings);
            }
            next = element.parent_element().or_else(|| {
                // Only a widget's build is ever in a shadow root.
                if !cfg!(feature = "widget") {
                    return None;
                }
                let root = element.get_root_node();
                root.dyn_into::<web_sys::ShadowRoot>()
                    .ok()
                    .map(|r| r.host())
            });
        }
        EmbedAttributes::default()
    }

    /// What the insurance checker left on the placeholder.
    fn prefill(root: &HtmlElement) -> Option<CarrierChoice> {
        let name = root.get_attribute(PREFILL_NAME_ATTR)?;
        let carrier_id = root
            .get_attribute(PREFILL_CARRIER_ATTR)
            .and_then(|id| FormContent::BUNDLED.carriers.iter().find(|c| c.id == id))
            .map(|carrier| carrier.id);
        Some(CarrierChoice { name, carrier_id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_part_lists_the_known_ones() {
        let message = MountError::UnknownPart("nope".into()).to_string();
        assert!(message.contains("\"nope\""), "{message}");
        assert!(
            message.contains("checker, contact-form, book-form"),
            "{message}"
        );
    }
}
