//! The options of `finance`, `risk`, `credits`, `compare`, `raci` and `portfolio`,
//! read by hand like `price`'s.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use cloudquote::engine::files::csv::CsvOptions;
use cloudquote::engine::finance::indices::IndexKind;
use cloudquote::engine::lang::Lang;

use super::{usage, Failure};

/// `--name=value` or `--name` (its value then follows); `None` for a file
/// name, or for anything after `--`.
pub fn split_flag(arg: &OsString, only_files: bool) -> (Option<String>, Option<OsString>) {
    match arg.to_str() {
        Some(t) if !only_files && t.starts_with("--") => match t.split_once('=') {
            Some((n, v)) => (Some(n.to_owned()), Some(OsString::from(v))),
            None => (Some(t.to_owned()), None),
        },
        _ => (None, None),
    }
}

/// What a report command was asked.
#[derive(Debug)]
pub struct ReportArgs {
    /// `finance`, `risk`, `credits`, `compare`, `raci` or `portfolio`.
    pub command: &'static str,
    /// One quote file, or (portfolio) files and folders.
    pub files: Vec<PathBuf>,
    pub format: &'static str,
    pub books: Vec<PathBuf>,
    /// `--indices KIND=FILE.csv`, in the order given.
    pub indices: Vec<(IndexKind, PathBuf)>,
    pub csv: CsvOptions,
    pub allow_issues: bool,
    pub at: Option<NaiveDate>,
}

/// The formats of each command, the default first.
fn formats(command: &str) -> &'static [&'static str] {
    match command {
        "finance" => &["json", "csv", "mrg-csv"],
        "raci" | "portfolio" => &["csv", "json"],
        _ => &["json", "csv"],
    }
}

fn command_name(name: &str) -> &'static str {
    ["finance", "risk", "credits", "compare", "raci", "portfolio"]
        .into_iter()
        .find(|c| *c == name)
        .unwrap_or("report")
}

pub fn parse(name: &str, mut args: impl Iterator<Item = OsString>) -> Result<ReportArgs, Failure> {
    let command = command_name(name);
    let mut out = ReportArgs {
        command,
        files: Vec::new(),
        format: formats(command)[0],
        books: Vec::new(),
        indices: Vec::new(),
        csv: CsvOptions::default(),
        allow_issues: false,
        at: None,
    };
    let mut only_files = false;
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(&arg, only_files);
        let mut value = |flag: &str| -> Result<OsString, Failure> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => args
                    .next()
                    .ok_or_else(|| usage(format!("quote {command}: {flag} needs a value"))),
            }
        };
        match flag.as_deref() {
            None => {
                if command != "portfolio" && !out.files.is_empty() {
                    return Err(usage(format!(
                        "quote {command}: one quote file at a time, not also “{}”",
                        arg.to_string_lossy()
                    )));
                }
                out.files.push(PathBuf::from(arg));
            }
            Some("--") => only_files = true,
            Some("--format") => {
                let v = value("--format")?;
                let allowed = formats(command);
                out.format = allowed
                    .iter()
                    .copied()
                    .find(|f| v.to_str() == Some(f))
                    .ok_or_else(|| {
                        usage(format!(
                            "quote {command}: unknown format “{}” ({})",
                            v.to_string_lossy(),
                            allowed.join(", ")
                        ))
                    })?;
            }
            Some("--pricebook") => out.books.push(PathBuf::from(value("--pricebook")?)),
            Some("--indices") if matches!(command, "finance" | "risk" | "portfolio") => {
                let v = value("--indices")?;
                out.indices.push(index_file(command, &v)?);
            }
            Some("--at") if command == "portfolio" => {
                let v = value("--at")?;
                let date = v
                    .to_str()
                    .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
                    .ok_or_else(|| {
                        usage(format!(
                            "quote portfolio: --at “{}” is not a date YYYY-MM-DD",
                            v.to_string_lossy()
                        ))
                    })?;
                out.at = Some(date);
            }
            Some("--lang") => {
                let v = value("--lang")?;
                out.csv.lang = match v.to_str() {
                    Some("fr") => Lang::Fr,
                    Some("en") => Lang::En,
                    _ => {
                        return Err(usage(format!(
                            "quote {command}: unknown language “{}” (fr or en)",
                            v.to_string_lossy()
                        )))
                    }
                };
            }
            Some(flag @ ("--decimal-comma" | "--allow-issues")) => {
                if inline.is_some() {
                    return Err(usage(format!("quote {command}: {flag} takes no value")));
                }
                if flag == "--decimal-comma" {
                    out.csv.decimal_comma = true;
                } else {
                    out.allow_issues = true;
                }
            }
            Some(other) => {
                return Err(usage(format!("quote {command}: unknown option “{other}”")));
            }
        }
    }
    if out.files.is_empty() {
        return Err(usage(format!("quote {command}: a quote file is expected")));
    }
    if command == "portfolio" && out.at.is_none() {
        return Err(usage(
            "quote portfolio: --at YYYY-MM-DD is expected (the date of the portfolio)",
        ));
    }
    Ok(out)
}

/// `KIND=FILE.csv`: which series the table is for, and the table.
fn index_file(command: &str, v: &OsString) -> Result<(IndexKind, PathBuf), Failure> {
    let text = v.to_string_lossy();
    let bad = || {
        usage(format!(
            "quote {command}: --indices “{text}”: expected KIND=FILE.csv, KIND one of syntec, icc, electricity"
        ))
    };
    let (kind, file) = text.split_once('=').ok_or_else(bad)?;
    let kind = IndexKind::ALL
        .into_iter()
        .find(|k| k.key() == kind.trim().to_ascii_lowercase())
        .ok_or_else(bad)?;
    if file.is_empty() {
        return Err(bad());
    }
    Ok((kind, PathBuf::from(file)))
}
