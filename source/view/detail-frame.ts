// The pod detail's part of a frame: the section's lines, built once for the pod on screen, what
// the tabs line says about them, and what the detail's keys step through (the Containers list's
// blocks, the Timeline's transitions) and how far they scroll. Pure: view/frame.ts calls it.

import type {PodState, StoreView} from '../model/pod-state.js';
import {explainPod, whyContext, whyText, type Why} from '../model/why.js';
import {podEvents} from '../model/store/pod-events.js';
import {containerBlocks, containerListOrder, type ContainerBlock} from './detail/containers.js';
import {fitLines, line, type Line} from './detail/lines.js';
import type {SourceInfo, SourceLimits} from '../sources/source-info.js';
import {sessionCapturesLogs} from '../model/container-logs.js';
import {sectionLines, type Section} from './detail/sections.js';
import {podKeyOfRow, podOfRow} from './lanes/ended-rows.js';
import {timelineView} from './detail/timeline.js';
import {clampIndex, scrollPosition} from './scroll-window.js';
import {markTimelineCursor, timelineTargets, timelineTargetsOf, type TimelineTargets} from './timeline-cursor.js';
import type {UiState} from './ui-state.js';
import type {RunLogs} from './detail/log-lines.js';

/** The detail screen as drawn: the tabs line and the section's lines. */
export interface DetailBody {
	kind: 'detail';
	section: Section;
	/** The pod's key, beside the tabs. */
	title: string;
	/** "12–40 of 212" when the section is longer than the screen. */
	position: string | null;
	wrap: boolean;
	/** The section's lines (the screen shows `height` of them from `scroll`); null once the pod is gone. */
	lines: readonly Line[] | null;
	scroll: number;
	/** Lines for the section (under the tabs line). */
	height: number;
	/** What shows in place of the lines once the pod is gone. */
	gone: string;
}

/** What the detail's keys need: how far it scrolls and what its cursors step through. */
export interface DetailLimits {
	/** The section's largest scroll offset. */
	detailMax: number;
	/** The Containers list's blocks, in list order (empty unless the list shows). */
	containerBlocks: readonly ContainerBlock[];
	/** How many containers the Containers section lists. */
	containerCount: number;
	/** The Timeline's transition rows (Timeline section, replaying only). */
	timeline: TimelineTargets | null;
	/** Index into pod.containers of the container the Containers section's cursor is on (or shows in full). */
	cursorContainer?: number;
}

export interface DetailFrame {
	body: DetailBody;
	limits: DetailLimits;
	/** The pod on screen (null once it is gone) and its diagnosis, for the status line. */
	pod: PodState | null;
	why: Why | null;
}

export interface DetailInput {
	state: UiState;
	view: StoreView;
	now: number;
	width: number;
	height: number;
	replaying: boolean;
	/** What the source cannot show (nodes, events): the sections that need it say so first. */
	limits?: SourceLimits;
	/** The session captures the logs of containers that end (container-logs.ts capturesLogs). */
	capturesLogs?: boolean;
}

/** The one line a section shows first when what it is built from cannot be seen. */
function limitLines(section: Section, limits: SourceLimits | undefined, width: number): Line[] {
	const note = section === 'Scheduling' ? limits?.nodes : section === 'Events' ? limits?.events : null;
	return note ? fitLines([line(`⚠ ${note}`, 'warn')], width) : [];
}

/** The detail of `state.selectedKey` (the caller checks the detail screen is on). */

export function detailFrame({state, view, now, width, height, replaying, limits, capturesLogs = false}: DetailInput): DetailFrame {
	// A row of the Lanes view may be a life the store no longer lists (view/lanes/ended-rows.ts).
	const key = podKeyOfRow(state.selectedKey!);
	const pod = podOfRow(view, state.selectedKey!) ?? null;
	// An ended life whose name another pod holds now, or that the store holds no more (ended-rows.ts).
	const held = view.pods.get(key);
	const earlier = pod !== null && held !== undefined && held.uid !== pod.uid;
	const section = state.section;
	const wrap = state.detailWrap;
	const body: DetailBody = {
		kind: 'detail',
		section,
		title: earlier ? `${key} (an earlier life)` : key,
		position: null,
		wrap,
		lines: null,
		scroll: state.detailScroll,
		height,
		gone: `${key} is no longer in the store.`,
	};
	if (!pod) return {body, limits: {detailMax: 0, containerBlocks: [], containerCount: 0, timeline: null}, pod: null, why: null};

	// The diagnosis reads the pod's events and node: made for the pod on screen only, never per row of the store.
	const why = explainPod(pod, whyContext(view, pod, now, view));
	const events = podEvents(view, pod);
	const logs = runLogs(view, pod.key, capturesLogs);
	// Containers: the cursor walks the list's order (init, sidecar, regular, ephemeral), not pod.containers' own.
	const containerOrder = section === 'Containers' ? containerListOrder(pod) : [];
	const containerCursor = clampIndex(state.containerCursor, containerOrder.length);
	const selectedContainer = state.containerOpen ? containerOrder[containerCursor] : undefined;
	const listCursor = !state.containerOpen && containerOrder.length > 0 ? containerCursor : undefined;
	const blocks = listCursor !== undefined ? containerBlocks(pod, now, logs) : [];

	let lines: Line[];
	let timeline: TimelineTargets | null = null;
	if (section === 'Timeline') {
		// The costliest section: built once for its lines and, replaying, the transitions ↑/↓ pick.
		// Live, the cursor is where Enter in the Lanes view opened it (its ↑/↓ move it only replaying).
		const built = timelineView({pod, events, now, width, wrap, logs});
		lines = markTimelineCursor(built, state.timelineCursor);
		if (replaying) timeline = timelineTargets(built);
	} else {
		const built = sectionLines({
			section,
			pod,
			events,
			view,
			now,
			width,
			why: why ? whyText(why) : undefined,
			selectedContainer,
			containerCursor: listCursor,
			wrap,
			logs,
			eventsLetGo: pod.deletedAt !== null && held === undefined,
		});
		const note = limitLines(section, limits, width);
		// Events not permitted: "no events recorded" under the note would say something else.
		lines = note.length === 0 ? built : section === 'Events' ? note : [...note, ...built];
	}
	return {
		body: {...body, lines, position: scrollPosition(state.detailScroll, height, lines.length)},
		limits: {
			detailMax: Math.max(0, lines.length - height),
			containerBlocks: blocks,
			containerCount: containerOrder.length,
			timeline,
			cursorContainer: containerOrder[containerCursor],
		},
		pod,
		why,
	};
}

/**
 * The Timeline's transitions of the selected pod as the store holds them now: after a seek, which
 * applies at once, before the next frame is drawn.
 */
export function timelineNow(view: StoreView, state: UiState, now: number, width: number, info?: Pick<SourceInfo, 'header'>): TimelineTargets | null {
	const pod = state.selectedKey === null ? undefined : podOfRow(view, state.selectedKey);
	if (!pod) return null;
	const logs = runLogs(view, pod.key, sessionCapturesLogs(info?.header));
	return timelineTargetsOf({pod, events: podEvents(view, pod), now, width, wrap: state.detailWrap, logs});
}

/** The logs captured of pod `key` as of the view, for the sections that show them. */
function runLogs(view: StoreView, key: string, capturesLogs: boolean): RunLogs {
	return {captured: view.logsByPod.get(key) ?? NO_LOGS, capturesLogs};
}

const NO_LOGS: readonly never[] = [];
