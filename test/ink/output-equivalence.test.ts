// podlife patches Ink's output stage (patches/ink+6.8.0.patch): rows are built once and reused
// across frames by the writes that land on them. What a user sees must not change, ever: every
// frame string the patched Output gives must be the one stock Ink 6.8.0 gives, for any mix of
// writes, clips and transformers. Here both run the same seeded random frames side by side.

import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {seededRandom} from '../sources/replay/seeded-random.js';
import {inkBuildDir, loadOutput, type OutputInstance, type OutputModule} from './ink-builds.js';

let patched: OutputModule;
let stock: OutputModule;

beforeAll(async () => {
	patched = await loadOutput('ink');
	stock = await loadOutput('ink-stock');
});

type Transformer = (line: string, index: number) => string;
type Op =
	| {type: 'write'; x: number; y: number; text: string; transformers: string[]}
	| {type: 'clip'; clip: {x1?: number; x2?: number; y1?: number; y2?: number}}
	| {type: 'unclip'};

/** Transformers by name, made per run so that each build's calls are logged apart. */
function transformerSet(log: string[]): Record<string, Transformer> {
	const logged =
		(name: string, fn: Transformer): Transformer =>
		(line, index) => {
			log.push(`${name}(${JSON.stringify(line)}, ${index})`);
			return fn(line, index);
		};
	return {
		upper: logged('upper', line => line.toUpperCase()),
		green: logged('green', line => `\u001B[32m${line}\u001B[39m`),
		numbered: logged('numbered', (line, index) => `${index}:${line}`),
		// Returns an empty line for odd lines: a write that paints nothing still lands.
		oddBlank: logged('oddBlank', (line, index) => (index % 2 === 1 ? '' : line)),
		wide: logged('wide', line => `世${line}`),
	};
}

/** Applies ops to an Output of either build and returns get() and the transformer calls. */
function run(
	module: OutputModule,
	width: number,
	height: number,
	ops: Op[],
): {result: {output: string; height: number}; calls: string[]; output: OutputInstance} {
	const calls: string[] = [];
	const transformers = transformerSet(calls);
	const output = new module.default({width, height});
	for (const op of ops) {
		if (op.type === 'write') output.write(op.x, op.y, op.text, {transformers: op.transformers.map(name => transformers[name]!)});
		else if (op.type === 'clip') output.clip(op.clip);
		else output.unclip();
	}
	return {result: output.get(), calls, output};
}

const PLAIN = ['a', 'hello', 'NAME', '  ', ' x ', 'Running', '0/1', 'CrashLoopBackOff', '—', '1m30s', 'kube-system'];
// Wide (CJK, emoji) and the table's and lanes' own marks, combining and variation sequences, ZWJ and flags.
const UNUSUAL = ['世界', '日本語', '한', 'ｱ', '👍', '✓', '✗', '○', '–', '›', '↻', '⇣', '░▒▓', '█▄─┤', '╵▼▾▸', '👨‍👩‍👧', '🇯🇵', 'e\u0301', '❤️', '\t'];
const CLOSED_STYLES: Array<[string, string]> = [
	['31', '39'],
	['32', '39'],
	['90', '39'],
	['41', '49'],
	['104', '49'],
	['1', '22'],
	['2', '22'],
	['3', '23'],
	['4', '24'],
	['7', '27'],
];

function generator(seed: number) {
	const random = seededRandom(seed);
	const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const chance = (p: number) => random() < p;

	function style(text: string): string {
		const kind = int(0, 6);
		if (kind === 0) {
			const [open, close] = pick(CLOSED_STYLES);
			return `\u001B[${open}m${text}\u001B[${close}m`;
		}
		if (kind === 1) return `\u001B[${pick(['38', '48'])};5;${int(0, 255)}m${text}\u001B[${pick(['39', '49'])}m`;
		if (kind === 2) return `\u001B[38;2;${int(0, 255)};${int(0, 255)};${int(0, 255)}m${text}\u001B[39m`;
		// chalk's nesting: an inner colour closes with the outer's code, so the outer is opened again.
		if (kind === 3) return `\u001B[32m${text.slice(0, 1)}\u001B[31m${text.slice(1)}\u001B[39m\u001B[32m!\u001B[39m`;
		if (kind === 4) return `\u001B[1;33m${text}\u001B[0m`;
		if (kind === 5) return `\u001B[${pick(CLOSED_STYLES)[0]}m${text}`; // never closed
		return `\u001B[1m\u001B[7m${text}\u001B[27m\u001B[22m`;
	}

	function line(): string {
		let text = '';
		const segments = int(0, 4);
		for (let index = 0; index < segments; index++) {
			let segment = chance(0.3) ? pick(UNUSUAL) : pick(PLAIN);
			if (chance(0.15)) segment = segment.repeat(int(2, 12));
			text += chance(0.5) ? style(segment) : segment;
		}
		return chance(0.15) ? style(text) : text;
	}

	function text(): string {
		if (chance(0.05)) return '';
		const lines = [];
		const count = chance(0.7) ? 1 : int(2, 5);
		for (let index = 0; index < count; index++) lines.push(line());
		return lines.join('\n');
	}

	function write(width: number, height: number): Op {
		// Ink's layout gives whole cells; fractions check that the patch drops a line as stock does.
		const x = chance(0.03) ? int(0, width) + 0.5 : int(-4, width + 4);
		const y = chance(0.03) ? int(0, height) + 0.5 : int(-2, height + 1);
		const names = ['upper', 'green', 'numbered', 'oddBlank', 'wide'];
		const transformers = chance(0.7) ? [] : Array.from({length: int(1, 2)}, () => pick(names));
		return {type: 'write', x, y, text: text(), transformers};
	}

	function clip(width: number, height: number): Op {
		const mode = int(0, 2);
		const x1 = int(-3, width);
		const y1 = int(-2, height);
		return {
			type: 'clip',
			clip: {
				x1: mode === 1 ? undefined : x1,
				x2: mode === 1 ? undefined : x1 + int(0, width + 3),
				y1: mode === 0 ? undefined : y1,
				y2: mode === 0 ? undefined : y1 + int(0, height + 2),
			},
		};
	}

	function op(width: number, height: number): Op {
		const roll = random();
		if (roll < 0.12) return clip(width, height);
		if (roll < 0.2) return {type: 'unclip'};
		return write(width, height);
	}

	function frame(width: number, height: number): Op[] {
		return Array.from({length: int(1, 24)}, () => op(width, height));
	}

	/** The next frame as a UI's would be: mostly the same writes, a few changed. */
	function mutate(ops: Op[], width: number, height: number): Op[] {
		const next = ops.map(item => ({...item}));
		const changes = int(1, 3);
		for (let index = 0; index < changes; index++) {
			const at = int(0, Math.max(0, next.length - 1));
			const roll = random();
			const current = next[at];
			if (current?.type === 'write' && roll < 0.4) current.text = text();
			else if (current?.type === 'write' && roll < 0.6) current.x += int(-2, 2);
			else if (roll < 0.8) next.splice(at, 0, op(width, height));
			else next.splice(at, 1);
		}
		return next;
	}

	return {int, pick, chance, frame, mutate};
}

function expectSame(width: number, height: number, ops: Op[], context: string): ReturnType<typeof run> {
	const mine = run(patched, width, height, ops);
	const theirs = run(stock, width, height, ops);
	// The context (seed, frame) names the case that differs; the ops are printed with it.
	expect({context, output: mine.result, calls: mine.calls}, JSON.stringify({width, height, ops})).toEqual({
		context,
		output: theirs.result,
		calls: theirs.calls,
	});
	return mine;
}

describe("podlife's patched Ink output stage", () => {
	it('gives the frame stock Ink gives for random writes, clips and transformers, frame after frame', () => {
		let reusedFrames = 0;
		for (let seed = 1; seed <= 400; seed++) {
			const gen = generator(seed);
			const width = gen.chance(0.05) ? gen.pick([0, 1, 160]) : gen.int(2, 30);
			const height = gen.chance(0.05) ? gen.pick([0, 1, 50]) : gen.int(2, 10);
			const first = gen.frame(width, height);
			let ops = first;
			expectSame(width, height, ops, `seed ${seed}, frame 0`);
			for (let frame = 1; frame <= 4; frame++) {
				ops = gen.mutate(ops, width, height);
				expectSame(width, height, ops, `seed ${seed}, frame ${frame}`);
			}
			// The first frame again after other rows changed: every row of it comes from the cache.
			const again = expectSame(width, height, first, `seed ${seed}, first frame again`);
			if (again.output.caches.styledChars.size === 0) reusedFrames++;
		}
		// Most first frames have their rows still cached (rows touched since: at most a few hundred).
		expect(reusedFrames).toBeGreaterThan(300);
	});

	it('handles the edge cases one by one', () => {
		const cases: Array<[string, number, number, Op[]]> = [
			['nothing written', 10, 3, []],
			['empty text', 10, 3, [{type: 'write', x: 0, y: 0, text: '', transformers: []}]],
			['empty line between two', 10, 3, [{type: 'write', x: 1, y: 0, text: 'a\n\nb', transformers: ['numbered']}]],
			['wider than the grid', 4, 2, [{type: 'write', x: 2, y: 0, text: 'abcdef', transformers: []}]],
			['past the right edge, leaving holes', 4, 2, [{type: 'write', x: 7, y: 1, text: 'z', transformers: []}]],
			['left of the grid', 6, 2, [{type: 'write', x: -2, y: 0, text: '世abc', transformers: []}]],
			['starting above the grid: stock drops every line', 6, 3, [{type: 'write', x: 0, y: -1, text: 'a\nb\nc', transformers: ['upper']}]],
			['running off the bottom', 6, 2, [{type: 'write', x: 0, y: 1, text: 'a\nb\nc', transformers: ['numbered']}]],
			['half a row', 6, 3, [{type: 'write', x: 0, y: 0.5, text: 'a\nb', transformers: ['upper']}]],
			['half a column', 6, 2, [{type: 'write', x: 1.5, y: 0, text: 'ab', transformers: []}]],
			[
				'wide characters over narrow ones',
				8,
				1,
				[
					{type: 'write', x: 0, y: 0, text: 'abcdefgh', transformers: []},
					{type: 'write', x: 1, y: 0, text: '世界', transformers: []},
					{type: 'write', x: 2, y: 0, text: 'x', transformers: []},
				],
			],
			['a wide character on the last column', 5, 1, [{type: 'write', x: 4, y: 0, text: '👍', transformers: []}]],
			[
				'later writes win, styles included',
				10,
				1,
				[
					{type: 'write', x: 0, y: 0, text: '\u001B[31mredredred\u001B[39m', transformers: []},
					{type: 'write', x: 3, y: 0, text: '\u001B[1mB\u001B[22m', transformers: []},
				],
			],
			[
				'clipped on both axes, nested',
				10,
				4,
				[
					{type: 'clip', clip: {x1: 2, x2: 6, y1: 1, y2: 3}},
					{type: 'write', x: 0, y: 0, text: '0123456789\nabcdefghij\n世界世界世界\nklmnopqrst', transformers: ['green']},
					{type: 'clip', clip: {x1: 0, x2: 10}},
					{type: 'write', x: 8, y: 3, text: 'wxyz', transformers: []},
					{type: 'unclip'},
					{type: 'write', x: 5, y: 2, text: 'XY', transformers: []},
					{type: 'unclip'},
					{type: 'unclip'},
				],
			],
			[
				'wholly outside its clip',
				10,
				2,
				[
					{type: 'clip', clip: {x1: 0, x2: 3, y1: 0, y2: 1}},
					{type: 'write', x: 5, y: 0, text: 'gone', transformers: ['upper']},
				],
			],
		];
		for (const [name, width, height, ops] of cases) expectSame(width, height, ops, name);
	});

	it('tells rows apart when only the width differs', () => {
		const ops: Op[] = [{type: 'write', x: 7, y: 0, text: 'z', transformers: []}];
		const narrow = expectSame(5, 1, ops, 'width 5');
		const wide = expectSame(10, 1, ops, 'width 10');
		expect(narrow.result.output).not.toBe(wide.result.output);
	});

	it('tells rows apart when a line holds what looks like two writes', () => {
		// One write whose line holds the key's separator and an x, then the two writes it would be
		// mistaken for if the key did not carry each line's length.
		const one: Op[] = [{type: 'write', x: 0, y: 0, text: 'a\u00000\u0000b', transformers: []}];
		const two: Op[] = [
			{type: 'write', x: 0, y: 0, text: 'a', transformers: []},
			{type: 'write', x: 0, y: 0, text: 'b', transformers: []},
		];
		expectSame(8, 1, one, 'one write');
		expectSame(8, 1, two, 'two writes');
		expectSame(8, 1, one, 'one write again');
	});
});

describe('the patched output stage is really in use', () => {
	it('runs Ink as published but for the files patches/ink+6.8.0.patch changes', () => {
		const patch = readFileSync(fileURLToPath(new URL('../../patches/ink+6.8.0.patch', import.meta.url)), 'utf8');
		const named = [...patch.matchAll(/^diff --git a\/node_modules\/ink\/(\S+)/gm)].map(match => match[1]!).sort();
		const ours = path.dirname(inkBuildDir('ink'));
		const published = path.dirname(inkBuildDir('ink-stock'));
		const files = readdirSync(published, {recursive: true, encoding: 'utf8'}).filter(file => file.endsWith('.js') || file === 'package.json');
		const changed = files.filter(file => !readFileSync(path.join(ours, file)).equals(readFileSync(path.join(published, file))));
		// And the files the patch adds (its fast paths, narrow-text.js, styled-chars.js).
		const added = readdirSync(ours, {recursive: true, encoding: 'utf8'}).filter(file => file.endsWith('.js') && !files.includes(file));
		expect(named.length).toBeGreaterThan(0);
		expect([...changed, ...added].map(file => file.split(path.sep).join('/')).sort()).toEqual(named);
	});

	it('builds a row once and reuses it in a later frame (stock re-reads every line every frame)', () => {
		const ops: Op[] = [
			{type: 'write', x: 0, y: 0, text: '\u001B[32m✓\u001B[39m web-7d4f9 Running', transformers: []},
			{type: 'write', x: 2, y: 1, text: 'db-0 \u001B[31mCrashLoopBackOff\u001B[39m', transformers: []},
		];
		run(patched, 40, 3, ops);
		const second = run(patched, 40, 3, ops);
		const stockSecond = run(stock, 40, 3, ops);
		expect(second.result).toEqual(stockSecond.result);
		// A row from the cache is never tokenized again; stock tokenizes both lines for every frame.
		expect(second.output.caches.styledChars.size).toBe(0);
		expect(stockSecond.output.caches.styledChars.size).toBe(2);
	});

	it('keeps the row cache bounded however many different rows a session shows', () => {
		const cache = patched.podlifeRowCache!;
		// 60 frames of 50 new rows each: more rows than the cache keeps.
		for (let frame = 0; frame < 60; frame++) {
			const ops: Op[] = Array.from({length: 50}, (_, y) => ({type: 'write', x: 0, y, text: `f${frame} r${y} \u001B[33m·\u001B[39m`, transformers: []}));
			const mine = run(patched, 40, 50, ops);
			expect(mine.result).toEqual(run(stock, 40, 50, ops).result);
			expect(cache.size().rows).toBeLessThanOrEqual(cache.maxRows);
		}
		expect(cache.size().rows).toBe(cache.maxRows);
		// Rows with many writes (long keys): the character budget binds before the row count does.
		const layer: Op[] = Array.from({length: 80}, () => ({type: 'write', x: 0, y: 0, text: 'abcdefghij'.repeat(10), transformers: []}));
		for (let frame = 0; frame < 40; frame++) {
			const ops: Op[] = Array.from({length: 10}, (_, y) => [
				...layer.map(op => ({...op, y})),
				{type: 'write', x: 0, y, text: `${frame}:${y}`, transformers: []} as Op,
			]).flat();
			const mine = run(patched, 100, 10, ops);
			expect(mine.result).toEqual(run(stock, 100, 10, ops).result);
			expect(cache.size().chars).toBeLessThanOrEqual(cache.maxChars);
		}
		expect(cache.size().rows).toBeLessThan(cache.maxRows / 2);
	});
});
