//! Quoting and contract simulator for managed cloud services.
//!
//! `engine` is pure Rust (no web types) and is tested natively; `ui` is the
//! Leptos shell, compiled for the browser only.
#![forbid(unsafe_code)]

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
