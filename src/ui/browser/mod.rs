//! The browser services the app uses, and nothing else touches the browser:
//! local storage (`storage`), picked files and downloads (`files`), events
//! of other tabs, focus, printing and the service worker (`page`), the
//! lock the tabs share to save one at a time (`locks`), the clock
//! (`clock`), and the browser's refusals as the app's own errors
//! (`errors`). Nothing here talks to a server.
//!
//! May use: `gloo-file`, `gloo-events`, `gloo-utils` where they do the job;
//! `web-sys` and `js-sys` only where gloo has nothing (see each file). No
//! contract rule and no screen lives here; the session and the views call
//! these functions.
//!
//! `gloo-storage` is not used: its value API writes every value through
//! serde_json (the current quote's id would be stored quoted, unreadable by
//! the app of before; a damaged record could not be read back raw to be
//! set aside) and its `raw()` throws where the browser blocks storage,
//! which `storage` handles as "no storage" instead.

mod clock;
mod errors;
mod files;
mod locks;
mod page;
mod storage;

pub use clock::{now_iso, now_ms, today};
pub use errors::BrowserError;
pub use files::{download, read_picked};
pub use locks::exclusively;
pub use page::{
    base_url, clear_fragment, focus, fragment, is_in_text_field, on_page_hide, on_storage, print,
    register_service_worker,
};
pub use storage::{get, remove, set, with_prefix};
