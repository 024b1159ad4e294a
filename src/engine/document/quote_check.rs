//! [`Quote::check`]: the quote against the bounds of [`super::limits`], each
//! value out of bounds reported where it lies. Linear in the size of the
//! quote (ids are checked with hash sets).

use rust_decimal::Decimal;

use super::credit_month::CreditMonth;
use super::limits::{
    dec, Checker, LimitError, Place, MAX_AMOUNT, MAX_BILLED_OVERRIDES, MAX_CAPACITY_HOURS,
    MAX_CHANGE_TOKENS, MAX_CODE_CHARS, MAX_COEFFICIENT_DECIMALS, MAX_COMMITMENT_MONTHS,
    MAX_CREDIT_RECORDS, MAX_CUSTOM_ACTIVITIES, MAX_HOURS, MAX_INCLUDED_TICKETS, MAX_LINES,
    MAX_LOTS, MAX_MONTH_MINUTES, MAX_PER_YEAR, MAX_RACI_OVERRIDES, MAX_SCENARIOS,
    MAX_SCOPE_CHANGES, MAX_SPECIFIC, MAX_SUPPORT_CHANGES, MAX_TEXT_CHARS, MAX_TOKEN_CHANGES,
    MAX_TOKEN_PACKS, MIN_COMMITMENT_MONTHS, MIN_SCENARIOS,
};
use super::quote::{BuildBilling, Quote};
use super::raci::RaciSettings;

impl Quote {
    /// Checks every value of the quote against the document's bounds
    /// ([`super::limits`]): amounts, quantities, percentages, dates, counts,
    /// texts, and that ids are unique in each list. Every problem is
    /// returned, located; nothing is clamped.
    pub fn check(&self) -> Result<(), Vec<LimitError>> {
        let mut c = Checker::default();
        self.check_header(&mut c);
        self.check_lines(&mut c);
        self.check_build(&mut c);
        self.check_plans(&mut c);
        self.check_finance(&mut c);
        check_raci(&mut c, &self.raci);
        self.check_effort(&mut c);
        self.check_life(&mut c);
        if let Some(month) = &self.sla_simulation {
            check_credits(&mut c, month);
        }
        c.finish()
    }

    /// SPEC §15: the client's day rate, day and effort estimates.
    fn check_effort(&self, c: &mut Checker) {
        let q = &Place::Quote;
        let e = &self.client_effort;
        c.amount(q, "client_effort.day_rate", e.day_rate.as_decimal());
        c.decimal(
            q,
            "client_effort.hours_per_day",
            e.hours_per_day,
            dec(1),
            dec(24),
        );
        c.count(
            q,
            "client_effort.estimates",
            e.estimates.len(),
            MAX_RACI_OVERRIDES,
        );
        c.unique(
            &e.estimates,
            "client_effort.estimates",
            |x| x.activity.clone(),
            |_| Place::Quote,
        );
        for x in &e.estimates {
            c.decimal(
                q,
                "client_effort.fixed_hours",
                x.fixed_hours,
                dec(0),
                dec(MAX_HOURS),
            );
            c.decimal(
                q,
                "client_effort.per_unit_hours",
                x.per_unit_hours,
                dec(0),
                dec(MAX_HOURS),
            );
        }
    }

    fn check_header(&self, c: &mut Checker) {
        let q = &Place::Quote;
        c.text(q, "client", &self.client, MAX_TEXT_CHARS);
        c.text(q, "project", &self.project, MAX_TEXT_CHARS);
        c.text(q, "region", &self.region, MAX_CODE_CHARS);
        c.date(q, "start_date", self.start_date);
        // §9.1: one year at least.
        c.whole(
            q,
            "commitment_months",
            self.commitment_months,
            MIN_COMMITMENT_MONTHS,
            MAX_COMMITMENT_MONTHS,
        );
        c.unique(
            &self.environments,
            "environments",
            |e| e.kind.key(),
            |_| Place::Quote,
        );
        // SPEC §1: two to four scenarios, or none (the defaults).
        let n = self.comparison.len();
        c.count(q, "comparison", n, MAX_SCENARIOS);
        if n > 0 && n < MIN_SCENARIOS {
            c.too_few(q, "comparison", n, MIN_SCENARIOS);
        }
        c.unique(&self.comparison, "id", |s| s.id, |s| Place::Scenario(s.id));
        for s in &self.comparison {
            c.text(&Place::Scenario(s.id), "label", &s.label, MAX_TEXT_CHARS);
        }
    }

    fn check_lines(&self, c: &mut Checker) {
        c.count(&Place::Quote, "lines", self.lines.len(), MAX_LINES);
        c.unique(&self.lines, "id", |l| l.id.0, |l| Place::Line(l.id.0));
        for line in &self.lines {
            let p = Place::Line(line.id.0);
            c.text(&p, "item", &line.item, MAX_CODE_CHARS);
            c.quantity(&p, "quantity", line.quantity.as_decimal());
            if let Some(date) = line.ordered_on {
                c.date(&p, "ordered_on", date);
            }
            if let Some(pct) = line.pass_through_percent {
                // §9.3.3: a vendor's yearly change, an increase or a decrease.
                c.decimal(
                    &p,
                    "pass_through_percent",
                    pct,
                    -Decimal::ONE_HUNDRED,
                    Decimal::ONE_HUNDRED,
                );
            }
        }
        c.count(&Place::Quote, "specific", self.specific.len(), MAX_SPECIFIC);
        c.unique(&self.specific, "id", |s| s.id, |s| Place::Specific(s.id));
        for s in &self.specific {
            let p = Place::Specific(s.id);
            c.text(&p, "label", &s.label, MAX_TEXT_CHARS);
            c.amount(&p, "amount", s.amount.as_decimal());
            if let Some(date) = s.date {
                c.date(&p, "date", date);
            }
        }
    }

    fn check_build(&self, c: &mut Checker) {
        match &self.build_billing {
            None => {}
            Some(BuildBilling::ThirtySeventy { end_of_build }) => {
                c.date(&Place::Quote, "end_of_build", *end_of_build);
            }
            Some(BuildBilling::Milestones { lots }) => {
                c.count(&Place::Quote, "lots", lots.len(), MAX_LOTS);
                c.unique(lots, "id", |l| l.id, |l| Place::Lot(l.id));
                for lot in lots {
                    let p = Place::Lot(lot.id);
                    c.text(&p, "label", &lot.label, MAX_TEXT_CHARS);
                    c.date(&p, "date", lot.date);
                    // §9.8.1: a lot is a share of the build.
                    c.percent(&p, "percent", lot.percent);
                }
            }
        }
        let changes = &self.support_changes;
        c.count(
            &Place::Quote,
            "support_changes",
            changes.len(),
            MAX_SUPPORT_CHANGES,
        );
        c.unique(changes, "id", |s| s.id, |s| Place::SupportChange(s.id));
        for s in changes {
            c.date(&Place::SupportChange(s.id), "date", s.date);
        }
    }

    fn check_plans(&self, c: &mut Checker) {
        let q = &Place::Quote;
        let t = &self.tickets;
        c.whole(
            q,
            "tickets.included_per_month",
            t.included_per_month,
            0,
            MAX_INCLUDED_TICKETS,
        );
        c.quantity(
            q,
            "tickets.forecast_per_month",
            t.forecast_per_month.as_decimal(),
        );
        let tokens = &self.tokens;
        c.count(q, "tokens.changes", tokens.changes.len(), MAX_TOKEN_CHANGES);
        c.unique(
            &tokens.changes,
            "id",
            |t| t.id,
            |t| Place::TokenChange(t.id),
        );
        for change in &tokens.changes {
            let p = Place::TokenChange(change.id);
            c.text(&p, "change", &change.change, MAX_CODE_CHARS);
            c.whole(&p, "per_year", change.per_year, 0, MAX_PER_YEAR);
        }
        c.quantity(
            q,
            "tokens.extra_per_month",
            tokens.extra_per_month.as_decimal(),
        );
        c.count(q, "tokens.packs", tokens.packs.len(), MAX_TOKEN_PACKS);
        for code in &tokens.packs {
            c.text(q, "tokens.packs", code, MAX_CODE_CHARS);
        }
        if let Some(hours) = tokens.fixed_capacity_hours {
            c.whole(
                q,
                "tokens.fixed_capacity_hours",
                hours,
                0,
                MAX_CAPACITY_HOURS,
            );
        }
    }

    fn check_finance(&self, c: &mut Checker) {
        let q = &Place::Quote;
        let r = &self.revision;
        if let Some(cap) = r.cap_percent {
            // §9.3: a yearly cap on the increase, a share of the price.
            c.percent(q, "revision.cap_percent", cap);
        }
        if let Some(d) = r.coefficient_decimals {
            c.whole(
                q,
                "revision.coefficient_decimals",
                d,
                0,
                MAX_COEFFICIENT_DECIMALS,
            );
        }
        let m = &self.mrg;
        // §9.4: the guaranteed share of the run revenue.
        c.percent(q, "mrg.rate_percent", m.rate_percent);
        if let Some(g) = m.global_revenue {
            c.amount(q, "mrg.global_revenue", g.as_decimal());
        }
        c.count(
            q,
            "mrg.billed_override",
            m.billed_override.len(),
            MAX_BILLED_OVERRIDES,
        );
        for (i, billed) in m.billed_override.iter().enumerate() {
            if let Some(b) = billed {
                c.amount(
                    &Place::RunYear(i + 1),
                    "mrg.billed_override",
                    b.as_decimal(),
                );
            }
        }
        c.count(
            q,
            "mrg.scope_changes",
            m.scope_changes.len(),
            MAX_SCOPE_CHANGES,
        );
        c.unique(
            &m.scope_changes,
            "id",
            |s| s.id,
            |s| Place::ScopeChange(s.id),
        );
        for s in &m.scope_changes {
            let p = Place::ScopeChange(s.id);
            c.date(&p, "date", s.date);
            c.text(&p, "label", &s.label, MAX_TEXT_CHARS);
            c.decimal(
                &p,
                "variation",
                s.variation,
                dec(-MAX_AMOUNT),
                dec(MAX_AMOUNT),
            );
        }
    }
}

fn check_raci(c: &mut Checker, raci: &RaciSettings) {
    let q = &Place::Quote;
    c.count(q, "raci.custom", raci.custom.len(), MAX_CUSTOM_ACTIVITIES);
    c.count(
        q,
        "raci.overrides",
        raci.overrides.len(),
        MAX_RACI_OVERRIDES,
    );
    c.text(
        q,
        "raci.third_party_name",
        &raci.third_party_name,
        MAX_TEXT_CHARS,
    );
    c.unique(
        &raci.custom,
        "id",
        |a| a.id.clone(),
        |a| Place::CustomActivity(a.id.clone()),
    );
    for a in &raci.custom {
        let p = Place::CustomActivity(a.id.clone());
        c.text(&p, "id", &a.id, MAX_CODE_CHARS);
        c.text(&p, "label", &a.label, MAX_TEXT_CHARS);
    }
    for o in &raci.overrides {
        c.text(q, "raci.overrides.activity", &o.activity, MAX_CODE_CHARS);
    }
}

fn check_credits(c: &mut Checker, month: &CreditMonth) {
    let q = &Place::Quote;
    let minutes = dec(MAX_MONTH_MINUTES);
    let hours = dec(MAX_HOURS);
    c.date(q, "sla_simulation.month", month.month);
    c.count(
        q,
        "sla_simulation.non_production",
        month.non_production.len(),
        MAX_CREDIT_RECORDS,
    );
    c.count(
        q,
        "sla_simulation.functions",
        month.functions.len(),
        MAX_CREDIT_RECORDS,
    );
    c.unique(
        &month.functions,
        "id",
        |f| f.id,
        |f| Place::CreditFunction(f.id),
    );
    for f in &month.functions {
        let p = Place::CreditFunction(f.id);
        c.decimal(
            &p,
            "interruption_minutes",
            f.interruption_minutes,
            Decimal::ZERO,
            minutes,
        );
        c.decimal(
            &p,
            "iaas_down_minutes",
            f.iaas_down_minutes,
            Decimal::ZERO,
            minutes,
        );
        c.decimal(
            &p,
            "client_caused_minutes",
            f.client_caused_minutes,
            Decimal::ZERO,
            minutes,
        );
    }
    c.count(
        q,
        "sla_simulation.incidents",
        month.incidents.len(),
        MAX_CREDIT_RECORDS,
    );
    c.unique(&month.incidents, "id", |i| i.id, |i| Place::Incident(i.id));
    for i in &month.incidents {
        let p = Place::Incident(i.id);
        c.decimal(
            &p,
            "resolution_hours",
            i.resolution_hours,
            Decimal::ZERO,
            hours,
        );
        c.decimal(&p, "work_hours", i.work_hours, Decimal::ZERO, hours);
    }
    c.count(
        q,
        "sla_simulation.changes",
        month.changes.len(),
        MAX_CREDIT_RECORDS,
    );
    c.unique(
        &month.changes,
        "id",
        |ch| ch.id,
        |ch| Place::CreditChange(ch.id),
    );
    for ch in &month.changes {
        let p = Place::CreditChange(ch.id);
        c.whole(&p, "tokens", ch.tokens, 0, MAX_CHANGE_TOKENS);
        c.decimal(
            &p,
            "duration_hours",
            ch.duration_hours,
            Decimal::ZERO,
            hours,
        );
    }
}
