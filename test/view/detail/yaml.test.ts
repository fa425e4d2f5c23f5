import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {lineText} from '../../../source/view/detail/lines.js';
import {podYaml, yamlLines} from '../../../source/view/detail/yaml.js';
import {loadCapture} from './capture.js';

describe('yamlLines', () => {
	const capture = loadCapture('crashloop.ndjson');
	const pod = capture.pod('crashloop');

	it('shows the pod as of this moment, without managedFields', () => {
		// The store drops managedFields already; give them back so the YAML view's own filter is tested.
		const object = {...pod.readObject(), metadata: {...pod.readObject().metadata, managedFields: [{manager: 'kubelet', operation: 'Update'}]}};
		const parsed = parse(podYaml(object)) as ReturnType<typeof pod.readObject>;
		expect(parsed.metadata.managedFields).toBeUndefined();
		expect(parsed.metadata.name).toBe(pod.name);
		expect(parsed.status?.containerStatuses?.[0]?.restartCount).toBe(4);
	});

	it('changes with the moment shown', () => {
		const early = loadCapture('crashloop.ndjson', 12_000).pod('crashloop');
		expect(yamlLines(early.readObject(), 100).map(lineText)).toContain('      restartCount: 1');
		expect(yamlLines(pod.readObject(), 100).map(lineText)).toContain('      restartCount: 4');
	});

	it('cuts long lines to the width', () => {
		for (const entry of yamlLines(pod.readObject(), 50).map(lineText)) expect(entry.length).toBeLessThanOrEqual(50);
	});
});
