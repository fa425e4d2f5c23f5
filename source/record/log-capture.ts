// The logs a recording captures ("Container logs" in SESSION-FORMAT.md): for each run that ended
// (model/ended-runs.ts), one pods/log request for its last lines, at most a few in flight, the rest
// queued. The requests are apart from the watches: their answers become LOG entries whenever they
// come, and the watch entries never wait for them. A refusal (RBAC, a 404, the kubelet
// unreachable) becomes a LOG entry with `error`, and the recording goes on.

import type {RunPlace, RunToRead} from '../model/ended-runs.js';
import type {LogEntry} from '../session/format.js';
import type {LogTarget} from '../sources/log-feed.js';
import {logErrorField} from '../sources/live/log-request.js';
import type {LogQuery} from '../sources/live/log-request.js';

/** The lines kept of each log, and the bytes they may take at most. */
export const LOG_TAIL_LINES = 50;
export const LOG_MAX_BYTES = 64 * 1024;
/** Requests in flight at once, by default: a crash wave must not flood the API server or the kubelets. */
export const LOGS_IN_FLIGHT = 4;
/**
 * What a request may bring: the kubelet applies limitBytes from the start of the tail, so asking
 * for exactly LOG_MAX_BYTES would cut off the last lines, the ones that say why it died. This only
 * bounds the transfer; the last LOG_MAX_BYTES of what comes are kept.
 */
const TRANSFER_BYTES = 4 * LOG_MAX_BYTES;

/** A LOG entry before the recorder gives it its time. */
export type CapturedLogEntry = Pick<
	LogEntry,
	'type' | 'namespace' | 'pod' | 'uid' | 'container' | 'containerID' | 'previous' | 'restartCount' | 'lines' | 'truncated' | 'error'
>;

export interface LogCaptureOptions {
	/** Reads a log to its end (sources/live/log-stream.ts read); rejects as the server refuses. */
	read: (target: LogTarget, query: LogQuery, signal: AbortSignal) => Promise<string>;
	/** Where the run is now: asking as it is now still reads that run (null: it is gone). */
	placeOf: (run: RunToRead) => RunPlace;
	onLog: (log: CapturedLogEntry) => void;
	maxInFlight?: number;
}

/** The last LOG_TAIL_LINES lines of `text` within LOG_MAX_BYTES, oldest first, and whether any were left out. */
export function lastLines(text: string, more: boolean): {lines: string[]; truncated: boolean} {
	const all = text.split('\n');
	// A log ends with a line end: the empty piece after it is not a line.
	if (all.at(-1) === '') all.pop();
	let truncated = more || all.length > LOG_TAIL_LINES;
	const candidates = all.slice(-LOG_TAIL_LINES).map(line => (line.endsWith('\r') ? line.slice(0, -1) : line));
	const kept: string[] = [];
	let bytes = 0;
	for (let index = candidates.length - 1; index >= 0; index--) {
		const line = candidates[index]!;
		const size = Buffer.byteLength(line, 'utf8') + 1;
		if (bytes + size > LOG_MAX_BYTES) {
			truncated = true;
			// One line longer than the whole budget: its end, which is what it died saying.
			if (kept.length === 0)
				kept.push(
					Buffer.from(line, 'utf8')
						.subarray(-(LOG_MAX_BYTES - 1))
						.toString('utf8'),
				);
			break;
		}
		kept.push(line);
		bytes += size;
	}
	return {lines: kept.reverse(), truncated};
}

export class LogCapture {
	private readonly queue: RunToRead[] = [];
	private readonly running = new Set<Promise<void>>();
	private readonly abort = new AbortController();
	private readonly maxInFlight: number;
	private closed = false;

	constructor(private readonly options: LogCaptureOptions) {
		this.maxInFlight = Math.max(1, options.maxInFlight ?? LOGS_IN_FLIGHT);
	}

	/** Reads `run`'s log when a request is free. */
	add(run: RunToRead): void {
		if (this.closed) return;
		this.queue.push(run);
		this.next();
	}

	/** Requests not answered yet, and runs waiting for one. */
	get pending(): number {
		return this.running.size + this.queue.length;
	}

	/**
	 * Takes no more runs and waits up to `graceMs` for those pending; the ones still pending then
	 * are abandoned (not written). Resolves with how many were abandoned.
	 */
	async finish(graceMs: number): Promise<number> {
		this.closed = true;
		const drained = (async () => {
			while (this.running.size > 0) await Promise.race(this.running);
		})();
		let timer: NodeJS.Timeout | undefined;
		const late = new Promise<void>(resolve => {
			timer = setTimeout(resolve, graceMs);
		});
		await Promise.race([drained, late]);
		clearTimeout(timer);
		const abandoned = this.pending;
		this.queue.length = 0;
		this.abort.abort();
		return abandoned;
	}

	private next(): void {
		while (this.running.size < this.maxInFlight && this.queue.length > 0 && !this.abort.signal.aborted) {
			const run = this.queue.shift()!;
			const done: Promise<void> = this.capture(run).finally(() => {
				this.running.delete(done);
				this.next();
			});
			this.running.add(done);
		}
	}

	private async capture(run: RunToRead): Promise<void> {
		const entry = {
			type: 'LOG' as const,
			namespace: run.namespace,
			pod: run.pod,
			...(run.uid ? {uid: run.uid} : {}),
			container: run.container,
			containerID: run.containerID,
		};
		// Asked as the run is now: a run that has restarted since it was queued is the previous instance.
		const place = this.options.placeOf(run);
		if (place === null) {
			this.options.onLog({...entry, previous: run.previous, restartCount: run.restartCount, lines: [], error: 'not found (gone before it could be read)'});
			return;
		}
		const previous = place === 'previous';
		const target: LogTarget = {namespace: run.namespace, pod: run.pod, uid: run.uid ?? '', container: run.container, previous};
		let text: string;
		try {
			// One line more than kept: its presence says the log had more.
			text = await this.options.read(target, {tailLines: LOG_TAIL_LINES + 1, limitBytes: TRANSFER_BYTES}, this.abort.signal);
		} catch (error) {
			if (this.abort.signal.aborted) return;
			this.options.onLog({...entry, previous, restartCount: run.restartCount, lines: [], error: logErrorField(error)});
			return;
		}
		if (this.abort.signal.aborted) return;
		const {lines, truncated} = lastLines(text, Buffer.byteLength(text, 'utf8') >= TRANSFER_BYTES);
		this.options.onLog({...entry, previous, restartCount: run.restartCount, lines, ...(truncated ? {truncated: true} : {})});
	}
}
