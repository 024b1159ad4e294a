//! The Web Locks API (`navigator.locks`), so that the tabs of this browser
//! save one at a time (issue 19). web-sys has it only behind
//! `web_sys_unstable_apis`, and gloo not at all: this is the one binding,
//! written here.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks.request(name, callback)`: the callback runs once
    /// the lock is granted, and the lock is released when it returns.
    #[wasm_bindgen(js_namespace = ["navigator", "locks"], js_name = request, catch)]
    fn request(name: &str, callback: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Runs `f` while holding the lock `name`, shared by every tab of this
/// site: `f` runs later (when the lock is granted), in the order asked.
/// Without the API (an old browser, a page not served securely) `f` runs at
/// once, as before.
pub fn exclusively(name: &str, f: impl FnOnce() + 'static) {
    let shared = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let inner = shared.clone();
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        if let Some(f) = inner.take() {
            f();
        }
    });
    if request(name, &callback).is_err() {
        if let Some(f) = shared.take() {
            f();
        }
    }
}
