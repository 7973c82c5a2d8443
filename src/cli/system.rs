//! `vppx version` and `vppx cli`.

use super::context::Context;
use crate::ops::system;

pub fn version(ctx: &mut Context) -> crate::error::Result<()> {
    let mut client = ctx.client(&[system::VERSION_MESSAGES])?;
    let v = system::version(&mut client)?;
    let rows = vec![
        vec!["vppx".into(), v.vppx.into()],
        vec!["bindings generated from VPP".into(), v.bindings.into()],
        vec!["VPP".into(), format!("{} {}", v.vpp_program, v.vpp_version)],
        vec!["VPP build date".into(), v.vpp_build_date.clone()],
        vec![
            "bindings this VPP matches".into(),
            format!("{} of {}", v.bindings_matched, v.bindings_total),
        ],
    ];
    ctx.out.print(&v, &["", ""], rows)?;
    client.close()?;
    Ok(())
}

pub fn cli(ctx: &mut Context, command: &str) -> crate::error::Result<()> {
    let mut client = ctx.client(&[system::CLI_MESSAGES])?;
    let reply = system::cli(&mut client, command)?;
    if ctx.out.json {
        ctx.out
            .json_line(&serde_json::json!({ "command": command, "reply": reply }))?;
    } else {
        ctx.out.text(&reply)?;
    }
    client.close()?;
    Ok(())
}
