#!/usr/bin/env bash
# Compile a very large dataset as a Slurm job array: each task writes one shard, and the
# shards' files concatenated in order are byte for byte what one `trajc` run would write.
#   sbatch --array=0-63 examples/sharded_compile/slurm_array.sh
# The same works for Kubernetes indexed Jobs (SHARD=$JOB_COMPLETION_INDEX) or Ray tasks.
#SBATCH --job-name=trajc-shards
#SBATCH --cpus-per-task=8
set -euo pipefail
shards=${SLURM_ARRAY_TASK_COUNT:-64}
shard=${SHARD:-${SLURM_ARRAY_TASK_ID:?run as a job array, or set SHARD}}
trajc --domain lint --count 10000000 --split 0.9 --seed 42 --jobs "${SLURM_CPUS_PER_TASK:-8}" \
  --shard "$shard/$shards" --out "shards/$shard" --quiet
