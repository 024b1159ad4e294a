//! The library bar under the header: the quotes of the library, undo and
//! redo, share link, import and export; the conflict banner and the
//! notices. May use `session`, `state`, `browser` and the engine's files.

mod conflict_banner;
mod exports;
pub mod library_bar;
mod more_exports;
mod notices;
mod quote_picker;
mod save_status;
mod share_banner;
mod undo_redo;
