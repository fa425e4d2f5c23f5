// The detail screen's section tabs; the current one is inverse and bracketed
// (so it reads without colour).

import React from 'react';
import {Text} from 'ink';
import {DETAIL_SECTIONS, type DetailSectionName} from '../view/ui-state.js';

/** `position` ("12–40 of 212") and the wrap mark come before the pod's name, so a narrow terminal cuts the name first. */
export function SectionTabs({section, title, position, wrap}: {section: DetailSectionName; title: string; position: string | null; wrap: boolean}): React.JSX.Element {
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
			<Text dimColor>{`  ${title}`}</Text>
		</Text>
	);
}
