//! Handing the segment out, as VPP's stats socket does.
//!
//! VPP listens on a `SOCK_SEQPACKET` Unix socket; for each connection it sends one message
//! with no data bytes whose `SCM_RIGHTS` carries the memfd, then closes. Clients (vpp_papi
//! included) rely on exactly that. The accept loop runs on its own thread and stops when
//! told through a pipe, so stopping never waits for a client.

use std::io;
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use rustix::event::{poll, PollFd, PollFlags};
use rustix::net::{
    accept_with, bind, listen, sendmsg, socket_with, AddressFamily, SendAncillaryBuffer,
    SendAncillaryMessage, SendFlags, SocketAddrUnix, SocketFlags, SocketType,
};
use rustix::pipe::{pipe_with, PipeFlags};

use crate::stats::{Result, StatsError};

/// A running stats socket. Dropping it stops the thread and removes the socket file.
#[derive(Debug)]
pub struct StatsServer {
    path: PathBuf,
    stop: Option<OwnedFd>,
    thread: Option<JoinHandle<()>>,
}

impl StatsServer {
    /// Binds `path` (replacing a stale socket file, as a restarted VPP does) and serves
    /// `memfd` to every client.
    pub fn start(path: impl AsRef<Path>, memfd: OwnedFd) -> Result<Self> {
        let path = path.as_ref().to_owned();
        let listener = bind_listener(&path).map_err(|source| StatsError::Socket {
            path: path.clone(),
            source,
        })?;
        let (stop_rx, stop_tx) =
            pipe_with(PipeFlags::CLOEXEC).map_err(|e| StatsError::Server(e.into()))?;
        let thread = std::thread::Builder::new()
            .name("stats-socket".into())
            .spawn(move || accept_loop(&listener, &stop_rx, &memfd))
            .map_err(StatsError::Server)?;
        Ok(Self {
            path,
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stops serving and removes the socket file.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        // Closing the pipe's write end wakes the loop (its read end turns readable).
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            // A panic in the loop has nothing left to report; the socket is gone either way.
            let _ = thread.join();
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Drop for StatsServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn bind_listener(path: &Path) -> io::Result<OwnedFd> {
    use std::os::unix::fs::FileTypeExt;
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if crate::sim::server::in_use(path, SocketType::SEQPACKET) {
            return Err(io::Error::new(
                io::ErrorKind::AddrInUse,
                "a server is already listening there",
            ));
        }
        if meta.file_type().is_socket() {
            std::fs::remove_file(path)?;
        }
    }
    let listener = socket_with(
        AddressFamily::UNIX,
        SocketType::SEQPACKET,
        SocketFlags::CLOEXEC | SocketFlags::NONBLOCK,
        None,
    )?;
    bind(&listener, &SocketAddrUnix::new(path)?)?;
    listen(&listener, 64)?;
    Ok(listener)
}

fn accept_loop(listener: &OwnedFd, stop: &OwnedFd, memfd: &OwnedFd) {
    loop {
        let mut fds = [
            PollFd::new(listener, PollFlags::IN),
            PollFd::new(stop, PollFlags::IN),
        ];
        match poll(&mut fds, None) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return,
        }
        if !fds[1].revents().is_empty() {
            return;
        }
        if fds[0].revents().is_empty() {
            continue;
        }
        // The listener is non-blocking: a client that went away between poll and accept
        // gives EAGAIN, not a hang. One client's failure must not stop the others.
        if let Ok(client) = accept_with(listener, SocketFlags::CLOEXEC) {
            let _ = send_fd(&client, memfd.as_fd());
        }
    }
}

fn send_fd(client: &OwnedFd, fd: BorrowedFd<'_>) -> io::Result<()> {
    let fds = [fd];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    if !control.push(SendAncillaryMessage::ScmRights(&fds)) {
        return Err(io::Error::other("no room for SCM_RIGHTS"));
    }
    // Like VPP: no data bytes, only the descriptor.
    sendmsg(client, &[], &mut control, SendFlags::NOSIGNAL)?;
    Ok(())
}
