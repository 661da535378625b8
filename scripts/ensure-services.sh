#!/usr/bin/env bash
# Installs PostgreSQL, Redis and haproxy from Debian when they are missing, for the queue-mode tests
# (n8n main + webhook processes + workers behind a load balancer). It does NOT start them: the tests
# run their own instances on free ports in temporary folders. Idempotent: quick when all are there.
# Prints the four binaries, one a line: initdb, postgres, redis-server, haproxy.
# Usage: bash scripts/ensure-services.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# postgres binaries live under /usr/lib/postgresql/<version>/bin, not on PATH
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
binaries() {
	local pg
	pg="$(postgres_bin)"
	echo "${pg:-/nonexistent}/initdb"
	echo "${pg:-/nonexistent}/postgres"
	echo "$(command -v redis-server || echo /usr/bin/redis-server)"
	echo "$(command -v haproxy || echo /usr/sbin/haproxy)"
}

missing=()
read -r -d '' initdb postgres redis haproxy < <(binaries; printf '\0') || true
[ -x "$initdb" ] && [ -x "$postgres" ] || missing+=(postgresql)
[ -x "$redis" ] || missing+=(redis-server)
[ -x "$haproxy" ] || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
	bash scripts/apt-install.sh "${missing[@]}"
fi

for bin in $(binaries); do
	if [ ! -x "$bin" ]; then
		echo "ensure-services: $bin is missing after the install" >&2
		exit 1
	fi
	echo "$bin"
done
