//! `dealdesk review`: the prospects due for review on a day (their latest decision's review
//! date has come), the earliest due first, for a morning routine.

use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::output::{Report, note};
use super::table::{Align, render};
use super::{Context, ReviewFormat};
use crate::domain::date::Date;
use crate::domain::decision::review_due;
use crate::domain::evaluate::evaluate;
use crate::domain::format::count;
use crate::domain::vocabulary::{Band, Status};
use crate::io::printable;
use crate::store;

/// One prospect due for review.
#[derive(Debug, Serialize)]
struct Due {
    id: u64,
    name: String,
    /// The band today.
    band: Band,
    /// The latest decision: its status and its date.
    last_decision: Status,
    decided_on: Date,
    due: Date,
}

pub fn run(ctx: &Context, format: ReviewFormat) -> Result<ExitCode> {
    let prospects = if ctx.store.exists() { store::load(&ctx.store)? } else { Vec::new() };
    let mut due: Vec<Due> = prospects
        .iter()
        .filter_map(|p| {
            let (last, day) = (p.history.last()?, review_due(p)?);
            (day <= ctx.today).then(|| Due {
                id: p.id,
                name: p.name.clone(),
                band: evaluate(p, &ctx.policy, ctx.today).assessment.band,
                last_decision: last.status,
                decided_on: last.date,
                due: day,
            })
        })
        .collect();
    due.sort_by(|a, b| (a.due, &a.name).cmp(&(b.due, &b.name)));
    let mut report = Report::new();
    match format {
        ReviewFormat::Json => report.json(&due)?,
        ReviewFormat::Table => {
            let columns = [
                ("name", Align::Left),
                ("band", Align::Left),
                ("last decision", Align::Left),
                ("due", Align::Left),
            ];
            let rows: Vec<Vec<String>> = due
                .iter()
                .map(|d| {
                    let last = format!("{} on {}", d.last_decision.label(), d.decided_on);
                    vec![printable(&d.name).into_owned(), d.band.to_string(), last, d.due.to_string()]
                })
                .collect();
            report.bytes(render(&columns, &rows, 40).as_bytes())?;
        }
    }
    report.finish()?;
    note(format!("{} due for review by {}", count(due.len(), "prospect"), ctx.today));
    Ok(ExitCode::SUCCESS)
}
