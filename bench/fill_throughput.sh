#!/usr/bin/env bash
# `trajc fill` against the local OpenAI-compatible test server (tests/llm/fake_openai_server.py)
# answering after a fixed latency: requests per second sustained at concurrency 1, 8 and 32,
# and trajc's own overhead per record (wall time beyond the server's latency, spread over
# the requests in flight). No cache, so every record is a request.
#   bench/fill_throughput.sh [RECORDS] [LATENCY_MS]   (defaults: 2000 records, 20 ms)
set -euo pipefail
cd "$(dirname "$0")/.."
trajc=${TRAJC:-build/trajc}
[ -x "$trajc" ] || { echo "build first: scripts/setup.sh" >&2; exit 2; }
records=${1:-2000}
latency=${2:-20}
tmp=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$tmp"' EXIT

/usr/bin/python3 tests/llm/fake_openai_server.py --port-file "$tmp/port" --latency-ms "$latency" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 500); do [ -s "$tmp/port" ] && break; sleep 0.01; done
export BASE_URL="http://127.0.0.1:$(cat "$tmp/port")/v1" API_KEY=bench MODEL=bench-model
/usr/bin/python3 - "$records" > "$tmp/in.jsonl" <<'PY'
import json, sys
for i in range(int(sys.argv[1])):
    print(json.dumps({"id": i, "messages": [{"role": "system", "content": "You are terse."},
                                            {"role": "user", "content": "Question number %d?" % i},
                                            {"role": "assistant", "content": ""}]}))
PY

printf "%-12s %10s %10s %12s %22s %18s\n" "concurrency" "records" "seconds" "requests/s" "overhead/record (ms)" "trajc CPU/record (ms)"
for c in 1 8 32; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$tmp/cpu" "$trajc" fill "$tmp/in.jsonl" -o "$tmp/out.jsonl" --no-cache -c "$c" -q
  end=$(date +%s.%N)
  read -r user sys < "$tmp/cpu"
  awk -v n="$records" -v c="$c" -v l="$latency" -v s="$start" -v e="$end" -v u="$user" -v k="$sys" 'BEGIN {
    secs = e - s; rate = n / secs
    overhead = (secs - n * l / 1000 / c) * 1000 * c / n
    printf "%-12d %10d %10.2f %12.0f %22.2f %18.3f\n", c, n, secs, rate, overhead, (u + k) * 1000 / n }'
done
echo "overhead/record: wall time beyond the server's latency per request in flight; it includes the"
echo "Python test server's own time per request, which dominates at concurrency 32."
echo "server latency: ${latency} ms per request (ideal requests/s = concurrency x $(awk -v l="$latency" 'BEGIN{printf "%.0f", 1000/l}'))"
