// The connection to the API server as the user sees it. Live, the source says it as it
// changes; in a session, the last STATUS marker of the stream says it (the store keeps it).

import type {ConnectionState} from '../session/format.js';

export interface ConnectionStatus {
	state: ConnectionState;
	/** What is wrong, or what the connection is doing ("watching"); null when nothing is said. */
	message: string | null;
	/** When this state began (epoch ms): a further reconnect attempt keeps "reconnecting for 40s" counting. */
	since: number;
	/** Which reconnect attempt, while reconnecting; known live only (a session's marker says it in its message). */
	attempt?: number;
}
