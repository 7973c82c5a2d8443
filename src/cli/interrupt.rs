//! SIGINT and SIGTERM for commands that run until stopped (`watch`, `api call --follow`,
//! `vppx sim`, loads). The first signal only raises a flag: the command notices, stops
//! cleanly — flushes, prints its summary, removes its temporary files — and ends with
//! [`interrupted`] (exit 130). A second signal ends the process at once, through the
//! function the binary registered ([`on_second_signal`]): the library itself never
//! exits the process.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use crate::error::{Error, ErrorClass};

static REQUESTED: AtomicBool = AtomicBool::new(false);
static SECOND: OnceLock<fn()> = OnceLock::new();
static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();

/// What the binary does on a second signal (typically exit 130 at once). Set once.
pub fn on_second_signal(f: fn()) {
    let _ = SECOND.set(f);
}

/// Catches SIGINT and SIGTERM from now on (once per process; later calls do nothing).
/// Until then, a signal ends the process the default way.
pub fn install() -> Result<(), Error> {
    INSTALLED
        .get_or_init(|| {
            ctrlc::set_handler(|| {
                if REQUESTED.swap(true, Ordering::SeqCst) {
                    if let Some(f) = SECOND.get() {
                        f();
                    }
                }
            })
            .map_err(|e| e.to_string())
        })
        .clone()
        .map_err(|e| Error::new(ErrorClass::Internal, format!("cannot catch signals: {e}")))
}

/// Whether a stop was asked for.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The error a command ends with once it has stopped cleanly after a signal.
pub fn interrupted() -> Error {
    Error::new(ErrorClass::Interrupted, "interrupted")
}
