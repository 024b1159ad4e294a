//! What the rows, the cells and the panel of the matrix share: editing a
//! cell, party names, letters in words, the keyboard focus.

use leptos::prelude::*;

use crate::engine::document::quote::Quote;
use crate::engine::document::raci::{Letter, Letters, Party};
use crate::engine::lang::Lang;
use crate::engine::responsibilities::{self, dominant_build, Matrix};
use crate::ui::browser;

/// Sets a cell of the quote's current model.
pub fn set_cell(quote: RwSignal<Quote>, activity: &str, party: Party, letters: Letters) {
    quote.update(|q| {
        let (model, build) = (q.model, dominant_build(q));
        responsibilities::set_cell(&mut q.raci, model, build, activity, party, letters);
    });
}

pub fn party_name(m: &Matrix, party: Party, lang: Lang) -> String {
    if party == Party::ThirdParty && !m.third_party_name.trim().is_empty() {
        m.third_party_name.trim().to_string()
    } else {
        party.label(lang).to_string()
    }
}

pub fn letters_text(letters: Letters, lang: Lang) -> String {
    if letters.is_empty() {
        return lang.pick("aucune lettre", "no letter").into();
    }
    Letter::ALL
        .into_iter()
        .filter(|l| letters.has(*l))
        .map(|l| format!("{} ({})", l.char(), l.meaning(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Moves the keyboard focus to the cell at (`row`, `col`).
pub fn focus_cell(row: usize, col: usize) {
    browser::focus(&format!("[data-cell=\"{row}-{col}\"]"));
}

/// The row of activity `id` in the matrix (0 when it is gone).
pub fn row_index(m: Memo<Matrix>, id: StoredValue<String>) -> usize {
    m.with(|m| {
        id.with_value(|id| m.rows.iter().position(|r| &r.id == id))
            .unwrap_or(0)
    })
}

/// The label of activity `id` in `l`.
pub fn row_label(m: Memo<Matrix>, id: StoredValue<String>, l: Lang) -> String {
    m.with(|m| {
        id.with_value(|id| {
            m.row(id)
                .map(|r| r.label(l).to_string())
                .unwrap_or_default()
        })
    })
}
