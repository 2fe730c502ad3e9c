//! The JSON file behind the store trait: one writer (the lock's holder), every save the whole
//! portfolio, decisions inside their prospects, and nobody else's changes to watch for.

use super::backend::{Access, Backend, Evaluate, Imported, OnBlock, SaveRequest, Saved};
use super::{Store, StoreError, atomic, ids, stream};
use crate::domain::prospect::Prospect;

impl Backend for Store {
    fn label(&self) -> String {
        let path = self.path();
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }

    fn user(&self) -> String {
        std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "an unknown user".into())
    }

    fn access(&self) -> Access {
        match self.read_only_reason() {
            Some(reason) => Access::ReadOnly { reason: reason.to_string() },
            None => Access::Write { credit: true },
        }
    }

    fn load(&mut self, evaluate: Evaluate, on_block: &mut OnBlock) -> Result<(), StoreError> {
        match evaluate {
            Some((policy, today)) => self.read_evaluated(policy, today, on_block),
            None => {
                self.read_unevaluated(&mut |prospects, progress| on_block(prospects, Vec::new(), progress))
            }
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

    fn import(&mut self, mut prospects: Vec<Prospect>) -> Result<Imported, StoreError> {
        let mut portfolio = self.reload()?;
        ids::assign(&portfolio, &mut prospects)
            .map_err(|message| StoreError::NoIdsLeft { store: self.path().display().to_string(), message })?;
        let added = prospects.len();
        portfolio.extend(prospects);
        Store::save(self, &portfolio)?;
        Ok(Imported { added, total: portfolio.len() })
    }

    fn count(&mut self) -> Result<usize, StoreError> {
        let mut count = 0;
        self.read_unevaluated(&mut |prospects, progress| {
            if progress.started_over {
                count = 0;
            }
            count += prospects.len();
        })?;
        Ok(count)
    }

    fn fill(&mut self, prospects: Vec<Prospect>) -> Result<(), StoreError> {
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

impl Store {
    /// Reads the file block by block without evaluating; afterwards saves compare against
    /// the version read.
    fn read_unevaluated(
        &mut self,
        chunk: &mut dyn FnMut(Vec<Prospect>, stream::Progress),
    ) -> Result<(), StoreError> {
        let seen = super::fingerprint(self.file());
        stream::read_in_chunks(self.file(), chunk)?;
        self.seen = seen;
        Ok(())
    }
}
