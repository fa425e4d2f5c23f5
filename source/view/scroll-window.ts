// The visible window of a long list: which rows [offset, offset + height) are on
// screen. The window only moves when the cursor would leave it, so moving inside
// the window never scrolls (the ink-ui select-state behaviour).

export function clampIndex(index: number, count: number): number {
	if (count <= 0) return 0;
	return Math.min(Math.max(index, 0), count - 1);
}

/** "12–40 of 212": which lines of a scrolled text show (1-based), or null when it all shows. */
export function scrollPosition(scroll: number, height: number, count: number): string | null {
	const rows = Math.max(1, height);
	if (count <= rows) return null;
	const first = Math.max(0, Math.min(scroll, count - rows));
	return `${first + 1}–${first + rows} of ${count}`;
}

/** The offset that keeps `cursor` visible, moving `offset` as little as possible. */
export function fitWindow(offset: number, cursor: number, height: number, count: number): number {
	const rows = Math.max(1, height);
	let start = offset;
	if (cursor < start) start = cursor;
	if (cursor >= start + rows) start = cursor - rows + 1;
	const last = Math.max(0, count - rows);
	return Math.min(Math.max(start, 0), last);
}
