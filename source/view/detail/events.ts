// Events: the pod's Kubernetes Events, Warnings first (each with its whole message, since a Warning
// is usually the answer), then the Normal ones oldest first like kubectl describe.

import type {KubeEvent} from '../../kube/types.js';
import {humanDuration} from '../../model/duration.js';
import {eventTime} from '../../model/store/pod-events.js';
import {blank, fitLines, heading, line, span, truncate, wrap, type Line} from './lines.js';

export interface EventsInput {
	events: readonly KubeEvent[];
	now: number;
	width: number;
	wrap?: boolean;
}

const REASON_WIDTH = 18;

export function eventsLines({events, now, width, wrap: wrapped = false}: EventsInput): Line[] {
	const byTime = [...events].sort((a, b) => eventTime(a) - eventTime(b));
	const warnings = byTime.filter(event => event.type === 'Warning');
	const normal = byTime.filter(event => event.type !== 'Warning');
	const lines: Line[] = [heading(`Events: ${events.length}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`)];
	if (events.length === 0) {
		lines.push(line('  no events recorded for this pod (events expire after an hour by default)', 'dim'));
		return fitLines(lines, width, wrapped);
	}
	lines.push(line(`    ${'TYPE'.padEnd(8)}${'REASON'.padEnd(REASON_WIDTH)}${'COUNT'.padEnd(7)}${'AGE'.padEnd(12)}MESSAGE`, 'dim'));
	if (warnings.length > 0) {
		for (const event of warnings) {
			lines.push(eventRow(event, now, width, true, wrapped));
			for (const text of wrap(event.message ?? '', width, '      ')) lines.push(line(text, 'warn'));
		}
		if (normal.length > 0) lines.push(blank);
	}
	for (const event of normal) lines.push(eventRow(event, now, width, false, wrapped));
	return fitLines(lines, width, wrapped);
}

function eventRow(event: KubeEvent, now: number, width: number, warning: boolean, wrapped: boolean): Line {
	const count = event.series?.count ?? event.count ?? 1;
	const age = humanDuration(now - eventTime(event));
	const prefix = `${(event.type ?? 'Normal').padEnd(8)}${truncate(event.reason ?? '', REASON_WIDTH - 1).padEnd(REASON_WIDTH)}${`×${count}`.padEnd(7)}${age.padEnd(12)}`;
	const from = event.source?.component ?? event.reportingComponent;
	return [
		span(warning ? '  ⚠ ' : '  · ', warning ? 'bad' : 'dim'),
		span(prefix, warning ? 'bad' : 'plain'),
		// A Warning's message follows in full on the next lines; here it would be cut anyway.
		span(warning ? (from ? `from ${from}` : '') : wrapped ? (event.message ?? '').replace(/\s*\n\s*/g, ' ') : truncate((event.message ?? '').replace(/\s*\n\s*/g, ' '), Math.max(1, width - prefix.length - 4)), warning ? 'dim' : 'plain'),
	];
}
