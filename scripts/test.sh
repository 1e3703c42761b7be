#!/usr/bin/env bash
# Installs what is missing, builds the web front end, then builds and runs every test
# twice: a normal optimised build (with the web front end's end-to-end tests in
# Chromium), and an address + undefined-behaviour sanitizer build. Warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."

TRANCHE_WITH_BROWSER=1 bash scripts/install-deps.sh
jobs="$(nproc)"

# The web front end first: the release suite's web_e2e test drives it in Chromium.
echo "== web front end (npm ci, type check, build) =="
bash scripts/build-web.sh

run_suite() {
  local dir="$1"; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 900)
}

# The release suite runs the integration tests a second time on PostgreSQL, on a
# throwaway cluster this run owns (removed on exit, whatever happens).
echo "== PostgreSQL for the tests (a throwaway cluster) =="
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/tranche-pg-XXXXXX")"
trap 'bash scripts/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true' EXIT
pg_url=""
for port in 55432 55433 55434 55435 55436; do
  if pg_url="$(bash scripts/pg-cluster.sh start "$pg_dir" "$port")"; then break; fi
  pg_url=""
done
[[ -n "$pg_url" ]] || { echo "could not start PostgreSQL for the tests" >&2; exit 1; }

# XGBoost's OpenMP threads sleep instead of spinning between calls (the test binaries
# run two at a time on two cores); CMake sets it per test too, except on the PostgreSQL
# registration, whose ENVIRONMENT carries the server's URL alone.
export OMP_WAIT_POLICY=PASSIVE

# Both builds keep line tables only (-g1): enough for file:line in backtraces and
# sanitizer reports, and it takes about a third off each optimised compile (measured on
# api/http_server.cc: 26.1 s of CPU with -g, 18.4 s with -g1) and a tenth off each
# sanitizer compile. Debugging sessions configure their own build with full -g.
# Both builds start from scratch, so the product's libraries are unity-built
# (TRANCHE_UNITY, CMakeLists.txt): their shared headers are parsed once per eight files.
echo "== release build (RelWithDebInfo, line tables) =="
# TRANCHE_FUZZ: clang builds the rules parser's fuzzer beside, and ctest runs it for 30 s.
run_suite build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  -DTRANCHE_WERROR=ON -DTRANCHE_UNITY=ON -DTRANCHE_FUZZ=ON -DTRANCHE_TEST_POSTGRES="$pg_url"

echo "== sanitizer build (address + undefined) =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" -DTRANCHE_SANITIZE=ON -DTRANCHE_WERROR=ON \
  -DTRANCHE_UNITY=ON -DTRANCHE_BENCH=OFF -DTRANCHE_WEB_E2E=OFF
