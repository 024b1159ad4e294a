//! What the browser refuses, as the app's own errors: each has a sentence
//! for the user and, where there is one, the way out. The browser's own
//! text (`QuotaExceededError: …`) never reaches the screen.

use gloo_utils::errors::JsError;
use wasm_bindgen::JsValue;

use crate::engine::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserError {
    /// Local storage is disabled or blocked (private browsing, settings).
    StorageUnavailable,
    /// The storage quota of this site is reached.
    StorageFull,
    /// The browser refused to store for another reason (its error's name).
    StorageRefused(String),
    /// No file was picked.
    NoFile,
    /// The picked file could not be read (its name).
    FileUnreadable(String),
    /// The browser would not offer the file for download.
    DownloadRefused,
}

impl BrowserError {
    /// The storage error a browser exception stands for.
    pub(super) fn from_storage(value: JsValue) -> Self {
        match JsError::try_from(value) {
            // Chromium and Firefox name it so; old Firefox used the other.
            Ok(e) if e.name == "QuotaExceededError" || e.name == "NS_ERROR_DOM_QUOTA_REACHED" => {
                BrowserError::StorageFull
            }
            Ok(e) if e.name == "SecurityError" => BrowserError::StorageUnavailable,
            Ok(e) => BrowserError::StorageRefused(e.name),
            Err(_) => BrowserError::StorageRefused(String::new()),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BrowserError::StorageUnavailable, Lang::Fr) => "Ce navigateur n'autorise pas l'enregistrement local (navigation privée ou réglage) ; exportez le devis (JSON) pour le garder.".into(),
            (BrowserError::StorageUnavailable, Lang::En) => "This browser does not allow local saving (private browsing or a setting); export the quote (JSON) to keep it.".into(),
            (BrowserError::StorageFull, Lang::Fr) => "L'espace de ce navigateur pour l'application est plein ; supprimez des devis de la liste ou exportez celui-ci (JSON) pour le garder.".into(),
            (BrowserError::StorageFull, Lang::En) => "This browser's space for the app is full; delete quotes from the list or export this one (JSON) to keep it.".into(),
            (BrowserError::StorageRefused(name), Lang::Fr) => format!("Le navigateur a refusé l'enregistrement ({}) ; exportez le devis (JSON) pour le garder.", refusal(name, lang)),
            (BrowserError::StorageRefused(name), Lang::En) => format!("The browser refused to save ({}); export the quote (JSON) to keep it.", refusal(name, lang)),
            (BrowserError::NoFile, Lang::Fr) => "Aucun fichier choisi.".into(),
            (BrowserError::NoFile, Lang::En) => "No file was chosen.".into(),
            (BrowserError::FileUnreadable(name), Lang::Fr) => format!("Le fichier « {name} » n'a pas pu être lu ; vérifiez qu'il existe encore et choisissez-le à nouveau."),
            (BrowserError::FileUnreadable(name), Lang::En) => format!("The file “{name}” could not be read; check that it still exists and choose it again."),
            (BrowserError::DownloadRefused, Lang::Fr) => "Le navigateur n'a pas proposé le fichier ; réessayez ou autorisez les téléchargements pour cette page.".into(),
            (BrowserError::DownloadRefused, Lang::En) => "The browser did not offer the file; try again or allow downloads for this page.".into(),
        }
    }
}

fn refusal(name: &str, lang: Lang) -> String {
    if name.is_empty() {
        lang.pick("sans raison donnée", "no reason given").into()
    } else {
        name.to_string()
    }
}
