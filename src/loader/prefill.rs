//! The insurance checker's hand-over to the contact form, which lives in
//! the forms module: the choice is left on the form's placeholder and the
//! placeholder is told (see `parts.rs`); the form reads it when it mounts,
//! or at once if it is already live. Natively it does nothing.

pub use imp::request_prefill;

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
mod imp {
    /// Leaves the insurance checker's choice on the contact form's
    /// placeholder and tells it.
    pub fn request_prefill(name: &str, carrier_id: Option<&str>) -> Option<()> {
        use crate::loader::parts::{
            Part, PART_ATTR, PREFILL_CARRIER_ATTR, PREFILL_EVENT, PREFILL_NAME_ATTR,
        };
        let selector = format!("[{PART_ATTR}=\"{}\"]", Part::ContactForm.id());
        let root = web_sys::window()?
            .document()?
            .query_selector(&selector)
            .ok()??;
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
    pub fn request_prefill(_: &str, _: Option<&str>) -> Option<()> {
        None
    }
}
