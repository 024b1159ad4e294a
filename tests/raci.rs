//! Who does what (SPEC §10): the default matrices, their sources, the
//! validation, the edits kept per model and the diff between models.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cloudquote::engine::document::catalog::BuildModel;
use cloudquote::engine::document::quote::{ManagementModel, Quote};
use cloudquote::engine::document::raci::{Letter, Letters, Party, RaciSettings};
use cloudquote::engine::responsibilities::{
    diff, dominant_build, matrix, matrix_for, set_cell, validate, ProblemKind, RaciCatalogue,
};
use proptest::prelude::*;

const MODELS: [ManagementModel; 3] = ManagementModel::ALL;
const BUILDS: [BuildModel; 4] = [
    BuildModel::NoBuild,
    BuildModel::Backend,
    BuildModel::Operations,
    BuildModel::Full,
];

fn l(text: &str) -> Letters {
    Letters::parse(text).expect("letters")
}

fn cell(model: ManagementModel, build: BuildModel, activity: &str, party: Party) -> String {
    let m = matrix_for(model, build, &RaciSettings::default());
    m.row(activity)
        .expect("activity")
        .cell(party)
        .letters
        .to_string()
}

#[test]
fn every_default_matrix_validates_and_cites_its_source() {
    for model in MODELS {
        for build in BUILDS {
            let mut settings = RaciSettings::default();
            for third in [false, true] {
                settings.third_party = third;
                let m = matrix_for(model, build, &settings);
                assert_eq!(m.rows.len(), 25);
                assert_eq!(
                    validate(&m),
                    vec![],
                    "{model:?} {build:?} third party {third}"
                );
                for row in &m.rows {
                    let source = row.cell(Party::Client).source.as_ref().expect("source");
                    assert!(source.clause.starts_with('§'), "{}", row.id);
                    assert!(!source.excerpt.is_empty());
                    assert_eq!(m.edited(), 0);
                }
            }
        }
    }
}

#[test]
fn the_spec_activities_are_all_there() {
    let ids: Vec<&str> = RaciCatalogue::builtin().ids().collect();
    for id in [
        "landing_zone",
        "iac",
        "deploy_software",
        "operations_layer",
        "backend_integration",
        "dev_tests",
        "deploy_procedures",
        "monitoring_24x7",
        "support_l1",
        "support_l2",
        "support_l3_infra",
        "support_l3_business",
        "patching_system",
        "patching_application",
        "antivirus",
        "backup_policy",
        "acceptance_tests",
        "disaster_recovery",
        "capacity",
        "architecture",
        "security_policies",
        "slo_sli",
        "incident_management",
        "problem_management",
        "change_management",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn defaults_follow_the_seed() {
    use BuildModel::*;
    use ManagementModel::*;
    // §3: Fully Managed, the provider supervises round the clock.
    assert_eq!(
        cell(FullyManaged, NoBuild, "monitoring_24x7", Party::Provider),
        "RA"
    );
    // §3: the client delivers a fully tested workload.
    assert_eq!(
        cell(FullyManaged, NoBuild, "dev_tests", Party::Client),
        "RA"
    );
    // §3.1: level 3 of business functions stays with the client.
    assert_eq!(
        cell(CoManaged, NoBuild, "support_l3_business", Party::Client),
        "RA"
    );
    assert_eq!(
        cell(CoManaged, NoBuild, "support_l3_infra", Party::Provider),
        "RA"
    );
    // §5.9.2: the provider patches, the client decides.
    assert_eq!(
        cell(FullyManaged, NoBuild, "patching_system", Party::Client),
        "A"
    );
    assert_eq!(
        cell(FullyManaged, NoBuild, "patching_system", Party::Provider),
        "R"
    );
    // §4.1: the build model moves infrastructure as code and the operations layer.
    assert_eq!(cell(FullyManaged, NoBuild, "iac", Party::Client), "RA");
    assert_eq!(cell(FullyManaged, Operations, "iac", Party::Client), "RA");
    assert_eq!(
        cell(
            FullyManaged,
            Operations,
            "operations_layer",
            Party::Provider
        ),
        "RA"
    );
    assert_eq!(cell(FullyManaged, Full, "iac", Party::Provider), "RA");
    assert_eq!(cell(CoManaged, Full, "landing_zone", Party::Provider), "R");
    let m = matrix_for(FullyManaged, Full, &RaciSettings::default());
    let source = m
        .row("iac")
        .unwrap()
        .cell(Party::Provider)
        .source
        .clone()
        .unwrap();
    assert_eq!(source.clause, "§4.1");
    assert!(source.excerpt.contains("Full Build"));
    // §3 (Selfcare): the client does everything, whatever the build lines.
    for build in BUILDS {
        let m = matrix_for(FullDevOps, build, &RaciSettings::default());
        for row in &m.rows {
            assert!(row.cell(Party::Client).letters.has(Letter::A), "{}", row.id);
            assert!(
                !row.cell(Party::Provider).letters.has(Letter::R),
                "{}",
                row.id
            );
        }
    }
}

#[test]
fn the_dominant_build_model_is_the_most_comprehensive() {
    let mut q = Quote::new(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    assert_eq!(dominant_build(&q), BuildModel::NoBuild);
    let a = q.add_line("OS-MGD");
    let b = q.add_line("DB-MGD");
    q.lines.iter_mut().find(|x| x.id == a).unwrap().build = BuildModel::Operations;
    q.lines.iter_mut().find(|x| x.id == b).unwrap().build = BuildModel::Backend;
    assert_eq!(dominant_build(&q), BuildModel::Operations);
    assert_eq!(
        matrix(&q)
            .row("operations_layer")
            .unwrap()
            .cell(Party::Provider)
            .letters,
        l("RA")
    );
}

#[test]
fn validation_names_the_problem_of_each_row() {
    let model = ManagementModel::FullyManaged;
    let build = BuildModel::NoBuild;
    let mut s = RaciSettings::default();
    // No A: the provider keeps only R on 24x7 monitoring.
    set_cell(
        &mut s,
        model,
        build,
        "monitoring_24x7",
        Party::Provider,
        l("R"),
    );
    // Two As on patching.
    set_cell(
        &mut s,
        model,
        build,
        "patching_system",
        Party::Provider,
        l("RA"),
    );
    // No R on antivirus.
    set_cell(&mut s, model, build, "antivirus", Party::Provider, l("A"));
    let problems = validate(&matrix_for(model, build, &s));
    let kinds: Vec<(&str, ProblemKind)> = problems
        .iter()
        .map(|p| (p.activity.as_str(), p.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("monitoring_24x7", ProblemKind::NoAccountable),
            ("patching_system", ProblemKind::SeveralAccountable(2)),
            ("antivirus", ProblemKind::NoResponsible),
        ]
    );
    assert!(problems[1]
        .message(cloudquote::engine::lang::Lang::Fr)
        .contains("2 A"));
    // A hidden third party does not count; shown, it does.
    let mut s = RaciSettings::default();
    set_cell(&mut s, model, build, "dev_tests", Party::ThirdParty, l("A"));
    assert!(validate(&matrix_for(model, build, &s)).is_empty());
    s.third_party = true;
    assert_eq!(validate(&matrix_for(model, build, &s)).len(), 1);
}

#[test]
fn edits_are_kept_per_model_and_back_to_default_is_no_edit() {
    let build = BuildModel::NoBuild;
    let mut s = RaciSettings::default();
    set_cell(
        &mut s,
        ManagementModel::CoManaged,
        build,
        "capacity",
        Party::Client,
        l("RA"),
    );
    set_cell(
        &mut s,
        ManagementModel::CoManaged,
        build,
        "capacity",
        Party::Provider,
        l("C"),
    );
    // Another model does not see them; the co-managed matrix does.
    let fm = matrix_for(ManagementModel::FullyManaged, build, &s);
    assert_eq!(fm.edited(), 0);
    let cm = matrix_for(ManagementModel::CoManaged, build, &s);
    assert_eq!(cm.edited(), 2);
    assert!(cm.row("capacity").unwrap().cell(Party::Client).edited);
    // Setting the default back removes the edit.
    set_cell(
        &mut s,
        ManagementModel::CoManaged,
        build,
        "capacity",
        Party::Client,
        l("A"),
    );
    set_cell(
        &mut s,
        ManagementModel::CoManaged,
        build,
        "capacity",
        Party::Provider,
        l("R"),
    );
    assert!(s.is_default());
    // Reset of one model leaves the other's edits.
    set_cell(
        &mut s,
        ManagementModel::CoManaged,
        build,
        "capacity",
        Party::Client,
        l("RA"),
    );
    set_cell(
        &mut s,
        ManagementModel::FullyManaged,
        build,
        "capacity",
        Party::Client,
        l("RA"),
    );
    s.reset_model(ManagementModel::CoManaged);
    assert_eq!(s.overrides.len(), 1);
    assert_eq!(s.overrides[0].model, ManagementModel::FullyManaged);
}

#[test]
fn custom_activities_start_empty_and_must_be_filled() {
    let model = ManagementModel::FullyManaged;
    let build = BuildModel::NoBuild;
    let mut s = RaciSettings::default();
    let id = s.add_custom("  Revue mensuelle FinOps ").expect("added");
    assert_eq!(id, "custom-1");
    assert!(s.add_custom("   ").is_none());
    let m = matrix_for(model, build, &s);
    assert_eq!(m.rows.last().unwrap().fr, "Revue mensuelle FinOps");
    let problems = validate(&m);
    assert_eq!(problems.len(), 2);
    set_cell(&mut s, model, build, &id, Party::Client, l("RA"));
    assert!(validate(&matrix_for(model, build, &s)).is_empty());
    s.remove_custom(&id);
    assert!(s.is_default());
}

#[test]
fn the_diff_between_two_models_lists_the_cells_that_differ() {
    let s = RaciSettings::default();
    let fm = matrix_for(ManagementModel::FullyManaged, BuildModel::NoBuild, &s);
    let cm = matrix_for(ManagementModel::CoManaged, BuildModel::NoBuild, &s);
    let d = diff(&fm, &cm);
    assert!(!d.is_empty());
    let deploy: Vec<_> = d
        .iter()
        .filter(|c| c.activity == "deploy_software")
        .collect();
    assert_eq!(deploy.len(), 2);
    assert_eq!(
        (deploy[0].party, deploy[0].a, deploy[0].b),
        (Party::Client, l("C"), l("RA"))
    );
    assert_eq!(
        (deploy[1].party, deploy[1].a, deploy[1].b),
        (Party::Provider, l("RA"), l("R"))
    );
    assert!(diff(&fm, &fm).is_empty());
}

#[test]
fn settings_survive_a_file_round_trip() {
    let mut s = RaciSettings::default();
    set_cell(
        &mut s,
        ManagementModel::CoManaged,
        BuildModel::Full,
        "iac",
        Party::Client,
        l("RA"),
    );
    s.add_custom("FinOps");
    s.third_party = true;
    s.third_party_name = "Éditeur ERP".into();
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains("\"letters\":\"RA\""));
    let back: RaciSettings = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    assert!(serde_json::from_str::<RaciSettings>(
        r#"{"overrides":[{"model":"co_managed","activity":"iac","party":"client","letters":"RX"}]}"#
    )
    .is_err());
}

proptest! {
    /// Any edits, then a reset of every model: nothing is left.
    #[test]
    fn any_edits_then_resets_leave_the_defaults(
        edits in proptest::collection::vec((0usize..3, 0usize..4, 0usize..25, 0usize..3, 0u8..16), 0..40)
    ) {
        let ids: Vec<&str> = RaciCatalogue::builtin().ids().collect();
        let mut s = RaciSettings::default();
        for (m, b, a, p, bits) in edits {
            let letters = Letter::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .fold(Letters::NONE, |acc, (_, letter)| acc.with(letter));
            set_cell(&mut s, MODELS[m], BUILDS[b], ids[a], Party::ALL[p], letters);
        }
        for model in MODELS {
            s.reset_model(model);
        }
        prop_assert!(s.is_default());
    }

    /// Setting a cell to what the matrix already shows changes nothing.
    #[test]
    fn writing_back_the_shown_letters_is_idempotent(m in 0usize..3, b in 0usize..4) {
        let mut s = RaciSettings::default();
        let matrix = matrix_for(MODELS[m], BUILDS[b], &s);
        for row in &matrix.rows {
            for p in Party::ALL {
                set_cell(&mut s, MODELS[m], BUILDS[b], &row.id, p, row.cell(p).letters);
            }
        }
        prop_assert!(s.is_default());
    }
}
