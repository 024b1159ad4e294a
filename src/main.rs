//! Entry point: mounts the Leptos app in the browser. Nothing else lives here.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    cloudquote::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cloudquote is a browser app: run `make serve` (see README.md).");
    std::process::exit(2);
}
