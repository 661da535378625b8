// Copies what tsc does not: icons (SVG/PNG) and the nodes' JSON files (codex, output schemas).
const path = require('path');
const { src, dest, task } = require('gulp');

function copyStatic() {
	return src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}', 'icons/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

task('build:icons', copyStatic);
