//! `vppx acl ...`: drop rules (VPP's acl plugin). Rules are parsed, and names checked,
//! before anything is sent (see docs/design.md, “Exit codes”): a bad rule is exit 2 and VPP is left
//! as it was.

use super::args::{AclCommand, ApplyDirection, DetachDirection};
use super::context::Context;
use crate::ops::acl::{self, Acl, Direction, InterfaceAcls, Rule};
use crate::ops::input::{read_text, MAX_INPUT};
use crate::ops::OpsError;

/// Reads the rules of `--file FILE` (`-`: standard input).
fn read_file(file: &str) -> Result<Vec<Rule>, OpsError> {
    let text = read_text(file, MAX_INPUT)
        .map_err(|e| OpsError::BadInput(format!("cannot read {file}: {e}")))?;
    acl::parse_file(&text).map_err(|e| match e {
        OpsError::BadInput(m) => OpsError::BadInput(
            m.lines()
                .map(|l| format!("{file}: {l}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        e => e,
    })
}

fn dash(v: &[String]) -> String {
    if v.is_empty() {
        "-".to_string()
    } else {
        v.join(", ")
    }
}

fn port_text(r: (u16, u16)) -> String {
    if r == (0, u16::MAX) {
        "any".to_string()
    } else if r.0 == r.1 {
        r.0.to_string()
    } else {
        format!("{}-{}", r.0, r.1)
    }
}

/// An ACL's heading line and its rules as a table, then the implicit deny.
fn print_acl(ctx: &Context, heading: &str, a: &Acl) -> crate::error::Result<()> {
    let rows = a
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![
                i.to_string(),
                r.action.to_string(),
                r.src.to_string(),
                r.dst.to_string(),
                acl::proto_name(r.proto),
                port_text(r.sport),
                port_text(r.dport),
            ];
            if r.tcp_flags != (0, 0) {
                row[4] = format!("{} flags {}/{}", row[4], r.tcp_flags.0, r.tcp_flags.1);
            }
            row
        })
        .collect();
    let applied = if a.applied.is_empty() {
        "not applied".to_string()
    } else {
        format!("applied to {}", a.applied.describe())
    };
    let table = super::output::table(
        &["#", "action", "src", "dst", "proto", "sport", "dport"],
        rows,
    );
    ctx.out.text(&format!(
        "{heading}ACL {} (index {}), {applied}\n{table}\nthen: deny everything else (the implicit deny)\n",
        a.name, a.acl_index
    ))?;
    Ok(())
}

fn print_interface(ctx: &Context, i: &InterfaceAcls) -> crate::error::Result<()> {
    ctx.out.print(
        i,
        &["interface", "input ACLs", "output ACLs"],
        vec![vec![i.interface.clone(), dash(&i.input), dash(&i.output)]],
    )?;
    Ok(())
}

pub fn run(ctx: &mut Context, cmd: AclCommand) -> crate::error::Result<()> {
    // Bad input is found before anything is sent (see docs/design.md, “Exit codes”).
    let rules = match &cmd {
        AclCommand::Set { name, rules, file } => {
            acl::validate_name(name)?;
            Some(match file {
                Some(f) => read_file(f)?,
                None => acl::parse_args(rules)?,
            })
        }
        _ => None,
    };
    let mut client = ctx.client(&[acl::MESSAGES])?;
    match cmd {
        AclCommand::Set { name, .. } => {
            let r = acl::set(&mut client, &name, rules.as_deref().unwrap_or_default())?;
            if ctx.out.json {
                ctx.out.json_line(&r)?;
            } else {
                let heading = if r.created {
                    "created "
                } else {
                    "replaced in place: "
                };
                print_acl(ctx, heading, &r.acl)?;
            }
        }
        AclCommand::List => {
            let all = acl::list(&mut client)?;
            let rows = all
                .iter()
                .map(|a| {
                    vec![
                        a.acl_index.to_string(),
                        a.name.clone(),
                        a.rules.len().to_string(),
                        if a.applied.is_empty() {
                            "-".to_string()
                        } else {
                            a.applied.describe()
                        },
                    ]
                })
                .collect();
            ctx.out
                .print(&all, &["index", "name", "rules", "applied to"], rows)?;
        }
        AclCommand::Show { name } => {
            let a = acl::find(&mut client, &name)?;
            if ctx.out.json {
                ctx.out.json_line(&a)?;
            } else {
                print_acl(ctx, "", &a)?;
            }
        }
        AclCommand::Delete { name, force } => {
            let d = acl::delete(&mut client, &name, force)?;
            if ctx.out.json {
                ctx.out.json_line(&d)?;
            } else {
                let mut text = format!("deleted ACL {} (index {})", d.name, d.acl_index);
                if !d.detached.is_empty() {
                    text.push_str(&format!(
                        ", after detaching it from {}",
                        d.detached.describe()
                    ));
                }
                ctx.out.text(&format!("{text}\n"))?;
            }
        }
        AclCommand::Apply {
            name,
            iface,
            direction: ApplyDirection { output, .. },
        } => {
            let dir = if output {
                Direction::Output
            } else {
                Direction::Input
            };
            print_interface(ctx, &acl::apply(&mut client, &name, &iface, dir)?)?;
        }
        AclCommand::Detach {
            name,
            iface,
            direction: DetachDirection { input, output },
        } => {
            let dir = match (input, output) {
                (true, _) => Some(Direction::Input),
                (_, true) => Some(Direction::Output),
                _ => None,
            };
            print_interface(ctx, &acl::detach(&mut client, &name, &iface, dir)?)?;
        }
    }
    client.close()?;
    Ok(())
}
