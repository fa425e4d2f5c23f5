// The kubelet's image pull back-off, read from the events it writes.
//
// The pod says only that a pull failed (ErrImagePull) or that the kubelet is waiting to pull again
// (ImagePullBackOff, "Back-off pulling image …"): no time, no count (backoff.ts). The events say
// both: every failed pull is a "Failed to pull image …" event of the container (fieldPath
// spec.containers{name}), which the event recorder folds into one event whose count is the number
// of failed pulls and whose lastTimestamp is the last one. The kubelet's back-off is
// flowcontrol.NewBackOff(backOffPeriod = 10 s, MaxContainerBackOff = 300 s), doubled on every
// failed pull of the same image by the same pod (images/image_manager.go, key pod UID + image), so
// after n failures the next pull comes 10 s · 2^(n−1) after the last, at most 5 min later — as
// the crash back-off does. The kubelet pulls at its next sync after that, a few seconds later
// (imagepull.ndjson: failed at 04:18:51, 04:19:04, 04:19:28, 04:20:11 — each ≥ 10, 20, 40 s on).

import type {KubeEvent} from '../kube/objects.js';
import {eventTime} from './store/pod-events.js';

const IMAGE_BACK_OFF_INITIAL_MS = 10_000;
const IMAGE_BACK_OFF_MAX_MS = 300_000;

/** Waiting reasons of a pull that failed and will be tried again after the back-off (images/types.go). */
export const PULL_BACK_OFF_REASONS: ReadonlySet<string> = new Set(['ErrImagePull', 'ImagePullBackOff', 'RegistryUnavailable', 'SignatureValidationFailed']);

export interface PullBackOff {
	/** Failed pulls the events count. */
	failures: number;
	/** When the kubelet pulls again at the earliest (epoch ms). */
	nextPullMs: number;
}

function isPullFailure(event: KubeEvent, container: string): boolean {
	return (
		event.reason === 'Failed' && (event.message ?? '').startsWith('Failed to pull image') && (event.involvedObject?.fieldPath ?? '').endsWith(`{${container}}`)
	);
}

/** The image back-off of `container` from its pod's events; null when no failed pull is among them. */
export function pullBackOff(container: string, events: readonly KubeEvent[]): PullBackOff | null {
	const failure = events.findLast(event => isPullFailure(event, container));
	if (!failure) return null;
	const failures = failure.series?.count ?? failure.count ?? 1;
	const backOff = Math.min(IMAGE_BACK_OFF_INITIAL_MS * 2 ** Math.max(0, failures - 1), IMAGE_BACK_OFF_MAX_MS);
	return {failures, nextPullMs: eventTime(failure) + backOff};
}
