//! Golden finance figures: every example quote of `examples/` priced with
//! the built-in book, revised with the built-in index book (§9.3) and
//! checked for the minimum guaranteed revenue (§9.4), summed up in
//! `tests/golden_finance/<example>.json` (per year and per revised charge,
//! without the month-by-month detail).
//!
//! After an intended change, regenerate and review the diff:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test golden_finance
//! git diff tests/golden_finance
//! ```
#![cfg(not(target_arch = "wasm32"))]

mod golden_support;

use std::fs;
use std::path::Path;

use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::Quote;
use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::mrg::{minimum_guaranteed_revenue, MrgReport};
use cloudquote::engine::finance::revision::{revise, RevisedQuote};
use cloudquote::engine::pricing::price;
use golden_support::{examples, root, updating};
use serde_json::{json, Value};

fn revision_summary(r: &RevisedQuote) -> Value {
    json!({
        "increase": r.increase,
        "regularisation": r.regularisation,
        "revised_total": r.revised_total,
        "complement_change": r.complement_change,
        "issues": r.issues,
        "years": r.years,
        "lines": r.charges.iter().map(|l| json!({
            "charge": l.charge,
            "item": l.item,
            "syntec": l.revised_syntec,
            "specific": l.revised_specific,
            "signature_unit_price": l.signature_unit_price,
            "steps": l.steps.iter().map(|s| json!({
                "date": s.date,
                "factor": s.factor.round_dp(12),
                "unit_price": s.unit_price,
                "monthly": s.monthly,
                "provisional": s.provisional,
                "specific_not_computed": s.specific_not_computed,
            })).collect::<Vec<_>>(),
            "increase": l.increase,
            "regularisation": l.regularisation,
        })).collect::<Vec<_>>(),
    })
}

fn mrg_summary(m: &MrgReport) -> Value {
    json!({
        "global_revenue": m.global_revenue,
        "initial_revenue": m.initial_revenue,
        "later_orders": m.later_orders,
        "global_mrg": m.global_mrg,
        "global_mrg_final": m.global_mrg_final,
        "run_start": m.run_start,
        "total_shortfall": m.total_shortfall,
        "scope": m.scope,
        "years": m.years,
    })
}

fn summary(path: &Path) -> String {
    let text = fs::read_to_string(path).expect("readable example");
    let quote = Quote::from_json(&text).expect("a valid quote");
    let books = PriceBooks::builtin().expect("the built-in book");
    let priced = price(&quote, &books).expect("priced");
    let revised = revise(&quote, &books, &priced, &IndexBook::builtin()).expect("revised");
    let mrg = minimum_guaranteed_revenue(&quote, &priced, &revised).expect("MRG");
    let value = json!({
        "recurring_total": priced.recurring_total,
        "commitment_total": priced.commitment_total,
        "revision": revision_summary(&revised),
        "mrg": mrg_summary(&mrg),
    });
    let mut out = serde_json::to_string_pretty(&value).expect("serialisable");
    out.push('\n');
    out
}

#[test]
fn every_example_revises_and_guarantees_as_its_golden_summary() {
    let dir = root().join("tests/golden_finance");
    let mut failures = Vec::new();
    for path in examples() {
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a name");
        let golden = dir.join(format!("{name}.json"));
        let actual = summary(&path);
        if updating() {
            fs::create_dir_all(&dir).expect("mkdir");
            fs::write(&golden, &actual).expect("write the golden file");
            continue;
        }
        match fs::read_to_string(&golden) {
            Err(_) => failures.push(format!("{} is missing", golden.display())),
            Ok(wanted) if wanted != actual => {
                let line = wanted
                    .lines()
                    .zip(actual.lines())
                    .position(|(w, a)| w != a)
                    .map_or(wanted.lines().count().min(actual.lines().count()), |i| i)
                    + 1;
                failures.push(format!("{} differs from line {line}", golden.display()));
            }
            Ok(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(after an intended change: UPDATE_GOLDEN=1 cargo test --test golden_finance)",
        failures.join("\n")
    );
}
