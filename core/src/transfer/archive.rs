//! ZIP archives of other tools' exports, read safely: into memory only (nothing is ever
//! written from an archive), with limits on how many files, how large and how compressed,
//! and names that point outside the archive refused.

use std::io::Read;
use std::path::Path;

use super::import::Progress;
use super::refuse;
use crate::{Error, Result};

/// More files than this is not an export of a journal or a profile.
pub const MAX_FILES: usize = 50_000;
/// The most any one file read from an archive may hold, uncompressed.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// A file this many times larger than it is compressed is a ZIP bomb, not an export.
pub const MAX_RATIO: u64 = 200;

/// One file of an archive: its name, and its bytes when it was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub name: String,
    pub bytes: Option<Vec<u8>>,
}

/// Whether `name` stays inside the archive: no `..`, no absolute path or drive, no
/// backslash or NUL.
pub fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains(['\\', '\0'])
        && !name.split('/').any(|part| part == "..")
        && name.chars().nth(1).is_none_or(|c| c != ':')
}

/// Whether the bytes begin as a ZIP archive does.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Lists every file of the archive at `path` (folders left out) and reads the ones `want`
/// asks for, telling `progress` file by file.
pub fn read(path: &Path, want: &dyn Fn(&str) -> bool, progress: Progress) -> Result<Vec<Member>> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let shown = path.display();
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| refuse(format!("{shown} is not a ZIP archive that can be read ({e})")))?;
    let total = archive.len();
    if total > MAX_FILES {
        return Err(refuse(format!("{shown} holds {total} files; the limit is {MAX_FILES}")));
    }
    let mut members = Vec::new();
    for index in 0..total {
        progress(index as u64, total as u64);
        let mut entry = archive
            .by_index(index)
            .map_err(|e| refuse(format!("{shown}: file {} cannot be read ({e})", index + 1)))?;
        let name = entry.name().to_string();
        if !safe_name(&name) {
            return Err(refuse(format!(
                "{shown}: the file name \"{name}\" points outside the archive; nothing was imported"
            )));
        }
        if entry.is_dir() {
            continue;
        }
        if !want(&name) {
            members.push(Member { name, bytes: None });
            continue;
        }
        let size = entry.size();
        if size > MAX_FILE_BYTES {
            return Err(refuse(format!(
                "{shown}: {name} is {} MB; the limit is {} MB",
                size >> 20,
                MAX_FILE_BYTES >> 20
            )));
        }
        if size > 1 << 20 && size / entry.compressed_size().max(1) > MAX_RATIO {
            return Err(refuse(format!(
                "{shown}: {name} is compressed more than {MAX_RATIO} to 1, as ZIP bombs are; it was not read"
            )));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        // Read at most the limit, whatever the header claims.
        (&mut entry)
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| refuse(format!("{shown}: {name} cannot be read ({e})")))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(refuse(format!("{shown}: {name} is larger than it says")));
        }
        members.push(Member { name, bytes: Some(bytes) });
    }
    progress(total as u64, total as u64);
    Ok(members)
}

/// The last part of a member's name: `Positions.csv` for `Basic/Positions.csv`.
pub fn file_name(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

#[cfg(test)]
/// A ZIP archive of `files` (name, text), written in memory, for tests.
pub fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut writer = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in files {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
    }
    out.into_inner()
}
