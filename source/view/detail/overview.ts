// Overview: what the pod is and where it stands — phase and STATUS, conditions, QoS, where it runs,
// who owns it, what a static (mirror) pod means, labels and annotations.

import {timeMs, type PodCondition} from '../../kube/objects.js';
import {formatAge, formatRestarts} from '../../model/print-pod.js';
import {humanDuration} from '../../model/duration.js';
import {podQos} from '../../model/qos.js';
import type {MirrorInfo, PodState} from '../../model/pod-state.js';
import {formatClock} from '../goto-time.js';
import {blank, field, fitLines, heading, line, span, truncate, wrap, type Line, type Tone} from './lines.js';
import {OBJECT_NOT_KEPT} from './yaml.js';

export interface OverviewInput {
	pod: PodState;
	now: number;
	width: number;
	/** One line of diagnosis ("why is this pod not ready"), shown first when present. */
	why?: string;
	/** Long lines wrapped, labels and annotations in full. */
	wrap?: boolean;
}

export function overviewLines({pod, now, width, why, wrap: wrapped = false}: OverviewInput): Line[] {
	const object = pod.readObject();
	const status = object.status;
	const lines: Line[] = [];
	if (why) lines.push([span('why: ', 'warn'), span(why, 'warn')], blank);
	// Without its object, a pod kept for its lane knows its phase, node, owner, labels and conditions, not the rest.
	const kept = pod.objectKept;
	if (!kept) lines.push(...wrap(`⚠ ${OBJECT_NOT_KEPT}`, width, '  ').map(text => line(text, 'warn')), blank);
	const notKept = <T>(value: T): T | string => (kept ? value : '<not kept>');

	lines.push(field('STATUS', [span(pod.columns.status, statusTone(pod)), span(`   phase ${status?.phase ?? '<unknown>'}`, 'dim')]));
	lines.push(field('READY', `${pod.columns.ready}    RESTARTS ${formatRestarts(pod.columns, now)}    AGE ${formatAge(pod.columns, now)}`));
	if (status?.reason || status?.message) {
		lines.push(field('reason', [span(status.reason ?? '', 'warn'), span(status.message ? ` ${status.message}` : '')]));
	}
	const created = pod.columns.createdMs;
	if (created !== null) lines.push(field('created', `${formatClock(created)} (${humanDuration(now - created)} ago)`));
	const deletion = timeMs(object.metadata.deletionTimestamp);
	if (deletion !== null) {
		// deletionTimestamp is when the grace period ends (the request's time plus the grace; a shorter
		// grace asked later moves it back), not when the deletion was asked for.
		const grace = object.metadata.deletionGracePeriodSeconds ?? 0;
		const asked = `asked at ${formatClock(deletion - grace * 1000)}`;
		lines.push(field('deleting', [span(grace > 0 ? `${asked}, grace period ${grace}s (ends ${formatClock(deletion)})` : asked, 'warn')]));
	}
	if (pod.deletedAt !== null) lines.push(field('deleted', [span(`${formatClock(pod.deletedAt)} (${humanDuration(now - pod.deletedAt)} ago)`, 'bad')]));
	lines.push(field('QoS class', notKept(podQos(object))));
	lines.push(field('node', object.spec?.nodeName || '<none> (not scheduled)'));
	const podIPs = (status?.podIPs ?? []).map(entry => entry.ip).filter(Boolean);
	if (podIPs.length === 0 && status?.podIP) podIPs.push(status.podIP);
	lines.push(field('pod IPs', notKept(podIPs.length > 0 ? podIPs.join(', ') : '<none>')));
	lines.push(field('host IP', notKept(status?.hostIP || '<none>')));
	const owners = object.metadata.ownerReferences ?? [];
	lines.push(
		field('owner', owners.length > 0 ? owners.map(owner => `${owner.kind}/${owner.name}${owner.controller ? '' : ' (not controller)'}`).join(', ') : '<none>'),
	);

	lines.push(blank, heading('Conditions'));
	const conditions = status?.conditions ?? [];
	if (conditions.length === 0) lines.push(line('  (none yet)', 'dim'));
	for (const condition of conditions) lines.push(...conditionLines(condition, now, width));

	if (pod.mirror) lines.push(blank, ...mirrorLines(pod.mirror, width));

	lines.push(blank, heading('Labels'));
	lines.push(...mapLines(object.metadata.labels, width, wrapped));
	lines.push(blank, heading('Annotations'));
	lines.push(...(kept ? mapLines(object.metadata.annotations, width, wrapped) : [line('  <not kept>', 'dim')]));
	return fitLines(lines, width, wrapped);
}

function statusTone(pod: PodState): Tone {
	const status = pod.columns.status;
	if (/Error|BackOff|CrashLoop|Err|OOM|Failed|Evicted|Unknown/.test(status)) return 'bad';
	if (status === 'Running' && !/^(\d+)\/\1$/.test(pod.columns.ready)) return 'warn';
	if (status === 'Running' || status === 'Completed' || status === 'Succeeded') return 'good';
	return 'warn';
}

function conditionLines(condition: PodCondition, now: number, width: number): Line[] {
	const ok = condition.status === 'True';
	const at = timeMs(condition.lastTransitionTime);
	const when = at === null ? '' : `  since ${formatClock(at)} (${humanDuration(now - at)} ago)`;
	const out: Line[] = [
		[
			span(ok ? '  ✓ ' : '  ✗ ', ok ? 'good' : 'bad'),
			span(condition.type.padEnd(26)),
			span(condition.status.padEnd(8), ok ? 'good' : 'bad'),
			span(condition.reason ? `${condition.reason} ` : '', 'warn'),
			span(when, 'dim'),
		],
	];
	if (condition.message) for (const text of wrap(condition.message, width, '      ')) out.push(line(text, 'dim'));
	return out;
}

/** Static pods: what the annotations mean, and why deleting the mirror pod changes nothing. */
function mirrorLines(mirror: MirrorInfo, width: number): Line[] {
	const node = mirror.node ?? '<unknown node>';
	const out: Line[] = [heading('Static pod (mirror pod)')];
	out.push(field('node', node, 16));
	out.push(field('config source', mirror.source ?? '<unknown>', 16));
	out.push(field('config hash', mirror.hash ?? mirror.mirror, 16));
	const source = mirror.source === 'http' ? 'a manifest URL' : 'a manifest file';
	const meaning =
		`The kubelet on ${node} runs this pod from ${source} on that node; this API object is only its read-only mirror. ` +
		'Deleting the mirror pod does not stop it: the kubelet recreates the mirror. To change or remove the pod, edit or remove the manifest on the node.';
	for (const text of wrap(meaning, width, '  ')) out.push(line(text, 'info'));
	return out;
}

function mapLines(map: Readonly<Record<string, string>> | undefined, width: number, wrapped: boolean): Line[] {
	const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
	if (entries.length === 0) return [line('  <none>', 'dim')];
	// A key may take up to half the line; the value gets the rest.
	const keyWidth = Math.max(20, Math.floor(width / 2));
	return entries.map(([key, value]) => {
		const shownKey = wrapped ? key : truncate(key, keyWidth);
		// Values are one line: a multi-line annotation (a JSON blob) reads as its first characters, or wraps in full.
		const flat = value.replace(/\s*\n\s*/g, ' ');
		const room = Math.max(1, width - 3 - shownKey.length);
		return [span(`  ${shownKey}`, 'label'), span('='), span(wrapped ? flat : truncate(flat, room))];
	});
}
