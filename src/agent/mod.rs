//! `vppx serve`: the REST and Prometheus agent.
//!
//! A thin edge over `ops` (see docs/design.md, “Layers”): [`http`] parses requests, calls `ops`
//! through [`vpp::Vpp`] and serialises; [`metrics::render`] turns a stats snapshot into the
//! `/metrics` text as a pure function. This module owns the HTTP surface and the connection to VPP
//! it keeps; it does not define what an interface or a route is.
//!
//! Safe by default (see docs/design.md, “Agent security”): listen on 127.0.0.1:9482 or a
//! Unix socket; every mutation needs `Authorization: Bearer <token>` (from `--token-file`,
//! or a token made at start into a file only this user can read); reads stay open. A
//! non-loopback address needs `--token-file` unless `--insecure`.

pub mod body;
pub mod error;
pub mod http;
mod idle;
pub mod metrics;
pub mod metrics_routes;
pub mod token;
pub mod vpp;

use std::net::SocketAddr;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub use token::{Token, TokenError};

/// Where the agent listens: a TCP address, or `unix:PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listen {
    Tcp(SocketAddr),
    Unix(PathBuf),
}

impl std::str::FromStr for Listen {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(path) = s.strip_prefix("unix:") {
            if path.is_empty() {
                return Err("unix: needs a path, e.g. unix:/run/vppx/serve.sock".into());
            }
            return Ok(Listen::Unix(PathBuf::from(path)));
        }
        s.parse().map(Listen::Tcp).map_err(|_| {
            format!("{s:?} is neither ADDRESS:PORT (127.0.0.1:9482, [::1]:9482) nor unix:PATH")
        })
    }
}

impl std::fmt::Display for Listen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Listen::Tcp(a) => write!(f, "http://{a}"),
            Listen::Unix(p) => write!(f, "unix:{}", p.display()),
        }
    }
}

/// Everything `vppx serve` was told.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: Listen,
    /// The token's file; `None` makes one at start (see [`token::generate`]).
    pub token_file: Option<PathBuf>,
    pub read_only: bool,
    /// Names besides the listen address and `localhost` that `Host` may carry.
    pub allowed_hosts: Vec<String>,
    pub max_event_streams: usize,
    pub vpp: vpp::VppSettings,
    pub limits: http::Limits,
    pub max_connections: usize,
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
}

/// Why the agent will not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "refusing to listen on non-loopback {0} without --token-file (add --insecure to allow it)"
    )]
    Insecure(SocketAddr),
    #[error("cannot listen on {addr}")]
    Listen {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Token(#[from] TokenError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Checks the listen address against the token policy.
pub fn check_listen(listen: SocketAddr, has_token: bool, insecure: bool) -> Result<(), ServeError> {
    if listen.ip().is_loopback() || has_token || insecure {
        Ok(())
    } else {
        Err(ServeError::Insecure(listen))
    }
}

/// What the agent announces once it listens.
#[derive(Debug)]
pub struct Started {
    /// `http://ADDRESS:PORT` (the port bound) or `unix:PATH`.
    pub listen: String,
    pub token: Token,
}

/// Binds a Unix socket at `path`: its directory made if missing, a stale socket file (no
/// one answering) replaced, mode 0660 so that file permissions decide who may connect.
fn bind_unix(path: &Path) -> Result<tokio::net::UnixListener, ServeError> {
    let fail = |source| ServeError::Listen {
        addr: format!("unix:{}", path.display()),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o750)
            .create(dir)
            .map_err(fail)?;
    }
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if !meta.file_type().is_socket() {
            return Err(fail(std::io::Error::other(
                "the path exists and is not a socket",
            )));
        }
        if std::os::unix::net::UnixStream::connect(path).is_ok() {
            return Err(fail(std::io::Error::other(
                "another server is listening there",
            )));
        }
        std::fs::remove_file(path).map_err(fail)?;
    }
    let listener = tokio::net::UnixListener::bind(path).map_err(fail)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o660)).map_err(fail)?;
    Ok(listener)
}

/// Runs the agent until SIGINT or SIGTERM. `ready` is called once the socket listens.
/// A generated token file and a Unix socket are removed on the way out.
pub fn run(config: Config, insecure: bool, ready: impl FnOnce(&Started)) -> Result<(), ServeError> {
    if let Listen::Tcp(addr) = &config.listen {
        check_listen(*addr, config.token_file.is_some(), insecure)?;
    }
    let given = config.token_file.as_deref().map(token::load).transpose()?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("vppx-serve")
        .build()?;
    let mut cleanup: Vec<PathBuf> = Vec::new();
    let result = rt.block_on(async {
        enum Bound {
            Tcp(tokio::net::TcpListener),
            Unix(tokio::net::UnixListener),
        }
        let (bound, listen, token_name, listen_ip) = match &config.listen {
            Listen::Tcp(addr) => {
                let l = tokio::net::TcpListener::bind(addr)
                    .await
                    .map_err(|source| ServeError::Listen {
                        addr: addr.to_string(),
                        source,
                    })?;
                let a = l.local_addr()?;
                (
                    Bound::Tcp(l),
                    format!("http://{a}"),
                    format!("serve-{}.token", a.port()),
                    Some(a.ip()),
                )
            }
            Listen::Unix(path) => {
                let l = bind_unix(path)?;
                cleanup.push(path.clone());
                let stem = path
                    .file_stem()
                    .map_or("serve".into(), |s| s.to_string_lossy().into_owned());
                (
                    Bound::Unix(l),
                    format!("unix:{}", path.display()),
                    format!("serve-{stem}.token"),
                    None,
                )
            }
        };
        let token = match given {
            Some(t) => t,
            None => {
                let t = token::generate(&token::default_dir()?, &token_name)?;
                cleanup.push(t.path.clone());
                t
            }
        };
        let vpp = vpp::Vpp::start(config.vpp.clone(), metrics::AgentMetrics::default())?;
        let state = http::AppState {
            vpp: Arc::clone(&vpp),
            token: Arc::from(token.secret.as_str()),
            read_only: config.read_only,
            hosts: Arc::new(http::HostPolicy::new(listen_ip, &config.allowed_hosts)),
            event_streams: Arc::new(tokio::sync::Semaphore::new(config.max_event_streams)),
            interface_list: Arc::default(),
        };
        let app = http::app(state, &config.limits);
        ready(&Started { listen, token });
        let (max, header, idle) = (
            config.max_connections,
            config.header_timeout,
            config.idle_timeout,
        );
        match bound {
            Bound::Tcp(l) => http::serve(l, app, max, header, idle, shutdown_signal()).await,
            Bound::Unix(l) => http::serve(l, app, max, header, idle, shutdown_signal()).await,
        }
        vpp.shutdown();
        Ok(())
    });
    rt.shutdown_timeout(Duration::from_secs(1));
    for p in cleanup {
        let _ = std::fs::remove_file(p);
    }
    result
}

async fn shutdown_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    let term = signal(SignalKind::terminate());
    let int = signal(SignalKind::interrupt());
    match (term, int) {
        (Ok(mut term), Ok(mut int)) => {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
        }
        _ => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_loopback_needs_a_token_or_insecure() {
        let any: SocketAddr = "0.0.0.0:9482".parse().unwrap();
        let lo: SocketAddr = "127.0.0.1:9482".parse().unwrap();
        let lo6: SocketAddr = "[::1]:9482".parse().unwrap();
        assert!(check_listen(lo, false, false).is_ok());
        assert!(check_listen(lo6, false, false).is_ok());
        assert!(matches!(
            check_listen(any, false, false),
            Err(ServeError::Insecure(_))
        ));
        assert!(check_listen(any, true, false).is_ok());
        assert!(check_listen(any, false, true).is_ok());
    }
}
