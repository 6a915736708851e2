#!/usr/bin/env bash
# Speed of trajc's JSON Schema validation against Debian's python3-jsonschema, in one run on
# the same instances, at two levels, for four workloads:
#   real         every tool call of a dataset compiled per domain (trajc --domain D --count N),
#                grouped by tool, against that tool's parameters schema (one schema per tool);
#   synthetic    a nested schema with $ref/$defs, patterns, anyOf/oneOf, enums, arrays of
#                objects; SYNTH instances, about one in ten invalid;
#   metaschema   the draft 2020-12 metaschema ($dynamicRef, vocabularies) over every schema of
#                the JSON-Schema-Test-Suite's draft2020-12 files, COPIES times;
#   unevaluated  allOf + if/then/else + unevaluatedProperties: false; UNEVAL instances.
# Levels:
#   end to end   whole processes, one per schema on each side, start-up included:
#                `trajc schemas validate SCHEMA FILE.jsonl --jsonl` against python3 reading the
#                same JSONL, json.loads and iter_errors on every line. Both report every error;
#                the counts of invalid instances must agree, else the bench fails.
#   validator    instances parsed beforehand (not timed): CompiledSchema::IsValid
#                (build/tests/unit/schema/schema_bench, best of REPEAT) against is_valid on a
#                pre-loaded list; the valid counts must agree.
# CPU time (user + sys) is the primary measure, the machine being shared; wall is shown too.
#   bench/schema_speed.sh    (BUILD=build, COUNT=20000 examples per domain, SYNTH=100000,
#                             COPIES=20, UNEVAL=20000, REPEAT=3, TRAJC_JSON_SCHEMA_TEST_SUITE)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
trajc=$build/trajc
bench=$build/tests/unit/schema/schema_bench
[ -x "$trajc" ] || { echo "$trajc: not built" >&2; exit 2; }
[ -x "$bench" ] || { echo "$bench: not built (ninja -C $build schema_bench)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time: missing (apt-get install time)" >&2; exit 2; }
suite=${TRAJC_JSON_SCHEMA_TEST_SUITE:-/usr/share/perl5/auto/share/dist/Test-JSON-Schema-Acceptance}
[ -d "$suite/tests/draft2020-12" ] || { echo "$suite: no JSON-Schema-Test-Suite (libtest-json-schema-acceptance-perl)" >&2; exit 2; }
count=${COUNT:-20000}
synth=${SYNTH:-100000}
copies=${COPIES:-20}
uneval=${UNEVAL:-20000}
repeat=${REPEAT:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
peer=bench/schema_speed_peer.py
py=/usr/bin/python3

datasets=()
for domain in lint docstring test sample_data; do
  "$trajc" --domain "$domain" --count "$count" --split 1 --seed 7 --out "$tmp/data/$domain" -q
  datasets+=("$tmp/data/$domain/train.jsonl")
done
mkdir -p "$tmp/real" "$tmp/synthetic" "$tmp/metaschema" "$tmp/unevaluated"
$py "$peer" extract "$tmp/real" "${datasets[@]}"
$py "$peer" synthetic "$tmp/synthetic" "$synth"
$py "$peer" metaschema "$tmp/metaschema" "$suite" "$copies"
$py "$peer" unevaluated "$tmp/unevaluated" "$uneval"

# timed OUT -- command...: runs it, stdout to OUT, stderr to OUT.err; prints "wall cpu" (seconds,
# cpu = user + sys) of the whole process. Exit codes 0 and 1 (invalid found) are fine.
timed() {
  local out=$1 rc=0
  shift 2
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" >"$out" 2>"$out.err" || rc=$?
  [ "$rc" -le 1 ] || { echo "failed ($rc): $*" >&2; head -3 "$out.err" >&2; exit 1; }
  # the last line: /usr/bin/time puts "Command exited with non-zero status 1" before it
  awk 'END { printf "%s %.2f\n", $1, $2 + $3 }' "$tmp/time"
}

add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a + b }'; }

# row LABEL LEVEL N INVALID TRAJC_CPU TRAJC_WALL PY_CPU PY_WALL
row() {
  awk -v label="$1" -v level="$2" -v n="$3" -v inv="$4" -v tc="$5" -v tw="$6" -v pc="$7" -v pw="$8" 'BEGIN {
    tc = tc > 0.001 ? tc : 0.001; tw = tw > 0.001 ? tw : 0.001
    printf "%-34s %-10s %8d %6d | %6.2f %6.2f %9.0f | %6.2f %6.2f %7.0f | %6.1fx %6.1fx\n",
      label, level, n, inv, tc, tw, n / tc, pc, pw, n / pc, pc / tc, pw / tw
  }'
}

# run_set DIR LABEL: every <name>.schema.json + <name>.jsonl in DIR, one process per schema
# on each side, at both levels; prints one row per level.
run_set() {
  local dir=$1 label=$2 n=0 invalid=0 valid=0
  local e_tw=0 e_tc=0 e_pw=0 e_pc=0 v_tw=0 v_tc=0 v_pw=0 v_pc=0 w c
  for schema in "$dir"/*.schema.json; do
    local jsonl=${schema%.schema.json}.jsonl name
    name=$(basename "$schema")
    # End to end.
    read -r w c < <(timed "$tmp/trajc.out" -- "$trajc" schemas validate "$schema" "$jsonl" --jsonl)
    e_tw=$(add "$e_tw" "$w"); e_tc=$(add "$e_tc" "$c")
    # "trajc: N instance(s) in 1 file(s): all valid" or "...: K invalid (...)"
    local inv
    inv=$(tail -1 "$tmp/trajc.out.err" | sed -n 's/.*: \([0-9]*\) invalid.*/\1/p')
    inv=${inv:-0}
    read -r w c < <(timed "$tmp/py.out" -- $py "$peer" validate "$schema" "$jsonl")
    e_pw=$(add "$e_pw" "$w"); e_pc=$(add "$e_pc" "$c")
    local p_n p_i
    read -r p_n p_i _ <"$tmp/py.out"
    if [ "$inv" != "$p_i" ]; then
      echo "MISMATCH on $name: trajc $inv invalid, python-jsonschema $p_i invalid" >&2
      exit 1
    fi
    # Validator only.
    local t_n t_v t_c t_w p_v p_c p_w
    read -r t_n t_v t_c t_w < <("$bench" "$schema" "$jsonl" "$repeat")
    read -r _ p_v p_c p_w < <($py "$peer" isvalid "$schema" "$jsonl")
    if [ "$t_v" != "$p_v" ] || [ "$t_n" != "$p_n" ] || [ "$t_v" != $((p_n - p_i)) ]; then
      echo "MISMATCH on $name: IsValid $t_v of $t_n valid, is_valid $p_v of $p_n, iter_errors $((p_n - p_i))" >&2
      exit 1
    fi
    v_tc=$(add "$v_tc" "$t_c"); v_tw=$(add "$v_tw" "$t_w")
    v_pc=$(add "$v_pc" "$p_c"); v_pw=$(add "$v_pw" "$p_w")
    n=$((n + p_n)); invalid=$((invalid + p_i)); valid=$((valid + t_v))
  done
  row "$label" "end to end" "$n" "$invalid" "$e_tc" "$e_tw" "$e_pc" "$e_pw"
  row "$label" "validator" "$n" "$invalid" "$v_tc" "$v_tw" "$v_pc" "$v_pw"
}

echo "cpu = user + sys seconds, inst/s on cpu; end to end: whole processes, one per schema on each side;"
echo "validator: IsValid / is_valid on instances parsed beforehand (trajc best of $repeat)"
printf "%-34s %-10s %8s %6s | %6s %6s %9s | %6s %6s %7s | %7s %7s\n" "workload" "level" "instances" "invalid" \
  "cpu" "wall" "trajc/s" "py cpu" "wall" "py/s" "cpu x" "wall x"
run_set "$tmp/real" "real calls ($(ls "$tmp"/real/*.jsonl | wc -l) tools, 4 domains)"
run_set "$tmp/synthetic" "synthetic"
run_set "$tmp/metaschema" "metaschema (suite x$copies)"
run_set "$tmp/unevaluated" "unevaluated"
# trajc exits 1 here (the set has invalid instances); /usr/bin/time's last line is the peak RSS in KB.
peak=$({ /usr/bin/time -f "%M" "$trajc" schemas validate "$tmp/synthetic/synthetic.schema.json" \
  "$tmp/synthetic/synthetic.jsonl" --jsonl -q 2>&1 >/dev/null || true; } | tail -1)
echo "trajc peak RSS on the synthetic set: $((peak / 1024)) MiB ($(du -m "$tmp/synthetic/synthetic.jsonl" | cut -f1) MiB of JSONL, streamed)"
