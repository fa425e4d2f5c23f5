// The content of the pod detail screen's sections. The host (the detail screen) owns the tabs, the
// keys and the scroll offset; a section is a pure function of its props, so it moves live with
// `now` (countdowns, ages, the Timeline's right edge).

import React, {useMemo} from 'react';
import type {KubeEvent, Node} from '../../kube/types.js';
import type {PodState} from '../../model/types.js';
import {clampScroll, detailLineCount, sectionLines, SECTIONS, type Section, type SectionInput} from '../../view/detail/sections.js';
import {useTheme} from '../theme.js';
import type {TimelineCursor} from '../../view/timeline-cursor.js';
import {LinesView} from './lines-view.js';

export {SECTIONS, detailLineCount, clampScroll, sectionLines};
export type {Section, SectionInput};

export interface DetailSectionProps {
	section: Section;
	pod: PodState;
	events: readonly KubeEvent[];
	nodes: ReadonlyMap<string, Node>;
	/** Epoch ms: the replay clock or the wall clock. */
	now: number;
	width: number;
	height: number;
	/** First line shown; clamped so the last page stays full. */
	scroll: number;
	/** Containers section: index into pod.containers to show in full. */
	selectedContainer?: number;
	/** Containers list: the cursor's position in the list (containerListOrder), marked on its header. */
	containerCursor?: number;
	/** Colour off; defaults to the ThemeContext's choice. */
	noColor?: boolean;
	/** Overview: one line of diagnosis, shown at the top. */
	why?: string;
	/** Timeline: the transition row marked as selected (replay only). */
	timelineCursor?: TimelineCursor | null;
}

export function DetailSection(props: DetailSectionProps): React.JSX.Element {
	const {section, pod, events, nodes, now, width, height, scroll, selectedContainer, containerCursor, why, timelineCursor} = props;
	const theme = useTheme();
	const noColor = props.noColor ?? theme.noColor;
	const lines = useMemo(
		() => sectionLines({section, pod, events, nodes, now, width, selectedContainer, containerCursor, why, timelineCursor}),
		[section, pod, events, nodes, now, width, selectedContainer, containerCursor, why, timelineCursor],
	);
	return <LinesView lines={lines} scroll={clampScroll(scroll, lines.length, height)} height={height} noColor={noColor} />;
}
