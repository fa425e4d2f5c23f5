// One open watch: filters the store's changes to the request's scope and
// selectors, turns them into WatchEvent lines in the negotiated representation
// and writes them in order (optionally slowed down). Selector transitions follow
// the cacher (storage/cacher cache_watcher.go convertToWatchEvent): an object
// that starts matching arrives as ADDED, one that stops matching as DELETED.

import type {ServerResponse} from 'node:http';
import type {KubeObject} from '../kube/objects.js';
import type {PrintedRow, WatchType} from '../session/format.js';
import type {Representation} from './media-type.js';
import type {StatusBody} from './status.js';
import {EMPTY_POD_ROW, table, type IncludeObject, type RowPrinter} from './table.js';
import type {Change, ResourceName, StoredObject} from './object-history.js';

export type WatchEventType = WatchType | 'BOOKMARK' | 'ERROR';

export interface WatchScope {
	resource: ResourceName | 'namespaces';
	namespace?: string;
	matches: (object: KubeObject) => boolean;
}

export interface WatchOptions {
	representation: Representation;
	include: IncludeObject;
	allowBookmarks: boolean;
	/** Current delay per chunk (the server's `slow()` setting). */
	chunkDelay: () => number;
	/** A pod's row as printed when the event is sent. */
	printRow?: RowPrinter;
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));
const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));
/** Initial events written between two turns of the event loop. */
const INITIAL_EVENTS_PER_TURN = 200;

export class WatchConnection {
	/** Resource version of the last change this watch has seen (sent or filtered out). */
	position: number;
	private closed = false;
	private firstTable = true;
	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly response: ServerResponse,
		readonly scope: WatchScope,
		private readonly options: WatchOptions,
		position: number,
	) {
		this.position = position;
		response.on('close', () => {
			this.closed = true;
		});
	}

	get isOpen(): boolean {
		return !this.closed;
	}

	private inScope(object: KubeObject | undefined): boolean {
		if (!object) return false;
		if (this.scope.namespace && object.metadata?.namespace !== this.scope.namespace) return false;
		return this.scope.matches(object);
	}

	/**
	 * Send one store change if it concerns this watch. `atMs`: when the server made it (epoch ms), to
	 * print a pod's row at; without it (a backlog sent to a resuming watch) the row is printed now.
	 */
	sendChange(change: Change, atMs?: number): void {
		if (change.rv <= this.position) return;
		this.position = change.rv;
		if (change.resource !== this.scope.resource) return;
		const now = change.type === 'DELETED' ? false : this.inScope(change.object);
		const before = change.type === 'ADDED' ? false : this.inScope(change.previous);
		if (change.type === 'DELETED') {
			if (before || this.inScope(change.object)) this.sendObject('DELETED', {object: change.object, row: change.row}, atMs);
			return;
		}
		if (now && before) this.sendObject('MODIFIED', {object: change.object, row: change.row}, atMs);
		else if (now) this.sendObject('ADDED', {object: change.object, row: change.row}, atMs);
		else if (before) {
			const previous = structuredClone(change.previous!);
			previous.metadata = {...previous.metadata, resourceVersion: String(change.rv)};
			this.sendObject('DELETED', {object: previous, row: change.previousRow}, atMs);
		}
	}

	/** The synthetic ADDED events of a watch without a resourceVersion (current state). */
	sendInitial(items: readonly StoredObject[]): void {
		// Streamed as the real server's watch cache does: a few hundred events at a time, waiting for
		// the client to take them, so the first ones arrive while the rest are still being written
		// (all at once, a big cluster's first event would wait for the whole state to be encoded).
		this.queue = this.queue.then(async () => {
			let sent = 0;
			for (const item of items) {
				if (this.closed) return;
				if (!this.inScope(item.object)) continue;
				const delay = this.options.chunkDelay();
				if (delay > 0) await sleep(delay);
				if (this.closed) return;
				const flowing = this.response.write(this.line({type: 'ADDED', object: this.represent(item)}));
				if (!flowing) await this.drained();
				if (++sent % INITIAL_EVENTS_PER_TURN === 0) await nextTurn();
			}
		});
	}

	/** Resolves once the response takes writes again (or is closed). */
	private drained(): Promise<void> {
		return new Promise(resolve => {
			const done = () => {
				this.response.off('drain', done);
				this.response.off('close', done);
				resolve();
			};
			this.response.on('drain', done);
			this.response.on('close', done);
		});
	}

	/** `atMs`: the moment (epoch ms) to print a pod's row at (default: now). */
	sendObject(type: WatchType, item: {object: KubeObject; row?: PrintedRow}, atMs?: number): void {
		this.write(type, () => this.represent(item, atMs));
	}

	/**
	 * A BOOKMARK carries only the kind and the resourceVersion (apimachinery watch.Bookmark), in the
	 * watch's representation like any other event: the watch encoder transforms every object but a
	 * Status (handlers/response.go watchEncoder.Encode → doTransformObject), so asked as a Table it is
	 * a one-row Table of an empty object, with the column definitions when it is the first event.
	 */
	sendBookmark(rv: number, annotations?: Record<string, string>): void {
		if (!this.options.allowBookmarks) return;
		this.position = Math.max(this.position, rv);
		const kinds: Record<WatchScope['resource'], string> = {pods: 'Pod', nodes: 'Node', events: 'Event', namespaces: 'Namespace'};
		const metadata: Record<string, unknown> = {resourceVersion: String(rv), creationTimestamp: null};
		if (annotations) metadata['annotations'] = annotations;
		const object = {kind: kinds[this.scope.resource], apiVersion: 'v1', metadata} as KubeObject;
		this.write('BOOKMARK', () => this.represent({object, row: EMPTY_POD_ROW}, undefined, stored => stored.row));
	}

	/** An ERROR event with a Status, then the stream ends (as the cacher's errWatcher does). */
	sendErrorAndEnd(status: StatusBody): void {
		this.write('ERROR', () => status);
		this.end();
	}

	/** `printRow`: how the row is printed (default the server's: AGE and RESTARTS as of `atMs`). */
	private represent(item: {object: KubeObject; row?: PrintedRow}, atMs?: number, printRow = this.options.printRow): unknown {
		const representation = this.options.representation;
		if (representation.kind === 'json' || this.scope.resource === 'namespaces') return item.object;
		if (representation.kind === 'partial') {
			return {kind: 'PartialObjectMetadata', apiVersion: representation.groupVersion, metadata: item.object.metadata ?? {}};
		}
		const noHeaders = !this.firstTable;
		this.firstTable = false;
		return table(this.scope.resource, [item], {
			groupVersion: representation.groupVersion,
			include: this.options.include,
			resourceVersion: item.object.metadata?.resourceVersion,
			noHeaders,
			printRow,
			atMs,
		});
	}

	private line(event: {type: WatchEventType; object: unknown}): string {
		return `${JSON.stringify(event)}\n`;
	}

	/**
	 * Queues an event; its object is made when its turn comes, so that the first one written is the
	 * first one represented (the one that carries a Table's column definitions).
	 */
	private write(type: WatchEventType, object: () => unknown): void {
		this.queue = this.queue.then(async () => {
			const line = this.line({type, object: object()});
			const delay = this.options.chunkDelay();
			if (delay > 0) await sleep(delay);
			if (!this.closed) this.response.write(line);
		});
	}

	/** Close the stream cleanly after what is queued (timeoutSeconds, server close). */
	end(): void {
		this.queue = this.queue.then(() => {
			if (!this.closed) this.response.end();
			this.closed = true;
		});
	}

	/** Drop the connection mid-stream, as a network cut or a dying server would. */
	cut(): void {
		this.closed = true;
		this.response.socket?.destroy();
		this.response.destroy();
	}
}
