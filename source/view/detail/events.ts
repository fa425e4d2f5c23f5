// Events: the pod's Kubernetes Events in time order, oldest first as `kubectl describe` lists
// them (by when each was last seen), so they read as the story they tell. Each says where it came
// from as describe's FROM column does ("kubelet, kind-worker"), and its whole message follows on
// the lines below; a Warning is marked and coloured so it stands out where it happened.

import type {KubeEvent} from '../../kube/objects.js';
import {humanDuration} from '../../model/duration.js';
import {eventTime} from '../../model/store/pod-events.js';
import {fitLines, heading, line, span, truncate, wrap, type Line} from './lines.js';
import {KEPT_AFTER_DELETION} from './yaml.js';

export interface EventsInput {
	events: readonly KubeEvent[];
	/** The pod is a deleted one the store no longer holds: its events went with its tombstone. */
	letGo?: boolean;
	now: number;
	width: number;
	wrap?: boolean;
}

const TYPE_WIDTH = 9;
const REASON_WIDTH = 18;
const COUNT_WIDTH = 7;
const AGE_WIDTH = 10;

export function eventsLines({events, now, width, wrap: wrapped = false, letGo = false}: EventsInput): Line[] {
	const byTime = [...events].sort((a, b) => eventTime(a) - eventTime(b));
	const warnings = byTime.filter(event => event.type === 'Warning').length;
	const lines: Line[] = [heading(`Events: ${events.length}, ${warnings} warning${warnings === 1 ? '' : 's'}, oldest first`)];
	if (events.length === 0) {
		lines.push(
			letGo
				? line(`  none kept: podlife lets a deleted pod's events go ${KEPT_AFTER_DELETION} after its deletion`, 'dim')
				: line('  no events recorded for this pod (events expire after an hour by default)', 'dim'),
		);
		return fitLines(lines, width, wrapped);
	}
	lines.push(line(`    ${'TYPE'.padEnd(TYPE_WIDTH)}${'REASON'.padEnd(REASON_WIDTH)}${'COUNT'.padEnd(COUNT_WIDTH)}${'AGE'.padEnd(AGE_WIDTH)}FROM`, 'dim'));
	for (const event of byTime) {
		const warning = event.type === 'Warning';
		lines.push(eventRow(event, now, warning));
		for (const text of wrap(event.message ?? '', width, '      ')) lines.push(line(text, warning ? 'warn' : 'plain'));
	}
	return fitLines(lines, width, wrapped);
}

/** kubectl describe's FROM: the component and the host (or the reporting controller and its instance). */
export function eventSource(event: KubeEvent): string {
	const component = event.source?.component || event.reportingComponent || '';
	const host = event.source?.host || event.reportingInstance || '';
	return host ? `${component}, ${host}` : component;
}

function eventRow(event: KubeEvent, now: number, warning: boolean): Line {
	const count = event.series?.count ?? event.count ?? 1;
	const age = humanDuration(now - eventTime(event));
	const cells = `${(event.type ?? 'Normal').padEnd(TYPE_WIDTH)}${truncate(event.reason ?? '', REASON_WIDTH - 1).padEnd(REASON_WIDTH)}${`×${count}`.padEnd(COUNT_WIDTH)}${age.padEnd(AGE_WIDTH)}`;
	return [span(warning ? '  ⚠ ' : '  · ', warning ? 'bad' : 'dim'), span(cells, warning ? 'bad' : 'plain'), span(eventSource(event) || '<unknown>', 'dim')];
}
