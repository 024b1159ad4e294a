//! What the simulator's parts share: the report, the entries of the
//! simulated month and how they are edited, texts of outcomes.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::document::credit_month::{
    ChangeRecord, CreditMonth, FunctionMonth, IncidentRecord,
};
use crate::engine::document::quote::{LineId, Quote};
use crate::engine::lang::Lang;
use crate::engine::money::Quantity;
use crate::engine::pricing::{Category, PricedQuote};
use crate::engine::service_levels::{
    managed_functions, CreditReport, Exemption, QuoteFunction, SlaError, SlaLocation,
};
use crate::engine::timeline::first_of_month;
use crate::ui::format::text;
use crate::ui::i18n::FieldError;

pub type Report = Option<Result<CreditReport, SlaError>>;

/// The three lists of entries of a simulated month, edited the same way.
pub trait Entry: Clone + 'static {
    fn id(&self) -> u32;
    fn list(month: &CreditMonth) -> &Vec<Self>;
    fn list_mut(month: &mut CreditMonth) -> &mut Vec<Self>;
}

/// `Entry` for a record type kept in the `CreditMonth` field `$list`.
macro_rules! entry {
    ($t:ty, $list:ident) => {
        impl Entry for $t {
            fn id(&self) -> u32 {
                self.id
            }
            fn list(month: &CreditMonth) -> &Vec<Self> {
                &month.$list
            }
            fn list_mut(month: &mut CreditMonth) -> &mut Vec<Self> {
                &mut month.$list
            }
        }
    };
}

entry!(FunctionMonth, functions);
entry!(IncidentRecord, incidents);
entry!(ChangeRecord, changes);

/// The ids of the entries, tracked (for `<For>`).
pub fn ids<T: Entry>(quote: RwSignal<Quote>) -> Vec<u32> {
    quote.with(|q| {
        q.sla_simulation
            .as_ref()
            .map(|s| T::list(s).iter().map(T::id).collect())
            .unwrap_or_default()
    })
}

/// An entry as it is now, untracked (a row's initial values).
pub fn entry<T: Entry>(quote: RwSignal<Quote>, id: u32) -> Option<T> {
    quote.with_untracked(|q| {
        q.sla_simulation
            .as_ref()
            .and_then(|s| T::list(s).iter().find(|x| x.id() == id).cloned())
    })
}

pub fn update<T: Entry>(quote: RwSignal<Quote>, id: u32, f: impl FnOnce(&mut T)) {
    quote.update(|q| {
        if let Some(x) = q
            .sla_simulation
            .as_mut()
            .and_then(|s| T::list_mut(s).iter_mut().find(|x| x.id() == id))
        {
            f(x);
        }
    });
}

pub fn remove<T: Entry>(quote: RwSignal<Quote>, id: u32) {
    quote.update(|q| {
        if let Some(s) = q.sla_simulation.as_mut() {
            T::list_mut(s).retain(|x| x.id() != id);
        }
    });
}

pub fn non_negative(t: &str, lang: Lang) -> Result<Decimal, FieldError> {
    Quantity::parse(t, lang)
        .map(|q| q.as_decimal())
        .map_err(FieldError::Number)
}

/// The month a new simulation starts on: the first month of the run.
pub fn default_month(priced: &Option<PricedQuote>, quote: &Quote) -> NaiveDate {
    priced
        .as_ref()
        .map(|p| first_of_month(p.run_start))
        .unwrap_or_else(|| first_of_month(quote.start_date))
}

/// Edits the quote's simulation, starting one if there is none.
pub fn edit(
    quote: RwSignal<Quote>,
    priced: Memo<Option<PricedQuote>>,
    f: impl FnOnce(&mut CreditMonth),
) {
    let month = priced.with_untracked(|p| quote.with_untracked(|q| default_month(p, q)));
    quote.update(|q| {
        f(q.sla_simulation
            .get_or_insert_with(|| CreditMonth::new(month)))
    });
}

pub fn exemption_text(e: Option<Exemption>, lang: Lang) -> String {
    e.map(|e| format!("{} ({})", e.text(lang), e.clause()))
        .unwrap_or_default()
}

pub fn location_text(location: SlaLocation, lang: Lang) -> String {
    match location {
        SlaLocation::Month => lang.pick("Mois", "Month").into(),
        SlaLocation::Function(id) => format!("{} {id}", lang.pick("Interruption", "Outage")),
        SlaLocation::Incident(id) => format!("{} {id}", lang.pick("Incident", "Incident")),
        SlaLocation::Change(id) => format!("{} {id}", lang.pick("Changement", "Change")),
    }
}

/// The monthly service units of the quote, with their managed function
/// (§10), for the incidents' select.
pub fn units(priced: &Option<PricedQuote>, lang: Lang) -> Vec<(LineId, String)> {
    priced
        .as_ref()
        .map(|p| {
            p.lines
                .iter()
                .filter(|l| l.category == Category::Run)
                .map(|l| {
                    let function = l
                        .function
                        .map(|f| format!(" ({})", f.label(lang)))
                        .unwrap_or_default();
                    (
                        l.id,
                        format!("#{} {} — {}{function}", l.id.0, l.item, text(&l.name, lang)),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

pub fn row_error(report: Memo<Report>, at: SlaLocation, lang: Lang) -> Option<String> {
    report.with(|r| match r {
        Some(Err(e)) if e.location() == at => Some(e.message(lang)),
        _ => None,
    })
}

/// The month simulated, or the one a new simulation would start on.
pub fn simulated_month(quote: RwSignal<Quote>, priced: Memo<Option<PricedQuote>>) -> NaiveDate {
    quote.with(|q| {
        q.sla_simulation
            .as_ref()
            .map(|s| first_of_month(s.month))
            .unwrap_or_else(|| priced.with(|p| default_month(p, q)))
    })
}

/// §10: the managed functions of the quote in the simulated month, their
/// units and GTD base (tracked).
pub fn quote_functions(
    quote: RwSignal<Quote>,
    priced: Memo<Option<PricedQuote>>,
) -> Vec<QuoteFunction> {
    let month = simulated_month(quote, priced);
    let input = quote
        .with(|q| q.sla_simulation.clone())
        .unwrap_or_else(|| CreditMonth::new(month));
    priced.with(|p| {
        p.as_ref()
            .and_then(|p| managed_functions(p, &input).ok())
            .unwrap_or_default()
    })
}

/// A function as the selects name it: its name and its unit lines.
pub fn function_label(f: &QuoteFunction, lang: Lang) -> String {
    let units: Vec<String> = f.units.iter().map(|u| format!("#{}", u.line.0)).collect();
    format!("{} ({})", f.function.label(lang), units.join(", "))
}
