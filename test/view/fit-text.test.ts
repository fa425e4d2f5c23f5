import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {cutMiddle, fitKeeping, fitWhy, truncate, WHY_LOG_MIN_WIDTH} from '../../source/view/fit-text.js';

describe('fitting text to cells', () => {
	it('truncates by terminal cells', () => {
		expect(truncate('crashloop-4wqpg', 8)).toBe('crashlo…');
		expect(truncate('web', 8)).toBe('web');
		expect(truncate('日本語の名前', 5)).toBe('日本…');
	});

	it('cuts a name in the middle, keeping its start and its last part', () => {
		expect(cutMiddle('coredns-668d6bf9bc-cdzwd', 17)).toBe('coredns-66…-cdzwd');
		expect(cutMiddle('kube-apiserver-kind-control-plane', 17)).toBe('kube-apise…-plane');
		expect(cutMiddle('kube-scheduler-kind-control-plane', 17)).toBe('kube-sched…-plane');
		expect(cutMiddle('local-path-storage', 11)).toBe('loc…storage');
		expect(cutMiddle('averyveryverylongnamewithoutdashes', 11)).toBe('avery…ashes');
		expect(cutMiddle('web-tqlq8', 17)).toBe('web-tqlq8');
		for (let width = 1; width < 30; width++) expect(stringWidth(cutMiddle('local-path-provisioner-58cc7856b6-wjg4v', width))).toBeLessThanOrEqual(width);
	});

	it('keeps a countdown whole while the rest of the line is cut', () => {
		const why = 'crash-loop: container api exited 1 (Error) after 3s; 2 restarts in 44s; back-off 20s, next restart in 12s; message "refused"';
		const next = 'next restart in 12s';
		expect(fitKeeping(why, next, 200)).toBe(why);
		expect(fitKeeping(why, next, 110)).toBe(`${why.slice(0, why.indexOf(next) + next.length)}…`);
		const cut = fitKeeping(why, next, 50);
		expect(cut).toBe('crash-loop: container api exi… next restart in 12s');
		expect(stringWidth(cut)).toBe(50);
		expect(fitKeeping(why, next, 19)).toBe(next);
		expect(fitKeeping(why, '', 20)).toBe(truncate(why, 20));
		for (let width = 1; width < 130; width++) expect(stringWidth(fitKeeping(why, next, width))).toBeLessThanOrEqual(width);
	});

	it('keeps the countdown and the start of the last log line when a why line with one is cut', () => {
		const lastLog = 'ConnectionRefusedError: [Errno 111] Connection refused';
		const why = `crash-loop: container api exited 1 (Error) after 3s; 4 restarts in 93s; back-off 1m20s, next restart in 78s; last log: ${lastLog}`;
		const next = 'next restart in 78s';
		expect(fitWhy(why, next, lastLog, 300)).toBe(why);
		const cut = fitWhy(why, next, lastLog, 100);
		expect(cut).toBe('crash-loop: container api exi… next restart in 78s; last log: ConnectionRefusedError: [Errno 111] C…');
		expect(stringWidth(cut)).toBe(100);
		// Too narrow for both: the start and the countdown, as without a log.
		expect(fitWhy(why, next, lastLog, WHY_LOG_MIN_WIDTH - 1)).toBe(fitKeeping(why, next, WHY_LOG_MIN_WIDTH - 1));
		expect(fitWhy(why, next, '', 100)).toBe(fitKeeping(why, next, 100));
		for (let width = 1; width < 200; width++) expect(stringWidth(fitWhy(why, next, lastLog, width))).toBeLessThanOrEqual(width);
	});
});
