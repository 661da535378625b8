#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the browser tests (playwright-core drives it).
# Idempotent: does nothing when it is already installed.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
	exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO='sudo'
	else
		echo 'ensure-chromium: /usr/bin/chromium is missing and this user cannot install packages' >&2
		exit 1
	fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null

if [ ! -x /usr/bin/chromium ]; then
	echo 'ensure-chromium: chromium installed but /usr/bin/chromium is not there' >&2
	exit 1
fi
/usr/bin/chromium --version || true
