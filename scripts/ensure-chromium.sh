#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the browser tests (playwright-core drives it).
# Idempotent: does nothing when it is already installed. Run by scripts/ensure-prereqs.sh (npm run test:e2e and test:all).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x /usr/bin/chromium ]; then
	exit 0
fi
bash scripts/apt-install.sh chromium fonts-dejavu-core
if [ ! -x /usr/bin/chromium ]; then
	echo 'ensure-chromium: chromium installed but /usr/bin/chromium is not there' >&2
	exit 1
fi
/usr/bin/chromium --version 2>/dev/null || true
