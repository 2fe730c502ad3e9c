//! What an import would do to the portfolio, decided before anything is written: which incoming
//! prospects are new, which update a prospect already there (each changed field old → new) and
//! which change nothing. CSV, spreadsheet and filed-accounts imports, `--dry-run` and the
//! desk's preview all show this one plan.
//!
//! An incoming prospect is the one already there when they share a registration number; where
//! the incoming one has none, or no prospect has it, the same exact name in the same country.

use std::collections::HashMap;

use super::decision_columns::DecisionCells;
use super::fields::Field;
pub use super::import_decision::Decider;
use super::prospect::Prospect;
use super::terms::given::{self, GivenTerms};
use super::vocabulary::Status;

/// A set of fields, e.g. the cells a CSV row filled in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(u64);

impl FieldSet {
    pub const EMPTY: FieldSet = FieldSet(0);

    pub fn of(fields: &[Field]) -> FieldSet {
        let mut set = FieldSet::EMPTY;
        for &f in fields {
            set.insert(f);
        }
        set
    }

    pub fn insert(&mut self, field: Field) {
        self.0 |= 1 << field as u32;
    }

    pub fn contains(self, field: Field) -> bool {
        self.0 & (1 << field as u32) != 0
    }

    /// The fields in the set, in form order.
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL.iter().copied().filter(move |f| self.contains(*f))
    }
}

/// One prospect an import brings in.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// Where it comes from, for messages: "row 5", "0443.246.943 (filing 2025-00069236)".
    pub label: String,
    /// As read; used whole when it is new.
    pub prospect: Prospect,
    /// The fields it sets on a prospect already there (a CSV row: its non-empty cells).
    pub updates: FieldSet,
    /// Filed accounts: refused when the prospect already has accounts of a later period.
    pub keeps_newer_accounts: bool,
    /// When and by whom its status was decided, when the file says (an export's decision
    /// columns); else the import's own time and user.
    pub decided: DecisionCells,
    /// The terms its term columns give (an export's agreed terms): recorded as agreed when the
    /// prospect's status agrees terms.
    pub terms: GivenTerms,
}

/// One field or agreed term an update changes, as text (empty when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The field's key or the term's column name (`payment_days`…).
    pub column: &'static str,
    pub old: String,
    pub new: String,
}

impl Change {
    /// `revenue 1000 → 1500`, an unknown value as `(unknown)`.
    pub fn describe(&self) -> String {
        let shown = |v: &str| if v.is_empty() { "(unknown)".to_string() } else { v.to_string() };
        format!("{} {} → {}", self.column, shown(&self.old), shown(&self.new))
    }
}

/// An update of a prospect already in the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub label: String,
    /// The prospect as it will be (same id).
    pub after: Prospect,
    pub changes: Vec<Change>,
}

/// What the import does, in the order of the incoming prospects within each list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// New prospects, id 0 (the caller assigns ids), each with its label.
    pub new: Vec<(String, Prospect)>,
    pub updated: Vec<Update>,
    /// Labels and ids of incoming prospects that match and change nothing.
    pub unchanged: Vec<(String, u64)>,
    /// Labels of incoming prospects that are left out, and why.
    pub refused: Vec<(String, String)>,
    /// Incoming prospects that are the same company as an earlier one of this import: their
    /// fields went onto that one. (label, label of the earlier one)
    pub repeats: Vec<(String, String)>,
}

impl Plan {
    /// "2 new, 1 updated, 3 unchanged", plus what was left out.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "{} new, {} updated, {} unchanged",
            self.new.len(),
            self.updated.len(),
            self.unchanged.len()
        );
        if !self.refused.is_empty() {
            text.push_str(&format!(", {} refused", self.refused.len()));
        }
        text
    }

    /// Whether the import would change the portfolio at all.
    pub fn changes_anything(&self) -> bool {
        !self.new.is_empty() || !self.updated.is_empty()
    }
}

/// Where a matched prospect lives while the plan is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Existing(usize),
    /// Index into `Plan::new`.
    New(usize),
}

/// Lookups by registration and by exact name and country.
#[derive(Default)]
struct Index {
    registration: HashMap<String, Vec<Slot>>,
    /// By exact name, then among that name's countries (nearly always one): looked up with the
    /// incoming prospect's own strings, none copied.
    name: HashMap<String, Countries>,
}

/// The prospects of one name, by country.
type Countries = Vec<(Option<String>, Vec<Slot>)>;

impl Index {
    fn add(&mut self, p: &Prospect, slot: Slot) {
        if let Some(r) = &p.registration {
            self.registration.entry(r.clone()).or_default().push(slot);
        }
        let countries = self.name.entry(p.name.clone()).or_default();
        match countries.iter_mut().find(|(country, _)| *country == p.country) {
            Some((_, slots)) => slots.push(slot),
            None => countries.push((p.country.clone(), vec![slot])),
        }
    }

    /// The prospects this one is, by registration first, then by exact name and country among
    /// those without another registration.
    fn find(&self, p: &Prospect, registered: impl Fn(Slot) -> bool) -> Vec<Slot> {
        if let Some(found) = p.registration.as_ref().and_then(|r| self.registration.get(r)) {
            return found.clone();
        }
        let countries = self.name.get(&p.name).map(Vec::as_slice).unwrap_or_default();
        let named = countries.iter().find(|(country, _)| *country == p.country).map(|(_, slots)| slots);
        let named = named.map(Vec::as_slice).unwrap_or_default();
        match &p.registration {
            None => named.to_vec(),
            Some(_) => named.iter().copied().filter(|s| !registered(*s)).collect(),
        }
    }
}

/// What a new prospect brings to decide on (`Decider::decide`): the status of its status cell
/// (only one other than new decides anything), its term cells and its decision columns.
#[derive(Debug)]
struct Brought {
    status: Status,
    terms: GivenTerms,
    decided: DecisionCells,
}

/// The decision a new prospect's status brings, left to the end of the plan (`plan_with`).
#[derive(Debug)]
pub struct Pending<'a> {
    prospect: &'a mut Prospect,
    brought: Brought,
}

impl Pending<'_> {
    pub fn decide(&mut self, decider: &Decider) {
        let Brought { status, terms, decided } = &self.brought;
        decider.decide(Some(*status), terms, decided, self.prospect);
    }
}

/// Decides what importing `incoming` into `existing` does, a status brought recorded as a
/// decision by `decider`. Pure: nothing is changed.
pub fn plan(existing: &[&Prospect], incoming: Vec<Incoming>, decider: &Decider) -> Plan {
    plan_with(existing, incoming, decider, |pending| pending.iter_mut().for_each(|p| p.decide(decider)))
}

/// `plan`, with the decisions of the new prospects made by `decide_new` at the end, in any
/// order or on several threads: each is of its own prospect, as it came in, and evaluating the
/// prospect for it is most of a large import's time. A new prospect that a later one repeats is
/// decided when the repeat comes, as `plan` does, so the plan is the same.
pub fn plan_with(
    existing: &[&Prospect],
    incoming: Vec<Incoming>,
    decider: &Decider,
    decide_new: impl FnOnce(&mut [Pending<'_>]),
) -> Plan {
    let mut index = Index::default();
    for (i, p) in existing.iter().enumerate() {
        index.add(p, Slot::Existing(i));
    }
    let mut plan = Plan::default();
    // Room for every row to be new, as most are in a large import: growing a vector of
    // ~800-byte prospects copies it again at every doubling.
    plan.new.reserve(incoming.len());
    // Beside `plan.new`: what each new prospect has yet to decide (none when its status is new).
    let mut undecided: Vec<Option<Brought>> = Vec::with_capacity(incoming.len());
    // Existing prospects already updated by this import, so a repeat builds on that update.
    let mut updated_at: HashMap<usize, usize> = HashMap::new();
    for item in incoming {
        let found = index.find(&item.prospect, |slot| match slot {
            Slot::Existing(i) => existing[i].registration.is_some(),
            Slot::New(i) => plan.new[i].1.registration.is_some(),
        });
        match found.as_slice() {
            [] => {
                index.add(&item.prospect, Slot::New(plan.new.len()));
                let Incoming { label, prospect, updates, terms, decided, .. } = item;
                let status = updates.contains(Field::Status).then_some(prospect.status);
                let brought =
                    status.filter(|s| *s != Status::New).map(|status| Brought { status, terms, decided });
                undecided.push(brought);
                plan.new.push((label, Prospect { status: Status::New, ..prospect }));
            }
            [Slot::New(i)] => {
                let first = &mut plan.new[*i];
                if let Some(brought) = undecided[*i].take() {
                    Pending { prospect: &mut first.1, brought }.decide(decider);
                }
                apply(&item, &mut first.1, decider);
                plan.repeats.push((item.label, first.0.clone()));
            }
            [Slot::Existing(i)] => {
                let i = *i;
                let position = updated_at.get(&i).copied();
                let before = match position {
                    Some(u) => &plan.updated[u].after,
                    None => existing[i],
                };
                if let Some(reason) = refusal(&item, before) {
                    plan.refused.push((item.label, reason));
                    continue;
                }
                let mut after = before.clone();
                apply(&item, &mut after, decider);
                let changes = changes(existing[i], &after);
                match position {
                    Some(u) => {
                        plan.updated[u].after = after;
                        plan.updated[u].changes = changes;
                        plan.repeats.push((item.label, plan.updated[u].label.clone()));
                    }
                    None if changes.is_empty() => plan.unchanged.push((item.label, existing[i].id)),
                    None => {
                        updated_at.insert(i, plan.updated.len());
                        plan.updated.push(Update { label: item.label, after, changes });
                    }
                }
            }
            several => {
                let ids: Vec<String> = several
                    .iter()
                    .map(|s| match s {
                        Slot::Existing(i) => existing[*i].id.to_string(),
                        Slot::New(i) => format!("new from {}", plan.new[*i].0),
                    })
                    .collect();
                let reason = format!(
                    "{} prospects match it (ids {}): run dealdesk check and remove the duplicate",
                    several.len(),
                    ids.join(", ")
                );
                plan.refused.push((item.label, reason));
            }
        }
    }
    let mut pending: Vec<Pending<'_>> = plan
        .new
        .iter_mut()
        .zip(undecided)
        .filter_map(|((_, prospect), brought)| Some(Pending { prospect, brought: brought? }))
        .collect();
    decide_new(&mut pending);
    plan
}

/// Why an incoming prospect may not update `current`, if it may not.
fn refusal(item: &Incoming, current: &Prospect) -> Option<String> {
    let (Some(have), Some(new)) = (current.accounts_date, item.prospect.accounts_date) else { return None };
    (item.keeps_newer_accounts && have > new).then(|| {
        format!(
            "the portfolio has accounts of {have} for {}; these are of {new}, and an older period never \
             replaces a newer one (nothing changed)",
            current.name
        )
    })
}

/// Copies the fields `item` updates onto `target`, in form order (country before registration);
/// a status is a decision.
fn apply(item: &Incoming, target: &mut Prospect, decider: &Decider) {
    for field in item.updates.iter().filter(|f| *f != Field::Status) {
        field.copy(&item.prospect, target);
    }
    decider.apply(item, target);
}

/// The fields and agreed terms that differ between `before` and `after`, as text.
fn changes(before: &Prospect, after: &Prospect) -> Vec<Change> {
    let fields = Field::ALL.iter().map(|&field| (field.key(), field.get(before), field.get(after)));
    let agreed = |p: &Prospect| p.agreed_terms.as_ref().map(given::cells).unwrap_or_default();
    let terms =
        given::COLUMNS.into_iter().zip(agreed(before)).zip(agreed(after)).map(|((c, o), n)| (c, o, n));
    fields
        .chain(terms)
        .filter_map(|(column, old, new)| (old != new).then_some(Change { column, old, new }))
        .collect()
}
