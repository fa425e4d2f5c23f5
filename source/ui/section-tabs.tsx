// The detail screen's section tabs; the current one is inverse and bracketed
// (so it reads without colour).

import React from 'react';
import {Text} from 'ink';
import {DETAIL_SECTIONS, type DetailSectionName} from '../view/ui-state.js';

export function SectionTabs({section, title}: {section: DetailSectionName; title: string}): React.JSX.Element {
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
			<Text dimColor>{`  ${title}`}</Text>
		</Text>
	);
}
