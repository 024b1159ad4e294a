//! `finance`, `risk`, `credits`, `compare`, `raci` and `portfolio`: each reads its
//! quote(s), calls the engine as the browser's screen does
//! (`src/ui/state.rs`, `views/finance`, `guarantees`, `compare`, `raci`)
//! and writes the engine's report (`engine::files::reports`).

use std::path::{Path, PathBuf};

use cloudquote::engine::contract_life::life::{life, Life};
use cloudquote::engine::contract_life::risk::{mrg_risk, RiskError};
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::Quote;
use cloudquote::engine::files::reports::{comparison, credits, finance, portfolio, raci, risk};
use cloudquote::engine::finance::indices::{parse_index_csv, IndexBook};
use cloudquote::engine::finance::revision::{revise, RevisedQuote};
use cloudquote::engine::portfolio::{entries_parallel, totals, Entry};
use cloudquote::engine::pricing::PricedQuote;
use cloudquote::engine::responsibilities;
use cloudquote::engine::scenarios::comparison::compare;
use cloudquote::engine::service_levels::{simulate, ServiceLevels};

use super::options::ReportArgs;
use super::{
    input, load_books, load_quote, price_quote, read_text, report_issues, write_stdout, Failure,
};

pub fn run(args: ReportArgs) -> Result<i32, Failure> {
    let books = load_books(&args.books)?;
    match args.command {
        "finance" => run_finance(&args, &books),
        "risk" => run_risk(&args, &books),
        "credits" => run_credits(&args, &books),
        "compare" => run_compare(&args, &books),
        "raci" => run_raci(&args, &books),
        _ => run_portfolio(&args, &books),
    }
}

/// The built-in index book with the tables of `--indices`, each value set
/// as the browser's paste sets it (a value given wins over a shipped one of
/// the same period).
fn load_indices(args: &ReportArgs) -> Result<IndexBook, Failure> {
    let mut book = IndexBook::builtin();
    for (kind, path) in &args.indices {
        let text = read_text(path)?;
        let values = parse_index_csv(&text, *kind).map_err(|e| {
            input(format!(
                "{}:{}: {} table: {}",
                path.display(),
                e.line,
                kind.key(),
                e.message
            ))
        })?;
        if values.is_empty() {
            return Err(input(format!(
                "{}: no {} value found",
                path.display(),
                kind.key()
            )));
        }
        let series = book.series_mut(*kind);
        values.into_iter().for_each(|v| series.set(v));
    }
    Ok(book)
}

fn file(args: &ReportArgs) -> &Path {
    &args.files[0]
}

/// The quote of `args` priced, revised (§9.3) and followed over its life
/// (issue 15: the MRG counting a claimed credit, reversibility, the exit),
/// as `quote finance` and `quote risk` both need it, and the way to say an
/// amount is out of range.
struct Finance {
    quote: Quote,
    priced: PricedQuote,
    revised: RevisedQuote,
    life: Life,
}

fn too_large(path: &Path, what: &str) -> Failure {
    input(format!(
        "{}: {what}: an amount is too large",
        path.display()
    ))
}

fn finance_of(args: &ReportArgs, books: &PriceBooks) -> Result<Finance, Failure> {
    let indices = load_indices(args)?;
    let path = file(args);
    let quote = load_quote(path, books)?;
    let priced = price_quote(path, &quote, books)?;
    let revised =
        revise(&quote, books, &priced, &indices).map_err(|_| too_large(path, "revision"))?;
    let life = life(&quote, &priced, &revised).map_err(|_| too_large(path, "MRG"))?;
    Ok(Finance {
        quote,
        priced,
        revised,
        life,
    })
}

fn run_finance(args: &ReportArgs, books: &PriceBooks) -> Result<i32, Failure> {
    let f = finance_of(args, books)?;
    let output = match args.format {
        "csv" => finance::revision_csv(&f.revised, args.csv),
        "mrg-csv" => finance::mrg_csv(&f.life.mrg, args.csv),
        _ => finance::finance_life_json(&f.revised, &f.life),
    };
    write_stdout(&output)?;
    Ok(report_issues(&f.priced, args.allow_issues))
}

fn run_risk(args: &ReportArgs, books: &PriceBooks) -> Result<i32, Failure> {
    let path = file(args);
    // The MRG as the finance tab shows it (a claimed credit deducted).
    let Finance {
        quote,
        priced,
        revised,
        life,
    } = finance_of(args, books)?;
    let mrg = life.mrg;
    let overflow = |what: &str| too_large(path, what);
    let report = mrg_risk(&quote, &priced, &revised, &mrg).map_err(|e| match e {
        RiskError::Overflow => overflow("MRG risk"),
        RiskError::Draws { .. } => input(format!("{}: contract_life.risk: {e}", path.display())),
    })?;
    let output = match args.format {
        "csv" => risk::risk_csv(&report, args.csv),
        _ => risk::risk_json(&report),
    };
    write_stdout(&output)?;
    Ok(report_issues(&priced, args.allow_issues))
}

fn run_credits(args: &ReportArgs, books: &PriceBooks) -> Result<i32, Failure> {
    let path = file(args);
    let quote = load_quote(path, books)?;
    let Some(month) = quote.sla_simulation.as_ref() else {
        return Err(input(format!(
            "{}: the quote has no simulated month (sla_simulation): nothing to credit; \
             enter one in the browser's service levels tab or in the file (docs/quote-format.md)",
            path.display()
        )));
    };
    let priced = price_quote(path, &quote, books)?;
    let report = simulate(&quote, &priced, ServiceLevels::builtin(), month).map_err(|e| {
        input(format!(
            "{}: the simulated month cannot be computed: {e}",
            path.display()
        ))
    })?;
    let output = match args.format {
        "csv" => credits::credits_csv(&report, args.csv),
        _ => cloudquote::engine::files::reports::pretty(&report),
    };
    write_stdout(&output)?;
    Ok(report_issues(&priced, args.allow_issues))
}

fn run_compare(args: &ReportArgs, books: &PriceBooks) -> Result<i32, Failure> {
    let path = file(args);
    let quote = load_quote(path, books)?;
    // What each model sets aside is told with the book in force at signature.
    let book = books
        .in_force(&quote.region, quote.start_date)
        .ok_or_else(|| {
            input(format!(
                "{}: no price book for region “{}” is in force on {}",
                path.display(),
                quote.region,
                quote.start_date
            ))
        })?;
    let comparison = compare(&quote, books, book, &quote.scenarios());
    let output = match args.format {
        "csv" => comparison::comparison_csv(&comparison, args.csv),
        _ => comparison::comparison_json(&comparison),
    };
    write_stdout(&output)?;
    Ok(0)
}

fn run_raci(args: &ReportArgs, books: &PriceBooks) -> Result<i32, Failure> {
    let quote = load_quote(file(args), books)?;
    let matrix = responsibilities::matrix(&quote);
    let problems = responsibilities::validate(&matrix);
    let output = match args.format {
        "json" => raci::raci_json(&matrix, &problems, args.csv.lang),
        _ => raci::raci_csv(&matrix, args.csv),
    };
    write_stdout(&output)?;
    if problems.is_empty() {
        return Ok(0);
    }
    let mut message = format!(
        "the RACI matrix is not valid ({} problem(s)):",
        problems.len()
    );
    for p in &problems {
        message.push_str(&format!("\n  {}: {}", p.activity, p.message(args.csv.lang)));
    }
    Err(Failure { code: 3, message })
}

/// The files of the portfolio: each file given, and each folder's `*.json`
/// files in name order.
fn portfolio_files(args: &ReportArgs) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in &args.files {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| input(format!("cannot read the folder {}: {e}", path.display())))?;
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn run_portfolio(args: &ReportArgs, books: &PriceBooks) -> Result<i32, Failure> {
    let indices = load_indices(args)?;
    let at = args
        .at
        .ok_or_else(|| input("quote portfolio: --at is expected"))?;
    let files = portfolio_files(args)?;
    // An unreadable file is an entry in error like a malformed one.
    let mut texts = Vec::new();
    let mut unreadable = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let source = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => texts.push((source, text)),
            Err(e) => unreadable.push((
                i,
                Entry {
                    error: Some(format!("cannot read {source}: {e}")),
                    source,
                    row: None,
                },
            )),
        }
    }
    let mut entries = entries_parallel(&texts, books, &indices, at);
    for (i, entry) in unreadable {
        entries.insert(i, entry);
    }
    let totals = totals(&entries).map_err(|_| input("portfolio totals: an amount is too large"))?;
    let output = match args.format {
        "json" => portfolio::portfolio_json(at, &entries, &totals),
        _ => portfolio::portfolio_csv(&entries, &totals, args.csv),
    };
    write_stdout(&output)?;
    if totals.failed == 0 {
        return Ok(0);
    }
    let mut message = format!("{} file(s) of the portfolio in error:", totals.failed);
    for e in entries.iter().filter_map(|e| e.error.as_ref()) {
        message.push_str(&format!("\n  {e}"));
    }
    Err(Failure { code: 3, message })
}
