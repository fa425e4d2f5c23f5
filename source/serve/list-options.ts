// What the real server's validation refuses in a list's or a watch's options, before it reads
// anything (apimachinery pkg/apis/meta/internalversion/validation validation.go
// ValidateListOptions and validateWatchOptions; handlers/get.go ListResource answers the problems
// as a 422 Invalid of ListOptions, status.ts invalidListOptions).

/** One refused option, as apimachinery's field.Error: its field, cause type and ErrorBody(). */
export interface OptionProblem {
	field: string;
	reason: 'FieldValueForbidden' | 'FieldValueNotSupported';
	body: string;
}

function forbidden(field: string, detail: string): OptionProblem {
	return {field, reason: 'FieldValueForbidden', body: `Forbidden: ${detail}`};
}

function notSupported(field: string, value: string, supported: readonly string[]): OptionProblem {
	return {field, reason: 'FieldValueNotSupported', body: `Unsupported value: "${value}": supported values: ${supported.map(each => `"${each}"`).join(', ')}`};
}

/**
 * A watch's: sendInitialEvents only with resourceVersionMatch=NotOlderThan and where the WatchList
 * gate is on; resourceVersionMatch only with sendInitialEvents. Bookmarks are not required: without
 * them the initial events simply come without the bookmark that ends them.
 */
export function watchOptionProblems(query: Record<string, string>, watchList: boolean): OptionProblem[] {
	const problems: OptionProblem[] = [];
	const send = query['sendInitialEvents'];
	const match = query['resourceVersionMatch'] ?? '';
	if (send !== undefined) {
		if (match !== 'NotOlderThan') problems.push(forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
		if (!watchList) problems.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled'));
	}
	if (match !== '') {
		if (send === undefined)
			problems.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
		if (match !== 'NotOlderThan') problems.push(notSupported('resourceVersionMatch', match, ['NotOlderThan']));
		if (query['continue']) problems.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
	}
	return problems;
}

/** A list's: resourceVersionMatch only with a resourceVersion and no continue token; never sendInitialEvents. */
export function listOptionProblems(query: Record<string, string>): OptionProblem[] {
	const problems: OptionProblem[] = [];
	const match = query['resourceVersionMatch'] ?? '';
	if (match !== '') {
		if (!query['resourceVersion']) problems.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
		if (query['continue']) problems.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
		if (match !== 'Exact' && match !== 'NotOlderThan') problems.push(notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
		if (match === 'Exact' && query['resourceVersion'] === '0')
			problems.push(forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
	}
	if (query['sendInitialEvents'] !== undefined) problems.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
	return problems;
}
