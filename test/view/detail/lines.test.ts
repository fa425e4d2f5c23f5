import {describe, expect, it} from 'vitest';
import {fitLine, fitLines, formatDelta, formatSpan, lineText, span, truncate, wrap, wrapLine} from '../../../source/view/detail/lines.js';
import {clampScroll, detailLineCount, sectionLines, SECTIONS} from '../../../source/view/detail/sections.js';
import {loadCapture} from './capture.js';

describe('line helpers', () => {
	it('cuts text to a width with an ellipsis', () => {
		expect(truncate('kubernetes.io/config.hash', 10)).toBe('kubernete…');
		expect(truncate('short', 10)).toBe('short');
	});

	it('cuts a line of spans, keeping their tones', () => {
		const cut = fitLine([span('STATUS ', 'label'), span('CrashLoopBackOff', 'bad')], 12);
		expect(lineText(cut)).toBe('STATUS Cras…');
		expect(cut[1]!.tone).toBe('bad');
	});

	it('wraps at word boundaries, keeps line breaks and cuts words longer than a line', () => {
		expect(wrap('connecting to db...\nTraceback (most recent call last):', 22, '  ')).toEqual([
			'  connecting to db...',
			'  Traceback (most',
			'  recent call last):',
		]);
		expect(wrap('abcdefghij', 6)).toEqual(['abcdef', 'ghij']);
	});

	it('wraps a line of spans onto indented lines that show every character, tones kept (the w toggle)', () => {
		const lines = wrapLine([span('  image: ', 'label'), span('docker.io/library/python@sha256:0123456789abcdef', 'plain')], 20);
		expect(lines.map(lineText)).toEqual(['  image: docker.io/l', '    ibrary/python@sh', '    a256:0123456789a', '    bcdef']);
		expect(lines[1]![1]!.tone).toBe('plain');
		expect(lines[0]![0]!.tone).toBe('label');
		expect(wrapLine([span('short')], 20).map(lineText)).toEqual(['short']);
		expect(fitLines([[span('abcdefghij')]], 6, true).map(lineText)).toEqual(['abcdef', '  ghij']);
		// Prose breaks between words; the break's space stays at the end of the line it ends.
		expect(wrapLine([span('  ✗ Ready  since 04:22:36 (0s ago)')], 30).map(lineText)).toEqual(['  ✗ Ready  since 04:22:36 (0s ', '    ago)']);
	});

	it('writes short intervals with tenths and long ones in units', () => {
		expect(formatDelta(520)).toBe('+0.5s');
		expect(formatDelta(3000)).toBe('+3.0s');
		expect(formatDelta(80_000)).toBe('+1m20s');
		expect(formatSpan(7_500_000)).toBe('2h5m');
	});
});

describe('sections', () => {
	const capture = loadCapture('crashloop.ndjson');
	const pod = capture.pod('crashloop');
	const events = capture.view.eventsByPod.get(pod.key) ?? [];

	it('counts the lines of every section for the scroll limit', () => {
		for (const section of SECTIONS) {
			const input = {section, pod, events, view: capture.view, now: capture.now, width: 90};
			expect(detailLineCount(input)).toBe(sectionLines(input).length);
			expect(detailLineCount(input)).toBeGreaterThan(3);
		}
	});

	it('clamps the scroll so the last page stays full', () => {
		expect(clampScroll(50, 40, 10)).toBe(30);
		expect(clampScroll(-3, 40, 10)).toBe(0);
		expect(clampScroll(5, 4, 10)).toBe(0);
	});
});
