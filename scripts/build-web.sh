#!/usr/bin/env bash
# Builds the web front end (operator console, consumer portal, demo shop) into
# web/dist, which `tranche demo` serves (and `tranche serve --web-dir web/dist`).
# `npm ci` installs exactly what web/package-lock.json names; nothing else is fetched.
set -euo pipefail
cd "$(dirname "$0")/../web"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
