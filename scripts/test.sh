#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test twice: a normal optimised
# build, and an address + undefined-behaviour sanitizer build. Warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs="$(nproc)"

run_suite() {
  local dir="$1"; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 900)
}

echo "== release build (RelWithDebInfo) =="
# TRANCHE_FUZZ: clang builds the rules parser's fuzzer beside, and ctest runs it for 30 s.
run_suite build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRANCHE_WERROR=ON -DTRANCHE_FUZZ=ON

echo "== sanitizer build (address + undefined) =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DTRANCHE_SANITIZE=ON -DTRANCHE_WERROR=ON \
  -DTRANCHE_BENCH=OFF
