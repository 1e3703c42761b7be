#!/usr/bin/env bash
# The main job: install what is missing, build the server and the web front end, create
# the demo world on the embedded SQLite database and serve the API and the web pages. Extra arguments go to `tranche demo`
# (e.g. --port 9090 --data-dir /var/lib/tranche).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build-web.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRANCHE_BENCH=OFF >/dev/null
cmake --build build --target tranche
# The banner ends with the links to the console, the portal and the shop (web/dist).
exec build/tranche demo --data-dir "${TRANCHE_DATA_DIR:-./data}" "$@"
