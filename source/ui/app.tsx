// The app shell lays the screen out: header (+ the read problem and the scrubber when replaying),
// the body (the pod table or its Lanes view, a pod's detail, a log or the help overlay), the status/prompt line and the
// footer. What they show is derived once a frame (useFrame → view/frame.ts); keys go through
// useKeys to the key table's actions (keys.ts, key-actions.ts); the UI state lives in useUiState.

import React from 'react';
import {Box, Text} from 'ink';
import type {Clock, SourceInfo} from '../sources/source-info.js';
import type {ReplayPlayer} from '../sources/replay/player.js';
import type {UiState} from '../view/ui-state.js';
import type {FrameStore} from '../view/frame.js';
import {timelineNow} from '../view/detail-frame.js';
import type {FrameSource} from './frame-source.js';
import {useFrame} from './use-frame.js';
import {useKeys} from './use-keys.js';
import {useUiState} from './use-ui-state.js';
import {useLogFeed} from './use-log-feed.js';
import type {LogProvider} from '../sources/log-feed.js';
import {Header} from './header.js';
import {ScrubberLine} from './scrubber-line.js';
import {PodTable} from './pod-table.js';
import {StatusLine} from './status-line.js';
import {PromptLine} from './prompt-line.js';
import {Footer} from './footer.js';
import {HelpOverlay} from './help-overlay.js';
import {DetailScreen} from './detail-screen.js';
import {LogScreen} from './log-screen.js';
import {LanesScreen} from './lanes-screen.js';
import {useTheme} from './theme.js';

export interface AppProps {
	store: FrameStore;
	clock: Clock;
	info: SourceInfo;
	player?: ReplayPlayer;
	frames: FrameSource;
	initial?: Partial<UiState>;
	/** Container logs (live: the API server's pods/log; replay: the captured LOG entries). */
	logs?: LogProvider;
}

export function App({store, clock, info, player, frames, initial, logs}: AppProps): React.JSX.Element {
	const theme = useTheme();
	const ui = useUiState(initial);
	const log = useLogFeed(logs, ui.current().log?.target ?? null, frames);
	const frame = useFrame({frames, store, clock, info, player, ui, log});
	useKeys({ui, limits: frame.keys, player, timelineNow: state => timelineNow(store.view(), state, clock.now(), frame.width, info)});

	if (frame.tooSmall !== null) return <Text>{frame.tooSmall}</Text>;
	const {header, problem, scrubber, body, bottom, footer} = frame;
	return (
		<Box flexDirection="column" width={frame.width} height={frame.height}>
			<Header width={frame.width} {...header} />
			{problem ? (
				<Text color={theme.color(problem.tone === 'error' ? 'red' : 'yellow')} wrap="truncate-end">
					{problem.text}
				</Text>
			) : null}
			{scrubber ? <ScrubberLine {...scrubber} /> : null}
			<Box flexDirection="column" height={frame.bodyHeight}>
				{body.kind === 'help' ? (
					<HelpOverlay body={body} />
				) : body.kind === 'detail' ? (
					<DetailScreen body={body} width={frame.width} />
				) : body.kind === 'log' ? (
					<LogScreen body={body} width={frame.width} />
				) : body.kind === 'lanes' ? (
					<LanesScreen body={body} />
				) : (
					<PodTable body={body} />
				)}
			</Box>
			{bottom === null ? null : bottom.kind === 'prompt' ? (
				<PromptLine prompt={bottom.prompt} aside={bottom.aside} />
			) : bottom.kind === 'notice' ? (
				<Text color={theme.color('yellow')} wrap="truncate-end">
					{bottom.text}
				</Text>
			) : (
				<StatusLine text={bottom.text} why={bottom.why} color={bottom.color} />
			)}
			<Footer {...footer} width={frame.width} />
		</Box>
	);
}
