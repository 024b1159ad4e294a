//! Share links: the whole quote in the URL fragment, no server.
//!
//! A link's fragment is `q1.` followed by the base64url (no padding) of the
//! zlib-deflated JSON payload `{ "v": 1, "quote": …, "book": … }`. The zlib
//! stream carries an Adler-32 checksum, so a truncated or altered link is
//! refused rather than read wrongly. The price book is either a reference to
//! the built-in one (its version and a content hash: a link made with
//! another built-in book is refused, never silently repriced) or the whole
//! book, embedded.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::document::pricebook::PriceBook;
use crate::engine::document::quote::{Quote, QuoteFileError};
use crate::engine::lang::Lang;

/// The fragment's prefix: the link format's version.
pub const PREFIX: &str = "q1.";
/// Beyond this many characters a link is refused (some mail and chat tools
/// cut long links); the file export is offered instead.
pub const MAX_LINK_CHARS: usize = 16_000;
/// A decoded payload larger than this is refused (a zip bomb).
pub const MAX_PAYLOAD_BYTES: usize = 4 * 1024 * 1024;

/// The price book a link carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
pub enum SharedBook {
    /// The built-in book, by version and content hash.
    Builtin { version: String, hash: String },
    /// A book of the user's, whole.
    Embedded { book: Box<PriceBook> },
}

/// What a link holds, as read: the quote is kept as JSON so that it goes
/// through `Quote::from_json` (older versions, located errors).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    v: u32,
    quote: serde_json::Value,
    book: SharedBook,
}

/// What a link holds, as written (the same fields): the quote serialised
/// directly, with the serializer the library uses (one copy of its code).
#[derive(Serialize)]
struct PayloadOut<'a> {
    v: u32,
    quote: &'a Quote,
    book: SharedBook,
}

/// How a link is damaged, in words a person can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum LinkDamage {
    /// A character that base64url does not use, or a bad length.
    #[error("it holds characters a link does not use")]
    Characters,
    /// The compressed data stops before its end.
    #[error("it was cut short")]
    Truncated,
    /// The data or its checksum do not match.
    #[error("its checksum does not match its content")]
    Corrupt,
    /// Something follows the end of the compressed data.
    #[error("something was added at its end")]
    TrailingData,
    /// It would decompress beyond [`MAX_PAYLOAD_BYTES`].
    #[error("its content is far too large")]
    TooBig,
    /// It decompresses to something other than a quote link's content.
    #[error("its content is not a quote link's")]
    NotAPayload,
}

impl LinkDamage {
    fn fr(self) -> &'static str {
        match self {
            LinkDamage::Characters => "il contient des caractères qu'un lien n'utilise pas",
            LinkDamage::Truncated => "il a été coupé",
            LinkDamage::Corrupt => "sa somme de contrôle ne correspond pas à son contenu",
            LinkDamage::TrailingData => "quelque chose a été ajouté à sa fin",
            LinkDamage::TooBig => "son contenu est bien trop grand",
            LinkDamage::NotAPayload => "son contenu n'est pas celui d'un lien de devis",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    #[error("this is not a quote link (it should start with #{PREFIX})")]
    NotALink,
    #[error("the link is damaged: {0}")]
    Damaged(LinkDamage),
    /// A link longer than [`MAX_LINK_CHARS`], refused before it is read.
    #[error("the link is {chars} characters long (at most {MAX_LINK_CHARS})")]
    LinkTooLong { chars: usize },
    #[error("link format version {0} is not supported")]
    Version(u32),
    #[error("the quote in the link is not valid: {0}")]
    Quote(QuoteFileError),
    #[error("the price book in the link is not valid: {0}")]
    Book(String),
    #[error("the link was made with built-in price book {version} ({hash}), this app has {ours} ({our_hash})")]
    OtherBuiltin {
        version: String,
        hash: String,
        ours: String,
        our_hash: String,
    },
    #[error("the link would be {chars} characters long (at most {MAX_LINK_CHARS})")]
    TooLarge { chars: usize },
}

impl ShareError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ShareError::NotALink, Lang::Fr) => format!("Ce n'est pas un lien de devis (il doit commencer par #{PREFIX})."),
            (ShareError::NotALink, Lang::En) => format!("This is not a quote link (it should start with #{PREFIX})."),
            (ShareError::Damaged(why), Lang::Fr) => format!("Le lien est abîmé ou a été modifié ({}) : demandez-le à nouveau.", why.fr()),
            (ShareError::Damaged(why), Lang::En) => format!("The link is damaged or was altered ({why}): ask for it again."),
            (ShareError::LinkTooLong { chars }, Lang::Fr) => format!("Ce lien fait {chars} caractères, plus que les {MAX_LINK_CHARS} qu'un lien de devis peut avoir : il n'est pas ouvert. Demandez le fichier du devis."),
            (ShareError::LinkTooLong { chars }, Lang::En) => format!("This link is {chars} characters long, more than the {MAX_LINK_CHARS} a quote link can have: it is not opened. Ask for the quote file instead."),
            (ShareError::Version(v), Lang::Fr) => format!("Version {v} du format de lien non prise en charge."),
            (ShareError::Version(v), Lang::En) => format!("Link format version {v} is not supported."),
            (ShareError::Quote(why), Lang::Fr) => format!("Le devis du lien n'est pas valide : {}", why.message(lang)),
            (ShareError::Quote(why), Lang::En) => format!("The quote in the link is not valid: {}", why.message(lang)),
            (ShareError::Book(why), Lang::Fr) => format!("La grille tarifaire du lien n'est pas valide : {why}"),
            (ShareError::Book(why), Lang::En) => format!("The price book in the link is not valid: {why}"),
            (ShareError::OtherBuiltin { version, hash, ours, our_hash }, Lang::Fr) => format!(
                "Le lien a été fait avec la grille intégrée {version} ({hash}) ; cette application a la {ours} ({our_hash}). Les prix différeraient : demandez le fichier du devis avec sa grille."
            ),
            (ShareError::OtherBuiltin { version, hash, ours, our_hash }, Lang::En) => format!(
                "The link was made with built-in price book {version} ({hash}); this app has {ours} ({our_hash}). Prices would differ: ask for the quote file with its book."
            ),
            (ShareError::TooLarge { chars }, Lang::Fr) => format!(
                "Le lien ferait {chars} caractères (au plus {MAX_LINK_CHARS}) : exportez plutôt le fichier du devis."
            ),
            (ShareError::TooLarge { chars }, Lang::En) => format!(
                "The link would be {chars} characters long (at most {MAX_LINK_CHARS}): export the quote file instead."
            ),
        }
    }
}

/// FNV-1a, 64 bits: a content fingerprint of a price book (not a security
/// measure: it tells two books apart).
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The hash of a book's content, as written in links.
pub fn book_hash(book: &PriceBook) -> String {
    // Serialising plain data cannot fail.
    fingerprint(serde_json::to_string(book).unwrap_or_default().as_bytes())
}

/// The built-in books this app shipped before, as (version, content hash
/// written in share links, JSON), so that a link made with one of them still
/// opens, with the book it was made with (`files::share::decode`). The hash
/// is the one the app of the time wrote: it cannot be recomputed, since the
/// book's serialised form gained fields since.
pub const EARLIER_BUILTIN_BOOKS: [(&str, &str, &str); 3] = [
    (
        "2024.1",
        "86d59657db4f2450",
        // Before the corrections of SPEC §14 (DRE, backup retention), 2026-12-01.
        include_str!("earlier_books/builtin-2024.1-86d59657db4f2450.json"),
    ),
    (
        "2024.1",
        "6b0ea0f242a7cfe2",
        // With the SPEC §14 corrections, before the Co-Managed prices of
        // SPEC §15 (version 2024.2), 2026-12-01.
        include_str!("earlier_books/builtin-2024.1-6b0ea0f242a7cfe2.json"),
    ),
    (
        "2024.1",
        "0ebd89ae71d4f364",
        // The same 2024.1 book, by the hash the app wrote once amounts were
        // written with two decimals (issue 17: `"114"` became `"114.00"`),
        // until the 2024.2 book of SPEC §15, 2026-12-01.
        include_str!("earlier_books/builtin-2024.1-6b0ea0f242a7cfe2.json"),
    ),
];

/// A built-in book of an earlier release, by the version and hash a link
/// names (`EARLIER_BUILTIN_BOOKS`).
fn earlier_builtin(version: &str, hash: &str) -> Option<PriceBook> {
    EARLIER_BUILTIN_BOOKS
        .iter()
        .find(|(v, h, _)| *v == version && *h == hash)
        .and_then(|(_, _, json)| PriceBook::from_json(json).ok())
}

/// The reference to `book` when it is the built-in one.
pub fn builtin_ref(book: &PriceBook) -> SharedBook {
    SharedBook::Builtin {
        version: book.version.clone(),
        hash: book_hash(book),
    }
}

/// The fragment (without `#`) carrying `quote` and `book`.
pub fn encode(quote: &Quote, book: SharedBook) -> Result<String, ShareError> {
    let payload = PayloadOut { v: 1, quote, book };
    let json = serde_json::to_string(&payload)
        .map_err(|e| ShareError::Quote(QuoteFileError::Malformed(e.to_string())))?;
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    let link = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
    if link.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge { chars: link.len() });
    }
    Ok(link)
}

/// What a link holds: the quote, and the price book when it embeds one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub quote: Quote,
    pub book: Option<PriceBook>,
}

/// Inflates a zlib stream that must be the whole of `packed` (nothing after
/// its checksum) and at most [`MAX_PAYLOAD_BYTES`] once inflated.
fn inflate_whole(packed: &[u8]) -> Result<Vec<u8>, LinkDamage> {
    use miniz_oxide::inflate::stream::{inflate, InflateState};
    use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};
    let mut state = InflateState::new_boxed(DataFormat::Zlib);
    let mut out = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut input = packed;
    loop {
        let r = inflate(&mut state, input, &mut chunk, MZFlush::None);
        input = input.get(r.bytes_consumed..).unwrap_or_default();
        out.extend_from_slice(chunk.get(..r.bytes_written).unwrap_or_default());
        if out.len() > MAX_PAYLOAD_BYTES {
            return Err(LinkDamage::TooBig);
        }
        match r.status {
            Ok(MZStatus::StreamEnd) => break,
            Ok(_) if r.bytes_consumed > 0 || r.bytes_written > 0 => {}
            Ok(_) | Err(MZError::Buf) => return Err(LinkDamage::Truncated),
            Err(_) => return Err(LinkDamage::Corrupt),
        }
    }
    if input.is_empty() {
        Ok(out)
    } else {
        Err(LinkDamage::TrailingData)
    }
}

/// Reads a fragment (with or without its `#`), checking it against the
/// built-in book this app has. Refused: a fragment longer than
/// [`MAX_LINK_CHARS`] (before anything is decoded), anything but clean
/// base64url, data after the end of the zlib stream, a payload beyond
/// [`MAX_PAYLOAD_BYTES`], and a quote out of the document's bounds
/// (`Quote::from_json*` checks them: `document::limits`).
pub fn decode(fragment: &str, builtin: &PriceBook) -> Result<Shared, ShareError> {
    let fragment = fragment.trim().trim_start_matches('#');
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::LinkTooLong {
            chars: fragment.chars().count(),
        });
    }
    let body = fragment.strip_prefix(PREFIX).ok_or(ShareError::NotALink)?;
    let packed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| ShareError::Damaged(LinkDamage::Characters))?;
    let json = inflate_whole(&packed).map_err(ShareError::Damaged)?;
    let payload: Payload =
        serde_json::from_slice(&json).map_err(|_| ShareError::Damaged(LinkDamage::NotAPayload))?;
    if payload.v != 1 {
        return Err(ShareError::Version(payload.v));
    }
    let book = match payload.book {
        SharedBook::Builtin { version, hash } => {
            let our_hash = book_hash(builtin);
            if version == builtin.version && hash == our_hash {
                None
            } else if let Some(earlier) = earlier_builtin(&version, &hash) {
                // A link made with a built-in book this app shipped before:
                // it opens with that book, as if the link carried it.
                Some(earlier)
            } else {
                return Err(ShareError::OtherBuiltin {
                    version,
                    hash,
                    ours: builtin.version.clone(),
                    our_hash,
                });
            }
        }
        SharedBook::Embedded { book } => {
            book.validate()
                .map_err(|e| ShareError::Book(e.to_string()))?;
            Some(*book)
        }
    };
    // Older quote formats are migrated with the link's own book (version 2
    // interruptions go to the managed function of their line's item).
    let books = [book.clone().unwrap_or_else(|| builtin.clone())];
    let quote = Quote::from_json_with_books(&payload.quote.to_string(), &books)
        .map_err(ShareError::Quote)?;
    Ok(Shared { quote, book })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_differ_and_are_stable() {
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_eq!(fingerprint(b"a"), "af63dc4c8601ec8c");
        assert_ne!(fingerprint(b"ab"), fingerprint(b"ba"));
    }
}
