import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {lineText} from '../../../source/view/detail/lines.js';
import {lanesFrame, type LaneRow, type LaneRows} from '../../../source/view/lanes/lanes-frame.js';
import {loadCapture} from '../../helpers/load-capture.js';

function rolloutStore(): {store: PodStore; now: number} {
	const capture = loadCapture(join(import.meta.dirname, '..', '..', 'fixtures', 'captures-full', 'rollout-undo.ndjson'));
	const recordedAt = Date.parse(capture.header.recordedAt);
	const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion), tombstoneMs: Infinity});
	let now = recordedAt;
	for (const entry of capture.entries) {
		now = recordedAt + entry.t;
		store.apply(entry, now);
	}
	return {store, now};
}

function rowsOf(rows: LaneRow[]): LaneRows {
	return {length: rows.length, rowAt: index => rows[index]};
}

describe('the lanes frame', () => {
	const {store, now} = rolloutStore();
	const pods = store.view().pods;
	const apiKeys = [...pods.keys()].filter(key => key.startsWith('default/api-')).sort();

	it('draws one lane per pod row, every line as wide as the screen, the cursor row marked', () => {
		const rows = rowsOf(apiKeys.map(key => ({kind: 'pod', key})));
		const body = lanesFrame({
			rows,
			cursor: 1,
			offset: 0,
			height: 5,
			width: 80,
			pods,
			now,
			end: now,
			spanMs: 120_000,
			timeCursor: now,
			oneNamespace: true,
			recordingStart: null,
			title: '2m',
		});
		expect(body.lines).toHaveLength(5);
		for (const line of body.lines) expect(stringWidth(lineText(line))).toBe(80);
		expect(lineText(body.lines[1]!).startsWith('› api-')).toBe(true);
		expect(lineText(body.lines[0]!).startsWith('  api-')).toBe(true);
		expect(body.selected).toBe(1);
		// The cursor is now, at the right edge: the axis marks it there.
		expect(lineText(body.header).endsWith('▼')).toBe(true);
		expect(lineText(body.header)).toMatch(/^ {2}2m +.*╵\d\d:\d\d:\d\d/);
	});

	it('draws a group row as the line it is given, in the rows’ order', () => {
		const rows = rowsOf([
			{kind: 'group', id: 'deploy/api', line: [{text: 'api  Deployment'}]},
			{kind: 'pod', key: apiKeys[0]!},
		]);
		const body = lanesFrame({
			rows,
			cursor: 0,
			offset: 0,
			height: 5,
			width: 60,
			pods,
			now,
			end: now,
			spanMs: 120_000,
			timeCursor: null,
			oneNamespace: true,
			recordingStart: null,
			title: '2m',
		});
		expect(body.lines.map(lineText)[0]).toBe('› api  Deployment');
		expect(lineText(body.lines[1]!).startsWith(`  ${apiKeys[0]!.slice('default/'.length)}`)).toBe(true);
	});
});
