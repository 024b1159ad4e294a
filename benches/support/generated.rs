//! The generated quote the engine benchmarks price: natively (criterion,
//! benches/pricing.rs) and compiled to WebAssembly in Chromium
//! (examples/engine_wasm.rs). Each quote mixes what a real one has: monthly
//! service units of several families (dependencies satisfied, §3), one-time
//! expertise days, builds of three models invoiced by milestones with lines
//! attached to lots (§4, §9.8), Premium production with SDM and CBM
//! (§6.1.1–6.1.2), a support upgrade (§5.3), ticket overage reviewed
//! quarterly (§9.6), a token plan with off-hours and accelerated changes and
//! a pack (§6, §12) and specific lines (§11).

use chrono::NaiveDate;
use cloudquote::engine::document::catalog::{BuildModel, Charge, Family};
use cloudquote::engine::document::quote::{
    BuildBilling, BuildMilestone, PlannedChange, Quote, QuoteLine, SpecificLine, SupportChange,
    TicketPlan, TokenPlan,
};
use cloudquote::engine::document::support::{EnvironmentKind, ReviewPeriod, SupportLevel};
use cloudquote::engine::money::{Money, Quantity};
use rust_decimal::Decimal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// The items cycled through, with what an application line uses.
const ITEMS: [(&str, &[Family]); 12] = [
    ("OS-MGD", &[]),
    ("DB-MGD", &[]),
    ("MW-WEB", &[]),
    ("MW-APPSRV", &[]),
    ("K8S-MGD", &[]),
    ("CTR-MGD", &[]),
    ("APP-MGD", &[Family::Database, Family::Middleware]),
    ("BKP-MONTHLY-3", &[]),
    ("SUP-SRC-STD", &[Family::Application]),
    ("SEC-FW", &[]),
    ("EXCH-MBX", &[]),
    ("ARCHI", &[]),
];

/// A valid quote of `lines` catalogue lines over `months` months.
pub fn generated(lines: u32, months: u32) -> Quote {
    let start = day(2027, 1, 1);
    let mut quote = Quote::new(start);
    quote.client = "Bench".into();
    quote.project = format!("{lines} lines, {months} months");
    quote.commitment_months = months;
    quote.environments.clear();
    quote.set_environment(EnvironmentKind::Production, Some(SupportLevel::Premium));
    quote.set_environment(EnvironmentKind::PreProduction, Some(SupportLevel::Initial));
    quote.support_changes.push(SupportChange {
        id: 1,
        date: day(2027, 9, 1),
        environment: EnvironmentKind::PreProduction,
        level: SupportLevel::Standard,
    });
    for (i, code) in ["SDM", "CBM"].into_iter().enumerate() {
        quote
            .lines
            .push(line(i as u32 + 1, code, "1", BuildModel::NoBuild, None));
    }
    let builds = [
        BuildModel::Full,
        BuildModel::Backend,
        BuildModel::Operations,
    ];
    for n in 0..lines.saturating_sub(2) {
        let (code, uses) = ITEMS[n as usize % ITEMS.len()];
        // Every third line is built, attached to one of three lots.
        let (build, lot) = if n % 3 == 0
            && !matches!(code, "BKP-MONTHLY-3" | "EXCH-MBX" | "SUP-SRC-STD" | "ARCHI")
        {
            (builds[(n / 3) as usize % 3], Some(n % 3 + 1))
        } else {
            (BuildModel::NoBuild, None)
        };
        let quantity = match code {
            "EXCH-MBX" => "250",
            "ARCHI" => "3.5",
            _ => ["1", "2", "4", "3"][n as usize % 4],
        };
        let mut l = line(n + 3, code, quantity, build, lot);
        l.uses = uses.to_vec();
        // A few lines ordered later, at the tier of the remaining months (§9.7).
        if n % 17 == 5 {
            l.ordered_on = Some(day(2027, 7, 1));
        }
        quote.lines.push(l);
    }
    quote.build_billing = Some(BuildBilling::Milestones {
        lots: vec![
            milestone(1, day(2027, 3, 1), "40"),
            milestone(2, day(2027, 4, 15), "35"),
            milestone(3, day(2027, 6, 1), "25"),
        ],
    });
    quote.tickets = TicketPlan {
        included_per_month: 20,
        forecast_per_month: Quantity::from_file_text("26.5").expect("a quantity"),
        review: ReviewPeriod::Quarter,
    };
    quote.tokens = TokenPlan {
        changes: vec![
            change(1, "CHG-USER", 24, false, false),
            change(2, "CHG-FW-RULE", 12, true, false),
            change(3, "CHG-APP-DEPLOY", 4, false, true),
            change(4, "CHG-DB-PATCH", 2, true, true),
        ],
        extra_per_month: Quantity::from_file_text("4").expect("a quantity"),
        packs: vec!["PACK-OFFSHORE-20".into()],
        fixed_capacity_hours: Some(40),
    };
    quote.specific = vec![
        SpecificLine {
            id: 1,
            label: "Migration".into(),
            amount: Money::euros(12_000),
            charge: Charge::OneTime,
            date: Some(day(2027, 2, 1)),
        },
        SpecificLine {
            id: 2,
            label: "VPN".into(),
            amount: Money::euros(300),
            charge: Charge::Monthly,
            date: None,
        },
    ];
    quote
}

fn line(id: u32, item: &str, quantity: &str, build: BuildModel, lot: Option<u32>) -> QuoteLine {
    QuoteLine {
        build,
        lot,
        ..QuoteLine::new(
            cloudquote::engine::document::quote::LineId(id),
            item,
            Quantity::from_file_text(quantity).expect("a quantity"),
        )
    }
}

fn milestone(id: u32, date: NaiveDate, percent: &str) -> BuildMilestone {
    BuildMilestone {
        id,
        label: format!("Lot {id}"),
        date,
        percent: percent.parse::<Decimal>().expect("a percentage"),
    }
}

fn change(id: u32, code: &str, per_year: u32, off_hours: bool, accelerated: bool) -> PlannedChange {
    PlannedChange {
        id,
        change: code.into(),
        per_year,
        off_hours,
        accelerated,
    }
}
