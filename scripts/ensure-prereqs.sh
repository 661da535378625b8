#!/usr/bin/env bash
# First step of `npm run test:e2e` and `npm run test:all` (run under Node 24 by scripts/node24.js):
# what the end-to-end tests need that `npm ci` does not bring. Each part is idempotent, so on a prepared
# machine this takes a second. `npm test` needs none of it (no root, no system package).
#   - Debian's chromium for the browser tests (scripts/ensure-chromium.sh; apt, as root)
#   - the pinned real n8n, cached outside the repo (scripts/n8n/install.ts)
# The queue-mode tests call scripts/ensure-services.sh (PostgreSQL, Redis, haproxy) themselves. Each test
# command starts its own reliability run (`tsx test/reliability/report.ts --start <scope>`, package.json).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh
tsx scripts/n8n/install.ts >/dev/null
