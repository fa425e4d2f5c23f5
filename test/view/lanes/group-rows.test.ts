// Lanes grouped by workload: a stalled rollout's summary says so, and the line under it names the
// new pod that is not ready and that pod's own why.

import {describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {lineText} from '../../../source/view/detail/lines.js';
import {groupedLaneRows} from '../../../source/view/lanes/group-rows.js';
import {replicaSetPod} from '../../helpers/replica-set-pod.js';

const start = Date.parse('2026-12-05T10:00:00Z');

/** A pod of ReplicaSet web-<hash>: running and ready, or its container waiting in a crash loop. */
function webPod(name: string, hash: string, healthy: boolean, created: string): Pod {
	const pod = replicaSetPod(name, `web-${hash}`, hash, {ready: healthy, created});
	if (healthy) return pod;
	pod.status!.containerStatuses![0] = {
		...pod.status!.containerStatuses![0]!,
		restartCount: 7,
		state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app'}},
		lastState: {terminated: {exitCode: 1, reason: 'Error', startedAt: created, finishedAt: created}},
	};
	return pod;
}

describe('groupedLaneRows', () => {
	it('says a rollout stalled and, under it, which new pod is not ready and why', () => {
		const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
		store.apply({t: 0, type: 'ADDED', object: webPod('web-aaa-1', 'aaa', true, '2026-12-05T10:00:00Z')}, start);
		store.apply({t: 0, type: 'ADDED', object: webPod('web-aaa-2', 'aaa', true, '2026-12-05T10:00:00Z')}, start);
		store.apply({t: 60_000, type: 'ADDED', object: webPod('web-bbb-1', 'bbb', false, '2026-12-05T10:01:00Z')}, start + 60_000);
		const view = store.view();
		const now = start + 60_000 + 11 * 60_000;
		const rows = groupedLaneRows(view.pods.values(), {view, now, observedFrom: start, withNamespace: false});
		const texts = rows.rows.map(row => (row.kind === 'group' ? lineText(row.line) : `pod ${row.key}`));
		expect(texts[0]).toMatch(/^▾ web {2}Deployment {2}rev 1→2 {2}ready 2\/2 {2}[▁-█]{4} rollout 11m stalled$/);
		expect(texts[1]).toMatch(/^ {2}✗ rollout rev 1→2 stalled: web-bbb-1 not ready for 11m — crash-loop: /);
		expect(texts.slice(2)).toEqual(['pod shop/web-aaa-1', 'pod shop/web-aaa-2', 'pod shop/web-bbb-1']);
		const folded = groupedLaneRows(view.pods.values(), {view, now, observedFrom: start, withNamespace: false, folded: new Set(['Deployment/shop/web'])});
		expect(folded.rows.map(row => row.kind)).toEqual(['group', 'group']);
	});
});
