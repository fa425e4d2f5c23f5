// Label and field selectors as the API server parses them, reduced to what the
// fake server needs. Label grammar follows apimachinery labels.Parse:
// `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`.
// Field selectors (fields.ParseSelector) allow `=`, `==`, `!=` on the fields
// each resource registers (pkg/registry/core/*/strategy.go ToSelectableFields).

import type {KubeObject} from '../kube/objects.js';

export class SelectorError extends Error {}

type Requirement =
	{key: string; op: 'eq' | 'neq'; value: string} | {key: string; op: 'in' | 'notin'; values: string[]} | {key: string; op: 'exists' | 'absent'};

export type Matcher = (object: KubeObject) => boolean;

/** Split on commas that are not inside parentheses. */
function splitTerms(selector: string): string[] {
	const terms: string[] = [];
	let depth = 0;
	let current = '';
	for (const char of selector) {
		if (char === '(') depth++;
		if (char === ')') depth--;
		if (char === ',' && depth === 0) {
			terms.push(current);
			current = '';
		} else {
			current += char;
		}
	}
	terms.push(current);
	return terms.map(term => term.trim()).filter(term => term !== '');
}

function parseLabelRequirement(term: string): Requirement {
	const set = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
	if (set) {
		const values = set[3]!
			.split(',')
			.map(value => value.trim())
			.filter(value => value !== '');
		return {key: set[1]!, op: set[2] as 'in' | 'notin', values};
	}
	const compare = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=()]*)$/.exec(term);
	if (compare) return {key: compare[1]!, op: compare[2] === '!=' ? 'neq' : 'eq', value: compare[3]!};
	const absent = /^!\s*([^\s!=()]+)$/.exec(term);
	if (absent) return {key: absent[1]!, op: 'absent'};
	if (/^[^\s!=()]+$/.test(term)) return {key: term, op: 'exists'};
	throw new SelectorError(`unable to parse requirement: ${JSON.stringify(term)}`);
}

function matchesRequirement(value: string | undefined, requirement: Requirement): boolean {
	switch (requirement.op) {
		case 'eq':
			return value === requirement.value;
		case 'neq':
			return value !== requirement.value;
		case 'in':
			return value !== undefined && requirement.values.includes(value);
		case 'notin':
			return value === undefined || !requirement.values.includes(value);
		case 'exists':
			return value !== undefined;
		case 'absent':
			return value === undefined;
	}
}

export function parseLabelSelector(selector: string | null | undefined): Matcher {
	if (!selector) return () => true;
	const requirements = splitTerms(selector).map(parseLabelRequirement);
	return object => {
		const labels = object.metadata?.labels ?? {};
		return requirements.every(requirement => matchesRequirement(labels[requirement.key], requirement));
	};
}

type FieldGetter = (object: KubeObject) => string | undefined;

function path(...keys: string[]): FieldGetter {
	return object => {
		let value: unknown = object;
		for (const key of keys) {
			if (value === null || typeof value !== 'object') return undefined;
			value = (value as Record<string, unknown>)[key];
		}
		if (value === undefined || value === null) return '';
		return typeof value === 'string' ? value : String(value);
	};
}

const metadataFields: Record<string, FieldGetter> = {
	'metadata.name': path('metadata', 'name'),
	'metadata.namespace': path('metadata', 'namespace'),
};

/** The selectable fields of each resource, as the real registry declares them. */
const selectableFields: Record<string, Record<string, FieldGetter>> = {
	pods: {
		...metadataFields,
		'spec.nodeName': path('spec', 'nodeName'),
		'spec.restartPolicy': path('spec', 'restartPolicy'),
		'spec.schedulerName': path('spec', 'schedulerName'),
		'spec.serviceAccountName': path('spec', 'serviceAccountName'),
		'spec.hostNetwork': object => String(Boolean((object['spec'] as {hostNetwork?: boolean} | undefined)?.hostNetwork)),
		'status.phase': path('status', 'phase'),
		'status.podIP': path('status', 'podIP'),
		'status.nominatedNodeName': path('status', 'nominatedNodeName'),
	},
	nodes: {
		...metadataFields,
		'spec.unschedulable': object => String(Boolean((object['spec'] as {unschedulable?: boolean} | undefined)?.unschedulable)),
	},
	events: {
		...metadataFields,
		'involvedObject.kind': path('involvedObject', 'kind'),
		'involvedObject.namespace': path('involvedObject', 'namespace'),
		'involvedObject.name': path('involvedObject', 'name'),
		'involvedObject.uid': path('involvedObject', 'uid'),
		'involvedObject.apiVersion': path('involvedObject', 'apiVersion'),
		'involvedObject.resourceVersion': path('involvedObject', 'resourceVersion'),
		'involvedObject.fieldPath': path('involvedObject', 'fieldPath'),
		reason: path('reason'),
		reportingComponent: path('reportingComponent'),
		source: path('source', 'component'),
		type: path('type'),
	},
	namespaces: {...metadataFields, 'status.phase': path('status', 'phase')},
};

export function parseFieldSelector(selector: string | null | undefined, resource: string): Matcher {
	if (!selector) return () => true;
	const fields = selectableFields[resource] ?? metadataFields;
	const checks = splitTerms(selector).map(term => {
		const match = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
		if (!match) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
		const getter = fields[match[1]!];
		// Same wording as the real server's BadRequest for an unknown field.
		if (!getter) throw new SelectorError(`field label not supported: ${match[1]!}`);
		const expected = match[3]!;
		const negate = match[2] === '!=';
		return (object: KubeObject) => (getter(object) === expected) !== negate;
	});
	return object => checks.every(check => check(object));
}
