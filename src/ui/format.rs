//! Small display helpers shared by the views.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::engine::document::pricebook::Text;
use crate::engine::document::quote::LineId;
use crate::engine::lang::Lang;
use crate::engine::pricing::{Issue, Location, PricedQuote, Severity};
use crate::engine::service_levels::Commitment;
use crate::engine::service_levels::FunctionGuarantees;
use crate::ui::i18n::{quote_issue, FieldError};

/// The text of a bilingual label in the user's language.
pub fn text(t: &Text, lang: Lang) -> String {
    match lang {
        Lang::Fr => t.fr.clone(),
        Lang::En => t.en.clone(),
    }
}

/// `31/12/2027` in French, `2027-12-31` in English.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// `janv. 2027` / `Jan 2027`.
pub fn month(d: NaiveDate, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    match lang {
        Lang::Fr => {
            let i = d.format("%m").to_string().parse::<usize>().unwrap_or(1);
            format!("{} {}", FR[(i + 11) % 12], d.format("%Y"))
        }
        Lang::En => d.format("%b %Y").to_string(),
    }
}

/// Reads the value of an `<input type="date">`.
pub fn parse_date(value: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| FieldError::Date)
}

/// The messages of every issue at `location`, joined.
pub fn issues_at(priced: &Option<PricedQuote>, location: Location, lang: Lang) -> String {
    priced
        .as_ref()
        .map(|p| {
            p.issues_at(location)
                .map(|i| quote_issue(i, lang))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// A decimal as the user reads it: `99,5` in French, `99.5` in English.
pub fn decimal(d: rust_decimal::Decimal, lang: Lang) -> String {
    let s = d.normalize().to_string();
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A count as the user reads it: `1 000` in French, `1,000` in English.
pub fn count(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    grouped
}

/// A service-level commitment as the user reads it, or "no SLA".
pub fn commitment(c: Option<Commitment>, lang: Lang) -> String {
    c.map(|c| c.describe(lang))
        .unwrap_or_else(|| lang.pick("Pas de SLA", "No SLA").into())
}

/// `#3 OS-MGD` for each line.
pub fn line_refs(priced: &PricedQuote, lines: &[LineId]) -> String {
    lines
        .iter()
        .map(|id| {
            let item = priced
                .lines
                .iter()
                .find(|l| l.id == *id)
                .map(|l| l.item.as_str());
            format!("#{} {}", id.0, item.unwrap_or(""))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sentences under the functions: units in none, units not managed.
pub fn function_notes(g: &FunctionGuarantees, priced: &PricedQuote, l: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if !g.outside_functions.is_empty() {
        notes.push(format!(
            "{} {}",
            l.pick(
                "Hors fonction managée, sans GTD (sécurité, supervision applicative) :",
                "In no managed function, no GTD (security devices, business-application supervision):",
            ),
            line_refs(priced, &g.outside_functions)
        ));
    }
    if !g.not_managed.is_empty() {
        notes.push(format!(
            "{} {}",
            l.pick(
                "No Build, non reprises : « la ressource n'est pas managée » (§4.1), aucun engagement de service (ni GTD, ni GTR) :",
                "No Build, not onboarded: “the resource is not managed” (§4.1), no service-level guarantee (neither GTD nor GTR):",
            ),
            line_refs(priced, &g.not_managed)
        ));
    }
    notes
}

/// One entry per severity and message, in the order of their first
/// occurrence: the message, prefixed with how many places share it, and
/// that number.
pub fn grouped_issues(issues: &[&Issue], l: Lang) -> Vec<(Severity, String, usize)> {
    let mut groups: Vec<(Severity, String, usize, bool)> = Vec::new();
    let mut index: HashMap<(bool, String), usize> = HashMap::new();
    for i in issues {
        let msg = quote_issue(&i.issue, l);
        let line = matches!(i.location, Location::Line(_));
        match index.entry((i.severity == Severity::Error, msg)) {
            Entry::Occupied(e) => {
                let g = &mut groups[*e.get()];
                g.2 += 1;
                g.3 &= line;
            }
            Entry::Vacant(e) => {
                groups.push((i.severity, e.key().1.clone(), 1, line));
                e.insert(groups.len() - 1);
            }
        }
    }
    groups
        .into_iter()
        .map(|(sev, msg, n, lines)| match (n, lines) {
            (1, _) => (sev, msg, n),
            (_, true) => (
                sev,
                format!("{} {} {msg}", count(n, l), l.pick("lignes :", "lines:")),
                n,
            ),
            (_, false) => (sev, format!("{} × {msg}", count(n, l)), n),
        })
        .collect()
}
