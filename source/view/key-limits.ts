// What the key handlers act within (ui/key-actions.ts), as the frame being drawn offers it
// (view/frame.ts deriveFrame): keys arrive between frames and act on what the user sees.

import type {RowList} from './pod-index.js';
import type {ContainerBlock} from './detail/containers.js';
import type {TimelineTargets} from './timeline-cursor.js';
import type {LogLimits} from './log-view.js';
import type {LogChoice} from './log-target.js';
import type {LanesLimits} from './lanes/lane-time.js';

/**
 * What the key handlers act within, from the frame being drawn (ui/key-actions.ts): the list and
 * the page height the cursor keys move in, the scroll limits, and the targets the cursors step
 * through. Keys arrive between frames; they act on what the user sees.
 */
export interface KeyLimits {
	/** The table's list as shown (filter applied, in order). */
	rows: RowList;
	/** The pod under the table's cursor. */
	selectedKey: string | null;
	/** Lines of the body: a page for PgUp/PgDn. */
	bodyLines: number;
	/** The namespaces `n` cycles through and `:ns` completes. */
	namespaces: readonly string[];
	/** The detail section's largest scroll offset. */
	detailMax: number;
	/** The Containers list's blocks, in list order (detail, Containers section, the list showing). */
	containerBlocks: readonly ContainerBlock[];
	/** How many containers the Containers section lists. */
	containerCount: number;
	/** The Timeline's transition rows (detail, Timeline section, replaying only). */
	timeline: TimelineTargets | null;
	/** The column offsets ← and → scroll the table to (null: nothing off-screen that way). */
	columnOffsets: {prev: number | null; next: number | null};
	/** The help overlay's largest scroll offset, and its rows shown at once (0: it is closed). */
	helpMax: number;
	helpWindow: number;
	/** The container `l`/`p` open the log of (the selected pod's), or why there is none. */
	logChoice: LogChoice;
	/** The open log view's lines and position (null: no log open). */
	log: LogLimits | null;
	/** The Lanes view's window, a column's time and the clock (null: the Lanes view is not shown). */
	lanes: LanesLimits | null;
}
