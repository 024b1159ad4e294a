//! The quote's token plan (§5.5, §6 of SPEC, §12): the planned changes,
//! other token work, the monthly packs subscribed and a fixed capacity.

use serde::{Deserialize, Deserializer, Serialize};

use crate::engine::money::Quantity;

/// §6: a catalogued change planned so many times a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedChange {
    pub id: u32,
    /// The change catalogue code.
    pub change: String,
    pub per_year: u32,
    /// Outside business hours: x2.
    #[serde(default)]
    pub off_hours: bool,
    /// Accelerated: x2, at most 6 a year.
    #[serde(default)]
    pub accelerated: bool,
}

/// §6, §12: the forecast use of tokens and how they are bought.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TokenPlan {
    #[serde(default)]
    pub changes: Vec<PlannedChange>,
    /// Other token work a month (remediation over 15 minutes, investigations).
    #[serde(default)]
    pub extra_per_month: Quantity,
    /// §5.5 (SPEC §14): the monthly packs subscribed, by code, each committed
    /// from the run start to the end of the contract; empty means on demand
    /// only. A code may repeat: each occurrence is one more pack. Files
    /// written before several packs could be chosen hold one code in `pack`,
    /// read as a list of one.
    #[serde(
        default,
        alias = "pack",
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub packs: Vec<String>,
    /// §12: a fixed monthly capacity in hours, to compare with the packs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_capacity_hours: Option<u32>,
}

/// `packs` as written now (a list), or `pack` as written before (one code,
/// or `null` for none).
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<OneOrMany>::deserialize(deserializer)? {
        None => Vec::new(),
        Some(OneOrMany::One(code)) => vec![code],
        Some(OneOrMany::Many(codes)) => codes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> TokenPlan {
        serde_json::from_str(json).expect("a token plan")
    }

    #[test]
    fn the_single_pack_of_older_files_reads_as_a_list_of_one() {
        // §5.5: files written before several packs hold `pack`.
        let plan = read(r#"{"pack": "PACK-OFFSHORE-20"}"#);
        assert_eq!(plan.packs, ["PACK-OFFSHORE-20"]);
        assert_eq!(read(r#"{"pack": null}"#).packs, Vec::<String>::new());
        assert_eq!(read("{}").packs, Vec::<String>::new());
    }

    #[test]
    fn several_packs_are_written_as_a_list_and_read_back() {
        let plan = TokenPlan {
            packs: vec!["PACK-OFFSHORE-20".into(), "PACK-OFFSHORE-20".into()],
            ..TokenPlan::default()
        };
        let json = serde_json::to_string(&plan).unwrap();
        assert!(
            json.contains(r#""packs":["PACK-OFFSHORE-20","PACK-OFFSHORE-20"]"#),
            "{json}"
        );
        assert!(!json.contains(r#""pack":"#), "{json}");
        assert_eq!(read(&json), plan);
        // No pack: the field is left out, as `pack` was.
        assert!(!serde_json::to_string(&TokenPlan::default())
            .unwrap()
            .contains("pack"));
    }

    #[test]
    fn a_misspelt_field_is_still_refused() {
        assert!(serde_json::from_str::<TokenPlan>(r#"{"pakcs": []}"#).is_err());
    }
}
