//! The figures of the comparison as text: labels, keys for tests,
//! differences, the scenarios' titles.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::engine::scenarios::comparison::{Comparison, Figure};

pub fn figure_label(figure: Figure, lang: Lang) -> String {
    match figure {
        Figure::MonthlyRecurring => lang
            .pick(
                "Mensuel récurrent (mois plein)",
                "Monthly recurring (full month)",
            )
            .into(),
        Figure::OneTime => lang.pick("Frais uniques", "One-time charges").into(),
        Figure::Category { category } => category.label(lang).into(),
        Figure::Year { year } => format!("{} {year}", lang.pick("Année", "Year")),
        Figure::Total => lang
            .pick("Valeur totale du contrat", "Total contract value")
            .into(),
        Figure::ClientEffort => lang
            .pick(
                "Effort estimé du client sur le contrat (estimation, non facturé)",
                "Client's estimated effort over the contract (estimate, not invoiced)",
            )
            .into(),
        Figure::AllIn => lang
            .pick(
                "Prix du prestataire + effort du client",
                "Provider's price + client's effort",
            )
            .into(),
    }
}

/// `+1 234,00 €` / `−12,5 %` against the first scenario.
pub fn delta_text(delta: Money, base: Option<Money>, lang: Lang) -> String {
    let d = delta.as_decimal();
    let sign = if d.is_sign_positive() && !d.is_zero() {
        "+"
    } else {
        ""
    };
    let pct = base
        .map(|b| b.as_decimal())
        .filter(|b| !b.is_zero())
        .and_then(|b| {
            d.checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?
                .checked_div(b)
        })
        .map(|p| {
            let p = p.round_dp(1).normalize().to_string();
            let p = if lang == Lang::Fr {
                p.replace('.', ",")
            } else {
                p
            };
            format!(" ({sign}{p} %)")
        })
        .unwrap_or_default();
    format!("{sign}{}{pct}", delta.format(lang))
}

pub fn figure_key(figure: Figure) -> String {
    match figure {
        Figure::MonthlyRecurring => "monthly_recurring".into(),
        Figure::OneTime => "one_time".into(),
        Figure::Category { category } => category.key().into(),
        Figure::Year { year } => format!("year_{year}"),
        Figure::Total => "total".into(),
        Figure::ClientEffort => "client_effort".into(),
        Figure::AllIn => "all_in".into(),
    }
}

/// The scenarios' titles, in order.
pub fn scenario_titles(comparison: Memo<Comparison>, l: Lang) -> Vec<String> {
    comparison.with(|c| {
        c.outcomes
            .iter()
            .map(|o| o.scenario.title(l))
            .collect::<Vec<_>>()
    })
}
