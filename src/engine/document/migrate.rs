//! Older versions of the quote format, read into the current one.
//!
//! - Version 1 had no dates, build, support timeline, tickets or tokens: the
//!   new fields take their defaults and the signature date is
//!   [`V1_START_DATE`] (the reader cannot know it; the UI shows it for
//!   correction).
//! - Version 2 simulated service-level credits per quote line; version 3
//!   per managed function (§10 "Fonction Managée", §8.5.2). Each version-2
//!   entry goes to its line's function (the group of the line's item in
//!   the price books, or `application:<line>` for a managed application).
//!   Entries of one function merge into the first one's id: interruption
//!   minutes are summed and capped at the month's minutes (a group is
//!   interrupted while any of its units is, and the lines' outages are
//!   taken as disjoint), IaaS-down and client-caused minutes are summed
//!   then capped so that together they never exceed the interruption. An
//!   entry whose line is gone, whose item no book knows, or whose line is
//!   in no managed function (security, supervision) is dropped: version 3
//!   has no function to put it in.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;

use super::credit_month::FunctionMonth;
use super::line::LineId;
use super::managed_function::ManagedFunction;
use super::pricebook::PriceBook;
use crate::engine::timeline::{days_in_month, first_of_month};

/// The signature date given to version-1 quotes, which had none.
pub const V1_START_DATE: &str = "2027-01-01";

/// Why an old file could not be read: the reader reports it as malformed.
pub(super) type Malformed = String;

fn malformed(e: impl ToString) -> Malformed {
    e.to_string()
}

/// Version 1 → version `to`.
pub(super) fn from_v1(mut value: Value, to: u32) -> Result<Value, Malformed> {
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), to.into());
        obj.entry("start_date")
            .or_insert_with(|| V1_START_DATE.into());
    }
    Ok(value)
}

/// A version-2 interruption entry: per line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V2Function {
    id: u32,
    line: LineId,
    #[serde(with = "rust_decimal::serde::str")]
    interruption_minutes: Decimal,
    #[serde(default, with = "rust_decimal::serde::str")]
    iaas_down_minutes: Decimal,
    #[serde(default, with = "rust_decimal::serde::str")]
    client_caused_minutes: Decimal,
}

#[derive(Deserialize)]
struct V2Line {
    id: LineId,
    item: String,
}

/// Version 2 → version `to` (3), placing each line's interruptions in its
/// managed function with the items of `books` (loaded only when the file
/// simulates interruptions).
pub(super) fn from_v2(
    mut value: Value,
    to: u32,
    books: impl FnOnce() -> Vec<PriceBook>,
) -> Result<Value, Malformed> {
    let lines: Vec<V2Line> = match value.get("lines") {
        Some(lines) => serde_json::from_value(lines.clone()).map_err(malformed)?,
        None => Vec::new(),
    };
    let Some(obj) = value.as_object_mut() else {
        return Ok(value);
    };
    obj.insert("schema_version".into(), to.into());
    let Some(simulation) = obj.get_mut("sla_simulation").and_then(Value::as_object_mut) else {
        return Ok(value);
    };
    let entries: Vec<V2Function> = match simulation.get("functions") {
        Some(f) => serde_json::from_value(f.clone()).map_err(malformed)?,
        None => return Ok(value),
    };
    let month: NaiveDate = match simulation.get("month") {
        Some(m) => serde_json::from_value(m.clone()).map_err(malformed)?,
        None => return Err(malformed("the simulated month is missing")),
    };
    // §8.5.2: the calendar month, 1 440 minutes a day (monitoring 24/7).
    let month_minutes = Decimal::from(days_in_month(first_of_month(month)) * 1_440);
    let books = if entries.is_empty() {
        Vec::new()
    } else {
        books()
    };
    let group_of = |code: &str| {
        books
            .iter()
            .find_map(|b| b.item(code))
            .and_then(|item| item.function_group())
    };
    let mut merged: Vec<FunctionMonth> = Vec::new();
    let mut place: BTreeMap<ManagedFunction, usize> = BTreeMap::new();
    for e in entries {
        let Some(line) = lines.iter().find(|l| l.id == e.line) else {
            continue;
        };
        let Some(group) = group_of(&line.item) else {
            continue;
        };
        let function = ManagedFunction::of(group, e.line);
        match place.get(&function) {
            Some(&i) => {
                let m = &mut merged[i];
                let add = |a: Decimal, b: Decimal| {
                    a.checked_add(b)
                        .ok_or_else(|| malformed("interruption minutes too large"))
                };
                m.interruption_minutes = add(m.interruption_minutes, e.interruption_minutes)?;
                m.iaas_down_minutes = add(m.iaas_down_minutes, e.iaas_down_minutes)?;
                m.client_caused_minutes = add(m.client_caused_minutes, e.client_caused_minutes)?;
            }
            None => {
                place.insert(function, merged.len());
                merged.push(FunctionMonth {
                    id: e.id,
                    function,
                    interruption_minutes: e.interruption_minutes,
                    iaas_down_minutes: e.iaas_down_minutes,
                    client_caused_minutes: e.client_caused_minutes,
                });
            }
        }
    }
    for m in &mut merged {
        m.interruption_minutes = m.interruption_minutes.min(month_minutes);
        m.iaas_down_minutes = m.iaas_down_minutes.min(m.interruption_minutes);
        // Negative minutes are kept for the simulator to report on their
        // entry; the difference is checked, as any value may be typed.
        let left = m
            .interruption_minutes
            .checked_sub(m.iaas_down_minutes)
            .ok_or_else(|| malformed("interruption minutes too large"))?;
        m.client_caused_minutes = m.client_caused_minutes.min(left);
    }
    let functions = serde_json::to_value(&merged).map_err(malformed)?;
    simulation.insert("functions".into(), functions);
    Ok(value)
}
