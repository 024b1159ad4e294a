//! Files: reading the one a person picked (`gloo-file`) and offering text
//! as a download (a `gloo-file` blob behind an object URL, revoked when
//! dropped; the link clicked is web-sys: gloo has no download).

use gloo_file::futures::read_as_text;
use gloo_file::{Blob, File, ObjectUrl};
use wasm_bindgen::JsCast;

use super::errors::BrowserError;

/// Offers `content` as a file to save.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), BrowserError> {
    let url = ObjectUrl::from(Blob::new_with_options(content, Some(mime)));
    let a: web_sys::HtmlAnchorElement = gloo_utils::document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or(BrowserError::DownloadRefused)?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // The click has started the download: the URL may go with `url`.
    Ok(())
}

/// The text of the first file picked in `input`, with its name.
pub async fn read_picked(
    input: &web_sys::HtmlInputElement,
) -> Result<(String, String), BrowserError> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .map(File::from)
        .ok_or(BrowserError::NoFile)?;
    let name = file.name();
    let text = read_as_text(&file)
        .await
        .map_err(|_| BrowserError::FileUnreadable(name.clone()))?;
    Ok((name, text))
}
