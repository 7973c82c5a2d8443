//! The synchronous binary-API client every subcommand shares.
//!
//! One file, past 600 lines: the client's public methods, each a thin use of the protocol
//! core (`protocol.rs`).
//!
//! [`Client`] owns one connection to VPP's API socket: the `sockclnt_create` handshake
//! and its message table, typed requests ([`Client::request`]), dumps
//! ([`Client::dump`]), get-streams, pipelined requests ([`Client::pipeline`]) and events
//! ([`Client::next_event`]). The protocol itself — contexts, pending requests,
//! dump-until-ping, event routing — is [`Protocol`], a plain struct with no I/O; this
//! module is the thin socket loop around it: a `UnixStream` with read timeouts, a
//! [`FrameBuffer`], and every frame of a pipeline window written in one `write`.
//!
//! Rules it keeps: message ids come from the handshake's table by `name_crc`, and a
//! message missing from it is never sent ([`ClientError::NotInTable`]; see docs/design.md, “Socket
//! transport”); every wait is bounded by [`ConnectOptions::timeout`] of silence (see
//! docs/design.md, “Timeouts”); nothing VPP sends can panic it. It must not know about the CLI or
//! the simulator.

mod backoff;
mod connect;
#[cfg(test)]
mod core_tests;
mod error;
mod protocol;

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::binapi::memclnt::SockclntDelete;
use crate::binapi::vpe::ShowVersion;
use crate::wire::{message_id, Dump, FrameBuffer, GetStream, Message, Request};

pub use backoff::Backoff;
pub use connect::connect_unix;
pub use error::ClientError;
pub use protocol::{
    check_retval, MessageTable, Protocol, RawEvent, HANDSHAKE_CONTEXT, RETVAL_EAGAIN,
    SOCKCLNT_CREATE_ID, SOCKCLNT_CREATE_REPLY_ID,
};

/// The default API socket of a VPP installation.
pub const DEFAULT_SOCKET: &str = "/run/vpp/api.sock";

/// How to connect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectOptions {
    /// The name VPP records for this client (`show api clients`); at most 63 bytes are sent.
    pub client_name: String,
    /// The longest silence accepted in any wait: connect, handshake, reply, dump (see
    /// docs/design.md, “Timeouts”).
    pub timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            client_name: "vppx".to_string(),
            timeout: Duration::from_secs(5),
        }
    }
}

/// The socket and the bytes read from it but not yet split into frames.
struct Transport {
    stream: UnixStream,
    frames: FrameBuffer,
    rbuf: Vec<u8>,
    read_timeout: Duration,
    broken: bool,
}

impl Transport {
    const READ_CHUNK: usize = 256 * 1024;

    fn new(stream: UnixStream, timeout: Duration) -> Result<Self, ClientError> {
        let timeout = timeout.max(Duration::from_millis(1));
        stream.set_read_timeout(Some(timeout))?;
        stream.set_write_timeout(Some(timeout))?;
        Ok(Transport {
            stream,
            frames: FrameBuffer::new(),
            rbuf: vec![0; Self::READ_CHUNK],
            read_timeout: timeout,
            broken: false,
        })
    }

    fn check(&self) -> Result<(), ClientError> {
        if self.broken {
            Err(ClientError::Disconnected)
        } else {
            Ok(())
        }
    }

    fn send(&mut self, data: &[u8]) -> Result<(), ClientError> {
        self.check()?;
        if data.is_empty() {
            return Ok(());
        }
        match self.stream.write_all(data) {
            Ok(()) => Ok(()),
            Err(e) => {
                self.broken = true;
                Err(match e.kind() {
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => ClientError::Timeout {
                        what: "VPP to take our requests".to_string(),
                        after: self.read_timeout,
                    },
                    _ => io_error(e),
                })
            }
        }
    }

    /// Reads what arrives before `deadline` into the frame buffer; false if nothing came.
    fn fill(&mut self, deadline: Instant) -> Result<bool, ClientError> {
        self.check()?;
        let remaining = deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(1));
        // A shorter timeout when the deadline is near, a longer one when it moved well
        // away; within 10 ms, keep the one set (one system call less per read).
        if remaining + Duration::from_millis(10) < self.read_timeout
            || remaining > self.read_timeout + Duration::from_millis(50)
        {
            self.stream.set_read_timeout(Some(remaining))?;
            self.read_timeout = remaining;
        }
        loop {
            return match self.stream.read(&mut self.rbuf) {
                Ok(0) => {
                    self.broken = true;
                    Err(ClientError::Disconnected)
                }
                Ok(n) => {
                    self.frames.extend(&self.rbuf[..n]);
                    Ok(true)
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    Ok(false)
                }
                Err(e) => {
                    self.broken = true;
                    Err(io_error(e))
                }
            };
        }
    }

    /// After a failed write: what VPP sent before it went away is still in
    /// the socket; take it, so replies that did arrive are not lost.
    fn salvage(&mut self) {
        if self.stream.set_nonblocking(true).is_err() {
            return;
        }
        while let Ok(n) = self.stream.read(&mut self.rbuf) {
            if n == 0 {
                break;
            }
            self.frames.extend(&self.rbuf[..n]);
        }
        let _ = self.stream.set_nonblocking(false);
    }

    fn next_frame(&mut self) -> Result<Option<Vec<u8>>, ClientError> {
        self.frames.next_frame().map_err(|e| {
            // A bad length means we lost the frame boundaries: nothing after it can be trusted.
            self.broken = true;
            ClientError::Wire(e)
        })
    }
}

/// A dropped connection is [`ClientError::Disconnected`]; other errors stay I/O errors.
fn io_error(e: io::Error) -> ClientError {
    match e.kind() {
        io::ErrorKind::BrokenPipe
        | io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::NotConnected
        | io::ErrorKind::UnexpectedEof => ClientError::Disconnected,
        _ => ClientError::Io(e),
    }
}

/// The mutable half of a client: the socket and the protocol core.
struct Conn {
    io: Transport,
    core: Protocol,
    out: Vec<u8>,
    timeout: Duration,
}

impl Conn {
    /// Writes what is queued in `out`, with the core's own frames (keepalive answers).
    fn flush(&mut self) -> Result<(), ClientError> {
        self.core.take_outgoing(&mut self.out);
        let sent = self.io.send(&self.out);
        self.out.clear();
        if sent.is_err() {
            self.io.salvage();
            while let Ok(Some(body)) = self.io.frames.next_frame() {
                if self.core.handle_frame(&body).is_err() {
                    break;
                }
            }
        }
        sent
    }

    /// Feeds the core every whole frame buffered.
    fn drain(&mut self) -> Result<(), ClientError> {
        while let Some(body) = self.io.next_frame()? {
            self.core.handle_frame(&body)?;
        }
        Ok(())
    }

    /// Reads once (up to `deadline`) and feeds the core; false if nothing came.
    fn pump(&mut self, deadline: Instant) -> Result<bool, ClientError> {
        self.drain()?;
        let got = self.io.fill(deadline)?;
        self.drain()?;
        self.flush()?;
        Ok(got)
    }

    /// Waits until the request with `context` is answered: at most `timeout` of silence
    /// from VPP on it. On any failure the request is abandoned, so a late answer is dropped.
    fn wait(&mut self, context: u32, what: impl Fn() -> String) -> Result<(), ClientError> {
        let result = self.wait_inner(context, &what);
        if result.is_err() {
            self.core.abandon(context);
        }
        result
    }

    fn wait_inner(&mut self, context: u32, what: &dyn Fn() -> String) -> Result<(), ClientError> {
        let mut deadline = Instant::now() + self.timeout;
        let mut seen = self.core.progress();
        while !self.core.is_done(context) {
            let got = self.pump(deadline)?;
            if self.core.progress() != seen {
                seen = self.core.progress();
                deadline = Instant::now() + self.timeout;
            } else if !got && Instant::now() >= deadline {
                return Err(ClientError::Timeout {
                    what: what(),
                    after: self.timeout,
                });
            }
        }
        Ok(())
    }

    fn request_unchecked<R: Request>(&mut self, req: R) -> Result<R::Reply, ClientError> {
        let context = self.core.send_request(req, &mut self.out)?;
        self.flush()?;
        self.wait(context, || format!("the reply to {}", R::NAME))?;
        self.core
            .take_reply::<R::Reply>(context)
            .unwrap_or_else(|| Err(lost(R::NAME)))
    }
}

fn lost(name: &str) -> ClientError {
    ClientError::Protocol(format!("the answer to {name} went missing"))
}

/// One connection to VPP's binary API. See the module docs.
pub struct Client {
    table: Arc<MessageTable>,
    client_index: u32,
    conn: RefCell<Conn>,
    closed: bool,
}

/// One request of a pipeline: sent (its context) or refused before sending.
enum Slot {
    Sent(u32),
    Failed(ClientError),
}

impl Client {
    /// Connects to the API socket at `path` and does the `sockclnt_create` handshake.
    pub fn connect(path: &Path, opts: &ConnectOptions) -> Result<Client, ClientError> {
        // Connecting and the handshake share one deadline: `--api-timeout` bounds both.
        let start = Instant::now();
        let stream = match connect_unix(path, rustix::net::SocketType::STREAM, opts.timeout) {
            Ok(fd) => UnixStream::from(fd),
            Err(e) if e.kind() == io::ErrorKind::TimedOut => {
                return Err(ClientError::Timeout {
                    what: format!("VPP to accept a connection on {}", path.display()),
                    after: opts.timeout,
                })
            }
            Err(source) => {
                return Err(ClientError::Connect {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        let remaining = opts.timeout.saturating_sub(start.elapsed());
        let mut io = Transport::new(stream, remaining)?;
        let hello = Protocol::handshake_request(&opts.client_name, HANDSHAKE_CONTEXT)?;
        let mut frame = Vec::with_capacity(hello.len() + crate::wire::HEADER_LEN);
        crate::wire::write_frame(&mut frame, &hello)?;
        let handshake_timeout = || ClientError::Timeout {
            what: format!(
                "the answer to sockclnt_create (the handshake) on {}",
                path.display()
            ),
            after: opts.timeout,
        };
        io.send(&frame).map_err(|e| match e {
            ClientError::Timeout { .. } => handshake_timeout(),
            e => e,
        })?;
        let deadline = start + opts.timeout;
        let core = 'handshake: loop {
            while let Some(body) = io.next_frame()? {
                // Nothing else can be understood before the table; VPP sends nothing else.
                if message_id(&body)? == SOCKCLNT_CREATE_REPLY_ID {
                    break 'handshake Protocol::from_handshake_reply(&body)?;
                }
            }
            if !io.fill(deadline)? && Instant::now() >= deadline {
                return Err(handshake_timeout());
            }
        };
        Ok(Client {
            table: core.table().clone(),
            client_index: core.client_index(),
            conn: RefCell::new(Conn {
                io,
                core,
                out: Vec::new(),
                timeout: opts.timeout,
            }),
            closed: false,
        })
    }

    /// Checks that this VPP has every message (`name_crc`) a command needs (see docs/design.md,
    /// “Compatibility with the running VPP”). If not, the error lists the *missing* and *changed*
    /// ones, with VPP's version when `show_version` can tell it.
    pub fn require(&self, names: &[&str]) -> Result<(), ClientError> {
        let (missing, changed) = self.table.check(names);
        if missing.is_empty() && changed.is_empty() {
            return Ok(());
        }
        let vpp_version = self.conn.try_borrow_mut().ok().and_then(|mut conn| {
            if !self.table.map().contains_key(ShowVersion::NAME_CRC) {
                return None;
            }
            let reply = conn.request_unchecked(ShowVersion::default()).ok()?;
            (reply.retval == 0).then_some(reply.version)
        });
        Err(ClientError::Incompatible {
            missing,
            changed,
            vpp_version,
        })
    }

    /// Sends `req` and returns its reply; a non-zero retval is [`ClientError::Vpp`].
    pub fn request<R: Request>(&mut self, req: R) -> Result<R::Reply, ClientError> {
        check_retval(R::NAME, self.request_unchecked(req)?)
    }

    /// Sends `req` and returns its reply whatever its retval.
    pub fn request_unchecked<R: Request>(&mut self, req: R) -> Result<R::Reply, ClientError> {
        self.conn.get_mut().request_unchecked(req)
    }

    /// Sends a dump and a control_ping, and collects the details until the ping's reply.
    pub fn dump<D: Dump>(&mut self, req: D) -> Result<Vec<D::Details>, ClientError> {
        let conn = self.conn.get_mut();
        let context = conn.core.send_dump(req, &mut conn.out)?;
        conn.flush()?;
        conn.wait(context, || format!("the details of {}", D::NAME))?;
        conn.core
            .take_dump::<D::Details>(context)
            .unwrap_or_else(|| Err(lost(D::NAME)))
    }

    /// Several dumps of one kind, pipelined: up to `window` of them in flight on this
    /// connection, so that many small dumps (one per interface, say) cost about as many
    /// round trips as `window` divides them into, not one each. The i-th result is the
    /// details of the i-th dump. Any failure fails the whole call, and the dumps then in
    /// flight are abandoned (their late details dropped).
    pub fn dumps<D: Dump, I: IntoIterator<Item = D>>(
        &mut self,
        reqs: I,
        window: usize,
    ) -> Result<Vec<Vec<D::Details>>, ClientError> {
        let conn = self.conn.get_mut();
        let window = window.max(1);
        let mut reqs = reqs.into_iter();
        let mut inflight: VecDeque<u32> = VecDeque::with_capacity(window);
        let mut out = Vec::new();
        let result = (|| loop {
            while inflight.len() < window {
                let Some(req) = reqs.next() else { break };
                inflight.push_back(conn.core.send_dump(req, &mut conn.out)?);
            }
            let Some(&context) = inflight.front() else {
                return Ok(());
            };
            conn.flush()?;
            conn.wait(context, || format!("the details of {}", D::NAME))?;
            inflight.pop_front();
            out.push(
                conn.core
                    .take_dump::<D::Details>(context)
                    .unwrap_or_else(|| Err(lost(D::NAME)))?,
            );
        })();
        if result.is_err() {
            for context in inflight {
                conn.core.abandon(context);
            }
        }
        result.map(|()| out)
    }

    /// Like [`Client::dump`], but hands each details message to `each` as it arrives, so
    /// that a dump of a million routes never waits whole in memory. Waits are bounded as a
    /// dump's: the timeout runs from the last message VPP sent.
    pub fn dump_each<D: Dump>(
        &mut self,
        req: D,
        mut each: impl FnMut(D::Details),
    ) -> Result<(), ClientError> {
        let conn = self.conn.get_mut();
        let context = conn.core.send_dump(req, &mut conn.out)?;
        if let Err(e) = conn.flush() {
            conn.core.abandon(context);
            return Err(e);
        }
        let timeout = conn.timeout;
        let mut deadline = Instant::now() + timeout;
        let mut seen = conn.core.progress();
        let result = loop {
            if conn.core.is_done(context) {
                break Ok(());
            }
            let got = match conn.pump(deadline) {
                Ok(got) => got,
                Err(e) => break Err(e),
            };
            match conn.core.take_dump_items::<D::Details>(context) {
                Ok(items) => items.into_iter().for_each(&mut each),
                Err(e) => break Err(e),
            }
            if conn.core.progress() != seen {
                seen = conn.core.progress();
                deadline = Instant::now() + timeout;
            } else if !got && Instant::now() >= deadline {
                break Err(ClientError::Timeout {
                    what: format!("the details of {}", D::NAME),
                    after: timeout,
                });
            }
        };
        if let Err(e) = result {
            conn.core.abandon(context);
            return Err(e);
        }
        for d in conn
            .core
            .take_dump::<D::Details>(context)
            .unwrap_or_else(|| Err(lost(D::NAME)))?
        {
            each(d);
        }
        Ok(())
    }

    /// Sends a get-stream request and collects its details until its reply. The reply's
    /// retval may be 0 or [`RETVAL_EAGAIN`] ("more: call again with the reply's cursor");
    /// any other is [`ClientError::Vpp`].
    pub fn get_stream<G: GetStream>(
        &mut self,
        req: G,
    ) -> Result<(Vec<G::Details>, G::Reply), ClientError> {
        let conn = self.conn.get_mut();
        let context = conn.core.send_get_stream(req, &mut conn.out)?;
        conn.flush()?;
        conn.wait(context, || format!("the reply to {}", G::NAME))?;
        let (details, reply) = conn
            .core
            .take_stream::<G::Details, G::Reply>(context)
            .unwrap_or_else(|| Err(lost(G::NAME)))?;
        match reply.retval() {
            Some(rv) if rv != 0 && rv != RETVAL_EAGAIN => Err(ClientError::vpp(G::NAME, rv)),
            _ => Ok((details, reply)),
        }
    }

    /// Pipelining: keeps up to `window` requests in flight on this connection and calls
    /// `on_reply(i, result)` for the i-th request, in order. A non-zero retval is that
    /// request's `Err(Vpp)`; the others go on.
    ///
    /// `Err` from `pipeline` itself means the connection failed (dropped, silent for the
    /// timeout) or the message is missing from the table (nothing sent). When it failed
    /// mid-way, every request then in flight first gets `on_reply(i, Err(..))` with that
    /// error — whether VPP applied it is unknown — and requests not yet sent get no call.
    pub fn pipeline<R: Request, I: IntoIterator<Item = R>>(
        &mut self,
        reqs: I,
        window: usize,
        mut on_reply: impl FnMut(usize, Result<R::Reply, ClientError>),
    ) -> Result<(), ClientError> {
        let conn = self.conn.get_mut();
        conn.core.id_of(R::NAME_CRC)?;
        conn.core.id_of(<R::Reply as Message>::NAME_CRC)?;
        let window = window.max(1);
        let mut reqs = reqs.into_iter().enumerate();
        let mut more = true;
        let mut inflight: VecDeque<(usize, Slot)> = VecDeque::with_capacity(window);
        let result = (|| {
            let mut deadline = Instant::now() + conn.timeout;
            loop {
                while more && inflight.len() < window {
                    match reqs.next() {
                        Some((i, req)) => {
                            let slot = match conn.core.send_request(req, &mut conn.out) {
                                Ok(context) => Slot::Sent(context),
                                Err(e) => Slot::Failed(e),
                            };
                            inflight.push_back((i, slot));
                        }
                        None => more = false,
                    }
                }
                conn.flush()?;
                let mut delivered = false;
                loop {
                    let ready = match inflight.front() {
                        None => false,
                        Some((_, Slot::Failed(_))) => true,
                        Some((_, Slot::Sent(context))) => conn.core.is_done(*context),
                    };
                    if !ready {
                        break;
                    }
                    let Some((i, slot)) = inflight.pop_front() else {
                        break;
                    };
                    let result = match slot {
                        Slot::Sent(context) => conn
                            .core
                            .take_reply::<R::Reply>(context)
                            .unwrap_or_else(|| Err(lost(R::NAME)))
                            .and_then(|r| check_retval(R::NAME, r)),
                        Slot::Failed(e) => Err(e),
                    };
                    on_reply(i, result);
                    delivered = true;
                }
                if inflight.is_empty() && !more {
                    return Ok(());
                }
                if delivered {
                    deadline = Instant::now() + conn.timeout;
                    continue;
                }
                let before = conn.core.progress();
                let got = conn.pump(deadline)?;
                if conn.core.progress() != before {
                    deadline = Instant::now() + conn.timeout;
                } else if !got && Instant::now() >= deadline {
                    return Err(ClientError::Timeout {
                        what: format!("replies to {}", R::NAME),
                        after: conn.timeout,
                    });
                }
            }
        })();
        if let Err(e) = &result {
            for (i, slot) in inflight {
                match slot {
                    // Answered before the connection failed: that answer stands.
                    Slot::Sent(context) if conn.core.is_done(context) => on_reply(
                        i,
                        conn.core
                            .take_reply::<R::Reply>(context)
                            .unwrap_or_else(|| Err(lost(R::NAME)))
                            .and_then(|r| check_retval(R::NAME, r)),
                    ),
                    Slot::Sent(context) => {
                        conn.core.abandon(context);
                        on_reply(i, Err(duplicate(e)));
                    }
                    Slot::Failed(own) => on_reply(i, Err(own)),
                }
            }
        }
        result
    }

    /// The next event (a message nobody waits for), waiting up to `timeout`; `None` if
    /// none came. Events that arrived while waiting for replies are kept, in order.
    pub fn next_event(&mut self, timeout: Duration) -> Result<Option<RawEvent>, ClientError> {
        let conn = self.conn.get_mut();
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(ev) = conn.core.pop_event() {
                return Ok(Some(ev));
            }
            if !conn.pump(deadline)? && Instant::now() >= deadline {
                return Ok(conn.core.pop_event());
            }
        }
    }

    /// A fresh context for a message sent with [`Client::send_raw`].
    pub fn next_context(&mut self) -> u32 {
        self.conn.get_mut().core.fresh_context()
    }

    /// Sends a message body as it is (starting with `_vl_msg_id`, context and
    /// client_index already in place): the untyped path of `vppx api`. Nothing
    /// waits for its answers: they arrive through [`Client::next_event`], like
    /// anything else no typed request claims. The caller checks the id against
    /// the message table first (see docs/design.md, “Socket transport”).
    pub fn send_raw(&mut self, body: &[u8]) -> Result<(), ClientError> {
        let conn = self.conn.get_mut();
        crate::wire::write_frame(&mut conn.out, body)?;
        conn.flush()
    }

    /// Whether this VPP has the message `name_crc`.
    pub fn has_message(&self, name_crc: &str) -> bool {
        self.table.id(name_crc).is_some()
    }

    /// This VPP's id for `name_crc`.
    pub fn message_id(&self, name_crc: &str) -> Option<u16> {
        self.table.id(name_crc)
    }

    /// The handshake's table: `name_crc` → id.
    pub fn message_table(&self) -> &BTreeMap<String, u16> {
        self.table.map()
    }

    /// The index VPP gave this client at handshake.
    pub fn client_index(&self) -> u32 {
        self.client_index
    }

    /// Says goodbye (`sockclnt_delete`, waiting for its reply) and closes the socket.
    pub fn close(mut self) -> Result<(), ClientError> {
        self.closed = true;
        let index = self.client_index;
        let conn = self.conn.get_mut();
        let result = if self.table.id(SockclntDelete::NAME_CRC).is_some() {
            conn.request_unchecked(SockclntDelete {
                index,
                ..Default::default()
            })
            .map(drop)
        } else {
            Ok(())
        };
        let _ = conn.io.stream.shutdown(std::net::Shutdown::Both);
        result
    }
}

impl Drop for Client {
    /// Tries to say goodbye without waiting; errors are ignored (VPP also cleans up when
    /// the socket closes).
    fn drop(&mut self) {
        if self.closed {
            return;
        }
        let index = self.client_index;
        let conn = self.conn.get_mut();
        if conn.io.broken {
            return;
        }
        let sent = conn.core.send_request(
            SockclntDelete {
                index,
                ..Default::default()
            },
            &mut conn.out,
        );
        if sent.is_ok() {
            let _ = conn.flush();
        }
        let _ = conn.io.stream.shutdown(std::net::Shutdown::Both);
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("client_index", &self.client_index)
            .field("messages", &self.table.len())
            .finish_non_exhaustive()
    }
}

/// The same error again, for each request a failed connection leaves in flight.
fn duplicate(e: &ClientError) -> ClientError {
    match e {
        ClientError::Connect { path, source } => ClientError::Connect {
            path: path.clone(),
            source: io::Error::new(source.kind(), source.to_string()),
        },
        ClientError::Timeout { what, after } => ClientError::Timeout {
            what: what.clone(),
            after: *after,
        },
        ClientError::Disconnected => ClientError::Disconnected,
        ClientError::Incompatible {
            missing,
            changed,
            vpp_version,
        } => ClientError::Incompatible {
            missing: missing.clone(),
            changed: changed.clone(),
            vpp_version: vpp_version.clone(),
        },
        ClientError::NotInTable(n) => ClientError::NotInTable(n.clone()),
        ClientError::Vpp {
            message,
            retval,
            name,
        } => ClientError::Vpp {
            message,
            retval: *retval,
            name: *name,
        },
        ClientError::Wire(w) => ClientError::Wire(w.clone()),
        ClientError::Protocol(p) => ClientError::Protocol(p.clone()),
        ClientError::Overflow { what, limit } => ClientError::Overflow {
            what,
            limit: limit.clone(),
        },
        ClientError::Io(io) => ClientError::Io(io::Error::new(io.kind(), io.to_string())),
    }
}

/// The `name_crc`s an operation needs, derived from the typed messages it uses, for
/// [`Client::require`] (see docs/design.md, “Compatibility with the running VPP”): each
/// `request` with its reply, each `dump` with its details and the control ping that ends
/// it, each `event` as it is. A `&'static [&'static str]`, so it can be a constant:
///
/// ```
/// use vppx::binapi::interface::{SwInterfaceDump, SwInterfaceSetFlags};
/// const MESSAGES: &[&str] = vppx::needs![request SwInterfaceSetFlags, dump SwInterfaceDump];
/// assert!(MESSAGES.contains(&"sw_interface_set_flags_reply_e8d4e804"));
/// assert!(MESSAGES.contains(&"sw_interface_details_6c221fc7"));
/// ```
#[macro_export]
macro_rules! needs {
    (@ [$($out:expr,)*]) => { &[$($out,)*] };
    (@ [$($out:expr,)*] request $t:ty $(, $($rest:tt)*)?) => {
        $crate::needs!(@ [$($out,)*
            <$t as $crate::wire::Message>::NAME_CRC,
            <<$t as $crate::wire::Request>::Reply as $crate::wire::Message>::NAME_CRC,
        ] $($($rest)*)?)
    };
    (@ [$($out:expr,)*] dump $t:ty $(, $($rest:tt)*)?) => {
        $crate::needs!(@ [$($out,)*
            <$t as $crate::wire::Message>::NAME_CRC,
            <<$t as $crate::wire::Dump>::Details as $crate::wire::Message>::NAME_CRC,
            <$crate::binapi::memclnt::ControlPing as $crate::wire::Message>::NAME_CRC,
            <$crate::binapi::memclnt::ControlPingReply as $crate::wire::Message>::NAME_CRC,
        ] $($($rest)*)?)
    };
    (@ [$($out:expr,)*] event $t:ty $(, $($rest:tt)*)?) => {
        $crate::needs!(@ [$($out,)* <$t as $crate::wire::Message>::NAME_CRC,] $($($rest)*)?)
    };
    ($($rest:tt)*) => { $crate::needs!(@ [] $($rest)*) };
}
