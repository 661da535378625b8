#!/usr/bin/env bash
# First step of `npm test` (run under Node 24 by scripts/node24.js): everything the tests need that
# `npm ci` does not bring. Each part is idempotent, so on a prepared machine this takes a second.
#   - Debian's chromium for the browser tests (scripts/ensure-chromium.sh)
#   - the pinned real n8n, cached outside the repo (scripts/n8n/install.ts)
#   - a fresh reliability run: the previous run's figures are removed (test/reliability/report.ts)
# The queue-mode tests call scripts/ensure-services.sh (PostgreSQL, Redis, haproxy) themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh
tsx scripts/n8n/install.ts >/dev/null
tsx test/reliability/report.ts --start
