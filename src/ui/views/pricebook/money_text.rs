//! An amount as the draft's fields show it: plain decimal, no currency.

use crate::engine::money::Money;

pub fn money_text(m: Money) -> String {
    m.as_decimal().normalize().to_string()
}
