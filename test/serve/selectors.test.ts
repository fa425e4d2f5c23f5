import {describe, expect, it} from 'vitest';
import {parseFieldSelector, parseLabelSelector, SelectorError} from '../../source/serve/selectors.js';

const web = {
	kind: 'Pod',
	metadata: {name: 'web', namespace: 'default', labels: {app: 'web', tier: 'front'}},
	spec: {nodeName: 'n1'},
	status: {phase: 'Running'},
};
const db = {kind: 'Pod', metadata: {name: 'db', namespace: 'default', labels: {app: 'db'}}, spec: {}, status: {phase: 'Pending'}};

function names(selector: string): string[] {
	const matches = parseLabelSelector(selector);
	return [web, db].filter(matches).map(pod => pod.metadata.name);
}

describe('label selectors', () => {
	it('understands equality, inequality, existence and sets', () => {
		expect(names('app=web')).toEqual(['web']);
		expect(names('app==db')).toEqual(['db']);
		expect(names('app!=web')).toEqual(['db']);
		expect(names('tier')).toEqual(['web']);
		expect(names('!tier')).toEqual(['db']);
		expect(names('app in (web, db),tier notin (back)')).toEqual(['web', 'db']);
		expect(names('app notin (web)')).toEqual(['db']);
		expect(names('')).toEqual(['web', 'db']);
	});

	it('rejects what it cannot parse', () => {
		expect(() => parseLabelSelector('app in web')).toThrow(SelectorError);
	});
});

describe('field selectors', () => {
	it('matches the registered pod fields, an unset field being empty', () => {
		expect([web, db].filter(parseFieldSelector('spec.nodeName=', 'pods')).map(pod => pod.metadata.name)).toEqual(['db']);
		expect([web, db].filter(parseFieldSelector('status.phase!=Pending,metadata.namespace=default', 'pods')).map(pod => pod.metadata.name)).toEqual(['web']);
	});

	it('refuses fields the resource does not register', () => {
		expect(() => parseFieldSelector('involvedObject.name=x', 'pods')).toThrow('field label not supported: involvedObject.name');
	});
});
