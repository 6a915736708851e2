#!/usr/bin/env bash
# Time on long inputs, to hold lint and fix to linear work (issue 18): trajc lint,
# trajc fix --diff and trajc fixtures show against flake8 on the same files, in one run:
#   many_lines.py   ~100k lines: whole standard-library modules (each one compiles)
#                   concatenated, with trailing spaces on 5% of the lines (W291 fixes, some
#                   inside docstrings, which fix refuses)
#   one_line.py     one 10 MB line: x = [1, 1, ..., 1]
#   huge_with.py    with a0, a1, ..., a199999: pass (one statement of 200,000 items)
# Prints the best wall and user CPU seconds of REPEAT runs (default 1) and the ratio
# trajc / flake8 (flake8 --isolated -j 1 lints, it does not fix: its time is the peer for all).
#   bench/long_inputs.sh   (BUILD=build, REPEAT=1, FLAKE8=flake8, STDLIB=python3's)
set -euo pipefail
cd "$(dirname "$0")/.."
trajc=${BUILD:-build}/trajc
[ -x "$trajc" ] || { echo "$trajc: not built" >&2; exit 2; }
flake8=${FLAKE8:-flake8}
repeat=${REPEAT:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" <<'PY'
import os, random, sys, sysconfig
out = sys.argv[1]
lib = os.environ.get("STDLIB") or sysconfig.get_paths()["stdlib"]
parts, n = [], 0
for name in sorted(f for f in os.listdir(lib) if f.endswith(".py")):
    try:
        text = open(os.path.join(lib, name), encoding="utf-8").read()
        compile(text, name, "exec")
    except (SyntaxError, UnicodeDecodeError, ValueError):
        continue
    parts.append(text if text.endswith("\n") else text + "\n")
    n += text.count("\n")
    if n >= 100_000:
        break
rnd = random.Random(1)
lines = "".join(parts).rstrip("\n").split("\n")
lines = [l + "  " if l.strip() and not l.endswith("\\") and rnd.random() < 0.05 else l for l in lines]
open(os.path.join(out, "many_lines.py"), "w").write("\n".join(lines) + "\n")
open(os.path.join(out, "one_line.py"), "w").write("x = [" + "1, " * 3_333_333 + "]\n")
open(os.path.join(out, "huge_with.py"), "w").write(
    "with " + ", ".join(f"a{i}" for i in range(200_000)) + ":\n    pass\n")
PY

best() {  # command... -> "WALL USER", the best of $repeat runs in seconds
  local best_wall="" best_user="" TIMEFORMAT=%U
  for _ in $(seq "$repeat"); do
    local t0 t1 rc=0 wall user
    t0=$(date +%s%N)
    { time "$@" >/dev/null 2>"$tmp/err"; } 2>"$tmp/time" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then echo "failed ($rc): $*" >&2; head -5 "$tmp/err" >&2; exit 1; fi
    wall=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }')
    user=$(tail -1 "$tmp/time")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
    if [ -z "$best_user" ] || awk -v a="$user" -v b="$best_user" 'BEGIN { exit !(a < b) }'; then best_user=$user; fi
  done
  echo "$best_wall $best_user"
}

printf "%-14s %9s %-22s %8s %8s %14s\n" file size command wall_s user_s "ratio(user)"
for name in many_lines one_line huge_with; do
  file=$tmp/$name.py
  size="$(wc -l <"$file")L/$(awk -v b="$(wc -c <"$file")" 'BEGIN { printf "%.1fMB", b / 1e6 }')"
  read -r f_wall f_user <<<"$(best "$flake8" --isolated -j 1 "$file")"
  printf "%-14s %9s %-22s %8s %8s %14s\n" "$name" "$size" "flake8" "$f_wall" "$f_user" "1"
  for cmd in "lint" "fix --diff" "fixtures show"; do
    # shellcheck disable=SC2086  # cmd is two words on purpose
    read -r wall user <<<"$(best "$trajc" $cmd "$file")"
    ratio=$(awk -v a="$user" -v b="$f_user" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    printf "%-14s %9s %-22s %8s %8s %14s\n" "$name" "$size" "trajc $cmd" "$wall" "$user" "$ratio"
  done
done
