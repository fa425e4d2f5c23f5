// Containers: init, sidecar, regular and ephemeral, each group in spec order, one short block per
// container; with a container selected, everything about that one, its messages in full.

import type {Container, Pod} from '../../kube/objects.js';
import {humanDuration} from '../../model/duration.js';
import type {ContainerKind, ContainerView, PodState, Termination} from '../../model/pod-state.js';
import {formatClock} from '../goto-time.js';
import {blank, field, fitLines, formatSpan, heading, line, span, wrap, type Line, type Span, type Tone} from './lines.js';
import {containerHandlers, containerProbes} from './probes.js';
import {endedRun, logOfRun} from '../../model/container-logs.js';
import {capturedLogRows, labelledRows, LOG_LINES_SHOWN, NO_RUN_LOGS, type RunLogs} from './log-lines.js';

export interface ContainersInput {
	pod: PodState;
	now: number;
	width: number;
	/** Index into pod.containers: show that container in full. */
	selectedContainer?: number;
	/** Position in the list (containerListOrder): that container's header line gets the "›" marker. */
	cursor?: number;
	/** A container in full: long lines wrapped. The list stays one line a field, so its blocks' lines hold. */
	wrap?: boolean;
	/** The logs the session captured of the pod: shown beside each run's end. */
	logs?: RunLogs;
}

/** Where one container's block is in the list: its index in pod.containers and its lines [start, end). */
export interface ContainerBlock {
	index: number;
	start: number;
	end: number;
}

export const GROUP_TITLES: Readonly<Record<ContainerKind, string>> = {
	init: 'Init containers',
	sidecar: 'Sidecar containers',
	regular: 'Containers',
	ephemeral: 'Ephemeral containers',
};

const GROUP_ORDER: readonly ContainerKind[] = ['init', 'sidecar', 'regular', 'ephemeral'];

export function containersLines({pod, now, width, selectedContainer, cursor, wrap: wrapped = false, logs = NO_RUN_LOGS}: ContainersInput): Line[] {
	const selected = selectedContainer === undefined ? undefined : pod.containers[selectedContainer];
	if (selected) return fitLines(fullContainerLines(pod, selected, now, width, logs), width, wrapped);
	return fitLines(listLayout(pod, now, cursor, logs).lines, width);
}

/**
 * The indices into pod.containers in the order the list shows them. Not pod.containers' own order:
 * init containers and native sidecars share initContainers and may interleave there, while the list
 * groups them (all init, then all sidecars), so a cursor over the list goes through this.
 */
export function containerListOrder(pod: PodState): number[] {
	const order: number[] = [];
	for (const kind of GROUP_ORDER) {
		pod.containers.forEach((view, index) => {
			if (view.kind === kind) order.push(index);
		});
	}
	return order;
}

/**
 * Each listed container's line range, in list order, so the host can scroll the selected one into
 * view. The first container of a group starts at the group's heading, so its title comes along.
 */
export function containerBlocks(pod: PodState, now: number, logs: RunLogs = NO_RUN_LOGS): ContainerBlock[] {
	return listLayout(pod, now, undefined, logs).blocks;
}

function listLayout(pod: PodState, now: number, cursor: number | undefined, logs: RunLogs): {lines: Line[]; blocks: ContainerBlock[]} {
	const lines: Line[] = [];
	const blocks: ContainerBlock[] = [];
	const order = containerListOrder(pod);
	for (const kind of GROUP_ORDER) {
		const indices = order.filter(index => pod.containers[index]!.kind === kind);
		if (indices.length === 0) continue;
		if (lines.length > 0) lines.push(blank);
		let start = lines.length;
		lines.push(heading(`${GROUP_TITLES[kind]} (${indices.length})`));
		for (const index of indices) {
			lines.push(...summaryLines(pod, pod.containers[index]!, now, blocks.length === cursor, logs));
			blocks.push({index, start, end: lines.length});
			start = lines.length;
		}
	}
	if (lines.length === 0) lines.push(line('(no containers in the spec)', 'dim'));
	return {lines, blocks};
}

/** The spec entry a view was made from (init and sidecar share initContainers). */
export function specContainer(pod: Pod, view: ContainerView): Container | undefined {
	const spec = pod.spec;
	switch (view.kind) {
		case 'init':
		case 'sidecar':
			return spec?.initContainers?.[view.index];
		case 'ephemeral':
			return spec?.ephemeralContainers?.[view.index];
		default:
			return spec?.containers?.[view.index];
	}
}

function summaryLines(pod: PodState, view: ContainerView, now: number, selected: boolean, logs: RunLogs): Line[] {
	const object = pod.readObject();
	const container = specContainer(object, view);
	const out: Line[] = [headerLine(view, selected)];
	out.push(field('image', imageText(view), 16, 4));
	out.push(field('state', stateSpans(view, now), 16, 4));
	if (view.message) out.push(field('message', [span(firstLine(view.message), 'dim')], 16, 4));
	if (view.state === 'terminated') out.push(...runLogLines('log', object, view, 'state', logs, LOG_LINES_SHOWN, 4));
	if (view.lastTermination) {
		out.push(field('last state', terminationSpans(view.lastTermination), 16, 4));
		out.push(...runLogLines('last log', object, view, 'last', logs, LOG_LINES_SHOWN, 4));
	}
	if (container) {
		for (const probe of containerProbes(container)) out.push(field('probe', probe, 16, 4));
		for (const handler of containerHandlers(container)) out.push(field('lifecycle', handler, 16, 4));
		if (container.targetContainerName) out.push(field('target', container.targetContainerName, 16, 4));
	}
	return out;
}

/** The log captured of the run whose end `which` shows (the state's, or the last state's), under `label`. */
function runLogLines(label: string, pod: Pod, view: ContainerView, which: 'state' | 'last', logs: RunLogs, limit: number | null, indent: number): Line[] {
	const run = endedRun(pod, view, which);
	const log = run ? logOfRun(logs.captured, run) : null;
	return labelledRows(label, capturedLogRows(log, {limit, capturesLogs: logs.capturesLogs}), 16, indent);
}

function fullContainerLines(pod: PodState, view: ContainerView, now: number, width: number, logs: RunLogs): Line[] {
	const object = pod.readObject();
	const container = specContainer(object, view);
	const out: Line[] = [heading(`${GROUP_TITLES[view.kind].replace(/s$/, '')} ${view.name}`), headerLine(view), blank];
	out.push(field('image', imageText(view), 16));
	out.push(field('state', stateSpans(view, now), 16));
	for (const text of timesText(view.startedMs, view.finishedMs)) out.push(field('', text, 16));
	if (view.message) {
		out.push(field('message', '', 16));
		for (const text of wrap(view.message, width, '    ')) out.push(line(text, view.state === 'terminated' && view.exitCode !== 0 ? 'bad' : 'warn'));
	}
	if (view.state === 'terminated') out.push(...runLogLines('log', object, view, 'state', logs, null, 2));
	if (view.lastTermination) {
		out.push(field('last state', terminationSpans(view.lastTermination), 16));
		for (const text of timesText(view.lastTermination.startedMs, view.lastTermination.finishedMs)) out.push(field('', text, 16));
		if (view.lastTermination.message) {
			out.push(field('last message', '', 16));
			for (const text of wrap(view.lastTermination.message, width, '    ')) out.push(line(text, 'dim'));
		}
		out.push(...runLogLines('last log', object, view, 'last', logs, null, 2));
	}
	if (container) {
		if (container.command?.length) out.push(field('command', container.command.join(' '), 16));
		if (container.args?.length) out.push(field('args', container.args.join(' '), 16));
		for (const port of container.ports ?? [])
			out.push(field('port', `${port.containerPort}/${port.protocol ?? 'TCP'}${port.name ? ` (${port.name})` : ''}`, 16));
		const requests = container.resources?.requests;
		const limits = container.resources?.limits;
		if (requests) out.push(field('requests', resourceText(requests), 16));
		if (limits) out.push(field('limits', resourceText(limits), 16));
		for (const probe of containerProbes(container)) out.push(field('probe', probe, 16));
		for (const handler of containerHandlers(container)) out.push(field('lifecycle', handler, 16));
		if (container.restartPolicy) out.push(field('restartPolicy', container.restartPolicy, 16));
		if (container.targetContainerName) out.push(field('target', container.targetContainerName, 16));
		if (container.env?.length) {
			out.push(field('env', '', 16));
			for (const variable of container.env) {
				out.push(line(`    ${variable.name}=${variable.value ?? (variable.valueFrom ? '(from a reference)' : '')}`, 'dim'));
			}
		}
	}
	return out;
}

/**
 * "▸ api  running  ready ✓  started ✓  restarts 4"; "› ▸ api …" under the list's cursor (the table's
 * mark). An ended container says how it ended ("▸ init-db  completed (exit 0) at 04:15:50") rather
 * than its ready and started flags: the kubelet sets started false once a container has terminated
 * (and ready true for an init container that exited 0, false for any other), so "started ✗" read
 * as if a container that ran and finished had never started. A running init container (not a
 * sidecar) has no readiness of its own — its ready turns true only when it exits 0 — so it shows
 * no "ready ✗" either.
 */
function headerLine(view: ContainerView, selected = false): Line {
	return [
		selected ? span('› ', 'accent') : span('  '),
		span('▸ '),
		span(view.name, 'heading'),
		span('  '),
		...headerState(view),
		span('  restarts '),
		span(String(view.restartCount), view.restartCount > 0 ? 'warn' : 'plain'),
	];
}

function headerState(view: ContainerView): Span[] {
	const tone = stateTone(view);
	if (view.state === 'terminated') {
		const exitCode = view.exitCode ?? 0;
		const how = exitCode === 0 && !view.signal ? 'completed (exit 0)' : `terminated ${exitText(view.reason, exitCode, view.signal)}`;
		return [span(how, tone), span(view.finishedMs === null ? '' : ` at ${formatClock(view.finishedMs)}`, 'dim')];
	}
	const out = [span(view.state === 'unknown' ? 'no status yet' : view.state, tone)];
	if (!(view.state === 'running' && view.kind === 'init')) out.push(span('  ready '), span(view.ready ? '✓' : '✗', view.ready ? 'good' : 'bad'));
	out.push(span('  started '), span(view.started === null ? '–' : view.started ? '✓' : '✗', view.started ? 'good' : 'dim'));
	return out;
}

function imageText(view: ContainerView): string {
	return `${view.image ?? '<none>'}${view.imagePullPolicy ? `  (pull ${view.imagePullPolicy})` : ''}`;
}

export function stateTone(view: ContainerView): Tone {
	switch (view.state) {
		case 'running':
			return view.ready ? 'good' : 'warn';
		case 'terminated':
			return view.exitCode === 0 ? 'info' : 'bad';
		case 'waiting':
			return view.reason && /BackOff|Err|Error|Invalid/.test(view.reason) ? 'bad' : 'warn';
		default:
			return 'dim';
	}
}

/** "waiting CrashLoopBackOff — restart in 37s", "running since 04:17:52 (12s)", "terminated Error (exit 1, signal 9)". */
function stateSpans(view: ContainerView, now: number): Span[] {
	const tone = stateTone(view);
	switch (view.state) {
		case 'running':
			return [
				span('running', tone),
				span(view.startedMs === null ? '' : ` since ${formatClock(view.startedMs)} (${humanDuration(now - view.startedMs)})`, 'dim'),
			];
		case 'waiting': {
			const out = [span(`waiting${view.reason ? ` ${view.reason}` : ''}`, tone)];
			if (view.nextRestartMs !== null) {
				const left = view.nextRestartMs - now;
				out.push(span(left > 0 ? ` — restart in ${formatSpan(left)}` : ' — restart due now', 'accent'));
			}
			if (view.backOffMs !== null) out.push(span(` (back-off ${formatSpan(view.backOffMs)})`, 'dim'));
			return out;
		}
		case 'terminated':
			return [span(`terminated ${exitText(view.reason, view.exitCode ?? 0, view.signal)}`, tone)];
		default:
			return [span('no status reported yet', 'dim')];
	}
}

function terminationSpans(termination: Termination): Span[] {
	const ran = termination.startedMs !== null && termination.finishedMs !== null ? ` after ${formatSpan(termination.finishedMs - termination.startedMs)}` : '';
	const at = termination.finishedMs === null ? '' : ` at ${formatClock(termination.finishedMs)}`;
	return [
		span(`terminated ${exitText(termination.reason, termination.exitCode, termination.signal)}`, termination.exitCode === 0 ? 'info' : 'bad'),
		span(`${at}${ran}`, 'dim'),
	];
}

/** "Error (exit 1)", "OOMKilled (exit 137, signal 9)", "Completed (exit 0)". */
function exitText(reason: string | null, exitCode: number, signal: number | null): string {
	return `${reason ?? 'exited'} (exit ${exitCode}${signal ? `, signal ${signal}` : ''})`;
}

function timesText(startedMs: number | null, finishedMs: number | null): string[] {
	const out: string[] = [];
	if (startedMs !== null) out.push(`started  ${formatClock(startedMs)}`);
	if (finishedMs !== null) out.push(`finished ${formatClock(finishedMs)}${startedMs !== null ? ` (ran ${formatSpan(finishedMs - startedMs)})` : ''}`);
	return out;
}

function resourceText(resources: Readonly<Record<string, string>>): string {
	return Object.entries(resources)
		.map(([name, value]) => `${name}=${value}`)
		.join(' ');
}

function firstLine(text: string): string {
	const lines = text.trim().split('\n');
	return lines.length > 1 ? `${lines[0]} …(${lines.length} lines; Enter shows all)` : (lines[0] ?? '');
}
