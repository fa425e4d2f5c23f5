// `GET /api/v1/namespaces/{ns}/pods/{name}/log` from the session's LOG entries: the served pod
// says which run of which container is asked for (log-location.ts), the latest log captured of
// that run up to the served moment answers it, cut by tailLines and limitBytes, with timestamps
// when asked, as text/plain. A session holds only what a recorder captured (the logs of containers
// that terminated or restarted), so a run it has no log of is a 404 that says so. A run that has
// ended has its whole log from that moment: a LOG entry of exactly that run (its container ID)
// answers for it even when the recorder fetched it a moment later, so that a recording of a served
// session (whose recorder asks as soon as the run ends) reads what the original recorder read.

import type {Pod} from '../kube/objects.js';
import {capturedLog, type CapturedLog} from '../model/captured-log.js';
import {logOfRun} from '../model/container-logs.js';
import {podKey} from '../model/pod-key.js';
import {isLogEntry, type LogEntry, type SessionEntry} from '../session/format.js';
import type {Answer} from './list.js';
import {logLocation} from '../model/log-location.js';
import * as status from './status.js';

/** The query of a log request, as the API server reads PodLogOptions. */
export interface LogQuery {
	container?: string;
	previous: boolean;
	timestamps: boolean;
	follow: boolean;
	tailLines?: number;
	limitBytes?: number;
}

const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/** The options of a log request (Go's ParseBool and ParseInt words), or the server's refusal. */
export function parseLogQuery(name: string, query: Record<string, string>): LogQuery | status.StatusBody {
	const flag = (key: string): boolean | string => {
		const text = query[key];
		if (text === undefined || text === '' || FALSE.has(text)) return false;
		return TRUE.has(text) ? true : `${key}: invalid boolean ${JSON.stringify(text)}`;
	};
	const whole = (key: string): number | undefined | string => {
		const text = query[key];
		if (text === undefined || text === '') return undefined;
		return /^[+-]?\d+$/.test(text) ? Number(text) : `${key}: invalid integer ${JSON.stringify(text)}`;
	};
	const previous = flag('previous');
	const timestamps = flag('timestamps');
	const follow = flag('follow');
	const tailLines = whole('tailLines');
	const limitBytes = whole('limitBytes');
	for (const value of [previous, timestamps, follow, tailLines, limitBytes]) if (typeof value === 'string') return status.badRequest(value);
	// pkg/apis/core/validation ValidatePodLogOptions.
	const causes: Array<{field: string; value: number; message: string}> = [];
	if (typeof tailLines === 'number' && tailLines < 0) causes.push({field: 'tailLines', value: tailLines, message: 'must be greater than or equal to 0'});
	if (typeof limitBytes === 'number' && limitBytes < 1) causes.push({field: 'limitBytes', value: limitBytes, message: 'must be greater than 0'});
	if (causes.length > 0) return status.invalid('PodLogOptions', name, causes);
	return {
		container: query['container'] || undefined,
		previous: previous as boolean,
		timestamps: timestamps as boolean,
		follow: follow as boolean,
		tailLines: tailLines as number | undefined,
		limitBytes: limitBytes as number | undefined,
	};
}

/** The kubelet's timestamp of a log line (RFC3339Nano with all nine digits). */
export function logTimestamp(epochMs: number): string {
	return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** A log's lines as the kubelet writes them: the last tailLines, each with its time, cut at limitBytes. */
export function logText(lines: readonly string[], options: {tailLines?: number; limitBytes?: number; timestamp?: string}): string {
	const shown = options.tailLines === undefined ? lines : options.tailLines === 0 ? [] : lines.slice(-options.tailLines);
	const text = shown.map(line => (options.timestamp ? `${options.timestamp} ${line}\n` : `${line}\n`)).join('');
	if (options.limitBytes === undefined) return text;
	const bytes = Buffer.from(text, 'utf8');
	return bytes.length <= options.limitBytes ? text : bytes.subarray(0, options.limitBytes).toString('utf8');
}

/** The LOG entries of a session by pod, answered as of a session time. */
export class PodLogs {
	private readonly byPod = new Map<string, LogEntry[]>();

	constructor(entries: readonly SessionEntry[]) {
		for (const entry of entries) {
			if (!isLogEntry(entry)) continue;
			const key = podKey(entry.namespace, entry.pod);
			const list = this.byPod.get(key);
			if (list) list.push(entry);
			else this.byPod.set(key, [entry]);
		}
	}

	/** Logs of the pod captured at session time `t` or before, oldest first (`at` is the session time). */
	capturedBy(namespace: string, name: string, t: number): CapturedLog[] {
		return (this.byPod.get(podKey(namespace, name)) ?? []).filter(entry => entry.t <= t).map(entry => capturedLog(entry, entry.t));
	}

	/** The first log captured after session time `t` of exactly the run with this container ID (an ended run's log is whole). */
	private capturedLater(namespace: string, name: string, run: {container: string; containerID: string | null}, t: number): CapturedLog | null {
		if (run.containerID === null) return null;
		const entry = (this.byPod.get(podKey(namespace, name)) ?? []).find(
			log => log.t > t && log.container === run.container && log.containerID === run.containerID,
		);
		return entry ? capturedLog(entry, entry.t) : null;
	}

	/**
	 * The answer to a log request for `pod` (the served object, or undefined when there is none) at
	 * session time `t`; `epochOf` turns a session time into the served clock's epoch ms.
	 */
	answer(namespace: string, name: string, pod: Pod | undefined, query: Record<string, string>, t: number, epochOf: (t: number) => number): Answer {
		if (!pod) return {body: status.notFound('pods', name)};
		const options = parseLogQuery(name, query);
		if ('kind' in options) return {body: options};
		const location = logLocation(pod, options.container, options.previous);
		if (location.kind === 'unscheduled') return text('');
		if (location.kind === 'refused') return {body: status.badRequest(location.message)};
		const {container} = location.run;
		const log = logOfRun(this.capturedBy(namespace, name, t), location.run) ?? (location.ended ? this.capturedLater(namespace, name, location.run, t) : null);
		const what = `container "${container}" in pod "${name}"`;
		if (!log) {
			return {
				body: status.notFound(
					'pods/log',
					name,
					`podlife serve: the session holds no log of ${what} as of now (a recording captures the logs of containers that terminate or restart)`,
				),
			};
		}
		if (log.error !== null) return {body: status.notFound('pods/log', name, `podlife serve: the recording could not read the log of ${what}: ${log.error}`)};
		// The session keeps no time per line: each gets the time its container ended (all were written by then).
		const endedMs = location.finishedAt === null ? NaN : Date.parse(location.finishedAt);
		const timestamp = options.timestamps ? logTimestamp(Number.isFinite(endedMs) ? endedMs : epochOf(log.at)) : undefined;
		return text(logText(log.lines, {tailLines: options.tailLines, limitBytes: options.limitBytes, timestamp}));
	}
}

function text(body: string): Answer {
	return {body, contentType: 'text/plain'};
}
