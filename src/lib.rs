//! Quoting and contract simulator for managed cloud services.
//!
//! `engine` is pure Rust (no web types) and is tested natively; `ui` is the
//! Leptos shell, compiled for the browser only.
// Deny, not forbid: the lazy screens' generated chunk glue is allowed
// in `ui/views/shell/on_demand.rs` alone (issue 18).
#![deny(unsafe_code)]

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
