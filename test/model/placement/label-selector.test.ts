// Label selectors as the scheduler reads them (metav1.LabelSelectorAsSelector, labels.Requirement.Matches).

import {describe, expect, it} from 'vitest';
import {parseSelector, selectorMatches, withLabelKeys} from '../../../source/model/placement/label-selector.js';

describe('label selectors', () => {
	it('matches nothing for a nil selector and everything for an empty one', () => {
		expect(selectorMatches(parseSelector(undefined), {app: 'web'})).toBe(false);
		expect(selectorMatches(parseSelector({}), {})).toBe(true);
	});

	it('lets NotIn and DoesNotExist hold for a label that is absent', () => {
		const selector = parseSelector({
			matchExpressions: [
				{key: 'tier', operator: 'NotIn', values: ['db']},
				{key: 'canary', operator: 'DoesNotExist'},
			],
		});
		expect(selectorMatches(selector, {app: 'web'})).toBe(true);
		expect(selectorMatches(selector, {tier: 'db'})).toBe(false);
		expect(selectorMatches(selector, {canary: ''})).toBe(false);
	});

	it('matches nothing when an operator is unknown (the API refuses it)', () => {
		expect(selectorMatches(parseSelector({matchExpressions: [{key: 'a', operator: 'Gt', values: ['1']}]}), {a: '2'})).toBe(false);
	});

	it('merges matchLabelKeys once, even when the API server already did', () => {
		const merged = withLabelKeys(parseSelector({matchLabels: {app: 'web'}}), ['pod-template-hash', 'absent'], 'In', {'pod-template-hash': 'abc'});
		expect(merged).toEqual([
			{key: 'app', operator: 'In', values: ['web']},
			{key: 'pod-template-hash', operator: 'In', values: ['abc']},
		]);
		expect(withLabelKeys(merged, ['pod-template-hash'], 'In', {'pod-template-hash': 'abc'})).toBe(merged);
		expect(withLabelKeys(null, ['pod-template-hash'], 'In', {'pod-template-hash': 'abc'})).toBeNull();
	});
});
