// Lanes grouped by workload, as the TUI's Lanes view (o) and `--output lanes` both draw them: a
// stalled rollout's heading says so and names the new pod that is not ready and that pod's own
// why; each ReplicaSet's heading carries its revision; a fold hides the pods under it.

import {describe, expect, it} from 'vitest';
import type {PodStore} from '../../../source/model/store/pod-store.js';
import {indexEntry} from '../../../source/view/index-entry.js';
import {lineText} from '../../../source/view/detail/lines.js';
import {listLaneRows} from '../../../source/view/lanes/group-rows.js';
import {groupList, partId} from '../../../source/view/workloads/grouped-list.js';
import {WorkloadMembers} from '../../../source/view/workloads/workload-members.js';
import {STALL_START as start, stalledRollout} from '../../helpers/stalled-rollout.js';

/** The store's pods, in key order, grouped and drawn as lane rows' texts. */
function laneTexts(store: PodStore, now: number, folded: ReadonlySet<string>): string[] {
	const view = store.view();
	const keys = [...view.pods.keys()].sort();
	const list = groupList(
		{length: keys.length, keyAt: index => keys[index], indexOf: key => keys.indexOf(key)},
		index => indexEntry(view.pods.get(keys[index]!)!, now, view.owners),
		folded,
	);
	const members = new WorkloadMembers();
	members.update(store);
	const rows = listLaneRows({list, context: {view, now, observedFrom: start, withNamespace: false, members}});
	const texts: string[] = [];
	for (let index = 0; index < rows.length; index++) {
		const row = rows.rowAt(index)!;
		texts.push(row.kind === 'group' ? lineText(row.line) : `${' '.repeat(row.indent ?? 0)}pod ${row.key}`);
	}
	return texts;
}

describe('listLaneRows', () => {
	it('says a rollout stalled and which new pod is not ready and why; each ReplicaSet under its revision', () => {
		const now = start + 60_000 + 11 * 60_000;
		const texts = laneTexts(stalledRollout(), now, new Set());
		expect(texts[0]).toMatch(
			/^▾ web {2}Deployment {2}rev 1→2 {2}ready 2\/2 {2}[▁-█]{4} rollout 11m stalled {2}✗ rollout rev 1→2 stalled: web-bbb-1 not ready for 11m — crash-loop: /,
		);
		expect(texts.slice(1)).toEqual([
			'  ▾ ReplicaSet web-aaa  rev 1',
			'    pod shop/web-aaa-1',
			'    pod shop/web-aaa-2',
			'  ▾ ReplicaSet web-bbb  rev 2',
			'    pod shop/web-bbb-1',
		]);
	});

	it('hides the pods under a folded heading, which says how many it holds', () => {
		const now = start + 2 * 60_000;
		const web = 'Deployment/shop/web';
		expect(laneTexts(stalledRollout(), now, new Set([web])).map(text => text.replace(/ {2}Deployment.*/, ''))).toEqual(['▸ web (3 pods)']);
		const oldFolded = laneTexts(stalledRollout(), now, new Set([partId(web, 'web-aaa')]));
		expect(oldFolded.slice(1)).toEqual(['  ▸ ReplicaSet web-aaa (2 pods)  rev 1', '  ▾ ReplicaSet web-bbb  rev 2', '    pod shop/web-bbb-1']);
	});
});
