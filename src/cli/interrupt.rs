//! SIGINT and SIGTERM for commands that stop cleanly (`route load`, `bench`, `api call
//! --follow`, `watch`, `vppx sim`): the first
//! signal sets a flag the command polls — it stops sending, waits for the replies in flight,
//! prints its summary and exits 130 — and a second one ends the process at once (see
//! docs/design.md, “Interrupts”).
//!
//! The library never ends the process itself: the binary registers what a second signal
//! does with [`on_second_signal`]. Paths given to [`remove_on_exit`] (the `--sim`
//! simulator's directory) are removed first.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::error::{Error, ErrorClass};

/// The exit code of an interrupted command.
pub const EXIT_CODE: u8 = ErrorClass::Interrupted.exit_code();

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static SIGNALS: AtomicU32 = AtomicU32::new(0);
static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();
static SECOND: OnceLock<fn() -> !> = OnceLock::new();
static REMOVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// What the process does on a second signal (the binary passes an exit).
pub fn on_second_signal(exit: fn() -> !) {
    let _ = SECOND.set(exit);
}

/// Removes `path` (a directory, recursively) if the process ends on a second signal.
pub fn remove_on_exit(path: PathBuf) {
    if let Ok(mut paths) = REMOVE.lock() {
        paths.push(path);
    }
}

/// Removes what [`remove_on_exit`] registered.
fn remove_registered() {
    if let Ok(paths) = REMOVE.lock() {
        for p in paths.iter() {
            let _ = std::fs::remove_dir_all(p);
        }
    }
}

/// Catches SIGINT and SIGTERM from now on; the flag turns true on the first one.
pub fn install() -> crate::error::Result<&'static AtomicBool> {
    let installed = INSTALLED.get_or_init(|| {
        ctrlc::set_handler(|| {
            if SIGNALS.fetch_add(1, Ordering::SeqCst) == 0 {
                INTERRUPTED.store(true, Ordering::SeqCst);
                eprintln!(
                    "vppx: interrupted; finishing the requests in flight (again to quit at once)"
                );
            } else {
                remove_registered();
                if let Some(exit) = SECOND.get() {
                    exit();
                }
            }
        })
        .map_err(|e| e.to_string())
    });
    match installed {
        Ok(()) => Ok(&INTERRUPTED),
        Err(e) => Err(Error::new(
            ErrorClass::Internal,
            format!("cannot catch SIGINT/SIGTERM: {e}"),
        )),
    }
}

/// Whether a first signal came.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// The error a command ends with once it has stopped cleanly after a first signal.
pub fn error() -> Error {
    Error::new(ErrorClass::Interrupted, "interrupted")
}
