//! The bearer token every mutation must present: read from `--token-file` (refused when
//! others can read it or it is too short to be a secret), or made at start from the OS
//! RNG into a file only this user can read. See docs/design.md, “Agent security”.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::ops::input::read_text;

/// The shortest token a `--token-file` may hold.
pub const MIN_LEN: usize = 32;

/// The most of a token file read: a token is one line.
const MAX_FILE: u64 = 4096;

/// Random bytes in a generated token (256 bits, hex-encoded to 64 characters).
const GENERATED_BYTES: usize = 32;

/// Why a token cannot be had.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("token file {path}: {why}")]
    Bad { path: PathBuf, why: String },
    #[error("cannot make a token file in {dir}: {source}")]
    Create {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no directory for a token file: set XDG_RUNTIME_DIR or HOME, or give --token-file")]
    NoDir,
    #[error("the OS random number generator failed: {0}")]
    Random(String),
}

/// The token, and where it is.
#[derive(Debug, Clone)]
pub struct Token {
    pub secret: String,
    pub path: PathBuf,
    /// Made at start (and removed at exit), not given with `--token-file`.
    pub generated: bool,
}

/// Reads a `--token-file`: one token, nothing but its owner may read it, at least
/// [`MIN_LEN`] characters.
pub fn load(path: &Path) -> Result<Token, TokenError> {
    let bad = |why: String| TokenError::Bad {
        path: path.to_path_buf(),
        why,
    };
    let meta = std::fs::metadata(path).map_err(|e| bad(format!("cannot read it: {e}")))?;
    let mode = meta.mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(bad(format!(
            "group or others can access it (mode {mode:04o}); run `chmod 600 {}`",
            path.display()
        )));
    }
    let text = read_text(&path.to_string_lossy(), MAX_FILE)
        .map_err(|e| bad(format!("cannot read it: {e}")))?;
    let token = text.trim();
    if token.is_empty() || token.chars().any(char::is_whitespace) {
        return Err(bad("it must hold one token (no spaces)".into()));
    }
    if token.chars().count() < MIN_LEN {
        return Err(bad(format!(
            "the token has {} characters, fewer than {MIN_LEN}; write a longer one, e.g. \
             `head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \\n' > {}`",
            token.chars().count(),
            path.display()
        )));
    }
    Ok(Token {
        secret: token.to_string(),
        path: path.to_path_buf(),
        generated: false,
    })
}

/// Where a generated token goes: `$XDG_RUNTIME_DIR/vppx`, else `/run/vppx` for root, else
/// the cache directory.
pub fn default_dir() -> Result<PathBuf, TokenError> {
    if let Some(d) = std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(d).join("vppx"));
    }
    if rustix::process::geteuid().is_root() {
        return Ok(PathBuf::from("/run/vppx"));
    }
    crate::api::schema::cache_dir().ok_or(TokenError::NoDir)
}

/// Makes a fresh token from the OS RNG in `dir/name`, readable by this user only.
pub fn generate(dir: &Path, name: &str) -> Result<Token, TokenError> {
    let mut raw = [0u8; GENERATED_BYTES];
    getrandom::fill(&mut raw).map_err(|e| TokenError::Random(e.to_string()))?;
    let secret: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    let create = |source| TokenError::Create {
        dir: dir.to_path_buf(),
        source,
    };
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(create)?;
    let path = dir.join(name);
    // A new file each time: an old one (perhaps readable by others) is replaced, not
    // rewritten in place.
    let tmp = dir.join(format!(".{name}.{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(create)?;
    f.set_permissions(std::fs::Permissions::from_mode(0o600))
        .and_then(|()| f.write_all(format!("{secret}\n").as_bytes()))
        .and_then(|()| f.sync_all())
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            create(e)
        })?;
    Ok(Token {
        secret,
        path,
        generated: true,
    })
}

/// Compares without stopping at the first difference (the length is not secret).
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str, mode: u32) -> PathBuf {
        let p = dir.join("t");
        std::fs::write(&p, text).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
        p
    }

    #[test]
    fn token_files_others_can_read_or_short_ones_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let long = "a".repeat(MIN_LEN);
        let p = write(dir.path(), &long, 0o644);
        let e = load(&p).unwrap_err().to_string();
        assert!(
            e.contains("chmod 600") && e.contains(&p.display().to_string()),
            "{e}"
        );
        let p = write(dir.path(), &long, 0o640);
        assert!(load(&p).is_err());
        let p = write(dir.path(), "short-token\n", 0o600);
        let e = load(&p).unwrap_err().to_string();
        assert!(e.contains("fewer than 32"), "{e}");
        let p = write(dir.path(), &format!("{long}\n"), 0o600);
        assert_eq!(load(&p).unwrap().secret, long);
        let p = write(dir.path(), &format!("{long} {long}"), 0o600);
        assert!(load(&p).is_err());
    }

    #[test]
    fn generated_tokens_are_private_random_and_long() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("vppx");
        let a = generate(&sub, "serve.token").unwrap();
        let meta = std::fs::metadata(&a.path).unwrap();
        assert_eq!(meta.mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(&sub).unwrap().mode() & 0o777, 0o700);
        assert_eq!(a.secret.len(), 2 * GENERATED_BYTES);
        assert_eq!(load(&a.path).unwrap().secret, a.secret);
        let b = generate(&sub, "serve.token").unwrap();
        assert_ne!(a.secret, b.secret);
        assert_eq!(std::fs::read_dir(&sub).unwrap().count(), 1, "no leftovers");
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
    }
}
