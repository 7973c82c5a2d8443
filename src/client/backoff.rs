//! Reconnecting with exponential backoff, for long-running commands (`watch`, `serve`)
//! that must outlive a VPP restart (see docs/design.md, “VPP restarts”).

use std::path::Path;
use std::thread;
use std::time::Duration;

use super::{Client, ClientError, ConnectOptions};

/// Exponential backoff: waits `initial`, then twice as long each time, at most `max`,
/// for at most `attempts` tries in all (`None`: forever).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backoff {
    pub initial: Duration,
    pub max: Duration,
    pub attempts: Option<u32>,
}

impl Default for Backoff {
    /// 100 ms doubling up to 5 s, forever.
    fn default() -> Self {
        Backoff {
            initial: Duration::from_millis(100),
            max: Duration::from_secs(5),
            attempts: None,
        }
    }
}

impl Backoff {
    /// The wait after the `failures`-th failure (1 for the first).
    pub fn delay(&self, failures: u32) -> Duration {
        let factor = 1u32
            .checked_shl(failures.saturating_sub(1))
            .unwrap_or(u32::MAX);
        self.initial.saturating_mul(factor).min(self.max)
    }

    /// Runs `op` until it succeeds, fails with an error retrying cannot help (anything
    /// but [`ClientError::is_transient`]), or the attempts run out; then returns its last
    /// result. `on_retry(failures, &error, delay)` is called before each wait.
    pub fn retry<T>(
        &self,
        mut op: impl FnMut() -> Result<T, ClientError>,
        mut on_retry: impl FnMut(u32, &ClientError, Duration),
    ) -> Result<T, ClientError> {
        let mut failures = 0u32;
        loop {
            let e = match op() {
                Ok(v) => return Ok(v),
                Err(e) => e,
            };
            failures = failures.saturating_add(1);
            if !e.is_transient() || self.attempts.is_some_and(|n| failures >= n) {
                return Err(e);
            }
            let delay = self.delay(failures);
            on_retry(failures, &e, delay);
            thread::sleep(delay);
        }
    }

    /// [`Client::connect`], retried.
    pub fn connect(&self, path: &Path, opts: &ConnectOptions) -> Result<Client, ClientError> {
        self.retry(|| Client::connect(path, opts), |_, _, _| {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_up_to_the_cap() {
        let b = Backoff {
            initial: Duration::from_millis(100),
            max: Duration::from_millis(700),
            attempts: None,
        };
        let ms: Vec<u128> = (1..=6).map(|n| b.delay(n).as_millis()).collect();
        assert_eq!(ms, [100, 200, 400, 700, 700, 700]);
        assert_eq!(b.delay(200), Duration::from_millis(700));
    }

    #[test]
    fn gives_up_after_the_attempts_and_not_on_permanent_errors() {
        let b = Backoff {
            initial: Duration::from_millis(1),
            max: Duration::from_millis(2),
            attempts: Some(3),
        };
        let mut calls = 0;
        let mut retries = Vec::new();
        let r: Result<(), _> = b.retry(
            || {
                calls += 1;
                Err(ClientError::Disconnected)
            },
            |n, _, d| retries.push((n, d)),
        );
        assert!(matches!(r, Err(ClientError::Disconnected)));
        assert_eq!(calls, 3);
        assert_eq!(
            retries,
            [(1, Duration::from_millis(1)), (2, Duration::from_millis(2))]
        );

        let mut calls = 0;
        let r: Result<(), _> = b.retry(
            || {
                calls += 1;
                Err(ClientError::NotInTable("x_00000000".into()))
            },
            |_, _, _| {},
        );
        assert!(matches!(r, Err(ClientError::NotInTable(_))));
        assert_eq!(calls, 1);

        let mut calls = 0;
        let r = b.retry(
            || {
                calls += 1;
                if calls < 3 {
                    Err(ClientError::Disconnected)
                } else {
                    Ok(calls)
                }
            },
            |_, _, _| {},
        );
        assert_eq!(r.ok(), Some(3));
    }
}
