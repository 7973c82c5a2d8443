#!/usr/bin/env bash
# `vppx route load --replace` with N managed routes (default 1,000,000), against the
# simulator (release build, default connections and window):
#   - the first load of the whole file into a FIB that has none of them;
#   - the same file again, unchanged: how many requests that change state the simulator
#     received (its `sim api-counters`; the goal is none), and its time beside one
#     listing of the FIB (`vppx --json route list --table 0`, every route there but
#     VPP's few own entries being ours);
#   - a 1% change: 0.5% of the routes with another next hop, 0.25% dropped, 0.25% new.
# Each with the peak RSS of vppx (its own, from wait4).
#
# usage: scripts/bench-replace.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
cargo build --release --quiet
vppx=target/release/vppx

dir=$(mktemp -d)
sim=
stop_sim() {
  if [ -n "$sim" ]; then
    kill "$sim" 2>/dev/null || true
    wait "$sim" 2>/dev/null || true
    sim=
  fi
}
trap 'stop_sim; rm -rf "$dir"' EXIT
python3 - "$n" "$dir" <<'PY'
import ipaddress, sys
n, d = int(sys.argv[1]), sys.argv[2]
base = int(ipaddress.ip_address("10.0.0.0"))
def prefix(i):
    return f"{ipaddress.ip_address(base + (i << 8))}/24"
with open(f"{d}/full.csv", "w") as full, open(f"{d}/changed.csv", "w") as changed:
    for f in (full, changed):
        f.write("prefix,next_hop,interface\n")
    for i in range(n):
        full.write(f"{prefix(i)},192.0.2.2,pg0\n")
        # Of every 400 routes: two get another next hop, one is dropped, and one new is added.
        k = i % 400
        if k in (0, 200):
            changed.write(f"{prefix(i)},192.0.2.3,pg0\n")
        elif k == 100:
            continue
        else:
            if k == 300:
                changed.write(f"{prefix(n + i)},192.0.2.2,pg0\n")
            changed.write(f"{prefix(i)},192.0.2.2,pg0\n")
PY

# Every route's counters live in the stats segment: room for a million and more.
"$vppx" sim --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" --interfaces pg0,pg1 \
  --statseg-size 1G 2>/dev/null &
sim=$!
for _ in $(seq 1 200); do
  [ -S "$dir/api.sock" ] && break
  kill -0 "$sim" 2>/dev/null || { echo "vppx sim did not start" >&2; exit 1; }
  sleep 0.05
done
[ -S "$dir/api.sock" ] || { echo "vppx sim did not open its socket in 10 s" >&2; exit 1; }
"$vppx" --socket "$dir/api.sock" iface configure pg0 192.0.2.1/24 >/dev/null

python3 - "$vppx" "$dir" "$n" <<'PY'
import json, os, subprocess, sys, time
vppx, d, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = [vppx, "--socket", f"{d}/api.sock", "--stats-socket", f"{d}/stats.sock"]

def measured(*args, keep=True):
    """Runs vppx: its stdout (or None), wall time and peak RSS in MiB (its own, from
    wait4). A child's peak RSS starts from what this process held when it forked, so
    nothing large is kept here: a listing's output goes straight to /dev/null."""
    t = time.monotonic()
    p = subprocess.Popen(base + list(args), stderr=subprocess.DEVNULL,
                         stdout=subprocess.PIPE if keep else subprocess.DEVNULL)
    out = p.stdout.read() if keep else None
    _, status, ru = os.wait4(p.pid, 0)
    secs = time.monotonic() - t
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"vppx {' '.join(args)}: exit {code}")
    return out, secs, ru.ru_maxrss / 1024

def mutating():
    out, _, _ = measured("cli", "sim api-counters")
    return int(out.decode().split(":")[1])

def replace(name):
    before = mutating()
    out, secs, rss = measured("--json", "route", "load", "--replace", f"{d}/{name}")
    s = json.loads(out)
    sent = mutating() - before
    return s, secs, rss, sent

def line(label, s, secs, rss, sent):
    print(f"{label:<27} {secs:6.2f} s, peak RSS {rss:5.1f} MiB, {sent} mutating requests "
          f"(+{s['added']} ~{s['changed']} -{s['removed']} ={s['unchanged']})")

print(f"routes:                     {n}")
full = replace("full.csv")
line("first load (--replace):", *full)
again = replace("full.csv")
line("unchanged, again:", *again)
_, dump_secs, dump_rss = measured("--json", "route", "list", "--table", "0", keep=False)
print(f"{'route list --table 0:':<27} {dump_secs:6.2f} s, peak RSS {dump_rss:5.1f} MiB")
one = replace("changed.csv")
line("1% changed:", *one)
mib = 128
print(f"goals: unchanged sends nothing: {'met' if again[3] == 0 else 'MISSED'}; "
      f"unchanged <= listing + 10%: {again[1] / dump_secs:.2f}x, "
      f"{'met' if again[1] <= dump_secs * 1.1 else 'MISSED'}; "
      f"1% <= 25% of the first load: {one[1] / full[1] * 100:.0f}%, "
      f"{'met' if one[1] <= full[1] * 0.25 else 'MISSED'}; "
      f"peak RSS <= {mib} MiB: "
      f"{'met' if max(full[2], again[2], one[2]) <= mib else 'MISSED'}")
PY
