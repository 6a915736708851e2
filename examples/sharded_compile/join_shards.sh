#!/usr/bin/env bash
# Joins the shards of a sharded compile in shard order and proves each with `trajc check`.
#   examples/sharded_compile/join_shards.sh SHARDS_DIR OUT_DIR [TRAJC]
set -euo pipefail
shards_dir=$1
out=$2
trajc=${3:-trajc}
mkdir -p "$out"
: > "$out/train.jsonl"
: > "$out/eval.jsonl"
n=$(find "$shards_dir" -mindepth 1 -maxdepth 1 -type d | wc -l)
for ((k = 0; k < n; k++)); do
  "$trajc" check "$shards_dir/$k/manifest.json" --quiet "${@:4}"
  cat "$shards_dir/$k/train.jsonl" >> "$out/train.jsonl"
  cat "$shards_dir/$k/eval.jsonl" >> "$out/eval.jsonl"
done
echo "joined $n shards into $out"
