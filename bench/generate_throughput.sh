#!/usr/bin/env bash
# Throughput and memory of `trajc generate` at 10k and 100k examples, against a
# straightforward Python generator measured in the same run on the same fixtures.
# Prints examples/s, peak RSS, and the ratio. Memory must not grow with --count.
#   bench/generate_throughput.sh [lint|docstring|sample_data|test]   (default: lint)
# Peers: bench/peer_lint_pydantic.py (lint: the same trajectories, Pydantic + jsonschema),
# bench/peer_docstring_generator.py (docstring: ast, the authored docstring as the answer),
# bench/peer_sample_data_generator.py (sample_data: ast, random values by annotation,
# no validation) and bench/peer_test_generator.py (test: doctest finder, tests executed
# in process, no pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
trajc=${TRAJC:-build/trajc}
[ -x "$trajc" ] || { echo "build first: scripts/setup.sh" >&2; exit 2; }
jobs=${JOBS:-1}
domain=${1:-lint}
case "$domain" in
  lint) peer=bench/peer_lint_pydantic.py; peer_label="python peer (pydantic+jsonschema)" ;;
  docstring) peer=bench/peer_docstring_generator.py; peer_label="python peer (authored text, no check)" ;;
  sample_data) peer=bench/peer_sample_data_generator.py; peer_label="python peer (random values, no validation)" ;;
  test) peer=bench/peer_test_generator.py; peer_label="python peer (exec, no pytest)" ;;
  *) echo "usage: $0 [lint|docstring|sample_data|test]" >&2; exit 2 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() {  # label, command... -> prints "seconds rss_kb"
  /usr/bin/time -f "%e %M" -o "$tmp/time" "${@:2}" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  cat "$tmp/time"
}

printf "%-38s %10s %12s %12s\n" "run" "examples" "examples/s" "peak RSS MB"
for count in 10000 100000; do
  read -r secs rss < <(measure trajc "$trajc" --domain "$domain" --count "$count" --split 0.9 --seed 42 --jobs "$jobs" --quiet --out "$tmp/out")
  rate=$(awk -v c="$count" -v s="$secs" 'BEGIN { printf "%.0f", c / (s > 0 ? s : 0.001) }')
  printf "%-38s %10d %12s %12.1f\n" "trajc --domain $domain --jobs $jobs" "$count" "$rate" "$(awk -v r="$rss" 'BEGIN{print r/1024}')"
  eval "trajc_rate_$count=$rate"
done
peer_count=2000  # the peer is slow; its rate does not depend on count
read -r secs rss < <(measure peer /usr/bin/python3 "$peer" --count "$peer_count" --seed 42 --out "$tmp/peer")
peer_rate=$(awk -v c="$peer_count" -v s="$secs" 'BEGIN { printf "%.0f", c / (s > 0 ? s : 0.001) }')
printf "%-38s %10d %12s %12.1f\n" "$peer_label" "$peer_count" "$peer_rate" "$(awk -v r="$rss" 'BEGIN{print r/1024}')"
awk -v t="$trajc_rate_10000" -v p="$peer_rate" 'BEGIN { printf "ratio trajc (10k) / peer examples per second: %.1fx\n", t / p }'
