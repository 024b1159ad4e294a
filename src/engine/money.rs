#![cfg_attr(not(test), warn(clippy::arithmetic_side_effects))]
//! Exact money and quantities over `rust_decimal::Decimal`.
//!
//! §7 (SPEC): amounts are decimal euros excluding VAT, never floats; a line is
//! unit price x quantity rounded to the cent, half away from zero; totals are
//! sums of rounded lines. Every operation is checked: an overflow is an
//! error value, never a panic.

use std::fmt;
use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use crate::engine::lang::Lang;
use crate::engine::number_entry::parse_file_decimal;
pub use crate::engine::number_entry::{parse_decimal, parse_decimal_any_separator, NumberError};

/// An arithmetic result that does not fit in a `Decimal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("amount out of range")]
pub struct Overflow;

/// The number of decimal places the engine keeps on inputs (unit prices and
/// quantities). Anything finer is refused rather than silently rounded.
pub const MAX_INPUT_SCALE: u32 = 6;

/// Reads a non-negative decimal typed in `lang` with at most
/// [`MAX_INPUT_SCALE`] decimals.
fn parse_non_negative(input: &str, lang: Lang) -> Result<Decimal, NumberError> {
    non_negative(parse_decimal(input, lang)?)
}

/// A value read, checked non-negative with at most [`MAX_INPUT_SCALE`] decimals.
fn non_negative(value: Decimal) -> Result<Decimal, NumberError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(NumberError::Negative);
    }
    if value.normalize().scale() > MAX_INPUT_SCALE {
        return Err(NumberError::TooPrecise {
            max: MAX_INPUT_SCALE,
        });
    }
    Ok(value.normalize())
}

/// Reads a whole number (months, occurrences) typed in `lang`, within `u32`.
pub fn parse_whole(input: &str, lang: Lang) -> Result<u32, NumberError> {
    let value = parse_non_negative(input, lang)?;
    if !value.fract().is_zero() {
        return Err(NumberError::NotWhole);
    }
    value
        .to_u32()
        .ok_or_else(|| NumberError::TooLarge(input.trim().to_owned()))
}

/// A quantity of service units (VMs, days, sources…): non-negative, exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Quantity(Decimal);

impl Quantity {
    pub const ZERO: Quantity = Quantity(Decimal::ZERO);
    pub const ONE: Quantity = Quantity(Decimal::ONE);

    /// Reads a quantity typed by a person in `lang`: non-negative, at most
    /// six decimals.
    pub fn parse(input: &str, lang: Lang) -> Result<Self, NumberError> {
        parse_non_negative(input, lang).map(Quantity)
    }

    /// Reads a quantity as files write it (`2.5`).
    pub fn from_file_text(text: &str) -> Result<Self, NumberError> {
        non_negative(parse_file_decimal(text)?).map(Quantity)
    }

    pub fn from_whole(n: u32) -> Self {
        Quantity(Decimal::from(n))
    }

    pub fn as_decimal(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

/// An amount in euros, excluding VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn from_decimal(value: Decimal) -> Self {
        Money(value)
    }

    /// Whole euros, for tests and literals.
    pub fn euros(value: i64) -> Self {
        Money(Decimal::from(value))
    }

    /// Reads a non-negative amount (a price) typed by a person in `lang`.
    pub fn parse(input: &str, lang: Lang) -> Result<Self, NumberError> {
        parse_non_negative(input, lang).map(Money)
    }

    /// Reads a non-negative amount as files write it (`1234.5`).
    pub fn from_file_text(text: &str) -> Result<Self, NumberError> {
        non_negative(parse_file_decimal(text)?).map(Money)
    }

    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn checked_add(self, other: Money) -> Result<Money, Overflow> {
        self.0.checked_add(other.0).map(Money).ok_or(Overflow)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, Overflow> {
        self.0.checked_sub(other.0).map(Money).ok_or(Overflow)
    }

    /// Multiplies by an exact factor, without rounding.
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, Overflow> {
        self.0.checked_mul(factor).map(Money).ok_or(Overflow)
    }

    /// §7: the one rounding rule of the product: to the cent, half away from zero.
    pub fn round_cents(self) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// §7: a line = unit price x quantity, rounded to the cent.
    pub fn line_amount(unit_price: Money, quantity: Quantity) -> Result<Money, Overflow> {
        unit_price
            .checked_mul(quantity.as_decimal())
            .map(Money::round_cents)
    }

    /// Sums amounts, failing on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money, Overflow> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// French format: `1 234,56 €` (narrow no-break space between thousands,
    /// no-break space before the euro sign), as `Intl.NumberFormat("fr-FR")` does.
    pub fn format_fr(self) -> String {
        let rounded = self.round_cents().0;
        let negative = rounded.is_sign_negative() && !rounded.is_zero();
        let text = format!("{:.2}", rounded.abs());
        let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, "00"));
        format!(
            "{}{},{}\u{a0}€",
            if negative { "-" } else { "" },
            group_thousands(int_part, '\u{202f}'),
            frac_part
        )
    }
}

impl Money {
    /// English format: `€1,234.56`.
    pub fn format_en(self) -> String {
        let rounded = self.round_cents().0;
        let negative = rounded.is_sign_negative() && !rounded.is_zero();
        let text = format!("{:.2}", rounded.abs());
        let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, "00"));
        format!(
            "{}€{}.{}",
            if negative { "-" } else { "" },
            group_thousands(int_part, ','),
            frac_part
        )
    }

    /// The format of the user's language.
    pub fn format(self, lang: crate::engine::lang::Lang) -> String {
        match lang {
            crate::engine::lang::Lang::Fr => self.format_fr(),
            crate::engine::lang::Lang::En => self.format_en(),
        }
    }
}

fn group_thousands(digits: &str, separator: char) -> String {
    let mut grouped = String::with_capacity(digits.len().saturating_mul(2));
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && digits.len().saturating_sub(i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    grouped
}

impl fmt::Display for Money {
    /// Plain machine format with two decimals (`1234.50`), for files and CSV.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.round_cents().0)
    }
}

impl Money {
    /// The exact value with at least two decimals (`1990.00`, `833.90`,
    /// `0.123456`): how files write an amount. An amount (rounded to the
    /// cent, §7) has exactly two; a unit price keeps every decimal it has.
    pub fn exact_text(self) -> String {
        let value = self.0.normalize();
        if value.scale() < 2 {
            format!("{value:.2}")
        } else {
            value.to_string()
        }
    }
}

/// Amounts are written as JSON strings so that no reader turns them into
/// floats, with at least two decimals ([`Money::exact_text`]).
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.exact_text())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Money::from_file_text(&text).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.normalize().to_string())
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Quantity::from_file_text(&text).map_err(serde::de::Error::custom)
    }
}

/// Splits `total` by percentages (§9.8.1 build instalments and §4 of SPEC;
/// §9.4 annual MRG shares). Every part but the
/// last is rounded to the cent; the last is the remainder, so the parts sum
/// exactly to the total.
pub fn split_by_percent(total: Money, percents: &[Decimal]) -> Result<Vec<Money>, Overflow> {
    let mut parts = Vec::with_capacity(percents.len());
    let mut billed = Money::ZERO;
    for (i, percent) in percents.iter().enumerate() {
        let part = if i.saturating_add(1) == percents.len() {
            total.checked_sub(billed)?
        } else {
            let share = percent.checked_div(Decimal::ONE_HUNDRED).ok_or(Overflow)?;
            total.checked_mul(share)?.round_cents()
        };
        billed = billed.checked_add(part)?;
        parts.push(part);
    }
    Ok(parts)
}

/// A decimal written as a JSON string, for the `Decimal` fields of the
/// files (percentages, variations) that the engine reads with
/// `rust_decimal::serde::str`. Only its JSON Schema is used.
#[cfg(not(target_arch = "wasm32"))]
pub struct DecimalText;

/// §7: in the JSON Schema of the quote and price book files (`quote schema`),
/// amounts and quantities are decimal strings, never JSON numbers. Native
/// only: the browser build never compiles schemars.
#[cfg(not(target_arch = "wasm32"))]
mod json_schema {
    use std::borrow::Cow;

    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    use super::{DecimalText, Money, Quantity};

    /// What the files' writer produces, and all its reader accepts.
    const DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";

    impl JsonSchema for Money {
        fn schema_name() -> Cow<'static, str> {
            "Money".into()
        }

        fn schema_id() -> Cow<'static, str> {
            "cloudquote::engine::money::Money".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": DECIMAL_PATTERN,
                "description": "An amount in euros excluding VAT, as a decimal string (\"1234.56\"); a JSON number is refused (§7).",
                "examples": ["120.00"]
            })
        }
    }

    impl JsonSchema for Quantity {
        fn schema_name() -> Cow<'static, str> {
            "Quantity".into()
        }

        fn schema_id() -> Cow<'static, str> {
            "cloudquote::engine::money::Quantity".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": DECIMAL_PATTERN,
                "description": "A non-negative quantity with at most six decimals, as a decimal string (\"2.5\"); a JSON number is refused (§7).",
                "examples": ["12"]
            })
        }
    }

    impl JsonSchema for DecimalText {
        fn schema_name() -> Cow<'static, str> {
            "DecimalText".into()
        }

        fn schema_id() -> Cow<'static, str> {
            "cloudquote::engine::io::DecimalText".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": DECIMAL_PATTERN,
                "description": "A decimal number written as a JSON string (\"33.33\"); a JSON number is refused."
            })
        }
    }
}

/// The files' format (`1234.5`), as `serde` reads it.
impl FromStr for Money {
    type Err = NumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::from_file_text(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::from_file_text(s).expect("test literal")
    }

    #[test]
    fn rounding_is_half_away_from_zero_at_the_cent() {
        let table = [
            ("0.005", "0.01"),
            ("0.004", "0.00"),
            ("1.125", "1.13"),
            ("1.135", "1.14"),
            ("2.675", "2.68"),
            ("99.999", "100.00"),
        ];
        for (input, expected) in table {
            assert_eq!(m(input).round_cents().to_string(), expected, "{input}");
        }
        let negative = Money::from_decimal(Decimal::new(-1125, 3));
        assert_eq!(negative.round_cents().to_string(), "-1.13");
    }

    #[test]
    fn line_amount_is_unit_price_times_quantity_rounded_once() {
        let table = [
            ("120.00", "3", "360.00"),
            ("33.333", "3", "100.00"),
            ("0.125", "1", "0.13"),
            ("149.99", "2.5", "374.98"), // 374.975 -> 374.98
            ("1000", "0", "0.00"),
        ];
        for (price, qty, expected) in table {
            let amount =
                Money::line_amount(m(price), Quantity::from_file_text(qty).unwrap()).unwrap();
            assert_eq!(amount.to_string(), expected, "{price} x {qty}");
        }
    }

    #[test]
    fn amounts_are_written_with_two_decimals_and_prices_exactly() {
        let table = [
            ("1990", "\"1990.00\""),
            ("833.9", "\"833.90\""),
            ("0", "\"0.00\""),
            ("120.000", "\"120.00\""),
            ("0.123456", "\"0.123456\""),
            ("114.125", "\"114.125\""),
        ];
        for (input, expected) in table {
            assert_eq!(
                serde_json::to_string(&m(input)).unwrap(),
                expected,
                "{input}"
            );
            let back: Money = serde_json::from_str(expected).unwrap();
            assert_eq!(back, m(input), "{input}: read back the same");
        }
        let negative = Money::from_decimal(Decimal::new(-5, 1));
        assert_eq!(negative.exact_text(), "-0.50");
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let huge = Money::from_decimal(Decimal::MAX);
        assert_eq!(huge.checked_add(Money::euros(1)), Err(Overflow));
        assert_eq!(
            Money::line_amount(huge, Quantity::from_whole(2)),
            Err(Overflow)
        );
        assert_eq!(Money::checked_sum([huge, huge]), Err(Overflow));
    }

    #[test]
    fn typed_quantities_and_whole_numbers_follow_the_language() {
        assert_eq!(
            Quantity::parse("1,000", Lang::En),
            Ok(Quantity::from_whole(1000))
        );
        assert_eq!(parse_whole("1,000", Lang::En), Ok(1000));
        assert_eq!(
            Quantity::parse("1 000,5", Lang::Fr).map(|q| q.to_string()),
            Ok("1000.5".into())
        );
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(Quantity::parse("-1", lang), Err(NumberError::Negative));
            assert_eq!(
                Quantity::parse("1.0000001", lang),
                Err(NumberError::TooPrecise { max: 6 })
            );
        }
    }

    #[test]
    fn files_keep_their_own_exact_format() {
        assert_eq!(Money::from_file_text("1990.00"), Ok(Money::euros(1990)));
        for bad in ["1 990,00", "1,990.00", "1990,5", "", "€5", "+1"] {
            assert!(Money::from_file_text(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Money::from_file_text("-1"), Err(NumberError::Negative));
    }

    #[test]
    fn whole_numbers_refuse_fractions_and_huge_values() {
        assert_eq!(parse_whole("36", Lang::Fr), Ok(36));
        assert_eq!(parse_whole("36,0", Lang::Fr), Ok(36));
        assert_eq!(parse_whole("12.5", Lang::En), Err(NumberError::NotWhole));
        assert!(matches!(
            parse_whole("99999999999", Lang::Fr),
            Err(NumberError::TooLarge(_))
        ));
    }

    #[test]
    fn french_format_groups_thousands_and_uses_a_decimal_comma() {
        let table = [
            ("0", "0,00\u{a0}€"),
            ("5.5", "5,50\u{a0}€"),
            ("999.99", "999,99\u{a0}€"),
            ("1234.56", "1\u{202f}234,56\u{a0}€"),
            ("1234567.891", "1\u{202f}234\u{202f}567,89\u{a0}€"),
            ("100000", "100\u{202f}000,00\u{a0}€"),
        ];
        for (input, expected) in table {
            assert_eq!(m(input).format_fr(), expected, "{input}");
        }
        let negative = Money::from_decimal(Decimal::new(-123456, 2));
        assert_eq!(negative.format_fr(), "-1\u{202f}234,56\u{a0}€");
    }

    #[test]
    fn english_format_uses_commas_and_a_leading_euro_sign() {
        assert_eq!(m("1234567.891").format_en(), "€1,234,567.89");
        assert_eq!(m("12").format_en(), "€12.00");
    }

    #[test]
    fn json_amounts_are_strings_and_round_trip_exactly() {
        let amount = m("1234.567");
        let json = serde_json::to_string(&amount).unwrap();
        assert_eq!(json, "\"1234.567\"");
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), amount);
        assert!(
            serde_json::from_str::<Money>("1234.5").is_err(),
            "floats are refused"
        );
        assert!(serde_json::from_str::<Money>("\"12x\"").is_err());
    }
}
