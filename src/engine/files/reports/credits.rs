//! `quote credits`: the simulated month of `quote.sla_simulation`, clause
//! by clause (§8.4, §8.5), from `service_levels::credits::simulate`.

use super::{decimal, flag};
use crate::engine::files::csv::{push_row, CsvOptions};
use crate::engine::money::Money;
use crate::engine::service_levels::credits::{CreditReport, Exemption};

/// The columns of [`credits_csv`].
pub const CREDIT_COLUMNS: [&str; 6] =
    ["clause", "subject", "detail", "exemption", "base", "credit"];

fn exemption(e: Option<Exemption>, options: CsvOptions) -> String {
    e.map(|e| format!("{} {}", e.clause(), e.text(options.lang)))
        .unwrap_or_default()
}

/// One row per clause entry: each managed function (GTD §8.5.2), the
/// month's restoration (GTR §8.5.3), each change (GTC §8.5.4), the
/// higher-of settlement (§8.4.10), then the subtotal, the cap (§8.4.9),
/// the total credited and what the client is billed (§8.4.4 c, d).
pub fn credits_csv(report: &CreditReport, options: CsvOptions) -> String {
    let sep = options.separator();
    let mut out = String::new();
    push_row(&mut out, &CREDIT_COLUMNS, sep);
    let amount = |m: Money| options.amount(m);
    let mut row = |fields: [String; 6]| push_row(&mut out, &fields, sep);
    for f in &report.functions {
        let mut detail = format!("availability {} %", decimal(options, f.availability));
        if let Some(g) = f.guarantee {
            detail.push_str(&format!(", guaranteed {} %", decimal(options, g)));
        }
        if let Some(t) = f.tier_percent {
            detail.push_str(&format!(", credit {} %", decimal(options, t)));
        }
        row([
            "GTD §8.5.2".into(),
            format!("function {}: {}", f.id, f.function.label(options.lang)),
            detail,
            exemption(f.exemption, options),
            amount(f.base),
            amount(f.credit),
        ]);
    }
    let r = &report.restoration;
    row([
        "GTR §8.5.3".into(),
        "month".into(),
        format!(
            "{} late of {} resolved (divisor {}): {} %{}",
            r.late,
            r.resolved,
            r.divisor,
            decimal(options, r.gap_percent),
            r.tier_percent
                .map(|t| format!(", credit {} %", decimal(options, t)))
                .unwrap_or_default()
        ),
        String::new(),
        amount(r.base),
        amount(r.credit),
    ]);
    for c in &report.changes {
        row([
            "GTC §8.5.4".into(),
            format!("change {}", c.id),
            format!("late: {}", flag(c.late)),
            exemption(c.exemption, options),
            amount(c.price),
            amount(c.credit),
        ]);
    }
    if let Some(h) = &report.higher_of {
        row([
            "§8.4.10".into(),
            "higher of GTD and GTR".into(),
            format!(
                "keeping GTD {}, keeping GTR {}: kept {}",
                amount(h.keeping_gtd),
                amount(h.keeping_gtr),
                if h.kept_gtd { "GTD" } else { "GTR" }
            ),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    row([
        "subtotal".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        amount(report.subtotal),
    ]);
    row([
        "cap §8.4.9".into(),
        String::new(),
        format!("capped: {}", flag(report.capped)),
        String::new(),
        amount(report.cap_base),
        amount(report.cap),
    ]);
    row([
        "total".into(),
        report.month.format("%Y-%m").to_string(),
        format!("service levels apply: {}", flag(report.apply)),
        String::new(),
        String::new(),
        amount(report.total),
    ]);
    row([
        "billed §8.4.4".into(),
        String::new(),
        format!("{} token(s)", report.billed_tokens),
        String::new(),
        String::new(),
        amount(report.billed),
    ]);
    out
}
