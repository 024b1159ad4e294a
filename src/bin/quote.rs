//! `quote`: the native command line of the quoting engine.
//!
//! ```text
//! quote price FILE.json [--format json|csv|schedule-csv] [--pricebook BOOK.json]...
//!                       [--decimal-comma] [--lang fr|en] [--allow-issues]
//! quote finance FILE.json [--format json|csv|mrg-csv] [--indices KIND=FILE.csv]...
//! quote risk FILE.json [--format json|csv] [--indices KIND=FILE.csv]...
//! quote credits FILE.json [--format json|csv]
//! quote compare FILE.json [--format json|csv]
//! quote raci FILE.json [--format csv|json]
//! quote portfolio FILE.json|FOLDER... --at YYYY-MM-DD [--format json|csv]
//! quote schema quote|pricebook
//! quote help
//! ```
//!
//! `price` reads a quote file (version 1 is migrated, see
//! docs/quote-format.md), prices it with the built-in illustrative book or
//! the books given (§9.7: the one in force at each date applies) and prints
//! the priced quote as JSON, the priced lines as CSV, or the invoicing
//! schedule as CSV. `finance`, `risk`, `credits`, `compare`, `raci` and `portfolio`
//! print what the browser's finance, credit, comparison and RACI screens
//! show, through the same engine calls (`src/bin/cli/reports.rs`). `schema` prints
//! the JSON Schema of a file format.
//!
//! Exit codes: 0 done; 1 an input could not be used (unreadable or malformed
//! file, invalid price book or index table, a quote that cannot be priced
//! at all, a quote without the credit month `credits` needs); 2 a usage
//! error; 3 the output is printed but something is wrong: the quote has
//! issues of severity error (`--allow-issues` exits 0 instead), the RACI
//! matrix is not valid, a file of the portfolio is in error. A quote out
//! of the document's bounds (`document::limits`) exits 1 with each value
//! located. Every message goes to standard error; the command never panics
//! on its input. A UTF-8 byte order mark is skipped.
#![forbid(unsafe_code)]

/// The browser build compiles every binary for wasm32 (clippy `--bins`):
/// there the command line is an empty stub.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main(std::env::args_os().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    mod options;
    mod reports;

    use std::ffi::OsString;
    use std::io::{self, Read, Write};
    use std::path::{Path, PathBuf};

    use cloudquote::engine::document::pricebook::{PriceBook, PriceBooks};
    use cloudquote::engine::document::quote::Quote;
    use cloudquote::engine::files::csv::{lines_csv, schedule_csv, CsvOptions};
    use cloudquote::engine::files::schema::{pricebook_schema, quote_schema};
    use cloudquote::engine::lang::Lang;
    use cloudquote::engine::pricing::{price, Location, PricedQuote, Severity};

    const USAGE: &str = "\
usage: quote price FILE.json [--format json|csv|schedule-csv] [--pricebook BOOK.json]...
                             [--decimal-comma] [--lang fr|en] [--allow-issues]
       quote finance FILE.json [--format json|csv|mrg-csv] [--indices KIND=FILE.csv]...
       quote risk FILE.json [--format json|csv] [--indices KIND=FILE.csv]...
       quote credits FILE.json [--format json|csv]
       quote compare FILE.json [--format json|csv]
       quote raci FILE.json [--format csv|json]
       quote portfolio FILE.json|FOLDER... --at YYYY-MM-DD [--format json|csv]
                             [--indices KIND=FILE.csv]...
       quote schema quote|pricebook
       quote help

price      prices a quote file (FILE.json, or - for standard input) with the
           built-in illustrative price book, or with the books given by
           --pricebook (repeatable: the book in force at each date applies, §9.7)
  --format json          the priced quote as pretty JSON (default)
  --format csv           one row per priced line, one column per month
  --format schedule-csv  the dated invoicing schedule: date,category,label,amount
finance    the yearly revision (§9.3) of each charge on each anniversary and
           the minimum guaranteed revenue (§9.4)
  --format json          revision and MRG as pretty JSON (default)
  --format csv           one row per revised charge and anniversary
  --format mrg-csv       one row per run year of the MRG table
  --indices KIND=FILE    adds or corrects index values (KIND: syntec, icc or
                         electricity; FILE: period;value;published;source,
                         as the browser's paste); repeatable
risk       the MRG risk (§9.4): the quote's draws (contract_life.risk) from
           each forecast's uncertainty; per run year and in total the
           shortfall probability, expected shortfall and P5/P50/P95 of
           attainment (json default with the histogram, or csv); --indices
           as finance
credits    the credits of the quote's simulated month (sla_simulation),
           clause by clause (json default, or csv)
compare    the quote's scenarios side by side: per scenario its totals per
           category and year (json default, or csv)
raci       the RACI matrix of the quote's model (csv default, or json with
           the cells' defaults and sources); its problems on standard
           error; exit 3 when it is not valid
portfolio  one row per contract at --at DATE: value, next anniversary and its
           revision, MRG year in progress; a file in error is reported in its
           row (exit 3) and the others go on; a FOLDER means its *.json files
           (csv default, or json); computed on every core
schema     prints the JSON Schema of a quote file or of a price book file

every command but schema also takes:
  --pricebook BOOK.json  price with these books instead of the built-in one
  --decimal-comma        CSV amounts as 1234,56 with ; between fields
  --lang fr|en           language of names and labels (default fr)
  --allow-issues         exit 0 even if the quote has issues of severity error

exit codes: 0 done, 1 unusable input, 2 usage error, 3 printed but with
issues of severity error, an invalid RACI or a portfolio file in error
";

    /// Why the command stops, with its exit code.
    #[derive(Debug)]
    struct Failure {
        code: i32,
        message: String,
    }

    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: format!("{}\n\n{USAGE}", message.into()),
        }
    }

    fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Format {
        Json,
        LinesCsv,
        ScheduleCsv,
    }

    #[derive(Debug)]
    struct PriceArgs {
        file: PathBuf,
        format: Format,
        books: Vec<PathBuf>,
        csv: CsvOptions,
        allow_issues: bool,
    }

    #[derive(Debug)]
    enum Command {
        Help,
        Price(PriceArgs),
        Report(options::ReportArgs),
        Schema(String),
    }

    /// Runs the command line and returns the exit code.
    pub fn main(args: Vec<OsString>) -> i32 {
        let outcome = parse(args).and_then(run);
        match outcome {
            Ok(code) => code,
            Err(failure) => {
                let text = failure.message.trim_end();
                if !text.is_empty() {
                    let mut stderr = io::stderr().lock();
                    let prefix = if failure.code == 2 { "" } else { "error: " };
                    // Nothing more can be done if standard error is closed.
                    let _ = writeln!(stderr, "{prefix}{text}");
                }
                failure.code
            }
        }
    }

    /// Reads the arguments by hand (the engine takes no CLI dependency).
    fn parse(args: Vec<OsString>) -> Result<Command, Failure> {
        let mut args = args.into_iter();
        let Some(command) = args.next() else {
            return Err(usage("quote: a command is expected"));
        };
        match command.to_str() {
            Some("help" | "--help" | "-h") => Ok(Command::Help),
            Some("schema") => {
                let what = args
                    .next()
                    .ok_or_else(|| usage("quote schema: say which: quote or pricebook"))?;
                let what = what.to_str().unwrap_or_default().to_owned();
                if let Some(extra) = args.next() {
                    return Err(usage(format!(
                        "quote schema: unexpected argument “{}”",
                        extra.to_string_lossy()
                    )));
                }
                match what.as_str() {
                    "quote" | "pricebook" => Ok(Command::Schema(what)),
                    other => Err(usage(format!(
                        "quote schema: unknown schema “{other}” (quote or pricebook)"
                    ))),
                }
            }
            Some("price") => parse_price(args).map(Command::Price),
            Some(name @ ("finance" | "risk" | "credits" | "compare" | "raci" | "portfolio")) => {
                options::parse(name, args).map(Command::Report)
            }
            _ => Err(usage(format!(
                "quote: unknown command “{}”",
                command.to_string_lossy()
            ))),
        }
    }

    fn parse_price(mut args: impl Iterator<Item = OsString>) -> Result<PriceArgs, Failure> {
        let mut file: Option<PathBuf> = None;
        let mut format = Format::Json;
        let mut books = Vec::new();
        let mut csv = CsvOptions::default();
        let mut allow_issues = false;
        let mut only_files = false;
        while let Some(arg) = args.next() {
            let (name, inline) = options::split_flag(&arg, only_files);
            let mut value = |flag: &str| -> Result<OsString, Failure> {
                match inline.clone() {
                    Some(v) => Ok(v),
                    None => args
                        .next()
                        .ok_or_else(|| usage(format!("quote price: {flag} needs a value"))),
                }
            };
            match name.as_deref() {
                None => {
                    if file.is_some() {
                        return Err(usage(format!(
                            "quote price: one quote file at a time, not also “{}”",
                            arg.to_string_lossy()
                        )));
                    }
                    file = Some(PathBuf::from(arg));
                }
                Some("--") => only_files = true,
                Some("--format") => {
                    let v = value("--format")?;
                    format = match v.to_str() {
                        Some("json") => Format::Json,
                        Some("csv") => Format::LinesCsv,
                        Some("schedule-csv") => Format::ScheduleCsv,
                        _ => {
                            return Err(usage(format!(
                                "quote price: unknown format “{}” (json, csv or schedule-csv)",
                                v.to_string_lossy()
                            )))
                        }
                    };
                }
                Some("--pricebook") => books.push(PathBuf::from(value("--pricebook")?)),
                Some("--lang") => {
                    let v = value("--lang")?;
                    csv.lang = match v.to_str() {
                        Some("fr") => Lang::Fr,
                        Some("en") => Lang::En,
                        _ => {
                            return Err(usage(format!(
                                "quote price: unknown language “{}” (fr or en)",
                                v.to_string_lossy()
                            )))
                        }
                    };
                }
                Some(flag @ ("--decimal-comma" | "--allow-issues")) => {
                    if inline.is_some() {
                        return Err(usage(format!("quote price: {flag} takes no value")));
                    }
                    if flag == "--decimal-comma" {
                        csv.decimal_comma = true;
                    } else {
                        allow_issues = true;
                    }
                }
                Some(other) => {
                    return Err(usage(format!("quote price: unknown option “{other}”")));
                }
            }
        }
        let file = file.ok_or_else(|| usage("quote price: a quote file is expected"))?;
        Ok(PriceArgs {
            file,
            format,
            books,
            csv,
            allow_issues,
        })
    }

    fn run(command: Command) -> Result<i32, Failure> {
        match command {
            Command::Help => {
                write_stdout(USAGE)?;
                Ok(0)
            }
            Command::Schema(what) => {
                let schema = if what == "quote" {
                    quote_schema()
                } else {
                    pricebook_schema()
                };
                write_stdout(&schema)?;
                Ok(0)
            }
            Command::Price(args) => run_price(args),
            Command::Report(args) => reports::run(args),
        }
    }

    /// Reads a file or the standard input; a UTF-8 byte order mark (as
    /// Windows editors and the app's own CSV exports write) is skipped.
    fn read_text(path: &Path) -> Result<String, Failure> {
        let shown = path.display();
        let text = if path.as_os_str() == "-" {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| input(format!("cannot read the standard input: {e}")))?;
            text
        } else {
            std::fs::read_to_string(path).map_err(|e| input(format!("cannot read {shown}: {e}")))?
        };
        Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        })
    }

    /// A JSON syntax error named by its line and column, before the
    /// engine's own reading (which adds what the format expects).
    fn check_json_syntax(path: &Path, text: &str) -> Result<(), Failure> {
        match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => Ok(()),
            Err(e) if e.is_syntax() || e.is_eof() => Err(input(format!(
                "{}:{}:{}: not valid JSON: {}",
                path.display(),
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            ))),
            // Anything else (an I/O error) is reported by the engine's reading.
            Err(_) => Ok(()),
        }
    }

    /// serde_json appends " at line L column C"; the message puts it first.
    fn strip_position(message: &str) -> &str {
        match message.rfind(" at line ") {
            Some(i) => &message[..i],
            None => message,
        }
    }

    /// The books given by `--pricebook`, or the built-in one.
    fn load_books(paths: &[PathBuf]) -> Result<PriceBooks, Failure> {
        let mut books = Vec::with_capacity(paths.len());
        for path in paths {
            let text = read_text(path)?;
            check_json_syntax(path, &text)?;
            let book = PriceBook::from_json(&text)
                .map_err(|e| input(format!("{}: {e}", path.display())))?;
            books.push(book);
        }
        if books.is_empty() {
            PriceBooks::builtin()
        } else {
            PriceBooks::new(books)
        }
        .map_err(|e| input(format!("price books: {e}")))
    }

    /// A quote file read and checked (older formats are migrated with the
    /// items of the books it is priced with).
    fn load_quote(path: &Path, books: &PriceBooks) -> Result<Quote, Failure> {
        let text = read_text(path)?;
        check_json_syntax(path, &text)?;
        Quote::from_json_with_books(&text, books.all())
            .map_err(|e| input(format!("{}: {e}", path.display())))
    }

    /// The quote priced, or why it cannot be.
    fn price_quote(path: &Path, quote: &Quote, books: &PriceBooks) -> Result<PricedQuote, Failure> {
        price(quote, books).map_err(|e| {
            input(format!(
                "{}: the quote cannot be priced ({}): {e}",
                path.display(),
                location(e.location())
            ))
        })
    }

    fn run_price(args: PriceArgs) -> Result<i32, Failure> {
        let books = load_books(&args.books)?;
        let quote = load_quote(&args.file, &books)?;
        let priced = price_quote(&args.file, &quote, &books)?;

        let output = match args.format {
            Format::Json => {
                let mut json = serde_json::to_string_pretty(&priced)
                    .map_err(|e| input(format!("cannot write the priced quote: {e}")))?;
                json.push('\n');
                json
            }
            Format::LinesCsv => lines_csv(&priced, args.csv),
            Format::ScheduleCsv => schedule_csv(&priced, args.csv),
        };
        write_stdout(&output)?;
        Ok(report_issues(&priced, args.allow_issues))
    }

    /// Lists the issues on standard error; 3 if one is an error, unless allowed.
    fn report_issues(priced: &PricedQuote, allow_issues: bool) -> i32 {
        let mut stderr = io::stderr().lock();
        let mut errors = 0;
        for issue in &priced.issues {
            let severity = match issue.severity {
                Severity::Error => {
                    errors += 1;
                    "error"
                }
                Severity::Warning => "warning",
            };
            let _ = writeln!(
                stderr,
                "{severity}: {}: {}",
                location(issue.location),
                issue.issue
            );
        }
        if errors == 0 {
            0
        } else if allow_issues {
            let _ = writeln!(
                stderr,
                "note: {errors} issue(s) of severity error, allowed by --allow-issues"
            );
            0
        } else {
            let _ = writeln!(
                stderr,
                "error: the quote has {errors} issue(s) of severity error \
                 (--allow-issues to exit 0 anyway)"
            );
            3
        }
    }

    /// Where an issue lies, in the words of the quote file.
    fn location(location: Location) -> String {
        location.in_file()
    }

    /// Writes the result; a closed pipe (`quote … | head`) is not an error.
    fn write_stdout(text: &str) -> Result<(), Failure> {
        let mut stdout = io::stdout().lock();
        match stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(input(format!("cannot write the output: {e}"))),
        }
    }
}
