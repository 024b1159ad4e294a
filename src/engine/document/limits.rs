//! The bounds of a quote document: every amount, quantity, percentage,
//! date, count and text a quote may hold, in one place, and
//! [`Quote::check`](crate::engine::document::quote::Quote::check) that
//! reports each value out of bounds where it lies (never clamped).
//!
//! Every way in (an imported file, a share link, the browser's storage, the
//! command line) reads a quote with `Quote::from_json*`, which checks these
//! bounds; the screens use the same constants for their fields.
//!
//! # Why these bounds
//!
//! The engine computes with `rust_decimal::Decimal`: 96 bits of mantissa,
//! about 7.9e28, shared between the integer part and the decimals. The
//! bounds are chosen so that no amount the engine forms can come near it,
//! keeping cents exact (§7: a line is rounded to the cent, totals are sums
//! of rounded lines, so a sum must never lose its last decimals):
//!
//! - one line in one month: price ≤ [`MAX_AMOUNT`] (1e8 €) × quantity ≤
//!   [`MAX_QUANTITY`] (1e6) = 1e14 €, computed with at most 6 + 6 input
//!   decimals: 1e14 × 1e12 = 1e26 < 7.9e28, exact before it is rounded;
//! - one line over the contract: × [`MAX_COMMITMENT_MONTHS`] (120) =
//!   1.2e16 €; the pro rata of a month (× days / days in month) stays below
//!   31 times that;
//! - the whole quote: × ([`MAX_LINES`] + [`MAX_SPECIFIC`] + the support,
//!   tickets, tokens and minimum, each bounded the same way) ≈ 1.2e16 ×
//!   11,100 < 2e20 €, that is 2e22 cents: six orders of magnitude below the
//!   Decimal's limit, which leaves room for the price revision's factors
//!   (indices compounded over at most ten years) and for MRG shares.
//!
//! Percentages that are shares (milestones, MRG rate, revision cap, discount)
//! are 0 to 100; decimals typed by a person keep at most
//! [`MAX_DECIMALS`] places, as `money::MAX_INPUT_SCALE`. Counts (lines,
//! lots, scenarios, RACI activities, credit records…) bound the work one
//! quote can ask of the engine and of the screens, and include what the
//! screens allow (scenarios, RACI activities). Dates lie in
//! [`FIRST_DATE`]..=[`LAST_DATE`].
//!
//! Kernel-only: this module uses `money`, `lang` and the document's own types.

use std::collections::HashSet;
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::lang::Lang;
use crate::engine::money::MAX_INPUT_SCALE;

/// The largest amount in euros a quote or price book holds (a unit price, a
/// specific line, a fee, the MRG global revenue, a scope change's variation).
pub const MAX_AMOUNT: i64 = 100_000_000;
/// The largest quantity of a line (and of tickets or tokens a month).
pub const MAX_QUANTITY: i64 = 1_000_000;
/// The most decimals of a typed decimal (quantities, prices, percentages).
pub const MAX_DECIMALS: u32 = MAX_INPUT_SCALE;

/// §9.1: the service is subscribed for at least one year.
pub const MIN_COMMITMENT_MONTHS: u32 = 12;
/// Beyond ten years a commitment is treated as a typing mistake.
pub const MAX_COMMITMENT_MONTHS: u32 = 120;

/// The most catalogue lines of a quote.
pub const MAX_LINES: usize = 10_000;
/// The most specific (off-catalogue) lines (§11).
pub const MAX_SPECIFIC: usize = 1_000;
/// The most build lots (milestones, §9.8.1).
pub const MAX_LOTS: usize = 100;
/// The most planned support changes (§5.3).
pub const MAX_SUPPORT_CHANGES: usize = 1_000;
/// The most planned token changes and token packs (§5.5, §6).
pub const MAX_TOKEN_CHANGES: usize = 1_000;
pub const MAX_TOKEN_PACKS: usize = 100;
/// How often a planned change may occur in a year (about three a day).
pub const MAX_PER_YEAR: u32 = 1_000;
/// A fixed capacity (004) of at most this many hours a month.
pub const MAX_CAPACITY_HOURS: u32 = 10_000;
/// SPEC §1: between two and four scenarios are compared.
pub const MIN_SCENARIOS: usize = 2;
pub const MAX_SCENARIOS: usize = 4;
/// §10: the most custom activities a quote may add to the RACI.
pub const MAX_CUSTOM_ACTIVITIES: usize = 50;
/// The most edited RACI cells.
pub const MAX_RACI_OVERRIDES: usize = 10_000;
/// §9.4: the most MRG scope changes, and of yearly billed overrides (one
/// per run year of the longest contract, and a shorter last one).
pub const MAX_SCOPE_CHANGES: usize = 1_000;
pub const MAX_BILLED_OVERRIDES: usize = (MAX_COMMITMENT_MONTHS / 12 + 1) as usize;
/// §9.3: the yearly coefficient is rounded to at most this many decimals.
pub const MAX_COEFFICIENT_DECIMALS: u32 = 10;
/// §8.5: the most records of each kind in a simulated month (functions,
/// incidents, changes), and of the lines marked non-production.
pub const MAX_CREDIT_RECORDS: usize = 1_000;
/// Quantity changes of one line: one a month over the longest contract.
pub const MAX_QUANTITY_CHANGES: usize = MAX_COMMITMENT_MONTHS as usize;
/// Minutes in the longest month: a month's interruptions fit in it.
pub const MAX_MONTH_MINUTES: i64 = 31 * 24 * 60;
/// Hours of one incident or change (a year and a bit).
pub const MAX_HOURS: i64 = 10_000;
/// The most catalogue tokens of one change (§6).
pub const MAX_CHANGE_TOKENS: u32 = 1_000;
/// Included tickets a month (§9.5).
pub const MAX_INCLUDED_TICKETS: u32 = 1_000_000;
/// The longest text (client, project, labels) and code (item, pack, region).
pub const MAX_TEXT_CHARS: usize = 1_000;
pub const MAX_CODE_CHARS: usize = 100;

/// The earliest and latest dates a quote may name.
pub const FIRST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
pub const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Where in the quote a value out of bounds lies, in the words of the file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// A field of the quote itself (`commitment_months`, `mrg`…).
    Quote,
    Line(u32),
    Lot(u32),
    SupportChange(u32),
    Specific(u32),
    TokenChange(u32),
    ScopeChange(u32),
    /// The billed amount of a run year, from 1.
    RunYear(usize),
    Scenario(u32),
    CustomActivity(String),
    CreditFunction(u32),
    Incident(u32),
    CreditChange(u32),
}

impl Place {
    fn name(&self, lang: Lang) -> String {
        let (what, id) = match self {
            Place::Quote => return lang.pick("Devis", "Quote").to_owned(),
            Place::Line(id) => (lang.pick("ligne", "line"), id.to_string()),
            Place::Lot(id) => (lang.pick("lot de build", "build lot"), id.to_string()),
            Place::SupportChange(id) => (
                lang.pick("changement de support", "support change"),
                id.to_string(),
            ),
            Place::Specific(id) => (
                lang.pick("ligne spécifique", "specific line"),
                id.to_string(),
            ),
            Place::TokenChange(id) => (
                lang.pick("changement planifié", "planned change"),
                id.to_string(),
            ),
            Place::ScopeChange(id) => (
                lang.pick("changement de périmètre", "scope change"),
                id.to_string(),
            ),
            Place::RunYear(n) => (lang.pick("année de run", "run year"), n.to_string()),
            Place::Scenario(id) => (lang.pick("scénario", "scenario"), id.to_string()),
            Place::CustomActivity(id) => (lang.pick("activité RACI", "RACI activity"), id.clone()),
            Place::CreditFunction(id) => (
                lang.pick("fonction managée simulée", "simulated managed function"),
                id.to_string(),
            ),
            Place::Incident(id) => (
                lang.pick("incident simulé", "simulated incident"),
                id.to_string(),
            ),
            Place::CreditChange(id) => (
                lang.pick("changement simulé", "simulated change"),
                id.to_string(),
            ),
        };
        // Every label above starts with an ASCII letter.
        let mut name = format!("{what} {id}");
        if let Some(first) = name.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        name
    }
}

/// What is wrong with the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A number outside `min..=max`.
    OutOfRange {
        found: Decimal,
        min: Decimal,
        max: Decimal,
    },
    /// More decimals than [`MAX_DECIMALS`].
    TooPrecise { max: u32 },
    /// A list longer than allowed.
    TooMany { found: usize, max: usize },
    /// A list shorter than allowed (when not empty).
    TooFew { found: usize, min: usize },
    /// A text longer than allowed, in characters.
    TooLong { found: usize, max: usize },
    /// A date outside [`FIRST_DATE`]..=[`LAST_DATE`].
    DateOutOfRange { found: NaiveDate },
    /// Two items of the list share this id.
    DuplicateId { id: String },
}

/// A value of the quote out of bounds: where, which field, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitError {
    pub place: Place,
    /// The field, as named in the quote file (`quantity`, `percent`…).
    pub field: &'static str,
    pub problem: Problem,
}

fn number(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = rest.split_once('.').unwrap_or((rest, ""));
    // Thousands grouped as each language writes them.
    let (group, point) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{fraction}")
    }
}

/// The field of the file format in words (the file's own name as a last
/// resort).
fn field_label(field: &str, lang: Lang) -> String {
    let (fr, en) = match field {
        "quantity" => ("quantité", "quantity"),
        "percent" => ("pourcentage", "percentage"),
        "amount" => ("montant", "amount"),
        "label" => ("libellé", "label"),
        "date" => ("date", "date"),
        "id" => ("identifiant", "id"),
        "item" => ("article", "item"),
        "client" => ("client", "client"),
        "project" => ("projet", "project"),
        "region" => ("région", "region"),
        "lines" => ("lignes", "lines"),
        "lots" => ("lots", "lots"),
        "specific" => ("lignes spécifiques", "specific lines"),
        "start_date" => ("date de début", "start date"),
        "ordered_on" => ("date de commande", "order date"),
        "end_of_build" => ("fin du build", "end of build"),
        "commitment_months" => ("durée d'engagement (mois)", "commitment (months)"),
        "environments" => ("environnements", "environments"),
        "support_changes" => ("changements de support", "support changes"),
        "comparison" => ("scénarios comparés", "compared scenarios"),
        "variation" => ("variation", "variation"),
        "per_year" => ("nombre par an", "number a year"),
        "pass_through_percent" => ("répercussion (%)", "pass-through (%)"),
        "mrg.rate_percent" => ("taux du MRG (%)", "MRG rate (%)"),
        "mrg.global_revenue" => ("chiffre d'affaires global du MRG", "MRG global revenue"),
        "mrg.billed_override" => ("montant facturé saisi", "billed amount entered"),
        "mrg.scope_changes" => ("variations de périmètre", "scope changes"),
        "revision.cap_percent" => ("plafond de révision (%)", "revision cap (%)"),
        "revision.coefficient_decimals" => ("décimales du coefficient", "coefficient decimals"),
        "raci.custom" => ("activités RACI ajoutées", "added RACI activities"),
        "raci.overrides" => ("cases RACI modifiées", "edited RACI cells"),
        "raci.third_party_name" => ("nom du tiers", "third party's name"),
        "tickets.forecast_per_month" => ("tickets prévus par mois", "tickets forecast a month"),
        "tickets.included_per_month" => ("tickets inclus par mois", "tickets included a month"),
        "tokens.packs" => ("packs de jetons", "token packs"),
        "tokens.changes" => ("changements planifiés", "planned changes"),
        "tokens.extra_per_month" => ("jetons supplémentaires par mois", "extra tokens a month"),
        "ends_on" => ("date de fin de la ligne", "line's end date"),
        "quantity_changes" => ("changements de quantité", "quantity changes"),
        "quantity_changes.quantity" => ("quantité modifiée", "changed quantity"),
        "quantity_changes.date" => ("date du changement de quantité", "quantity change date"),
        "uncertainty.down_percent" => ("baisse possible par an (%)", "possible fall a year (%)"),
        "uncertainty.up_percent" => ("hausse possible par an (%)", "possible rise a year (%)"),
        "uncertainty.end_percent" => (
            "probabilité d'arrêt par an (%)",
            "chance of ending a year (%)",
        ),
        "contract_life.reversibility_months" => ("réversibilité (mois)", "reversibility (months)"),
        "contract_life.terminates_on" => ("date de résiliation", "termination date"),
        "contract_life.risk.draws" => ("nombre de tirages", "number of draws"),
        "sla_simulation.claimed_on" => ("date de réclamation SLA", "SLA claim date"),
        _ => return field.to_string(),
    };
    lang.pick(fr, en).to_string()
}

impl LimitError {
    /// A sentence for people: where, which field, what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        let place = self.place.name(lang);
        let field = field_label(self.field, lang);
        let n = |v: Decimal| number(v, lang);
        match (&self.problem, lang) {
            (Problem::OutOfRange { found, min, max }, Lang::Fr) => format!(
                "{place}, {field} : {} est hors limites (de {} à {}).",
                n(*found),
                n(*min),
                n(*max)
            ),
            (Problem::OutOfRange { found, min, max }, Lang::En) => format!(
                "{place}, {field}: {} is out of range ({} to {}).",
                n(*found),
                n(*min),
                n(*max)
            ),
            (Problem::TooPrecise { max }, Lang::Fr) => {
                format!("{place}, {field} : au plus {max} décimales.")
            }
            (Problem::TooPrecise { max }, Lang::En) => {
                format!("{place}, {field}: at most {max} decimal places.")
            }
            (Problem::TooMany { found, max }, Lang::Fr) => {
                format!("{place}, {field} : {found} éléments, au plus {max}.")
            }
            (Problem::TooMany { found, max }, Lang::En) => {
                format!("{place}, {field}: {found} items, at most {max}.")
            }
            (Problem::TooFew { found, min }, Lang::Fr) => {
                format!("{place}, {field} : {found} élément(s), au moins {min}.")
            }
            (Problem::TooFew { found, min }, Lang::En) => {
                format!("{place}, {field}: {found} item(s), at least {min}.")
            }
            (Problem::TooLong { found, max }, Lang::Fr) => {
                format!("{place}, {field} : {found} caractères, au plus {max}.")
            }
            (Problem::TooLong { found, max }, Lang::En) => {
                format!("{place}, {field}: {found} characters, at most {max}.")
            }
            (Problem::DateOutOfRange { found }, Lang::Fr) => format!(
                "{place}, {field} : la date {found} est hors limites ({FIRST_DATE} à {LAST_DATE})."
            ),
            (Problem::DateOutOfRange { found }, Lang::En) => format!(
                "{place}, {field}: the date {found} is out of range ({FIRST_DATE} to {LAST_DATE})."
            ),
            (Problem::DuplicateId { id }, Lang::Fr) => {
                format!("{place}, {field} : l'identifiant {id} est utilisé deux fois.")
            }
            (Problem::DuplicateId { id }, Lang::En) => {
                format!("{place}, {field}: the id {id} is used twice.")
            }
        }
    }
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LimitError {}

/// All the messages of a check, one per line.
pub fn messages(errors: &[LimitError], lang: Lang) -> String {
    errors
        .iter()
        .map(|e| e.message(lang))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Collects the errors of one document check.
#[derive(Debug, Default)]
pub struct Checker {
    pub errors: Vec<LimitError>,
}

/// At most this many errors are reported (a file of 20,000 duplicate lines
/// would otherwise make 20,000 sentences): the first ones, in file order.
pub const MAX_REPORTED: usize = 100;

impl Checker {
    fn push(&mut self, place: &Place, field: &'static str, problem: Problem) {
        if self.errors.len() >= MAX_REPORTED {
            return;
        }
        self.errors.push(LimitError {
            place: place.clone(),
            field,
            problem,
        });
    }

    /// A decimal in `min..=max`, with at most [`MAX_DECIMALS`] places.
    pub fn decimal(
        &mut self,
        place: &Place,
        field: &'static str,
        v: Decimal,
        min: Decimal,
        max: Decimal,
    ) {
        if v < min || v > max {
            self.push(place, field, Problem::OutOfRange { found: v, min, max });
        } else if v.normalize().scale() > MAX_DECIMALS {
            self.push(place, field, Problem::TooPrecise { max: MAX_DECIMALS });
        }
    }

    /// A share in % (0 to 100).
    pub fn percent(&mut self, place: &Place, field: &'static str, v: Decimal) {
        self.decimal(place, field, v, Decimal::ZERO, Decimal::ONE_HUNDRED);
    }

    /// A non-negative amount up to [`MAX_AMOUNT`].
    pub fn amount(&mut self, place: &Place, field: &'static str, v: Decimal) {
        self.decimal(place, field, v, Decimal::ZERO, Decimal::from(MAX_AMOUNT));
    }

    /// A quantity up to [`MAX_QUANTITY`].
    pub fn quantity(&mut self, place: &Place, field: &'static str, v: Decimal) {
        self.decimal(place, field, v, Decimal::ZERO, Decimal::from(MAX_QUANTITY));
    }

    /// A whole number in `min..=max`.
    pub fn whole(&mut self, place: &Place, field: &'static str, v: u32, min: u32, max: u32) {
        if v < min || v > max {
            self.push(
                place,
                field,
                Problem::OutOfRange {
                    found: v.into(),
                    min: min.into(),
                    max: max.into(),
                },
            );
        }
    }

    /// At most `max` items.
    pub fn count(&mut self, place: &Place, field: &'static str, found: usize, max: usize) {
        if found > max {
            self.push(place, field, Problem::TooMany { found, max });
        }
    }

    /// At least `min` items.
    pub fn too_few(&mut self, place: &Place, field: &'static str, found: usize, min: usize) {
        self.push(place, field, Problem::TooFew { found, min });
    }

    pub fn text(&mut self, place: &Place, field: &'static str, text: &str, max: usize) {
        // Bytes bound characters from above: count only when it may matter.
        if text.len() > max {
            let found = text.chars().count();
            if found > max {
                self.push(place, field, Problem::TooLong { found, max });
            }
        }
    }

    pub fn date(&mut self, place: &Place, field: &'static str, date: NaiveDate) {
        if !(FIRST_DATE..=LAST_DATE).contains(&date) {
            self.push(place, field, Problem::DateOutOfRange { found: date });
        }
    }

    /// Each id once in a list (in linear time, whatever the list's length).
    pub fn unique<T, K: Eq + std::hash::Hash + fmt::Display>(
        &mut self,
        items: &[T],
        field: &'static str,
        key: impl Fn(&T) -> K,
        place: impl Fn(&T) -> Place,
    ) {
        let mut seen = HashSet::with_capacity(items.len());
        for item in items {
            let k = key(item);
            let id = k.to_string();
            if !seen.insert(k) {
                self.push(&place(item), field, Problem::DuplicateId { id });
            }
        }
    }

    pub fn finish(self) -> Result<(), Vec<LimitError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

/// The bounds as the number `n` of a constant, for [`Checker::decimal`].
pub fn dec(n: i64) -> Decimal {
    Decimal::from(n)
}
