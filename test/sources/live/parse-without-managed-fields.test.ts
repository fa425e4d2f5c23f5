// The live source parses the server's answers without the objects' managedFields, cut from the
// text first (sources/live/parse-without-managed-fields.ts): what it hands on must be exactly the
// server's objects less managedFields — every field, in the server's order — whatever the text.

import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {withoutManagedFields} from '../../../source/model/store/object-source.js';
import {parseWithoutManagedFields, withoutManagedFieldsText} from '../../../source/sources/live/parse-without-managed-fields.js';

type Obj = {metadata?: {managedFields?: unknown[]} & Record<string, unknown>} & Record<string, unknown>;

/** Every object a real control plane sent in a recorded session (pods, nodes, events, ReplicaSets …), as it sent them. */
function recordedObjects(): Obj[] {
	const file = path.join(import.meta.dirname, '../../fixtures/captures-full/rollout-undo.ndjson');
	const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean);
	return lines.map(line => JSON.parse(line) as {object?: Obj}).flatMap(entry => (entry.object ? [entry.object] : []));
}

/** As JSON.stringify prints it: equal texts are equal objects with their keys in the same order. */
const text = (value: unknown): string => JSON.stringify(value);

describe('parsing without managedFields', () => {
	const objects = recordedObjects();

	it('gives each watch event of a real server exactly its object less managedFields, cut before parsing', () => {
		const withFields = objects.filter(object => object.metadata?.managedFields !== undefined);
		expect(withFields.length).toBeGreaterThan(100);
		for (const object of objects) {
			const line = text({type: 'MODIFIED', object});
			const parsed = parseWithoutManagedFields(line) as {object: Obj};
			expect(text(parsed.object)).toBe(text(withoutManagedFields(object)));
		}
		// Cut from the text, not dropped after parsing it.
		for (const object of withFields) expect(withoutManagedFieldsText(text({type: 'ADDED', object}))).not.toContain('managedFields');
	});

	it('cuts every item of a list page and every row of a Table', () => {
		const pods = objects.filter(object => object['kind'] === 'Pod').slice(0, 40);
		const list = {kind: 'PodList', apiVersion: 'v1', metadata: {resourceVersion: '9', continue: 'x'}, items: pods};
		expect(text(parseWithoutManagedFields(text(list)))).toBe(text({...list, items: pods.map(pod => withoutManagedFields(pod))}));
		const table = {kind: 'Table', rows: pods.map(pod => ({cells: ['a', 1], object: pod}))};
		const parsedTable = parseWithoutManagedFields(text(table)) as {rows: Array<{object: Obj}>};
		expect(parsedTable.rows.map(row => text(row.object))).toEqual(pods.map(pod => text(withoutManagedFields(pod))));
	});

	it('cuts them wherever they stand in metadata: first, between other keys, or last', () => {
		const entry = [{manager: 'kubelet', fieldsV1: {'f:status': {'k:{"type":"Ready"}': {'.': {}}}}}];
		const cases: Obj[] = [
			{metadata: {managedFields: entry, name: 'first', labels: {a: 'b'}}, spec: {}},
			{metadata: {name: 'middle', managedFields: entry, labels: {a: 'b'}}, spec: {}},
			{metadata: {name: 'last', managedFields: entry}, spec: {}},
			{metadata: {managedFields: entry}, spec: {}},
		];
		for (const object of cases) {
			const line = text(object);
			expect(withoutManagedFieldsText(line)).not.toContain('managedFields');
			expect(text(parseWithoutManagedFields(line))).toBe(text(withoutManagedFields(object)));
		}
	});

	it('leaves in what it cannot prove safe to cut, and still parses every field as sent', () => {
		const cases: Obj[] = [
			// A bracket in a manager's name, a nested array: the first "]" is not the list's end.
			{metadata: {name: 'a', managedFields: [{manager: 'tool]},"spec":{'}]}, spec: {containers: []}},
			{metadata: {name: 'b', managedFields: [{manager: 'x', extra: [1, 2]}]}, spec: {}},
			// The key's text inside a string (an annotation holding an object's JSON).
			{metadata: {name: 'c', annotations: {'last-applied': '{"metadata":{"managedFields":[]},"spec":{}}'}}, spec: {}},
		];
		// Parsed as sent, managedFields and all (the store drops them after parsing).
		for (const object of cases) expect(text(parseWithoutManagedFields(text(object)))).toBe(text(object));
		// One left in does not keep the others of a list from being cut.
		const list = {items: [cases[1], objects[1], cases[0]]};
		expect(text(parseWithoutManagedFields(text(list)))).toBe(text({items: [cases[1], withoutManagedFields(objects[1]!), cases[0]]}));
		// Another encoder's spacing: nothing matches, nothing is cut.
		const spaced = JSON.stringify(objects[1], null, 1);
		expect(withoutManagedFieldsText(spaced)).toBe(spaced);
		expect(text(parseWithoutManagedFields(spaced))).toBe(text(objects[1]));
	});

	it('throws on text that is not JSON, as JSON.parse does', () => {
		expect(() => parseWithoutManagedFields('{"metadata":{"managedFields":[{}]},"spec":')).toThrow(SyntaxError);
	});
});
