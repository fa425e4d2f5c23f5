// The why line of a container that ended, with the last line of the log a recording captured of
// that very run: on the test sessions of fixtures/logs (made-up LOG entries over real captures).

import {describe, expect, it} from 'vitest';
import {PodStore} from '../../source/model/store/pod-store.js';
import {LATEST_COMPAT} from '../../source/model/compat.js';
import {explainPod, LAST_LOG_CHARS, whyContext} from '../../source/model/why.js';
import type {LogEntry} from '../../source/session/format.js';
import {captureMoment} from './why-fixture.js';
import {capture, LOG_SESSIONS} from './store/store-fixture.js';

const crashloop = (t: number) => captureMoment('crashloop', t, 0, LOG_SESSIONS);

describe('the last log line in the why line', () => {
	it('ends the crash loop line with the last non-empty line the crashed run wrote, escape sequences and bell taken out', () => {
		const {why} = crashloop(94_809);
		expect(why).toMatchObject({cause: 'crash-loop', container: 'api', next: 'next restart in 78s'});
		expect(why!.text).toMatch(
			/^container api exited 1 \(Error\) after 3s; 4 restarts in 93s; back-off 1m20s, next restart in 78s; message "[^"]+"; last log: /,
		);
		expect(why!.text.endsWith('; last log: ConnectionRefusedError: [Errno 111] Connection refused (run 4)')).toBe(true);
		expect(why!.lastLog).toBe('ConnectionRefusedError: [Errno 111] Connection refused (run 4)');
		expect(why!.text).not.toMatch(/[\u0000-\u001f\u007f]/);
	});

	it('tells the log of the run that ended last, as of the moment: not before it was captured, never an earlier run’s', () => {
		// Run 4 ended at 94 291; its log was fetched 150 ms later.
		expect(crashloop(94_291).why?.lastLog).toBeUndefined();
		expect(crashloop(94_291).why?.text).not.toContain('last log');
		expect(crashloop(94_441).why?.lastLog).toMatch(/\(run 4\)$/);
		// Run 3 (ended 50 729) has no LOG entry: nothing, not run 1's line.
		expect(crashloop(60_000).why).toMatchObject({cause: 'crash-loop'});
		expect(crashloop(60_000).why?.text).not.toContain('last log');
		// Run 1's log, while it backs off and while the next run is up (the why names the run before).
		expect(crashloop(14_132).why?.lastLog).toBe('ConnectionRefusedError: [Errno 111] Connection refused (run 1)');
		expect(crashloop(24_158).why?.text).toMatch(
			/^container api keeps restarting: .*; last log: ConnectionRefusedError: \[Errno 111\] Connection refused \(run 1\)$/,
		);
	});

	it('says nothing of a log the recorder could not read', () => {
		// Run 2 ended at 27 166; its LOG entry holds an error instead of lines.
		const {why} = crashloop(30_000);
		expect(why).toMatchObject({cause: 'crash-loop'});
		expect(why?.text).not.toContain('last log');
	});

	it('ends a failing init container’s line with its log too', () => {
		const {why} = captureMoment('init-crash', 20_012, 0, LOG_SESSIONS);
		expect(why).toMatchObject({cause: 'init-failing', container: 'wait-for-db'});
		expect(why!.text.endsWith('; last log: nc: postgres (10.96.0.17:5432): Connection refused (run 2)')).toBe(true);
	});

	it('cuts a long log line to LAST_LOG_CHARS characters and skips blank last lines', () => {
		const recorded = capture('crashloop', LOG_SESSIONS);
		const store = new PodStore({compat: LATEST_COMPAT});
		const start = Date.parse(recorded.header.recordedAt);
		for (const entry of recorded.entries) if (entry.t <= 94_809 && entry.type !== 'LOG') store.apply(entry, start + entry.t);
		const pod = [...store.view().pods.values()].find(state => state.namespace === 'default')!;
		const ended = recorded.entries.find((entry): entry is LogEntry => entry.type === 'LOG' && entry.t > 94_000)!;
		const long = `{"level":"error","msg":"${'x'.repeat(500)}"}`;
		store.apply({...ended, lines: ['first', long, '   ', '']}, start + 94_810);
		const why = explainPod(pod, whyContext(store.view(), pod, start + 94_810));
		expect([...why!.lastLog!]).toHaveLength(LAST_LOG_CHARS);
		expect(why!.lastLog).toBe(`${long.slice(0, LAST_LOG_CHARS - 1)}…`);
	});
});
