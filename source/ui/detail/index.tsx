// The content of the pod detail screen's sections. The host (the detail screen) owns the tabs, the
// keys and the scroll offset; a section is a pure function of its props, so it moves live with
// `now` (countdowns, ages, the Timeline's right edge).

import React, {useMemo} from 'react';
import {clampScroll, detailLineCount, sectionLines, SECTIONS, type Section, type SectionInput} from '../../view/detail/sections.js';
import {useTheme} from '../theme.js';
import {LinesView} from './lines-view.js';

export {SECTIONS, detailLineCount, clampScroll, sectionLines};
export type {Section, SectionInput};

/** A section's content (SectionInput) plus what the host decides: the window and the colour. */
export interface DetailSectionProps extends SectionInput {
	height: number;
	/** First line shown; clamped so the last page stays full. */
	scroll: number;
	/** Colour off; defaults to the ThemeContext's choice. */
	noColor?: boolean;
}

export function DetailSection(props: DetailSectionProps): React.JSX.Element {
	const {section, pod, events, nodes, now, width, height, scroll, selectedContainer, containerCursor, why, timelineCursor, wrap} = props;
	const theme = useTheme();
	const noColor = props.noColor ?? theme.noColor;
	const lines = useMemo(
		() => sectionLines({section, pod, events, nodes, now, width, selectedContainer, containerCursor, why, timelineCursor, wrap}),
		[section, pod, events, nodes, now, width, selectedContainer, containerCursor, why, timelineCursor, wrap],
	);
	return <LinesView lines={lines} scroll={clampScroll(scroll, lines.length, height)} height={height} noColor={noColor} />;
}
