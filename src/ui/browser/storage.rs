//! Local storage, as raw text: the library and the price book are written
//! and read back exactly as `engine::files::library` gives them.
//!
//! web-sys here (not `gloo-storage`, see `browser/mod.rs`): a blocked
//! storage is "no storage", never a thrown exception.

use super::errors::BrowserError;

/// This site's local storage, or none where the browser disables or
/// blocks it (`window.localStorage` itself may throw).
fn storage() -> Option<web_sys::Storage> {
    gloo_utils::window().local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes `value`; the browser's refusal (storage full, disabled) comes
/// back as the app's error.
pub fn set(key: &str, value: &str) -> Result<(), BrowserError> {
    let s = storage().ok_or(BrowserError::StorageUnavailable)?;
    s.set_item(key, value).map_err(BrowserError::from_storage)
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Every key starting with `prefix`, with its text.
pub fn with_prefix(prefix: &str) -> Vec<(String, String)> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .filter_map(|k| s.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect()
}
