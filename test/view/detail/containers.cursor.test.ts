import {describe, expect, it} from 'vitest';
import {containerBlocks, containerListOrder, containersLines} from '../../../source/view/detail/containers.js';
import {lineText} from '../../../source/view/detail/lines.js';
import type {PodState} from '../../../source/model/pod-state.js';
import {loadCapture} from './capture.js';
import {podStateWith} from '../../helpers/pod-state.js';

/** The sidecar pod with its containers re-labelled so init containers and a sidecar interleave in initContainers. */
function interleaved(): PodState {
	const capture = loadCapture('sidecar.ndjson');
	const pod = capture.pod('sidecar');
	const [shipper, app] = pod.containers;
	return podStateWith(pod, {
		containers: [
			{...shipper!, kind: 'init', name: 'first-init'},
			{...shipper!, kind: 'sidecar', name: 'the-sidecar'},
			{...shipper!, kind: 'init', name: 'second-init'},
			app!,
		],
	});
}

describe('the Containers list cursor', () => {
	it('walks the containers in the order the list shows them, all init containers before the sidecars', () => {
		const pod = interleaved();
		expect(containerListOrder(pod).map(index => pod.containers[index]!.name)).toEqual(['first-init', 'second-init', 'the-sidecar', 'app']);
	});

	it('marks only the container under the cursor, counting in list order', () => {
		const pod = interleaved();
		const lines = containersLines({pod, now: Date.now(), width: 100, cursor: 2}).map(lineText);
		const marked = lines.filter(text => text.startsWith('›'));
		expect(marked).toHaveLength(1);
		expect(marked[0]).toMatch(/^› ▸ the-sidecar\s+running/);
		expect(lines).toContain('Sidecar containers (1)');
	});

	it('marks nothing without a cursor', () => {
		const lines = containersLines({pod: interleaved(), now: Date.now(), width: 100}).map(lineText);
		expect(lines.some(text => text.startsWith('›'))).toBe(false);
	});

	it('gives each container the lines of its block, the first of a group with the group title', () => {
		const pod = interleaved();
		const now = Date.now();
		const lines = containersLines({pod, now, width: 100}).map(lineText);
		const blocks = containerBlocks(pod, now);
		expect(blocks.map(block => pod.containers[block.index]!.name)).toEqual(['first-init', 'second-init', 'the-sidecar', 'app']);
		expect(lines[blocks[0]!.start]).toBe('Init containers (2)');
		expect(lines[blocks[1]!.start]).toMatch(/▸ second-init/);
		expect(lines[blocks[2]!.start]).toBe('Sidecar containers (1)');
		expect(lines[blocks[3]!.start]).toBe('Containers (1)');
		expect(blocks.at(-1)!.end).toBe(lines.length);
		for (const [at, block] of blocks.entries()) {
			const own = lines.slice(block.start, block.end).filter(text => text.includes('▸ '));
			expect(own).toHaveLength(1);
			expect(own[0]).toContain(pod.containers[block.index]!.name);
			if (at > 0) expect(block.start).toBeGreaterThanOrEqual(blocks[at - 1]!.end);
		}
	});
});
