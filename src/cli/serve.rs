//! `vppx serve`: flags into an agent configuration, then the agent until SIGINT or
//! SIGTERM. The agent itself lives in `crate::agent`.

use std::time::Duration;

use super::args::ServeArgs;
use super::context::Context;
use super::exit::CliError;
use crate::agent::{self, http::Limits, vpp::VppSettings, Config, ServeError};
use crate::client::Backoff;

fn read_token(path: &std::path::Path) -> Result<String, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::bad_input(format!("cannot read token file {}: {e}", path.display()))
    })?;
    let token = text.trim();
    if token.is_empty() || token.chars().any(char::is_whitespace) {
        return Err(CliError::bad_input(format!(
            "token file {} must hold one token (no spaces)",
            path.display()
        )));
    }
    Ok(token.to_string())
}

pub fn run(ctx: &mut Context, args: ServeArgs) -> crate::error::Result<()> {
    let token = args.token_file.as_deref().map(read_token).transpose()?;
    let config = Config {
        listen: args.listen,
        token,
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
    agent::run(config, args.insecure, |addr| {
        eprintln!(
            "vppx serve: listening on http://{addr} (VPP at {})",
            socket.display()
        );
    })
    .map_err(|e| match e {
        ServeError::Insecure(_) => CliError::bad_input(e.to_string()).into(),
        // The address is taken or not ours: the agent cannot serve.
        e => crate::error::Error::wrap(crate::error::ErrorClass::Unavailable, "vppx serve", e),
    })
}
