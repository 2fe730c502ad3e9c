//! `dealdesk eval`: prospects in (CSV, a spreadsheet or JSON, detected), assessment and terms
//! out, streamed: batches are evaluated on all cores (in input order) and written record by
//! record through a buffered writer, so memory stays flat however long the input. Without
//! `--skip-invalid` a first pass checks every row before anything is written, so a bad row
//! never leaves half a JSON array behind; an input of up to `HOLD` rows is kept from that pass
//! rather than read and parsed again. `--format json` writes the array one record a line
//! (compact, as the store writes prospects): the same contract as pretty-printed, at a third of
//! the bytes and time. Given terms (`--terms`, or a CSV's or sheet's term columns, which win for
//! their row) are evaluated instead of the suggestion; a term the law makes void is a bad row.

use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::eval_input::{Given, Input, Row, input_name};
use super::output::{Report, note};
use super::report::EvalRecord;
use super::table::{Align, render};
use super::{Context, EvalFormat};
use crate::domain::date::Date;
use crate::domain::evaluate::Evaluation;
use crate::domain::format;
use crate::domain::policy::Policy;
use crate::domain::prospect::{Prospect, Terms};
use crate::domain::terms::ceiling::term_ceiling;
use crate::domain::terms::given::GivenTerms;
use crate::io::printable;
use crate::portfolio::load;

pub fn run(
    ctx: &Context,
    file: &Path,
    format: EvalFormat,
    skip_invalid: bool,
    terms: &GivenTerms,
) -> Result<ExitCode> {
    let input = Input::open(file)?;
    let mut out = Report::new();
    let (written, skipped) = stream(ctx, &input, &input_name(file), format, skip_invalid, terms, &mut out)?;
    out.finish()?;
    if skipped > 0 {
        note(format!(
            "{} evaluated, {} skipped",
            format::count(written, "prospect"),
            format::count(skipped, "bad row")
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// Evaluates `input` into `out` in `format`, on `terms` where a row gives none of its own: the
/// whole of `eval` but where it writes. Returns how many prospects were written and how many bad
/// rows skipped.
pub fn stream(
    ctx: &Context,
    input: &Input,
    name: &str,
    format: EvalFormat,
    skip_invalid: bool,
    terms: &GivenTerms,
    out: &mut impl Write,
) -> Result<(usize, usize)> {
    let with_terms = |row: Row| given_terms(row, terms, &ctx.policy);
    let held = if skip_invalid { None } else { check(input, ctx.today, name, &with_terms)? };
    let mut sink = Sink { format, written: 0, skipped: 0, table: Vec::new() };
    match held {
        Some(batches) => batches.iter().try_for_each(|rows| sink.write(ctx, rows, out))?,
        None => input.batches(ctx.today, &mut |rows| {
            sink.batch(ctx, name, rows.into_iter().map(with_terms).collect(), out)
        })?,
    }
    sink.finish(ctx, out)?;
    Ok((sink.written, sink.skipped))
}

/// How many rows the check pass keeps for the evaluation, so that an input of up to this many
/// is read once: about 130 MB of prospects at most, where a million rows may take 300 MiB.
const HOLD: usize = 131_072;

/// The check pass: every row read and checked, an error naming every bad row. Returns the
/// checked rows, in their batches, when there are no more than `HOLD`, else `None`: then they
/// are read again.
fn check(
    input: &Input,
    today: Date,
    name: &str,
    with_terms: &dyn Fn(Row) -> Row,
) -> Result<Option<Vec<Vec<Given>>>> {
    let (mut held, mut count, mut bad) = (Some(Vec::new()), 0, Vec::new());
    input.batches(today, &mut |rows| {
        count += rows.len();
        let mut good = Vec::with_capacity(rows.len());
        for row in rows.into_iter().map(with_terms) {
            match row {
                Ok(given) => good.push(given),
                Err(message) => bad.push(message),
            }
        }
        match &mut held {
            Some(batches) if count <= HOLD && bad.is_empty() => batches.push(good),
            _ => held = None,
        }
        Ok(())
    })?;
    if !bad.is_empty() {
        let lines: Vec<String> = bad.iter().map(|m| printable(m).into_owned()).collect();
        bail!(
            "{name} has {}, nothing evaluated (--skip-invalid evaluates the others):\n  {}",
            format::count(bad.len(), "bad row"),
            lines.join("\n  ")
        );
    }
    Ok(held)
}

/// A row's own terms over `all`; a payment term the law of the deal makes void makes it a bad
/// row, named by its prospect.
fn given_terms(row: Row, all: &GivenTerms, policy: &Policy) -> Row {
    let Given { prospect, terms } = row?;
    let terms = terms.or(all);
    if let Some(days) = terms.payment_days
        && let Some(refusal) = term_ceiling(&prospect, policy).refusal(days)
    {
        return Err(format!("{}: {refusal}", prospect.name));
    }
    Ok(Given { prospect, terms })
}

/// Where evaluated records go, in the chosen format.
struct Sink {
    format: EvalFormat,
    written: usize,
    skipped: usize,
    /// The table's rows: its columns are as wide as their widest cell, so it is written last.
    table: Vec<Vec<String>>,
}

impl Sink {
    /// Writes a batch's good rows, noting and counting the bad ones.
    fn batch(&mut self, ctx: &Context, name: &str, rows: Vec<Row>, out: &mut impl Write) -> Result<()> {
        let mut good = Vec::with_capacity(rows.len());
        for row in rows {
            match row {
                Ok(p) => good.push(p),
                Err(message) => {
                    note(format!("{name}: skipped: {}", printable(&message)));
                    self.skipped += 1;
                }
            }
        }
        self.write(ctx, &good, out)
    }

    /// Evaluates `rows` on every core and writes them in their order.
    fn write(&mut self, ctx: &Context, rows: &[Given], out: &mut impl Write) -> Result<()> {
        let (policy, today, format) = (&ctx.policy, ctx.today, self.format);
        let encoded = load::evaluate_into(rows, policy, today, true, |row: &Given, e| {
            let (p, given) = (&row.prospect, &row.terms);
            let terms = (!given.is_empty()).then(|| given.apply(&e.suggestion.terms));
            match format {
                EvalFormat::Table => Ok(Encoded::Row(table_row(p, e, terms.as_ref(), policy))),
                EvalFormat::Json | EvalFormat::Jsonl => {
                    encode(&EvalRecord::new(p, e, terms.as_ref(), policy)).map(Encoded::Bytes)
                }
            }
        });
        let encoded = encoded.into_iter().collect::<Result<Vec<_>, _>>()?;
        for item in encoded {
            match item {
                Encoded::Row(row) => self.table.push(row),
                Encoded::Bytes(bytes) => {
                    let lead: &[u8] = match (format, self.written) {
                        (EvalFormat::Json, 0) => b"[\n",
                        (EvalFormat::Json, _) => b",\n",
                        _ => b"",
                    };
                    out.write_all(lead)?;
                    out.write_all(&bytes)?;
                    if format == EvalFormat::Jsonl {
                        out.write_all(b"\n")?;
                    }
                }
            }
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, ctx: &Context, out: &mut impl Write) -> Result<()> {
        match self.format {
            EvalFormat::Json if self.written == 0 => out.write_all(b"[]\n")?,
            EvalFormat::Json => out.write_all(b"\n]\n")?,
            EvalFormat::Jsonl => {}
            EvalFormat::Table => {
                write!(out, "{}", render(&COLUMNS, &self.table, 40))?;
                writeln!(
                    out,
                    "{}, evaluated as of {} under {}",
                    format::count(self.written, "prospect"),
                    ctx.today,
                    ctx.policy_source
                )?;
            }
        }
        Ok(())
    }
}

thread_local! {
    /// Each evaluator's buffer for the record it encodes: grown once and reused, so that a record
    /// costs one allocation of its own size instead of a buffer doubled a dozen times.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A record in compact JSON.
fn encode(record: &EvalRecord) -> serde_json::Result<Vec<u8>> {
    SCRATCH.with_borrow_mut(|buffer| {
        buffer.clear();
        record.write_json(buffer)?;
        Ok(buffer.as_slice().to_vec())
    })
}

/// One evaluated prospect, ready to write.
enum Encoded {
    Row(Vec<String>),
    Bytes(Vec<u8>),
}

const COLUMNS: [(&str, Align); 12] = [
    ("Name", Align::Left),
    ("Band", Align::Left),
    ("Score", Align::Right),
    ("Cover", Align::Right),
    ("Segment", Align::Left),
    ("Channel", Align::Left),
    ("Days", Align::Right),
    ("Adv %", Align::Right),
    ("Limit", Align::Right),
    ("Security", Align::Left),
    ("Risk-adj. profit", Align::Right),
    ("Margin", Align::Right),
];

/// One line of the evaluation table, on the given terms or the suggestion; the name from the
/// file is shown escaped.
fn table_row(p: &Prospect, e: &Evaluation, given: Option<&Terms>, policy: &Policy) -> Vec<String> {
    let a = &e.assessment;
    let t = given.unwrap_or(&e.suggestion.terms);
    let economics = if given.is_some() { e.economics_on(t, policy) } else { e.economics.clone() };
    let band = if a.insufficient_data { format!("{}?", a.band) } else { a.band.to_string() };
    vec![
        printable(&p.name).into_owned(),
        band,
        a.score.map_or("—".into(), format::score),
        format!("{:.0} %", a.coverage * 100.0),
        e.segment.map_or("—".into(), |s| s.label().to_string()),
        t.channel.label().to_string(),
        t.payment_days.to_string(),
        t.advance_pct.to_string(),
        t.credit_limit.grouped(),
        t.security.label().to_string(),
        economics.as_ref().map_or("—".into(), |x| x.risk_adjusted_profit.grouped()),
        economics.as_ref().and_then(|x| x.margin_pct).map_or("—".into(), format::percent),
    ]
}
