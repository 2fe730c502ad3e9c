//! `dealdesk check`: is the store readable, is every prospect valid, is the policy sound?

use std::collections::HashSet;
use std::process::ExitCode;

use anyhow::Result;

use super::Context;
use crate::domain::fields::Field;
use crate::domain::money::NumberStyle;
use crate::domain::prospect::Prospect;
use crate::store::{self, lock};

/// Problems with one prospect: each input must survive being shown and typed back, and ids
/// must be unique.
pub fn prospect_problems(prospects: &[Prospect]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for p in prospects {
        let who = format!("prospect {} ({})", p.id, p.name);
        if !ids.insert(p.id) {
            problems.push(format!("{who}: id {} is used twice", p.id));
        }
        let mut copy = p.clone();
        for field in Field::ALL {
            if let Err(e) = field.set(&mut copy, &field.get(p), NumberStyle::Point) {
                problems.push(format!("{who}: {}: {e}", field.key()));
            }
        }
    }
    problems
}

pub fn run(ctx: &Context) -> Result<ExitCode> {
    println!("policy: {} (valid)", ctx.policy_source);
    let prospects = match store::load(&ctx.store) {
        Ok(prospects) => prospects,
        Err(e) => {
            println!("store: {e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    if !ctx.store.exists() {
        println!("store: {} does not exist yet (an empty portfolio)", ctx.store.display());
    } else {
        println!(
            "store: {} — {} prospect(s), schema {}",
            ctx.store.display(),
            prospects.len(),
            store::SCHEMA_VERSION
        );
    }
    if lock::lock_path(&ctx.store).exists()
        && let Err(lock::LockError::Held { holder }) =
            lock::StoreLock::acquire(&ctx.store, "dealdesk check").map(drop)
    {
        println!("lock: held by {holder} (fine while that instance runs)");
    }
    let problems = prospect_problems(&prospects);
    for problem in &problems {
        println!("problem: {problem}");
    }
    if problems.is_empty() {
        println!("ok");
        Ok(ExitCode::SUCCESS)
    } else {
        println!("{} problem(s)", problems.len());
        Ok(ExitCode::FAILURE)
    }
}
