// The fake API server needs every entry up front (it serves resourceVersions from
// any point of the timeline), so it reads the whole session with the project's
// reader: same checks, same one-line errors as `podlife replay`.

import {readSession} from '../session/reader.js';
import type {SessionEntry, SessionHeader} from '../session/format.js';

export interface LoadedSession {
	header: SessionHeader;
	entries: SessionEntry[];
	/** The reader's warnings (e.g. a cut-off last line of a killed recording). */
	warnings: string[];
}

export async function loadSession(path: string): Promise<LoadedSession> {
	const {header, entries, warnings} = await readSession(path);
	return {header, entries, warnings};
}
