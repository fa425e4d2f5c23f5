import {describe, expect, it} from 'vitest';
import {backOffFromMessage, nextRestartAt, parseGoDuration} from '../../source/model/backoff.js';
import {capture, podEntries} from './store/store-fixture.js';

function waitingMessages(name: string, reason: string): string[] {
	const messages: string[] = [];
	for (const entry of podEntries(capture(name))) {
		const statuses = [...(entry.object.status?.initContainerStatuses ?? []), ...(entry.object.status?.containerStatuses ?? [])];
		for (const status of statuses) {
			const waiting = status.state?.waiting;
			if (waiting?.reason === reason && waiting.message) messages.push(waiting.message);
		}
	}
	return messages;
}

describe('kubelet back-off messages', () => {
	it('reads the doubling crash-loop back-off of crashloop.ndjson: 10s, 20s, 40s, 1m20s', () => {
		expect(waitingMessages('crashloop', 'CrashLoopBackOff').map(backOffFromMessage)).toEqual([10_000, 20_000, 40_000, 80_000]);
	});

	it('reads the back-off of a crashing init container (init-crash.ndjson)', () => {
		expect(waitingMessages('init-crash', 'CrashLoopBackOff').map(backOffFromMessage)).toEqual([10_000, 20_000]);
	});

	it('finds no duration in the image pull back-off, which carries none', () => {
		const messages = waitingMessages('imagepull', 'ImagePullBackOff');
		expect(messages.length).toBeGreaterThan(0);
		for (const message of messages) expect(backOffFromMessage(message)).toBeNull();
	});

	it('reads Go durations as Duration.String prints them', () => {
		expect(parseGoDuration('5m0s')).toBe(300_000);
		expect(parseGoDuration('2m40s')).toBe(160_000);
		expect(parseGoDuration('1h2m3s')).toBe(3_723_000);
		expect(parseGoDuration('1.5s')).toBe(1500);
		expect(parseGoDuration('500ms')).toBe(500);
		expect(parseGoDuration('0s')).toBe(0);
		expect(parseGoDuration('10')).toBeNull();
		expect(parseGoDuration('10x')).toBeNull();
		expect(parseGoDuration('')).toBeNull();
	});

	it('places the next restart at the last exit plus the back-off, and nowhere when either is unknown', () => {
		expect(nextRestartAt(1000, 10_000)).toBe(11_000);
		expect(nextRestartAt(null, 10_000)).toBeNull();
		expect(nextRestartAt(1000, null)).toBeNull();
	});
});
