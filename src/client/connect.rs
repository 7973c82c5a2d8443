//! Connecting to a Unix socket within a time limit.
//!
//! A blocking `connect(2)` on a Unix socket whose listener has a full backlog (a VPP whose
//! main thread is stuck stops accepting) sleeps until the listener accepts, without limit.
//! The standard library has no `connect_timeout` for Unix sockets, so this connects
//! non-blocking: the kernel then answers `EAGAIN` instead of sleeping, and we try again
//! until the deadline. Unlike TCP there is no "in progress" state to poll for, hence the
//! short retry pauses.

use std::io;
use std::os::fd::OwnedFd;
use std::path::Path;
use std::time::{Duration, Instant};

use rustix::io::Errno;
use rustix::net::{connect, socket_with, AddressFamily, SocketAddrUnix, SocketFlags, SocketType};

/// The longest pause between two attempts.
const MAX_PAUSE: Duration = Duration::from_millis(50);

/// Connects a socket of `kind` to `path`, trying for at most `timeout`. The descriptor
/// comes back in blocking mode. A listener that never took the connection within
/// `timeout` is an error of kind [`io::ErrorKind::TimedOut`]; other errors are the
/// kernel's (missing file, refused, not a socket).
pub fn connect_unix(path: &Path, kind: SocketType, timeout: Duration) -> io::Result<OwnedFd> {
    let addr = SocketAddrUnix::new(path)?;
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
        let sock = socket_with(
            AddressFamily::UNIX,
            kind,
            SocketFlags::CLOEXEC | SocketFlags::NONBLOCK,
            None,
        )?;
        match connect(&sock, &addr) {
            Ok(()) => {
                rustix::io::ioctl_fionbio(&sock, false)?;
                return Ok(sock);
            }
            Err(Errno::INTR) => continue,
            Err(Errno::AGAIN) => {
                let now = Instant::now();
                if now >= deadline {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the listener did not accept the connection",
                    ));
                }
                std::thread::sleep(pause.min(deadline - now));
                pause = (pause * 2).min(MAX_PAUSE);
            }
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustix::net::{bind, listen};

    /// A listener with backlog 0 that never accepts, and one connection filling it.
    fn full_listener(path: &Path) -> (OwnedFd, OwnedFd) {
        let l = socket_with(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::CLOEXEC,
            None,
        )
        .unwrap();
        bind(&l, &SocketAddrUnix::new(path).unwrap()).unwrap();
        listen(&l, 0).unwrap();
        let first = connect_unix(path, SocketType::STREAM, Duration::from_secs(1)).unwrap();
        (l, first)
    }

    #[test]
    fn a_full_backlog_times_out_instead_of_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stuck.sock");
        let _held = full_listener(&path);
        let start = Instant::now();
        let err = connect_unix(&path, SocketType::STREAM, Duration::from_millis(200)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::TimedOut, "{err}");
        assert!(start.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_missing_socket_fails_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let err = connect_unix(
            &dir.path().join("none.sock"),
            SocketType::STREAM,
            Duration::from_secs(5),
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
