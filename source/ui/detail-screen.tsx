// The detail screen host: section tabs over the section body. The sections
// themselves (Overview, Containers, Timeline, Scheduling, Events, YAML) live in
// ./detail/ and are rendered through its DetailSection; this screen owns the
// tabs, the keys and the scroll offset.

import React from 'react';
import {Box, Text} from 'ink';
import type {PodState, StoreView} from '../model/pod-state.js';
import type {DetailSectionName} from '../view/ui-state.js';
import {DetailSection, detailLineCount} from './detail/index.js';
import {SectionTabs} from './section-tabs.js';
import {scrollPosition} from '../view/scroll-window.js';
import type {TimelineCursor} from '../view/timeline-cursor.js';

export interface DetailScreenProps {
	section: DetailSectionName;
	podKey: string;
	pod: PodState | null;
	view: StoreView;
	now: number;
	width: number;
	height: number;
	scroll: number;
	noColor: boolean;
	why?: string;
	/** Timeline: the transition row marked as selected (replay only). */
	timelineCursor?: TimelineCursor | null;
	/** Containers: index into pod.containers shown in full (Enter), else the list. */
	selectedContainer?: number;
	/** Containers list: the cursor's position in it (containerListOrder). */
	containerCursor?: number;
	/** The section's line count (detailLines), for the position shown beside the tabs. */
	lineCount: number;
	/** Long lines wrapped instead of cut (`w`). */
	wrap?: boolean;
}

const NO_EVENTS: readonly never[] = [];

/** How many lines the section has (its scroll limit is this less the height). */
export function detailLines(props: Omit<DetailScreenProps, 'scroll' | 'podKey' | 'noColor' | 'height' | 'lineCount'>): number {
	if (!props.pod) return 0;
	return detailLineCount({
		section: props.section,
		pod: props.pod,
		events: props.view.eventsByPod.get(props.pod.key) ?? NO_EVENTS,
		nodes: props.view.nodes,
		now: props.now,
		width: props.width,
		why: props.why,
		selectedContainer: props.selectedContainer,
		wrap: props.wrap,
	});
}

export function DetailScreen({section, podKey, pod, view, now, width, height, scroll, noColor, why, timelineCursor, selectedContainer, containerCursor, lineCount, wrap}: DetailScreenProps): React.JSX.Element {
	return (
		<Box flexDirection="column" width={width}>
			<SectionTabs section={section} title={podKey} position={pod ? scrollPosition(scroll, height, lineCount) : null} wrap={wrap ?? false} width={width} />
			<Box flexDirection="column" height={height} overflow="hidden">
				{pod ? (
					<DetailSection
						section={section}
						pod={pod}
						events={view.eventsByPod.get(pod.key) ?? NO_EVENTS}
						nodes={view.nodes}
						now={now}
						width={width}
						height={height}
						scroll={scroll}
						noColor={noColor}
						why={why}
						timelineCursor={timelineCursor}
						selectedContainer={selectedContainer}
						containerCursor={containerCursor}
						wrap={wrap}
					/>
				) : (
					<Text dimColor>{`${podKey} is no longer in the store.`}</Text>
				)}
			</Box>
		</Box>
	);
}
