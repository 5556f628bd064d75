//! Finds the git repositories under the folders capture reads, nested ones too, passing
//! over excluded and unreadable folders and never going round a symlink loop.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Cancel, Skipped};
use crate::Result;

/// Folder names a scan never enters unless the settings say otherwise: dependencies,
/// build output and vendored trees hold other people's repositories, not the engineer's.
pub const DEFAULT_EXCLUSIONS: &[&str] = &[
    "node_modules", "target", "vendor", "third_party", "third-party", "bower_components", ".cache",
    ".venv", "venv", "__pycache__", "Pods", "dist", "build",
];

/// How deep below a named folder a scan looks: deep enough for `~/src/org/team/repo`.
const MAX_DEPTH: usize = 8;

/// The repositories under `folders`, each once, in a stable order; what could not be
/// read goes to `skipped` with the reason.
pub(super) fn repositories(
    folders: &[PathBuf],
    exclusions: &[String],
    skipped: &mut Vec<Skipped>,
    cancel: &Cancel,
    mut found: impl FnMut(u32),
) -> Result<Vec<PathBuf>> {
    let mut walk = Walk { exclusions, skipped, seen: HashSet::new(), repos: Vec::new() };
    for folder in folders {
        cancel.check()?;
        match std::fs::metadata(folder) {
            Err(e) => walk.skip(folder, reason_of(&e)),
            Ok(m) if !m.is_dir() => walk.skip(folder, "is not a folder".into()),
            Ok(_) => {
                let before = walk.repos.len();
                walk.visit(folder, 0, cancel, &mut found)?;
                if walk.repos.len() == before
                    && !walk.skipped.iter().any(|s| s.path == folder.display().to_string())
                {
                    walk.skip(folder, "holds no git repository".into());
                }
            }
        }
    }
    Ok(walk.repos)
}

struct Walk<'a> {
    exclusions: &'a [String],
    skipped: &'a mut Vec<Skipped>,
    /// Folders entered, by their real path: a symlink back up the tree is seen twice.
    seen: HashSet<PathBuf>,
    repos: Vec<PathBuf>,
}

impl Walk<'_> {
    fn skip(&mut self, path: &Path, reason: String) {
        self.skipped.push(Skipped { path: path.display().to_string(), reason });
    }

    fn visit(
        &mut self,
        dir: &Path,
        depth: usize,
        cancel: &Cancel,
        found: &mut dyn FnMut(u32),
    ) -> Result<()> {
        cancel.check()?;
        let real = match std::fs::canonicalize(dir) {
            Ok(real) => real,
            Err(e) => {
                self.skip(dir, reason_of(&e));
                return Ok(());
            }
        };
        if !self.seen.insert(real.clone()) {
            if depth > 0 && std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_symlink()) {
                self.skip(dir, "is a link to a folder already read (a symlink loop?)".into());
            }
            return Ok(());
        }
        if is_repository(dir) {
            self.repos.push(dir.to_path_buf());
            found(self.repos.len() as u32);
        }
        if depth >= MAX_DEPTH {
            return Ok(());
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.skip(dir, reason_of(&e));
                return Ok(());
            }
        };
        let mut children: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| {
                // A file type is one `stat` on a symlink; a plain file needs none.
                e.file_type().is_ok_and(|t| t.is_dir() || t.is_symlink())
            })
            .map(|e| e.path())
            .filter(|p| {
                let name =
                    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                name != ".git" && !self.exclusions.contains(&name)
            })
            .filter(|p| p.is_dir())
            .collect();
        children.sort();
        for child in children {
            self.visit(&child, depth + 1, cancel, found)?;
        }
        Ok(())
    }
}

/// A work tree (`.git` folder, or a `.git` file of a submodule or linked worktree) or a
/// bare repository.
fn is_repository(dir: &Path) -> bool {
    dir.join(".git").exists() || looks_like_git_dir(dir)
}

/// A bare repository's folder: `HEAD`, `objects/` and `refs/` side by side.
fn looks_like_git_dir(dir: &Path) -> bool {
    dir.join("HEAD").is_file() && dir.join("objects").is_dir() && dir.join("refs").is_dir()
}

fn reason_of(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "does not exist".into(),
        std::io::ErrorKind::PermissionDenied => "cannot be read (permission denied)".into(),
        _ => format!("cannot be read ({e})"),
    }
}

/// The name a repository goes by in the inbox: its folder's, without `.git`.
pub(super) fn display_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    name.strip_suffix(".git").filter(|n| !n.is_empty()).map(str::to_string).unwrap_or(name)
}
