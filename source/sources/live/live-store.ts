// The one way to watch a cluster into a store: the TUI, the headless outputs, `podlife check`
// (startLiveStore) and `podlife record` with its screen (openLiveStore on the connection it
// records) all open it so. The connection is made first, so the store's columns follow the
// cluster's printer (its server version) from the first entry, unless the user chose a
// --status-compat; then every entry the source emits is applied as it comes.

import {compatForServerVersion, type StatusCompat} from '../../model/compat.js';
import type {ConnectionStatus} from '../../model/connection-status.js';
import {PodStore} from '../../model/store/pod-store.js';
import type {EndedPodsLimits} from '../../model/store/ended-pods.js';
import {isWatchEntry, type SessionEntry} from '../../session/format.js';
import {connectLive, type LiveConnectOptions, type LiveConnection, type LiveSource} from './live-source.js';
import {EventTexts} from './event-texts.js';
import {runUntil} from './run-until.js';

export interface LiveStoreOptions {
	/** --status-compat; otherwise the server's version decides. */
	compat?: StatusCompat;
	/** Sees every entry before the store does (`podlife record` writes it to the file). */
	tee?: (entry: SessionEntry, atMs: number) => void;
	/** After the store applied an entry (`--output ndjson` prints the pod's new line). */
	onApplied?: (entry: SessionEntry, atMs: number, store: PodStore) => void;
	onStatus?: (status: ConnectionStatus) => void;
	onWarning?: (message: string) => void;
	/** Stops the source (as stop() does). */
	signal?: AbortSignal;
	/**
	 * Keep each pod's object as compact text, parsed again when read (PodStoreOptions.compactObjects):
	 * default true, for a store that holds a cluster for a while. false for one read once and dropped:
	 * a pod that came in a watch event is kept as that event's text (event-texts.ts), parsed again
	 * when read; one from a paged list, as parsed.
	 */
	compactObjects?: boolean;
}

export interface LiveStore {
	store: PodStore;
	source: LiveSource;
	/** Stops the source and the store's upkeep; resolves when every request has ended. */
	stop(): Promise<void>;
}

/** How often deleted pods older than the store's tombstone time are dropped. */
const TOMBSTONE_PRUNE_EVERY_MS = 30_000;

/**
 * The deleted pods a live store keeps for their lanes after their tombstones (PodStore endedPods).
 * By age: a day, the widest the Lanes view zooms out (view/lanes/time-axis.ts), so no lane it can
 * draw is lost. By count: a live store may run for weeks over a cluster that deletes pods all day (a
 * CronJob every minute is 1 440 a day, a rollout of a large Deployment thousands at once), and each
 * kept pod costs about a kilobyte (its history and columns, no object): 5 000 is a few megabytes, a
 * sliver of what the live pods take, and still a day of most clusters' churn.
 */
export const LIVE_ENDED_PODS: EndedPodsLimits = {max: 5000, maxAgeMs: 86_400_000};

/** Connects to the cluster and starts it into a new store. */
export async function startLiveStore(cluster: LiveConnectOptions, options: LiveStoreOptions = {}): Promise<LiveStore> {
	return openLiveStore(await connectLive(cluster), options);
}

/**
 * Waits for the initial lists, then with `watch` goes on watching for its duration (until its
 * signal or Ctrl-C without one); stops the store in any case. Rejects as the initial list does.
 */
export async function watchThenStop(live: LiveStore, watch: {durationMs?: number; signal?: AbortSignal} | null): Promise<void> {
	try {
		await live.source.synced;
		if (watch) await runUntil(watch).done;
	} finally {
		await live.stop();
	}
}

/** Starts `connection` into a new store. */
export function openLiveStore(connection: LiveConnection, options: LiveStoreOptions = {}): LiveStore {
	// Deleted pods are dropped as entries come, by the source's clock (each entry's time), so the
	// store stays the same size over a day whatever the clock; the interval below covers quiet spells.
	const compactObjects = options.compactObjects ?? true;
	const texts = compactObjects ? null : new EventTexts();
	const store = new PodStore({
		compat: options.compat ?? compatForServerVersion(connection.info.serverVersion),
		pruneOnApply: true,
		compactObjects,
		endedPods: LIVE_ENDED_PODS,
		...(texts && {objects: texts}),
	});
	const {tee, onApplied} = options;
	const source = connection.start({
		onEntry: (entry, atMs, eventText) => {
			tee?.(entry, atMs);
			if (texts && eventText !== undefined && isWatchEntry(entry) && entry.object.kind === 'Pod') store.apply(entry, atMs, texts.add(eventText));
			else store.apply(entry, atMs);
			onApplied?.(entry, atMs, store);
		},
		onStatus: options.onStatus,
		onWarning: options.onWarning,
		signal: options.signal,
		// A pod found gone by a relist is DELETED with its last state, as the store has it: the source keeps no pods.
		recall: resource =>
			resource === 'pods'
				? (key, uid) => {
						const pod = store.pod(key);
						return pod && pod.uid === uid && pod.deletedAt === null ? pod.readObject() : undefined;
					}
				: undefined,
	});
	// A live store can run for days: deleted pods are kept a while (the table hides them after a
	// minute; none of the headless outputs shows them), then dropped so that the store does not
	// grow with every pod that ever lived.
	const pruning = setInterval(() => store.pruneTombstones(source.now()), TOMBSTONE_PRUNE_EVERY_MS);
	pruning.unref();
	options.signal?.addEventListener('abort', () => clearInterval(pruning), {once: true});
	return {
		store,
		source,
		stop: () => {
			clearInterval(pruning);
			return source.stop();
		},
	};
}
