//! Business hours and French public holidays (SPEC §6 and the §10 definitions of the
//! service description), and deadlines counted in covered hours (SPEC §9).
//!
//! Every `NaiveDateTime` here is already in Europe/Paris local time: the user types
//! Paris time, and the engine neither reads a clock nor uses a time-zone database.
//! A daylight-saving change therefore does not shorten or lengthen a business day
//! (business hours are wall-clock hours), and a 24x7 deadline is plain wall-clock
//! addition.
//!
//! Nothing here panics: any date arithmetic that would leave the range of `chrono`
//! returns `None`, and the loops are bounded ([`MAX_HOURS`], [`MAX_BUSINESS_DAYS`]).

mod deadlines;
mod holidays;
mod hours;

pub use deadlines::*;
pub use holidays::*;
pub use hours::*;
