// What every generated session shares: its t = 0, the server it claims to come from, how many pods
// a node holds; and times as the API server prints them.

/** t = 0 of every generated session: fixed, so the file never depends on when it was made. */
export const RECORDED_AT = '2026-11-25T03:00:00.000Z';
export const RECORDED_AT_MS = Date.parse(RECORDED_AT);
export const PODS_PER_NODE = 110;
export const SERVER_VERSION = 'v1.32.13';

/** RFC 3339 with whole seconds, as the API server prints metav1.Time. */
export function stamp(ms) {
	return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}
