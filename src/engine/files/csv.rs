//! CSV exports of a priced quote: its lines month by month and its dated
//! invoicing schedule.
//!
//! Pure functions over the engine's types (no file system, no process): the
//! `quote` command line (`src/bin/quote.rs`) and the golden tests call them.
//!
//! CSV (RFC 4180 quoting, LF line endings): amounts are plain decimals with
//! two places (`1234.56`, SPEC §7: the line amounts already rounded to the
//! cent), or `1234,56` with a `;` separator when a decimal comma is asked
//! for, as French spreadsheets expect. A field is quoted when it contains
//! the separator, a double quote, a line break or leading or trailing
//! spaces; a double quote inside is doubled.
//!
//! A text that a spreadsheet would run as a formula (it starts with `=`,
//! `+`, `@`, a tab, a carriage return, or `-` when it is not a number) is
//! written after a `'`, as spreadsheets expect (OWASP "CSV injection"):
//! numbers, negative amounts included, are written as they are.

use std::borrow::Cow;

use crate::engine::document::pricebook::Text;
use crate::engine::lang::Lang;
use crate::engine::money::{Money, Quantity};
use crate::engine::pricing::PricedQuote;

/// How a CSV export is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CsvOptions {
    /// `1234,56` with `;` between fields instead of `1234.56` with `,`.
    pub decimal_comma: bool,
    /// The language of item names and schedule labels (French by default,
    /// as the product).
    pub lang: Lang,
}

impl CsvOptions {
    /// `,` normally, `;` when the decimal separator is a comma.
    pub fn separator(self) -> char {
        if self.decimal_comma {
            ';'
        } else {
            ','
        }
    }

    /// §7: an amount, rounded to the cent, two decimals, no grouping.
    pub fn amount(self, amount: Money) -> String {
        self.localise(amount.to_string())
    }

    /// An exact decimal (a unit price kept exact, a quantity): at least two
    /// decimals for prices, as written by the engine for quantities.
    fn exact_price(self, price: Money) -> String {
        self.localise(price.exact_text())
    }

    fn quantity(self, quantity: Quantity) -> String {
        self.localise(quantity.to_string())
    }

    pub(crate) fn localise(self, text: String) -> String {
        if self.decimal_comma {
            text.replace('.', ",")
        } else {
            text
        }
    }

    pub(crate) fn text(self, text: &Text) -> &str {
        match self.lang {
            Lang::Fr => &text.fr,
            Lang::En => &text.en,
        }
    }
}

/// One CSV field, quoted when it must be (RFC 4180): it contains the
/// separator, a double quote, a line break, or spaces at either end (which
/// some readers would trim).
pub fn csv_field(text: &str, separator: char) -> Cow<'_, str> {
    let text = neutralised(text);
    let needs_quotes = text
        .chars()
        .any(|c| c == separator || c == '"' || c == '\n' || c == '\r')
        || text.starts_with(' ')
        || text.ends_with(' ');
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        text
    }
}

/// Whether a spreadsheet would read `text` as a formula: it starts with
/// `=`, `+`, `@`, a tab or a carriage return, or with `-` and is not a
/// number (`-12.50` and `-12,50` are amounts).
pub fn is_formula(text: &str) -> bool {
    match text.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => {
            let number = text.replace(',', ".");
            number.len() < 2 || number.parse::<rust_decimal::Decimal>().is_err()
        }
        _ => false,
    }
}

/// `text`, behind a `'` when a spreadsheet would run it as a formula.
fn neutralised(text: &str) -> Cow<'_, str> {
    if is_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

pub(crate) fn push_row<S: AsRef<str>>(out: &mut String, fields: &[S], separator: char) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        out.push_str(&csv_field(field.as_ref(), separator));
    }
    out.push('\n');
}

/// The fixed columns of [`lines_csv`], before one column per contract month.
pub const LINE_COLUMNS: [&str; 13] = [
    "id",
    "item",
    "name",
    "category",
    "unit_price",
    "quantity",
    "amount",
    "build",
    "build_amount",
    "starts",
    "ends_on",
    "quantity_changes",
    "total",
];

/// The priced catalogue lines, one row each: `id, item, name, category,
/// unit_price, quantity, amount, build, build_amount, starts, ends_on,
/// quantity_changes, total`, then
/// one column per calendar month of the contract (`YYYY-MM`) with what the
/// line bills that month (pro rata in a partial month, §7).
///
/// `unit_price` is the exact unit price after the commitment-tier discount
/// (§7, §9.7: only the line is rounded); `amount` is unit price x quantity
/// rounded to the cent, per month for a monthly line; `build_amount` is the
/// line's build (§4.1); `starts` is when its run starts (§9.8.2) or when a
/// one-time line is billed; `ends_on` the first day it is no longer billed
/// when it ends before the contract (SPEC §14, else empty);
/// `quantity_changes` the later quantities as `DATE=QUANTITY` separated by
/// spaces (`2027-07-16=10 2028-01-01=4`, the quantity of the month changing
/// pro rata, §7); `total` is the months plus the build.
pub fn lines_csv(priced: &PricedQuote, options: CsvOptions) -> String {
    let sep = options.separator();
    let mut out = String::new();
    let mut header: Vec<String> = LINE_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.extend(priced.months.iter().map(|m| m.format("%Y-%m").to_string()));
    push_row(&mut out, &header, sep);
    for line in &priced.lines {
        let mut row = vec![
            line.id.0.to_string(),
            line.item.clone(),
            options.text(&line.name).to_owned(),
            line.category.key().to_owned(),
            options.exact_price(line.unit_price),
            options.quantity(line.quantity),
            options.amount(line.amount),
            line.build.key().to_owned(),
            options.amount(line.build_amount),
            line.starts.to_string(),
            line.ends_on.map(|d| d.to_string()).unwrap_or_default(),
            line.periods
                .iter()
                .skip(1)
                .map(|p| format!("{}={}", p.from, options.quantity(p.quantity)))
                .collect::<Vec<_>>()
                .join(" "),
            options.amount(line.total),
        ];
        row.extend(line.months.iter().map(|m| options.amount(*m)));
        push_row(&mut out, &row, sep);
    }
    out
}

/// The dated invoicing schedule, one row per amount, in date order:
/// `date, category, label, amount` (access fee and build instalments §9.2,
/// §9.8.1; monthly charges pro rata §7; ticket overage at each review §9.6;
/// the minimum complement §9.2; specific lines §11).
pub fn schedule_csv(priced: &PricedQuote, options: CsvOptions) -> String {
    let sep = options.separator();
    let mut out = String::new();
    push_row(&mut out, &["date", "category", "label", "amount"], sep);
    for invoice in &priced.schedule {
        push_row(
            &mut out,
            &[
                invoice.date.to_string().as_str(),
                invoice.category.key(),
                options.text(&invoice.label),
                &options.amount(invoice.amount),
            ],
            sep,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::document::pricebook::PriceBooks;
    use crate::engine::document::quote::{Quote, SpecificLine};
    use crate::engine::pricing::price;
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Splits a CSV text into records of fields, honouring quotes: the
    /// reader a spreadsheet would be.
    fn parse_csv(text: &str, sep: char) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, '\n') => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) if c == sep => record.push(std::mem::take(&mut field)),
                (false, c) => field.push(c),
            }
        }
        assert!(field.is_empty() && record.is_empty(), "ends with a newline");
        records
    }

    fn sample() -> PricedQuote {
        let mut quote = Quote::new(day(2027, 1, 16));
        quote.commitment_months = 12;
        quote.access_fee_waived = true;
        let os = quote.add_line("OS-MGD");
        quote.set_quantity(os, Quantity::from_file_text("2.5").unwrap());
        quote.add_line("ARCHI");
        quote.specific.push(SpecificLine {
            id: 1,
            label: "Migration \"lot 1\"; reprise, données\nhistoriques".into(),
            amount: Money::from_file_text("1500").unwrap(),
            charge: crate::engine::document::catalog::Charge::OneTime,
            date: None,
        });
        price(&quote, &PriceBooks::builtin().unwrap()).unwrap()
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("plain", ','), "plain");
        assert_eq!(csv_field("a,b", ','), "\"a,b\"");
        assert_eq!(csv_field("a,b", ';'), "a,b");
        assert_eq!(csv_field("a;b", ';'), "\"a;b\"");
        assert_eq!(csv_field("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines", ','), "\"two\nlines\"");
        assert_eq!(csv_field("cr\rhere", ','), "\"cr\rhere\"");
        assert_eq!(csv_field(" padded", ','), "\" padded\"");
        assert_eq!(csv_field("", ','), "");
    }

    #[test]
    fn amounts_use_the_chosen_decimal_separator() {
        let dot = CsvOptions::default();
        let comma = CsvOptions {
            decimal_comma: true,
            ..CsvOptions::default()
        };
        let m = Money::from_file_text("1234.5").unwrap();
        assert_eq!(dot.amount(m), "1234.50");
        assert_eq!(comma.amount(m), "1234,50");
        assert_eq!(dot.separator(), ',');
        assert_eq!(comma.separator(), ';');
        assert_eq!(
            dot.exact_price(Money::from_file_text("4.275").unwrap()),
            "4.275"
        );
        assert_eq!(
            comma.exact_price(Money::from_file_text("114").unwrap()),
            "114,00"
        );
    }

    #[test]
    fn the_lines_csv_has_one_row_per_line_and_one_column_per_month() {
        let priced = sample();
        let records = parse_csv(&lines_csv(&priced, CsvOptions::default()), ',');
        let header = &records[0];
        assert_eq!(&header[..13], LINE_COLUMNS);
        // 16 January 2027 + 12 months: January 2027 to January 2028.
        assert_eq!(header.len(), 13 + 13);
        assert_eq!(header[13], "2027-01");
        assert_eq!(header[25], "2028-01");
        assert_eq!(records.len(), 1 + priced.lines.len());
        let os = &records[1];
        assert_eq!(os[1], "OS-MGD");
        assert_eq!(os[2], "OS managé", "French by default, as the product");
        assert_eq!(os[3], "run");
        // §7: 120.00 at the 12-month tier (0 %) x 2.5 = 300.00 a month.
        assert_eq!(os[4], "120.00");
        assert_eq!(os[5], "2.5");
        assert_eq!(os[6], "300.00");
        assert_eq!(os[9], "2027-01-16");
        // §7 pro rata: 16 days of 31 in January 2027 = 154.84.
        assert_eq!((os[10].as_str(), os[11].as_str()), ("", ""));
        assert_eq!(os[13], "154.84");
        assert_eq!(os[14], "300.00");
        // Every row has as many fields as the header.
        assert!(records.iter().all(|r| r.len() == header.len()));
        // The row's months sum to its total (no build here).
        let sum: Decimal = os[13..].iter().map(|a| a.parse::<Decimal>().unwrap()).sum();
        assert_eq!(sum.to_string(), os[12]);
    }

    #[test]
    fn a_decimal_comma_switches_the_separator_and_the_amounts() {
        let priced = sample();
        let options = CsvOptions {
            decimal_comma: true,
            lang: Lang::Fr,
        };
        let text = lines_csv(&priced, options);
        let records = parse_csv(&text, ';');
        assert_eq!(records[1][2], "OS managé");
        assert_eq!(records[1][5], "2,5");
        assert_eq!(records[1][13], "154,84");
    }

    #[test]
    fn the_schedule_csv_quotes_labels_and_sums_to_the_commitment_total() {
        let priced = sample();
        for (options, sep) in [
            (CsvOptions::default(), ','),
            (
                CsvOptions {
                    decimal_comma: true,
                    lang: Lang::Fr,
                },
                ';',
            ),
        ] {
            let text = schedule_csv(&priced, options);
            let records = parse_csv(&text, sep);
            assert_eq!(records[0], ["date", "category", "label", "amount"]);
            assert_eq!(records.len(), 1 + priced.schedule.len());
            let specific = records
                .iter()
                .find(|r| r[1] == "specific_one_time")
                .expect("the specific line is in the schedule");
            assert_eq!(
                specific[2],
                "Migration \"lot 1\"; reprise, données\nhistoriques"
            );
            let total: Decimal = records[1..]
                .iter()
                .map(|r| r[3].replace(',', ".").parse::<Decimal>().unwrap())
                .sum();
            assert_eq!(
                Money::from_decimal(total).to_string(),
                priced.commitment_total.to_string()
            );
        }
    }
}
