//! `vppx iface ...`.

use super::args::{AddrCommand, CreateKind, IfaceCommand};
use super::context::Context;
use super::exit::CliError;
use crate::ops::iface::{self, IfMissing, Interface};
use crate::wire::MacAddress;

const HEADERS: &[&str] = &["index", "name", "admin", "link", "mac", "mtu", "addresses"];

fn state(up: bool) -> String {
    if up { "up" } else { "down" }.to_string()
}

fn row(i: &Interface) -> Vec<String> {
    vec![
        i.sw_if_index.to_string(),
        i.name.clone(),
        state(i.admin_up),
        state(i.link_up),
        i.mac.to_string(),
        i.mtu.to_string(),
        i.addresses
            .iter()
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    ]
}

fn show_one(ctx: &Context, i: &Interface) -> crate::error::Result<()> {
    ctx.out.print(i, HEADERS, vec![row(i)])?;
    Ok(())
}

fn parse_mac(mac: Option<String>) -> Result<Option<MacAddress>, CliError> {
    mac.map(|m| {
        m.parse::<MacAddress>()
            .map_err(|e| CliError::bad_input(e.to_string()))
    })
    .transpose()
}

pub fn run(ctx: &mut Context, cmd: IfaceCommand) -> crate::error::Result<()> {
    // Bad input is found before anything is sent (see docs/design.md, “Exit codes”).
    let address = match &cmd {
        IfaceCommand::Addr {
            command: AddrCommand::Add { prefix, .. } | AddrCommand::Del { prefix, .. },
        }
        | IfaceCommand::Configure { prefix, .. } => Some(iface::parse_address(prefix)?),
        _ => None,
    };
    let mac = match &cmd {
        IfaceCommand::Create {
            kind: CreateKind::Loopback { mac, .. },
        } => parse_mac(mac.clone())?,
        _ => None,
    };
    let mut client = ctx.client(&[iface::MESSAGES])?;
    match cmd {
        IfaceCommand::List => {
            let all = iface::list(&mut client)?;
            ctx.out
                .print(&all, HEADERS, all.iter().map(row).collect())?;
        }
        IfaceCommand::Show { name } => show_one(ctx, &iface::find(&mut client, &name)?)?,
        IfaceCommand::Up { name } => show_one(ctx, &iface::set_admin(&mut client, &name, true)?)?,
        IfaceCommand::Down { name } => {
            show_one(ctx, &iface::set_admin(&mut client, &name, false)?)?
        }
        IfaceCommand::Addr { command } => {
            if let Some(prefix) = address {
                let iface = match command {
                    AddrCommand::Add { name, .. } => {
                        iface::add_address(&mut client, &name, prefix)?
                    }
                    AddrCommand::Del { name, .. } => {
                        iface::del_address(&mut client, &name, prefix, IfMissing::Fail)?
                    }
                };
                show_one(ctx, &iface)?;
            }
        }
        IfaceCommand::Configure { name, .. } => {
            if let Some(prefix) = address {
                show_one(ctx, &iface::configure(&mut client, &name, prefix)?)?;
            }
        }
        IfaceCommand::Create {
            kind: CreateKind::Loopback { instance, .. },
        } => {
            show_one(ctx, &iface::create_loopback(&mut client, mac, instance)?)?;
        }
        IfaceCommand::Delete { name } => show_one(ctx, &iface::delete(&mut client, &name)?)?,
    }
    client.close()?;
    Ok(())
}
