#!/usr/bin/env bash
# Emission at scale: examples/s, MB/s and peak RSS of `trajc generate` for each domain at
# COUNT examples (default 1,000,000) and at COUNT/10, so that a flat RSS shows memory does
# not grow with --count. Then the lint peer, a straightforward Python generator of the same
# lint trajectories written with Pydantic models + jsonschema (bench/peer_lint_pydantic.py),
# measured in the same run, and the ratio.
#   bench/emission_throughput.sh [COUNT] [DOMAIN...]      JOBS=1 (default) or more
# Past a split's distinct capacity examples repeat (re-keyed from compile/repeat_cache), so the
# ratio is printed twice: at COUNT, and within capacity (every example compiled in full).
set -euo pipefail
cd "$(dirname "$0")/.."
trajc=${TRAJC:-build/trajc}
[ -x "$trajc" ] || { echo "build first: scripts/setup.sh" >&2; exit 2; }
count=${1:-1000000}
shift || true
domains=("$@")
((${#domains[@]})) || domains=(lint docstring test sample_data)
jobs=${JOBS:-1}
peer_count=${PEER_COUNT:-1000}
distinct_count=2000  # within every domain's train capacity: no example repeats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# command... -> "seconds rss_kb bytes" (output directory $tmp/out, removed afterwards)
measure() {
  rm -rf "$tmp/out"
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  local bytes
  bytes=$(cat "$tmp"/out/*.jsonl | wc -c)
  rm -rf "$tmp/out"
  echo "$(cat "$tmp/time") $bytes"
}

row() {  # label examples seconds rss_kb bytes
  awk -v l="$1" -v n="$2" -v s="$3" -v r="$4" -v b="$5" 'BEGIN {
    s = s > 0 ? s : 0.01
    printf "%-34s %9d %8.2f %12.0f %9.1f %9.1f\n", l, n, s, n / s, b / s / 1e6, r / 1024 }'
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 0.01) }'; }

printf "%-34s %9s %8s %12s %9s %9s\n" "run (--jobs $jobs)" "examples" "seconds" "examples/s" "MB/s" "RSS MB"
for domain in "${domains[@]}"; do
  for n in $((count / 10)) "$count"; do
    read -r secs rss bytes < <(measure "$trajc" --domain "$domain" --count "$n" --split 0.9 --seed 42 --jobs "$jobs" --quiet --out "$tmp/out")
    row "trajc --domain $domain" "$n" "$secs" "$rss" "$bytes"
    [ "$domain" = lint ] && [ "$n" = "$count" ] && lint_rate=$(rate "$n" "$secs")
  done
  if [ "$domain" = lint ]; then
    read -r secs rss bytes < <(measure "$trajc" --domain lint --count "$distinct_count" --split 0.9 --seed 42 --jobs "$jobs" --quiet --out "$tmp/out")
    row "trajc --domain lint (no repeats)" "$distinct_count" "$secs" "$rss" "$bytes"
    distinct_rate=$(rate "$distinct_count" "$secs")
  fi
done

if [ -n "${lint_rate:-}" ]; then
  read -r secs rss bytes < <(measure /usr/bin/python3 bench/peer_lint_pydantic.py --count "$peer_count" --seed 42 --out "$tmp/out")
  row "python peer (pydantic+jsonschema)" "$peer_count" "$secs" "$rss" "$bytes"
  peer_rate=$(rate "$peer_count" "$secs")
  awk -v a="$lint_rate" -v b="$distinct_rate" -v p="$peer_rate" -v n="$count" -v d="$distinct_count" 'BEGIN {
    printf "ratio trajc / python peer, lint examples per second: %.0fx at %d examples, %.0fx at %d (no repeats)\n",
           a / p, n, b / p, d }'
fi
