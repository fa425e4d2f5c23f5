// Waits for the end of a bounded run: a duration, an abort signal, or — when
// the caller gave no signal — Ctrl-C / SIGTERM, so `record --no-ui` and
// `-o ndjson` stop cleanly (file closed, last line whole) instead of dying.

export function runUntil(options: {durationMs?: number; signal?: AbortSignal}): {done: Promise<void>; cancel: () => void} {
	let finish: () => void = () => {};
	const done = new Promise<void>(resolve => {
		finish = resolve;
	});
	let timer: NodeJS.Timeout | undefined;
	const onSignal = () => end();
	function end() {
		clearTimeout(timer);
		options.signal?.removeEventListener('abort', onSignal);
		if (!options.signal) {
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
		}
		finish();
	}
	if (options.durationMs !== undefined) timer = setTimeout(end, options.durationMs);
	if (options.signal) {
		if (options.signal.aborted) end();
		else options.signal.addEventListener('abort', onSignal, {once: true});
	} else {
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
	}
	return {done, cancel: end};
}
