//! The library's folders, as `byline library` manages them: list them with
//! their articles and whether each is still there, and take one out with
//! its articles, the events grouped again after it.

use super::{Error, Library, Step};
use crate::index::folders::find_root;
use crate::index::{Folder, Removed};
use std::path::Path;

impl Library {
    /// The library's folders (the demo's, when the user has none).
    pub fn folders(&self) -> Result<Vec<Folder>, Error> {
        self.ready()?;
        Ok(self.catalog.folders()?)
    }

    /// Take the folder `path` names out of the library, its articles out of
    /// the index (in one commit), then bring the events up to date. A path
    /// that is not one of the library's folders is [`Error::Invalid`], with
    /// what it is instead.
    pub fn remove_folder(&self, path: &Path, progress: &(dyn Fn(Step) + Sync)) -> Result<Removed, Error> {
        let _one_at_a_time = self.refreshing.lock().unwrap_or_else(|p| p.into_inner());
        let roots = self.catalog.user_roots()?;
        let root = find_root(path, &roots, &self.paths().fetched()).map_err(Error::Invalid)?;
        let removed = self.catalog.remove_root(&root)?;
        progress(Step::Grouping);
        crate::events::refresh(&self.catalog)?;
        Ok(removed)
    }
}
