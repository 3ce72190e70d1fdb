//! Files written whole or not at all. Each file is filled in a temporary file beside it and
//! renamed into place; a result of several files (CSV with list files beside it) is renamed
//! into place only when every one is complete, and the ones already renamed are put back if a
//! later one fails. Temporary files are removed on Ctrl-C and SIGTERM too: every live one is
//! listed in `LIVE`, and the interrupt handler removes them before the process ends.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use tempfile::{NamedTempFile, TempPath};

use super::{Failure, R, write_error};
use crate::diagnostic::Diagnostic;
use crate::lang::msg;

/// Temporary files that exist now and are not yet in place.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The exit status after an interrupt, as a shell reports Ctrl-C.
const INTERRUPTED: i32 = 130;

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// From the first temporary file on, Ctrl-C and SIGTERM remove every live temporary file and
/// end the run. The handler waits for a set of renames under way (they hold `LIVE`), so a
/// result is never half in place.
fn remove_on_interrupt() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            let live = live();
            for path in live.iter() {
                let _ = std::fs::remove_file(path);
            }
            if live.is_empty() {
                eprintln!("{}", msg!("cli-interrupted"));
            } else {
                eprintln!("{}", msg!("cli-interrupted-temporary-files-removed"));
            }
            std::process::exit(INTERRUPTED);
        });
    });
}

/// A temporary file beside its target, listed in `LIVE` while it exists.
struct Pending {
    file: Option<NamedTempFile>,
    target: PathBuf,
}

impl Pending {
    fn new(target: &Path) -> std::io::Result<Pending> {
        remove_on_interrupt();
        let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        // Created and listed under the lock, so an interrupt cannot fall between the two.
        let mut live = live();
        let file = temporary_in(dir)?;
        live.push(file.path().to_path_buf());
        Ok(Pending { file: Some(file), target: target.to_path_buf() })
    }

    /// The temporary file, no longer listed (the caller holds `LIVE`).
    fn take(&mut self, live: &mut Vec<PathBuf>) -> Option<NamedTempFile> {
        let file = self.file.take()?;
        live.retain(|p| p != file.path());
        Some(file)
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        // Unlisted, then removed (NamedTempFile's own drop).
        if self.file.is_some() {
            let mut live = live();
            drop(self.take(&mut live));
        }
    }
}

/// Where `path` is written: a symbolic link is written through (its target is replaced).
fn target_of(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Fills a temporary file beside `path` with `fill` and renames it over `path` only if
/// `fill` succeeds; on any failure nothing is left behind.
pub(super) fn write_through(path: &Path, fill: impl FnOnce(&mut (dyn Write + Send)) -> R<()>) -> R<()> {
    put_in_place(fill_beside(path, fill)?.into_iter().collect())
}

/// Writes every file or none: all are filled first, then renamed into place; if a rename
/// fails, the files already renamed get their old contents back (or are removed, when they
/// are new).
pub(super) fn write_all(files: &[(PathBuf, Vec<u8>)]) -> R<()> {
    let mut pending = Vec::new();
    for (path, bytes) in files {
        let write =
            |w: &mut (dyn Write + Send)| w.write_all(bytes).map_err(|e| Failure::from(vec![write_error(path, &e)]));
        pending.extend(fill_beside(path, write)?);
    }
    put_in_place(pending)
}

/// A temporary file beside `path` filled by `fill`, to be put in place; `None` for a device
/// or pipe (`/dev/null`), written to directly, as there is nothing to replace.
fn fill_beside(path: &Path, fill: impl FnOnce(&mut (dyn Write + Send)) -> R<()>) -> R<Option<(PathBuf, Pending)>> {
    let fail = |e: std::io::Error| Failure::from(vec![write_error(path, &e)]);
    let target = target_of(path);
    if std::fs::metadata(&target).is_ok_and(|m| !m.is_file()) && !target.is_dir() {
        let mut file = std::fs::OpenOptions::new().write(true).open(&target).map_err(fail)?;
        fill(&mut file)?;
        return Ok(None);
    }
    let mut pending = Pending::new(&target).map_err(fail)?;
    if let Some(file) = pending.file.as_mut() {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 20, file.as_file_mut());
        fill(&mut buffered)?;
        buffered.flush().map_err(fail)?;
    }
    Ok(Some((path.to_path_buf(), pending)))
}

/// Renames each temporary file over its target, keeping existing files' permissions; on a
/// failure puts back what was replaced. Holds `LIVE` throughout, so an interrupt waits.
fn put_in_place(pending: Vec<(PathBuf, Pending)>) -> R<()> {
    let mut live = live();
    // Unlisted together: a file left over after a failure is removed when dropped.
    let files: Vec<(PathBuf, PathBuf, NamedTempFile)> = pending
        .into_iter()
        .filter_map(|(path, mut p)| p.take(&mut live).map(|file| (path, p.target.clone(), file)))
        .collect();
    let count = files.len();
    let mut done: Vec<(PathBuf, PathBuf, Option<TempPath>)> = Vec::new();
    for (i, (path, target, file)) in files.into_iter().enumerate() {
        let existing = std::fs::metadata(&target).ok().filter(|m| m.is_file());
        let renamed = (|| {
            // Keep an existing file's permissions; a new file has those it was created with
            // (rw-rw-rw- less the umask, as any new file).
            if let Some(permissions) = existing.as_ref().map(|m| m.permissions()) {
                file.as_file().set_permissions(permissions)?;
            }
            // The old contents, kept until every file is in place (the last needs none).
            let backup = match existing {
                Some(_) if i + 1 < count => Some(backup_of(&target)?),
                _ => None,
            };
            file.persist(&target).map_err(|e| e.error)?;
            Ok(backup)
        })();
        match renamed {
            Ok(backup) => done.push((path, target, backup)),
            Err(e) => {
                let mut failure = Failure::from(vec![write_error(&path, &e)]);
                failure.diagnostics.extend(roll_back(done));
                return Err(failure);
            }
        }
    }
    Ok(())
}

/// A copy of `target` in a temporary file beside it (removed when dropped).
fn backup_of(target: &Path) -> std::io::Result<TempPath> {
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let backup = NamedTempFile::new_in(dir)?.into_temp_path();
    std::fs::copy(target, &backup)?;
    Ok(backup)
}

/// Puts back the files replaced before a failure; what could not be put back is reported
/// (its old contents kept in the temporary file named).
fn roll_back(done: Vec<(PathBuf, PathBuf, Option<TempPath>)>) -> Vec<Diagnostic> {
    let mut failed = Vec::new();
    for (path, target, backup) in done.into_iter().rev() {
        let kept = match backup {
            Some(backup) => match backup.persist(&target) {
                Ok(()) => continue,
                Err(e) => e.path.keep().ok(),
            },
            None if std::fs::remove_file(&target).is_ok() => continue,
            None => None,
        };
        let message = match &kept {
            Some(old) => msg!("cli-replaced-kept", path = path.display(), old = old.display()),
            None => msg!("cli-replaced", path = path.display()),
        };
        failed.push(Diagnostic::error("E0910", message).help(msg!("cli-files-result-do-not-belong")));
    }
    failed
}

/// A temporary file in `dir` created as a new file is (rw-rw-rw- less the umask), not
/// tempfile's private rw-------: it becomes the output.
fn temporary_in(dir: &Path) -> std::io::Result<NamedTempFile> {
    // Changed only on Unix.
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn every_file_or_none() {
        let tmp = tempfile::tempdir().unwrap();
        let (main, list) = (tmp.path().join("d.csv"), tmp.path().join("d.职能工作.csv"));
        std::fs::write(&main, "old main").unwrap();
        // A folder where the second file goes: its rename fails after the first succeeded.
        std::fs::create_dir(&list).unwrap();
        let failure = write_all(&[(main.clone(), b"new main".to_vec()), (list.clone(), b"new list".to_vec())]);
        assert!(failure.is_err());
        assert_eq!(std::fs::read_to_string(&main).unwrap(), "old main", "the first file is put back");
        assert_eq!(entries(tmp.path()), ["d.csv", "d.职能工作.csv"], "no temporary file is left");
        assert!(live().is_empty());
        // A new first file is removed again.
        std::fs::remove_file(&main).unwrap();
        assert!(write_all(&[(main.clone(), b"new".to_vec()), (list.clone(), b"new".to_vec())]).is_err());
        assert_eq!(entries(tmp.path()), ["d.职能工作.csv"]);
        // Without the folder both are written.
        std::fs::remove_dir(&list).unwrap();
        write_all(&[(main.clone(), b"new main".to_vec()), (list.clone(), b"new list".to_vec())])
            .map_err(|_| ())
            .unwrap();
        assert_eq!(std::fs::read_to_string(&main).unwrap(), "new main");
        assert_eq!(std::fs::read_to_string(&list).unwrap(), "new list");
        assert_eq!(entries(tmp.path()), ["d.csv", "d.职能工作.csv"]);
    }
}
