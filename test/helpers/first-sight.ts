// What a recorded pod's object said when the recording first saw it: the times a life before the
// recording is reconstructed from (model/before-sight.ts), read from the capture as the tests' truth.

import type {Pod} from '../../source/kube/objects.js';
import {isWatchEntry} from '../../source/session/format.js';
import {loadCapture} from './load-capture.js';

export interface FirstSight {
	recordedAt: number;
	/** creationTimestamp, PodScheduled, the first container's start and Ready (epoch ms). */
	created: number;
	scheduled: number;
	running: number;
	ready: number;
	/** When the recording first saw it. */
	seen: number;
}

/** What the pod's object said when the recording first saw it: the times its life before rests on. */
export function firstSight(file: string, name: string): FirstSight {
	const capture = loadCapture(file);
	const recordedAt = Date.parse(capture.header.recordedAt);
	const entry = capture.entries.find(
		candidate => isWatchEntry(candidate) && candidate.object.kind === 'Pod' && (candidate.object as Pod).metadata?.name === name,
	);
	if (!entry || !isWatchEntry(entry)) throw new Error(`${name} is not in ${file}`);
	const pod = entry.object as Pod;
	const condition = (type: string): number => Date.parse(pod.status!.conditions!.find(candidate => candidate.type === type)!.lastTransitionTime!);
	const running = Math.min(...pod.status!.containerStatuses!.map(container => Date.parse(container.state!.running!.startedAt!)));
	return {
		recordedAt,
		created: Date.parse(pod.metadata!.creationTimestamp!),
		scheduled: condition('PodScheduled'),
		running,
		ready: Math.max(condition('Ready'), running),
		seen: recordedAt + entry.t,
	};
}
