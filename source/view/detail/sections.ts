// The detail screen's sections and the one function that builds the lines of any of them. The UI
// slices these lines to the visible window; detailLineCount gives the scroll limit.

import type {KubeEvent} from '../../kube/objects.js';
import type {ClusterSource} from '../../model/placement/cluster.js';
import type {PodState} from '../../model/pod-state.js';
import {containersLines} from './containers.js';
import {eventsLines} from './events.js';
import type {Line} from './lines.js';
import {overviewLines} from './overview.js';
import {schedulingLines} from './scheduling.js';
import {timelineView} from './timeline.js';
import {markTimelineCursor, type TimelineCursor} from '../timeline-cursor.js';
import {podYamlLines} from './yaml.js';
import type {RunLogs} from './log-lines.js';

export const SECTIONS = ['Overview', 'Containers', 'Timeline', 'Scheduling', 'Events', 'YAML'] as const;
export type Section = (typeof SECTIONS)[number];

export interface SectionInput {
	section: Section;
	pod: PodState;
	events: readonly KubeEvent[];
	/** The store view: Scheduling places the pod against its nodes and other pods. */
	view: ClusterSource;
	now: number;
	width: number;
	/** Containers: index into pod.containers shown in full. */
	selectedContainer?: number;
	/** Containers list: the cursor's position in it (containerListOrder), marked on that container. */
	containerCursor?: number;
	/** Overview: one line of diagnosis shown first. */
	why?: string;
	/** Timeline: the transition row marked as selected (replay only). */
	timelineCursor?: TimelineCursor | null;
	/** Long lines wrapped onto the lines below instead of cut (the `w` toggle). */
	wrap?: boolean;
	/** Containers, Timeline: the logs the session captured of the pod, beside each run's end. */
	logs?: RunLogs;
	/** Events: the pod is a deleted one the store no longer holds, whose events it let go. */
	eventsLetGo?: boolean;
}

export function sectionLines(input: SectionInput): Line[] {
	const {pod, events, view, now, width} = input;
	const wrap = input.wrap ?? false;
	switch (input.section) {
		case 'Overview':
			return overviewLines({pod, now, width, why: input.why, wrap});
		case 'Containers':
			return containersLines({pod, now, width, selectedContainer: input.selectedContainer, cursor: input.containerCursor, wrap, logs: input.logs});
		case 'Timeline':
			return markTimelineCursor(timelineView({pod, events, now, width, wrap, logs: input.logs}), input.timelineCursor ?? null);
		case 'Scheduling':
			return schedulingLines({pod, view, now, width, events, wrap});
		case 'Events':
			return eventsLines({events, now, width, wrap, letGo: input.eventsLetGo});
		case 'YAML':
			return podYamlLines(pod, width, wrap);
	}
}

/** How many lines the section has at this width (the host's scroll limit is this minus its height). */
export function detailLineCount(input: SectionInput): number {
	return sectionLines(input).length;
}

/** The scroll offset clamped so the last page is full: 0 … max(0, count − height). */
export function clampScroll(scroll: number, count: number, height: number): number {
	return Math.max(0, Math.min(scroll, count - height));
}
