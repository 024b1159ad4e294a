//! The MRG risk's fields (§9.4): an uncertainty's three percentages typed
//! in the user's language, each a field that keeps what was typed and says
//! what is wrong with it, never losing the value in the quote.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::document::line_life::Uncertainty;
use crate::engine::lang::Lang;
use crate::engine::money::{parse_decimal, NumberError};
use crate::ui::format::decimal;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;

/// One of the three shares of an uncertainty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Down,
    Up,
    End,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Down, Part::Up, Part::End];

    fn key(self) -> &'static str {
        match self {
            Part::Down => "down",
            Part::Up => "up",
            Part::End => "end",
        }
    }

    fn label(self, l: Lang) -> &'static str {
        match self {
            Part::Down => l.pick("baisse %/an", "down %/yr"),
            Part::Up => l.pick("hausse %/an", "up %/yr"),
            Part::End => l.pick("arrêt % par anniversaire", "end % per anniversary"),
        }
    }

    pub fn get(self, u: Option<Uncertainty>) -> Decimal {
        let u = u.unwrap_or_default();
        match self {
            Part::Down => u.down_percent,
            Part::Up => u.up_percent,
            Part::End => u.end_percent,
        }
    }

    /// `u` with this share set to `value`; none when every share is nil.
    pub fn set(self, u: Option<Uncertainty>, value: Decimal) -> Option<Uncertainty> {
        let mut u = u.unwrap_or_default();
        match self {
            Part::Down => u.down_percent = value,
            Part::Up => u.up_percent = value,
            Part::End => u.end_percent = value,
        }
        (!u.is_none()).then_some(u)
    }
}

/// A percentage typed in `lang`, 0 to 100; empty is 0.
pub fn parse_percent(text: &str, lang: Lang) -> Result<Decimal, FieldError> {
    if text.trim().is_empty() {
        return Ok(Decimal::ZERO);
    }
    let value = parse_decimal(text, lang).map_err(FieldError::Number)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(FieldError::Number(NumberError::Negative));
    }
    if value > Decimal::ONE_HUNDRED {
        return Err(FieldError::Range { min: 0, max: 100 });
    }
    Ok(value.normalize())
}

/// The three fields of an uncertainty, one cell each: `−%`, `+%`, `end %`.
/// `what` names the item for the fields' accessible names.
#[component]
pub fn UncertaintyCells<F>(
    #[prop(into)] id: String,
    #[prop(into)] testid: String,
    #[prop(into)] what: String,
    initial: Option<Uncertainty>,
    on_valid: F,
) -> impl IntoView
where
    F: Fn(Part, Decimal) + Copy + 'static,
{
    let lang = use_state().lang;
    let l = lang.get_untracked();
    Part::ALL
        .into_iter()
        .map(|part| {
            let value = part.get(initial);
            view! {
                <td class="num">
                    <ParsedInput
                        id=format!("{id}-{}", part.key())
                        testid=format!("{testid}-{}", part.key())
                        class="qty-input"
                        initial=if value.is_zero() { String::new() } else { decimal(value, l) }
                        label=format!("{what} — {}", part.label(l))
                        parse=move |t: &str| parse_percent(t, lang.get_untracked())
                        on_valid=move |v| on_valid(part, v)
                    />
                </td>
            }
        })
        .collect_view()
}
