//! The quote library kept in the browser's storage, as pure data: what is
//! written under which key, and how stored text is read back, recovering
//! what is valid from damaged or foreign data.
//!
//! Keys: [`INDEX_KEY`] holds the list of quotes (id, name, last save);
//! each quote is under [`QUOTE_PREFIX`]`<id>` with a revision number that
//! grows at each save, so that two tabs editing the same quote notice each
//! other instead of overwriting. Unreadable data is never deleted: it is
//! moved under [`ASIDE_PREFIX`] and reported.

use serde::{Deserialize, Serialize};

use crate::engine::document::limits::LimitError;
use crate::engine::document::pricebook::PriceBook;
use crate::engine::document::quote::{Quote, QuoteFileError};
use crate::engine::lang::Lang;

pub const INDEX_KEY: &str = "cloudquote.library.v1";
pub const QUOTE_PREFIX: &str = "cloudquote.quote.";
pub const ASIDE_PREFIX: &str = "cloudquote.aside.";
/// The id of the quote open last, for the next visit.
pub const CURRENT_KEY: &str = "cloudquote.current";

/// One quote in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// When it was last saved (ISO 8601, from the browser's clock).
    #[serde(default)]
    pub updated: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Index {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// A quote as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    /// Grows by one at each save.
    pub revision: u64,
    #[serde(default)]
    pub saved_at: String,
    pub quote: Quote,
}

/// Something found wrong while reading the storage; the raw text is kept
/// under `aside_key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// The key it was read from.
    pub key: String,
    pub aside_key: String,
    pub reason: String,
}

impl Damage {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => format!(
                "Données illisibles dans « {} » ({}) : mises de côté sous « {} », le reste est récupéré.",
                self.key, self.reason, self.aside_key
            ),
            Lang::En => format!(
                "Unreadable data in “{}” ({}): kept aside under “{}”, the rest is recovered.",
                self.key, self.reason, self.aside_key
            ),
        }
    }
}

/// The next free id (`q1`, `q2`…) among `entries`.
pub fn next_id(entries: &[Entry]) -> String {
    let n = entries
        .iter()
        .filter_map(|e| e.id.strip_prefix('q')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    format!("q{n}")
}

/// A name for a quote: its client and project, or a numbered default.
pub fn default_name(quote: &Quote, entries: &[Entry], lang: Lang) -> String {
    let parts: Vec<&str> = [quote.client.trim(), quote.project.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let base = if parts.is_empty() {
        lang.pick("Devis", "Quote").to_string()
    } else {
        parts.join(" — ")
    };
    unique_name(&base, entries)
}

/// `base`, or `base (2)`, `base (3)`… so that no two entries share a name.
pub fn unique_name(base: &str, entries: &[Entry]) -> String {
    let taken = |n: &str| entries.iter().any(|e| e.name == n);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|i| format!("{base} ({i})"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_string())
}

/// Reads the index: what is readable is kept, entry by entry.
pub fn read_index(raw: Option<&str>, aside_key: &str) -> (Index, Option<Damage>) {
    let Some(raw) = raw else {
        return (
            Index {
                version: 1,
                entries: Vec::new(),
            },
            None,
        );
    };
    let damaged = |reason: String| Damage {
        key: INDEX_KEY.to_string(),
        aside_key: aside_key.to_string(),
        reason,
    };
    let value: serde_json::Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            return (
                Index {
                    version: 1,
                    entries: Vec::new(),
                },
                Some(damaged(e.to_string())),
            )
        }
    };
    let Some(list) = value.get("entries").and_then(|e| e.as_array()) else {
        return (
            Index {
                version: 1,
                entries: Vec::new(),
            },
            Some(damaged("no list of quotes".into())),
        );
    };
    let mut entries: Vec<Entry> = Vec::new();
    let mut bad = 0;
    for item in list {
        match serde_json::from_value::<Entry>(item.clone()) {
            Ok(e) if !e.id.is_empty() && !entries.iter().any(|x| x.id == e.id) => entries.push(e),
            _ => bad += 1,
        }
    }
    let damage = (bad > 0).then(|| damaged(format!("{bad} unreadable entries")));
    (
        Index {
            version: 1,
            entries,
        },
        damage,
    )
}

/// Reads a stored quote (migrating older quote formats with the built-in
/// price book's items).
pub fn read_stored(raw: &str) -> Result<Stored, String> {
    read_stored_with_books(raw, None)
}

/// Reads a stored quote, migrating older quote formats with the items of
/// `books` when given (version 2 interruptions go to the managed function
/// of their line's item), else of the built-in book.
pub fn read_stored_with_books(raw: &str, books: Option<&[PriceBook]>) -> Result<Stored, String> {
    #[derive(Deserialize)]
    struct Envelope {
        revision: u64,
        #[serde(default)]
        saved_at: String,
        quote: serde_json::Value,
    }
    let envelope: Envelope = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    let json = envelope.quote.to_string();
    let quote = match books {
        Some(books) => Quote::from_json_with_books(&json, books),
        None => Quote::from_json(&json),
    }
    .map_err(|e| e.to_string())?;
    Ok(Stored {
        revision: envelope.revision,
        saved_at: envelope.saved_at,
        quote,
    })
}

/// The revision of a stored quote, without reading the quote itself.
pub fn stored_revision(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Revision {
        revision: u64,
    }
    serde_json::from_str::<Revision>(raw)
        .ok()
        .map(|r| r.revision)
}

pub fn write_stored(stored: &Stored) -> String {
    // Plain data with string keys: serialising cannot fail.
    serde_json::to_string(stored).unwrap_or_default()
}

pub fn write_index(index: &Index) -> String {
    serde_json::to_string(index).unwrap_or_default()
}

/// The storage as a whole, read at start: the entries whose quote reads,
/// the quotes stored but missing from the list (added back), and what was
/// damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    pub index: Index,
    pub damage: Vec<Damage>,
    /// Keys to move aside (raw text kept) before anything else is written.
    pub move_aside: Vec<(String, String)>,
    /// Quotes that read but lie out of the document's bounds (issue 19):
    /// kept where they are and listed, never opened; by id, with why.
    pub refused: Vec<(String, Vec<LimitError>)>,
    /// Whether the index must be written back.
    pub index_changed: bool,
}

/// Checks the index against the stored quotes (`quotes`: key and raw text
/// of every key under [`QUOTE_PREFIX`]); `stamp` makes aside keys unique.
pub fn recover(index_raw: Option<&str>, quotes: &[(String, String)], stamp: &str) -> Recovered {
    let (mut index, index_damage) = read_index(index_raw, &format!("{ASIDE_PREFIX}{stamp}.index"));
    let mut damage = Vec::new();
    let mut move_aside = Vec::new();
    let mut refused = Vec::new();
    let mut changed = false;
    if let Some(d) = index_damage {
        if let Some(raw) = index_raw {
            move_aside.push((d.aside_key.clone(), raw.to_string()));
        }
        damage.push(d);
        changed = true;
    }
    // Quotes that do not read are set aside and leave the list.
    for (key, raw) in quotes {
        let id = key.strip_prefix(QUOTE_PREFIX).unwrap_or(key).to_string();
        // A key without an id cannot be listed (an entry needs one): set
        // aside once, rather than reported again at every start.
        let read = if id.is_empty() {
            Err("no quote id in its key".to_string())
        } else {
            read_stored(raw)
        };
        match read {
            Ok(stored) => {
                if !index.entries.iter().any(|e| e.id == id) {
                    // Stored but not listed: listed again.
                    let name = default_name(&stored.quote, &index.entries, Lang::Fr);
                    index.entries.push(Entry {
                        id,
                        name,
                        updated: stored.saved_at,
                    });
                    changed = true;
                }
            }
            Err(_) if !id.is_empty() && out_of_bounds(raw).is_some() => {
                // Readable, but beyond the bounds: left in place and listed,
                // so that it can be exported or deleted, never lost.
                if !index.entries.iter().any(|e| e.id == id) {
                    index.entries.push(Entry {
                        id: id.clone(),
                        name: unique_name(&format!("Devis {id}"), &index.entries),
                        updated: String::new(),
                    });
                    changed = true;
                }
                refused.push((id, out_of_bounds(raw).unwrap_or_default()));
            }
            Err(reason) => {
                let aside_key = if id.is_empty() {
                    format!("{ASIDE_PREFIX}{stamp}.no-id")
                } else {
                    format!("{ASIDE_PREFIX}{stamp}.{id}")
                };
                move_aside.push((aside_key.clone(), raw.clone()));
                damage.push(Damage {
                    key: key.clone(),
                    aside_key,
                    reason,
                });
                index.entries.retain(|e| e.id != id);
                changed = true;
            }
        }
    }
    // Listed but not stored: dropped from the list (nothing to lose).
    let before = index.entries.len();
    index.entries.retain(|e| {
        quotes
            .iter()
            .any(|(k, _)| k.strip_prefix(QUOTE_PREFIX) == Some(e.id.as_str()))
    });
    changed |= index.entries.len() != before;
    Recovered {
        index,
        damage,
        move_aside,
        refused,
        index_changed: changed,
    }
}

/// The bounds a stored quote breaks, when that is why it does not read.
fn out_of_bounds(raw: &str) -> Option<Vec<LimitError>> {
    #[derive(Deserialize)]
    struct Envelope {
        quote: serde_json::Value,
    }
    let envelope: Envelope = serde_json::from_str(raw).ok()?;
    match Quote::from_json(&envelope.quote.to_string()) {
        Err(QuoteFileError::Limits(errors)) => Some(errors),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn stored(client: &str, revision: u64) -> String {
        let mut q = Quote::new(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        q.client = client.into();
        write_stored(&Stored {
            revision,
            saved_at: "2026-11-22T10:00:00Z".into(),
            quote: q,
        })
    }

    #[test]
    fn ids_and_names_are_unique() {
        let entries = vec![
            Entry {
                id: "q1".into(),
                name: "Devis".into(),
                updated: String::new(),
            },
            Entry {
                id: "q7".into(),
                name: "Devis (2)".into(),
                updated: String::new(),
            },
        ];
        assert_eq!(next_id(&entries), "q8");
        assert_eq!(unique_name("Devis", &entries), "Devis (3)");
        assert_eq!(unique_name("ACME", &entries), "ACME");
    }

    #[test]
    fn recovery_keeps_what_reads_and_sets_aside_the_rest() {
        let index = r#"{"version":1,"entries":[{"id":"q1","name":"A"},{"id":"q2","name":"B"},{"oops":true}]}"#;
        let quotes = vec![
            (format!("{QUOTE_PREFIX}q1"), stored("ACME", 3)),
            (format!("{QUOTE_PREFIX}q2"), "{not json".to_string()),
            (format!("{QUOTE_PREFIX}q3"), stored("Orphan", 1)),
        ];
        let r = recover(Some(index), &quotes, "t");
        let ids: Vec<&str> = r.index.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["q1", "q3"]);
        assert_eq!(r.index.entries[1].name, "Orphan");
        assert_eq!(r.damage.len(), 2);
        assert_eq!(r.move_aside.len(), 2);
        assert!(r
            .move_aside
            .iter()
            .any(|(k, raw)| k == "cloudquote.aside.t.q2" && raw == "{not json"));
        assert!(r.index_changed);
        assert_eq!(stored_revision(&stored("X", 42)), Some(42));
        assert_eq!(stored_revision("{not json"), None);
    }

    #[test]
    fn a_quote_out_of_bounds_stays_in_place_and_listed_with_why() {
        // 20 lines with the same id: readable JSON, refused by the bounds.
        let mut raw = stored("Huge", 2);
        let lines: Vec<String> = (0..20)
            .map(|_| r#"{"id":1,"item":"OS-MGD","quantity":"1"}"#.to_string())
            .collect();
        raw = raw.replace(
            r#""lines":[]"#,
            &format!(r#""lines":[{}]"#, lines.join(",")),
        );
        assert!(
            read_stored(&raw).is_err(),
            "duplicate ids are out of bounds"
        );
        let quotes = vec![(format!("{QUOTE_PREFIX}q4"), raw)];
        let r = recover(None, &quotes, "t");
        assert!(r.move_aside.is_empty() && r.damage.is_empty());
        assert_eq!(r.index.entries.len(), 1);
        assert_eq!(r.index.entries[0].id, "q4");
        assert_eq!(r.refused.len(), 1);
        assert_eq!(r.refused[0].0, "q4");
        assert!(!r.refused[0].1.is_empty());
    }

    #[test]
    fn a_key_without_id_is_set_aside_once_not_reported_at_every_start() {
        let quotes = vec![(QUOTE_PREFIX.to_string(), stored("No id", 1))];
        let r = recover(None, &quotes, "t");
        assert!(r.index.entries.is_empty());
        assert_eq!(r.damage.len(), 1);
        assert_eq!(r.damage[0].key, QUOTE_PREFIX);
        assert_eq!(r.move_aside[0].0, "cloudquote.aside.t.no-id");
        // The next start, with the key gone (moved aside) and the index
        // written back, reports nothing.
        let index = write_index(&r.index);
        let again = recover(Some(&index), &[], "u");
        assert!(again.damage.is_empty());
    }

    #[test]
    fn a_foreign_index_is_set_aside_whole() {
        let quotes = vec![(format!("{QUOTE_PREFIX}q1"), stored("ACME", 1))];
        let r = recover(Some("[1,2,3]"), &quotes, "t");
        assert_eq!(r.index.entries.len(), 1);
        assert_eq!(r.damage[0].aside_key, "cloudquote.aside.t.index");
        let r = recover(None, &[], "t");
        assert!(r.index.entries.is_empty() && r.damage.is_empty() && !r.index_changed);
    }
}
