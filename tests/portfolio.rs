//! The portfolio (issue 17): a row is the quote's own finance output read
//! at a date; a bad file in a batch is reported in its entry, located, and
//! leaves the other rows unchanged; the report commands' exit codes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

use chrono::{Months, NaiveDate};
use cloudquote::engine::document::catalog::BuildModel;
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::Quote;
use cloudquote::engine::document::raci::{Letters, Party};
use cloudquote::engine::files::reports::finance::finance_json;
use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::mrg::minimum_guaranteed_revenue;
use cloudquote::engine::finance::revision::revise;
use cloudquote::engine::portfolio::{portfolio_row, read_entry, totals, Entry};
use cloudquote::engine::pricing::price;
use cloudquote::engine::responsibilities;
use proptest::prelude::*;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> String {
    fs::read_to_string(root().join("examples").join(format!("{name}.json"))).expect("an example")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The row of a quote says what `quote finance` says of it: the factors
    /// of the steps on its next anniversary, the increase of the year it
    /// starts, the MRG year in progress.
    #[test]
    fn a_portfolio_row_is_the_quotes_own_finance_output(
        quote in common::arb_quote(),
        months_after in 0u32..80,
    ) {
        let books = PriceBooks::builtin().unwrap();
        let indices = IndexBook::builtin();
        let at = quote.start_date.checked_add_months(Months::new(months_after)).unwrap();
        let Ok(priced) = price(&quote, &books) else { return Ok(()); };
        let revised = revise(&quote, &books, &priced, &indices).unwrap();
        let mrg = minimum_guaranteed_revenue(&quote, &priced, &revised).unwrap();
        let finance: Value = serde_json::from_str(&finance_json(&revised, &mrg)).unwrap();
        let row = serde_json::to_value(portfolio_row(&quote, &books, &indices, at).unwrap()).unwrap();

        prop_assert_eq!(&row["tcv"], &serde_json::to_value(priced.commitment_total).unwrap());
        prop_assert_eq!(&row["revised_tcv"], &finance["revision"]["revised_total"]);
        // The next anniversary: the first `revise` revises on, on or after the date.
        let anniversaries: Vec<NaiveDate> = (1..)
            .map_while(|k| quote.start_date.checked_add_months(Months::new(12 * k)))
            .take_while(|d| *d < priced.end_date)
            .collect();
        let next = anniversaries.iter().find(|d| **d >= at);
        match next {
            None => prop_assert!(row["next_revision"].is_null()),
            Some(date) => {
                let date = date.to_string();
                let n = &row["next_revision"];
                prop_assert_eq!(n["date"].as_str(), Some(date.as_str()));
                let mut factors: Vec<String> = finance["revision"]["charges"]
                    .as_array().unwrap().iter()
                    .flat_map(|c| c["steps"].as_array().unwrap().clone())
                    .filter(|s| s["date"] == date.as_str())
                    .map(|s| s["factor"].as_str().unwrap().to_owned())
                    .collect();
                factors.sort_by_key(|f| f.parse::<rust_decimal::Decimal>().unwrap());
                factors.dedup();
                let got: Vec<String> = n["factors"].as_array().unwrap().iter()
                    .map(|f| f.as_str().unwrap().to_owned()).collect();
                prop_assert_eq!(got, factors);
                let year = finance["revision"]["years"].as_array().unwrap().iter()
                    .find(|y| y["from"] == date.as_str()).unwrap().clone();
                prop_assert_eq!(&n["year"], &year["year"]);
                prop_assert_eq!(&n["increase"], &year["increase"]);
            }
        }
        let in_progress = finance["mrg"]["years"].as_array().unwrap().iter().find(|y| {
            let (from, to) = (y["from"].as_str().unwrap(), y["to"].as_str().unwrap());
            from <= at.to_string().as_str() && at.to_string().as_str() < to
        }).cloned();
        match in_progress {
            None => prop_assert!(row["mrg"].is_null()),
            Some(y) => {
                let m = &row["mrg"];
                prop_assert_eq!(&m["year"], &y["year"]);
                prop_assert_eq!(&m["annual_mrg"], &y["annual_mrg"]);
                prop_assert_eq!(&m["carry_in"], &y["carry_in"]);
                prop_assert_eq!(&m["forecast_attainment"], &y["attainment"]);
                prop_assert_eq!(&m["forecast_shortfall"], &y["shortfall"]);
                // To date, never more than the year's forecast (nothing is negative).
                let to_date: rust_decimal::Decimal = m["attainment_to_date"].as_str().unwrap().parse().unwrap();
                let whole: rust_decimal::Decimal = y["attainment"].as_str().unwrap().parse().unwrap();
                prop_assert!(y["overridden"] == true || to_date <= whole, "{} > {}", to_date, whole);
            }
        }
    }
}

fn at() -> NaiveDate {
    NaiveDate::from_ymd_opt(2028, 3, 15).unwrap()
}

fn entries(files: &[(&str, String)]) -> Vec<Entry> {
    let books = PriceBooks::builtin().unwrap();
    let indices = IndexBook::builtin();
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(s, t)| ((*s).to_owned(), t.clone()))
        .collect();
    cloudquote::engine::portfolio::entries_parallel(&files, &books, &indices, at())
}

#[test]
fn a_bad_file_is_located_in_its_row_and_the_others_are_unchanged() {
    let good = example("build-thirty-seventy");
    let other = example("tiers-and-later-order");
    let malformed =
        "{\n  \"schema_version\": 3,\n  \"client\": \"ACME\"\n  \"project\": \"ERP\"\n}\n";
    let out_of_bounds = good.replace("\"commitment_months\": 24", "\"commitment_months\": 6");
    assert_ne!(out_of_bounds, good);
    let batch = entries(&[
        ("a.json", good.clone()),
        ("bad.json", malformed.to_owned()),
        ("short.json", out_of_bounds),
        ("b.json", other.clone()),
    ]);
    let alone = entries(&[("a.json", good), ("b.json", other)]);
    assert_eq!(batch.len(), 4);
    assert_eq!(batch[0], alone[0]);
    assert_eq!(batch[3], alone[1]);
    let error = batch[1].error.as_deref().expect("an error");
    assert!(error.starts_with("bad.json:4:3: not valid JSON"), "{error}");
    assert!(batch[1].row.is_none());
    let error = batch[2].error.as_deref().expect("an error");
    assert!(
        error.starts_with("short.json:") && error.contains("6 is out of range (12 to 120)"),
        "{error}"
    );
    let t = totals(&batch).unwrap();
    assert_eq!((t.contracts, t.failed), (2, 2));
    assert_eq!(t, {
        let mut t = totals(&alone).unwrap();
        t.failed = 2;
        t
    });
    // The batch on every core is the batch one by one.
    let books = PriceBooks::builtin().unwrap();
    let indices = IndexBook::builtin();
    for e in &batch {
        let text = match e.source.as_str() {
            "a.json" => example("build-thirty-seventy"),
            "b.json" => example("tiers-and-later-order"),
            _ => continue,
        };
        assert_eq!(*e, read_entry(&e.source, &text, &books, &indices, at()));
    }
}

fn quote_cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quote"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the quote binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn cli_report_commands_say_by_their_exit_code_what_went_wrong() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("portfolio-cli");
    fs::create_dir_all(&dir).unwrap();
    let e = "examples/build-thirty-seventy.json";

    // Usage errors: 2.
    for args in [
        &["portfolio", "examples"][..],
        &["portfolio", "examples", "--at", "15/03/2028"],
        &["finance", e, "--format", "xml"],
        &["finance", e, "--indices", "cac40=x.csv"],
        &["finance", e, "--indices", "x.csv"],
        &["credits", e, "--at", "2028-01-01"],
        &["raci"],
        &["compare", e, e],
    ] {
        let out = quote_cli(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("usage: quote"), "{args:?}");
    }

    // No simulated month: 1, said so.
    let out = quote_cli(&["credits", e]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no simulated month (sla_simulation)"));

    // A bad index table: 1, with the file and line.
    let bad = dir.join("bad-syntec.csv");
    fs::write(&bad, "period;value;published;source\n2028-13;340\n").unwrap();
    let out = quote_cli(&[
        "finance",
        e,
        "--indices",
        &format!("syntec={}", bad.display()),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad-syntec.csv:2: syntec table"),
        "{}",
        stderr(&out)
    );

    // Published values replace the projection: the revision is no longer provisional.
    let before = quote_cli(&["finance", e, "--format", "csv"]);
    assert!(
        stdout(&before).contains("2028-02=337.5 provisional"),
        "{}",
        stdout(&before)
    );
    let syntec = dir.join("syntec.csv");
    fs::write(
        &syntec,
        "period;value;published;source\n2027-04;331,9;2027-05-28;Syntec\n2028-02;338,0;2028-03-27;Syntec\n",
    )
    .unwrap();
    let out = quote_cli(&[
        "finance",
        e,
        "--format",
        "csv",
        "--indices",
        &format!("syntec={}", syntec.display()),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(",2028-02=338.0,") || text.contains(",2028-02=338,"),
        "{text}"
    );
    assert!(!text.contains("2028-02=337.5"), "{text}");

    // An invalid RACI matrix: the CSV is printed, the problems listed, 3.
    let mut quote = Quote::from_json(&fs::read_to_string(root().join(e)).unwrap()).unwrap();
    let build: BuildModel = responsibilities::dominant_build(&quote);
    let first = responsibilities::matrix(&quote).rows[0].id.clone();
    for party in [Party::Client, Party::Provider] {
        responsibilities::set_cell(
            &mut quote.raci,
            quote.model,
            build,
            &first,
            party,
            Letters::parse("C").unwrap(),
        );
    }
    let invalid = dir.join("invalid-raci.json");
    fs::write(&invalid, quote.to_json()).unwrap();
    let out = quote_cli(&["raci", invalid.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("activity,label,client,provider,edited,custom\n"));
    assert!(
        stderr(&out).contains(&format!("{first}: No A")),
        "{}",
        stderr(&out)
    );
    assert_eq!(quote_cli(&["raci", e]).status.code(), Some(0));

    // A portfolio with a bad file: every row printed, the bad one with its error, 3.
    fs::write(
        dir.join("a.json"),
        fs::read_to_string(root().join(e)).unwrap(),
    )
    .unwrap();
    fs::write(dir.join("b.json"), "{ \"schema_version\": 3,, }").unwrap();
    fs::write(dir.join("notes.txt"), "not a quote").unwrap();
    let out = quote_cli(&["portfolio", dir.to_str().unwrap(), "--at", "2028-03-15"]);
    assert_eq!(out.status.code(), Some(3));
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().collect();
    // Header, a, b, invalid-raci (a valid quote), total.
    assert_eq!(rows.len(), 5, "{text}");
    assert!(rows[1].contains("a.json,Mutuelle Atlantique"), "{text}");
    assert!(rows[2].contains("b.json:1:23: not valid JSON"), "{text}");
    assert!(rows[4].starts_with("total,2 contract(s),"), "{text}");
    assert!(stderr(&out).contains("1 file(s) of the portfolio in error"));
    // An unreadable file is an entry in error too.
    let out = quote_cli(&[
        "portfolio",
        e,
        "examples/none.json",
        "--at",
        "2028-03-15",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v["entries"][1]["error"]
        .as_str()
        .unwrap()
        .starts_with("cannot read examples/none.json"));
    assert_eq!(v["totals"]["contracts"], 1);
}
