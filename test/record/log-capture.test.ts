import {describe, expect, it} from 'vitest';
import type {RunPlace, RunToRead} from '../../source/model/ended-runs.js';
import {LOG_MAX_BYTES, LogCapture, lastLines, type CapturedLogEntry} from '../../source/record/log-capture.js';
import type {LogTarget} from '../../source/sources/log-feed.js';
import {KubeApiError} from '../../source/sources/live/kube-error.js';
import type {LogQuery} from '../../source/sources/live/log-request.js';
import {waitUntil} from '../sources/live/helpers.js';

const RUN: RunToRead = {
	namespace: 'default',
	pod: 'api-7d4f9',
	uid: 'uid-1',
	container: 'api',
	containerID: 'containerd://aaa',
	previous: true,
	restartCount: 3,
};

interface Asked {
	target: LogTarget;
	query: LogQuery;
	answer: (text: string) => void;
	refuse: (error: unknown) => void;
}

/** A capture whose reads wait for the test to answer them. */
function captureWith(place: (run: RunToRead) => RunPlace = run => (run.previous ? 'previous' : 'current'), maxInFlight?: number) {
	const asked: Asked[] = [];
	const logs: CapturedLogEntry[] = [];
	const capture = new LogCapture({
		read: (target, query) =>
			new Promise<string>((answer, refuse) => {
				asked.push({target, query, answer, refuse});
			}),
		placeOf: place,
		onLog: log => logs.push(log),
		maxInFlight,
	});
	return {capture, asked, logs};
}

const refusal = (code: number, message?: string) =>
	new KubeApiError(code, message === undefined ? null : {kind: 'Status', code, message}, {verb: 'get', resource: 'pods/log', namespace: 'default'});

describe('lastLines', () => {
	it('keeps the last 50 lines, oldest first, without line ends, and says when there were more', () => {
		const text = Array.from({length: 51}, (_, index) => `line ${index}\r\n`).join('');
		const kept = lastLines(text, false);
		expect(kept.lines).toHaveLength(50);
		expect(kept.lines[0]).toBe('line 1');
		expect(kept.lines.at(-1)).toBe('line 50');
		expect(kept.truncated).toBe(true);
		expect(lastLines('one\n\ntwo\n', false)).toEqual({lines: ['one', '', 'two'], truncated: false});
		expect(lastLines('', false)).toEqual({lines: [], truncated: false});
	});

	it('keeps whole lines from the end within 64 KB, and the end of a line longer than that', () => {
		const big = 'x'.repeat(30_000);
		const kept = lastLines(`${big}a\n${big}b\n${big}c\n`, false);
		expect(kept.lines.map(line => line.at(-1))).toEqual(['b', 'c']);
		expect(kept.truncated).toBe(true);
		const huge = lastLines(`${'y'.repeat(100_000)}END\n`, false);
		expect(huge.lines).toHaveLength(1);
		expect(huge.lines[0]!.endsWith('END')).toBe(true);
		expect(Buffer.byteLength(huge.lines[0]!)).toBeLessThan(LOG_MAX_BYTES);
	});
});

describe('LogCapture', () => {
	it('asks for one line more than it keeps, as the run is now, and writes what came', async () => {
		const {capture, asked, logs} = captureWith();
		capture.add(RUN);
		expect(asked.map(ask => [ask.target, ask.query.tailLines])).toEqual([
			[{namespace: 'default', pod: 'api-7d4f9', uid: 'uid-1', container: 'api', previous: true}, 51],
		]);
		asked[0]!.answer('connecting...\nConnectionRefusedError: [Errno 111] Connection refused\n');
		await waitUntil(() => logs.length === 1, 'the log');
		expect(logs[0]).toEqual({
			type: 'LOG',
			namespace: 'default',
			pod: 'api-7d4f9',
			uid: 'uid-1',
			container: 'api',
			containerID: 'containerd://aaa',
			previous: true,
			restartCount: 3,
			lines: ['connecting...', 'ConnectionRefusedError: [Errno 111] Connection refused'],
		});
	});

	it('keeps at most the bound in flight and asks for the rest as answers come', async () => {
		const {capture, asked, logs} = captureWith(undefined, 2);
		for (let index = 0; index < 5; index++) capture.add({...RUN, pod: `p${index}`});
		expect(asked).toHaveLength(2);
		asked[0]!.answer('a\n');
		await waitUntil(() => asked.length === 3, 'the third request');
		expect(capture.pending).toBe(4);
		for (const ask of asked.slice(1)) ask.answer('b\n');
		await waitUntil(() => asked.length === 5, 'the last requests');
		for (const ask of asked.slice(3)) ask.answer('c\n');
		await waitUntil(() => logs.length === 5, 'five logs');
		expect(capture.pending).toBe(0);
	});

	it('words refusals as the format says: forbidden, the server’s message, not found', async () => {
		const {capture, asked, logs} = captureWith();
		for (const pod of ['a', 'b', 'c', 'd']) capture.add({...RUN, pod});
		asked[0]!.refuse(refusal(403, 'pods "a" is forbidden: User "dev" cannot get resource "pods/log"'));
		asked[1]!.refuse(refusal(500, 'Get "https://172.18.0.3:10250/containerLogs/default/b/api": dial tcp 172.18.0.3:10250: connect: connection refused'));
		asked[2]!.refuse(refusal(404));
		asked[3]!.refuse(new Error('socket hang up'));
		await waitUntil(() => logs.length === 4, 'four refusals');
		expect(logs.map(log => [log.pod, log.error, log.lines])).toEqual([
			['a', 'forbidden', []],
			['b', 'Get "https://172.18.0.3:10250/containerLogs/default/b/api": dial tcp 172.18.0.3:10250: connect: connection refused', []],
			['c', 'not found', []],
			['d', 'socket hang up', []],
		]);
	});

	it('reads a run that restarted while it waited as the previous instance, and skips one that is gone', async () => {
		const places: Record<string, RunPlace> = {restarted: 'previous', gone: null};
		const {capture, asked, logs} = captureWith(run => (run.pod in places ? places[run.pod]! : 'current'));
		capture.add({...RUN, pod: 'restarted', previous: false});
		capture.add({...RUN, pod: 'gone'});
		expect(asked.map(ask => [ask.target.pod, ask.target.previous])).toEqual([['restarted', true]]);
		expect(logs).toEqual([expect.objectContaining({pod: 'gone', lines: [], error: 'not found (gone before it could be read)'})]);
		asked[0]!.answer('bye\n');
		await waitUntil(() => logs.length === 2, 'the restarted run');
		expect(logs[1]).toMatchObject({pod: 'restarted', previous: true, lines: ['bye']});
	});

	it('once finished, takes no more runs and writes nothing of those it abandoned', async () => {
		const {capture, asked, logs} = captureWith(undefined, 1);
		capture.add({...RUN, pod: 'slow'});
		capture.add({...RUN, pod: 'queued'});
		expect(await capture.finish(20)).toBe(2);
		asked[0]!.answer('late\n');
		capture.add({...RUN, pod: 'after'});
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(asked).toHaveLength(1);
		expect(logs).toEqual([]);
	});

	it('waits for the logs in flight when finishing within the grace', async () => {
		const {capture, asked, logs} = captureWith();
		capture.add(RUN);
		const finished = capture.finish(5000);
		asked[0]!.answer('last words\n');
		expect(await finished).toBe(0);
		expect(logs.map(log => log.lines)).toEqual([['last words']]);
	});
});
