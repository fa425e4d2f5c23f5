// Flags → source + output. Heavy modules (ink, react, client-node) are imported
// only by the commands that need them, so `podlife replay -o table` never pays
// for React and `podlife demo` never pays for client-node.

import {EXIT_OK, EXIT_UNHEALTHY, UsageError} from '../errors.js';
import {SessionError} from '../session/session-error.js';
import {givenFlags, parseArgs, type Flags, type GivenFlag} from './flags.js';
import {acceptedFlags, commandHelp, commandsTaking, isCommand, overviewHelp, COMMANDS, type CommandName} from './help.js';
import {joinNegativeAt, parseAt, parseDuration, parseTimeFlag} from './duration-flag.js';
import {refuseFlagsTheReplayIgnores} from './replay-output-flags.js';
import {textInstead} from './text-instead.js';
import {compatForServerVersion, parseStatusCompat, type StatusCompat} from '../model/compat.js';

// `wide` is kubectl's habit: the table with every column of `kubectl get pods -o wide`.
const REPLAY_OUTPUTS = ['table', 'wide', 'json', 'ndjson', 'timeline', 'check', 'lanes', 'trace'] as const;
const LIVE_OUTPUTS = ['table', 'wide', 'json', 'ndjson', 'lanes', 'trace'] as const;
const COMMAND_LIST = Object.keys(COMMANDS).join(', ');
const START_VIEWS = ['table', 'lanes'] as const;
export type StartView = (typeof START_VIEWS)[number];
// The header's `logs` values (SESSION-FORMAT.md "Container logs"); record/recorder.ts takes them.
const LOGS_MODES = ['crashes', 'none'] as const;

export interface Io {
	write: (text: string) => void;
	warn: (text: string) => void;
	isTty: boolean;
	/** The terminal's width, when stdout is one. */
	columns?: number;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
	if ((allowed as readonly string[]).includes(value)) return value as T;
	throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function compatFlag(flags: Flags): StatusCompat | undefined {
	return flags.statusCompat === undefined ? undefined : parseStatusCompat(flags.statusCompat);
}

function noColor(flags: Flags): boolean {
	return flags.color === false || (process.env['NO_COLOR'] ?? '') !== '';
}

/** `--output lanes`: as wide as --width, else the terminal, else 120 columns (a file). */
function lanesLook(flags: Flags, io: Io): {width: number; color: boolean; group: boolean} {
	const width = flags.width ?? (io.isTty && io.columns ? io.columns : 120);
	if (!Number.isInteger(width) || width < 40 || width > 1000)
		throw new UsageError(`--width must be a whole number of columns from 40 to 1000 (got ${flags.width})`);
	return {width, color: io.isTty && !noColor(flags), group: flags.group !== false};
}

/** `--view`: the view the TUI starts in (the Lanes view, or the table); a usage error with --output or --no-ui. */
function startView(flags: Flags, output: string | undefined, tui = true): StartView | undefined {
	if (flags.view === undefined) return undefined;
	if (output !== undefined) throw new UsageError(`--view is for the TUI (got --output ${output}); --output lanes prints the lanes as text`);
	if (!tui) throw new UsageError('--view is for the TUI (got --no-ui)');
	return oneOf(flags.view, START_VIEWS, '--view');
}

/** --since, --until, --width and --[no-]group draw `--output lanes`; elsewhere they would do nothing, which is a usage error. */
function lanesOnly(flags: Flags, output: string | undefined): void {
	if (output === 'lanes') return;
	const given = (['since', 'until', 'width', 'group'] as const).filter(name => flags[name] !== undefined);
	if (given.length > 0)
		throw new UsageError(
			`--${given[0] === 'group' && flags.group === false ? 'no-group' : given[0]} is for --output lanes (got ${output === undefined ? 'the TUI' : `--output ${output}`})`,
		);
}

/** A flag another command takes would be ignored here without a word: `replay --logs none` records
 * nothing, `check --speed 4` plays nothing. Which command takes what is read off the help pages. */
function refuseOtherCommandsFlags(command: CommandName | undefined, given: readonly GivenFlag[]): void {
	const accepted = acceptedFlags(command);
	const foreign = given.find(flag => !accepted.has(flag.name));
	if (foreign === undefined) return;
	const here = command === undefined ? 'bare podlife (live)' : `podlife ${command}`;
	const takers = commandsTaking(foreign.name);
	const elsewhere = takers.length > 0 ? `: it is for ${takers.join(', ')}` : '';
	throw new UsageError(`${foreign.typed} is not a flag of ${here}${elsewhere} (see podlife ${command ? command + ' ' : ''}--help)`);
}

/** `args`: the command line after `podlife`, for one the user can run as it is, with text instead of the TUI. */
function requireTty(io: Io, args: readonly string[], instead = '--output table (or json, ndjson)'): void {
	if (!io.isTty) throw new UsageError(`stdout is not a terminal, so the TUI cannot start; for text use e.g. ${textInstead(args, instead)}`);
}

function one(input: string[], what: string, usage: string): string {
	if (input.length === 0) throw new UsageError(`missing ${what}; usage: ${usage}`);
	if (input.length > 1) throw new UsageError(`unexpected argument "${input[1]}"; usage: ${usage}`);
	return input[0]!;
}

/** `podlife help [COMMAND]`, or --help / -h anywhere: print that help and do nothing else. */
function help(topic: string | undefined, io: Io): number {
	if (topic === undefined || topic === 'help') io.write(overviewHelp());
	else if (isCommand(topic)) io.write(commandHelp(topic));
	else throw new UsageError(`no help for "${topic}": it is not a command; commands: ${COMMAND_LIST} (see podlife --help)`);
	return EXIT_OK;
}

export async function main(argv: string[], io: Io): Promise<number> {
	const args = joinNegativeAt(argv);
	const cli = parseArgs(args);
	const [command, ...rest] = cli.input;
	const flags = cli.flags;
	if (command === 'help') {
		if (rest.length > 1) throw new UsageError(`unexpected argument "${rest[1]}"; usage: podlife help [COMMAND]`);
		return help(rest[0], io);
	}
	if (flags.help) {
		if (command !== undefined && !isCommand(command)) throw new UsageError(`unknown command "${command}"; commands: ${COMMAND_LIST} (see podlife --help)`);
		return help(command, io);
	}
	if (command === undefined || isCommand(command)) refuseOtherCommandsFlags(command, givenFlags(args));
	switch (command) {
		case 'replay': {
			const file = one(rest, 'session file', 'podlife replay FILE');
			return replay(file, flags, io, args);
		}
		case 'demo':
			return demo(rest, flags, io, args);
		case 'record':
			return record(one(rest, 'session file to write', 'podlife record FILE'), flags, io, args);
		case 'serve':
			return serve(one(rest, 'session file', 'podlife serve FILE [--port P]'), flags, io);
		case 'check':
			if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; usage: podlife check [cluster flags] [--for DURATION]`);
			return check(flags, io);
		case undefined:
			return live(flags, io, args);
		default:
			throw new UsageError(`unknown command "${command}"; commands: ${COMMAND_LIST} (see podlife --help)`);
	}
}

async function demo(rest: string[], flags: Flags, io: Io, args: readonly string[]): Promise<number> {
	const catalog = await import('../demo/catalog.js');
	if (flags.list) {
		const demos = await catalog.listDemos();
		const width = Math.max(...demos.map(d => d.name.length));
		for (const d of demos) io.write(`${d.name.padEnd(width)}   ${d.title}${d.name === catalog.DEFAULT_DEMO ? '   (default)' : ''}\n`);
		return EXIT_OK;
	}
	if (rest.length > 1) throw new UsageError(`unexpected argument "${rest[1]}"; usage: podlife demo [NAME]`);
	return replay(catalog.resolveDemo(rest[0]), flags, io, args);
}

/** `args`: the command line after `podlife` (for the line that says what to run without a terminal). */
async function replay(file: string, flags: Flags, io: Io, args: readonly string[]): Promise<number> {
	try {
		return await replaySession(file, flags, io, args);
	} catch (error) {
		// A bad line after the header stops the replay there: say how to read past it.
		if (error instanceof SessionError && error.line !== undefined && error.line > 1 && !flags.lenient)
			throw new SessionError(error.file, error.line, `${error.problem}; --lenient skips bad lines`);
		throw error;
	}
}

async function replaySession(file: string, flags: Flags, io: Io, args: readonly string[]): Promise<number> {
	const at = flags.at === undefined ? undefined : parseAt(flags.at);
	const compat = compatFlag(flags);
	lanesOnly(flags, flags.output);
	const view = startView(flags, flags.output);
	const output = flags.output === undefined ? undefined : oneOf(flags.output, REPLAY_OUTPUTS, '--output');
	refuseFlagsTheReplayIgnores(flags, output);
	if (output !== undefined) {
		if (output === 'lanes') {
			const {runReplayLanes} = await import('../output/lanes.js');
			const since = flags.since === undefined ? undefined : parseTimeFlag(flags.since, '--since');
			const until = flags.until === undefined ? undefined : parseTimeFlag(flags.until, '--until');
			await runReplayLanes({file, at, since, until, ...lanesLook(flags, io), compat, lenient: flags.lenient, write: io.write, warn: io.warn});
			return EXIT_OK;
		}
		if (output === 'timeline') {
			if (!flags.pod) throw new UsageError('--output timeline needs --pod NAMESPACE/NAME');
			const {runTimeline} = await import('../output/timeline.js');
			io.write(await runTimeline(file, flags.pod, {compat, lenient: flags.lenient, warn: io.warn}));
			return EXIT_OK;
		}
		if (output === 'check') {
			const {runReplayCheck} = await import('../output/check.js');
			return runReplayCheck({file, at: at ?? 'end', compat, lenient: flags.lenient, write: io.write, warn: io.warn});
		}
		const {runHeadlessReplay} = await import('../output/headless.js');
		await runHeadlessReplay({file, output, at: at ?? 'end', compat, lenient: flags.lenient, write: io.write, warn: io.warn});
		return EXIT_OK;
	}
	requireTty(io, args);
	const speed = flags.speed;
	if (speed !== undefined && !(speed >= 0.25 && speed <= 64)) throw new UsageError(`--speed must be between 0.25 and 64 (got ${speed})`);
	// The TUI's modules load while the first entries do (prepareReplay waits for them).
	const app = import('../ui/run-app.js');
	// Awaited below unless the session fails first: then its outcome does not matter.
	app.catch(() => undefined);
	const [{ReplayPlayer}, {prepareReplay}, {capturedLogs}] = await Promise.all([
		import('../sources/replay/player.js'),
		import('./replay-start.js'),
		import('../sources/replay/captured-log-feed.js'),
	]);
	const atEnd = at?.target.kind === 'end' ? ('end' as const) : undefined;
	const player = await ReplayPlayer.open(file, {compat, speed, paused: flags.paused, loop: flags.loop, atMs: atEnd, lenient: flags.lenient});
	try {
		await prepareReplay(player, at);
	} catch (error) {
		player.dispose();
		throw error;
	}
	const {runApp} = await app;
	const info = {
		kind: 'replay' as const,
		title: player.header.title ?? file,
		file,
		context: player.header.context ?? null,
		server: player.header.server ?? null,
		serverVersion: player.header.serverVersion ?? null,
		namespace: player.header.namespace ?? null,
		labelSelector: player.header.labelSelector ?? null,
		header: player.header,
		limits: player.info.limits,
	};
	await runApp({store: player.store, clock: player, info, player, noColor: noColor(flags), logs: capturedLogs(player), view});
	// The screen showed them; once it is gone they are said as headless mode says them.
	for (const warning of player.warnings) io.warn(warning);
	if (player.loadError) throw player.loadError;
	return EXIT_OK;
}

/** `-n a -n b`: each namespace once, in the order given. */
function namespacesFlag(flags: Flags): string[] {
	const names = [...new Set(flags.namespace ?? [])];
	const empty = names.find(name => name.trim() === '');
	if (empty !== undefined) throw new UsageError('-n/--namespace needs a namespace name (got an empty one)');
	return names;
}

function clusterOptions(flags: Flags) {
	const namespaces = namespacesFlag(flags);
	if (flags.allNamespaces && namespaces.length > 0) {
		throw new UsageError('-n/--namespace and -A/--all-namespaces cannot be used together');
	}
	return {
		kubeconfig: flags.kubeconfig,
		context: flags.context,
		namespace: flags.allNamespaces ? null : namespaces[0],
		namespaces: namespaces.length > 1 ? namespaces : undefined,
		allNamespaces: flags.allNamespaces,
		labelSelector: flags.selector,
		fieldSelector: flags.fieldSelector,
	};
}

async function live(flags: Flags, io: Io, args: readonly string[]): Promise<number> {
	const cluster = clusterOptions(flags);
	const compat = compatFlag(flags);
	lanesOnly(flags, flags.output);
	const view = startView(flags, flags.output);
	if (flags.output !== undefined) {
		const output = oneOf(flags.output, LIVE_OUTPUTS, '--output');
		if (output === 'lanes' && (flags.since !== undefined || flags.until !== undefined)) {
			throw new UsageError(
				'--since and --until are times in a recorded session; live, --output lanes draws from the start of the watch to now (--watch-for to watch longer)',
			);
		}
		const watchForMs = flags.watchFor === undefined ? undefined : parseDuration(flags.watchFor, '--watch-for');
		const {runLiveHeadless} = await import('../output/headless.js');
		const lanes = output === 'lanes' ? lanesLook(flags, io) : undefined;
		await runLiveHeadless({...cluster, output, watchForMs, compat, lanes, write: io.write, warn: io.warn});
		return EXIT_OK;
	}
	requireTty(io, args);
	const {runLiveApp} = await import('./live-app.js');
	await runLiveApp({cluster, compat, noColor: noColor(flags), view});
	return EXIT_OK;
}

async function record(file: string, flags: Flags, io: Io, args: readonly string[]): Promise<number> {
	const cluster = clusterOptions(flags);
	const durationMs = flags.duration === undefined ? undefined : parseDuration(flags.duration, '--duration');
	const view = startView(flags, undefined, flags.ui);
	const logs = flags.logs === undefined ? 'crashes' : oneOf(flags.logs, LOGS_MODES, '--logs');
	if (flags.ui) requireTty(io, args, '--no-ui');
	const {runRecord} = await import('./record-command.js');
	await runRecord({
		file,
		cluster,
		durationMs,
		redact: flags.redact,
		overwrite: flags.force,
		logs,
		ui: flags.ui,
		compat: compatFlag(flags),
		noColor: noColor(flags),
		view,
		warn: io.warn,
	});
	return EXIT_OK;
}

async function serve(file: string, flags: Flags, io: Io): Promise<number> {
	const port = flags.port;
	if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
		throw new UsageError('--port must be a port number from 1 to 65535 (without it, a free one)');
	}
	const allowNamespaces = [...new Set(flags.allowNamespace ?? [])];
	if (flags.revokeAfter !== undefined && allowNamespaces.length === 0)
		throw new UsageError('--revoke-after needs --allow-namespace NS (the access it takes back)');
	const revokeAfterMs = flags.revokeAfter === undefined ? undefined : parseDuration(flags.revokeAfter, '--revoke-after');
	const {runServe} = await import('../serve/index.js');
	await runServe({
		file,
		port: flags.port,
		speed: flags.speed,
		loop: flags.loop,
		originalTimes: flags.originalTimes,
		kubeconfigOut: flags.kubeconfigOut,
		allowNamespaces: allowNamespaces.length > 0 ? allowNamespaces : undefined,
		revokeAfterMs,
		onListening: line => io.warn(line),
	});
	return EXIT_OK;
}

async function check(flags: Flags, io: Io): Promise<number> {
	const cluster = clusterOptions(flags);
	const forMs = flags.for === undefined ? undefined : parseDuration(flags.for, '--for');
	const {runLiveCheck} = await import('../output/check.js');
	const code = await runLiveCheck({...cluster, forMs, compat: compatFlag(flags), write: io.write});
	return code === EXIT_UNHEALTHY ? EXIT_UNHEALTHY : EXIT_OK;
}

export {compatForServerVersion};
