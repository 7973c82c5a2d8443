//! `vppx serve`: the REST and Prometheus agent.
//!
//! A thin edge over `ops` (style habit 7a): [`http`] parses requests, calls `ops` through
//! [`vpp::Vpp`] and serialises; [`metrics::render`] turns a stats snapshot into the
//! `/metrics` text as a pure function. This module owns the HTTP surface and the
//! connection to VPP it keeps; it does not define what an interface or a route is.
//!
//! Defaults (D8): listen on 127.0.0.1:9482. A non-loopback address needs a token
//! (`--token-file`) unless `--insecure`. With a token, every mutating request needs
//! `Authorization: Bearer <token>`; reads stay open.

pub mod body;
pub mod error;
pub mod http;
mod idle;
pub mod metrics;
pub mod vpp;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

pub use error::ApiError;

/// Everything `vppx serve` was told.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub token: Option<String>,
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
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
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

/// Runs the agent until SIGINT or SIGTERM. `ready` is called with the bound address
/// once the socket listens.
pub fn run(
    config: Config,
    insecure: bool,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    check_listen(config.listen, config.token.is_some(), insecure)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("vppx-serve")
        .build()?;
    let result = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|source| ServeError::Listen {
                addr: config.listen,
                source,
            })?;
        let bound = listener.local_addr()?;
        let vpp = vpp::Vpp::start(config.vpp.clone(), metrics::AgentMetrics::default())?;
        let state = http::AppState {
            vpp: Arc::clone(&vpp),
            token: config.token.as_deref().map(Arc::from),
        };
        let app = http::app(state, &config.limits);
        ready(bound);
        http::serve(
            listener,
            app,
            config.max_connections,
            config.header_timeout,
            config.idle_timeout,
            shutdown_signal(),
        )
        .await;
        vpp.shutdown();
        Ok(())
    });
    rt.shutdown_timeout(Duration::from_secs(1));
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
