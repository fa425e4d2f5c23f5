import {describe, expect, it} from 'vitest';
import {CHANGE_HIGHLIGHT_MS, podRow, selectedPodText} from '../../source/view/pod-row.js';
import {captureStore} from '../ui/helpers/capture-store.js';

function podNamed(prefix: string, capture: string, at?: number) {
	const data = captureStore(capture, at);
	const pod = [...data.store.view().pods.values()].find(p => p.name.startsWith(prefix))!;
	return {pod, now: data.clock.now()};
}

describe('pod row', () => {
	it('counts down to the next restart of a crash-looping pod', () => {
		// t = 14.132 s: CrashLoopBackOff after the first restart, back-off 10 s.
		const {pod, now} = podNamed('crashloop', 'crashloop', 14_200);
		const row = podRow(pod, now);
		expect(row.status).toBe('CrashLoopBackOff');
		expect(row.glyph).toBe('↻');
		expect(row.flags).toMatch(/^restart in \d+s$/);
		const later = podRow(pod, now + 3_000);
		expect(Number(/(\d+)s/.exec(later.flags)![1])).toBe(Number(/(\d+)s/.exec(row.flags)![1]) - 3);
		expect(selectedPodText(row, now)).toMatch(/^default\/crashloop-\S+ {2}CrashLoopBackOff {2}↻ CrashLoopBackOff in container \S+, restart in \d+s$/);
	});

	it('marks static (mirror) pods and counts sidecars', () => {
		const etcd = podNamed('etcd-', 'mixed');
		expect(podRow(etcd.pod, etcd.now).flags).toBe('static');
		const {pod, now} = podNamed('sidecar-demo', 'sidecar');
		expect(podRow(pod, now).flags).toBe('sidecars:1');
	});

	it('highlights a row for a moment after it changed', () => {
		const {pod} = podNamed('crashloop', 'crashloop');
		expect(podRow(pod, pod.lastChangedAt).changed).toBe(true);
		expect(podRow(pod, pod.lastChangedAt + CHANGE_HIGHLIGHT_MS - 1).changed).toBe(true);
		expect(podRow(pod, pod.lastChangedAt + CHANGE_HIGHLIGHT_MS).changed).toBe(false);
	});

	it('shows a deleted pod with its last status and a deleted mark', () => {
		const data = captureStore('terminating');
		const pod = [...data.store.view().pods.values()].find(p => p.deletedAt !== null)!;
		const row = podRow(pod, data.clock.now());
		expect(row.tone).toBe('deleted');
		expect(row.glyph).toBe('–');
		expect(row.flags).toBe('deleted');
		expect(row.status).toBe(pod.columns.status);
		expect(selectedPodText(row, data.clock.now())).toContain('(deleted)');
	});

	it('prints RESTARTS and AGE as the server does at that moment', () => {
		const {pod, now} = podNamed('crashloop', 'crashloop', 24_158);
		const row = podRow(pod, now);
		expect(row.restarts).toBe(pod.readServerRow()!.restarts);
		expect(row.age).toBe(pod.readServerRow()!.age);
	});

	it('lets the diagnosis speak for a looping pod instead of repeating the loop signal', () => {
		const {pod, now} = podNamed('crashloop', 'crashloop', 14_200);
		const why = {cause: 'crash-loop', container: 'api', text: 'container api exited 1 (Error) after 3s', health: 'failing'} as const;
		const row = podRow(pod, now, why);
		expect(row.why).toBe('crash-loop: container api exited 1 (Error) after 3s');
		expect(selectedPodText(row, now)).toMatch(/^default\/crashloop-\S+ {2}CrashLoopBackOff$/);
		expect(podRow(pod, now).why).toBe('');
	});
});
