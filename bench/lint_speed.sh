#!/usr/bin/env bash
# Speed of `trajc lint` against flake8 on a corpus, and what the analysis costs over the
# bare tree-sitter parse, all in one run on the same files, single-threaded:
#   trajc lint --select=<codes> FILES          (trajc lints one file at a time)
#   /usr/bin/flake8 --isolated -j 1 --select=<codes> FILES
#   parse_only FILES                           (python::SourceTree::Parse of each file, nothing else)
# <codes> are every code trajc supports (lint_dump --list-codes), so both linters do the
# same job. Prints the best of REPEAT runs (default 3) in seconds, the speedup
# flake8/trajc, and the analysis overhead (trajc - parse) / parse.
#   bench/lint_speed.sh [CORPUS_DIR]   (default /usr/lib/python3.11; BUILD=build, REPEAT=3)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
trajc=$build/trajc
parse_only=$build/tests/unit/python/parse_only
lint_dump=$build/tests/unit/lint/lint_dump
for exe in "$trajc" "$parse_only" "$lint_dump"; do
  [ -x "$exe" ] || { echo "$exe: not built; build with -DTRAJC_BUILD_TESTS=ON first" >&2; exit 2; }
done
corpus=${1:-/usr/lib/python3.11}
repeat=${REPEAT:-3}
mapfile -t files < <(find "$corpus" -name '*.py' -type f -not -path '*/__pycache__/*' | LC_ALL=C sort)
[ "${#files[@]}" -gt 0 ] || { echo "$corpus: no *.py files" >&2; exit 2; }
codes=$("$lint_dump" --list-codes)
bytes=$(cat "${files[@]}" | wc -c)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

best() {  # command... -> the best wall time of $repeat runs, in seconds; stdout kept in $tmp/out
  local best_ns=0
  for _ in $(seq "$repeat"); do
    local t0 t1 rc=0
    t0=$(date +%s%N)
    "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then echo "failed ($rc): $*" >&2; head -5 "$tmp/err" >&2; exit 1; fi
    local ns=$((t1 - t0))
    if [ "$best_ns" -eq 0 ] || [ "$ns" -lt "$best_ns" ]; then best_ns=$ns; fi
  done
  awk -v ns="$best_ns" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

echo "corpus: $corpus (${#files[@]} files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB), codes: $codes, best of $repeat"
parse_s=$(best "$parse_only" "${files[@]}")
echo "  parse_only: $(cat "$tmp/out")"
trajc_s=$(best "$trajc" lint --select="$codes" "${files[@]}")
trajc_n=$(wc -l <"$tmp/out")
flake8_s=$(best /usr/bin/flake8 --isolated -j 1 --select="$codes" "${files[@]}")
flake8_n=$(wc -l <"$tmp/out")
printf "%-44s %9s %10s\n" "run" "seconds" "findings"
printf "%-44s %9s %10s\n" "tree-sitter parse only (parse_only)" "$parse_s" "-"
printf "%-44s %9s %10s\n" "trajc lint (1 thread)" "$trajc_s" "$trajc_n"
printf "%-44s %9s %10s\n" "flake8 --isolated -j 1" "$flake8_s" "$flake8_n"
awk -v t="$trajc_s" -v f="$flake8_s" -v p="$parse_s" 'BEGIN {
  printf "speedup flake8/trajc: %.1fx\n", f / (t > 0 ? t : 0.001)
  printf "analysis overhead (trajc - parse) / parse: %.2f (parse is %.0f%% of trajc lint)\n", (t - p) / (p > 0 ? p : 0.001), 100 * p / (t > 0 ? t : 0.001)
}'
