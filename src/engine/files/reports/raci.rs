//! `quote raci`: the RACI matrix of the quote's model (§10), from
//! `responsibilities::matrix`, and its problems (`validate`).

use serde::Serialize;

use super::{flag, pretty};
use crate::engine::document::raci::Party;
use crate::engine::files::csv::{push_row, CsvOptions};
use crate::engine::lang::Lang;
use crate::engine::responsibilities::{Matrix, RaciProblem};

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(flatten)]
    problem: &'a RaciProblem,
    message: String,
}

#[derive(Serialize)]
struct RaciOut<'a> {
    valid: bool,
    problems: Vec<Problem<'a>>,
    matrix: &'a Matrix,
}

/// The matrix (every cell with its default and seed source) and the
/// problems, each with its message in `lang`.
pub fn raci_json(matrix: &Matrix, problems: &[RaciProblem], lang: Lang) -> String {
    pretty(&RaciOut {
        valid: problems.is_empty(),
        problems: problems
            .iter()
            .map(|p| Problem {
                problem: p,
                message: p.message(lang),
            })
            .collect(),
        matrix,
    })
}

/// `activity, label, client, provider[, third_party], edited, custom`:
/// one row per activity, the letters of each party shown.
pub fn raci_csv(matrix: &Matrix, options: CsvOptions) -> String {
    let sep = options.separator();
    let mut out = String::new();
    let parties = matrix.parties();
    let mut header = vec!["activity".to_owned(), "label".to_owned()];
    header.extend(parties.iter().map(|p| match p {
        Party::ThirdParty if !matrix.third_party_name.trim().is_empty() => {
            format!("third_party ({})", matrix.third_party_name.trim())
        }
        p => p.key().to_owned(),
    }));
    header.extend(["edited".to_owned(), "custom".to_owned()]);
    push_row(&mut out, &header, sep);
    for r in &matrix.rows {
        let mut row = vec![r.id.clone(), r.label(options.lang).to_owned()];
        row.extend(parties.iter().map(|p| r.cell(*p).letters.to_string()));
        row.push(flag(r.cells.iter().any(|c| c.edited)).to_owned());
        row.push(flag(r.custom).to_owned());
        push_row(&mut out, &row, sep);
    }
    out
}
