//! The browser's clock (the engine never reads one): js-sys, for gloo has
//! no date.

use chrono::NaiveDate;

/// Milliseconds since the epoch (for coalescing undo steps).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current time, ISO 8601.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Today, in the browser's time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(NaiveDate::MIN)
}
