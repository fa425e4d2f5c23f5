import {describe, expect, it} from 'vitest';
import {LogBuffer, splitTimestamp} from '../../source/model/log-buffer.js';

describe('LogBuffer', () => {
	it('keeps lines whole whatever the chunks cut, and a last line without its end once the stream ends', () => {
		const buffer = new LogBuffer();
		buffer.append('first li');
		expect(buffer.lines()).toEqual([]);
		buffer.append('ne\r\nsecond\nthi');
		expect(buffer.lines()).toEqual(['first line', 'second']);
		buffer.end();
		expect(buffer.lines()).toEqual(['first line', 'second', 'thi']);
	});

	it('holds only the last lines, counting those it dropped', () => {
		const buffer = new LogBuffer(3);
		buffer.append('1\n2\n3\n4\n5\n');
		expect(buffer.lines()).toEqual(['3', '4', '5']);
		expect(buffer.dropped).toBe(2);
	});

	it('changes its version with every change of its lines', () => {
		const buffer = new LogBuffer();
		const before = buffer.version;
		buffer.append('half');
		expect(buffer.version).toBe(before);
		buffer.append('\n');
		expect(buffer.version).toBe(before + 1);
	});
});

describe('splitTimestamp', () => {
	it('takes the RFC 3339 time the server puts before each line with timestamps=true', () => {
		expect(splitTimestamp('2026-12-04T20:11:02.123456789Z hello world')).toEqual({time: '2026-12-04T20:11:02.123456789Z', text: 'hello world'});
		expect(splitTimestamp('2026-12-04T20:11:02Z')).toEqual({time: '2026-12-04T20:11:02Z', text: ''});
	});

	it('leaves a line without one as it is', () => {
		expect(splitTimestamp('plain line')).toEqual({time: null, text: 'plain line'});
	});
});
