//! `vppx serve`: flags into an agent configuration, then the agent until SIGINT or
//! SIGTERM. The agent itself lives in `crate::agent`.

use std::time::Duration;

use super::args::ServeArgs;
use super::context::Context;
use super::exit::CliError;
use crate::agent::metrics_routes::RouteMetrics;
use crate::agent::{self, http::Limits, vpp::VppSettings, Config, ServeError};
use crate::client::Backoff;

pub fn run(ctx: &mut Context, args: ServeArgs) -> crate::error::Result<()> {
    let config = Config {
        listen: args.listen,
        token_file: args.token_file,
        read_only: args.read_only,
        allowed_hosts: args.allowed_host,
        max_event_streams: args.max_event_streams.into(),
        vpp: VppSettings {
            socket: ctx.socket.clone(),
            stats_socket: ctx.stats_socket.clone(),
            connect: ctx.connect.clone(),
            poll: args.poll,
            api_connections: args.api_connections.into(),
            share_window: Duration::from_millis(250).min(args.poll),
            backoff: Backoff {
                initial: Duration::from_millis(100),
                max: Duration::from_secs(5),
                attempts: None,
            },
            routes: RouteMetrics {
                named: args.route_metrics,
                top: args.route_metrics_top.into(),
                refresh: args.route_metrics_refresh,
            },
        },
        limits: Limits {
            body_bytes: args.max_body,
            request_timeout: args.request_timeout,
        },
        max_connections: 1024,
        header_timeout: Duration::from_secs(10),
        idle_timeout: Duration::from_secs(60),
    };
    let socket = ctx.socket.clone();
    agent::run(config, args.insecure, |s| {
        eprintln!(
            "vppx serve: listening on {} (VPP at {})",
            s.listen,
            socket.display()
        );
        eprintln!(
            "vppx serve: changes need Authorization: Bearer <the token in {}>{}",
            s.token.path.display(),
            if s.token.generated {
                " (made at start)"
            } else {
                ""
            }
        );
    })
    .map_err(|e| match e {
        ServeError::Insecure(_) | ServeError::Token(agent::TokenError::Bad { .. }) => {
            CliError::bad_input(e.to_string()).into()
        }
        // The address is taken or not ours: the agent cannot serve.
        e => crate::error::Error::wrap(crate::error::ErrorClass::Unavailable, "vppx serve", e),
    })
}
