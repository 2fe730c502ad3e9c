//! The JSON file behind the store trait: one writer (the lock's holder), every save the whole
//! portfolio, decisions inside their prospects, and nobody else's changes to watch for.

use std::collections::HashMap;

use super::backend::{Access, Backend, Evaluate, Imported, OnBlock, Planner, SaveRequest, Saved};
use super::{Store, StoreError, atomic, ids};
use crate::domain::import_plan::Plan;
use crate::domain::prospect::Prospect;

impl Backend for Store {
    fn label(&self) -> String {
        let path = self.path();
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }

    fn user(&self) -> String {
        super::user::os_user()
    }

    fn access(&self) -> Access {
        match self.read_only_reason() {
            Some(reason) => Access::ReadOnly { reason: reason.to_string() },
            None => Access::Write { credit: true },
        }
    }

    fn load(&mut self, evaluate: Evaluate, on_block: &mut OnBlock) -> Result<(), StoreError> {
        match evaluate {
            // Evaluated on the loader's pool while the next block is read.
            Some((policy, today)) => {
                let read = |each: &mut crate::portfolio::load::OnBlock| self.read_in_chunks(each);
                crate::portfolio::load::read_evaluated(read, policy, today, on_block)
            }
            None => self.read_in_chunks(&mut |prospects, progress| on_block(prospects, Vec::new(), progress)),
        }
    }

    fn save(&mut self, request: SaveRequest<'_>) -> Result<Saved, StoreError> {
        let prospects = request.portfolio.iter().map(|p| p.as_ref());
        if request.overwrite {
            self.save_over(prospects, &mut atomic::write_all)?;
        } else {
            Store::save(self, prospects)?;
        }
        Ok(Saved::default())
    }

    fn import(&mut self, plan: &mut Planner) -> Result<Option<Imported>, StoreError> {
        self.refuse_read_only()?;
        let mut portfolio = self.reload()?;
        let Some(plan) = plan(&portfolio) else { return Ok(None) };
        let (new, updated) = (plan.new.len(), plan.updated.len());
        if new + updated > 0 {
            apply(&mut portfolio, plan).map_err(|e| StoreError::NoIdsLeft {
                message: format!("{e}; nothing was imported from it"),
            })?;
            Store::save(self, &portfolio)?;
        }
        Ok(Some(Imported { new, updated, total: portfolio.len() }))
    }

    fn count(&mut self) -> Result<usize, StoreError> {
        let mut count = 0;
        self.read_in_chunks(&mut |prospects, progress| {
            if progress.started_over {
                count = 0;
            }
            count += prospects.len();
        })?;
        Ok(count)
    }

    fn fill(&mut self, prospects: Vec<Prospect>) -> Result<(), StoreError> {
        self.refuse_read_only()?;
        let held = self.count()?;
        if held > 0 {
            return Err(StoreError::NotEmpty { store: self.path().display().to_string(), held });
        }
        if let Some(problem) = ids::find_problem(&prospects.iter().map(|p| p.id).collect::<Vec<_>>()) {
            let problem = ids::describe(problem, &prospects);
            return Err(StoreError::Ids { path: self.path().to_path_buf(), problem });
        }
        self.save_over(&prospects, &mut atomic::write_all)
    }
}

/// Puts a plan into the portfolio: updates in place by id, new prospects with fresh ids; an
/// error, and nothing changed, when no ids are left.
fn apply(portfolio: &mut Vec<Prospect>, plan: Plan) -> Result<(), String> {
    let mut new: Vec<Prospect> = plan.new.into_iter().map(|(_, p)| p).collect();
    ids::assign(portfolio, &mut new)?;
    let at: HashMap<u64, usize> = portfolio.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    for update in plan.updated {
        if let Some(&i) = at.get(&update.after.id) {
            portfolio[i] = update.after;
        }
    }
    portfolio.extend(new);
    Ok(())
}
