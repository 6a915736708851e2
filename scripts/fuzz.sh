#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/, clang, ASan+UBSan, build-fuzz/) and runs each
# for a bounded time: CI's fuzz stage (scripts/test.sh) and, with more time and workers,
# bench/fuzz.sh.
#
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET [TARGET…]]     (default 20 s, every target)
#   TRAJC_FUZZ_CORPUS  where the growing corpora live (default build-fuzz/corpus): keep it
#                      outside the checkout for long runs, so they build on each other
#   TRAJC_FUZZ_JOBS    parallel fuzzing processes per target (default 1)
#
# Each run starts from the saved regression inputs (tests/fuzz/regressions/<target>/: every
# crash found so far, which must stay fixed), seeds made from the project's own inputs
# (tests/fuzz/make_seeds.py) and the corpus of earlier runs. A finding stops the script
# with the crashing input saved as build-fuzz/artifacts/<target>-crash-…: fix it, and add
# the input to tests/fuzz/regressions/<target>/ with a test of the located error.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/stage_times.sh
seconds=${1:-20}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(yaml subagent template python json records schema)
corpus=${TRAJC_FUZZ_CORPUS:-$PWD/build-fuzz/corpus}
jobs=${TRAJC_FUZZ_JOBS:-1}

# LLM module and tests off: the targets need neither, and the build stays small.
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release -DTRAJC_WERROR=ON \
  -DTRAJC_FUZZ=ON -DTRAJC_BUILD_TESTS=OFF -DTRAJC_WITH_LLM=OFF >/dev/null
stage build-fuzz cmake --build build-fuzz -j "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]/%/_fuzz}"

python3 tests/fuzz/make_seeds.py "$PWD" build-fuzz/seeds >/dev/null
mkdir -p build-fuzz/artifacts
# Per target: the largest input mutated (the slow targets kept small, so that each second
# runs more inputs), and a dictionary of its syntax.
declare -A max_len=([python]=4096 [records]=16384 [schema]=8192)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
run_target() {
  local t=$1 root=$PWD out=$PWD/build-fuzz/logs/$1
  # TRAJC_FUZZ_SEED (scripts/test.sh sets 1) makes a run the same sequence of inputs each
  # time; libFuzzer takes 0 for a random one.
  local args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -seed="${TRAJC_FUZZ_SEED:-0}"
              -artifact_prefix="$PWD/build-fuzz/artifacts/$t-" -max_len="${max_len[$t]:-65536}")
  [ -f "tests/fuzz/$t.dict" ] && args+=(-dict="$PWD/tests/fuzz/$t.dict")
  ((jobs > 1)) && args+=(-jobs="$jobs" -workers="$jobs")
  rm -rf "$out" && mkdir -p "$out" "$corpus/$t"
  local dirs=("$corpus/$t" "$PWD/build-fuzz/seeds/$t")
  [ -d "tests/fuzz/regressions/$t" ] && dirs+=("$PWD/tests/fuzz/regressions/$t")
  echo "fuzz: $t for ${seconds}s" >&2
  # New inputs go to the first folder, the corpus; the others are only read. With -jobs,
  # libFuzzer writes each job's log as fuzz-N.log in the working folder: $out.
  if ! (cd "$out" && "$root/build-fuzz/tests/fuzz/${t}_fuzz" "${args[@]}" "${dirs[@]}" 2>"$out/main.log"); then
    tail -60 "$out"/*.log >&2
    echo "fuzz: $t found a problem (logs: $out)" >&2
    return 1
  fi
  cat "$out"/*.log | awk -v t="$t" '/stat::number_of_executed_units/ { n += $2 } END { printf "fuzz: %s: %d executions\n", t, n }' >&2
}
for t in "${targets[@]}"; do
  stage "fuzz-$t" run_target "$t"
done
