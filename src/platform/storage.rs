//! The one place that touches Web Storage.
//!
//! Components never call `window.sessionStorage` themselves: they hold a
//! [`Store`], which namespaces keys (so several mounted apps or widgets on one
//! page do not overwrite each other), reports failures as values (private
//! modes, quotas and sandboxed iframes all refuse storage), and is inert when
//! rendering natively, so the same components pre-render and hydrate.

/// Which Web Storage area a [`Store`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Cleared when the tab closes; the default for anything a visitor types.
    Session,
    /// Survives the tab; only with the visitor's explicit consent.
    Local,
}

/// Why a storage call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("this browser does not offer storage here")]
    Unavailable,
    #[error("the browser refused to store data (storage full or disabled)")]
    Refused,
}

/// A namespaced view of one storage area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    area: Area,
    namespace: String,
}

impl Store {
    /// A store whose keys are all prefixed with `namespace` and a colon.
    pub fn new(area: Area, namespace: impl Into<String>) -> Self {
        Self {
            area,
            namespace: namespace.into(),
        }
    }

    /// The area this store writes to.
    pub fn area(&self) -> Area {
        self.area
    }

    /// The full key stored in the browser for `key`.
    pub fn full_key(&self, key: &str) -> String {
        format!("{}:{key}", self.namespace)
    }

    /// The value stored under `key`, if any.
    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        backend::get(self.area, &self.full_key(key))
    }

    /// Stores `value` under `key`.
    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        backend::set(self.area, &self.full_key(key), value)
    }

    /// Removes `key`; removing a missing key is not an error.
    pub fn remove(&self, key: &str) -> Result<(), StorageError> {
        backend::remove(self.area, &self.full_key(key))
    }
}

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
mod backend {
    use super::{Area, StorageError};

    fn storage(area: Area) -> Result<web_sys::Storage, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        // Both getters throw (Err) in sandboxed frames and return None when disabled.
        let storage = match area {
            Area::Session => window.session_storage(),
            // A widget keeps nothing in its host page's localStorage.
            Area::Local if cfg!(feature = "widget") => return Err(StorageError::Unavailable),
            Area::Local => window.local_storage(),
        };
        storage.ok().flatten().ok_or(StorageError::Unavailable)
    }

    pub fn get(area: Area, key: &str) -> Result<Option<String>, StorageError> {
        storage(area)?
            .get_item(key)
            .map_err(|_| StorageError::Unavailable)
    }

    pub fn set(area: Area, key: &str, value: &str) -> Result<(), StorageError> {
        storage(area)?
            .set_item(key, value)
            .map_err(|_| StorageError::Refused)
    }

    pub fn remove(area: Area, key: &str) -> Result<(), StorageError> {
        storage(area)?
            .remove_item(key)
            .map_err(|_| StorageError::Refused)
    }
}

/// Native rendering has no browser: every call reports [`StorageError::Unavailable`].
#[cfg(not(all(feature = "browser", target_arch = "wasm32")))]
mod backend {
    use super::{Area, StorageError};

    pub fn get(_: Area, _: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Unavailable)
    }

    pub fn set(_: Area, _: &str, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable)
    }

    pub fn remove(_: Area, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_namespaced() {
        let store = Store::new(Area::Session, "aa-faq");
        assert_eq!(store.full_key("open"), "aa-faq:open");
        assert_eq!(store.area(), Area::Session);
    }

    #[test]
    fn native_rendering_has_no_storage() {
        let store = Store::new(Area::Local, "x");
        assert_eq!(store.get("k"), Err(StorageError::Unavailable));
        assert_eq!(store.set("k", "v"), Err(StorageError::Unavailable));
        assert_eq!(store.remove("k"), Err(StorageError::Unavailable));
    }
}
