//! Writing export files whole: to a temporary file beside the target, then a rename, so a
//! failure never leaves half a file where the engineer expects one.

use std::path::Path;

use crate::{Error, Result};

/// Writes `bytes` to `path` whole or not at all, even across a power cut: into a temporary
/// file beside it, flushed to disk, renamed over `path`, and the rename itself flushed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("export");
    let temporary = dir.join(format!(".{name}.partial"));
    let written = std::fs::File::create(&temporary)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        Error::io(format!("cannot write {}", path.display()), e)
    })?;
    // The new name is durable once the folder is; a folder that cannot be opened for that
    // (a network share, say) still has the whole file under its name.
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_atomically(&path, b"hello").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"hello");
        let missing = dir.path().join("nope/out.md");
        let error = write_atomically(&missing, b"x").unwrap_err();
        assert!(error.to_string().starts_with("cannot write"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no partial file left");
    }
}
