// The detail screen: section tabs over the section's lines, as view/detail-frame.ts
// derived them (the sections themselves are built in view/detail/). It only draws.

import React from 'react';
import {Box, Text} from 'ink';
import type {DetailBody} from '../view/detail-frame.js';
import {LinesView} from './detail/lines-view.js';
import {SectionTabs} from './section-tabs.js';
import {useTheme} from './theme.js';

export function DetailScreen({body, width}: {body: DetailBody; width: number}): React.JSX.Element {
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={width}>
			<SectionTabs section={body.section} title={body.title} position={body.position} wrap={body.wrap} width={width} />
			<Box flexDirection="column" height={body.height} overflow="hidden">
				{body.lines ? <LinesView lines={body.lines} scroll={body.scroll} height={body.height} noColor={theme.noColor} /> : <Text dimColor>{body.gone}</Text>}
			</Box>
		</Box>
	);
}
