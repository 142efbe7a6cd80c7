//! The one way files are written: to a temporary file in the same folder, then moved into place,
//! refusing to replace an existing file unless forced (SPEC §9). A failure at any step leaves the
//! target as it was and no temporary file behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Checks that `path` can be written: not a folder, not an existing file (unless `force`), in a
/// folder that exists. `draft` calls it before composing, so a mistake costs nothing.
pub fn check_target(path: &Path, force: bool) -> Result<()> {
    if path.is_dir() {
        return Err(Error::input(path, None, "this is a folder; the output must be a file")
            .with_hint("give a file name, e.g. -o folder/draft.md"));
    }
    // symlink_metadata: a dangling link is something that exists, too.
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err(Error::Exists { path: path.to_owned() });
    }
    let dir = folder(path);
    if !dir.is_dir() {
        return Err(Error::input(&dir, None, "the folder does not exist; nothing was written")
            .with_hint("create the folder first, or write somewhere else"));
    }
    Ok(())
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Writes `bytes` to `path` atomically. Without `force`, an existing file is left alone (also one
/// that appears while we write: the final step is a hard link, which never replaces).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    check_target(path, force)?;
    let dir = folder(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let (tmp, mut file) = temp_file(&dir, name).map_err(|e| Error::io(path, e))?;
    let result = (|| {
        file.write_all(bytes).map_err(|e| Error::io(path, e))?;
        file.sync_all().map_err(|e| Error::io(path, e))?;
        drop(file);
        if force {
            return std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e));
        }
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => {
                let _ = std::fs::remove_file(&tmp);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::Exists { path: path.to_owned() }),
            // A file system without hard links: check, then rename.
            Err(_) => {
                if std::fs::symlink_metadata(path).is_ok() {
                    return Err(Error::Exists { path: path.to_owned() });
                }
                std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
            }
        }
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A new hidden file beside the target; never one that exists.
fn temp_file(dir: &Path, name: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    let mut last = None;
    for n in 0..100u32 {
        let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}
