import {describe, expect, it} from 'vitest';
import {UsageError} from '../../source/errors.js';
import {LATEST_COMPAT, compatForServerVersion, parseStatusCompat} from '../../source/model/compat.js';

describe('compatForServerVersion', () => {
	it('prints Terminating for finished pods being deleted on 1.30 servers, not on 1.31', () => {
		expect(compatForServerVersion('v1.30.4')).toEqual({label: '1.30', terminatingForTerminalPods: true, errorBeatsCompleted: false});
		expect(compatForServerVersion('v1.31.0')).toEqual({label: '1.31', terminatingForTerminalPods: false, errorBeatsCompleted: false});
	});

	it('lets a failed container beat Completed from 1.35', () => {
		expect(compatForServerVersion('v1.34.9').errorBeatsCompleted).toBe(false);
		expect(compatForServerVersion('v1.35.6').errorBeatsCompleted).toBe(true);
	});

	it('reads vendor suffixes like v1.30.0-gke.123 and v1.31.2+k3s1', () => {
		expect(compatForServerVersion('v1.30.0-gke.123').label).toBe('1.30');
		expect(compatForServerVersion('v1.31.2+k3s1').label).toBe('1.31');
	});

	it('reads the recorded servers of the fixtures', () => {
		expect(compatForServerVersion('v1.32.13')).toEqual({label: '1.32', terminatingForTerminalPods: false, errorBeatsCompleted: false});
		expect(compatForServerVersion('v1.36.3')).toEqual({label: '1.36', terminatingForTerminalPods: false, errorBeatsCompleted: true});
	});

	it('clamps servers older than 1.29 to 1.29 behaviour and says so', () => {
		expect(compatForServerVersion('v1.27.3')).toEqual({label: '1.29 (clamped from 1.27)', terminatingForTerminalPods: true, errorBeatsCompleted: false});
	});

	it('assumes the newest behaviour when the version is unknown or unparsable', () => {
		for (const version of [null, undefined, '', 'unknown', 'v2.0.0']) expect(compatForServerVersion(version)).toBe(LATEST_COMPAT);
	});
});

describe('parseStatusCompat (--status-compat)', () => {
	it('accepts latest, 1.N and v1.N[.P]', () => {
		expect(parseStatusCompat('latest')).toBe(LATEST_COMPAT);
		expect(parseStatusCompat('1.30').label).toBe('1.30');
		expect(parseStatusCompat('v1.35').errorBeatsCompleted).toBe(true);
		expect(parseStatusCompat('v1.28.4').label).toBe('1.29 (clamped from 1.28)');
	});

	it('rejects anything else with a one-line usage error naming the accepted values', () => {
		for (const value of ['newest', '2.1', '1', '1.x', 'v1.30.0-gke.1']) {
			expect(() => parseStatusCompat(value)).toThrow(UsageError);
		}
		expect(() => parseStatusCompat('newest')).toThrow(/^--status-compat: "newest" is not a version; use "latest" or a Kubernetes version like 1\.30/);
	});
});
