//! `dealdesk eval`: prospects in (CSV or JSON, detected), assessment and terms out.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::output::Report;
use super::report::EvalRecord;
use super::table::{Align, render};
use super::{Context, EvalFormat, read_input};
use crate::domain::evaluate::{Evaluation, evaluate};
use crate::domain::prospect::Prospect;
use crate::io::csv_import;

/// Reads prospects from CSV or JSON: a JSON array of prospects, one prospect object, or a
/// store file. Anything else is read as CSV.
pub fn read_prospects(bytes: &[u8], source: &Path) -> Result<Vec<Prospect>> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => from_json::<Vec<Prospect>>(text),
        Some(b'{') => {
            let value: serde_json::Value = serde_json::from_slice(text)?;
            if value.get("prospects").is_some() {
                crate::store::decode(text, source).map_err(|e| match e {
                    crate::store::StoreError::Corrupt { line, column, message, .. } => {
                        anyhow::anyhow!("{}:{line}:{column}: {message}", input_name(source))
                    }
                    other => other.into(),
                })
            } else {
                from_json::<Prospect>(text).map(|p| vec![p])
            }
        }
        _ => {
            let import = csv_import::read_prospects(text)?;
            if !import.errors.is_empty() {
                let lines: Vec<String> = import.errors.iter().map(ToString::to_string).collect();
                bail!("{} has bad cells:\n  {}", input_name(source), lines.join("\n  "));
            }
            Ok(import.prospects.into_iter().map(|row| row.prospect).collect())
        }
    }
}

/// How an input is named in messages: its path, or "standard input" for `-`.
fn input_name(source: &Path) -> String {
    if source == Path::new("-") { "standard input".into() } else { source.display().to_string() }
}

/// Parses JSON, naming the path of a bad field (`[3].revenue: …`).
fn from_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| anyhow::anyhow!("{}: {}", e.path(), e.inner()))
}

pub fn run(ctx: &Context, file: &Path, format: EvalFormat) -> Result<ExitCode> {
    let prospects = read_prospects(&read_input(file)?, file)?;
    let evaluations: Vec<Evaluation> =
        prospects.iter().map(|p| evaluate(p, &ctx.policy, ctx.today)).collect();
    let mut out = Report::new();
    match format {
        EvalFormat::Json => {
            let records: Vec<EvalRecord> =
                prospects.iter().zip(&evaluations).map(|(p, e)| EvalRecord::new(p, e)).collect();
            out.json(&records)?;
        }
        EvalFormat::Table => {
            write!(out, "{}", table(&prospects, &evaluations))?;
            writeln!(
                out,
                "{} prospect(s), evaluated as of {} under {}",
                prospects.len(),
                ctx.today,
                ctx.policy_source
            )?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The evaluation table: one line per prospect.
pub fn table(prospects: &[Prospect], evaluations: &[Evaluation]) -> String {
    use Align::{Left, Right};
    let columns = [
        ("Name", Left),
        ("Band", Left),
        ("Score", Right),
        ("Cover", Right),
        ("Segment", Left),
        ("Channel", Left),
        ("Days", Right),
        ("Adv %", Right),
        ("Limit", Right),
        ("Security", Left),
        ("Risk-adj. profit", Right),
        ("Margin", Right),
    ];
    let rows: Vec<Vec<String>> = prospects
        .iter()
        .zip(evaluations)
        .map(|(p, e)| {
            let a = &e.assessment;
            let t = &e.suggestion.terms;
            let band = if a.insufficient_data { format!("{}?", a.band) } else { a.band.to_string() };
            vec![
                p.name.clone(),
                band,
                a.score.map_or("—".into(), |s| format!("{s:.1}")),
                format!("{:.0} %", a.coverage * 100.0),
                e.segment.map_or("—".into(), |s| s.label().to_string()),
                t.channel.label().to_string(),
                t.payment_days.to_string(),
                t.advance_pct.to_string(),
                t.credit_limit.grouped(),
                t.security.label().to_string(),
                e.economics.as_ref().map_or("—".into(), |x| x.risk_adjusted_profit.grouped()),
                e.economics
                    .as_ref()
                    .and_then(|x| x.margin_pct)
                    .map_or("—".into(), |m| format!("{:.1} %", m)),
            ]
        })
        .collect();
    render(&columns, &rows, 40)
}
