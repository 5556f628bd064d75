//! One window per journal: two windows writing one journal would each keep a stale view.
//! The first window listens on a socket named after the journal; a second launch on the
//! same journal asks it to come to the front and exits.

use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The socket for a journal: short (socket paths are limited to about 100 bytes) and the
/// same for every spelling of the journal's path.
pub fn socket_path(journal: &Path) -> PathBuf {
    let canonical = journal
        .parent()
        .and_then(|dir| dir.canonicalize().ok())
        .map(|dir| dir.join(journal.file_name().unwrap_or_default()))
        .unwrap_or_else(|| journal.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    canonical.hash(&mut hasher);
    let dir = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|d| d.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    dir.join(format!("careerlog-{:016x}.sock", hasher.finish()))
}

/// What the launch found: either this process owns the journal's window, or another does.
pub enum Claim {
    First(UnixListener),
    AlreadyOpen,
}

/// Claims the journal's window, or asks the window that has it to come to the front.
pub fn claim(journal: &Path) -> std::io::Result<Claim> {
    let socket = socket_path(journal);
    for _ in 0..20 {
        if let Ok(mut stream) = UnixStream::connect(&socket) {
            stream.set_read_timeout(Some(Duration::from_secs(2)))?;
            stream.write_all(b"focus\n")?;
            let mut answer = String::new();
            let _ = BufReader::new(stream).read_line(&mut answer);
            if answer.trim() == "ok" {
                return Ok(Claim::AlreadyOpen);
            }
            // The other window is closing: wait for it to go.
            std::thread::sleep(Duration::from_millis(250));
            continue;
        }
        // Nobody answers: a socket left by a crash is stale.
        let _ = std::fs::remove_file(&socket);
        match UnixListener::bind(&socket) {
            Ok(listener) => return Ok(Claim::First(listener)),
            // Another launch won the race; ask it instead.
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(Claim::AlreadyOpen)
}

/// Answers later launches, calling `focus` for each, until the process ends; once
/// `closing` is set it no longer answers, so a new launch waits for this one to go.
pub fn serve(
    listener: UnixListener,
    socket: PathBuf,
    closing: Arc<AtomicBool>,
    focus: impl Fn() + Send + 'static,
) {
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            if closing.load(Ordering::SeqCst) {
                continue;
            }
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            if reader.read_line(&mut line).is_ok() && line.trim() == "focus" {
                focus();
                let _ = (&stream).write_all(b"ok\n");
            }
        }
        let _ = std::fs::remove_file(socket);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_reaches_the_first_and_a_stale_socket_is_reclaimed() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.sqlite3");
        let other = dir.path().join("other.sqlite3");
        assert_ne!(socket_path(&journal), socket_path(&other));
        assert_eq!(
            socket_path(&journal),
            socket_path(&dir.path().join(".").join("journal.sqlite3"))
        );

        let Claim::First(listener) = claim(&journal).unwrap() else {
            panic!("the first launch owns it")
        };
        let (sent, received) = std::sync::mpsc::channel();
        let closing = Arc::new(AtomicBool::new(false));
        serve(listener, socket_path(&journal), closing.clone(), move || sent.send(()).unwrap());
        assert!(matches!(claim(&journal).unwrap(), Claim::AlreadyOpen));
        received
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("the first window was asked to the front");
        assert!(matches!(claim(&other).unwrap(), Claim::First(_)), "another journal is free");
        // A window that is closing does not count as open.
        closing.store(true, Ordering::SeqCst);
        let _ = std::fs::remove_file(socket_path(&journal));
        assert!(matches!(claim(&journal).unwrap(), Claim::First(_)));

        // A socket file nobody listens on (left by a crash) does not block the next launch.
        let stale = dir.path().join("stale.sqlite3");
        drop(UnixListener::bind(socket_path(&stale)).unwrap());
        assert!(matches!(claim(&stale).unwrap(), Claim::First(_)));
    }
}
