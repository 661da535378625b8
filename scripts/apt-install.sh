#!/usr/bin/env bash
# Installs Debian packages as root (or through sudo), without starting any service they bring
# (policy-rc.d answers 101: the tests run their own instances on free ports).
# Usage: bash scripts/apt-install.sh <package>...      (used by scripts/ensure-*.sh)
set -euo pipefail

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO='sudo'
	else
		echo "apt-install: $* missing and this user cannot install packages" >&2
		exit 1
	fi
fi

policy=/usr/sbin/policy-rc.d
created_policy=''
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
	$SUDO chmod +x "$policy"
	created_policy=1
fi
trap 'if [ -n "$created_policy" ]; then $SUDO rm -f "$policy"; fi' EXIT

echo "apt-install: installing $* from Debian" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
