//! Numbers typed by people, by language (issue 19): English `1,000.5`,
//! French `1 000,5`; what could mean another number is refused with
//! [`NumberError::Ambiguous`], never read as a guess. The files' own format
//! (`1234.5`) is read by `money` (`Money::from_file_text`), not here.
//!
//! A kernel: it uses only `lang` (`money` re-exports what it needs).

use rust_decimal::Decimal;
use thiserror::Error;

use crate::engine::lang::Lang;

/// Why a typed number could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    #[error("empty value")]
    Empty,
    #[error("“{0}” is not a number")]
    NotANumber(String),
    #[error("“{0}” is too large")]
    TooLarge(String),
    #[error("a negative value is not allowed here")]
    Negative,
    #[error("at most {max} decimal places are allowed")]
    TooPrecise { max: u32 },
    #[error("a whole number is expected")]
    NotWhole,
    /// Separators that could mean another number in the user's language
    /// (English `1,00`, `1.000,5`; French `1.000`): never read as a guess.
    #[error("“{0}” is ambiguous: write the decimals after a dot, thousands with commas (1,000.5)")]
    Ambiguous(String),
}

/// The spaces that group thousands: ordinary, no-break, narrow no-break.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Reads a decimal typed by a person in `lang`, with a `€` before or after.
///
/// English: `1,000.5` (commas group thousands, a dot marks decimals);
/// French: `1 000,5` (ordinary, no-break or narrow no-break spaces group
/// thousands, a comma marks decimals), and a dot for decimals where it
/// cannot be a thousands separator (`1234.5`, `0.25`, not `1.000`). Both
/// languages accept spaces between thousands. Thousands groups must be of
/// three digits; anything that could be read as another number (`1,00` or
/// `1.000,5` in English, `1.000` in French) is [`NumberError::Ambiguous`],
/// never a guess. Refuses letters, exponents and values a `Decimal` cannot
/// hold. Files are not read with this (their format is exact: `1234.5`).
pub fn parse_decimal(input: &str, lang: Lang) -> Result<Decimal, NumberError> {
    let shown = || input.trim().to_owned();
    let text = input.trim().trim_end_matches('€').trim();
    let text = text.trim_start_matches('€').trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == '.' || c == ',' || is_group_space(c)))
    {
        return Err(NumberError::NotANumber(shown()));
    }
    let ambiguous = || NumberError::Ambiguous(shown());
    let (dots, commas) = (body.matches('.').count(), body.matches(',').count());
    let decimal_mark = match lang {
        Lang::En if commas > 0 && body.rfind(',') > body.find('.') && dots > 0 => {
            return Err(ambiguous())
        }
        Lang::En => '.',
        Lang::Fr if commas > 0 && dots > 0 => return Err(ambiguous()),
        Lang::Fr if dots > 0 => {
            // A dot followed by three digits, after at most three, could be
            // a thousands separator (1.000): ambiguous.
            let (int, frac) = body.split_once('.').unwrap_or((body, ""));
            let int_digits = int.chars().filter(char::is_ascii_digit).count();
            if dots > 1
                || (frac.len() == 3
                    && (1..=3).contains(&int_digits)
                    && !int.contains(is_group_space))
            {
                return Err(ambiguous());
            }
            '.'
        }
        Lang::Fr => ',',
    };
    let group = |c: char| is_group_space(c) || (lang == Lang::En && c == ',');
    let (int, frac) = match body.split_once(decimal_mark) {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.chars().all(|c| c.is_ascii_digit())) {
        return Err(if frac.is_some_and(|f| f.contains(group)) {
            ambiguous()
        } else {
            NumberError::NotANumber(shown())
        });
    }
    if int.chars().any(|c| !c.is_ascii_digit() && !group(c)) {
        return Err(NumberError::NotANumber(shown()));
    }
    if int.contains(group) {
        // Thousands: a first group of one to three digits, then groups of three.
        let groups: Vec<&str> = int.split(group).collect();
        let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || groups.iter().skip(1).any(|g| g.len() != 3) {
            return Err(ambiguous());
        }
    }
    let digits: String = int.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() && frac.is_none() {
        return Err(NumberError::NotANumber(shown()));
    }
    let cleaned = format!(
        "{sign}{}{}{}",
        if digits.is_empty() { "0" } else { &digits },
        if frac.is_some() { "." } else { "" },
        frac.unwrap_or("")
    );
    exact(&cleaned, input)
}

/// `Decimal::from_str_exact` with this module's errors (`text` holds only
/// a sign, digits and one dot).
pub(crate) fn exact(text: &str, input: &str) -> Result<Decimal, NumberError> {
    Decimal::from_str_exact(text).map_err(|e| match e {
        rust_decimal::Error::Underflow => NumberError::TooPrecise { max: 28 },
        _ => NumberError::TooLarge(input.trim().to_owned()),
    })
}

/// Reads a decimal as the files write it: `1234.5` (digits, at most one dot,
/// a leading `-`), nothing else.
pub(crate) fn parse_file_decimal(text: &str) -> Result<Decimal, NumberError> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(int) || !digits(frac) {
        return Err(if text.trim().is_empty() {
            NumberError::Empty
        } else {
            NumberError::NotANumber(text.to_owned())
        });
    }
    exact(text, text)
}

/// Reads a decimal with either `.` or `,` as its decimal separator and
/// spaces between thousands, whatever the language: for tables pasted
/// from elsewhere whose separator says which (`finance::indices`).
pub fn parse_decimal_any_separator(input: &str) -> Result<Decimal, NumberError> {
    let trimmed = input.trim().trim_end_matches('€').trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let mut cleaned = String::with_capacity(trimmed.len());
    let mut separators: u32 = 0;
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => cleaned.push(c),
            '.' | ',' => {
                separators = separators.saturating_add(1);
                cleaned.push('.');
            }
            '-' | '+' if i == 0 => cleaned.push(c),
            ' ' | '\u{a0}' | '\u{202f}' => {}
            _ => return Err(NumberError::NotANumber(input.trim().to_owned())),
        }
    }
    let digits = cleaned.chars().filter(char::is_ascii_digit).count();
    if separators > 1 || digits == 0 {
        return Err(NumberError::NotANumber(input.trim().to_owned()));
    }
    Decimal::from_str_exact(&cleaned).map_err(|e| match e {
        rust_decimal::Error::Underflow => NumberError::TooPrecise { max: 28 },
        // Only digits, one separator and a sign reach this point, so any other
        // failure is a value out of range ("overflow from too many digits").
        _ => NumberError::TooLarge(input.trim().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_reads_numbers_by_language() {
        // Issue 19, finding 6: in English "1,000" is one thousand.
        let en = [
            ("1,000", "1000"),
            ("1,000.00", "1000"),
            ("1,000.5", "1000.5"),
            ("€1,234,567.89", "1234567.89"),
            ("1234.56", "1234.56"),
            ("0.5", "0.5"),
            ("  7 ", "7"),
            ("1 000.5", "1000.5"),
        ];
        for (input, expected) in en {
            let v = parse_decimal(input, Lang::En).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(v.normalize().to_string(), expected, "{input:?}");
        }
        let fr = [
            ("1 000,5", "1000.5"),
            ("1\u{a0}000,5", "1000.5"),
            ("1\u{202f}234,56 €", "1234.56"),
            ("1234,56", "1234.56"),
            ("0,5", "0.5"),
            ("1234.5", "1234.5"),
            ("0.25", "0.25"),
            ("12.5", "12.5"),
            ("1.5", "1.5"),
        ];
        for (input, expected) in fr {
            let v = parse_decimal(input, Lang::Fr).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(v.normalize().to_string(), expected, "{input:?}");
        }
    }

    #[test]
    fn ambiguous_separators_get_a_message_never_another_value() {
        for input in ["1,00", "1.000,5", "0,5", "1,0000", "12,34,567"] {
            assert_eq!(
                parse_decimal(input, Lang::En),
                Err(NumberError::Ambiguous(input.to_owned())),
                "{input:?}"
            );
        }
        for input in [
            "1.000",
            "1.000,5",
            "1,000.5",
            "1.000.000",
            "1 00",
            "12 34,5",
        ] {
            assert_eq!(
                parse_decimal(input, Lang::Fr),
                Err(NumberError::Ambiguous(input.to_owned())),
                "{input:?}"
            );
        }
    }

    #[test]
    fn parsing_refuses_what_is_not_a_plain_number() {
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(parse_decimal("", lang), Err(NumberError::Empty));
            assert_eq!(parse_decimal("   ", lang), Err(NumberError::Empty));
            for bad in ["3a", "abc", "1.2.3", "1e5", "--1", ".", "0x10", "NaN", "5."] {
                assert!(
                    matches!(
                        parse_decimal(bad, lang),
                        Err(NumberError::NotANumber(_) | NumberError::Ambiguous(_))
                    ),
                    "{bad}"
                );
            }
            assert!(matches!(
                parse_decimal("99999999999999999999999999999999", lang),
                Err(NumberError::TooLarge(_))
            ));
        }
    }
}
