#!/usr/bin/env bash
# The long fuzz run: every target of tests/fuzz/ for SECONDS each (default 3600), with
# WORKERS processes per target (default: the cores), one target after the other. The
# corpora grow in CORPUS (default ~/.cache/trajc-fuzz, outside the checkout), so that each
# run starts where the last one stopped. Prints the executions per target; a finding
# stops the run with its input in build-fuzz/artifacts/ (see scripts/fuzz.sh).
#   bench/fuzz.sh [SECONDS [TARGET…]]     CORPUS=… WORKERS=…
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3600}
shift || true
export TRAJC_FUZZ_CORPUS=${CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/trajc-fuzz}
export TRAJC_FUZZ_JOBS=${WORKERS:-$(nproc 2>/dev/null || echo 1)}
mkdir -p "$TRAJC_FUZZ_CORPUS"
exec bash scripts/fuzz.sh "$seconds" "$@"
