#!/usr/bin/env bash
# Example: gate a dataset in CI with `trajc validate`. The first record of
# handwritten.jsonl is valid; the second breaks three rules, and the job must fail on it
# with located errors.
set -uo pipefail
trajc=${1:?usage: run.sh TRAJC [--root DIR]}
here=$(dirname "$0")
"$trajc" validate "$here/handwritten.jsonl" --domain lint "${@:2}"
status=$?
echo "exit status: $status"
[ "$status" -eq 1 ]
