// Loading a session in the background: every entry is read once, kept in the entry log (as its
// place in the file, or compressed: entry-log.ts), never as a parsed object, and applied to the
// loader's own store, which feeds the pod-change index and the keyframes; once the whole file is
// read, that store holds the state at the end. How far loading has come and how it ended (a read
// error in strict mode ends the session at the last good entry) is in `status`.

import {openSession} from '../../session/reader.js';
import {isWatchEntry, type SessionEntry} from '../../session/format.js';
import {PodStore} from '../../model/store/pod-store.js';
import type {StoreSnapshot} from '../../model/store/store-snapshot.js';
import {Interns} from '../../model/store/interns.js';
import {podKeyOf} from '../../model/pod-key.js';
import {EntryLog} from './entry-log.js';
import {LoggedObjects} from './logged-objects.js';
import {KeyframeIndex, type KeyframeTuning} from './keyframes.js';
import {ChangeIndex} from './change-index.js';
import {LoadStatus} from './load-status.js';
import {flattenedSnapshot, SnapshotPacker} from './packed-snapshots.js';
import type {StatusCompat} from '../../model/compat.js';

export type Session = Awaited<ReturnType<typeof openSession>>;

export interface LoaderTuning extends KeyframeTuning {
	/** Entries per compressed block of the entry log. */
	blockSize: number;
	/** Entries loaded between two looks at the display (and yields to the event loop). */
	loadBatch: number;
}

export class SessionLoader {
	/** Every entry loaded, by index. */
	readonly log: EntryLog;
	/** Snapshots to restore from: keyframes taken while loading, the player's trail, the tail. */
	readonly keyframes: KeyframeIndex<StoreSnapshot>;
	/** For each pod, the entries that changed it; when pods started failing. */
	readonly changes = new ChangeIndex();
	/** How far loading has come and how it ended. */
	readonly status = new LoadStatus();
	/** Pod objects read back from the log (the stores keep none: each apply passes the entry's index). */
	private readonly objects: LoggedObjects;
	/** One set of intern tables for the stores that exchange snapshots. */
	private readonly interns = new Interns();
	/** Every loaded entry applied: at the end, the state after the last one. */
	private readonly store: PodStore;
	/** Packs the keyframes while loading; dropped once loaded (what it keeps to pack the next one with it). */
	private frames: SnapshotPacker | null;
	private finished = false;
	private stopped = false;

	/**
	 * `firstLineBytes`: the header line's length (plainFirstLineBytes), or null for a file whose
	 * lines cannot be read again at an offset (gzip): then the log keeps them compressed.
	 */
	constructor(
		private readonly session: Session,
		file: string,
		firstLineBytes: number | null,
		private readonly fileBytes: number | null,
		private readonly recordedAtMs: number,
		compat: StatusCompat,
		private readonly tuning: LoaderTuning,
	) {
		this.log = new EntryLog(tuning.blockSize, firstLineBytes === null ? null : file, firstLineBytes);
		this.objects = new LoggedObjects(this.log);
		this.store = this.newStore(compat);
		this.frames = new SnapshotPacker(this.store);
		this.keyframes = new KeyframeIndex(tuning, flattenedSnapshot);
		this.keyframes.offerLoaded(0, 0, 0, () => this.frames!.take());
	}

	/**
	 * A store for this session: tombstones pruned by entry time, pod objects read back from the log.
	 * It keeps every deleted pod for its lane (endedPods, no limit): a version that reads its object
	 * back by its ref is a few hundred bytes, and the pods a session deletes are bounded by its file.
	 */
	newStore(compat: StatusCompat): PodStore {
		return new PodStore({compat, pruneOnApply: true, objects: this.objects, interns: this.interns});
	}

	/** Applies entry `index` of the log to `store` (its object stays in the log). */
	applyTo(store: PodStore, index: number): void {
		const entry = this.log.entry(index);
		store.apply(entry, this.recordedAtMs + entry.t, index);
	}

	/** Loading finished (the whole file, or up to a read error: status.error). */
	get loaded(): boolean {
		return this.finished;
	}

	/** t of the first entry (0 before any is loaded). */
	get startMs(): number {
		return this.log.count > 0 ? this.log.t(0) : 0;
	}

	/** t of the last loaded entry. */
	get endMs(): number {
		return this.log.count > 0 ? this.log.t(this.log.count - 1) : 0;
	}

	/** Loading progress 0..1, by bytes of the file read (compressed bytes for gzip). */
	get progress(): number {
		if (this.finished) return 1;
		if (!this.fileBytes) return 0;
		return Math.min(0.99, this.session.bytesRead / this.fileBytes);
	}

	/** The state after every entry loaded so far. */
	endSnapshot(): StoreSnapshot {
		return this.store.snapshot();
	}

	get statusCompat(): StatusCompat {
		return this.store.statusCompat;
	}

	setCompat(compat: StatusCompat): void {
		this.store.setCompat(compat);
	}

	/**
	 * Reads the session to its end or to a read error, calling `afterBatch` every loadBatch entries
	 * (then yielding to the event loop) and once at the end.
	 */
	async run(afterBatch: () => void): Promise<void> {
		let batch = 0;
		let failure: Error | null = null;
		try {
			read: for await (const lines of this.session.entryBatches()) {
				for (const {entry, text, line} of lines) {
					if (this.stopped) break read;
					// The line's text gives its place in the file (entries are read back from there).
					this.ingest(entry, text, line);
					if (++batch >= this.tuning.loadBatch) {
						batch = 0;
						afterBatch();
						// Let timers and keys run between batches even when the file is all in cache.
						await new Promise<void>(resolve => setImmediate(resolve));
						if (this.stopped) break read;
					}
				}
				// How far reading has come, for those who wait on it (cli/replay-start.ts); the display follows in afterBatch.
				this.status.progressed(this.log.count, this.endMs);
			}
		} catch (error) {
			if (!this.stopped) failure = error instanceof Error ? error : new Error(String(error));
		}
		if (!this.stopped) this.buildTail();
		this.frames = null;
		this.finished = true;
		// Before the last notification, so that the screen it brings shows the error.
		this.status.finish(failure);
		if (!this.stopped) afterBatch();
	}

	/** Stops loading and releases the file. */
	close(): void {
		this.stopped = true;
		void this.session.close();
		this.log.close();
	}

	private ingest(entry: SessionEntry, text: string, line: number): void {
		const index = this.log.count;
		const key = podKeyOfEntry(entry);
		const before = key ? this.store.pod(key) : undefined;
		this.log.appendLine(text, entry.t, line);
		this.store.apply(entry, this.recordedAtMs + entry.t, index);
		if (key) {
			this.changes.record(index, entry.t, key, before, this.store.pod(key));
			this.keyframes.countPodEntry();
		}
		this.keyframes.offerLoaded(index + 1, entry.t, this.changes.podCount, () => this.frames!.take());
	}

	/** Snapshots just before the end, replayed once from the last keyframe in a scratch store. */
	private buildTail(): void {
		const wanted = this.keyframes.tailIndices(this.log.count);
		const base = this.keyframes.lastKeyframe;
		if (wanted.length === 0 || !base || base.index >= wanted[wanted.length - 1]!) return;
		const scratch = this.newStore(this.store.statusCompat);
		scratch.restore(base.snapshot);
		const frames = new SnapshotPacker(scratch);
		for (let index = base.index; index < wanted[wanted.length - 1]!; index++) {
			this.applyTo(scratch, index);
			if (wanted.includes(index + 1)) this.keyframes.addTail(index + 1, frames.take());
		}
	}
}

/** The key of the pod a watch entry is about, else null. */
function podKeyOfEntry(entry: SessionEntry): string | null {
	if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') return null;
	return podKeyOf(entry.object.metadata);
}
