//! SPEC §9 (§8 of the service description): service-level guarantees, what
//! applies to each environment of a quote, and the credits of one month.
//!
//! The tables are data (`service_levels.json`, checked at load: [`tables`]);
//! the clauses that combine them are code, each citing its paragraph:
//! [`guarantees`] (what applies to a quote), [`credits`] (one simulated
//! month), [`helpers`] (downtime, deadlines), [`catalogue_003`] (another
//! provider's support catalogue). Uses the document, `models` and `pricing`.
//!
//! Interpretations the seed leaves open, stated once here and in the README:
//! - a simulated month is the calendar month (28 to 31 days of 1 440 minutes);
//!   the "allowed downtime" helper uses a 30-day month and a 365-day year;
//! - "1 jour HO" (Initial, P1) is one business day of covered hours, 9 h
//!   counted 09:00–18:00 on business days;
//! - a managed function (§10 "Fonction Managée") is a group of production
//!   units: every unit of a kind together (OS, databases, …, Log as a
//!   Service apart from Big Data), each managed application line on its own
//!   (`document::managed_function`); its monthly recurring charge is what
//!   its production units taken into management bill in the month;
//! - No Build (§4.1 "la ressource n'est pas managée", SPEC §14): a unit the
//!   book offers to build, quoted No Build and not onboarded, carries no
//!   guarantee: out of the GTD and GTR bases, its incidents not counted; it
//!   is still billed and in the §8.4.9 cap base;
//! - every line is a production unit unless the simulation marks it as
//!   non-production (§8.4.3: no penalty then);
//! - the 15 % cap (§8.4.9) is taken on the month's recurring charges of the
//!   Service (service units, governance, support, token packs, monthly
//!   specific lines, billing-minimum complement), not on consumption;
//! - higher-of (§8.4.10): when late incidents on a unit of a function also
//!   earn that function a GTD credit, the month is settled both ways (keep
//!   the GTD credits and count those incidents as on time for the GTR, or
//!   keep the GTR and drop those GTD credits) and the higher total is granted;
//! - co-managed exclusions (§8.4.4) apply only under Co-Managed, as written;
//!   an IaaS outage (§8.4.6) is excluded under every model;
//! - client-caused work (§8.4.4 c, d) is billed in tokens by started half
//!   hour, half of it when the responsibility is shared.

pub mod catalogue_003;
pub mod credits;
pub mod guarantees;
pub mod helpers;
pub mod tables;

pub use catalogue_003::*;
pub use credits::*;
pub use guarantees::*;
pub use helpers::*;
pub use tables::*;
