//! SPEC §10: the RACI vocabulary (parties, letters) and the user's edits to
//! the default matrices, as the quote file stores them. The matrices and
//! their defaults are in `responsibilities`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::management_model::ManagementModel;
use crate::engine::lang::Lang;

/// The most custom activities a quote may add (`limits`).
pub use super::limits::MAX_CUSTOM_ACTIVITIES as MAX_CUSTOM;

/// The parties of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Client,
    Provider,
    /// A third party, typically the business software's vendor (§3.1).
    ThirdParty,
}

impl Party {
    pub const ALL: [Party; 3] = [Party::Client, Party::Provider, Party::ThirdParty];

    pub fn key(self) -> &'static str {
        match self {
            Party::Client => "client",
            Party::Provider => "provider",
            Party::ThirdParty => "third_party",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Party::Client => lang.pick("Client", "Client"),
            Party::Provider => lang.pick("Prestataire", "Provider"),
            Party::ThirdParty => lang.pick("Tiers / éditeur", "Third party / vendor"),
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Party::Client => 0,
            Party::Provider => 1,
            Party::ThirdParty => 2,
        }
    }
}

/// One of R, A, C, I.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Letter {
    R,
    A,
    C,
    I,
}

impl Letter {
    pub const ALL: [Letter; 4] = [Letter::R, Letter::A, Letter::C, Letter::I];

    fn bit(self) -> u8 {
        match self {
            Letter::R => 1,
            Letter::A => 2,
            Letter::C => 4,
            Letter::I => 8,
        }
    }

    pub fn char(self) -> char {
        match self {
            Letter::R => 'R',
            Letter::A => 'A',
            Letter::C => 'C',
            Letter::I => 'I',
        }
    }

    pub fn from_char(c: char) -> Option<Letter> {
        match c.to_ascii_uppercase() {
            'R' => Some(Letter::R),
            'A' => Some(Letter::A),
            'C' => Some(Letter::C),
            'I' => Some(Letter::I),
            _ => None,
        }
    }

    pub fn meaning(self, lang: Lang) -> &'static str {
        match self {
            Letter::R => lang.pick("Réalise", "Responsible"),
            Letter::A => lang.pick("Approuve (redevable)", "Accountable"),
            Letter::C => lang.pick("Consulté", "Consulted"),
            Letter::I => lang.pick("Informé", "Informed"),
        }
    }
}

/// A set of letters, written `"RA"`, `"C"`, `""` in files (always in the
/// order R, A, C, I).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Letters(u8);

impl Letters {
    pub const NONE: Letters = Letters(0);

    pub fn has(self, l: Letter) -> bool {
        self.0 & l.bit() != 0
    }

    pub fn with(self, l: Letter) -> Letters {
        Letters(self.0 | l.bit())
    }

    pub fn toggled(self, l: Letter) -> Letters {
        Letters(self.0 ^ l.bit())
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn parse(text: &str) -> Result<Letters, RaciError> {
        let mut letters = Letters::NONE;
        for c in text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != ',' && *c != '/')
        {
            let l = Letter::from_char(c).ok_or_else(|| RaciError::Letter(text.to_string()))?;
            letters = letters.with(l);
        }
        Ok(letters)
    }
}

impl fmt::Display for Letters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for l in Letter::ALL {
            if self.has(l) {
                write!(f, "{}", l.char())?;
            }
        }
        Ok(())
    }
}

impl Serialize for Letters {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Letters {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Letters::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Letters {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RaciLetters".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^R?A?C?I?$",
            "description": "RACI letters in the order R, A, C, I (\"RA\", \"C\", \"\")."
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RaciError {
    #[error("“{0}”: only the letters R, A, C and I are allowed")]
    Letter(String),
    #[error("RACI table: {0}")]
    Table(String),
}

// ---------------------------------------------------------------------------
// The user's edits
// ---------------------------------------------------------------------------

/// An edited cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CellOverride {
    pub model: ManagementModel,
    pub activity: String,
    pub party: Party,
    pub letters: Letters,
}

/// An activity the user added (§10: "a data list users can extend").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomActivity {
    /// `custom-1`, `custom-2`…
    pub id: String,
    pub label: String,
}

/// The user's changes to the default matrices, kept per model so that
/// switching model and back restores them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RaciSettings {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<CellOverride>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomActivity>,
    /// Whether the third-party column is shown (and validated).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub third_party: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub third_party_name: String,
}

impl RaciSettings {
    pub fn is_default(&self) -> bool {
        *self == RaciSettings::default()
    }

    pub fn find(&self, model: ManagementModel, activity: &str, party: Party) -> Option<Letters> {
        self.overrides
            .iter()
            .find(|o| o.model == model && o.activity == activity && o.party == party)
            .map(|o| o.letters)
    }

    /// Sets a cell: an override, or none when `letters` is `default`, the
    /// cell's default letters (`responsibilities::set_cell` looks them up).
    pub fn set(
        &mut self,
        model: ManagementModel,
        activity: &str,
        party: Party,
        letters: Letters,
        default: Option<Letters>,
    ) {
        self.overrides
            .retain(|o| !(o.model == model && o.activity == activity && o.party == party));
        if Some(letters) != default {
            self.overrides.push(CellOverride {
                model,
                activity: activity.to_string(),
                party,
                letters,
            });
        }
    }

    /// Back to the defaults of `model` (other models keep their edits).
    pub fn reset_model(&mut self, model: ManagementModel) {
        self.overrides.retain(|o| o.model != model);
    }

    /// Adds an activity; `None` when the label is empty or there are too many.
    pub fn add_custom(&mut self, label: &str) -> Option<String> {
        let label = label.trim();
        if label.is_empty() || self.custom.len() >= MAX_CUSTOM {
            return None;
        }
        let n = self
            .custom
            .iter()
            .filter_map(|c| c.id.strip_prefix("custom-")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let id = format!("custom-{n}");
        self.custom.push(CustomActivity {
            id: id.clone(),
            label: label.to_string(),
        });
        Some(id)
    }

    pub fn remove_custom(&mut self, id: &str) {
        self.custom.retain(|c| c.id != id);
        self.overrides.retain(|o| o.activity != id);
    }
}
