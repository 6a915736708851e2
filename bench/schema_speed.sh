#!/usr/bin/env bash
# Speed of `trajc schemas validate --jsonl` against Debian's python3-jsonschema, in one run
# on the same instances, one process per schema on each side (schema compiled once):
#   (a) real tool-call arguments: every call of a dataset compiled per domain
#       (trajc --domain D --count N), grouped by tool, against that tool's parameters schema;
#   (b) a synthetic stress set: a nested schema with $ref/$defs, patterns, anyOf/oneOf,
#       enums, arrays of objects; SYNTH instances, about one in ten invalid.
# Both sides report every error of every instance (trajc prints them, Python's iter_errors
# yields them); the counts of invalid instances must agree, else the bench fails. trajc is
# timed as a whole process (start-up included), Python from compiling the schema to the
# last instance (interpreter start-up and imports excluded).
#   bench/schema_speed.sh    (BUILD=build, COUNT=20000 examples per domain, SYNTH=100000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
trajc=$build/trajc
[ -x "$trajc" ] || { echo "$trajc: not built" >&2; exit 2; }
count=${COUNT:-20000}
synth=${SYNTH:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
peer=bench/schema_speed_peer.py

datasets=()
for domain in lint docstring test sample_data; do
  "$trajc" --domain "$domain" --count "$count" --split 1 --seed 7 --out "$tmp/data/$domain" -q
  datasets+=("$tmp/data/$domain/train.jsonl")
done
mkdir -p "$tmp/real" "$tmp/synthetic"
/usr/bin/python3 "$peer" extract "$tmp/real" "${datasets[@]}"
/usr/bin/python3 "$peer" synthetic "$tmp/synthetic" "$synth"

[ -x /usr/bin/time ] || { echo "/usr/bin/time: missing (apt-get install time)" >&2; exit 2; }

# timed OUT -- command...: runs it, stdout to OUT, stderr to OUT.err; appends "wall cpu" (seconds,
# cpu = user + sys) of the whole process to $tmp/times. Exit codes 0 and 1 (invalid found) are fine.
timed() {
  local out=$1 rc=0
  shift 2
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" >"$out" 2>"$out.err" || rc=$?
  [ "$rc" -le 1 ] || { echo "failed ($rc): $*" >&2; head -3 "$out.err" >&2; exit 1; }
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$tmp/time" >>"$tmp/times"
}

# run_set DIR LABEL: every <name>.schema.json + <name>.jsonl in DIR, one process per schema
# on each side; prints the totals and the ratios.
run_set() {
  local dir=$1 label=$2 n=0 t_inv=0 p_inv=0
  : >"$tmp/times.trajc"; : >"$tmp/times.py"
  for schema in "$dir"/*.schema.json; do
    local jsonl=${schema%.schema.json}.jsonl
    timed "$tmp/trajc.out" -- "$trajc" schemas validate "$schema" "$jsonl" --jsonl
    mv "$tmp/times" "$tmp/t" && cat "$tmp/t" >>"$tmp/times.trajc"
    # "trajc: N instance(s) in 1 file(s): all valid" or "...: K invalid (...)"
    local inv
    inv=$(tail -1 "$tmp/trajc.out.err" | sed -n 's/.*: \([0-9]*\) invalid.*/\1/p')
    inv=${inv:-0}
    timed "$tmp/py.out" -- /usr/bin/python3 "$peer" validate "$schema" "$jsonl"
    mv "$tmp/times" "$tmp/t" && cat "$tmp/t" >>"$tmp/times.py"
    read -r p_n p_i _ _ <"$tmp/py.out"
    if [ "$inv" != "$p_i" ]; then
      echo "MISMATCH on $(basename "$schema"): trajc $inv invalid, python-jsonschema $p_i invalid" >&2
      exit 1
    fi
    n=$((n + p_n)); t_inv=$((t_inv + inv)); p_inv=$((p_inv + p_i))
  done
  local tw tc pw pc
  read -r tw tc < <(awk '{ w += $1; c += $2 } END { print w, c }' "$tmp/times.trajc")
  read -r pw pc < <(awk '{ w += $1; c += $2 } END { print w, c }' "$tmp/times.py")
  awk -v label="$label" -v n="$n" -v inv="$t_inv" -v tw="$tw" -v tc="$tc" -v pw="$pw" -v pc="$pc" 'BEGIN {
    tc = tc > 0.01 ? tc : 0.01; tw = tw > 0.01 ? tw : 0.01
    printf "%-30s %9d %7d | %6.2f %6.2f %10.0f | %6.2f %6.2f %8.0f | %6.1fx %6.1fx\n",
      label, n, inv, tc, tw, n / tc, pc, pw, n / pc, pc / tc, pw / tw
  }'
}

echo "whole processes, one per schema on each side; cpu = user + sys seconds; inst/s on cpu time"
printf "%-30s %9s %7s | %6s %6s %10s | %6s %6s %8s | %7s %7s\n" "set" "instances" "invalid" "cpu" "wall" "trajc/s" \
  "py cpu" "wall" "py/s" "cpu x" "wall x"
run_set "$tmp/real" "real calls ($(ls "$tmp"/real/*.jsonl | wc -l) tools, 4 domains)"
run_set "$tmp/synthetic" "synthetic ($synth)"
# trajc exits 1 here (the set has invalid instances); /usr/bin/time's last line is the peak RSS in KB.
peak=$({ /usr/bin/time -f "%M" "$trajc" schemas validate "$tmp/synthetic/synthetic.schema.json" \
  "$tmp/synthetic/synthetic.jsonl" --jsonl -q 2>&1 >/dev/null || true; } | tail -1)
echo "trajc peak RSS on the synthetic set: $((peak / 1024)) MiB ($(du -m "$tmp/synthetic/synthetic.jsonl" | cut -f1) MiB of JSONL, streamed)"
