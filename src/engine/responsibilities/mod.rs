//! SPEC §10 (001 §3, §3.1, §4.1, §5.11): who does what (RACI) under each
//! management and build model.
//!
//! The activities and their default letters are data (`raci.json`, beside this file),
//! each default carrying the seed passage that justifies it. The user's
//! edits are kept per management model (`document::raci::RaciSettings`), so that switching
//! model and back restores them; a cell set back to its default is no longer
//! an edit.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use rust_decimal::Decimal;

use crate::engine::document::catalog::{BuildModel, Family};
use crate::engine::document::pricebook::Text;
use crate::engine::document::quote::{ManagementModel, Quote};
use crate::engine::document::raci::{Letter, Letters, Party, RaciError, RaciSettings};
use crate::engine::lang::Lang;

pub mod effort;

const RACI_JSON: &str = include_str!("raci.json");

// ---------------------------------------------------------------------------
// The data
// ---------------------------------------------------------------------------

/// The seed passage behind a default cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub seed: String,
    pub clause: String,
    /// The seed's words, in French.
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultCells {
    client: Letters,
    provider: Letters,
    source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivityData {
    id: String,
    fr: String,
    en: String,
    fully_managed: DefaultCells,
    co_managed: DefaultCells,
    full_devops: DefaultCells,
    /// §4.1: what a build model changes (managed models only).
    #[serde(default)]
    build: BTreeMap<String, DefaultCells>,
    #[serde(default)]
    third_party: Letters,
    #[serde(default)]
    third_party_source: Option<String>,
    /// SPEC §15: the illustrative monthly effort of the activity.
    effort: EffortDefault,
}

/// SPEC §15: what an activity takes a month, whoever does it
/// (illustrative defaults, each with its reason; `effort` uses them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffortDefault {
    #[serde(with = "rust_decimal::serde::str")]
    pub fixed_hours: Decimal,
    /// Per managed unit of `families` (of every monthly run family when none).
    #[serde(with = "rust_decimal::serde::str")]
    pub per_unit_hours: Decimal,
    #[serde(default)]
    pub families: Vec<Family>,
    pub reason: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueData {
    sources: BTreeMap<String, Source>,
    activities: Vec<ActivityData>,
}

/// The activities of SPEC §10 with their defaults, checked at load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaciCatalogue {
    data: CatalogueData,
}

fn build_key(build: BuildModel) -> &'static str {
    match build {
        BuildModel::NoBuild => "no_build",
        BuildModel::Backend => "backend",
        BuildModel::Operations => "operations",
        BuildModel::Full => "full",
    }
}

impl RaciCatalogue {
    pub fn builtin() -> &'static RaciCatalogue {
        static CATALOGUE: OnceLock<RaciCatalogue> = OnceLock::new();
        // The file is part of the build and tested: a failure is a bug.
        CATALOGUE.get_or_init(|| Self::from_json(RACI_JSON).expect("built-in RACI table"))
    }

    pub fn from_json(json: &str) -> Result<Self, RaciError> {
        let data: CatalogueData =
            serde_json::from_str(json).map_err(|e| RaciError::Table(e.to_string()))?;
        let mut ids = std::collections::BTreeSet::new();
        for a in &data.activities {
            if !ids.insert(a.id.as_str()) {
                return Err(RaciError::Table(format!("activity {} twice", a.id)));
            }
            let cells = [&a.fully_managed, &a.co_managed, &a.full_devops]
                .into_iter()
                .chain(a.build.values());
            for c in cells {
                if !data.sources.contains_key(&c.source) {
                    return Err(RaciError::Table(format!(
                        "activity {}: unknown source {}",
                        a.id, c.source
                    )));
                }
            }
            for key in a.build.keys() {
                if !["no_build", "backend", "operations", "full"].contains(&key.as_str()) {
                    return Err(RaciError::Table(format!(
                        "activity {}: unknown build model {key}",
                        a.id
                    )));
                }
            }
        }
        Ok(RaciCatalogue { data })
    }

    /// The activity ids, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.data.activities.iter().map(|a| a.id.as_str())
    }

    /// SPEC §15: the default effort of a built-in activity.
    pub fn effort_of(&self, id: &str) -> Option<&EffortDefault> {
        self.activity(id).map(|a| &a.effort)
    }

    fn activity(&self, id: &str) -> Option<&ActivityData> {
        self.data.activities.iter().find(|a| a.id == id)
    }

    /// §10: the default cells of an activity under a management model,
    /// adjusted by the build model (§4.1; managed models only: under Full
    /// DevOps the provider builds nothing).
    fn defaults(
        &self,
        a: &ActivityData,
        model: ManagementModel,
        build: BuildModel,
    ) -> ([Letters; 3], Option<Source>, Option<Source>) {
        let base = match model {
            ManagementModel::FullyManaged => &a.fully_managed,
            ManagementModel::CoManaged => &a.co_managed,
            ManagementModel::FullDevOps => &a.full_devops,
        };
        let chosen = if model == ManagementModel::FullDevOps {
            base
        } else {
            a.build.get(build_key(build)).unwrap_or(base)
        };
        let source = self.data.sources.get(&chosen.source).cloned();
        let third_source = a
            .third_party_source
            .as_ref()
            .and_then(|s| self.data.sources.get(s))
            .cloned()
            .or_else(|| source.clone());
        (
            [chosen.client, chosen.provider, a.third_party],
            source,
            third_source,
        )
    }
}

/// Sets a cell of `model`'s matrix in the user's edits: an override, or
/// none when `letters` are the cell's default under `build`.
pub fn set_cell(
    settings: &mut RaciSettings,
    model: ManagementModel,
    build: BuildModel,
    activity: &str,
    party: Party,
    letters: Letters,
) {
    let default = default_letters(model, build, activity, party);
    settings.set(model, activity, party, letters, default);
}

/// The default letters of a cell; `None` for an unknown activity.
pub fn default_letters(
    model: ManagementModel,
    build: BuildModel,
    activity: &str,
    party: Party,
) -> Option<Letters> {
    let catalogue = RaciCatalogue::builtin();
    match catalogue.activity(activity) {
        Some(a) => Some(catalogue.defaults(a, model, build).0[party.index()]),
        // A custom activity starts empty: the user fills it in.
        None if activity.starts_with("custom-") => Some(Letters::NONE),
        None => None,
    }
}

// ---------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub letters: Letters,
    pub default: Letters,
    /// The seed passage behind the default (none for a custom activity).
    pub source: Option<Source>,
    /// The user changed it.
    pub edited: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub id: String,
    pub fr: String,
    pub en: String,
    pub custom: bool,
    /// Client, provider, third party.
    pub cells: [Cell; 3],
}

impl Row {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    pub fn cell(&self, party: Party) -> &Cell {
        &self.cells[party.index()]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matrix {
    pub model: ManagementModel,
    pub build: BuildModel,
    pub third_party: bool,
    pub third_party_name: String,
    pub rows: Vec<Row>,
}

impl Matrix {
    /// The parties shown (the third party only when enabled).
    pub fn parties(&self) -> Vec<Party> {
        if self.third_party {
            Party::ALL.to_vec()
        } else {
            vec![Party::Client, Party::Provider]
        }
    }

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    pub fn edited(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|r| r.cells.iter())
            .filter(|c| c.edited)
            .count()
    }
}

/// §4.1: the most comprehensive build model among the quote's lines (the
/// one that puts the most on the provider), `NoBuild` without any.
pub fn dominant_build(quote: &Quote) -> BuildModel {
    let rank = |b: BuildModel| match b {
        BuildModel::NoBuild => 0,
        BuildModel::Backend => 1,
        BuildModel::Operations => 2,
        BuildModel::Full => 3,
    };
    quote
        .lines
        .iter()
        .map(|l| l.build)
        .max_by_key(|b| rank(*b))
        .unwrap_or(BuildModel::NoBuild)
}

/// The matrix of the quote: its model, its dominant build model, its edits.
pub fn matrix(quote: &Quote) -> Matrix {
    matrix_for(quote.model, dominant_build(quote), &quote.raci)
}

/// The matrix of `model` and `build`: the defaults with `settings`' edits
/// for that model and its custom activities.
pub fn matrix_for(model: ManagementModel, build: BuildModel, settings: &RaciSettings) -> Matrix {
    let catalogue = RaciCatalogue::builtin();
    let mut rows: Vec<Row> = catalogue
        .data
        .activities
        .iter()
        .map(|a| {
            let (defaults, source, third_source) = catalogue.defaults(a, model, build);
            let cells = Party::ALL.map(|p| {
                let default = defaults[p.index()];
                let letters = settings.find(model, &a.id, p).unwrap_or(default);
                Cell {
                    letters,
                    default,
                    source: if p == Party::ThirdParty {
                        third_source.clone()
                    } else {
                        source.clone()
                    },
                    edited: letters != default,
                }
            });
            Row {
                id: a.id.clone(),
                fr: a.fr.clone(),
                en: a.en.clone(),
                custom: false,
                cells,
            }
        })
        .collect();
    rows.extend(settings.custom.iter().map(|c| Row {
        id: c.id.clone(),
        fr: c.label.clone(),
        en: c.label.clone(),
        custom: true,
        cells: Party::ALL.map(|p| {
            let letters = settings.find(model, &c.id, p).unwrap_or(Letters::NONE);
            Cell {
                letters,
                default: Letters::NONE,
                source: None,
                edited: !letters.is_empty(),
            }
        }),
    }));
    Matrix {
        model,
        build,
        third_party: settings.third_party,
        third_party_name: settings.third_party_name.clone(),
        rows,
    }
}

/// What is wrong with an activity's row (§10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "problem", content = "count")]
pub enum ProblemKind {
    NoAccountable,
    SeveralAccountable(usize),
    NoResponsible,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RaciProblem {
    pub activity: String,
    pub kind: ProblemKind,
}

impl RaciProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self.kind, lang) {
            (ProblemKind::NoAccountable, Lang::Fr) => {
                "Aucun A : une activité a exactement un approbateur (redevable).".into()
            }
            (ProblemKind::NoAccountable, Lang::En) => {
                "No A: an activity has exactly one accountable party.".into()
            }
            (ProblemKind::SeveralAccountable(n), Lang::Fr) => {
                format!("{n} A : une activité a exactement un approbateur (redevable).")
            }
            (ProblemKind::SeveralAccountable(n), Lang::En) => {
                format!("{n} As: an activity has exactly one accountable party.")
            }
            (ProblemKind::NoResponsible, Lang::Fr) => {
                "Aucun R : au moins une partie doit réaliser l'activité.".into()
            }
            (ProblemKind::NoResponsible, Lang::En) => {
                "No R: at least one party must be responsible.".into()
            }
        }
    }
}

/// §10: every activity has exactly one A and at least one R, among the
/// parties shown.
pub fn validate(matrix: &Matrix) -> Vec<RaciProblem> {
    let parties = matrix.parties();
    let mut problems = Vec::new();
    for row in &matrix.rows {
        let letters: Vec<Letters> = parties.iter().map(|p| row.cell(*p).letters).collect();
        let accountable = letters.iter().filter(|l| l.has(Letter::A)).count();
        match accountable {
            0 => problems.push(RaciProblem {
                activity: row.id.clone(),
                kind: ProblemKind::NoAccountable,
            }),
            1 => {}
            n => problems.push(RaciProblem {
                activity: row.id.clone(),
                kind: ProblemKind::SeveralAccountable(n),
            }),
        }
        if !letters.iter().any(|l| l.has(Letter::R)) {
            problems.push(RaciProblem {
                activity: row.id.clone(),
                kind: ProblemKind::NoResponsible,
            });
        }
    }
    problems
}

/// A cell that differs between two matrices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellDiff {
    pub activity: String,
    pub fr: String,
    pub en: String,
    pub party: Party,
    pub a: Letters,
    pub b: Letters,
}

/// The cells that differ between `a` and `b` (activities of both, parties
/// shown in either), in `a`'s order.
pub fn diff(a: &Matrix, b: &Matrix) -> Vec<CellDiff> {
    let parties = if a.third_party || b.third_party {
        Party::ALL.to_vec()
    } else {
        vec![Party::Client, Party::Provider]
    };
    let mut out = Vec::new();
    for ra in &a.rows {
        let Some(rb) = b.row(&ra.id) else { continue };
        for p in &parties {
            let (la, lb) = (ra.cell(*p).letters, rb.cell(*p).letters);
            if la != lb {
                out.push(CellDiff {
                    activity: ra.id.clone(),
                    fr: ra.fr.clone(),
                    en: ra.en.clone(),
                    party: *p,
                    a: la,
                    b: lb,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_read_and_write_in_order() {
        assert_eq!(Letters::parse("ar").unwrap().to_string(), "RA");
        assert_eq!(Letters::parse("I, C").unwrap().to_string(), "CI");
        assert_eq!(Letters::parse("").unwrap(), Letters::NONE);
        assert!(Letters::parse("RX").is_err());
    }

    #[test]
    fn builtin_catalogue_loads() {
        assert_eq!(RaciCatalogue::builtin().ids().count(), 25);
    }
}
