// What a recorded session cannot show: a recording made by a user without access to nodes or
// events (`podlife record` leaves them out of the header's `resources`) has none to replay, and
// the views that need them say so as they would have live.

import type {SessionHeader} from '../../session/format.js';
import {NO_LIMITS, type SourceLimits} from '../source-info.js';

export function sessionLimits(header: SessionHeader): SourceLimits {
	// A header without `resources` says nothing about what is missing.
	const resources = header.resources;
	if (!resources) return NO_LIMITS;
	return {
		...NO_LIMITS,
		nodes: resources.includes('nodes') ? null : 'nodes were not recorded in this session; node fit is not shown',
		events: resources.includes('events') ? null : 'events were not recorded in this session; pod events are not shown',
	};
}
