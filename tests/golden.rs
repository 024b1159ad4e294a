//! Golden tests: every example quote of `examples/` priced with the built-in
//! book, compared with what was checked in under `tests/golden/`; the JSON
//! Schemas of `docs/` compared with the generated ones; and the `quote`
//! command line run as a person would.
//!
//! After an intended change of the engine, the book or the examples,
//! regenerate and review the diff:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test golden
//! git diff tests/golden docs
//! ```
#![cfg(not(target_arch = "wasm32"))]

mod golden_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cloudquote::engine::document::pricebook::{PriceBooks, DEFAULT_PRICE_BOOK_JSON};
use cloudquote::engine::document::quote::Quote;
use cloudquote::engine::files::csv::{lines_csv, CsvOptions};
use cloudquote::engine::files::schema::{pricebook_schema, quote_schema};
use cloudquote::engine::pricing::{price, PricedQuote};
use golden_support::{examples, root, updating};

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .expect("a UTF-8 file name")
        .to_owned()
}

/// Compares `actual` with the file `expected`, or rewrites the file when
/// updating. Returns a description of the first difference, if any.
fn check(expected: &Path, actual: &str) -> Option<String> {
    let shown = expected
        .strip_prefix(root())
        .unwrap_or(expected)
        .display()
        .to_string();
    if updating() {
        fs::create_dir_all(expected.parent().expect("a parent folder")).expect("mkdir");
        fs::write(expected, actual).expect("write the golden file");
        return None;
    }
    let Ok(wanted) = fs::read_to_string(expected) else {
        return Some(format!(
            "{shown} is missing: run UPDATE_GOLDEN=1 cargo test --test golden"
        ));
    };
    first_difference(&wanted, actual).map(|diff| format!("{shown} differs: {diff}"))
}

/// The first line where two texts differ, with both versions.
fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let mut wanted = expected.split('\n');
    let mut got = actual.split('\n');
    let mut number = 1;
    loop {
        match (wanted.next(), got.next()) {
            (Some(w), Some(g)) if w == g => number += 1,
            (w, g) => {
                return Some(format!(
                    "first difference at line {number}\n  expected: {}\n    actual: {}",
                    w.map_or("<end of file>".to_owned(), |l| format!("{l:?}")),
                    g.map_or("<end of file>".to_owned(), |l| format!("{l:?}")),
                ))
            }
        }
    }
}

fn priced(path: &Path) -> PricedQuote {
    let text = fs::read_to_string(path).expect("readable example");
    let quote = Quote::from_json(&text)
        .unwrap_or_else(|e| panic!("{}: not a valid quote: {e}", path.display()));
    let books = PriceBooks::builtin().expect("the built-in book");
    price(&quote, &books).unwrap_or_else(|e| panic!("{}: fatal error: {e}", path.display()))
}

fn pretty(priced: &PricedQuote) -> String {
    let mut json = serde_json::to_string_pretty(priced).expect("serialisable");
    json.push('\n');
    json
}

fn golden(name: &str, extension: &str) -> PathBuf {
    root()
        .join("tests/golden")
        .join(format!("{name}.{extension}"))
}

#[test]
fn every_example_prices_as_its_golden_json_and_csv() {
    let examples = examples();
    assert!(
        (6..=12).contains(&examples.len()),
        "6 to 10 examples, found {}",
        examples.len()
    );
    let mut failures = Vec::new();
    for path in &examples {
        let raw: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(path).expect("readable")).expect("JSON");
        assert_eq!(
            raw["schema_version"],
            cloudquote::engine::document::quote::SCHEMA_VERSION,
            "{}: examples are written in the current format",
            path.display()
        );
        let name = stem(path);
        let priced = priced(path);
        failures.extend(check(&golden(&name, "json"), &pretty(&priced)));
        failures.extend(check(
            &golden(&name, "csv"),
            &lines_csv(&priced, CsvOptions::default()),
        ));
    }
    // A golden file whose example was removed or renamed is stale.
    let names: Vec<String> = examples.iter().map(|p| stem(p)).collect();
    if let Ok(entries) = fs::read_dir(root().join("tests/golden")) {
        for entry in entries.flatten() {
            let path = entry.path();
            if !names.contains(&stem(&path)) {
                if updating() {
                    fs::remove_file(&path).expect("remove a stale golden file");
                } else {
                    failures.push(format!("{} has no example any more", path.display()));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(after an intended change: UPDATE_GOLDEN=1 cargo test --test golden)",
        failures.join("\n\n")
    );
}

/// Each rule the examples are there to show is really exercised (the
/// golden files alone would accept an example that silently stopped
/// showing it).
#[test]
fn the_examples_cover_the_rules_they_claim() {
    let find = |name: &str| priced(&root().join("examples").join(format!("{name}.json")));
    let issues = |p: &PricedQuote| {
        p.issues
            .iter()
            .map(|i| serde_json::to_value(&i.issue).expect("serialisable")["issue"].clone())
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };

    // §7, §9.7: tiers at signature and for a line ordered later.
    let p = find("tiers-and-later-order");
    assert!(p.lines.iter().any(|l| l.tier_months == Some(36)));
    assert!(p
        .lines
        .iter()
        .any(|l| l.tier_months == Some(24) && l.starts > p.start_date));
    // §4.1, §9.8.1: 30/70.
    let p = find("build-thirty-seventy");
    assert_eq!(p.build.instalments.len(), 2);
    assert!(p
        .lines
        .iter()
        .any(|l| l.build == cloudquote::engine::document::catalog::BuildModel::Backend));
    // §9.8.2: lines start at their lot's delivery.
    let p = find("build-milestones-lots");
    let starts: std::collections::BTreeSet<_> = p.lines.iter().map(|l| l.starts).collect();
    assert!(starts.len() >= 3, "{starts:?}");
    // §5.3: an upgrade, a later legal downgrade, a warning past the end.
    let p = find("support-upgrade-timeline");
    assert!(p.support.iter().any(|s| s.segments.len() == 3));
    assert!(!p.has_errors());
    // §5.3, §6, §7.1.2: the refused downgrade, 7th accelerated change and
    // missing dependency.
    let p = find("errors-downgrade-and-7th-accelerated");
    let found = issues(&p);
    for expected in [
        "support_downgrade_while_committed",
        "too_many_accelerated",
        "missing_dependency",
    ] {
        assert!(found.iter().any(|i| i == expected), "{expected}: {found:?}");
    }
    // §9.6: ticket overage each quarter; §6.1.1–6.1.2 governance present.
    let p = find("tickets-premium-governance");
    assert!(p.tickets.periods.iter().all(|t| !t.amount.is_zero()));
    assert!(!p.has_errors());
    // §6, §12, §5.5: several packs, off-hours and accelerated changes, fixed capacity.
    let p = find("tokens-pack-fixed-capacity");
    assert!(p.tokens.packs.len() >= 2, "several packs (§5.5)");
    assert!(p.tokens.changes.iter().any(|c| c.multiplier == 4));
    assert!(p.tokens.fixed_capacity.is_some());
    // §2: Full DevOps, professional services only.
    let p = find("full-devops-professional-services");
    assert!(p
        .lines
        .iter()
        .all(|l| l.family == cloudquote::engine::document::catalog::Family::Consulting));
    // §7: pro rata in the first and the last month.
    let p = find("mid-month-start-pro-rata");
    let first = &p.lines[0];
    assert!(first.months[0] < first.amount && *first.months.last().unwrap() < first.amount);
    // §6, §11: specific lines, one-time and monthly.
    let p = find("specific-lines");
    assert!(p
        .schedule
        .iter()
        .any(|i| i.category == cloudquote::engine::pricing::Category::SpecificOneTime));
    assert!(p
        .schedule
        .iter()
        .any(|i| i.category == cloudquote::engine::pricing::Category::SpecificMonthly));
}

#[test]
fn the_checked_in_schemas_are_the_generated_ones() {
    let failures: Vec<String> = [
        ("docs/quote.schema.json", quote_schema()),
        ("docs/pricebook.schema.json", pricebook_schema()),
    ]
    .into_iter()
    .filter_map(|(file, generated)| check(&root().join(file), &generated))
    .collect();
    assert!(
        failures.is_empty(),
        "{}\n(regenerate: UPDATE_GOLDEN=1 cargo test --test golden)",
        failures.join("\n\n")
    );
}

// The command line, run as a person would.

fn quote_cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quote"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the quote binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 messages")
}

const EXAMPLE: &str = "examples/build-milestones-lots.json";

#[test]
fn cli_prices_an_example_in_each_format() {
    let json = quote_cli(&["price", EXAMPLE]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let explicit = quote_cli(&["price", EXAMPLE, "--format", "json"]);
    assert_eq!(stdout(&explicit), stdout(&json));
    if !updating() {
        let wanted = fs::read_to_string(golden("build-milestones-lots", "json")).expect("golden");
        assert_eq!(first_difference(&wanted, &stdout(&json)), None);
    }

    let csv = quote_cli(&["price", EXAMPLE, "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(0), "{}", stderr(&csv));
    if !updating() {
        let wanted = fs::read_to_string(golden("build-milestones-lots", "csv")).expect("golden");
        assert_eq!(first_difference(&wanted, &stdout(&csv)), None);
    }

    let schedule = quote_cli(&["price", EXAMPLE, "--format=schedule-csv", "--lang", "en"]);
    assert_eq!(schedule.status.code(), Some(0), "{}", stderr(&schedule));
    let text = stdout(&schedule);
    let mut rows = text.lines();
    assert_eq!(rows.next(), Some("date,category,label,amount"));
    assert_eq!(
        rows.next(),
        Some("2027-01-01,access_fee,Service access fee,2500.00")
    );

    let comma = quote_cli(&[
        "price",
        EXAMPLE,
        "--format",
        "schedule-csv",
        "--decimal-comma",
    ]);
    assert_eq!(comma.status.code(), Some(0));
    assert!(stdout(&comma).starts_with(
        "date;category;label;amount\n2027-01-01;access_fee;Frais d'accès au service;2500,00\n"
    ));
}

#[test]
fn cli_exit_codes_tell_issues_input_and_usage_errors_apart() {
    // Issues of severity error: 3, unless allowed; the output is still written.
    let errors = "examples/errors-downgrade-and-7th-accelerated.json";
    let out = quote_cli(&["price", errors, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stdout(&out).starts_with("id,item,"));
    let messages = stderr(&out);
    assert!(messages.contains("support change id 1"), "{messages}");
    assert!(
        messages.contains("7 accelerated changes a year"),
        "{messages}"
    );
    let out = quote_cli(&["price", errors, "--allow-issues"]);
    assert_eq!(out.status.code(), Some(0));

    // Usage errors: 2.
    for args in [
        &[][..],
        &["price"],
        &["price", EXAMPLE, "--format", "xml"],
        &["price", EXAMPLE, "--bogus"],
        &["price", EXAMPLE, "--format"],
        &["schema", "invoice"],
        &["frobnicate"],
    ] {
        let out = quote_cli(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("usage: quote"), "{args:?}");
    }
    assert_eq!(quote_cli(&["--help"]).status.code(), Some(0));

    // Unreadable file: 1.
    let out = quote_cli(&["price", "examples/no-such-quote.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read examples/no-such-quote.json"));
}

#[test]
fn cli_names_the_line_and_column_of_malformed_json() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("malformed-quote.json");
    fs::write(
        &file,
        "{\n  \"schema_version\": 2,\n  \"client\": \"ACME\"\n  \"project\": \"ERP\"\n}\n",
    )
    .expect("write a temporary file");
    let out = quote_cli(&["price", file.to_str().expect("UTF-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("malformed-quote.json:4:3: not valid JSON"),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");

    // Valid JSON that is not a quote: the engine's reading names the field.
    let file = dir.join("not-a-quote.json");
    fs::write(&file, "{\"schema_version\": 2, \"client\": 3}").expect("write");
    let out = quote_cli(&["price", file.to_str().expect("UTF-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the quote is not valid JSON: invalid type"),
        "{}",
        stderr(&out)
    );

    // A quote out of the document's bounds (§9.1: at least 12 months),
    // refused when read, with where and why.
    let text = fs::read_to_string(root().join(EXAMPLE))
        .expect("example")
        .replace("\"commitment_months\": 48", "\"commitment_months\": 6");
    let file = dir.join("too-short.json");
    fs::write(&file, text).expect("write");
    let out = quote_cli(&["price", file.to_str().expect("UTF-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("commitment (months): 6 is out of range (12 to 120)"),
        "{}",
        stderr(&out)
    );
}

/// §9.7: with several books, a line ordered later is priced with the book
/// in force at its order date.
#[test]
fn cli_prices_with_the_books_given() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let first = dir.join("book-2024.json");
    fs::write(&first, DEFAULT_PRICE_BOOK_JSON).expect("write");
    let mut later: serde_json::Value =
        serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("the built-in book");
    later["version"] = "2028.1".into();
    later["effective_date"] = "2028-01-01".into();
    for item in later["items"].as_array_mut().expect("items") {
        if item["code"] == "OS-MGD" {
            item["price"] = "125.00".into();
        }
    }
    let second = dir.join("book-2028.json");
    fs::write(&second, serde_json::to_string(&later).expect("JSON")).expect("write");

    let out = quote_cli(&[
        "price",
        "examples/tiers-and-later-order.json",
        "--pricebook",
        first.to_str().expect("UTF-8"),
        "--pricebook",
        second.to_str().expect("UTF-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let priced: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let line = |id: u64| {
        priced["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .find(|l| l["id"] == id)
            .expect("the line")
            .clone()
    };
    // Line 1 at signature: the 2024 book, 36-month tier (5 %): 120 x 0.95.
    assert_eq!(line(1)["book_version"], "2024.2");
    assert_eq!(line(1)["unit_price"], "114.00");
    // Line 7 ordered 2028-11-01: the 2028 book, 14 months left, rounded up
    // to the 24-month tier (3 %): 125 x 0.97 = 121.25.
    assert_eq!(line(7)["book_version"], "2028.1");
    assert_eq!(line(7)["unit_price"], "121.25");

    // An invalid book is an input error naming the file.
    let bad = dir.join("book-bad.json");
    fs::write(&bad, DEFAULT_PRICE_BOOK_JSON.replace("\"EUR\"", "\"USD\"")).expect("write");
    let out = quote_cli(&[
        "price",
        "examples/tiers-and-later-order.json",
        "--pricebook",
        bad.to_str().expect("UTF-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("book-bad.json: only EUR price books"));
}

#[test]
fn cli_prints_the_schemas_of_docs() {
    for (what, file) in [
        ("quote", "docs/quote.schema.json"),
        ("pricebook", "docs/pricebook.schema.json"),
    ] {
        let out = quote_cli(&["schema", what]);
        assert_eq!(out.status.code(), Some(0));
        if !updating() {
            let wanted = fs::read_to_string(root().join(file)).expect("checked-in schema");
            assert_eq!(first_difference(&wanted, &stdout(&out)), None, "{file}");
        }
    }
}
