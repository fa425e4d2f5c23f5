// Label selectors as the scheduler parses them (apimachinery metav1.LabelSelectorAsSelector and
// labels.Requirement.Matches): a nil selector matches nothing, an empty one everything, and the
// requirements of matchLabels and matchExpressions are ANDed.

import type {LabelSelector, NodeSelectorRequirement} from '../../kube/objects.js';

export type Labels = Readonly<Record<string, string>>;

/** One parsed requirement: matchLabels become `In` with one value. */
export interface LabelRequirement {
	readonly key: string;
	readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
	readonly values: readonly string[];
}

/**
 * null: labels.Nothing() (a nil selector, or one with an operator the API does not know, which
 * LabelSelectorAsSelector refuses); an empty list: labels.Everything().
 */
export type Selector = readonly LabelRequirement[] | null;

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** metav1.LabelSelectorAsSelector. */
export function parseSelector(selector: LabelSelector | null | undefined): Selector {
	if (!selector) return null;
	const requirements: LabelRequirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({key, operator: 'In', values: [value]}));
	for (const expression of selector.matchExpressions ?? []) {
		if (!OPERATORS.has(expression.operator)) return null;
		requirements.push({key: expression.key, operator: expression.operator as LabelRequirement['operator'], values: expression.values ?? []});
	}
	return requirements;
}

/** labels.Selector.Matches. */
export function selectorMatches(selector: Selector, labels: Labels): boolean {
	if (selector === null) return false;
	for (const requirement of selector) if (!requirementMatches(requirement, labels)) return false;
	return true;
}

/** labels.Requirement.Matches: NotIn and DoesNotExist hold for a label that is absent. */
export function requirementMatches({key, operator, values}: LabelRequirement, labels: Labels): boolean {
	const has = Object.hasOwn(labels, key);
	switch (operator) {
		case 'In':
			return has && values.includes(labels[key]!);
		case 'NotIn':
			return !has || !values.includes(labels[key]!);
		case 'Exists':
			return has;
		case 'DoesNotExist':
			return !has;
	}
}

/** labels.Selector.Empty(): no requirement at all (Everything), which Nothing is not. */
export function selectorIsEmpty(selector: Selector): boolean {
	return selector !== null && selector.length === 0;
}

/**
 * `selector` with one requirement per key of `keys` that the pod's labels carry: `key In (value)`
 * for matchLabelKeys, `key NotIn (value)` for mismatchLabelKeys. A requirement the selector already
 * has is not added twice: since 1.29 the API server merges them into the pod's labelSelector at
 * creation (pod strategy applyMatchLabelKeysAndMismatchLabelKeys), so an object read back usually
 * carries them already; a hand-made one may not. A nil selector stays nil (it matches no pod).
 */
export function withLabelKeys(selector: Selector, keys: readonly string[] | undefined, operator: 'In' | 'NotIn', labels: Labels): Selector {
	if (selector === null || !keys || keys.length === 0) return selector;
	let merged = selector;
	for (const key of keys) {
		if (!Object.hasOwn(labels, key)) continue;
		const value = labels[key]!;
		if (
			merged.some(
				requirement => requirement.key === key && requirement.operator === operator && requirement.values.length === 1 && requirement.values[0] === value,
			)
		)
			continue;
		merged = [...merged, {key, operator, values: [value]}];
	}
	return merged;
}

/** The labels of `labels` that a selector names: what to show of a pod that matched it ("app=web"). */
export function labelsNamed(selector: Selector, labels: Labels): string {
	if (selector === null) return '';
	const keys = [...new Set(selector.map(requirement => requirement.key))].filter(key => Object.hasOwn(labels, key));
	return keys.map(key => `${key}=${labels[key]}`).join(', ');
}

/** A requirement as metav1 writes it back: for describing a merged selector in words. */
export function asExpression(requirement: LabelRequirement): NodeSelectorRequirement {
	return {key: requirement.key, operator: requirement.operator, values: [...requirement.values]};
}
