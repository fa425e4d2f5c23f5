// What the two trace viewers `--output trace` promises would make of a file, by the rules their
// importers apply (read in their sources: Perfetto's src/trace_processor/importers/json/
// json_trace_tokenizer.cc, json_trace_parser_impl.cc and importers/common/slice_tracker.cc;
// catapult's tracing/extras/importer/trace_event_importer.html, which is chrome://tracing's). Each
// rule that the file breaks comes back as one problem, and the slices come back as Perfetto would
// store them: with the depth it gives them on their thread, or dropped.

export interface ImportedSlice {
	name: string;
	ph: string;
	ts: number;
	dur: number;
	/** 0 for a slice at the top of its thread, 1 for one inside another, … */
	depth: number;
}

export interface ImportedThread {
	pid: number;
	tid: number;
	name?: string;
	slices: ImportedSlice[];
}

export interface ImportedTrace {
	processes: Map<number, string>;
	/** By "pid/tid". */
	threads: Map<string, ImportedThread>;
	problems: string[];
}

interface RawEvent {
	[key: string]: unknown;
	name?: unknown;
	ph?: unknown;
	pid?: unknown;
	tid?: unknown;
	ts?: unknown;
	dur?: unknown;
	s?: unknown;
	args?: unknown;
}

// The top-level keys both read; an older Perfetto stops reading at any other key.
const TOP_LEVEL = new Set(['traceEvents', 'otherData', 'metadata', 'displayTimeUnit', 'systemTraceEvents']);
// The metadata catapult knows; any other is an import warning there.
const METADATA = new Set(['process_name', 'process_labels', 'process_sort_index', 'thread_name', 'thread_sort_index', 'num_cpus']);
// Perfetto reads pid and tid as unsigned 32-bit integers; 0 is the kernel's idle task to it.
const MAX_ID = 2 ** 31 - 1;
const CONTROL = /[\u0000-\u001f\u007f]/;

const isId = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_ID;
// A µs count that survives the JSON number (exact below 2^53) and Perfetto's ns int64 (×1000).
const isMicros = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) * 1000 < 2 ** 63;

function checkEvent(event: RawEvent, at: string, problems: string[]): void {
	if (typeof event.name !== 'string' || event.name === '') problems.push(`${at}: no name`);
	else if (CONTROL.test(event.name)) problems.push(`${at}: a control character in the name, which Perfetto's tokenizer rejects`);
	if (!['X', 'i', 'M'].includes(event.ph as string)) problems.push(`${at}: phase ${String(event.ph)} is not one podlife writes`);
	if (!isId(event.pid)) problems.push(`${at}: pid ${String(event.pid)} is not an integer from 1 to 2^31-1`);
	if (!isId(event.tid)) problems.push(`${at}: tid ${String(event.tid)} is not an integer from 1 to 2^31-1`);
	if (!isMicros(event.ts)) problems.push(`${at}: ts ${String(event.ts)} is not a whole number of microseconds`);
	for (const [key, value] of Object.entries(event))
		if (Array.isArray(value)) problems.push(`${at}: ${key} is an array, which Perfetto's tokenizer refuses at an event's top level`);
	if (event.ph === 'X' && !isMicros(event.dur)) problems.push(`${at}: dur ${String(event.dur)} is not a whole number of microseconds`);
	if (event.ph === 'i' && event.s !== 't') problems.push(`${at}: an instant without thread scope ("s":"t")`);
	if (event.args !== undefined && (typeof event.args !== 'object' || event.args === null)) problems.push(`${at}: args is not an object`);
	if (event.ph !== 'M') return;
	if (!METADATA.has(event.name as string)) problems.push(`${at}: metadata ${String(event.name)} is unknown to chrome://tracing`);
	const args = (event.args ?? {}) as Record<string, unknown>;
	if (String(event.name).endsWith('_name') && (typeof args['name'] !== 'string' || args['name'] === '')) problems.push(`${at}: a name event without args.name`);
	if (String(event.name).endsWith('_sort_index') && !Number.isInteger(args['sort_index'])) problems.push(`${at}: a sort index that is not an integer`);
}

/**
 * Perfetto's slice tracker on one thread: events in timestamp order (a longer one first at the
 * same timestamp), intervals closed on the left and open on the right, a slice that ends inside
 * another's span but past its end dropped.
 */
function stack(thread: ImportedThread, events: RawEvent[], problems: string[]): void {
	const open: ImportedSlice[] = [];
	const ordered = events
		.map((event, index) => ({event, index, ts: event.ts as number, dur: event.ph === 'X' ? (event.dur as number) : 0}))
		.sort((a, b) => a.ts - b.ts || b.dur - a.dur || a.index - b.index);
	for (const {event, ts, dur} of ordered) {
		let dropped = false;
		for (let index = open.length - 1; index >= 0; index--) {
			const parent = open[index]!;
			const end = parent.ts + parent.dur;
			if (end < ts || (end === ts && !(parent.dur === 0 && dur === 0))) {
				open.pop();
				continue;
			}
			if (ts < end && ts + dur > end) {
				problems.push(`${thread.pid}/${thread.tid}: "${String(event.name)}" at ${ts} overlaps "${parent.name}" and is dropped`);
				dropped = true;
			}
			break;
		}
		if (dropped) continue;
		const slice = {name: String(event.name), ph: String(event.ph), ts, dur, depth: open.length};
		thread.slices.push(slice);
		open.push(slice);
	}
}

/** The trace file's text as the viewers would import it. */
export function importTrace(text: string): ImportedTrace {
	const problems: string[] = [];
	const processes = new Map<number, string>();
	const threads = new Map<string, ImportedThread>();
	const trimmed = text.trimStart();
	if (!trimmed.startsWith('{')) problems.push('the file does not open with the object form {"traceEvents": …}');
	const file = JSON.parse(text) as Record<string, unknown>;
	for (const key of Object.keys(file)) if (!TOP_LEVEL.has(key)) problems.push(`top-level key ${key} is not one the importers read`);
	// Perfetto before 2022 took displayTimeUnit for the unit of ts; chrome://tracing throws on any but ms and ns.
	if ('displayTimeUnit' in file) problems.push(`displayTimeUnit ${String(file['displayTimeUnit'])} is set, which older Perfetto reads as the unit of ts`);
	if (!Array.isArray(file['traceEvents'])) return {processes, threads, problems: [...problems, 'no traceEvents array']};
	const events = file['traceEvents'] as RawEvent[];
	const byThread = new Map<string, RawEvent[]>();
	events.forEach((event, index) => {
		const at = `event ${index} (${String(event.name)})`;
		checkEvent(event, at, problems);
		const pid = event.pid as number;
		const tid = event.tid as number;
		if (event.ph === 'M' && event.name === 'process_name') processes.set(pid, String((event.args as Record<string, unknown>)['name']));
		if (event.ph === 'M' && String(event.name).startsWith('process_')) return;
		const key = `${pid}/${tid}`;
		const thread = threads.get(key) ?? {pid, tid, slices: []};
		threads.set(key, thread);
		if (event.ph === 'M' && event.name === 'thread_name') thread.name = String((event.args as Record<string, unknown>)['name']);
		if (event.ph === 'M') return;
		const list = byThread.get(key);
		if (list) list.push(event);
		else byThread.set(key, [event]);
	});
	// Perfetto keys a thread by its tid alone, as Linux does, and takes tid = pid for a process's main thread.
	const processOfTid = new Map<number, number>();
	for (const {pid, tid} of threads.values()) {
		const other = processOfTid.get(tid);
		if (other !== undefined && other !== pid) problems.push(`tid ${tid} is a thread of both pid ${other} and pid ${pid}`);
		processOfTid.set(tid, pid);
		if (tid !== pid && processes.has(tid))
			problems.push(`tid ${tid} of pid ${pid} is also the pid of ${processes.get(tid)}, whose main thread Perfetto takes it for`);
		if (!processes.has(pid)) problems.push(`pid ${pid} has no process_name`);
	}
	for (const [key, thread] of threads) {
		if (thread.name === undefined) problems.push(`thread ${key} has no thread_name`);
		stack(thread, byThread.get(key) ?? [], problems);
	}
	return {processes, threads, problems};
}
