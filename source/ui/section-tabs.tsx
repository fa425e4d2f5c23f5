// The detail screen's section tabs; the current one is inverse and bracketed
// (so it reads without colour).

import React from 'react';
import {Text} from 'ink';
import stringWidth from 'string-width';
import {DETAIL_SECTIONS, type DetailSectionName} from '../view/ui-state.js';

/** Each tab is as wide selected ("[Events]") as not (" Events "), so the tabs never move. */
const TABS_WIDTH = DETAIL_SECTIONS.reduce((sum, name) => sum + name.length + 2, 0);

/**
 * `position` ("12–40 of 212") and the wrap mark come before the pod's name, so a narrow terminal
 * cuts the name first, and leaves it out rather than show a stub of it (the status line names the pod).
 */
export function SectionTabs({
	section,
	title,
	position,
	wrap,
	width,
}: {
	section: DetailSectionName;
	title: string;
	position: string | null;
	wrap: boolean;
	width: number;
}): React.JSX.Element {
	const marks = (position ? `  ${position}` : '') + (wrap ? ' wrap' : '');
	const room = width - TABS_WIDTH - stringWidth(marks) - 2;
	return (
		<Text wrap="truncate-end">
			{DETAIL_SECTIONS.map(name =>
				name === section ? (
					<Text key={name} inverse bold>
						{`[${name}]`}
					</Text>
				) : (
					<Text key={name}>{` ${name} `}</Text>
				),
			)}
			{position ? <Text>{`  ${position}`}</Text> : null}
			{wrap ? <Text bold>{' wrap'}</Text> : null}
			{room >= Math.min(12, stringWidth(title)) ? <Text dimColor>{`  ${title}`}</Text> : null}
		</Text>
	);
}
