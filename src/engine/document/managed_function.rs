//! §10 "Fonction Managée", §8.5.2: the groups of production units the
//! availability guarantee (GTD) is given for, and their identity in the
//! quote file.
//!
//! §10 lists them: all Exchange units together, all Citrix Workspace, all
//! RDS, all AD, all Computer Vision, all Big Data, all backup, all native
//! hyperscaler services, all SAP, all Log as a Service, all containers, all
//! Kubernetes with Caascad, all middleware, all databases, all OS, and
//! "chaque Unité de Service Application Managée prise séparément". Security
//! devices, business-application supervision, governance and professional
//! services are no managed function (SPEC §14): no GTD.
//!
//! In the file a function is a string: the group's key (`"os"`,
//! `"database"`…) or `"application:<line id>"` for one managed application.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::catalog::Family;
use super::line::LineId;
use crate::engine::lang::Lang;

/// §10: a kind of managed function. Every kind but `Application` gathers
/// all the production units of its kind; an application is one function
/// per quote line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FunctionGroup {
    Os,
    Database,
    Middleware,
    Containers,
    /// Kubernetes managed with Caascad: 99.9 % at Standard and Premium.
    Kubernetes,
    Application,
    NativeServices,
    BigData,
    LogAsAService,
    ComputerVision,
    Rds,
    Ad,
    Citrix,
    Exchange,
    Backup,
    /// §10 names SAP units; the catalogue has no SAP family: a price book
    /// item says `"function": "sap"`.
    Sap,
}

impl FunctionGroup {
    pub const ALL: [FunctionGroup; 16] = [
        FunctionGroup::Os,
        FunctionGroup::Database,
        FunctionGroup::Middleware,
        FunctionGroup::Containers,
        FunctionGroup::Kubernetes,
        FunctionGroup::Application,
        FunctionGroup::NativeServices,
        FunctionGroup::BigData,
        FunctionGroup::LogAsAService,
        FunctionGroup::ComputerVision,
        FunctionGroup::Rds,
        FunctionGroup::Ad,
        FunctionGroup::Citrix,
        FunctionGroup::Exchange,
        FunctionGroup::Backup,
        FunctionGroup::Sap,
    ];

    /// The function a catalogue family's units belong to, unless the price
    /// book item says otherwise (Log as a Service is a Big Data item of its
    /// own function). Security (firewalls, load balancers), supervision,
    /// governance, consulting and contract fees are no function.
    pub fn of_family(family: Family) -> Option<FunctionGroup> {
        Some(match family {
            Family::Os => FunctionGroup::Os,
            Family::Database => FunctionGroup::Database,
            Family::Middleware => FunctionGroup::Middleware,
            Family::Container => FunctionGroup::Containers,
            Family::Kubernetes => FunctionGroup::Kubernetes,
            Family::Application => FunctionGroup::Application,
            Family::NativeServices => FunctionGroup::NativeServices,
            Family::BigData => FunctionGroup::BigData,
            Family::ComputerVision => FunctionGroup::ComputerVision,
            Family::Rds => FunctionGroup::Rds,
            Family::Ad => FunctionGroup::Ad,
            Family::Citrix => FunctionGroup::Citrix,
            Family::Exchange => FunctionGroup::Exchange,
            Family::Backup => FunctionGroup::Backup,
            Family::Contract
            | Family::Governance
            | Family::Consulting
            | Family::Security
            | Family::Supervision => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            FunctionGroup::Os => "os",
            FunctionGroup::Database => "database",
            FunctionGroup::Middleware => "middleware",
            FunctionGroup::Containers => "containers",
            FunctionGroup::Kubernetes => "kubernetes",
            FunctionGroup::Application => "application",
            FunctionGroup::NativeServices => "native_services",
            FunctionGroup::BigData => "big_data",
            FunctionGroup::LogAsAService => "log_as_a_service",
            FunctionGroup::ComputerVision => "computer_vision",
            FunctionGroup::Rds => "rds",
            FunctionGroup::Ad => "ad",
            FunctionGroup::Citrix => "citrix",
            FunctionGroup::Exchange => "exchange",
            FunctionGroup::Backup => "backup",
            FunctionGroup::Sap => "sap",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FunctionGroup::Os => lang.pick("OS managé", "Managed OS"),
            FunctionGroup::Database => lang.pick("Bases de données managées", "Managed databases"),
            FunctionGroup::Middleware => lang.pick("Middleware managé", "Managed middleware"),
            FunctionGroup::Containers => lang.pick("Conteneurs managés", "Managed containers"),
            FunctionGroup::Kubernetes => lang.pick(
                "Kubernetes managé avec Caascad",
                "Kubernetes managed with Caascad",
            ),
            FunctionGroup::Application => lang.pick("Application managée", "Managed application"),
            FunctionGroup::NativeServices => {
                lang.pick("Services natifs hyperscaler", "Hyperscaler native services")
            }
            FunctionGroup::BigData => lang.pick("Big Data managé", "Managed big data"),
            FunctionGroup::LogAsAService => lang.pick("Log as a Service", "Log as a Service"),
            FunctionGroup::ComputerVision => lang.pick("Computer Vision", "Computer Vision"),
            FunctionGroup::Rds => lang.pick("RDS managé", "Managed RDS"),
            FunctionGroup::Ad => lang.pick("AD managé", "Managed AD"),
            FunctionGroup::Citrix => {
                lang.pick("Citrix Workspace managé", "Managed Citrix Workspace")
            }
            FunctionGroup::Exchange => lang.pick("Exchange managé", "Managed Exchange"),
            FunctionGroup::Backup => lang.pick("Sauvegarde managée", "Managed backup"),
            FunctionGroup::Sap => lang.pick("SAP", "SAP"),
        }
    }
}

/// §10: one managed function of a quote, as the file names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ManagedFunction {
    /// All the production units of a kind, together (never `Application`).
    All(FunctionGroup),
    /// One managed application: the units of one quote line.
    Application(LineId),
}

impl ManagedFunction {
    /// The function of a unit of `group` on `line`.
    pub fn of(group: FunctionGroup, line: LineId) -> ManagedFunction {
        match group {
            FunctionGroup::Application => ManagedFunction::Application(line),
            other => ManagedFunction::All(other),
        }
    }

    pub fn group(self) -> FunctionGroup {
        match self {
            ManagedFunction::All(group) => group,
            ManagedFunction::Application(_) => FunctionGroup::Application,
        }
    }

    /// §8.5.2: the Kubernetes guarantee (99.9 % at Standard and Premium).
    pub fn is_kubernetes(self) -> bool {
        self.group() == FunctionGroup::Kubernetes
    }

    /// Its name on screen: the group's, or the application's line.
    pub fn label(self, lang: Lang) -> String {
        match self {
            ManagedFunction::All(group) => group.label(lang).to_owned(),
            ManagedFunction::Application(line) => match lang {
                Lang::Fr => format!("Application managée (ligne n° {})", line.0),
                Lang::En => format!("Managed application (line #{})", line.0),
            },
        }
    }
}

impl fmt::Display for ManagedFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ManagedFunction::All(group) => f.write_str(group.key()),
            ManagedFunction::Application(line) => write!(f, "application:{}", line.0),
        }
    }
}

/// A string that names no managed function.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a managed function (os, database, …, application:<line>)")]
pub struct NotAFunction(pub String);

impl FromStr for ManagedFunction {
    type Err = NotAFunction;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Some(id) = text.strip_prefix("application:") {
            return id
                .parse::<u32>()
                .map(|n| ManagedFunction::Application(LineId(n)))
                .map_err(|_| NotAFunction(text.to_owned()));
        }
        FunctionGroup::ALL
            .into_iter()
            .filter(|g| *g != FunctionGroup::Application)
            .find(|g| g.key() == text)
            .map(ManagedFunction::All)
            .ok_or_else(|| NotAFunction(text.to_owned()))
    }
}

impl Serialize for ManagedFunction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ManagedFunction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for ManagedFunction {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ManagedFunction".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "§10 \"Fonction Managée\": a group key (os, database, middleware, containers, kubernetes, native_services, big_data, log_as_a_service, computer_vision, rds, ad, citrix, exchange, backup, sap) or application:<line id>.",
            "type": "string",
            "pattern": "^(os|database|middleware|containers|kubernetes|native_services|big_data|log_as_a_service|computer_vision|rds|ad|citrix|exchange|backup|sap|application:[0-9]+)$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_function_reads_back_what_it_writes() {
        for group in FunctionGroup::ALL {
            let f = ManagedFunction::of(group, LineId(7));
            assert_eq!(f.to_string().parse::<ManagedFunction>(), Ok(f));
            assert_eq!(f.group(), group);
        }
        assert_eq!(
            "application:7".parse(),
            Ok(ManagedFunction::Application(LineId(7)))
        );
        assert!("application".parse::<ManagedFunction>().is_err());
        assert!("application:x".parse::<ManagedFunction>().is_err());
        assert!("security".parse::<ManagedFunction>().is_err());
    }

    #[test]
    fn security_supervision_and_governance_are_no_function() {
        for family in [
            Family::Security,
            Family::Supervision,
            Family::Governance,
            Family::Consulting,
            Family::Contract,
        ] {
            assert_eq!(FunctionGroup::of_family(family), None);
        }
    }
}
