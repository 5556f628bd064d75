//! (being written)

use std::path::Path;

use super::import::{ImportPlan, Progress};
use crate::{Error, Result};

pub fn plan(_path: &Path, _progress: Progress) -> Result<ImportPlan> {
    Err(Error::invalid("file", "not yet".to_string()))
}
