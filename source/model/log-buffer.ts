// The tail of a container's log as it streams in: text arrives in chunks cut anywhere, lines are
// kept whole, and only the last `capacity` of them are held (a log that follows for hours must not
// grow without bound; k9s keeps a bounded buffer too). Pure: the live stream feeds it chunks, the
// log view reads `lines()`.

/** Lines held by default: far more than a screen, few enough to search on every frame. */
export const LOG_CAPACITY = 5000;

export class LogBuffer {
	private held: string[] = [];
	/** Text after the last line end: the start of a line still being written. */
	private partial = '';
	private droppedCount = 0;
	private changes = 0;

	constructor(private readonly capacity = LOG_CAPACITY) {}

	/** A chunk of the stream, as it came (it may end in the middle of a line). */
	append(chunk: string): void {
		if (chunk === '') return;
		const parts = (this.partial + chunk).split('\n');
		this.partial = parts.pop()!;
		if (parts.length === 0) return;
		for (const part of parts) this.held.push(part.endsWith('\r') ? part.slice(0, -1) : part);
		this.trim();
		this.changes++;
	}

	/** The stream ended: a last line without its line end is a line all the same. */
	end(): void {
		if (this.partial === '') return;
		this.held.push(this.partial);
		this.partial = '';
		this.trim();
		this.changes++;
	}

	/** The lines held, oldest first (read it before the next append: it is the buffer's own). */
	lines(): readonly string[] {
		return this.held;
	}

	/** How many lines were dropped from the head to keep `capacity`. */
	get dropped(): number {
		return this.droppedCount;
	}

	/** Changes whenever the lines do. */
	get version(): number {
		return this.changes;
	}

	private trim(): void {
		const over = this.held.length - this.capacity;
		if (over <= 0) return;
		this.held.splice(0, over);
		this.droppedCount += over;
	}
}

/**
 * A line the API server sent with `timestamps=true`: "2026-12-04T20:11:02.123456789Z text".
 * The time (null when the line has none) and the text.
 */
export function splitTimestamp(line: string): {time: string | null; text: string} {
	const space = line.indexOf(' ');
	const head = space === -1 ? line : line.slice(0, space);
	if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(head)) return {time: null, text: line};
	return {time: head, text: space === -1 ? '' : line.slice(space + 1)};
}
