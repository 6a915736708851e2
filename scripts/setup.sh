#!/usr/bin/env bash
# Quick start, step 1 of 2, on a fresh Debian 12 machine: installs what is missing (Debian
# packages; the tree-sitter-python grammar is fetched from npm by CMake and checked
# against its pinned sha256), builds trajc, installs it (when run as root) and runs the
# main job into out/lint/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/stage_times.sh

# Tools count as present when their command is on PATH (a machine may have its own
# Node.js/npm, which Debian's npm package would conflict with); libraries by dpkg.
tools=(g++:build-essential make:build-essential cmake:cmake ninja:ninja-build pkg-config:pkg-config
       git:git npm:npm)
packages=(
  ca-certificates libtree-sitter-dev nlohmann-json3-dev libcli11-dev catch2 libyaml-cpp-dev libssl-dev
  libsimdjson-dev  # JSON instances parsed fast (core/fast_json)
  # JSON Schema: ECMA-262 `pattern` on PCRE2, IDNA2008 host names for `format`, $id/$ref resolution (RFC 3986)
  libpcre2-dev libidn2-dev liburiparser-dev
  # the LLM module (trajc fill): HTTP and the response cache
  libcurl4-openssl-dev libsqlite3-dev
  # test-time oracles: the real tools whose verdicts trajc's output must match
  flake8 python3-pydocstyle python3-pytest python3-jsonschema
  # the JSON-Schema-Test-Suite (draft 2020-12, 2019-09, 7, 6, 4, optional/format and remotes/) for the schema tests
  libtest-json-schema-acceptance-perl
  # bench: the Python peer generator is written the way such scripts usually are
  python3-pydantic
  # bench/schema_speed.sh: CPU time of whole processes
  time
  # the fuzz targets (scripts/fuzz.sh): clang, and its libFuzzer and sanitizer runtimes
  clang libclang-rt-14-dev
  # a compiler cache: unchanged objects are not compiled again (CMakeLists.txt uses it when present)
  ccache
)
missing=()
for entry in "${tools[@]}"; do
  command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry##*:}")
done
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  stage apt-get $sudo apt-get update -q
  stage apt-get-install env DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The same configuration as scripts/test.sh, so that the test run reuses these objects.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTRAJC_WERROR=ON -DTRAJC_BUILD_TESTS=ON -DTRAJC_WITH_LLM=ON
stage build-trajc cmake --build build --target trajc
if [ -w /usr/local/bin ]; then
  cmake --install build --prefix /usr/local >/dev/null
  trajc=trajc
else
  echo "setup: /usr/local is not writable; use build/trajc (or add build/ to PATH)" >&2
  trajc=build/trajc
fi

stage main-job "$trajc" --domain lint --count 200 --split 0.9 --seed 42
