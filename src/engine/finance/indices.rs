//! Price-revision index series (§8 of SPEC; §9.3 of the service description):
//! SYNTEC (monthly), INSEE construction cost index ICC (quarterly) and the
//! INSEE electricity index (monthly, entered by the user), with the source of
//! every value, publication dates, user corrections and projections.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::money::parse_decimal_any_separator;

/// §9.3.1: the old and revised SYNTEC series are linked by the coefficient
/// published with the August 2022 rebasing: revised = old x 0.97975.
pub const SYNTEC_LINK: Decimal = Decimal::from_parts(97975, 0, 0, false, 5);

/// The built-in SYNTEC history (../shared/data/syntec.csv), with sources.
pub const SYNTEC_CSV: &str = include_str!("syntec.csv");
/// The built-in ICC history (../shared/data/icc.csv), with sources.
pub const ICC_CSV: &str = include_str!("icc.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexKind {
    /// §9.3.1: monthly, published about a month after the month.
    Syntec,
    /// §9.3.2: INSEE construction cost index, quarterly, base 100 = Q4 1953.
    Icc,
    /// §9.3.2: INSEE index of medium-voltage electricity sold to businesses
    /// (> 36 kVA), monthly; no citable values are shipped.
    Electricity,
}

impl IndexKind {
    pub const ALL: [IndexKind; 3] = [IndexKind::Syntec, IndexKind::Icc, IndexKind::Electricity];

    /// Months from the start of a period to its first day after the period.
    pub fn period_months(self) -> u32 {
        match self {
            IndexKind::Icc => 3,
            _ => 1,
        }
    }

    /// Decimals the publisher uses (projections are rounded to them).
    pub fn precision(self) -> u32 {
        match self {
            IndexKind::Syntec => 1,
            IndexKind::Icc => 0,
            IndexKind::Electricity => 2,
        }
    }

    /// Default delay between the end of a period and its publication, in
    /// months, when no publication date is known (SYNTEC: end of the next
    /// month; ICC: about a quarter after the quarter).
    pub fn default_lag_months(self) -> u32 {
        match self {
            IndexKind::Syntec => 1,
            IndexKind::Icc => 3,
            IndexKind::Electricity => 1,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            IndexKind::Syntec => "syntec",
            IndexKind::Icc => "icc",
            IndexKind::Electricity => "electricity",
        }
    }
}

/// Where a value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Provenance {
    /// Shipped with the app, with the source that publishes it.
    Published { source: String },
    /// Entered or corrected by the user.
    User,
    /// Projected from an assumption: provisional.
    Projected,
}

/// One value of a series. `period` is the first day of its month or quarter.
/// For SYNTEC, `old_series` marks a value of the series before August 2022.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexValue {
    pub period: NaiveDate,
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    pub provenance: Provenance,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub old_series: bool,
    /// §9.3.1: the provisional value invoices were issued with before this
    /// one was published; the difference is regularised.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub billed_with: Option<Decimal>,
}

impl IndexValue {
    /// The value on the basis of the current series (§9.3.1: an old SYNTEC
    /// value is linked to the revised series with the published coefficient).
    pub fn linked_value(&self) -> Decimal {
        if self.old_series {
            self.value * SYNTEC_LINK
        } else {
            self.value
        }
    }

    pub fn is_provisional(&self) -> bool {
        self.provenance == Provenance::Projected
    }
}

/// An index series with the user's additions and a projection assumption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexSeries {
    pub kind: IndexKind,
    /// Sorted by period; at most one value per period and series basis.
    pub values: Vec<IndexValue>,
    /// Publication delay used when a value has no publication date.
    pub lag_months: u32,
    /// Yearly growth assumed beyond the last known value (`"2.5"` = 2.5 %).
    #[serde(with = "rust_decimal::serde::str")]
    pub projection_percent: Decimal,
}

/// A line of a pasted or shipped index table that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[error("line {line}: {message}")]
pub struct IndexCsvError {
    pub line: usize,
    pub message: String,
}

/// Reads `2024-10` (month) or `2024-Q3` (quarter) as the period's first day.
pub fn parse_period(text: &str, kind: IndexKind) -> Option<NaiveDate> {
    let text = text.trim();
    let (year, rest) = text.split_once('-')?;
    let year: i32 = year.parse().ok()?;
    let month = match kind {
        IndexKind::Icc => {
            let q: u32 = rest
                .strip_prefix('Q')
                .or(rest.strip_prefix('T'))?
                .parse()
                .ok()?;
            if !(1..=4).contains(&q) {
                return None;
            }
            (q - 1) * 3 + 1
        }
        _ => rest.parse().ok()?,
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// Writes a period the way [`parse_period`] reads it.
pub fn format_period(period: NaiveDate, kind: IndexKind) -> String {
    match kind {
        IndexKind::Icc => format!("{}-Q{}", period.year(), (period.month() - 1) / 3 + 1),
        _ => period.format("%Y-%m").to_string(),
    }
}

/// Parses an index table: `period,value[,published[,source]]` for ICC and
/// electricity, `month,series,value,published,source` for SYNTEC. `#` lines
/// and a header line are skipped; decimal commas are accepted when the
/// separator is `;` or a tab. Values without a source are the user's.
pub fn parse_index_csv(text: &str, kind: IndexKind) -> Result<Vec<IndexValue>, IndexCsvError> {
    let mut values = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // The first separator of the line decides (a source may contain others).
        let sep = trimmed
            .chars()
            .find(|c| matches!(c, ',' | ';' | '\t'))
            .unwrap_or(',');
        let mut fields: Vec<&str> = trimmed.splitn(5, sep).map(str::trim).collect();
        let err = |message: String| IndexCsvError { line, message };
        if fields.first().is_some_and(|f| {
            matches!(
                f.to_ascii_lowercase().as_str(),
                "month" | "quarter" | "period" | "mois" | "trimestre"
            )
        }) {
            continue;
        }
        let mut old_series = false;
        if kind == IndexKind::Syntec && fields.len() >= 3 && matches!(fields[1], "old" | "revised")
        {
            old_series = fields[1] == "old";
            fields.remove(1);
        }
        if fields.len() < 2 {
            return Err(err(format!(
                "expected “period{sep}value”, found “{trimmed}”"
            )));
        }
        let period = parse_period(fields[0], kind).ok_or_else(|| {
            err(format!(
                "“{}” is not a {} (expected {})",
                fields[0],
                if kind == IndexKind::Icc {
                    "quarter"
                } else {
                    "month"
                },
                if kind == IndexKind::Icc {
                    "2024-Q3"
                } else {
                    "2024-10"
                }
            ))
        })?;
        let value =
            parse_decimal_any_separator(fields[1]).map_err(|e| err(format!("value: {e}")))?;
        if value <= Decimal::ZERO {
            return Err(err("an index value must be positive".into()));
        }
        let published = match fields.get(2).filter(|f| !f.is_empty()) {
            None => None,
            Some(f) => Some(
                NaiveDate::parse_from_str(f, "%Y-%m-%d")
                    .map_err(|_| err(format!("publication date “{f}” is not YYYY-MM-DD")))?,
            ),
        };
        let provenance = match fields.get(3).filter(|f| !f.is_empty()) {
            Some(source) => Provenance::Published {
                source: (*source).to_owned(),
            },
            None => Provenance::User,
        };
        values.push(IndexValue {
            period,
            value,
            published,
            provenance,
            old_series,
            billed_with: None,
        });
    }
    Ok(values)
}

/// Growth over `months` at `percent` a year: whole years compound, the rest
/// of a year is linear, so that no fractional power is needed.
fn growth(percent: Decimal, months: u32) -> Option<Decimal> {
    let rate = percent.checked_div(Decimal::ONE_HUNDRED)?;
    let mut factor = Decimal::ONE;
    for _ in 0..months / 12 {
        factor = factor.checked_mul(Decimal::ONE + rate)?;
    }
    let rest = Decimal::from(months % 12) / Decimal::from(12);
    factor.checked_mul(Decimal::ONE + rate.checked_mul(rest)?)
}

impl IndexSeries {
    pub fn new(kind: IndexKind, mut values: Vec<IndexValue>) -> Self {
        values.sort_by_key(|v| (v.period, !v.old_series));
        IndexSeries {
            kind,
            values,
            lag_months: kind.default_lag_months(),
            projection_percent: Decimal::from(2),
        }
    }

    /// The built-in history of a series.
    pub fn builtin(kind: IndexKind) -> Self {
        let csv = match kind {
            IndexKind::Syntec => SYNTEC_CSV,
            IndexKind::Icc => ICC_CSV,
            IndexKind::Electricity => "",
        };
        // The shipped tables are checked by the tests.
        IndexSeries::new(kind, parse_index_csv(csv, kind).unwrap_or_default())
    }

    /// When a value is (or will be) published: its date if known, else the
    /// end of its period plus the series' lag.
    pub fn publication_date(&self, value: &IndexValue) -> NaiveDate {
        value.published.unwrap_or_else(|| {
            value
                .period
                .checked_add_months(Months::new(self.kind.period_months() + self.lag_months))
                .unwrap_or(value.period)
        })
    }

    /// Adds or replaces a value (the user's wins over a shipped one of the
    /// same period and series basis).
    pub fn set(&mut self, value: IndexValue) {
        self.values
            .retain(|v| !(v.period == value.period && v.old_series == value.old_series));
        self.values.push(value);
        self.values.sort_by_key(|v| (v.period, !v.old_series));
    }

    pub fn remove(&mut self, period: NaiveDate, old_series: bool) {
        self.values
            .retain(|v| !(v.period == period && v.old_series == old_series));
    }

    /// The value that the contract takes "at date D" (§9.3): the latest
    /// period published by then. For SYNTEC the revised series is preferred
    /// for a period that has both. When the latest period expected to be
    /// published by D is missing, it is projected from the last known value
    /// and marked as such.
    pub fn last_published_at(&self, date: NaiveDate) -> Option<IndexValue> {
        let known = self
            .values
            .iter()
            .filter(|v| self.publication_date(v) <= date)
            .max_by_key(|v| (v.period, !v.old_series))
            .cloned();
        // The period that should be published by `date` under the lag.
        let step = self.kind.period_months();
        let lag_back = step + self.lag_months;
        let expected = date
            .checked_sub_months(Months::new(lag_back))
            .map(|d| period_start(d, self.kind))?;
        match known {
            Some(v) if v.period >= expected => Some(v),
            _ => self.project(expected),
        }
    }

    /// A projected value for `period`, from the last value of an earlier period.
    pub fn project(&self, period: NaiveDate) -> Option<IndexValue> {
        let base = self
            .values
            .iter()
            .filter(|v| v.period < period)
            .max_by_key(|v| (v.period, !v.old_series))?;
        let months = months_between(base.period, period);
        let value = base
            .linked_value()
            .checked_mul(growth(self.projection_percent, months)?)?
            .round_dp_with_strategy(
                self.kind.precision(),
                RoundingStrategy::MidpointAwayFromZero,
            );
        Some(IndexValue {
            period,
            value,
            published: None,
            provenance: Provenance::Projected,
            old_series: false,
            billed_with: None,
        })
    }
}

/// The first day of the month or quarter containing `date`.
pub fn period_start(date: NaiveDate, kind: IndexKind) -> NaiveDate {
    let month = match kind {
        IndexKind::Icc => (date.month() - 1) / 3 * 3 + 1,
        _ => date.month(),
    };
    NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
}

fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let m = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    m.max(0) as u32
}

/// All three series, as the finance screen edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexBook {
    pub syntec: IndexSeries,
    pub icc: IndexSeries,
    pub electricity: IndexSeries,
}

impl IndexBook {
    pub fn builtin() -> Self {
        IndexBook {
            syntec: IndexSeries::builtin(IndexKind::Syntec),
            icc: IndexSeries::builtin(IndexKind::Icc),
            electricity: IndexSeries::builtin(IndexKind::Electricity),
        }
    }

    pub fn series(&self, kind: IndexKind) -> &IndexSeries {
        match kind {
            IndexKind::Syntec => &self.syntec,
            IndexKind::Icc => &self.icc,
            IndexKind::Electricity => &self.electricity,
        }
    }

    pub fn series_mut(&mut self, kind: IndexKind) -> &mut IndexSeries {
        match kind {
            IndexKind::Syntec => &mut self.syntec,
            IndexKind::Icc => &mut self.icc,
            IndexKind::Electricity => &mut self.electricity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_shipped_tables_parse_with_their_sources() {
        let syntec = parse_index_csv(SYNTEC_CSV, IndexKind::Syntec).unwrap();
        assert_eq!(syntec.len(), 37);
        let oct_2025 = syntec.iter().find(|v| v.period == d(2025, 10, 1)).unwrap();
        assert_eq!(oct_2025.value, dec("322.2"));
        assert_eq!(oct_2025.published, Some(d(2025, 11, 28)));
        assert!(
            matches!(&oct_2025.provenance, Provenance::Published { source } if source.contains("juristique"))
        );
        let icc = parse_index_csv(ICC_CSV, IndexKind::Icc).unwrap();
        assert_eq!(icc.len(), 11);
        assert_eq!(icc.last().unwrap().period, d(2024, 4, 1));
        let q4 = icc.iter().find(|v| v.period == d(2023, 10, 1)).unwrap();
        assert!(
            matches!(&q4.provenance, Provenance::Published { source } if source.contains("JORF"))
        );
    }

    #[test]
    fn the_link_coefficient_maps_280_6_to_286_4() {
        // §9.3.1: old-equivalent = revised / 0.97975, to the published decimal.
        let old = (dec("280.6") / SYNTEC_LINK).round_dp(1);
        assert_eq!(old, dec("286.4"));
        let aug_old = IndexValue {
            period: d(2022, 8, 1),
            value: dec("286.4"),
            published: None,
            provenance: Provenance::User,
            old_series: true,
            billed_with: None,
        };
        assert_eq!(aug_old.linked_value().round_dp(1), dec("280.6"));
    }

    #[test]
    fn last_published_at_takes_the_latest_value_out_by_then() {
        let s = IndexSeries::builtin(IndexKind::Syntec);
        // October 2025 was published on 2025-11-28.
        let v = s.last_published_at(d(2025, 12, 1)).unwrap();
        assert_eq!((v.period, v.value), (d(2025, 10, 1), dec("322.2")));
        // On 2025-11-27 it was not out yet: September 2025 (321.7) is the last.
        let v = s.last_published_at(d(2025, 11, 27)).unwrap();
        assert_eq!((v.period, v.value), (d(2025, 9, 1), dec("321.7")));
    }

    #[test]
    fn a_missing_expected_value_is_projected_and_provisional() {
        let mut s = IndexSeries::builtin(IndexKind::Syntec);
        s.projection_percent = dec("2.4");
        // On 2026-12-01 the October 2026 value is expected (lag 1 month): 12
        // months after October 2025's 322.2 -> x 1.024 = 329.9328 -> 329.9.
        let v = s.last_published_at(d(2026, 12, 1)).unwrap();
        assert_eq!(v.period, d(2026, 10, 1));
        assert_eq!(v.value, dec("329.9"));
        assert!(v.is_provisional());
        // Six months: linear within the year: 322.2 x 1.012 = 326.0664 -> 326.1.
        assert_eq!(s.project(d(2026, 4, 1)).unwrap().value, dec("326.1"));
        // Entering the real value replaces the projection.
        s.set(IndexValue {
            period: d(2026, 10, 1),
            value: dec("328.5"),
            published: Some(d(2026, 11, 27)),
            provenance: Provenance::User,
            old_series: false,
            billed_with: None,
        });
        let v = s.last_published_at(d(2026, 12, 1)).unwrap();
        assert_eq!((v.value, v.is_provisional()), (dec("328.5"), false));
    }

    #[test]
    fn pasted_tables_accept_french_writing_and_name_the_bad_line() {
        let text = "trimestre;valeur\n2024-Q3;2 230\n2024-T4;2 240,5;2025-03-28\n";
        let values = parse_index_csv(text, IndexKind::Icc).unwrap();
        assert_eq!(values[1].value, dec("2240.5"));
        assert_eq!(values[1].period, d(2024, 10, 1));
        assert_eq!(values[0].provenance, Provenance::User);
        let err = parse_index_csv("2024-10,abc", IndexKind::Electricity).unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("not a number"), "{}", err.message);
        let err = parse_index_csv("# x\n2024-13,100", IndexKind::Electricity).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(parse_index_csv("2024-10,-3", IndexKind::Electricity).is_err());
    }
}
