//! OUT updated in place, for `--incremental`: only the item files of the
//! inputs cleaned again are written, the item files no input owns any more
//! are removed, and the records go last.
//!
//! Each item file and each record is written under a hidden name
//! (`.NAME.galley-new`) beside its place and renamed into it, so no reader
//! sees half a file. The records go in the order that keeps them honest:
//! the manifest first, then `sources.jsonl`, then `pages.jsonl` (whose
//! input hashes vouch for an input's items) and `run.json` (whose file
//! stamps vouch for an input's bytes). Before the run touches an input's
//! item files it names the input in a journal (`.galley-pending`), which
//! goes once every record is in place: a run cut short (a kill, a full
//! disk) leaves the journal, so the next `--check` finds OUT stale and the
//! next `--incremental` cleans those inputs again, whatever their records
//! say. A run carries what the journal already holds into its own, so two
//! runs cut short in a row lose nothing.
//!
//! No symlink inside OUT is followed: the folders the run writes into or
//! removes from are made of real folders (a symlink or file in the way is
//! removed, never what it points to), and files are created anew, never
//! opened where they stand, so a hard-linked copy of OUT (`cp -al`) keeps
//! the earlier output.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::outdir::remove_any;

/// The journal of the inputs whose item files a run updating OUT in place
/// has touched; present only while (or after) such a run did not finish.
pub const JOURNAL: &str = ".galley-pending";

/// The ending of the hidden name a file is written under before it is
/// renamed into place.
const TEMP_ENDING: &str = ".galley-new";

/// Whether a top-level name of OUT is one of a run's passing files (the
/// journal, a file not yet renamed into place) rather than the user's.
pub fn is_transient(name: &str) -> bool {
    name == JOURNAL || (name.starts_with('.') && name.ends_with(TEMP_ENDING))
}

/// The hidden name `path` is written under before it is renamed into place.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(|| "galley".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}{TEMP_ENDING}"))
}

/// A run's updates of OUT in place.
#[derive(Debug)]
pub struct Update {
    out: PathBuf,
    /// The journal, opened at the first input the run touches.
    journal: Mutex<Option<fs::File>>,
    /// The item folders written (and swept) by this run, relative to OUT.
    written: Mutex<HashSet<String>>,
}

impl Update {
    /// Updates of the earlier output at `out`.
    pub fn new(out: &Path) -> Update {
        Update { out: out.to_owned(), journal: Mutex::new(None), written: Mutex::new(HashSet::new()) }
    }

    /// A new file for the record `name` (top-level in OUT), under its hidden name
    /// until [`Update::finish`] renames it into place.
    pub fn create_record(&self, name: &str) -> io::Result<fs::File> {
        create_new(&temp_path(&self.out.join(name)))
    }

    /// Writes the item files `items` (name, text) of `source` into its
    /// `folder`, and removes every other file there: the items it no longer
    /// has, what an earlier run cut short left.
    pub fn put_items(&self, source: &str, folder: &str, items: &[(String, String)]) -> io::Result<()> {
        self.note(source)?;
        let dir = real_folder(&self.out, folder, true)?.expect("a folder is made where it is missing");
        for (name, text) in items {
            replace(&dir.join(name), text.as_bytes())?;
        }
        let names: HashSet<&str> = items.iter().map(|(name, _)| name.as_str()).collect();
        sweep(&dir, &names)?;
        self.written.lock().expect("no writer panics holding the lock").insert(folder.to_owned());
        Ok(())
    }

    /// Removes the item files `paths` (relative to OUT) that `source` no
    /// longer has, but those in a folder this run has written, and the
    /// folders they leave empty.
    pub fn remove_items(&self, source: &str, paths: &[&str]) -> io::Result<()> {
        let written = self.written.lock().expect("no writer panics holding the lock");
        let folder_of = |path: &str| path.rsplit_once('/').map_or("", |(folder, _)| folder).to_owned();
        let stale: Vec<&str> = paths.iter().copied().filter(|p| !written.contains(&folder_of(p))).collect();
        drop(written);
        if stale.is_empty() {
            return Ok(());
        }
        self.note(source)?;
        let mut folders = Vec::new();
        for path in stale {
            let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
            let Some(dir) = real_folder(&self.out, folder, false)? else { continue };
            remove_if_present(&dir.join(name))?;
            if !folders.contains(&folder) {
                folders.push(folder);
            }
        }
        folders.iter().for_each(|folder| prune(&self.out, folder));
        Ok(())
    }

    /// Whether the item files `paths` (relative to OUT) are there, each a
    /// file, and their folders hold no other file (folders aside, which
    /// belong to other inputs): the items of an input kept as they are.
    pub fn holds_only(&self, paths: &[&str]) -> bool {
        let mut folders: Vec<(&str, HashSet<&str>)> = Vec::new();
        for path in paths {
            let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
            match folders.iter_mut().find(|(f, _)| *f == folder) {
                Some((_, names)) => {
                    names.insert(name);
                }
                None => folders.push((folder, HashSet::from([name]))),
            }
        }
        folders.iter().all(|(folder, names)| holds_only(&self.out.join(folder), names).unwrap_or(false))
    }

    /// Renames the records written under their hidden names into place,
    /// in the order given, then removes the journal: the update is done.
    pub fn finish(&self, records: &[&str]) -> io::Result<()> {
        for name in records {
            let path = self.out.join(name);
            fs::rename(temp_path(&path), &path)?;
        }
        *self.journal.lock().expect("no writer panics holding the lock") = None;
        remove_if_present(&self.out.join(JOURNAL))
    }

    /// Removes the records a run that stops before [`Update::finish`]
    /// wrote under their hidden names (the journal stays).
    pub fn abandon(&self, records: &[&str]) {
        for name in records {
            let _ = fs::remove_file(temp_path(&self.out.join(name)));
        }
    }

    /// Names `source` in the journal before its item files are touched.
    fn note(&self, source: &str) -> io::Result<()> {
        let mut journal = self.journal.lock().expect("no writer panics holding the lock");
        if journal.is_none() {
            // What an earlier run cut short noted is carried into a new
            // file, never appended to in place: a hard-linked copy of OUT
            // keeps its own journal.
            let path = self.out.join(JOURNAL);
            let is_file = fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
            let earlier = if is_file { fs::read(&path)? } else { Vec::new() };
            let mut file = create_new(&temp_path(&path))?;
            file.write_all(&earlier)?;
            fs::rename(temp_path(&path), &path)?;
            *journal = Some(file);
        }
        let line = serde_json::to_string(source).expect("a string serializes") + "\n";
        journal.as_mut().expect("opened above").write_all(line.as_bytes())
    }
}

/// The inputs an unfinished update of the output at `out` named in its
/// journal: their records may not match their item files.
pub fn pending(out: &Path) -> HashSet<String> {
    let text = fs::read_to_string(out.join(JOURNAL)).unwrap_or_default();
    text.lines().filter_map(|line| serde_json::from_str(line).ok()).collect()
}

/// `folder` (`/`-separated, relative to `out`) as a path of real folders;
/// with `create`, what is missing is made and a symlink or file in the way
/// is removed first; without, `None` when a part is missing or not a
/// folder, and a symlink in the way is removed (it is no item of OUT's).
fn real_folder(out: &Path, folder: &str, create: bool) -> io::Result<Option<PathBuf>> {
    let mut dir = out.to_owned();
    for part in Path::new(folder).components() {
        let Component::Normal(part) = part else {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("{folder:?} is not inside OUT")));
        };
        dir.push(part);
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) if create => remove_any(&dir)?,
            Ok(meta) if meta.is_symlink() => return fs::remove_file(&dir).map(|()| None),
            Err(e) if e.kind() == io::ErrorKind::NotFound && create => {}
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => return Ok(None),
        }
        fs::create_dir(&dir)?;
    }
    Ok(Some(dir))
}

/// Writes `bytes` to a new file under the hidden name of `path`, then
/// renames it to `path` (replacing whatever was there, a symlink itself
/// and not what it points to).
fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_path(path);
    create_new(&temp)?.write_all(bytes)?;
    fs::rename(&temp, path)
}

/// A new, empty file at `path`; whatever was left there is removed first
/// (the file is made anew, so a symlink in its place is not followed).
fn create_new(path: &Path) -> io::Result<fs::File> {
    remove_if_present(path)?;
    fs::OpenOptions::new().write(true).create_new(true).open(path)
}

/// Whether `dir` is a folder (not a symlink) whose files (folders aside)
/// are exactly those named in `names`.
fn holds_only(dir: &Path, names: &HashSet<&str>) -> io::Result<bool> {
    if !fs::symlink_metadata(dir)?.is_dir() {
        return Ok(false);
    }
    let mut found = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            continue;
        }
        let name = entry.file_name();
        if !kind.is_file() || !name.to_str().is_some_and(|n| names.contains(n)) {
            return Ok(false);
        }
        found += 1;
    }
    Ok(found == names.len())
}

/// Removes every entry of `dir` but its folders and the files named in `keep`.
fn sweep(dir: &Path, keep: &HashSet<&str>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let kept = name.to_str().is_some_and(|n| keep.contains(n));
        if !kept && !entry.file_type()?.is_dir() {
            remove_if_present(&entry.path())?;
        }
    }
    Ok(())
}

/// Removes `folder` and then each folder above it (below `out`) while they
/// are empty.
fn prune(out: &Path, folder: &str) {
    let mut folder = folder;
    while !folder.is_empty() && fs::remove_dir(out.join(folder)).is_ok() {
        folder = folder.rsplit_once('/').map_or("", |(above, _)| above);
    }
}

/// Removes a file (a symlink itself) if it is there.
fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into())
            .collect();
        names.sort();
        names
    }

    fn items(names: &[&str]) -> Vec<(String, String)> {
        names.iter().map(|n| ((*n).to_owned(), format!("text of {n}"))).collect()
    }

    #[test]
    fn written_folders_hold_their_items_only_and_the_journal_names_their_inputs() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let update = Update::new(tmp.path());
        update.put_items("a/b.txt", "a/b", &items(&["01.txt", "02.txt", "03.txt"])).expect("written");
        fs::create_dir(tmp.path().join("a/b/c")).expect("the folder of another input");
        fs::write(tmp.path().join("a/b/.01.txt.galley-new"), "left by a run cut short").expect("litter");
        update.put_items("a/b.txt", "a/b", &items(&["01.txt"])).expect("written again");
        assert_eq!(names(&tmp.path().join("a/b")), ["01.txt", "c"]);
        assert_eq!(pending(tmp.path()), HashSet::from(["a/b.txt".to_owned()]));
        update.finish(&[]).expect("finished");
        assert!(pending(tmp.path()).is_empty() && !tmp.path().join(JOURNAL).exists());
    }

    #[test]
    fn removed_items_take_their_emptied_folders_but_not_a_folder_written_by_the_run() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let update = Update::new(tmp.path());
        for folder in ["x/gone", "x/kept", "new"] {
            fs::create_dir_all(tmp.path().join(folder)).expect("folder");
            fs::write(tmp.path().join(folder).join("01.txt"), "item").expect("item");
        }
        update.put_items("new.md", "new", &items(&["01.txt"])).expect("written");
        update.remove_items("x/gone.txt", &["x/gone/01.txt"]).expect("removed");
        update.remove_items("new.txt", &["new/01.txt"]).expect("not removed: the run wrote that folder");
        assert_eq!(names(tmp.path()), [JOURNAL, "new", "x"]);
        assert_eq!(names(&tmp.path().join("x")), ["kept"]);
        assert_eq!(names(&tmp.path().join("new")), ["01.txt"]);
    }

    #[test]
    fn kept_items_are_exactly_the_files_of_their_folder() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let update = Update::new(tmp.path());
        update.put_items("a.txt", "a", &items(&["01.txt", "02.txt"])).expect("written");
        fs::create_dir(tmp.path().join("a/b")).expect("the folder of another input");
        assert!(update.holds_only(&["a/01.txt", "a/02.txt"]));
        assert!(update.holds_only(&[]), "an input without items");
        assert!(!update.holds_only(&["a/01.txt"]), "a file no record lists");
        assert!(!update.holds_only(&["a/01.txt", "a/02.txt", "a/03.txt"]), "a missing item");
        fs::remove_file(tmp.path().join("a/02.txt")).expect("removed");
        std::os::unix::fs::symlink(tmp.path().join("a/01.txt"), tmp.path().join("a/02.txt")).expect("symlink");
        assert!(!update.holds_only(&["a/01.txt", "a/02.txt"]), "a symlink is no item file");
    }

    #[test]
    fn transient_names_are_the_journal_and_hidden_names_being_written() {
        assert!(is_transient(JOURNAL) && is_transient(".pages.jsonl.galley-new"));
        assert!(!is_transient(".gitkeep") && !is_transient("pages.jsonl"));
        assert_eq!(temp_path(Path::new("out/a/01.txt")), Path::new("out/a/.01.txt.galley-new"));
    }
}
