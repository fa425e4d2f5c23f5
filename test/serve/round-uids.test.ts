// `podlife serve --loop` plays the session again and again: each round's objects are made anew, so
// a client must see new pods — new uids, their owners' too — not the last round's pods coming back.

import {afterEach, describe, expect, it} from 'vitest';
import type {PodState} from '../../source/model/pod-state.js';
import {offsetToStartAt} from '../../source/serve/shift-times.js';
import {startLiveStore, type LiveStore} from '../../source/sources/live/live-store.js';
import {FAST, startFake, waitUntil, type Fake} from '../sources/live/helpers.js';

let fake: Fake | undefined;
let live: LiveStore | undefined;
afterEach(async () => {
	await live?.stop();
	await fake?.close();
	fake = undefined;
	live = undefined;
});

/** A real rollout (captures-full): coredns is there from the start, owned by its ReplicaSet. */
const ROLLOUT = '../captures-full/rollout-undo';
const POD = 'kube-system/coredns-6fc664ddd6-nmb5x';

/** The lives of `key` a store holds: the ended ones and the current one. */
function livesOf(live: LiveStore, key: string): PodState[] {
	const view = live.store.view();
	const current = view.pods.get(key);
	const ended = view.endedPods.filter(pod => pod.key === key);
	return current && current.deletedAt === null ? [...ended, current] : ended.length > 0 ? ended : current ? [current] : [];
}

describe('serve --loop: each round with uids of its own', () => {
	it('a live store watching three rounds holds three lives of the pod, each ending at its deletion, each with its own uid and owner uid', async () => {
		const recordedAt = '2026-12-04T15:47:44.493Z';
		// 10 000× speed: one round of the 105 s session takes about 10 ms.
		fake = await startFake(ROLLOUT, {timeShiftMs: offsetToStartAt(Date.parse(recordedAt), Date.now()), timeSpeed: 10_000});
		live = await startLiveStore({kubeconfig: fake.kubeconfig, namespace: null, ...FAST}, {});
		await live.source.synced;
		await waitUntil(() => fake!.server.openWatches === 3, 'the watches');
		fake.server.play({loop: true, loopPauseMs: 20, wallClock: true});
		await waitUntil(() => livesOf(live!, POD).length >= 3, 'three rounds of the pod');
		fake.server.pause();
		const lives = livesOf(live, POD);
		const uids = lives.map(pod => pod.uid);
		expect(new Set(uids).size, uids.join(' ')).toBe(lives.length);
		const owners = lives.map(pod => pod.readObject().metadata.ownerReferences?.[0]?.uid);
		expect(new Set(owners).size, owners.join(' ')).toBe(lives.length);
		// A life ends at its deletion: nothing of the next round is added to it.
		for (const pod of lives) {
			const deleted = pod.history.findIndex(transition => transition.kind === 'deleted');
			if (deleted !== -1) expect(pod.history.length - 1, `${pod.uid}: ${pod.history.map(t => t.kind).join(' ')}`).toBe(deleted);
		}
	});
});
