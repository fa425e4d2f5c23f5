// The heading rows of the grouped list (grouped-list.ts) as lines, for the table and the Lanes view
// alike: a workload's heading is its summary (workload-summary.ts) after a fold mark (▾ open, ▸
// folded; a folded one says how many pods it holds, next to the name so a narrow screen keeps it),
// a stalled rollout's why at its end; a part's heading, one step in, names the ReplicaSet (or Job,
// or a set's revision) and its revision.
//
// A summary counts every pod the store keeps of the workload, not only those listed: a rollout's
// old pods are off the list a minute after their deletion, and its revisions are counted from them.
// Only the headings on screen are made.

import type {StoreView} from '../../model/pod-state.js';
import {ownerKey} from '../../model/workloads/owner-objects.js';
import {groupPods, type WorkloadGroup} from '../../model/workloads/workload-groups.js';
import {span, type Line} from '../detail/lines.js';
import {podCount, type GroupedList, type HeadingRow} from './grouped-list.js';
import {workloadSummary, type WorkloadSummary} from './workload-summary.js';
import type {WorkloadMembers} from './workload-members.js';

export interface HeadingContext {
	view: StoreView;
	now: number;
	/** When the session (or watch) began: whether a Deployment's revisions can be counted. */
	observedFrom: number;
	withNamespace: boolean;
	/** Every pod the store keeps, by workload: what a summary counts. */
	members: WorkloadMembers;
}

/** The grouped list a frame shows and what its headings are made with. */
export interface GroupedRows {
	list: GroupedList;
	context: HeadingContext;
}

/** ▾ open, ▸ folded (Enter toggles). */
export function foldMark(folded: boolean): string {
	return folded ? '▸ ' : '▾ ';
}

/** The store's whole group of workload `id` (null when it holds none of its pods). */
function storeGroup(context: HeadingContext, id: string): WorkloadGroup | null {
	return groupPods(context.members.podsOf(id), context.view.owners)[0] ?? null;
}

/**
 * "rev 3", or "revision unknown" when neither the session's start nor a held ReplicaSet tells it;
 * "rev 4 (was 2)" once the session shows a ReplicaSet made the new one again under a new number (a
 * rollout undo): its pods from before keep their place under it, and the number they had is said.
 */
function partRevision(summary: WorkloadSummary | null, group: WorkloadGroup, name: string, view: StoreView): string | null {
	const held = view.owners.get(ownerKey('ReplicaSet', group.workload.namespace, name));
	const rollouts = summary?.rollouts;
	// Its numbers as the rollouts counted them, in the order it had them.
	const counted: Array<number | null> = [];
	const had = (revision: number | null): void => {
		if (counted.at(-1) !== revision) counted.push(revision);
	};
	for (const rollout of rollouts?.rollouts ?? []) {
		if (rollout.from?.replicaSet === name) had(rollout.from.revision);
		if (rollout.to.replicaSet === name) had(rollout.to.revision);
	}
	if (rollouts?.current?.replicaSet === name) had(rollouts.current.revision);
	if (held?.revision != null) {
		const before = held.revisionHistory.length > 0 ? held.revisionHistory : counted.slice(0, -1);
		return revisionText(
			held.revision,
			before.filter(revision => revision !== null && revision < held.revision!),
		);
	}
	if (!rollouts) return null;
	const revision = counted.at(-1);
	return revision == null ? 'revision unknown' : revisionText(revision, counted.slice(0, -1));
}

/** "rev 4", "rev 4 (was 2)", "rev 6 (was 2, 4)". */
function revisionText(revision: number, before: ReadonlyArray<number | null>): string {
	const known = [...new Set(before.filter((number): number is number => number !== null && number !== revision))];
	return known.length === 0 ? `rev ${revision}` : `rev ${revision} (was ${known.join(', ')})`;
}

/** Makes the heading lines of one frame: a workload's summary is worked out once however many of its headings show. */
export function headingLines(context: HeadingContext): (row: HeadingRow) => Line {
	const {view} = context;
	const summaries = new Map<string, {group: WorkloadGroup | null; summary: WorkloadSummary | null}>();
	const summaryOf = (workload: string) => {
		let known = summaries.get(workload);
		if (!known) {
			const group = storeGroup(context, workload);
			const summary = group ? workloadSummary(group, view, context.now, context.observedFrom, context.withNamespace) : null;
			known = {group, summary};
			summaries.set(workload, known);
		}
		return known;
	};
	return row => {
		const mark = span(foldMark(row.folded), 'label');
		const count = row.folded ? [span(` (${podCount(row.pods)})`, 'dim')] : [];
		const {group, summary} = summaryOf(row.workload);
		if (row.kind === 'group') {
			if (!summary) return [mark, span(row.id, 'heading'), ...count];
			const [name, ...rest] = summary.line;
			return [mark, name!, ...count, ...rest, ...(summary.why ? [span(`  ✗ ${summary.why}`, 'bad')] : [])];
		}
		const kind = partKind(group, row.part);
		const revision = kind === 'ReplicaSet' && group ? partRevision(summary, group, row.part, view) : null;
		return [span('  '), mark, span(`${kind} `, 'label'), span(row.part || '(none)'), ...count, ...(revision ? [span(`  ${revision}`, 'label')] : [])];
	};
}

/** "ReplicaSet", "Job", "revision": what a part of the workload is. */
function partKind(group: WorkloadGroup | null, name: string): string {
	if (group) for (const part of group.parts.values()) if (part?.name === name) return part.kind;
	return 'part';
}

/** The status line while the cursor is on a heading: "Deployment default/api · 4 pods folded · Enter unfolds". */
export function headingStatus(row: HeadingRow): string {
	const [kind = '', namespace = '', name = ''] = row.workload.split('/');
	const what = kind === 'Node' ? `static pods on ${name}` : kind === 'Pod' ? `bare pods in ${namespace}` : `${kind} ${namespace}/${name}`;
	const head = row.kind === 'part' ? `${row.part} of ${what}` : what;
	return `${head} · ${podCount(row.pods)}${row.folded ? ' folded · Enter unfolds' : ' · Enter folds'}`;
}
