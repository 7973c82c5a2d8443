//! The fleet role of `deploy/ansible/`, run for real: ansible-playbook (ansible-core, which
//! scripts/setup-test-deps.sh installs) drives three simulators as three inventory hosts
//! (local connection, one socket pair each). Check mode reports the pending changes and
//! changes nothing; the first run applies them; the second changes nothing on any host;
//! then one host's variables change and only that host changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::desired::mutating;
use crate::harness::{Sim, VPPX};

const HOSTS: [&str; 3] = ["node1", "node2", "node3"];

/// ansible-playbook on PATH, or beside the Python that has ansible-core.
fn ansible_playbook() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("ansible-playbook"))
            .find(|p| p.is_file())
    });
    on_path.or_else(|| {
        let out = Command::new("python3")
            .args([
                "-c",
                "import ansible, sysconfig; print(sysconfig.get_path('scripts'))",
            ])
            .output()
            .ok()?;
        let p = Path::new(String::from_utf8_lossy(&out.stdout).trim()).join("ansible-playbook");
        (out.status.success() && p.is_file()).then_some(p)
    })
}

/// A host's variables, in the document's own vocabulary: its uplink's address and the
/// shared ACL on it, and its routes — one route more when `extra` is given.
fn host_vars(i: usize, extra: Option<&str>) -> String {
    let mut routes = format!(
        "        - {{prefix: 10.{i}.1.0/24, next_hop: 192.0.2.11, interface: pg0}}\n        - {{prefix: 10.{i}.2.0/24, next_hop: 192.0.2.12, interface: pg0}}\n"
    );
    if let Some(prefix) = extra {
        routes +=
            &format!("        - {{prefix: {prefix}, next_hop: 192.0.2.13, interface: pg0}}\n");
    }
    format!(
        "vppx_interfaces:\n  - name: pg0\n    admin: up\n    addresses: [192.0.2.1/24]\n    acls:\n      input: [edge-in]\nvppx_routes:\n  tables:\n    - table: 0\n      routes:\n{routes}"
    )
}

/// What every node shares (group variables): the ACL.
const GROUP_VARS: &str = "vppx_acls:\n  - name: edge-in\n    rules:\n      - deny src 172.16.0.0/12\n      - permit any\n";

struct Fleet {
    sims: Vec<Sim>,
    dir: tempfile::TempDir,
    playbook: PathBuf,
}

/// What the play recap says of one host.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Recap {
    ok: u32,
    changed: u32,
    failed: u32,
}

impl Fleet {
    fn start(playbook: PathBuf) -> Fleet {
        let sims: Vec<Sim> = HOSTS.iter().map(|_| Sim::start()).collect();
        let dir = tempfile::tempdir().expect("temp dir");
        let inv = dir.path().join("inventory");
        std::fs::create_dir_all(inv.join("host_vars")).expect("inventory dir");
        std::fs::create_dir_all(inv.join("group_vars")).expect("inventory dir");
        std::fs::write(inv.join("group_vars/vpp.yml"), GROUP_VARS).expect("group vars");
        let mut hosts = String::new();
        for (h, sim) in HOSTS.iter().zip(&sims) {
            hosts += &format!(
                "    {h}:\n      vppx_socket: {}\n      vppx_stats_socket: {}\n      vppx_document_path: {}\n",
                sim.socket().display(),
                sim.dir.path().join("stats.sock").display(),
                Self::document_in(dir.path(), h).display()
            );
        }
        std::fs::write(
            inv.join("hosts.yml"),
            format!(
                "vpp:\n  vars:\n    ansible_connection: local\n    ansible_python_interpreter: \"{{{{ ansible_playbook_python }}}}\"\n    vppx_binary: {VPPX}\n  hosts:\n{hosts}"
            ),
        )
        .expect("hosts.yml");
        let fleet = Fleet {
            sims,
            dir,
            playbook,
        };
        for (i, h) in HOSTS.iter().enumerate() {
            fleet.set_vars(h, &host_vars(i + 1, None));
        }
        fleet
    }

    fn document_in(dir: &Path, host: &str) -> PathBuf {
        dir.join("nodes").join(host).join("desired.yaml")
    }

    fn document(&self, host: &str) -> PathBuf {
        Self::document_in(self.dir.path(), host)
    }

    fn set_vars(&self, host: &str, vars: &str) {
        let p = self
            .dir
            .path()
            .join("inventory/host_vars")
            .join(format!("{host}.yml"));
        std::fs::write(p, vars).expect("host vars");
    }

    /// Runs the example playbook over the inventory; its output and each host's recap.
    fn play(&self, extra: &[&str]) -> (String, BTreeMap<String, Recap>) {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/ansible");
        let home = self.dir.path().join("ansible-home");
        let out = Command::new(&self.playbook)
            .arg("-i")
            .arg(self.dir.path().join("inventory"))
            .arg(site.join("site.yml"))
            .args(extra)
            .current_dir(&site)
            .env("ANSIBLE_HOME", &home)
            .env("ANSIBLE_LOCAL_TEMP", home.join("tmp"))
            .env("ANSIBLE_REMOTE_TEMP", home.join("remote-tmp"))
            .env("ANSIBLE_NOCOLOR", "1")
            .env("ANSIBLE_RETRY_FILES_ENABLED", "0")
            .env_remove("VPPX_SOCKET")
            .env_remove("VPPX_STATS_SOCKET")
            .stdin(Stdio::null())
            .output()
            .expect("run ansible-playbook");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.success(),
            "ansible-playbook {extra:?}: {}\n{text}",
            out.status
        );
        (text.clone(), recap(&text))
    }

    fn counts(&self) -> Vec<u64> {
        self.sims.iter().map(mutating).collect()
    }
}

/// The PLAY RECAP lines: `node1 : ok=4 changed=2 unreachable=0 failed=0 ...`.
fn recap(text: &str) -> BTreeMap<String, Recap> {
    let re = regex::Regex::new(
        r"(?m)^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)",
    )
    .expect("regex");
    re.captures_iter(text)
        .map(|c| {
            (
                c[1].to_string(),
                Recap {
                    ok: c[2].parse().expect("ok"),
                    changed: c[3].parse().expect("changed"),
                    failed: c[4].parse().expect("failed"),
                },
            )
        })
        .collect()
}

fn prefixes(sim: &Sim) -> Vec<String> {
    sim.vppx(&["--json", "route", "list"])
        .ok()
        .json()
        .as_array()
        .expect("routes")
        .iter()
        .filter(|r| r["source"] == "vppx")
        .map(|r| r["prefix"].as_str().expect("prefix").to_string())
        .collect()
}

#[test]
fn ansible_drives_a_fleet_of_three() {
    let Some(playbook) = ansible_playbook() else {
        return crate::common::skip(
            "ansible-playbook is not installed (scripts/setup-test-deps.sh installs ansible-core)",
        )
        .unwrap_or(());
    };
    let fleet = Fleet::start(playbook);

    // Check mode: every host has changes pending, and they are shown; nothing is written
    // and no simulator received a message that changes state.
    let (text, hosts) = fleet.play(&["--check", "--diff"]);
    assert_eq!(hosts.len(), 3, "{text}");
    for h in HOSTS {
        assert!(hosts[h].changed > 0 && hosts[h].failed == 0, "{h}: {text}");
        assert!(
            !fleet.document(h).exists(),
            "check mode wrote {h}'s document"
        );
    }
    for i in 1..=3 {
        assert!(
            text.contains(&format!("+ route table 0 10.{i}.1.0/24")),
            "the plan: {text}"
        );
    }
    assert_eq!(fleet.counts(), [0, 0, 0], "check mode changed a node");

    // The first run makes every node what its variables say.
    let (text, hosts) = fleet.play(&[]);
    for h in HOSTS {
        assert!(hosts[h].changed > 0 && hosts[h].failed == 0, "{h}: {text}");
        assert!(fleet.document(h).is_file(), "{h}'s document");
    }
    for (i, sim) in fleet.sims.iter().enumerate() {
        let got = prefixes(sim);
        let n = i + 1;
        assert_eq!(
            got,
            [format!("10.{n}.1.0/24"), format!("10.{n}.2.0/24")],
            "node{n}'s routes of our source"
        );
    }
    let applied = fleet.counts();
    assert!(applied.iter().all(|&c| c > 0), "{applied:?}");

    // The second run changes nothing anywhere, and sends nothing that would.
    let (text, hosts) = fleet.play(&[]);
    for h in HOSTS {
        assert_eq!(hosts[h].changed, 0, "{h}: {text}");
        assert!(hosts[h].ok > 0, "{h}: {text}");
    }
    assert_eq!(fleet.counts(), applied, "a second run sent changes");

    // One host gains a route: only that host changes.
    fleet.set_vars("node2", &host_vars(2, Some("10.2.9.0/24")));
    let (text, hosts) = fleet.play(&[]);
    assert_eq!(hosts["node1"].changed, 0, "{text}");
    assert!(hosts["node2"].changed > 0, "{text}");
    assert_eq!(hosts["node3"].changed, 0, "{text}");
    let now = fleet.counts();
    assert_eq!((now[0], now[2]), (applied[0], applied[2]), "{text}");
    assert!(now[1] > applied[1]);
    assert_eq!(
        prefixes(&fleet.sims[1]),
        ["10.2.1.0/24", "10.2.2.0/24", "10.2.9.0/24"]
    );
    assert!(std::fs::read_to_string(fleet.document("node2"))
        .expect("node2's document")
        .contains("10.2.9.0/24"));
}
