//! The service catalogue's vocabulary: families, units and kinds of charge.
//!
//! §3 (SPEC, from §2.1 of the service description): the service families.

use serde::{Deserialize, Serialize};

use crate::engine::lang::Lang;

/// §2.1: the families of the Managed Applications offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// §9.2: access fee and monthly billing minimum.
    Contract,
    /// §6.1.1–6.1.2: service delivery and contract business management.
    Governance,
    /// §6.1.3–6.1.7: time-and-material expertise (professional services).
    Consulting,
    Os,
    Database,
    Middleware,
    Container,
    Kubernetes,
    Application,
    NativeServices,
    BigData,
    ComputerVision,
    Rds,
    Ad,
    Security,
    Citrix,
    Exchange,
    Backup,
    Supervision,
}

impl Family {
    pub const ALL: [Family; 19] = [
        Family::Contract,
        Family::Governance,
        Family::Consulting,
        Family::Os,
        Family::Database,
        Family::Middleware,
        Family::Container,
        Family::Kubernetes,
        Family::Application,
        Family::NativeServices,
        Family::BigData,
        Family::ComputerVision,
        Family::Rds,
        Family::Ad,
        Family::Security,
        Family::Citrix,
        Family::Exchange,
        Family::Backup,
        Family::Supervision,
    ];

    /// §2 (000 §3): Full DevOps may only buy professional services.
    pub fn is_professional_service(self) -> bool {
        matches!(self, Family::Consulting)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Family::Contract => lang.pick("Contrat", "Contract"),
            Family::Governance => lang.pick("Gouvernance", "Governance"),
            Family::Consulting => lang.pick("Expertise (régie)", "Expertise (T&M)"),
            Family::Os => lang.pick("OS managé", "Managed OS"),
            Family::Database => lang.pick("Base de données managée", "Managed database"),
            Family::Middleware => lang.pick("Middleware managé", "Managed middleware"),
            Family::Container => lang.pick("Conteneur managé", "Managed containers"),
            Family::Kubernetes => lang.pick(
                "Kubernetes managé (Caascad)",
                "Managed Kubernetes (Caascad)",
            ),
            Family::Application => lang.pick("Application managée", "Managed application"),
            Family::NativeServices => lang.pick(
                "Services natifs hyperscalers",
                "Hyperscaler native services",
            ),
            Family::BigData => lang.pick("Big Data managé", "Managed big data"),
            Family::ComputerVision => {
                lang.pick("Computer Vision managé", "Managed computer vision")
            }
            Family::Rds => lang.pick("RDS managé", "Managed RDS"),
            Family::Ad => lang.pick("AD managé", "Managed AD"),
            Family::Security => lang.pick("Sécurité managée", "Managed security"),
            Family::Citrix => lang.pick("Citrix Workspace managé", "Managed Citrix Workspace"),
            Family::Exchange => lang.pick("Exchange managé", "Managed Exchange"),
            Family::Backup => lang.pick("Sauvegarde managée", "Managed backup"),
            Family::Supervision => lang.pick(
                "Supervision applicative",
                "Business application supervision",
            ),
        }
    }
}

/// §5.10.2 (Table 3): the standard backup retention policies, from the
/// shortest retention to the longest (the order SPEC §14 compares prices in:
/// a longer retention never costs less than a shorter one for the same unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum BackupRetention {
    #[serde(rename = "WEEKLY-1")]
    Weekly1,
    #[serde(rename = "WEEKLY-2")]
    Weekly2,
    #[serde(rename = "MONTHLY-1")]
    Monthly1,
    #[serde(rename = "MONTHLY-3")]
    Monthly3,
    #[serde(rename = "MONTHLY-6")]
    Monthly6,
    #[serde(rename = "MONTHLY-12")]
    Monthly12,
    #[serde(rename = "MONTHLY-36")]
    Monthly36,
}

/// What one unit of an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A one-off fee for the contract.
    Contract,
    Vm,
    Cluster,
    /// §6.8: a native service unit of a given transition class.
    NativeServiceUnit,
    Node,
    Stream,
    User,
    Mailbox,
    Device,
    /// §5.10.2: a protected resource under a backup policy.
    ProtectedResource,
    /// §5.11.7: a monitoring source.
    MonitoringSource,
    /// §5.11.7: a supervised external interface.
    Interface,
    /// A day of work, once.
    Day,
    /// Days of work every month.
    DayPerMonth,
}

impl Unit {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Unit::Contract => lang.pick("forfait", "flat fee"),
            Unit::Vm => lang.pick("VM", "VM"),
            Unit::Cluster => lang.pick("cluster", "cluster"),
            Unit::NativeServiceUnit => lang.pick("unité de service natif", "native service unit"),
            Unit::Node => lang.pick("nœud", "node"),
            Unit::Stream => lang.pick("flux", "stream"),
            Unit::User => lang.pick("utilisateur", "user"),
            Unit::Mailbox => lang.pick("boîte aux lettres", "mailbox"),
            Unit::Device => lang.pick("équipement", "device"),
            Unit::ProtectedResource => lang.pick("ressource protégée", "protected resource"),
            Unit::MonitoringSource => lang.pick("source supervisée", "monitoring source"),
            Unit::Interface => lang.pick("interface", "interface"),
            Unit::Day => lang.pick("jour", "day"),
            Unit::DayPerMonth => lang.pick("jour / mois", "day / month"),
        }
    }
}

/// How an item is billed (§9.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Charge {
    /// Billed every month of the commitment.
    Monthly,
    /// Billed once.
    OneTime,
}

impl Charge {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Charge::Monthly => lang.pick("mensuel", "monthly"),
            Charge::OneTime => lang.pick("unique", "one-time"),
        }
    }
}

/// §4.1: how much of a resource the provider builds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BuildModel {
    /// The provider builds nothing: the resource is not managed by build.
    #[default]
    NoBuild,
    /// Integration of the client's environment into the provider's back end.
    Backend,
    /// The operations layer plus back-end integration.
    Operations,
    /// Infrastructure as code, operations layer and integration.
    Full,
}

impl BuildModel {
    pub const ALL: [BuildModel; 4] = [
        BuildModel::NoBuild,
        BuildModel::Backend,
        BuildModel::Operations,
        BuildModel::Full,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            BuildModel::NoBuild => lang.pick("No Build", "No Build"),
            BuildModel::Backend => lang.pick("Backend Build", "Backend Build"),
            BuildModel::Operations => lang.pick("Operations Build", "Operations Build"),
            BuildModel::Full => lang.pick("Full Build", "Full Build"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            BuildModel::NoBuild => "no_build",
            BuildModel::Backend => "backend",
            BuildModel::Operations => "operations",
            BuildModel::Full => "full",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }
}
