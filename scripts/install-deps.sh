#!/usr/bin/env bash
# Installs every Debian 12 package tranche needs to build, run, test and benchmark.
# Idempotent: packages already present are skipped, and apt is only asked when
# something is missing. Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git curl
  lld                                # a faster linker (CMakeLists.txt uses it when present)
  libboost-dev libboost-system-dev   # Boost.Beast / Boost.Asio (header-only in 1.74)
  libsqlite3-dev sqlite3             # embedded store
  postgresql-15 libpq-dev            # the PostgreSQL store: server (scripts/pg-cluster.sh), client library
  nlohmann-json3-dev                 # JSON
  libspdlog-dev libfmt-dev           # structured logs
  libcli11-dev                       # command line
  libsodium-dev                      # key hashing, constant-time compare, HMAC
  libgoogle-perftools-dev            # tcmalloc, the tranche program's allocator
  libssl-dev openssl ca-certificates # TLS for webhook delivery (openssl: test certificates)
  libxgboost-dev                     # gradient-boosted credit and fraud models (XGBoost C API)
  libfasttext-dev                    # the assistant's intent and language models
  zlib1g-dev                         # gzip-compressed transaction streams (tranche eval fraud)
  libgtest-dev libgmock-dev          # tests
  libbenchmark-dev                   # benchmarks
  clang-14 libclang-rt-14-dev        # libFuzzer for the fraud rules parser (TRANCHE_FUZZ)
)
# The web front end (web/) builds with Node.js and npm; the machine's own Node.js is
# used when there is one, Debian's otherwise.
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
if [[ "${TRANCHE_WITH_BROWSER:-0}" == "1" ]]; then
  packages+=(chromium)               # the web front end's end-to-end tests (scripts/test.sh)
fi
if [[ "${TRANCHE_WITH_BENCH_DEPS:-0}" == "1" ]]; then
  packages+=(nginx-light)            # HTTP baseline for bench/run_http_bench.sh
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if (( ${#missing[@]} == 0 )); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ "$(id -u)" != "0" ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
