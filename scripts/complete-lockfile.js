#!/usr/bin/env node
// The npm registry mirror these machines use lacks the other-platform builds of unrs-resolver's
// native binding (a dependency of n8n's lint), so `npm install` leaves them out of package-lock.json
// and `npm ci` then refuses the lock file. This adds them back as skipped optional entries
// (their os/cpu never match where they are missing, so nothing is ever downloaded for them).
// Run after regenerating package-lock.json: node scripts/complete-lockfile.js
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const platforms = {
	android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', win32: 'win32', openharmony: 'openharmony',
};
const cpus = { 'arm-eabi': 'arm', arm: 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		if (!name.startsWith('@unrs/resolver-binding-')) continue;
		const target = `node_modules/${name}`;
		if (lock.packages[target] || lock.packages[`${location}/${target}`]) continue;
		const [os, cpuPart, abi] = name.replace('@unrs/resolver-binding-', '').split('-');
		const cpu = cpus[cpuPart === 'arm' && abi === 'eabi' ? 'arm-eabi' : cpuPart];
		if (!platforms[os] || !cpu) continue;
		const added_entry = { version, cpu: [cpu], dev: true, license: 'MIT', optional: true, os: [platforms[os]] };
		if (abi === 'gnu' || abi === 'gnueabihf') added_entry.libc = ['glibc'];
		if (abi === 'musl' || abi === 'musleabihf') added_entry.libc = ['musl'];
		lock.packages[target] = added_entry;
		added++;
	}
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: ${added} entries added`);
