// The floor of listing a cluster's pods: GET every page of /api/v1/pods (limit 500, as podlife and
// kubectl page) and JSON.parse each, nothing else. What no client can beat on this server; the
// live bench's "full table" budget is a multiple of it, measured in the same run.
// Run as a child of bench/run.js: node bench/lib/list-floor.js URL
// (the fake server takes no credentials; a real one would need the kubeconfig's).

import http from 'node:http';
import {report} from './dist.js';

const base = process.argv[2];
const agent = new http.Agent({keepAlive: true});

function get(url) {
	return new Promise((resolve, reject) => {
		http
			.get(url, {agent, headers: {Accept: 'application/json'}}, response => {
				const chunks = [];
				response.on('data', chunk => chunks.push(chunk));
				response.on('end', () => {
					if (response.statusCode !== 200) reject(new Error(`GET ${url}: HTTP ${response.statusCode}`));
					else resolve(Buffer.concat(chunks).toString('utf8'));
				});
				response.on('error', reject);
			})
			.on('error', reject);
	});
}

const started = performance.now();
let items = 0;
let pages = 0;
let continueToken = '';
do {
	const query = new URLSearchParams({limit: '500'});
	if (continueToken) query.set('continue', continueToken);
	const list = JSON.parse(await get(`${base}/api/v1/pods?${query}`));
	items += list.items.length;
	pages += 1;
	continueToken = list.metadata?.continue ?? '';
} while (continueToken);
report({ms: performance.now() - started, items, pages});
agent.destroy();
