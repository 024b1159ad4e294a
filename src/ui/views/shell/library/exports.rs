//! The files the library bar offers: the quote (JSON), its priced lines
//! and schedule (CSV), the price book (JSON).

use leptos::prelude::*;

use crate::engine::files::csv::{lines_csv, schedule_csv, CsvOptions};
use crate::ui::browser;
use crate::ui::session::library::file_stem;
use crate::ui::session::Session;
use crate::ui::state::AppState;

/// Offers the quote as a JSON file.
pub fn export_quote_json(state: AppState, session: Session) {
    let l = state.lang.get_untracked();
    let json = state.quote.with_untracked(|q| q.to_json());
    if let Err(e) = browser::download(
        &format!("{}.json", file_stem(session, l)),
        "application/json",
        &json,
    ) {
        session.notify(true, e.message(l));
    }
}

/// Offers the priced lines (or, with `schedule`, the invoice schedule) as
/// CSV, with a decimal comma for French spreadsheets when asked.
pub fn export_csv(state: AppState, session: Session, decimal_comma: bool, schedule: bool) {
    let l = state.lang.get_untracked();
    let options = CsvOptions {
        decimal_comma,
        lang: l,
    };
    let csv = state.priced.with_untracked(|p| {
        p.as_ref().map(|p| {
            if schedule {
                schedule_csv(p, options)
            } else {
                lines_csv(p, options)
            }
        })
    });
    let Some(csv) = csv else {
        session.notify(
            true,
            l.pick(
                "Le devis ne peut pas être chiffré : rien à exporter.",
                "The quote cannot be priced: nothing to export.",
            )
            .into(),
        );
        return;
    };
    let suffix = if schedule {
        l.pick("echeancier", "schedule")
    } else {
        l.pick("lignes", "lines")
    };
    if let Err(e) = browser::download(
        &format!("{}-{suffix}.csv", file_stem(session, l)),
        "text/csv;charset=utf-8",
        &format!("\u{feff}{csv}"),
    ) {
        session.notify(true, e.message(l));
    }
}

/// Offers the price book in use as a JSON file.
pub fn export_book(state: AppState, session: Session) {
    let json = state
        .book
        .with(|b| serde_json::to_string_pretty(b).unwrap_or_default());
    let name = state.book.with(|b| format!("grille-{}.json", b.version));
    if let Err(e) = browser::download(&name, "application/json", &json) {
        session.notify(true, e.message(state.lang.get_untracked()));
    }
}
