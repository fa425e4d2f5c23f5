// Loads `--output trace` files in the trace viewers built into Chromium and prints what each
// imported: per process and thread, the slices it made of podlife's complete events. Not part of CI
// (it needs a Chromium and playwright-core, which it installs into a folder of its own under the
// system's temp folder, never into the project).
//
//   podlife replay demo-fixtures/mixed.ndjson -o trace > /tmp/mixed.json
//   node scripts/trace-in-chromium.mjs /tmp/mixed.json [more.json …]
//
// CHROMIUM names the browser (default /usr/bin/chromium, Debian's `apt-get install chromium`).
// Two viewers:
// - chrome://tracing (catapult's trace viewer): its debug pages are switched on in a profile of the
//   script's own first. A Chromium built without the viewer (Debian's 150 is one: the page is listed
//   in chrome://chrome-urls but fails to load) is reported as such.
// - DevTools' Performance panel: its trace engine (models/trace), which "Load profile" runs on a
//   file, imported from the DevTools bundled in the same Chromium. It keeps what Perfetto would drop
//   (overlapping slices, a negative dur), so the file is also held to Perfetto's rules as the tests
//   hold it (test/helpers/trace-import.ts): Perfetto UI itself cannot be loaded offline.
// Exit 1 when a viewer that loaded lost a slice the file holds or failed on the file, or when the
// file breaks one of Perfetto's rules.

import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {build} from 'esbuild';

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error('usage: node scripts/trace-in-chromium.mjs TRACE.json [TRACE.json …]');
	process.exit(2);
}
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
	console.error(`no Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM`);
	process.exit(1);
}

const home = path.join(tmpdir(), 'podlife-trace-in-chromium');
const modules = path.join(home, 'node_modules');
if (!existsSync(path.join(modules, 'playwright-core'))) {
	mkdirSync(home, {recursive: true});
	execFileSync('npm', ['install', '--prefix', home, '--no-audit', '--no-fund', '--silent', 'playwright-core'], {stdio: 'inherit'});
}
const {chromium} = createRequire(path.join(home, 'package.json'))('playwright-core');

const args = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
	// Headless Chromium opens chrome:// pages only with this.
	'--allow-chrome-scheme-url',
];

/** The X events the file holds, by "pid/tid", and its thread names. */
function written(text) {
	const events = JSON.parse(text).traceEvents;
	const slices = new Map();
	const names = new Map();
	for (const event of events) {
		const key = `${event.pid}/${event.tid}`;
		if (event.ph === 'X') slices.set(key, (slices.get(key) ?? 0) + 1);
		if (event.ph === 'M' && event.name === 'thread_name') names.set(key, event.args.name);
	}
	return {events, slices, names};
}

/** Compares a viewer's slices per thread with the file's; returns whether all are there. */
function report(viewer, threads, file) {
	let lost = 0;
	let imported = 0;
	let total = 0;
	for (const [key, count] of file.slices) {
		const got = threads.get(key) ?? 0;
		imported += Math.min(got, count);
		total += count;
		if (got === count) continue;
		lost++;
		console.log(`  LOST ${key.padEnd(7)} ${String(file.names.get(key))}: ${got} of ${count} slices`);
	}
	console.log(`  ${viewer}: ${threads.size} threads, ${imported} of ${total} slices${lost === 0 ? ', each on its thread' : `; ${lost} thread(s) lost slices`}`);
	return lost === 0;
}

/** The tests' model of Perfetto's JSON importer, bundled from its TypeScript. */
async function perfettoRules() {
	const helper = path.join(import.meta.dirname, '..', 'test', 'helpers', 'trace-import.ts');
	const {outputFiles} = await build({entryPoints: [helper], bundle: true, format: 'esm', write: false, logLevel: 'silent'});
	return (await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`)).importTrace;
}

function perfetto(importTrace, text, file) {
	const imported = importTrace(text);
	for (const problem of imported.problems) console.log(`  Perfetto rule broken: ${problem}`);
	const threads = new Map([...imported.threads].map(([key, thread]) => [key, thread.slices.filter(slice => slice.ph === 'X').length]));
	return report("Perfetto's rules", threads, file) && imported.problems.length === 0;
}

async function catapult(context, text, file) {
	const page = await context.newPage();
	try {
		await page.goto('chrome://chrome-urls/');
		const enable = page.locator('cr-button', {hasText: 'Enable internal debugging pages'});
		if (await enable.count()) await enable.click();
		await page.goto('chrome://tracing/', {timeout: 20_000});
		await page.waitForFunction(() => globalThis.tr?.importer?.Import !== undefined, null, {timeout: 20_000});
	} catch (error) {
		console.log(`  chrome://tracing: not available in this Chromium (${String(error.message).split('\n')[0]})`);
		await page.close();
		return true;
	}
	const result = await page.evaluate(json => {
		const model = new globalThis.tr.Model();
		new globalThis.tr.importer.Import(model).importTraces([json]);
		const threads = [];
		for (const process of model.getAllProcesses())
			for (const thread of Object.values(process.threads))
				threads.push([`${process.pid}/${thread.tid}`, thread.sliceGroup.slices.filter(slice => slice.duration > 0).length]);
		return {threads, warnings: model.importWarnings.map(warning => warning.message)};
	}, text);
	await page.close();
	for (const warning of result.warnings) console.log(`  chrome://tracing warning: ${warning}`);
	return report('chrome://tracing', new Map(result.threads), file) && result.warnings.length === 0;
}

async function devtools(context, file) {
	const page = await context.newPage();
	await page.goto('devtools://devtools/bundled/trace_app.html');
	const result = await page.evaluate(async events => {
		try {
			const Trace = await import('./models/trace/trace.js');
			const model = Trace.TraceModel.Model.createWithAllHandlers();
			await model.parse(events);
			const data = model.parsedTrace().data;
			const threads = [];
			for (const [pid, process] of data.Renderer.processes) for (const [tid, thread] of process.threads) threads.push([`${pid}/${tid}`, thread.entries.length]);
			return {threads, warnings: [...data.Warnings.perWarning.keys()]};
		} catch (error) {
			return {error: String(error)};
		}
	}, file.events);
	await page.close();
	if (result.error) {
		console.log(`  DevTools failed on the file: ${result.error}`);
		return false;
	}
	for (const warning of result.warnings) console.log(`  DevTools warning: ${warning}`);
	return report('DevTools Performance panel', new Map(result.threads), file);
}

const importTrace = await perfettoRules();
const context = await chromium.launchPersistentContext(path.join(home, 'profile'), {executablePath: chromiumPath, args});
let ok = true;
try {
	console.log(`Chromium ${context.browser()?.version() ?? '(version unknown)'}`);
	for (const name of files) {
		const text = readFileSync(name, 'utf8');
		const file = written(text);
		console.log(`${name}: ${file.events.length} events, ${[...file.slices.values()].reduce((a, b) => a + b, 0)} complete slices`);
		ok = perfetto(importTrace, text, file) && ok;
		ok = (await catapult(context, text, file)) && ok;
		ok = (await devtools(context, file)) && ok;
	}
} finally {
	await context.close();
}
process.exit(ok ? 0 : 1);
