//! The portfolio table: one row per quote, sortable by any column, with the
//! totals of the rows computed.

use std::cmp::Ordering;

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::engine::portfolio::{Entry, Totals};
use crate::ui::format::date;

/// The columns one can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Client,
    Tcv,
    Anniversary,
    Increase,
    Attainment,
    Shortfall,
}

impl Column {
    const ALL: [Column; 7] = [
        Column::Name,
        Column::Client,
        Column::Tcv,
        Column::Anniversary,
        Column::Increase,
        Column::Attainment,
        Column::Shortfall,
    ];

    fn label(self, l: Lang) -> &'static str {
        match self {
            Column::Name => l.pick("Devis", "Quote"),
            Column::Client => l.pick("Client · projet", "Client · project"),
            Column::Tcv => l.pick("Valeur (TCV)", "Value (TCV)"),
            Column::Anniversary => l.pick("Prochain anniversaire", "Next anniversary"),
            Column::Increase => {
                l.pick("Hausse sur l'année (§9.3)", "Increase over the year (§9.3)")
            }
            Column::Attainment => {
                l.pick("MRG atteint à date (§9.4)", "MRG attained to date (§9.4)")
            }
            Column::Shortfall => l.pick("Manque prévu de l'année", "Year's forecast shortfall"),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Client => "client",
            Column::Tcv => "tcv",
            Column::Anniversary => "anniversary",
            Column::Increase => "increase",
            Column::Attainment => "attainment",
            Column::Shortfall => "shortfall",
        }
    }
}

/// Orders two entries by `col`; rows in error come last.
fn compare(a: &Entry, b: &Entry, col: Column) -> Ordering {
    let (Some(x), Some(y)) = (&a.row, &b.row) else {
        return a.row.is_none().cmp(&b.row.is_none());
    };
    match col {
        Column::Name => a.source.cmp(&b.source),
        Column::Client => (&x.client, &x.project).cmp(&(&y.client, &y.project)),
        Column::Tcv => x.tcv.cmp(&y.tcv),
        Column::Anniversary => {
            let d = |r: &crate::engine::portfolio::PortfolioRow| {
                r.next_revision.as_ref().map(|n| n.date)
            };
            d(x).cmp(&d(y))
        }
        Column::Increase => {
            let i = |r: &crate::engine::portfolio::PortfolioRow| {
                r.next_revision.as_ref().map(|n| n.increase)
            };
            i(x).cmp(&i(y))
        }
        Column::Attainment => {
            let p = |r: &crate::engine::portfolio::PortfolioRow| {
                r.mrg.as_ref().map(|m| m.attainment_percent_to_date)
            };
            p(x).cmp(&p(y))
        }
        Column::Shortfall => {
            let s = |r: &crate::engine::portfolio::PortfolioRow| {
                r.mrg.as_ref().map(|m| m.forecast_shortfall)
            };
            s(x).cmp(&s(y))
        }
    }
}

fn money(m: Money, l: Lang) -> String {
    m.format(l)
}

#[component]
pub fn PortfolioTable(
    entries: Memo<Vec<Entry>>,
    totals: Memo<Option<Totals>>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let sort = RwSignal::new((Column::Name, true));
    let sorted = move || {
        let (col, up) = sort.get();
        let mut list = entries.get();
        list.sort_by(|a, b| {
            let o = compare(a, b, col);
            if up {
                o
            } else {
                o.reverse()
            }
        });
        list
    };
    let header = move |col: Column| {
        let arrow = move || match sort.get() {
            (c, true) if c == col => " ▲",
            (c, false) if c == col => " ▼",
            _ => "",
        };
        let aria = move || match sort.get() {
            (c, true) if c == col => "ascending",
            (c, false) if c == col => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="link" data-testid=format!("portfolio-sort-{}", col.key())
                    on:click=move |_| sort.update(|s| *s = if s.0 == col { (col, !s.1) } else { (col, true) })>
                    {move || col.label(lang.get())}{arrow}
                </button>
            </th>
        }
    };
    view! {
        <div class="table-wrap">
        <table class="data" data-testid="portfolio-table">
            <thead><tr>{Column::ALL.into_iter().map(header).collect_view()}</tr></thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    sorted().into_iter().map(|e| {
                        let Some(r) = e.row.clone() else {
                            return view! {
                                <tr data-testid="portfolio-row" class="bad">
                                    <td>{e.source.clone()}</td>
                                    <td colspan="6" data-testid="portfolio-error">{e.error.clone().unwrap_or_default()}</td>
                                </tr>
                            }.into_any();
                        };
                        let next = r.next_revision.clone();
                        let anniversary = next.as_ref().map(|n| date(n.date, l)).unwrap_or_else(|| "—".into());
                        let increase = next.as_ref().map(|n| {
                            let flag = if n.provisional { l.pick(" (provisoire)", " (provisional)") } else { "" };
                            format!("{}{flag}", money(n.increase, l))
                        }).unwrap_or_else(|| "—".into());
                        let attained = r.mrg.as_ref().map(|m| format!("{} ({} %)", money(m.attainment_to_date, l), m.attainment_percent_to_date.round_dp(1))).unwrap_or_else(|| "—".into());
                        let shortfall = r.mrg.as_ref().map(|m| money(m.forecast_shortfall, l)).unwrap_or_else(|| "—".into());
                        view! {
                            <tr data-testid="portfolio-row">
                                <td data-testid="portfolio-name">{e.source.clone()}</td>
                                <td>{format!("{} · {}", r.client, r.project)}<div class="line-detail">{r.model.label(l)}</div></td>
                                <td class="num" data-testid="portfolio-tcv">{money(r.tcv, l)}</td>
                                <td>{anniversary}</td>
                                <td class="num" data-testid="portfolio-increase">{increase}</td>
                                <td class="num">{attained}</td>
                                <td class="num">{shortfall}</td>
                            </tr>
                        }.into_any()
                    }).collect_view()
                }}
            </tbody>
            <tfoot>
                {move || totals.get().map(|t| {
                    let l = lang.get();
                    view! {
                        <tr data-testid="portfolio-totals">
                            <th scope="row">{format!("{} {}", t.contracts, l.pick("contrat(s)", "contract(s)"))}</th>
                            <td>{if t.failed > 0 { format!("{} {}", t.failed, l.pick("en erreur", "in error")) } else { String::new() }}</td>
                            <td class="num" data-testid="portfolio-total-tcv">{money(t.tcv, l)}</td>
                            <td></td>
                            <td class="num" data-testid="portfolio-total-increase">{money(t.next_revision_increase, l)}</td>
                            <td class="num">{money(t.attainment_to_date, l)}</td>
                            <td class="num">{money(t.forecast_shortfall, l)}</td>
                        </tr>
                    }
                })}
            </tfoot>
        </table>
        </div>
    }
}
