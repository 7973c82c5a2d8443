#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser of outside input (see fuzz/README.md).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Installs cargo-fuzz if needed (through scripts/setup-test-deps.sh), builds every
# target once, runs each for SECONDS (default 60) from the committed corpus plus seeds
# made from the project's own data, and prints one line per target: executions,
# executions/s, corpus size, coverage, crashes. Exits 1 if any target crashed, hung or
# ran out of memory; the input is left in fuzz/artifacts/TARGET/.
#
# FUZZ_SANITIZER (default none; or address) picks the build; FUZZ_NICE=1 runs the
# fuzzers at the lowest priority (long runs on a shared machine).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
all=(frame client_protocol model_codec stats_segment route_csv acl_rules rest_bodies sim_cli apply_document)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

scripts/setup-test-deps.sh fuzz

# cargo-fuzz needs nightly flags (-Z sanitizer, sancov); this is how it runs on a
# stable toolchain.
export RUSTC_BOOTSTRAP=1
sanitizer=${FUZZ_SANITIZER:-none}
nice=()
[ "${FUZZ_NICE:-0}" = 1 ] && nice=(nice -n 19)

# Each target's largest input: a segment with room for patches, a schema module, frames.
max_len() {
  case $1 in
    stats_segment) echo 131072 ;;
    model_codec) echo 65536 ;;
    frame | client_protocol | apply_document) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

echo "== building the fuzz targets (sanitizer: $sanitizer)"
(cd fuzz && cargo fuzz build --sanitizer "$sanitizer")

work=fuzz/target/run
rm -rf "$work/seeds"
python3 fuzz/make-seeds.py "$work/seeds" >/dev/null

status=0
for t in "${targets[@]}"; do
  corpus=$work/corpus/$t
  mkdir -p "$corpus" "fuzz/corpus/$t" "$work/seeds/$t" "fuzz/artifacts/$t" "$work/logs"
  log=$work/logs/$t.log
  before=$(find "fuzz/artifacts/$t" -type f | wc -l)
  dict=()
  [ -f "fuzz/dict/$t.dict" ] && dict=("-dict=dict/$t.dict")
  set +e
  (cd fuzz && ${nice[@]+"${nice[@]}"} cargo fuzz run --sanitizer "$sanitizer" "$t" \
    "../$corpus" "corpus/$t" "../$work/seeds/$t" -- \
    -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -close_fd_mask=1 ${dict[@]+"${dict[@]}"}) >"$log" 2>&1
  rc=$?
  set -e
  after=$(find "fuzz/artifacts/$t" -type f | wc -l)
  found=$((after - before))
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -n 1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+).*/\1/p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last")
  if [ "$rc" != 0 ] && [ "$found" = 0 ]; then
    # Failed without leaving an input (a build or harness error): count it, show why.
    found=1
    tail -n 20 "$log" >&2
  fi
  printf '%-16s %12s execs %8s exec/s  corpus %6s  cov %6s  ft %6s  crashes %s\n' \
    "$t" "${execs:-0}" "${rate:-0}" "${corp:-0}" "${cov:-0}" "${ft:-0}" "$found"
  if [ "$found" != 0 ]; then
    status=1
    grep -E 'panicked|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" | head -n 8 >&2 || true
  fi
done
exit "$status"
