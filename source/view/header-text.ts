// The words of the header: where the pods come from, what time it is on the
// source's clock, how many pods are in which bucket, and which filter is on.

import type {ListProgress, SourceInfo, RecordProgress} from '../sources/source-info.js';
import {humanDuration} from '../model/duration.js';
import {formatClock, positionText} from './goto-time.js';
import type {PodCounts} from './pod-index.js';
import {SORT_LABEL, type SortMode} from './sort.js';
import {recordingText} from './recording-text.js';
import {cells} from './fit-text.js';
import type {ConnectionStatus} from '../model/connection-status.js';

/** Where the pods come from; while recording, first how long and how many entries (`recording`: the progress now). */
export function sourceText(info: SourceInfo, recording?: RecordProgress): string {
	if (info.kind === 'replay') {
		// A session without a title is called by its file (info.title is then the path): once.
		const title = info.header ? info.header.title : info.title;
		const file = info.file ? info.file.split('/').at(-1)! : '';
		if (!title) return info.file ?? info.title;
		return file && file !== title ? `${title} — ${file}` : title;
	}
	const context = info.context ?? info.title;
	const where = info.server ? `${context} (${info.server})` : context;
	return info.recording && recording ? `${recordingText(recording, info.recording.file)} · ${where}` : where;
}

/** What the replay clock shows. */
export interface ReplayClockState {
	recordedAtMs: number;
	positionMs: number;
	startMs: number;
	endMs: number;
	speed: number;
	paused: boolean;
	loaded: boolean;
	ended: boolean;
	progress: number;
}

export function speedText(speed: number): string {
	return `${Number.isInteger(speed) ? speed : speed.toFixed(2).replace(/0$/, '')}×`;
}

export function replayClockText(clock: ReplayClockState): string {
	const state = clock.ended ? '■ end' : clock.paused ? '⏸ paused' : '▶ playing';
	// Offsets tick with the clock beside them (goto-time.ts positionText).
	const position = `${positionText(clock.positionMs, clock.recordedAtMs)}/${positionText(clock.endMs, clock.recordedAtMs)}`;
	const loading = clock.loaded ? '' : `  loading ${Math.floor(clock.progress * 100)}%`;
	return `${formatClock(clock.recordedAtMs + clock.positionMs)} UTC  ${position}  ${speedText(clock.speed)}  ${state}${loading}`;
}

/** 12500 → "12 500": a count read at a glance. */
export function groupDigits(count: number): string {
	return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** While the initial list of pods comes in: how many there are, or how many so far when the server did not say. */
export function listingText(listing: ListProgress): string {
	return listing.total !== null ? `listing ${groupDigits(listing.total)} pods…` : `listing pods… ${groupDigits(listing.received)} so far`;
}

/** `listing`: the initial list of pods while it comes in (null once complete). */
export function liveClockText(now: number, connection: ConnectionStatus | null, listing: ListProgress | null = null): string {
	const clock = `live ${formatClock(now)} UTC`;
	if (!connection) return `${clock}  ○ connecting`;
	const since = humanDuration(now - connection.since);
	switch (connection.state) {
		case 'connected':
			return listing ? `${clock}  ◐ ${listingText(listing)}` : `${clock}  ● connected`;
		case 'relisting':
			return `${clock}  ◐ relisting (${since})`;
		case 'reconnecting':
			return `${clock}  ◌ reconnecting since ${formatClock(connection.since)} (${since})${connection.message ? `: ${connection.message}` : ''}`;
		case 'disconnected':
			return `${clock}  ✗ disconnected for ${since}${connection.message ? `: ${connection.message}` : ''}`;
	}
}

const BUCKETS = ['running', 'pending', 'failing', 'succeeded', 'terminating'] as const;

/** What a narrow header leaves out first: the least telling counts first, the failing last. */
const DROP_ORDER = ['deleted', 'succeeded', 'terminating', 'running', 'pending', 'faulty', 'failing'] as const;

/**
 * "17 pods: 14 running, 2 failing, 1 succeeded · 2 faulty · 5 deleted", in `width` cells: whole
 * counts are left out (DROP_ORDER) rather than one cut mid-word; the total always stays.
 */
export function countsText(counts: PodCounts, width = Infinity): string {
	const {buckets} = counts;
	const shown = new Set<string>(BUCKETS.filter(bucket => buckets[bucket] > 0));
	if (counts.faulty > 0) shown.add('faulty');
	if (counts.deleted > 0) shown.add('deleted');
	const render = () => {
		const parts = BUCKETS.filter(bucket => shown.has(bucket)).map(bucket => `${buckets[bucket]} ${bucket}`);
		let text = `${counts.total} pod${counts.total === 1 ? '' : 's'}`;
		if (parts.length > 0) text += `: ${parts.join(', ')}`;
		if (shown.has('faulty')) text += ` · ${counts.faulty} faulty`;
		if (shown.has('deleted')) text += ` · ${counts.deleted} deleted`;
		return text;
	};
	let text = render();
	for (const part of DROP_ORDER) {
		if (cells(text) <= width) break;
		if (shown.delete(part)) text = render();
	}
	return text;
}

/**
 * `namespace` is the one the view narrows to (`n`, `:ns`); `watched` the source's own scope (null
 * = all; several joined by commas, e.g. a user allowed in a few namespaces only): "all" is said
 * only when every namespace is watched.
 */
export function scopeText(options: {
	filter: string;
	faultyOnly: boolean;
	namespace: string | null;
	watched?: string | null;
	sort: SortMode;
	/** `w`: kubectl's -o wide columns are on, said here since at 80 columns they all start off-screen. */
	wide?: boolean;
	shown: number;
	total: number;
}): string {
	const watched = options.watched ? options.watched.split(',').join(', ') : 'all';
	const parts = [`ns: ${options.namespace ?? watched}`, `sort: ${SORT_LABEL[options.sort]}`];
	if (options.wide) parts.push('wide');
	if (options.filter !== '') parts.push(`filter: "${options.filter}"`);
	if (options.faultyOnly) parts.push('faulty only');
	if (options.filter !== '' || options.faultyOnly) parts.push(`showing ${options.shown} of ${options.total}`);
	return parts.join('  ');
}
