//! [`FileStore`]: one JSON file per merchant, written atomically.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use futures_util::future::BoxFuture;

use super::{StoreError, StoredSession, TokenStore};

/// Keeps each merchant's session in `{dir}/merchant-{id}.json`.
///
/// A save writes a temporary file in the same directory, fsyncs it, renames
/// it over the old file and fsyncs the directory, so a crash or a concurrent
/// writer never leaves a torn file. On Unix the files are created with mode
/// `0600` and the directory, when this store creates it, with `0700`.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// use finqu_auth::{FileStore, TokenStore};
///
/// let dir = tempfile::tempdir().unwrap();
/// let store = FileStore::new(dir.path());
/// assert!(store.load("1001").await.unwrap().is_none());
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    /// A store in `dir` (created on the first save).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        FileStore { dir: dir.into() }
    }

    /// The file that holds `merchant_id`'s session. Characters other than
    /// ASCII letters, digits, `-` and `_` are written as `%XX`.
    pub fn path_for(&self, merchant_id: &str) -> PathBuf {
        let mut name = String::from("merchant-");
        for byte in merchant_id.bytes() {
            if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
                name.push(char::from(byte));
            } else {
                let _ = write!(name, "%{byte:02X}");
            }
        }
        name.push_str(".json");
        self.dir.join(name)
    }
}

impl TokenStore for FileStore {
    fn load<'a>(
        &'a self,
        merchant_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<StoredSession>, StoreError>> {
        let path = self.path_for(merchant_id);
        Box::pin(blocking(move || read(&path)))
    }

    fn save<'a>(&'a self, session: &'a StoredSession) -> BoxFuture<'a, Result<(), StoreError>> {
        let dir = self.dir.clone();
        let path = self.path_for(session.merchant().id());
        let json = serde_json::to_vec_pretty(session);
        Box::pin(async move {
            let json = json.map_err(|e| StoreError::Other(Box::new(e)))?;
            blocking(move || write_atomically(&dir, &path, &json)).await
        })
    }

    fn remove<'a>(&'a self, merchant_id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        let dir = self.dir.clone();
        let path = self.path_for(merchant_id);
        Box::pin(blocking(move || match fs::remove_file(&path) {
            Ok(()) => sync_dir(&dir),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(io_error("remove", &path, source)),
        }))
    }
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| StoreError::Other(Box::new(e)))?
}

fn io_error(action: &'static str, path: &Path, source: io::Error) -> StoreError {
    StoreError::Io {
        action,
        path: path.to_owned(),
        source,
    }
}

fn read(path: &Path) -> Result<Option<StoredSession>, StoreError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(io_error("read", path, source)),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| StoreError::Corrupt {
            path: path.to_owned(),
            // Line and column only: serde's message can quote the content.
            detail: format!(
                "{:?} error at line {}, column {}",
                e.classify(),
                e.line(),
                e.column()
            ),
        })
}

fn write_atomically(dir: &Path, path: &Path, json: &[u8]) -> Result<(), StoreError> {
    create_dir(dir)?;
    let temp = temp_path(path);
    let result = (|| {
        let mut file = open_private(&temp).map_err(|e| io_error("create", &temp, e))?;
        file.write_all(json)
            .map_err(|e| io_error("write", &temp, e))?;
        file.sync_all().map_err(|e| io_error("fsync", &temp, e))?;
        drop(file);
        fs::rename(&temp, path).map_err(|e| io_error("rename over", path, e))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    sync_dir(dir)
}

/// `.merchant-1001.json.<pid>.<n>.<random>.tmp`: unique per writer.
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let random: u64 = rand::random();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(
        ".{name}.{}.{n}.{random:016x}.tmp",
        std::process::id()
    ))
}

#[cfg(unix)]
fn open_private(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn open_private(path: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

fn create_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| io_error("create the directory", dir, e))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_error("fsync the directory", dir, e))
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<(), StoreError> {
    // Windows cannot open a directory as a file; the rename is durable enough there.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_escape_the_merchant_id() {
        let store = FileStore::new("/s");
        assert_eq!(store.path_for("1001"), Path::new("/s/merchant-1001.json"));
        assert_eq!(
            store.path_for("../x"),
            Path::new("/s/merchant-%2E%2E%2Fx.json")
        );
        assert_ne!(store.path_for("a%2F"), store.path_for("a/"));
    }
}
