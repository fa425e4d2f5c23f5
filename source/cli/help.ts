// The help pages, as data: every flag is written once here, each command lists
// the flags it takes and its examples, and both `podlife --help` (the overview)
// and `podlife COMMAND --help` / `podlife help COMMAND` are rendered from that,
// so the overview and a command's page cannot disagree.

interface FlagHelp {
	/** As typed, with its value: "-n, --namespace NS". */
	flag: string;
	/** What it does; wrapped to the page's width. */
	text: string;
}

interface FlagGroup {
	title: string;
	flags: readonly FlagHelp[];
}

export type CommandName = 'demo' | 'replay' | 'record' | 'check' | 'serve';

interface Page {
	/** Said before anything else on the command's own page. */
	warning?: string;
	/** After "podlife": "replay FILE [flags]". */
	usage: string;
	/** What it does, for the overview's usage list. */
	summary: string;
	/** A paragraph for the command's own page. */
	about: string;
	groups: readonly FlagGroup[];
	examples: readonly string[];
}

const KUBECONFIG: FlagHelp = {flag: '--kubeconfig PATH', text: 'kubeconfig (default: $KUBECONFIG, ~/.kube/config)'};
const CONTEXT: FlagHelp = {flag: '--context NAME', text: 'kubeconfig context to use'};
const NAMESPACE: FlagHelp = {flag: '-n, --namespace NS', text: "namespace to watch, repeatable: -n a -n b (default: the context's)"};
const ALL_NAMESPACES: FlagHelp = {flag: '-A, --all-namespaces', text: 'watch every namespace'};
const SELECTOR: FlagHelp = {flag: '-l, --selector SEL', text: 'label selector, e.g. -l app=web,tier!=db'};
const FIELD_SELECTOR: FlagHelp = {flag: '--field-selector SEL', text: 'field selector, e.g. spec.nodeName=kind-worker'};
const OUTPUT_REPLAY: FlagHelp = {flag: '-o, --output FORMAT', text: 'table, wide, json, ndjson, timeline, check, lanes or trace instead of the TUI'};
const OUTPUT_ANY: FlagHelp = {flag: '-o, --output FORMAT', text: 'table, wide, json, ndjson, lanes or trace (replay also timeline, check) instead of the TUI'};
const AT: FlagHelp = {
	flag: '--at TIME',
	text: 'where to start (with --output: the moment to print; default end): 1:30 or 90s in, @04:21:10 (UTC), end, -30s before the end',
};
const SINCE: FlagHelp = {flag: '--since TIME', text: '--output lanes: where the window starts (default: the session start; -5m: 5 min before its end)'};
const UNTIL: FlagHelp = {flag: '--until TIME', text: '--output lanes: where the window ends (default: --at, else the end)'};
const WIDTH: FlagHelp = {flag: '--width N', text: '--output lanes: columns to draw in (default: the terminal, else 120)'};
const NO_GROUP: FlagHelp = {flag: '--[no-]group', text: '--output lanes: lanes grouped by workload under a summary each (the default), or one flat list'};
const POD: FlagHelp = {
	flag: '--pod NAMESPACE/NAME',
	text: '--output timeline: the pod whose changes to print (each of its lives, when its name was deleted and made again)',
};
const WATCH_FOR: FlagHelp = {flag: '--watch-for DURATION', text: 'print after watching this long (ndjson: stream)'};
const FOR: FlagHelp = {flag: '--for DURATION', text: 'check: judge after this long (default: once listed)'};
const STATUS_COMPAT: FlagHelp = {
	flag: '--status-compat VERSION',
	text: 'STATUS as server VERSION prints it: 1.29 … 1.36, latest (default: from the session or cluster)',
};
const NO_COLOR: FlagHelp = {flag: '--no-color', text: 'no colour (NO_COLOR is honoured too)'};
const SPEED: FlagHelp = {flag: '--speed N', text: 'playback speed, 0.25 … 64 (default 1)'};
const PAUSED: FlagHelp = {flag: '--paused', text: 'start paused'};
const LOOP: FlagHelp = {flag: '--loop', text: 'start over at the end'};
const LENIENT: FlagHelp = {flag: '--lenient', text: 'skip bad lines (and count them) instead of stopping'};
const DURATION: FlagHelp = {flag: '--duration DURATION', text: 'stop after this long (default: at Ctrl-C)'};
const NO_UI: FlagHelp = {flag: '--no-ui', text: 'no TUI: a progress line on stderr'};
const NO_REDACT: FlagHelp = {flag: '--no-redact', text: 'keep env values, managedFields, last-applied'};
const LOGS: FlagHelp = {
	flag: '--logs WHICH',
	text: 'container logs to record: crashes (default: the last 50 lines of each container that terminates or restarts) or none',
};
const FORCE: FlagHelp = {flag: '--force', text: 'replace FILE if it exists (default: refuse)'};
const PORT: FlagHelp = {flag: '--port P', text: 'port on 127.0.0.1 (default: a free one)'};
const KUBECONFIG_OUT: FlagHelp = {flag: '--kubeconfig-out PATH', text: 'write there a kubeconfig that points at the server'};
const SERVE_SPEED: FlagHelp = {flag: '--speed N', text: 'play N times as fast (default 1: real time)'};
const SERVE_LOOP: FlagHelp = {flag: '--loop', text: 'start over at the end of the session (each round starts now)'};
const ORIGINAL_TIMES: FlagHelp = {flag: '--original-times', text: 'serve the times as recorded (default: moved to now)'};
const ALLOW_NAMESPACE: FlagHelp = {flag: '--allow-namespace NS', text: 'serve as a user allowed pods in NS only (repeatable)'};
const REVOKE_AFTER: FlagHelp = {flag: '--revoke-after DURATION', text: 'take that access back after DURATION'};
const VIEW: FlagHelp = {flag: '--view VIEW', text: "the TUI starts in: table (default) or lanes (every pod's STATUS over time)"};
const LIST: FlagHelp = {flag: '--list', text: 'list the bundled sessions with their titles'};
const HELP: FlagHelp = {flag: '-h, --help', text: "this help (podlife COMMAND -h: that command's)"};

const CLUSTER: FlagGroup = {title: 'Cluster flags (as kubectl)', flags: [KUBECONFIG, CONTEXT, NAMESPACE, ALL_NAMESPACES, SELECTOR, FIELD_SELECTOR]};
const REPLAY_OUTPUT: FlagGroup = {title: 'Flags', flags: [OUTPUT_REPLAY, AT, POD, SINCE, UNTIL, WIDTH, NO_GROUP, LENIENT, STATUS_COMPAT, NO_COLOR]};
const REPLAY_PLAYBACK: FlagGroup = {title: 'Playback flags (the TUI)', flags: [VIEW, SPEED, PAUSED, LOOP]};

/** Bare `podlife`: not a command of its own, but the first line of the overview. Its groups are
 * not printed (the overview prints every flag); they say which flags it takes. */
const LIVE: Page = {
	usage: '[flags]',
	summary: 'watch the pods of the current cluster',
	about: '',
	groups: [CLUSTER, {title: 'Flags', flags: [OUTPUT_ANY, WATCH_FOR, SINCE, UNTIL, WIDTH, NO_GROUP, STATUS_COMPAT, NO_COLOR, VIEW]}],
	examples: [
		'podlife -A',
		'podlife -A --view lanes',
		'podlife -n kube-system -l k8s-app=kube-dns',
		'podlife -A --output wide',
		'podlife -A --output ndjson --watch-for 60s',
	],
};

export const COMMANDS: Readonly<Record<CommandName, Page>> = {
	demo: {
		usage: 'demo [NAME] [flags]',
		summary: 'replay a bundled demo (no cluster needed)',
		about: 'Replays one of the sessions that come with podlife (default: mixed). It takes every flag replay takes.',
		groups: [{title: 'Demo flags', flags: [LIST]}, REPLAY_OUTPUT, REPLAY_PLAYBACK],
		examples: ['podlife demo', 'podlife demo crashloop', 'podlife demo mixed --view lanes', 'podlife demo --list', 'podlife demo mixed --output table --at 1m'],
	},
	replay: {
		usage: 'replay FILE [flags]',
		summary: 'replay a recorded session',
		about:
			"Plays a session file (NDJSON, optionally gzip) in the TUI, where you pause, step and seek. With --output it prints instead the pods at one moment (--at), every pod entry (ndjson), one pod's changes (timeline), the unhealthy pods (check), every pod's life as a lane of its STATUS over time (lanes), or those lives as a Chrome trace-event JSON file for Perfetto UI or chrome://tracing (trace).",
		groups: [REPLAY_OUTPUT, REPLAY_PLAYBACK],
		examples: [
			'podlife replay session.ndjson.gz --speed 8',
			'podlife replay session.ndjson --output table --at 1m30s',
			'podlife replay session.ndjson --output wide',
			'podlife replay session.ndjson --output ndjson > columns.ndjson',
			'podlife replay session.ndjson --output timeline --pod default/web-7d4f9',
			'podlife replay session.ndjson --output check',
			'podlife replay session.ndjson --output lanes --since 1:00 --until 2:30',
			'podlife replay session.ndjson --output trace > session-trace.json',
		],
	},
	record: {
		warning:
			'Logs can hold secrets that no redaction finds: record saves the last 50 lines of every container that terminates or restarts. --logs none records no logs.',
		usage: 'record FILE [flags]',
		summary: 'record the cluster into a session file',
		about:
			'Watches the cluster as bare podlife does and writes every change to FILE as it comes, a line each: a recording that is killed is readable up to its last line. A FILE ending in .gz is written gzip-compressed. An existing FILE is left alone unless --force.',
		groups: [CLUSTER, {title: 'Record flags', flags: [DURATION, NO_UI, LOGS, NO_REDACT, FORCE, VIEW, STATUS_COMPAT, NO_COLOR]}],
		examples: [
			'podlife record boot.ndjson --duration 2m --no-ui',
			'podlife record boot.ndjson.gz -A',
			'podlife record boot.ndjson --logs none',
			'podlife record boot.ndjson --force',
		],
	},
	check: {
		usage: 'check [flags]',
		summary: 'print unhealthy pods; exit 3 if any fails',
		about:
			'Lists the pods (and, with --for, watches them that long), prints the unhealthy ones with why, and exits 3 if any is failing: for CI after kubectl apply.',
		groups: [CLUSTER, {title: 'Check flags', flags: [FOR, STATUS_COMPAT]}],
		examples: ['podlife check -n default --for 30s'],
	},
	serve: {
		usage: 'serve FILE [flags]',
		summary: 'serve a session as an API server on loopback',
		about:
			'Plays FILE as a read-only Kubernetes API server on 127.0.0.1 until Ctrl-C, and writes a kubeconfig that points at it, for kubectl, podlife or any client. The session plays as if it were happening now: its times are moved so that it starts when the server does, so every client shows the ages and countdowns the replay shows.',
		groups: [{title: 'Serve flags', flags: [PORT, KUBECONFIG_OUT, SERVE_SPEED, SERVE_LOOP, ORIGINAL_TIMES, ALLOW_NAMESPACE, REVOKE_AFTER]}],
		examples: [
			'podlife serve boot.ndjson --port 6443',
			'podlife serve boot.ndjson --kubeconfig-out serve.kubeconfig',
			'podlife serve boot.ndjson --allow-namespace default --revoke-after 2m',
		],
	},
};

const OVERVIEW_GROUPS: readonly FlagGroup[] = [
	CLUSTER,
	{title: 'Output flags', flags: [OUTPUT_ANY, AT, POD, SINCE, UNTIL, WIDTH, NO_GROUP, WATCH_FOR, FOR, STATUS_COMPAT, NO_COLOR]},
	{title: 'TUI flags', flags: [VIEW]},
	{title: 'Replay flags', flags: [SPEED, PAUSED, LOOP, LENIENT]},
	{title: 'Record flags', flags: [DURATION, NO_UI, LOGS, NO_REDACT, FORCE]},
	{title: 'Serve flags', flags: [PORT, KUBECONFIG_OUT, ORIGINAL_TIMES, ALLOW_NAMESPACE, REVOKE_AFTER]},
	{title: 'Demo flags', flags: [LIST]},
	{title: 'Help', flags: [HELP]},
];

const EXIT_CODES = 'Exit codes: 0 ok, 1 failure, 2 usage error, 3 check found failing pods.';
/** The pages fit an 80-column terminal: longer explanations wrap under themselves. */
export const HELP_WIDTH = 80;
/** Where a flag's explanation starts: after the longest flag, "--status-compat VERSION". */
const FLAG_COLUMN = 27;

/** `head` (padded to `column`), then `text` in words, wrapped under itself to fit HELP_WIDTH. */
function hanging(head: string, column: number, text: string): string[] {
	const lines: string[] = [];
	let line = head.padEnd(column);
	let empty = true;
	for (const word of text.split(' ')) {
		if (!empty && line.length + 1 + word.length > HELP_WIDTH - 1) {
			lines.push(line);
			line = ''.padEnd(column);
			empty = true;
		}
		line += (empty ? '' : ' ') + word;
		empty = false;
	}
	lines.push(line);
	return lines;
}

function groupLines(group: FlagGroup): string[] {
	const lines = [group.title];
	for (const {flag, text} of group.flags) lines.push(...hanging(`  ${flag}`, FLAG_COLUMN, text));
	return lines;
}

/** `podlife --help`: every command and flag, with examples. */
export function overviewHelp(): string {
	const pages = [LIVE, ...Object.values(COMMANDS)];
	const column = Math.max(...pages.map(page => `  $ podlife ${page.usage}`.length)) + 3;
	const examples = pages.flatMap(page => page.examples);
	return [
		'Usage',
		...pages.flatMap(page => hanging(`  $ podlife ${page.usage}`, column, page.summary)),
		'',
		...OVERVIEW_GROUPS.flatMap(group => [...groupLines(group), '']),
		'Examples',
		...examples.map(example => `  $ ${example}`),
		'',
		...hanging('', 0, 'podlife COMMAND -h (or podlife help COMMAND): one command and its flags.'),
		...hanging('', 0, EXIT_CODES),
		'',
	].join('\n');
}

/** `podlife COMMAND --help`: that command's usage, flags and examples. */
export function commandHelp(name: CommandName): string {
	const page = COMMANDS[name];
	return [
		...(page.warning ? [...hanging('', 0, page.warning), ''] : []),
		'Usage',
		`  $ podlife ${page.usage}`,
		'',
		...hanging('', 2, page.about),
		'',
		...page.groups.flatMap(group => [...groupLines(group), '']),
		...groupLines({title: 'Help', flags: [HELP]}),
		'',
		'Examples',
		...page.examples.map(example => `  $ ${example}`),
		'',
		...hanging('', 0, EXIT_CODES),
		'',
	].join('\n');
}

export function isCommand(word: string | undefined): word is CommandName {
	return word !== undefined && Object.hasOwn(COMMANDS, word);
}

/** The flag names (FLAG_SPEC's keys) a help line stands for: "-n, --namespace NS" → namespace,
 * "--no-color" → color, "--[no-]group" → group. */
function flagNames(help: string): string[] {
	return [...help.matchAll(/--(?:\[no-\]|no-)?([a-z][a-z-]*)/g)].map(m => m[1]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
}

/** Taken by every command: --help, and --no-color, which scripts pass out of habit and which asks for nothing harmful. */
const EVERYWHERE = ['help', 'color'];

/** The flags `podlife COMMAND` takes (bare podlife when undefined): those its help page lists, --help and --no-color. */
export function acceptedFlags(command: CommandName | undefined): ReadonlySet<string> {
	const page = command === undefined ? LIVE : COMMANDS[command];
	return new Set([...page.groups.flatMap(group => group.flags.flatMap(flag => flagNames(flag.flag))), ...EVERYWHERE]);
}

/** The commands whose pages list `flag`, as "podlife record" or "bare podlife". */
export function commandsTaking(flag: string): string[] {
	const names: Array<CommandName | undefined> = [undefined, ...(Object.keys(COMMANDS) as CommandName[])];
	return names.filter(name => acceptedFlags(name).has(flag)).map(name => (name === undefined ? 'bare podlife' : `podlife ${name}`));
}
