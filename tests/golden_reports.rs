//! Golden files of the report commands of `quote` (issue 17), run as a
//! person would on every example: `finance` (JSON, revision CSV, MRG CSV),
//! `compare` (JSON, CSV), `raci` (CSV), `credits` (JSON, CSV) for the
//! examples with a simulated month, and `portfolio` of the whole examples/
//! folder at a fixed date (CSV, JSON); `risk` (JSON, CSV) of a quote with
//! uncertainties (`tests/golden_reports/risk/quote.json`). Checked in under
//! `tests/golden_reports/`.
//!
//! After an intended change, regenerate and review the diff:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test golden_reports
//! git diff tests/golden_reports
//! ```
#![cfg(not(target_arch = "wasm32"))]

mod golden_support;

use std::fs;
use std::path::Path;
use std::process::Command;

use golden_support::{examples, root, updating};

/// The portfolio's date: every example is running, most between anniversaries.
const AT: &str = "2028-03-15";

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_quote"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the quote binary runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 messages"),
    )
}

/// Compares with the golden file (or rewrites it when updating).
fn check(name: &str, actual: &str, failures: &mut Vec<String>) {
    let path = root().join("tests/golden_reports").join(name);
    if updating() {
        fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        fs::write(&path, actual).expect("write the golden file");
        return;
    }
    match fs::read_to_string(&path) {
        Err(_) => failures.push(format!("{name} is missing")),
        Ok(wanted) if wanted != actual => {
            let line = wanted
                .lines()
                .zip(actual.lines())
                .position(|(w, a)| w != a)
                .map_or(wanted.lines().count().min(actual.lines().count()), |i| i)
                + 1;
            failures.push(format!("{name} differs from line {line}"));
        }
        Ok(_) => {}
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .expect("a UTF-8 name")
        .to_owned()
}

#[test]
fn every_example_reports_as_its_golden_files() {
    let mut failures = Vec::new();
    let mut with_credits = 0;
    for path in examples() {
        let name = stem(&path);
        let file = format!("examples/{name}.json");
        let errors = name.starts_with("errors-");
        for (command, format, extension) in [
            ("finance", "json", "finance.json"),
            ("finance", "csv", "revision.csv"),
            ("finance", "mrg-csv", "mrg.csv"),
            ("compare", "json", "compare.json"),
            ("compare", "csv", "compare.csv"),
            ("raci", "csv", "raci.csv"),
        ] {
            let (code, out, err) = run(&[command, &file, "--format", format]);
            // The example of errors exits 3 (issues of severity error), still printed.
            let expected = if errors && command == "finance" { 3 } else { 0 };
            assert_eq!(code, Some(expected), "{command} {file}: {err}");
            check(&format!("{name}.{extension}"), &out, &mut failures);
        }
        let has_month = fs::read_to_string(&path)
            .expect("readable")
            .contains("\"sla_simulation\"");
        for (format, extension) in [("json", "credits.json"), ("csv", "credits.csv")] {
            let (code, out, err) = run(&["credits", &file, "--format", format]);
            if has_month {
                assert_eq!(code, Some(0), "credits {file}: {err}");
                check(&format!("{name}.{extension}"), &out, &mut failures);
            } else {
                assert_eq!(code, Some(1), "credits {file} without a month");
                assert!(err.contains("no simulated month (sla_simulation)"), "{err}");
                assert!(out.is_empty());
            }
        }
        with_credits += usize::from(has_month);
    }
    assert!(with_credits >= 1, "an example has a simulated month");
    for (format, name) in [("csv", "portfolio.csv"), ("json", "portfolio.json")] {
        let (code, out, err) = run(&["portfolio", "examples", "--at", AT, "--format", format]);
        assert_eq!(code, Some(0), "portfolio: {err}");
        check(name, &out, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{}\n(after an intended change: UPDATE_GOLDEN=1 cargo test --test golden_reports)",
        failures.join("\n")
    );
}

#[test]
fn the_mrg_risk_reports_as_its_golden_files() {
    // §9.4 (issue 15): uncertain lines (one certain to end at the first
    // anniversary), tickets and tokens, 2,000 draws from seed 7.
    let mut failures = Vec::new();
    let file = "tests/golden_reports/risk/quote.json";
    for (format, name) in [("json", "risk/report.json"), ("csv", "risk/report.csv")] {
        let (code, out, err) = run(&["risk", file, "--format", format]);
        assert_eq!(code, Some(0), "risk {file}: {err}");
        check(name, &out, &mut failures);
    }
    // Without uncertainty the draws are the MRG table.
    let (code, out, err) = run(&[
        "risk",
        "examples/tickets-premium-governance.json",
        "--format",
        "csv",
    ]);
    assert_eq!(code, Some(0), "{err}");
    check("risk/certain.csv", &out, &mut failures);
    let (_, bad, err) = run(&["risk", file, "--format", "mrg-csv"]);
    assert!(bad.is_empty() && err.contains("unknown format"), "{err}");
    assert!(
        failures.is_empty(),
        "{}\n(after an intended change: UPDATE_GOLDEN=1 cargo test --test golden_reports)",
        failures.join("\n")
    );
}
