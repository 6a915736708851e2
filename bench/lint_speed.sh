#!/usr/bin/env bash
# Speed of `trajc lint` against flake8 on a corpus, and what the analysis costs over the
# bare tree-sitter parse, all in one run on the same files, single-threaded:
#   trajc lint --jobs 1 --select=<codes> FILES
#   /usr/bin/flake8 --isolated -j 1 --select=<codes> FILES
#   parse_only FILES                           (python::SourceTree::Parse of each file, nothing else)
# <codes> are every code trajc supports (lint_dump --list-codes), so both linters do the
# same job. Prints the best of REPEAT runs (default 3) in seconds, the speedup
# flake8/trajc, and the analysis overhead (trajc - parse) / parse, from wall time and from
# user CPU time (steadier than wall time on a machine that other work is loading), and,
# with valgrind, the instruction counts of parse_only and trajc lint on every tenth file.
# Then both with JOBS workers (default: the cores): trajc lint --jobs JOBS against flake8
# -j JOBS, and trajc's scaling, its JOBS-worker rate over its own single-thread rate.
#   bench/lint_speed.sh [CORPUS_DIR]   (default /usr/lib/python3.11; BUILD=build, REPEAT=3,
#                                       PAIR_REPEAT=3*REPEAT, COUNT=1)
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

best() {  # command... -> "WALL USER": the best wall and the best user CPU time of $repeat runs, in seconds; stdout kept in $tmp/out
  local best_ns=0 best_user="" TIMEFORMAT=%U
  for _ in $(seq "$repeat"); do
    local t0 t1 rc=0 user
    t0=$(date +%s%N)
    { time "$@" >"$tmp/out" 2>"$tmp/err"; } 2>"$tmp/time" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then echo "failed ($rc): $*" >&2; head -5 "$tmp/err" >&2; exit 1; fi
    local ns=$((t1 - t0))
    if [ "$best_ns" -eq 0 ] || [ "$ns" -lt "$best_ns" ]; then best_ns=$ns; fi
    user=$(tail -1 "$tmp/time")
    if [ -z "$best_user" ] || awk -v a="$user" -v b="$best_user" 'BEGIN { exit !(a < b) }'; then best_user=$user; fi
  done
  awk -v ns="$best_ns" -v user="$best_user" 'BEGIN { printf "%.3f %.3f", ns / 1e9, user }'
}

echo "corpus: $corpus (${#files[@]} files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB), codes: $codes, best of $repeat"
# parse_only and trajc lint take seconds: run them in turns, PAIR_REPEAT times (default
# 3 x REPEAT), so that both see the same spells of a busy machine, and keep the best of each.
pair_repeat=${PAIR_REPEAT:-$((repeat * 3))}
parse_s="" parse_u="" trajc_s="" trajc_u=""
keep_best() {  # name "WALL USER": lowers ${name}_s and ${name}_u to these when smaller
  local name=$1 wall user
  read -r wall user <<<"$2"
  local s_var=${name}_s u_var=${name}_u
  if [ -z "${!s_var}" ] || awk -v a="$wall" -v b="${!s_var}" 'BEGIN { exit !(a < b) }'; then printf -v "$s_var" %s "$wall"; fi
  if [ -z "${!u_var}" ] || awk -v a="$user" -v b="${!u_var}" 'BEGIN { exit !(a < b) }'; then printf -v "$u_var" %s "$user"; fi
}
for _ in $(seq "$pair_repeat"); do
  times=$(repeat=1 best "$parse_only" "${files[@]}")
  keep_best parse "$times"
  parse_out=$(cat "$tmp/out")
  times=$(repeat=1 best "$trajc" lint --jobs 1 --select="$codes" "${files[@]}")
  keep_best trajc "$times"
  trajc_n=$(wc -l <"$tmp/out")
done
cp "$tmp/out" "$tmp/trajc_1.out"
echo "  parse_only: $parse_out (parse_only and trajc lint: best of $pair_repeat runs in turns)"
times=$(best /usr/bin/flake8 --isolated -j 1 --select="$codes" "${files[@]}")
read -r flake8_s flake8_u <<<"$times"
flake8_n=$(wc -l <"$tmp/out")
printf "%-44s %9s %9s %10s\n" "run" "wall s" "user s" "findings"
printf "%-44s %9s %9s %10s\n" "tree-sitter parse only (parse_only)" "$parse_s" "$parse_u" "-"
printf "%-44s %9s %9s %10s\n" "trajc lint (1 thread)" "$trajc_s" "$trajc_u" "$trajc_n"
printf "%-44s %9s %9s %10s\n" "flake8 --isolated -j 1" "$flake8_s" "$flake8_u" "$flake8_n"
ratios() {  # label trajc flake8 parse
  awk -v l="$1" -v t="$2" -v f="$3" -v p="$4" 'BEGIN {
    printf "%s: speedup flake8/trajc %.1fx, analysis overhead (trajc - parse) / parse %.2f (parse is %.0f%% of trajc lint)\n",
      l, f / (t > 0 ? t : 0.001), (t - p) / (p > 0 ? p : 0.001), 100 * p / (t > 0 ? t : 0.001)
  }'
}
ratios "wall time" "$trajc_s" "$flake8_s" "$parse_s"
ratios "user CPU " "$trajc_u" "$flake8_u" "$parse_u"

# Wall and CPU times on a shared machine move by 10-20% from run to run; instruction
# counts do not. With valgrind installed (COUNT=0 skips this), count both programs'
# instructions on every tenth file (about a minute) and print that overhead too.
if [ "${COUNT:-1}" != 0 ] && command -v valgrind >/dev/null; then
  sample=()
  for ((i = 0; i < ${#files[@]}; i += 10)); do sample+=("${files[$i]}"); done
  count() {  # command... -> instructions executed
    # trajc lint exits 1 when it finds something: only the count matters here
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } |
      awk '/refs:/ { gsub(",", "", $NF); print $NF }'
  }
  parse_i=$(count "$parse_only" "${sample[@]}")
  trajc_i=$(count "$trajc" lint --jobs 1 --select="$codes" "${sample[@]}")
  awk -v p="$parse_i" -v t="$trajc_i" -v n="${#sample[@]}" 'BEGIN {
    printf "instructions (callgrind, every 10th file: %d files): parse_only %.0fM, trajc lint %.0fM, analysis overhead (trajc - parse) / parse %.2f\n",
      n, p / 1e6, t / 1e6, (t - p) / (p > 0 ? p : 1)
  }'
fi

jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
if [ "$jobs" -gt 1 ]; then
  read -r trajc_js _ <<<"$(best "$trajc" lint --jobs "$jobs" --select="$codes" "${files[@]}")"
  cmp -s "$tmp/out" "$tmp/trajc_1.out" || { echo "trajc lint --jobs $jobs printed other lines than --jobs 1" >&2; exit 1; }
  read -r flake8_js _ <<<"$(best /usr/bin/flake8 --isolated -j "$jobs" --select="$codes" "${files[@]}")"
  printf "%-44s %9s\n" "trajc lint --jobs $jobs" "$trajc_js"
  printf "%-44s %9s\n" "flake8 --isolated -j $jobs" "$flake8_js"
  awk -v j="$jobs" -v t1="$trajc_s" -v tj="$trajc_js" -v fj="$flake8_js" 'BEGIN {
    printf "%d workers (wall): trajc scales %.2fx over its single thread; speedup flake8/trajc %.1fx\n",
      j, t1 / (tj > 0 ? tj : 0.001), fj / (tj > 0 ? tj : 0.001)
  }'
fi
