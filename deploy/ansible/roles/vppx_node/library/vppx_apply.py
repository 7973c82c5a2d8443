#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Ansible module: make a VPP node what a vppx desired-state document says."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: vppx_apply
short_description: Make a VPP node what a vppx desired-state document says
description:
  - Runs C(vppx apply) on the host. In check mode it runs C(vppx apply --plan), which
    changes nothing, and reports the changes pending.
  - C(changed) comes from vppx's own report (C(summary.total)), never from whether the
    document file changed, so a node that drifted from its document is put back and
    reported changed, and a node that matches it reports no change.
options:
  src:
    description: The document on the host (written by the task before this one).
    type: path
    required: true
  content:
    description:
      - The document's text, to plan in check mode, where the task that writes
        I(src) did not write it. Ignored outside check mode.
    type: str
  vppx:
    description: The vppx binary (a name looked up in PATH, or a path).
    type: str
    default: vppx
  socket:
    description: VPP's binary-API socket (vppx --socket); vppx's default when omitted.
    type: path
  stats_socket:
    description: VPP's stats socket (vppx --stats-socket); vppx's default when omitted.
    type: path
supports_check_mode: true
"""

RETURN = r"""
changes:
  description: "Every change made (or, in check mode, pending): {action, kind, target}."
  type: list
  returned: always
summary:
  description: "Counts: {add, change, remove, total}."
  type: dict
  returned: always
applied:
  description: Whether vppx made the changes (false in check mode).
  type: bool
  returned: always
"""

import json
import os

from ansible.module_utils.basic import AnsibleModule

MARKS = {"add": "+", "change": "~", "remove": "-"}


def shown(value):
    if isinstance(value, list):
        return "[%s]" % ", ".join(str(v) for v in value)
    return str(value)


def plan_text(changes):
    """The changes as vppx's plan marks them, one line each (`~ interface pg0 admin: down
    → up`)."""
    lines = []
    for c in changes:
        line = "%s %s %s" % (MARKS.get(c.get("action"), "?"), c.get("kind", ""), c.get("target", ""))
        if "to" in c:
            field = (" " + c["field"]) if c.get("field") else ""
            line += "%s: %s → %s" % (field, shown(c.get("from")), shown(c["to"]))
        lines.append(line + "\n")
    return "".join(lines)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            src=dict(type="path", required=True),
            content=dict(type="str"),
            vppx=dict(type="str", default="vppx"),
            socket=dict(type="path"),
            stats_socket=dict(type="path"),
        ),
        supports_check_mode=True,
    )
    p = module.params
    vppx = p["vppx"] if os.sep in p["vppx"] else module.get_bin_path(p["vppx"], required=True)
    cmd = [vppx]
    if p["socket"]:
        cmd += ["--socket", p["socket"]]
    if p["stats_socket"]:
        cmd += ["--stats-socket", p["stats_socket"]]
    cmd += ["--json", "apply"]

    document = p["src"]
    if module.check_mode:
        cmd.append("--plan")
        if p["content"] is not None:
            # The template task did not write the file in check mode: plan what it would
            # have written, from a private copy that goes with the module's temp dir.
            document = os.path.join(module.tmpdir, "desired.yaml")
            with open(document, "w") as f:
                f.write(p["content"])
    cmd.append(document)

    rc, out, err = module.run_command(cmd)
    try:
        report = json.loads(out) if out.strip() else None
    except ValueError:
        report = None
    if rc != 0 or not isinstance(report, dict):
        module.fail_json(
            msg="%s failed (exit %d): %s" % (" ".join(cmd), rc, err.strip() or out.strip()),
            rc=rc,
            cmd=cmd,
            report=report,
            stdout=out,
            stderr=err,
        )

    summary = report.get("summary") or {}
    changes = report.get("changes") or []
    result = dict(
        changed=summary.get("total", 0) > 0,
        applied=bool(report.get("applied")),
        summary=summary,
        changes=changes,
        cmd=cmd,
    )
    if module._diff and changes:
        result["diff"] = dict(prepared=plan_text(changes))
    module.exit_json(**result)


if __name__ == "__main__":
    main()
