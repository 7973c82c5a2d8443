//! The simulator's socket server: VPP's binary API over a Unix `SOCK_STREAM` socket.
//!
//! One thread accepts; each connection gets a reader thread (frames in, [`Api::handle`]
//! under the model's lock) and a writer thread fed through a channel. Replies and the events
//! they cause are queued while the lock is held, so every client sees a request's reply
//! before its events and all clients see events in one order, without a slow reader ever
//! blocking the model.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::wire::FrameBuffer;

use super::api::{debug, After, Api};
use super::cli_exec;
use super::memory::{self, Exhausted, Memory, Usage};
use super::model::Model;
use super::stats::SimStats;

/// How often the data plane moves and the stats segment is rewritten.
pub const TICK: Duration = Duration::from_millis(20);

/// How to run a simulator.
#[derive(Debug, Clone, Default)]
pub struct SimConfig {
    /// The binary-API socket, e.g. `/run/vpp/api.sock`.
    pub socket: PathBuf,
    /// Where to publish the stats segment, if anywhere.
    pub stats_socket: Option<PathBuf>,
    /// Packet-generator style interfaces to create at start, e.g. `pg0`, `pg1`: indexes 1, 2, ...
    pub interfaces: Vec<String>,
    /// The stats segment's size in bytes (`statseg { size }`); VPP's default, 32 MiB, if
    /// `None`.
    pub stats_size: Option<usize>,
    /// The main heap's size in bytes (`memory { main-heap-size }`); VPP's default, 1 GiB,
    /// if `None`.
    pub heap_size: Option<usize>,
}

/// Why the simulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("{}: in use, a server is already listening there", path.display())]
    InUse { path: PathBuf },
    #[error("{}", path.display())]
    Socket { path: PathBuf, source: io::Error },
    #[error("stats segment")]
    Stats(#[from] crate::stats::StatsError),
    /// A heap too small for even an idle VPP, or one a load exhausted.
    #[error(transparent)]
    Exhausted(Exhausted),
}

impl crate::error::Classify for SimError {
    fn class(&self) -> crate::error::ErrorClass {
        match self {
            // Another server's socket, or one we cannot create: no usable socket (exit 3).
            SimError::InUse { .. } | SimError::Socket { .. } => {
                crate::error::ErrorClass::Unavailable
            }
            SimError::Stats(e) => crate::error::Classify::class(e),
            // The simulated VPP died, as a real one would: a failure of the simulator's
            // host, not of vppx's input.
            SimError::Exhausted(_) => crate::error::ErrorClass::Internal,
        }
    }
}

/// The state every connection shares.
struct State {
    model: Model,
    /// client_index → the connection's outgoing queue.
    clients: HashMap<u32, Sender<Vec<u8>>>,
    next_client: u32,
    stats: Option<SimStats>,
    /// Both heaps, as routes use them (see docs/design.md, “The simulator's heaps”).
    memory: Memory,
    /// Set when a heap ran out: the simulated VPP is dead and answers nothing more.
    dead: Option<Exhausted>,
}

/// What the model and the segment hold now, for [`Memory::account`].
fn usage(st: &State) -> Usage {
    let if_slots = st.model.interfaces().map(|i| u64::from(i.sw_if_index) + 1);
    Usage {
        routes: st.model.fib.routes() as u64,
        route_slots: st.model.fib.stats_len() as u64,
        if_slots: if_slots.max().unwrap_or(0),
        stats_other: st.stats.as_ref().map_or(STATS_IDLE, SimStats::other_in_use),
    }
}

/// What an idle VPP's stats segment holds (the golden capture's figure), for a simulator
/// that publishes none.
const STATS_IDLE: u64 = 877_520;

/// Takes in what the last request changed; a heap that ran out kills the simulated VPP, as
/// a failed allocation aborts a real one.
fn account(st: &mut State) -> bool {
    if st.dead.is_some() {
        return false;
    }
    let now = usage(st);
    match st.memory.account(now) {
        Ok(()) => true,
        Err(e) => {
            debug(format_args!("{e}"));
            st.dead = Some(e);
            false
        }
    }
}

struct Shared {
    api: Api,
    state: Mutex<State>,
    /// Whether the ticker moves the data plane (tests freeze it to read a still segment).
    ticking: AtomicBool,
    /// Every connection, to close them all when the simulated VPP dies.
    conns: Conns,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking connection thread must not take the simulator down with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A running simulator. Dropping it stops it.
pub struct Simulator {
    path: PathBuf,
    shared: Arc<Shared>,
    stopping: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
    ticker: Option<JoinHandle<()>>,
    conns: Conns,
}

impl std::fmt::Debug for Simulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulator")
            .field("socket", &self.path)
            .finish_non_exhaustive()
    }
}

/// Whether a server is listening on the socket file at `path` (of socket type `kind`): a
/// connection is accepted, or would be once the listener's backlog drains. The connect is
/// non-blocking, so a listener that never accepts (a stuck VPP) cannot hang the check.
pub(crate) fn in_use(path: &Path, kind: rustix::net::SocketType) -> bool {
    use rustix::io::Errno;
    use rustix::net::{connect, socket_with, AddressFamily, SocketAddrUnix, SocketFlags};
    let Ok(addr) = SocketAddrUnix::new(path) else {
        return false;
    };
    let Ok(sock) = socket_with(
        AddressFamily::UNIX,
        kind,
        SocketFlags::CLOEXEC | SocketFlags::NONBLOCK,
        None,
    ) else {
        return false;
    };
    matches!(connect(&sock, &addr), Ok(()) | Err(Errno::AGAIN))
}

/// Refuses a path a live server holds, before anything is removed or bound.
fn check_free(path: &Path, kind: rustix::net::SocketType) -> Result<(), SimError> {
    if in_use(path, kind) {
        return Err(SimError::InUse {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// Binds `path`, replacing a stale socket file nobody listens on.
fn bind(path: &Path) -> Result<UnixListener, SimError> {
    let err = |source| SimError::Socket {
        path: path.to_owned(),
        source,
    };
    check_free(path, rustix::net::SocketType::STREAM)?;
    if path.exists() {
        std::fs::remove_file(path).map_err(err)?;
    }
    UnixListener::bind(path).map_err(err)
}

impl Simulator {
    /// Starts serving on `cfg.socket` (and the stats segment on `cfg.stats_socket`).
    pub fn start(cfg: SimConfig) -> Result<Simulator, SimError> {
        // Both paths are checked before either is touched: a live VPP (or another
        // simulator) keeps its sockets.
        check_free(&cfg.socket, rustix::net::SocketType::STREAM)?;
        if let Some(p) = &cfg.stats_socket {
            check_free(p, rustix::net::SocketType::SEQPACKET)?;
        }
        let model = Model::new(&cfg.interfaces);
        let stats_size = cfg.stats_size.unwrap_or(32 << 20) as u64;
        let memory = Memory::new(
            cfg.heap_size
                .map_or(memory::DEFAULT_MAIN_HEAP, |s| s as u64),
            // The segment's first page is its header, outside the heap.
            stats_size.saturating_sub(4096),
        );
        let stats = match &cfg.stats_socket {
            Some(p) => Some(SimStats::start(p, &model, &memory)?),
            None => None,
        };
        let listener = bind(&cfg.socket)?;
        let mut state = State {
            model,
            clients: HashMap::new(),
            next_client: 0,
            stats,
            memory,
            dead: None,
        };
        account(&mut state);
        if let Some(e) = state.dead.take() {
            return Err(SimError::Exhausted(e));
        }
        if let Some(stats) = &state.stats {
            stats.publish(&state.model, &state.memory);
        }
        let shared = Arc::new(Shared {
            api: Api::new(),
            state: Mutex::new(state),
            ticking: AtomicBool::new(true),
            conns: Arc::new(Mutex::new(Vec::new())),
        });
        let stopping = Arc::new(AtomicBool::new(false));
        let ticker = {
            let (shared, stopping) = (shared.clone(), stopping.clone());
            std::thread::Builder::new()
                .name("sim-ticker".into())
                .spawn(move || tick_loop(&shared, &stopping))
                .ok()
        };
        let conns = shared.conns.clone();
        let accept = {
            let (shared, stopping, conns) = (shared.clone(), stopping.clone(), conns.clone());
            std::thread::Builder::new()
                .name("sim-accept".into())
                .spawn(move || accept_loop(listener, shared, stopping, conns))
                .map_err(|source| SimError::Socket {
                    path: cfg.socket.clone(),
                    source,
                })?
        };
        Ok(Simulator {
            path: cfg.socket,
            shared,
            stopping,
            accept: Some(accept),
            ticker,
            conns,
        })
    }

    /// Starts and serves until the process ends: what `vppx sim` runs.
    pub fn run(cfg: SimConfig) -> Result<(), SimError> {
        let mut sim = Simulator::start(cfg)?;
        if let Some(accept) = sim.accept.take() {
            let _ = accept.join();
        }
        Ok(())
    }

    pub fn socket_path(&self) -> &Path {
        &self.path
    }

    /// The heap that ran out, once one has: the simulated VPP is dead (it has closed every
    /// connection it could and answers nothing more).
    pub fn dead(&self) -> Option<SimError> {
        self.shared.lock().dead.clone().map(SimError::Exhausted)
    }

    /// Runs `f` on the model, then sends the events it caused: for tests and for whatever
    /// drives the simulator from outside the API (traffic, link changes).
    pub fn with_model<T>(&self, f: impl FnOnce(&mut Model) -> T) -> T {
        let mut st = self.shared.lock();
        let out = f(&mut st.model);
        deliver_events(&self.shared.api, &mut st, None);
        out
    }

    /// Runs one debug-CLI line as `cli_inband` would: VPP's `(retval, reply)`.
    pub fn cli(&self, line: &str) -> (i32, String) {
        let mut st = self.shared.lock();
        let out = cli_exec::run(&mut st.model, &self.shared.api.identity, line);
        deliver_events(&self.shared.api, &mut st, None);
        out
    }

    /// Freezes (`false`) or resumes the data plane and the stats updates. When this returns
    /// `false`-wise, no further write reaches the segment until it is resumed; time spent
    /// frozen is not made up.
    pub fn set_ticking(&self, on: bool) {
        self.shared.ticking.store(on, Ordering::SeqCst);
        // A tick checks the flag under the lock: once we hold it, none is under way.
        drop(self.shared.lock());
    }

    /// Stops accepting, closes every connection and removes the socket file.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let Some(accept) = self.accept.take() else {
            return;
        };
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop; it sees `stopping` and returns.
        let _ = UnixStream::connect(&self.path);
        let _ = accept.join();
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
        let conns = std::mem::take(&mut *self.conns.lock().unwrap_or_else(|e| e.into_inner()));
        for (stream, _) in &conns {
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
        for (_, handle) in conns {
            let _ = handle.join();
        }
        let _ = std::fs::remove_file(&self.path);
        if let Some(stats) = self.shared.lock().stats.take() {
            stats.stop();
        }
    }
}

impl Drop for Simulator {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Every [`TICK`]: moves the data plane by the time that passed and republishes the stats.
fn tick_loop(shared: &Shared, stopping: &AtomicBool) {
    let mut last = Instant::now();
    while !stopping.load(Ordering::SeqCst) {
        std::thread::sleep(TICK.saturating_sub(last.elapsed()));
        let now = Instant::now();
        let secs = now.duration_since(last).as_secs_f64();
        last = now;
        let mut st = shared.lock();
        if !shared.ticking.load(Ordering::SeqCst) {
            continue;
        }
        if st.dead.is_some() {
            continue;
        }
        let State {
            model,
            stats,
            memory,
            ..
        } = &mut *st;
        model.advance(secs);
        if let Some(stats) = stats {
            stats.sync(model);
            stats.publish(model, memory);
        }
    }
}

type Conns = Arc<Mutex<Vec<(UnixStream, JoinHandle<()>)>>>;

fn accept_loop(
    listener: UnixListener,
    shared: Arc<Shared>,
    stopping: Arc<AtomicBool>,
    conns: Conns,
) {
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                debug(format_args!("accept: {e}"));
                continue;
            }
        };
        if shared.lock().dead.is_some() {
            // A dead VPP answers nothing: the connection is closed at once.
            continue;
        }
        let Ok(handle_stream) = stream.try_clone() else {
            continue;
        };
        let shared = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("sim-conn".into())
            .spawn(move || serve_connection(&shared, stream));
        if let Ok(handle) = spawned {
            let mut conns = conns.lock().unwrap_or_else(|e| e.into_inner());
            // Forget connections that have ended.
            conns.retain(|(_, h)| !h.is_finished());
            conns.push((handle_stream, handle));
        }
    }
}

/// Queues the model's pending events for their subscribers; those of `me` go to `mine`,
/// after what is already there.
fn deliver_events(api: &Api, st: &mut State, mut mine: Option<(u32, &mut Vec<u8>)>) {
    let events = st.model.take_events();
    if events.is_empty() {
        return;
    }
    if let Some(stats) = &mut st.stats {
        stats.sync(&st.model);
    }
    for ev in events {
        for (client, frame) in api.event_frames(&st.model, ev) {
            match &mut mine {
                Some((me, buf)) if *me == client => buf.extend_from_slice(&frame),
                _ => {
                    if let Some(tx) = st.clients.get(&client) {
                        let _ = tx.send(frame);
                    }
                }
            }
        }
    }
}

fn serve_connection(shared: &Shared, stream: UnixStream) {
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    let client = {
        let mut st = shared.lock();
        st.next_client = st.next_client.wrapping_add(1);
        // Socket clients get 0x80000000 | n, as VPP gives them.
        let client = 0x8000_0000 | st.next_client;
        st.clients.insert(client, tx);
        client
    };
    let writer = stream.try_clone().ok().and_then(|mut out| {
        std::thread::Builder::new()
            .name("sim-write".into())
            .spawn(move || {
                for buf in rx {
                    if out.write_all(&buf).is_err() {
                        break;
                    }
                }
            })
            .ok()
    });
    read_loop(shared, &stream, client);
    {
        let mut st = shared.lock();
        st.clients.remove(&client);
        st.model.client_gone(client);
    }
    // The writer drains what is queued (a sockclnt_delete_reply) and ends with the channel.
    if let Some(w) = writer {
        let _ = w.join();
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

fn read_loop(shared: &Shared, mut stream: &UnixStream, client: u32) {
    let mut frames = FrameBuffer::new();
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return,
        };
        frames.extend(buf.get(..n).unwrap_or_default());
        let mut mine = Vec::new();
        let mut after = After::Continue;
        {
            let mut st = shared.lock();
            if st.dead.is_some() {
                return;
            }
            loop {
                let body = match frames.next_frame() {
                    Ok(Some(b)) => b,
                    Ok(None) => break,
                    Err(e) => {
                        debug(format_args!("client {client:#x}: {e}; closing"));
                        after = After::Close;
                        break;
                    }
                };
                after = shared.api.handle(&mut st.model, client, &body, &mut mine);
                deliver_events(&shared.api, &mut st, Some((client, &mut mine)));
                if !account(&mut st) {
                    // Died handling this request: its reply is never sent, and no client
                    // hears anything more.
                    st.clients.clear();
                    let conns = shared.conns.lock().unwrap_or_else(|e| e.into_inner());
                    for (stream, _) in conns.iter() {
                        let _ = stream.shutdown(std::net::Shutdown::Both);
                    }
                    return;
                }
                if after == After::Close {
                    break;
                }
            }
            if !mine.is_empty() {
                if let Some(tx) = st.clients.get(&client) {
                    let _ = tx.send(mine);
                }
            }
        }
        if after == After::Close {
            return;
        }
    }
}
