#!/usr/bin/env bash
# Quick start, step 2 of 2: builds with warnings as errors and runs the whole suite,
# then again under AddressSanitizer + UndefinedBehaviorSanitizer, then fuzzes each entry
# point for a short while. The LLM module is required here (-DTRAJC_WITH_LLM=ON), so a
# missing library fails instead of skipping tests.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/stage_times.sh
jobs=$(nproc 2>/dev/null || echo 2)

# The same configuration as scripts/setup.sh: its objects are reused.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTRAJC_WERROR=ON -DTRAJC_BUILD_TESTS=ON -DTRAJC_WITH_LLM=ON >/dev/null
stage build-tests cmake --build build -j "$jobs"
stage test-release ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTRAJC_WERROR=ON -DTRAJC_SANITIZE=ON -DTRAJC_WITH_LLM=ON >/dev/null
stage build-asan cmake --build build-asan -j "$jobs"
stage test-asan env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

# Every fuzz target for a bounded time (TRAJC_FUZZ_SECONDS each, default 20), after replaying
# the inputs of every crash found before (tests/fuzz/regressions/); bench/fuzz.sh runs them
# for hours.
TRAJC_FUZZ_SEED=${TRAJC_FUZZ_SEED:-1} bash scripts/fuzz.sh "${TRAJC_FUZZ_SECONDS:-20}"
