//! The agent's link to VPP: a supervisor thread that keeps (and, after a restart,
//! re-makes) the connection and polls interface counters; a small pool of API
//! connections for requests; an event thread that feeds `/events`; and the stats reader
//! behind `/metrics`, whose concurrent scrapes share one read.
//!
//! One file, past 600 lines: the threads that share the connection's state (supervisor,
//! events, route series) and its flags.
//!
//! The client and stats reader are synchronous: everything that talks to VPP runs on
//! blocking threads, at most `api_connections` requests at once, so the async side never
//! waits on a socket. While VPP is away every VPP-backed call fails at once with 503;
//! nothing queues behind a dead socket. Stats follow docs/design.md, “VPP restarts”: a dropped API
//! connection, a replaced stats socket, or a heartbeat that stopped moving makes the readers map
//! the segment afresh, and nothing is exported from a segment while VPP is down.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use futures_util::FutureExt;
use tokio::sync::{broadcast, watch, Semaphore};

use super::error::ApiError;
use super::metrics::AgentMetrics;
use super::metrics_routes::{self, RouteMetrics, RouteSample, RouteSeries};
use crate::binapi::memclnt::ControlPing;
use crate::client::{Backoff, Client, ClientError, ConnectOptions};
use crate::ops::events::{Event, EventKind, LinkState, Watcher};
use crate::ops::routes::list::{ListQuery, RouteIndex, RouteSamples, ROUTE_TO};
use crate::ops::stats::{self as opstats, InterfaceCounters, InterfaceRate};
use crate::ops::{self, OpsError};
use crate::stats::{CombinedCounter, Snapshot, StatsClient, StatsError};

/// A stats heartbeat that has not moved for this long means the segment is frozen
/// (VPP bumps it about every ten seconds).
const HEARTBEAT_STALL: Duration = Duration::from_secs(35);

/// How many routes' last readings the agent keeps for their rates.
pub const ROUTE_SAMPLES: usize = 4096;

/// The shortest interval route rates are computed over.
pub const ROUTE_RATE_INTERVAL: Duration = Duration::from_secs(1);

/// What the agent needs to reach VPP.
#[derive(Debug, Clone)]
pub struct VppSettings {
    pub socket: PathBuf,
    pub stats_socket: PathBuf,
    pub connect: ConnectOptions,
    /// How often the supervisor checks VPP and polls interface counters.
    pub poll: Duration,
    /// Requests talking to VPP at once (each on its own connection).
    pub api_connections: usize,
    /// How long results may be shared between concurrent requests.
    pub share_window: Duration,
    pub backoff: Backoff,
    /// Which routes get series in `/metrics`.
    pub routes: RouteMetrics,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A value fetched at most once per window, however many ask at once (see docs/design.md,
/// “Metrics under load”). Callers that come while a fetch is under way wait for it and
/// share its result. A value is served for at most one window from the start of its fetch;
/// from half a window on, the first caller starts the next fetch in the background and is
/// still answered from the current value, so that under a steady load no caller waits for a
/// fetch that takes less than half a window. A change ([`Shared::invalidate`]) drops the
/// value: the next caller waits for a fetch started after it.
///
/// Fetches run as tasks of their own: a caller that gives up (its client went away) does not
/// cancel a fetch others wait for.
pub struct Shared<T, E> {
    inner: Arc<SharedInner<T, E>>,
}

struct SharedInner<T, E> {
    window: Duration,
    epoch: AtomicU64,
    slot: Mutex<Slot<T, E>>,
    /// The error a caller gets when the fetch it waited for panicked.
    lost: fn() -> E,
}

/// A fetch's result, once it is there.
type Outcome<T, E> = Option<Result<Arc<T>, E>>;

struct Slot<T, E> {
    /// The last value, with when its fetch started and the epoch it started under.
    /// (Tokio's clock, which a test can move.)
    value: Option<(tokio::time::Instant, u64, Arc<T>)>,
    /// The fetch under way: the epoch it started under, and where its result appears.
    pending: Option<(u64, watch::Receiver<Outcome<T, E>>)>,
}

impl<T, E> std::fmt::Debug for Shared<T, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("window", &self.inner.window)
            .finish_non_exhaustive()
    }
}

impl<T, E> Shared<T, E>
where
    T: Send + Sync + 'static,
    E: Clone + Send + Sync + 'static,
{
    /// `lost` makes the error of a fetch that panicked.
    pub fn new(window: Duration, lost: fn() -> E) -> Self {
        Shared {
            inner: Arc::new(SharedInner {
                window,
                epoch: AtomicU64::new(0),
                slot: Mutex::new(Slot {
                    value: None,
                    pending: None,
                }),
                lost,
            }),
        }
    }

    /// Forgets the current value (it changed).
    pub fn invalidate(&self) {
        self.inner.epoch.fetch_add(1, Ordering::SeqCst);
    }

    /// The value: the current one while it is young enough, else the result of a fetch
    /// (the one under way, or one `fetch` starts). A failed fetch is not kept.
    pub async fn get<F, Fut>(&self, fetch: F) -> Result<Arc<T>, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>> + Send + 'static,
    {
        let epoch = self.inner.epoch.load(Ordering::SeqCst);
        let mut rx = {
            let mut slot = lock(&self.inner.slot);
            let current = slot
                .value
                .as_ref()
                .filter(|(at, e, _)| *e == epoch && at.elapsed() < self.inner.window)
                .map(|(at, _, v)| (at.elapsed(), Arc::clone(v)));
            match current {
                Some((age, v)) if age < self.inner.window / 2 => return Ok(v),
                Some((_, v)) => {
                    self.fetching(&mut slot, epoch, fetch);
                    return Ok(v);
                }
                None => self.fetching(&mut slot, epoch, fetch),
            }
        };
        let outcome = match rx.wait_for(Option::is_some).await {
            Ok(outcome) => outcome.clone(),
            Err(_) => None,
        };
        outcome.unwrap_or_else(|| Err((self.inner.lost)()))
    }

    /// Where the result of the fetch under way for `epoch` appears, starting one with
    /// `fetch` if there is none.
    fn fetching<F, Fut>(
        &self,
        slot: &mut Slot<T, E>,
        epoch: u64,
        fetch: F,
    ) -> watch::Receiver<Outcome<T, E>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>> + Send + 'static,
    {
        if let Some((e, rx)) = &slot.pending {
            // A closed channel: its task ended without an answer (the runtime stopping).
            if *e == epoch && rx.has_changed().is_ok() {
                return rx.clone();
            }
        }
        let (tx, rx) = watch::channel(None);
        slot.pending = Some((epoch, rx.clone()));
        let mine = rx.clone();
        let inner = Arc::clone(&self.inner);
        let started = tokio::time::Instant::now();
        let fut = fetch();
        tokio::spawn(async move {
            let r = match std::panic::AssertUnwindSafe(fut).catch_unwind().await {
                Ok(r) => r.map(Arc::new),
                Err(_) => Err((inner.lost)()),
            };
            {
                let mut slot = lock(&inner.slot);
                if let Ok(v) = &r {
                    // A slower fetch that started earlier does not replace a newer value.
                    let newer = slot
                        .value
                        .as_ref()
                        .is_none_or(|(at, e, _)| (*e, *at) <= (epoch, started));
                    if newer {
                        slot.value = Some((started, epoch, Arc::clone(v)));
                    }
                }
                if slot
                    .pending
                    .as_ref()
                    .is_some_and(|(_, p)| p.same_channel(&mine))
                {
                    slot.pending = None;
                }
            }
            let _ = tx.send(Some(r));
        });
        rx
    }
}

/// The answer to readers of a shared dump whose fetch panicked (a bug).
fn shared_read_lost() -> ApiError {
    ApiError::internal("the shared read failed unexpectedly")
}

/// One rendered `/metrics` text, shared by every request of its window.
#[derive(Debug)]
pub struct MetricsBody {
    pub text: Bytes,
}

/// Interface counters and rates from the supervisor's last poll.
#[derive(Debug, Clone, Default)]
pub struct CounterView {
    pub counters: Vec<InterfaceCounters>,
    pub rates: Vec<InterfaceRate>,
}

/// The stats segment as long-running readers see it: reconnected on the signals of a restart
/// (see docs/design.md, “VPP restarts”).
#[derive(Default)]
struct LiveStats {
    client: Option<StatsClient>,
    /// The API connection generation the mapping was made under.
    generation: u64,
    heartbeat: Option<(u64, Instant)>,
}

impl LiveStats {
    /// The mapping, made afresh when it is from an older connection, its socket was
    /// replaced or its heartbeat stalled.
    fn client(&mut self, path: &Path, generation: u64) -> Result<&mut StatsClient, StatsError> {
        let stale = match self.client.as_mut() {
            None => true,
            Some(c) => {
                let mut stalled = false;
                if let Ok(Some(h)) = c.heartbeat() {
                    match self.heartbeat {
                        Some((v, since)) if v == h => stalled = since.elapsed() > HEARTBEAT_STALL,
                        _ => self.heartbeat = Some((h, Instant::now())),
                    }
                }
                self.generation != generation || c.socket_replaced() || stalled
            }
        };
        if stale {
            self.client = None;
            self.heartbeat = None;
            self.client = Some(StatsClient::connect(path)?);
            self.generation = generation;
        }
        self.client
            .as_mut()
            .ok_or_else(|| StatsError::Server(std::io::Error::other("stats segment not mapped")))
    }

    /// Runs `read` on the mapping; a failed read drops it (the next maps afresh).
    fn with<T>(
        &mut self,
        path: &Path,
        generation: u64,
        read: impl FnOnce(&mut StatsClient) -> Result<T, StatsError>,
    ) -> Result<T, StatsError> {
        let r = read(self.client(path, generation)?);
        if r.is_err() {
            self.client = None;
        }
        r
    }

    fn scrape(
        &mut self,
        path: &Path,
        generation: u64,
        patterns: &[&str],
    ) -> Result<Snapshot, StatsError> {
        self.with(path, generation, |c| c.scrape(patterns))
    }
}

/// Which connections a call uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// A set of pooled API connections and the permits that bound their use.
struct Lane {
    pool: Mutex<Vec<(u64, Client)>>,
    permits: Arc<Semaphore>,
}

impl Lane {
    fn new(connections: usize) -> Self {
        Lane {
            pool: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(connections.max(1))),
        }
    }
}

/// Whether VPP's socket itself failed (as opposed to an answer that was slow).
fn transport_failed(e: &ClientError) -> bool {
    matches!(e, ClientError::Disconnected | ClientError::Io(_))
}

/// The agent's side of VPP, shared by every request.
pub struct Vpp {
    settings: VppSettings,
    messages: Vec<&'static str>,
    up: AtomicBool,
    last_error: Mutex<String>,
    /// Bumped whenever the connection is re-made or found dead: pooled connections and
    /// stats mappings from an older generation are not reused.
    generation: AtomicU64,
    /// Reads and changes each have their own connections, so that a change gets one while
    /// reads are busy.
    reads: Lane,
    writes: Lane,
    pub metrics: AgentMetrics,
    counters: RwLock<Option<Arc<CounterView>>>,
    metrics_stats: Mutex<LiveStats>,
    /// The `/metrics` text, rendered at most once per share window (see docs/design.md,
    /// “Metrics under load”).
    bodies: Shared<MetricsBody, ()>,
    /// The routes that get series, with their stats indexes (see [`Vpp::watch_routes`]).
    route_series: RwLock<Arc<Vec<RouteSeries>>>,
    pub interfaces: Shared<Vec<ops::iface::Interface>, ApiError>,
    /// Every ACL and interface list, for the ACL reads (dropped by any change).
    pub acls: Shared<ops::acl::State, ApiError>,
    /// The last reading of each route `GET /routes/{prefix}` showed, for its rates (see
    /// docs/design.md, “Route rates in the agent”).
    pub route_samples: Mutex<RouteSamples>,
    events: broadcast::Sender<Event>,
    known: Mutex<BTreeMap<u32, LinkState>>,
    events_up: AtomicBool,
    stop: AtomicBool,
}

impl std::fmt::Debug for Vpp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vpp")
            .field("socket", &self.settings.socket)
            .field("up", &self.is_up())
            .finish_non_exhaustive()
    }
}

impl Vpp {
    /// Starts the supervisor and event threads; they run until [`Vpp::shutdown`].
    pub fn start(settings: VppSettings, metrics: AgentMetrics) -> std::io::Result<Arc<Vpp>> {
        let mut messages: Vec<&'static str> = Vec::new();
        messages.extend_from_slice(ops::iface::MESSAGES);
        messages.extend_from_slice(ops::routes::vpp::MESSAGES);
        messages.extend_from_slice(crate::needs![request ControlPing]);
        messages.sort_unstable();
        messages.dedup();
        let window = settings.share_window;
        let vpp = Arc::new(Vpp {
            reads: Lane::new(settings.api_connections),
            writes: Lane::new(settings.api_connections),
            settings,
            messages,
            up: AtomicBool::new(false),
            last_error: Mutex::new("not connected yet".into()),
            generation: AtomicU64::new(0),
            metrics,
            counters: RwLock::new(None),
            metrics_stats: Mutex::new(LiveStats::default()),
            bodies: Shared::new(window, || ()),
            route_series: RwLock::new(Arc::new(Vec::new())),
            interfaces: Shared::new(window, shared_read_lost),
            acls: Shared::new(window, shared_read_lost),
            route_samples: Mutex::new(RouteSamples::new(ROUTE_SAMPLES, ROUTE_RATE_INTERVAL)),
            events: broadcast::channel(1024).0,
            known: Mutex::new(BTreeMap::new()),
            events_up: AtomicBool::new(false),
            stop: AtomicBool::new(false),
        });
        let v = Arc::clone(&vpp);
        std::thread::Builder::new()
            .name("vpp-supervisor".into())
            .spawn(move || v.supervise())?;
        let v = Arc::clone(&vpp);
        std::thread::Builder::new()
            .name("vpp-events".into())
            .spawn(move || v.watch_events())?;
        if vpp.settings.routes.enabled() {
            let v = Arc::clone(&vpp);
            std::thread::Builder::new()
                .name("vpp-routes".into())
                .spawn(move || v.watch_routes())?;
        }
        Ok(vpp)
    }

    pub fn shutdown(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    pub fn is_up(&self) -> bool {
        self.up.load(Ordering::SeqCst)
    }

    /// Why VPP is not usable, for 503 answers.
    pub fn last_error(&self) -> String {
        lock(&self.last_error).clone()
    }

    fn set_down(&self, why: String) {
        self.up.store(false, Ordering::SeqCst);
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.bodies.invalidate();
        self.clear_pools();
        *lock(&self.last_error) = why;
    }

    fn clear_pools(&self) {
        lock(&self.reads.pool).clear();
        lock(&self.writes.pool).clear();
    }

    /// Sleeps in small steps so that shutdown is prompt.
    fn sleep(&self, d: Duration) {
        let until = Instant::now() + d;
        while !self.stopped() {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            std::thread::sleep(left.min(Duration::from_millis(50)));
        }
    }

    /// Opens one more connection to VPP on each call (for an apply's routes), checking
    /// only the route messages it sends.
    pub fn connector(&self) -> impl Fn() -> Result<Client, ClientError> + Send + Sync + 'static {
        let socket = self.settings.socket.clone();
        let opts = self.settings.connect.clone();
        move || {
            let c = Client::connect(&socket, &opts)?;
            c.require(ops::desired::routes::MESSAGES)?;
            Ok(c)
        }
    }

    fn connect(&self) -> Result<Client, ClientError> {
        let client = Client::connect(&self.settings.socket, &self.settings.connect)?;
        client.require(&self.messages)?;
        Ok(client)
    }

    /// Keeps a connection to VPP (pinging it every poll, reconnecting with backoff when
    /// it drops) and polls interface counters for the rates `/interfaces` shows.
    fn supervise(self: Arc<Self>) {
        let mut api: Option<Client> = None;
        let mut failures = 0u32;
        let mut ever_up = false;
        let mut stats = LiveStats::default();
        let mut prev: Option<(Instant, Vec<InterfaceCounters>)> = None;
        while !self.stopped() {
            if let Some(c) = api.as_mut() {
                match c.request(ControlPing::default()) {
                    Ok(_) => self.up.store(true, Ordering::SeqCst),
                    Err(e) => {
                        self.set_down(e.to_string());
                        api = None;
                    }
                }
            }
            if api.is_none() {
                match self.connect() {
                    Ok(c) => {
                        api = Some(c);
                        failures = 0;
                        self.generation.fetch_add(1, Ordering::SeqCst);
                        self.clear_pools();
                        if ever_up {
                            self.metrics.reconnects.inc();
                        }
                        ever_up = true;
                        self.interfaces.invalidate();
                        self.acls.invalidate();
                        self.up.store(true, Ordering::SeqCst);
                        self.bodies.invalidate();
                    }
                    Err(e) => {
                        self.set_down(e.to_string());
                        failures = failures.saturating_add(1);
                        *self
                            .counters
                            .write()
                            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
                        prev = None;
                        self.sleep(self.settings.backoff.delay(failures));
                        continue;
                    }
                }
            }
            let generation = self.generation.load(Ordering::SeqCst);
            let view = match stats.scrape(
                &self.settings.stats_socket,
                generation,
                opstats::paths::INTERFACES,
            ) {
                Ok(snap) => {
                    let now = Instant::now();
                    let counters = opstats::interfaces(&snap);
                    let rates = match &prev {
                        Some((at, old)) => opstats::interface_rates(
                            old,
                            &counters,
                            now.duration_since(*at).as_secs_f64(),
                        ),
                        None => Vec::new(),
                    };
                    prev = Some((now, counters.clone()));
                    Some(Arc::new(CounterView { counters, rates }))
                }
                Err(_) => {
                    prev = None;
                    None
                }
            };
            *self
                .counters
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = view;
            self.sleep(self.settings.poll);
        }
    }

    /// Interface counters and rates from the last poll (`None` while stats are unreadable).
    pub fn counters(&self) -> Option<Arc<CounterView>> {
        if !self.is_up() {
            return None;
        }
        self.counters
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Runs a change on a connection of the write lane: see [`Vpp::run`].
    pub async fn call<T, F>(self: &Arc<Self>, op: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Client) -> ops::Result<T> + Send + 'static,
    {
        self.run(Access::Write, op).await
    }

    /// Runs a read on a connection of the read lane: see [`Vpp::run`].
    pub async fn read<T, F>(self: &Arc<Self>, op: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Client) -> ops::Result<T> + Send + 'static,
    {
        self.run(Access::Read, op).await
    }

    /// Runs `op` on a pooled API connection of `access`'s lane, on a blocking thread.
    /// Fails at once with 503 while VPP is down. Only a transport failure (the socket
    /// gone) marks VPP down; an answer that did not come in time costs that connection
    /// alone (a late reply must not reach the next request), and the supervisor's ping
    /// decides whether VPP is still there.
    pub async fn run<T, F>(self: &Arc<Self>, access: Access, op: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Client) -> ops::Result<T> + Send + 'static,
    {
        if !self.is_up() {
            return Err(ApiError::unavailable(self.last_error()));
        }
        let lane = match access {
            Access::Read => &self.reads,
            Access::Write => &self.writes,
        };
        let wait = self.settings.connect.timeout;
        let permit =
            match tokio::time::timeout(wait, Arc::clone(&lane.permits).acquire_owned()).await {
                Ok(Ok(p)) => p,
                _ => return Err(ApiError::busy("all connections to VPP are busy; try again")),
            };
        let me = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let lane = match access {
                Access::Read => &me.reads,
                Access::Write => &me.writes,
            };
            let generation = me.generation.load(Ordering::SeqCst);
            let pooled = {
                let mut pool = lock(&lane.pool);
                pool.retain(|(g, _)| *g == generation);
                pool.pop()
            };
            let mut client = match pooled {
                Some((_, c)) => c,
                None => me.connect().map_err(|e| {
                    if e.is_unreachable() {
                        me.set_down(e.to_string());
                    }
                    OpsError::Client(e)
                })?,
            };
            let result = op(&mut client);
            match &result {
                Err(OpsError::Client(e)) if transport_failed(e) => me.set_down(e.to_string()),
                Err(OpsError::Client(e)) if e.is_unreachable() => {}
                _ => {
                    if me.generation.load(Ordering::SeqCst) == generation {
                        lock(&lane.pool).push((generation, client));
                    }
                }
            }
            result
        })
        .await;
        match joined {
            Ok(r) => r.map_err(ApiError::from),
            Err(e) => Err(ApiError::internal(format!("request task failed: {e}"))),
        }
    }

    /// `/net/route/to` summed over threads, by stats index, read afresh from the stats
    /// segment (a new mapping per call: nothing from before a VPP restart is reused).
    pub async fn route_totals(self: &Arc<Self>) -> Result<Vec<CombinedCounter>, ApiError> {
        if !self.is_up() {
            return Err(ApiError::unavailable(self.last_error()));
        }
        let socket = self.settings.stats_socket.clone();
        let timeout = self.settings.connect.timeout;
        let joined = tokio::task::spawn_blocking(move || {
            let mut stats = StatsClient::connect_with_timeout(&socket, timeout)?;
            Ok::<_, StatsError>(stats.combined_totals(ROUTE_TO)?.unwrap_or_default())
        })
        .await;
        match joined {
            Ok(r) => r.map_err(|e| ApiError::classified(&e)),
            Err(e) => Err(ApiError::internal(format!("stats task failed: {e}"))),
        }
    }

    /// The `/metrics` text: callers within the share window get the same bytes, callers
    /// that come while it is being made wait for that one render instead of making their
    /// own, and under a steady load the next one is made in the background (see
    /// docs/design.md, “Metrics under load”). A change of VPP's state (down, reconnected)
    /// drops it at once.
    pub async fn metrics_body(self: &Arc<Self>) -> Arc<MetricsBody> {
        let me = Arc::clone(self);
        let made = self
            .bodies
            .get(|| async move {
                tokio::task::spawn_blocking(move || me.render_metrics())
                    .await
                    .map_err(|_| ())
            })
            .await;
        match made {
            Ok(body) => body,
            // The render task panicked: a bug; answer from what is known without VPP's
            // counters rather than fail the scrape.
            Err(()) => Arc::new(MetricsBody {
                text: Bytes::from(super::metrics::render(None, false, &[], &self.metrics)),
            }),
        }
    }

    /// Reads the stats segment (while VPP is up) and renders `/metrics`, on a blocking thread.
    fn render_metrics(&self) -> MetricsBody {
        let up = self.is_up();
        let mut routes = Vec::new();
        let snapshot = if up {
            let generation = self.generation.load(Ordering::SeqCst);
            self.metrics.stats_scrapes.inc();
            let mut stats = lock(&self.metrics_stats);
            let path = &self.settings.stats_socket;
            let snapshot = stats
                .scrape(path, generation, super::metrics::PATHS)
                .ok()
                .map(Arc::new);
            let series = self.route_series();
            if snapshot.is_some() && !series.is_empty() {
                routes = Self::route_samples(&mut stats, path, generation, &series);
            }
            snapshot
        } else {
            None
        };
        self.metrics.renders.inc();
        MetricsBody {
            text: Bytes::from(super::metrics::render(snapshot, up, &routes, &self.metrics)),
        }
    }

    /// The routes that get series now.
    fn route_series(&self) -> Arc<Vec<RouteSeries>> {
        self.route_series
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn set_route_series(&self, series: Vec<RouteSeries>) {
        *self
            .route_series
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(series);
        self.bodies.invalidate();
    }

    /// `/net/route/to` at the chosen routes' indexes only (nothing if it cannot be read).
    fn route_samples(
        stats: &mut LiveStats,
        path: &Path,
        generation: u64,
        series: &[RouteSeries],
    ) -> Vec<RouteSample> {
        let indexes: Vec<u32> = series.iter().map(|s| s.stats_index).collect();
        match stats.with(path, generation, |c| {
            c.combined_totals_at(ROUTE_TO, &indexes)
        }) {
            Ok(Some((_, totals))) => series
                .iter()
                .zip(totals)
                .map(|(s, t)| RouteSample {
                    table: s.table,
                    prefix: s.prefix,
                    packets: t.packets,
                    bytes: t.bytes,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Keeps the routes that get series (see [`metrics_routes`]) and their stats indexes:
    /// a route dump at start, then again every `refresh`, whenever `/net/route/to` changes
    /// length (routes added with new indexes), and after VPP reconnected; checked every
    /// poll. While VPP is down, or its routes are not dumped yet, no route has series.
    fn watch_routes(self: Arc<Self>) {
        let config = self.settings.routes.clone();
        let mut api: Option<Client> = None;
        let mut stats = LiveStats::default();
        // (when, connection generation, /net/route/to length) of the last dump.
        let mut dumped: Option<(Instant, u64, usize)> = None;
        // The totals at the last dump, for the top N's rates.
        let mut prev: Option<(Instant, Vec<CombinedCounter>)> = None;
        while !self.stopped() {
            if !self.is_up() {
                if dumped.take().is_some() {
                    self.set_route_series(Vec::new());
                }
                api = None;
                prev = None;
                self.sleep(self.settings.poll);
                continue;
            }
            let generation = self.generation.load(Ordering::SeqCst);
            let path = &self.settings.stats_socket;
            let len = stats
                .with(path, generation, |c| c.combined_totals_at(ROUTE_TO, &[]))
                .map(|v| v.map_or(0, |(len, _)| len));
            if let Ok(len) = len {
                let stale = dumped.is_none_or(|(at, g, l)| {
                    g != generation
                        || l != len
                        || (!config.refresh.is_zero() && at.elapsed() >= config.refresh)
                });
                if stale {
                    if dumped.is_some_and(|(_, g, _)| g != generation) {
                        // Another VPP: the old indexes mean nothing now.
                        self.set_route_series(Vec::new());
                        prev = None;
                    }
                    match self.dump_routes(&config, &mut api, &mut stats, generation, &mut prev) {
                        Ok(len) => dumped = Some((Instant::now(), generation, len)),
                        Err(()) => api = None,
                    }
                }
            }
            self.sleep(self.settings.poll);
        }
        if let Some(c) = api {
            let _ = c.close();
        }
    }

    /// One route dump and choice of the routes that get series; the length of
    /// `/net/route/to` it was made against.
    fn dump_routes(
        &self,
        config: &RouteMetrics,
        api: &mut Option<Client>,
        stats: &mut LiveStats,
        generation: u64,
        prev: &mut Option<(Instant, Vec<CombinedCounter>)>,
    ) -> Result<usize, ()> {
        let client = match api {
            Some(c) => c,
            None => api.insert(self.connect().map_err(|_| ())?),
        };
        let named: std::collections::BTreeSet<(u32, ipnet::IpNet)> =
            config.named.iter().map(|k| (k.table, k.prefix)).collect();
        let top = config.top > 0;
        // Without a top N, only the named routes are kept from the dump.
        let index = RouteIndex::read_keeping(client, ListQuery::default(), |table, prefix| {
            top || named.contains(&(table, prefix))
        })
        .map_err(|_| ())?;
        let path = &self.settings.stats_socket;
        let (len, totals) = if top {
            let totals = stats
                .with(path, generation, |c| c.combined_totals(ROUTE_TO))
                .map_err(|_| ())?
                .unwrap_or_default();
            (totals.len(), totals)
        } else {
            let len = stats
                .with(path, generation, |c| c.combined_totals_at(ROUTE_TO, &[]))
                .map_err(|_| ())?
                .map_or(0, |(len, _)| len);
            (len, Vec::new())
        };
        let now = Instant::now();
        let old = prev
            .as_ref()
            .map(|(at, v)| (v.as_slice(), now.duration_since(*at).as_secs_f64()));
        let series = metrics_routes::select(config, &index, &totals, old);
        drop(index);
        *prev = top.then_some((now, totals));
        self.set_route_series(series);
        Ok(len)
    }

    /// Whether `/events` can be served: the event connection is attached.
    pub fn events_ready(&self) -> bool {
        self.is_up() && self.events_up.load(Ordering::SeqCst)
    }

    /// A receiver of every event from now on, and the current state of every interface
    /// (subscribed first, so nothing falls in between; a change may show twice).
    pub fn subscribe_events(&self) -> (broadcast::Receiver<Event>, Vec<LinkState>) {
        let rx = self.events.subscribe();
        let now = lock(&self.known).values().cloned().collect();
        (rx, now)
    }

    /// One [`Watcher`] on VPP's interface events, fanned out to every `/events` client;
    /// it reattaches after a restart, with `resync` events for what changed meanwhile.
    fn watch_events(self: Arc<Self>) {
        let mut w = Watcher::new(
            &self.settings.socket,
            &self.settings.connect,
            self.settings.backoff.clone(),
        );
        while !self.stopped() {
            // A failed attach is retried, after the watcher's backoff, at the next call.
            let events = w.next(Duration::from_millis(200)).unwrap_or_default();
            self.events_up.store(w.is_attached(), Ordering::SeqCst);
            if events.is_empty() {
                continue;
            }
            *lock(&self.known) = w.known().clone();
            if events.iter().any(|e| e.event == EventKind::Change) {
                self.interfaces.invalidate();
                self.acls.invalidate();
            }
            for e in events {
                // The first attach's `initial` events are what `subscribe_events` gives
                // each client from `known`; nobody could have subscribed before them.
                if e.event != EventKind::Initial {
                    let _ = self.events.send(e);
                }
            }
        }
        w.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Counter = Arc<AtomicU64>;

    /// A fetch that counts itself and answers `value` after yielding once.
    fn fetch(
        fetches: &Counter,
        value: Result<u32, ()>,
    ) -> impl Future<Output = Result<u32, ()>> + Send + 'static {
        let fetches = Arc::clone(fetches);
        async move {
            fetches.fetch_add(1, Ordering::SeqCst);
            tokio::task::yield_now().await;
            value
        }
    }

    /// A fetch that counts itself and answers `value` once `gate` opens.
    fn gated(
        fetches: &Counter,
        gate: &Arc<tokio::sync::Notify>,
        value: Result<u32, ()>,
    ) -> impl Future<Output = Result<u32, ()>> + Send + 'static {
        let (fetches, gate) = (Arc::clone(fetches), Arc::clone(gate));
        async move {
            fetches.fetch_add(1, Ordering::SeqCst);
            gate.notified().await;
            value
        }
    }

    fn shared(window: Duration) -> Arc<Shared<u32, ()>> {
        Arc::new(Shared::new(window, || ()))
    }

    /// A caller, as a task of its own, whose fetch (if it makes one) answers `value` once
    /// `gate` opens.
    fn spawn_get(
        shared: &Arc<Shared<u32, ()>>,
        fetches: &Counter,
        gate: &Arc<tokio::sync::Notify>,
        value: u32,
    ) -> tokio::task::JoinHandle<Result<u32, ()>> {
        let (shared, fetches, gate) = (shared.clone(), fetches.clone(), gate.clone());
        tokio::spawn(async move {
            shared
                .get(|| gated(&fetches, &gate, Ok(value)))
                .await
                .map(|v| *v)
        })
    }

    async fn boom() -> Result<u32, ()> {
        panic!("a bug in a fetch")
    }

    /// Lets spawned fetches run to their end (they only wait on each other, never on time).
    async fn settle() {
        for _ in 0..16 {
            tokio::task::yield_now().await;
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_callers_share_one_fetch() {
        let shared = shared(Duration::from_secs(3600));
        let fetches = Counter::default();
        let start = Arc::new(tokio::sync::Barrier::new(8));
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (shared, fetches, start) = (shared.clone(), fetches.clone(), start.clone());
                tokio::spawn(async move {
                    start.wait().await;
                    shared.get(|| fetch(&fetches, Ok(7))).await
                })
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.expect("task").map(|v| *v), Ok(7));
        }
        assert_eq!(fetches.load(Ordering::SeqCst), 1, "one fetch for 8 callers");

        // A change forgets the value at once.
        shared.invalidate();
        let v = shared.get(|| fetch(&fetches, Ok(8))).await;
        assert_eq!(v.map(|v| *v), Ok(8));
        assert_eq!(fetches.load(Ordering::SeqCst), 2);

        // A failed fetch is not kept: the next caller fetches again.
        shared.invalidate();
        assert_eq!(shared.get(|| fetch(&fetches, Err(()))).await, Err(()));
        let v = shared.get(|| fetch(&fetches, Ok(9))).await;
        assert_eq!(v.map(|v| *v), Ok(9));
        assert_eq!(fetches.load(Ordering::SeqCst), 4);
    }

    #[tokio::test]
    async fn a_value_older_than_the_window_is_fetched_again() {
        let shared = shared(Duration::ZERO);
        let fetches = Counter::default();
        for want in [1, 2, 3] {
            let v = shared.get(|| fetch(&fetches, Ok(want))).await;
            assert_eq!(v.map(|v| *v), Ok(want));
        }
        assert_eq!(fetches.load(Ordering::SeqCst), 3);
    }

    /// Under half a window a value is served as it is; from half a window on it is still
    /// served while one background fetch makes the next; a whole window old, never.
    #[tokio::test(start_paused = true)]
    async fn a_value_is_refreshed_in_the_background_and_never_served_past_the_window() {
        let window = Duration::from_millis(100);
        let shared = shared(window);
        let fetches = Counter::default();
        let gate = Arc::new(tokio::sync::Notify::new());
        let (f, g) = (&fetches, &gate);
        let get = |value| shared.get(move || gated(f, g, Ok(value)));
        let count = || fetches.load(Ordering::SeqCst);

        // The first caller waits for the first fetch.
        let first = spawn_get(&shared, &fetches, &gate, 1);
        settle().await;
        assert!(!first.is_finished(), "answered before its fetch ended");
        gate.notify_one();
        assert_eq!(first.await.expect("task"), Ok(1));

        tokio::time::advance(window / 2 - Duration::from_millis(1)).await;
        assert_eq!(get(2).await.map(|v| *v), Ok(1));
        assert_eq!(count(), 1, "a young value is served without a fetch");

        // Half a window old: served, and one fetch starts in the background.
        tokio::time::advance(Duration::from_millis(1)).await;
        assert_eq!(get(2).await.map(|v| *v), Ok(1));
        assert_eq!(get(3).await.map(|v| *v), Ok(1));
        settle().await;
        assert_eq!(count(), 2, "one background fetch for both callers");
        gate.notify_one();
        settle().await;
        assert_eq!(
            get(4).await.map(|v| *v),
            Ok(2),
            "the background fetch's value"
        );
        assert_eq!(count(), 2);

        // A whole window old, a value is not served: the caller waits for the fetch.
        tokio::time::advance(window).await;
        let late = spawn_get(&shared, &fetches, &gate, 5);
        settle().await;
        assert!(!late.is_finished(), "a value a window old was served");
        gate.notify_one();
        assert_eq!(late.await.expect("task"), Ok(5));
        assert_eq!(count(), 3);

        // A change: the young value is dropped, the next caller waits for a fresh fetch.
        shared.invalidate();
        let changed = spawn_get(&shared, &fetches, &gate, 6);
        settle().await;
        assert!(
            !changed.is_finished(),
            "a value from before the change was served"
        );
        gate.notify_one();
        assert_eq!(changed.await.expect("task"), Ok(6));

        // A failed background fetch leaves the value, until it is a window old.
        tokio::time::advance(window / 2).await;
        let v = shared.get(|| fetch(&fetches, Err(()))).await;
        assert_eq!(v.map(|v| *v), Ok(6));
        settle().await;
        assert_eq!(count(), 5);
        tokio::time::advance(window / 2).await;
        assert_eq!(shared.get(|| fetch(&fetches, Err(()))).await, Err(()));
        assert_eq!(count(), 6);
    }

    /// A fetch that panics answers its waiters with the `lost` error and is not kept.
    #[tokio::test]
    async fn a_panicking_fetch_is_an_error_and_the_next_caller_fetches_again() {
        let shared = shared(Duration::from_secs(3600));
        let fetches = Counter::default();
        assert_eq!(shared.get(boom).await, Err(()));
        let v = shared.get(|| fetch(&fetches, Ok(1))).await;
        assert_eq!(v.map(|v| *v), Ok(1));
    }
}
