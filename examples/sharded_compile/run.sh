#!/usr/bin/env bash
# The example, small: 4 shards of a 120-example lint dataset compiled one after the other
# (as 4 array tasks would), joined, and compared with a single run. Prints "identical".
#   examples/sharded_compile/run.sh TRAJC [--root DIR]
set -euo pipefail
trajc=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for k in 0 1 2 3; do
  "$trajc" --domain lint --count 120 --seed 42 --shard "$k/4" --out "$tmp/shards/$k" --quiet "$@"
done
bash "$(dirname "$0")/join_shards.sh" "$tmp/shards" "$tmp/joined" "$trajc" "$@" >/dev/null
"$trajc" --domain lint --count 120 --seed 42 --out "$tmp/single" --quiet "$@"
cmp -s "$tmp/joined/train.jsonl" "$tmp/single/train.jsonl" && cmp -s "$tmp/joined/eval.jsonl" "$tmp/single/eval.jsonl" \
  && echo identical || { echo "shards differ from the single run"; exit 1; }
