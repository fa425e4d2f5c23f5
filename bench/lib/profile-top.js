// Reads a V8 .cpuprofile (node --cpu-prof) and prints the functions with the most self time and
// the most total time (self + callees), with their file:line. Usage:
//   node bench/lib/profile-top.js FILE.cpuprofile [N]

import {readFileSync} from 'node:fs';

const [file, countText = '25'] = process.argv.slice(2);
const count = Number(countText);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map(node => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Sample counts → time per node (timeDeltas are µs between samples).
const selfUs = new Map();
profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const label = node => {
	const frame = node.callFrame;
	const where = frame.url ? `${frame.url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/')}:${frame.lineNumber + 1}` : '';
	return `${frame.functionName || '(anonymous)'} ${where}`.trim();
};

const self = new Map();
const inclusive = new Map();
for (const [id, us] of selfUs) {
	const node = nodes.get(id);
	const key = label(node);
	self.set(key, (self.get(key) ?? 0) + us);
	// Count each function once per sample stack (recursion).
	const seen = new Set();
	for (let at = id; at !== undefined; at = parent.get(at)) {
		const name = label(nodes.get(at));
		if (seen.has(name)) continue;
		seen.add(name);
		inclusive.set(name, (inclusive.get(name) ?? 0) + us);
	}
}

const print = (title, map) => {
	process.stdout.write(`${title} (of ${(totalUs / 1000).toFixed(0)} ms sampled)\n`);
	for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
		process.stdout.write(`  ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}\n`);
	}
};
print('self time', self);
print('total time', inclusive);
