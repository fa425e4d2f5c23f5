// A container's log in a replay: the log view (`l`, `p`) reads the LOG entries the recording
// captured, as of the replay's moment, and picks the run as the kubelet would for `kubectl logs`
// (model/log-location.ts: `p` the last terminated run, `l` the running one, or the last terminated
// one while the container waits), so the view shows what `kubectl logs [--previous]` printed then.
// A run the session holds no log of, a capture the recorder was refused, a pod not there yet: one
// line that says so. The log is of one life of the pod's name (the target's uid): an ended life in
// the Lanes view shows the runs of its own, deleted or not. The feed follows the replay's clock:
// each frame reads it again.

import {logOfRun, sessionCapturesLogs} from '../../model/container-logs.js';
import {logLocation} from '../../model/log-location.js';
import {lifeOf} from '../../model/store/ended-pods.js';
import type {StoreView} from '../../model/pod-state.js';
import type {SessionHeader} from '../../session/format.js';
import type {LogFeed, LogProvider, LogSnapshot, LogTarget} from '../log-feed.js';

/** What the feed reads: the replay's store at its moment, and that moment (epoch ms). */
export interface ReplayLogSource {
	store: {view(): StoreView};
	now(): number;
	header: SessionHeader;
}

/** The log view's logs in a replay: the session's captured logs. */
export function capturedLogs(source: ReplayLogSource): LogProvider {
	return {open: target => new CapturedLogFeed(source, target)};
}

/** "04:18:39": the replay header's clock (UTC). */
function clock(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(11, 19);
}

type Answer = Omit<LogSnapshot, 'version' | 'timestamps' | 'dropped'>;

/** The log `target` names, as of `view` at `now`. */
export function capturedLogAnswer(view: StoreView, now: number, header: SessionHeader, target: LogTarget): Answer {
	const unavailable = (message: string): Answer => ({state: 'unavailable', lines: [], message, truncated: false});
	const key = `${target.namespace}/${target.pod}`;
	// That life of the name: a pod made again under it is another pod, with logs of its own.
	const pod = lifeOf(view, key, target.uid);
	if (!pod) return unavailable(`${key} is not in the session at ${clock(now)}`);
	const deleted = pod.deletedAt === null ? '' : `; this ${target.pod} was deleted at ${clock(pod.deletedAt)}`;
	// Which run was the last is the object's to say; a pod kept only for its lane no longer has it.
	if (!pod.objectKept) return unavailable(`no log of ${target.container}${deleted}, and which of its runs was the last is no longer known`);
	const location = logLocation(pod.readObject(), target.container, target.previous);
	if (location.kind === 'unscheduled') return unavailable(`${key} has no node yet at ${clock(now)}: no container has run`);
	if (location.kind === 'refused') return unavailable(location.message);
	if (!sessionCapturesLogs(header))
		return unavailable('this session holds no container logs: it was recorded without them (podlife record keeps them unless --logs none)');
	const log = logOfRun(view.logsByPod.get(key) ?? [], location.run);
	if (!log) {
		const running = !target.previous && location.finishedAt === null;
		// p is offered only where there is a run before this one (one that has not restarted has none).
		const before = logLocation(pod.readObject(), target.container, true).kind === 'run' ? ' (p: the run before)' : '';
		return unavailable(
			running
				? `no log of the running ${target.container} in the session: logs are captured when a run ends${before}`
				: `no log of this run of ${target.container} was captured by ${clock(now)}`,
		);
	}
	if (log.error !== null) return unavailable(`the recording could not read this log: ${log.error}`);
	return {state: 'ended', lines: log.lines, message: `captured at ${clock(log.at)}${deleted}`, truncated: log.truncated};
}

class CapturedLogFeed implements LogFeed {
	private last: {view: StoreView; now: number; snapshot: LogSnapshot} | null = null;
	private version = 0;

	constructor(
		private readonly source: ReplayLogSource,
		private readonly target: LogTarget,
	) {}

	snapshot(): LogSnapshot {
		const view = this.source.store.view();
		const now = this.source.now();
		const last = this.last;
		// The answer changes with the store (a seek, a new entry) and, for its messages, the clock.
		if (last && last.view === view && (last.snapshot.state !== 'unavailable' || last.now === now)) return last.snapshot;
		const answer = capturedLogAnswer(view, now, this.source.header, this.target);
		const same =
			last !== null &&
			last.snapshot.state === answer.state &&
			last.snapshot.lines === answer.lines &&
			last.snapshot.message === answer.message &&
			last.snapshot.truncated === answer.truncated;
		const snapshot: LogSnapshot = same ? last.snapshot : {...answer, timestamps: false, dropped: 0, version: ++this.version};
		this.last = {view, now, snapshot};
		return snapshot;
	}

	/** The replay's own notifications bring every frame that could change it. */
	subscribe(): () => void {
		return () => undefined;
	}

	close(): void {}
}
