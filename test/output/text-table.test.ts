import {describe, expect, it} from 'vitest';
import {textTable} from '../../source/output/text-table.js';

describe('textTable', () => {
	it('pads each column to its widest cell plus three spaces, the last one not', () => {
		expect(
			textTable(
				['NAME', 'STATUS'],
				[
					['web-1', 'Running'],
					['a-much-longer-name', 'Pending'],
				],
			),
		).toBe('NAME                 STATUS\nweb-1                Running\na-much-longer-name   Pending\n');
	});

	it('pads by terminal cells, not characters: a wide character takes two, an accented one one', () => {
		expect(
			textTable(
				['NAME', 'WHY'],
				[
					['日本', 'a'],
					['café', 'b'],
				],
			),
		).toBe('NAME   WHY\n日本   a\ncafé   b\n');
	});

	it("prints a table as long as a big cluster's pods (200 000 rows), its widest cell at the end", () => {
		const rows = Array.from({length: 200_000}, (_, index) => [`ns-${index % 200}`, `pod-${index}`, 'Running']);
		rows.push(['ns-0', 'the-widest-name-of-all', 'Running']);
		const lines = textTable(['NAMESPACE', 'NAME', 'STATUS'], rows).trimEnd().split('\n');
		expect(lines).toHaveLength(200_002);
		expect(lines[0]).toBe('NAMESPACE   NAME                     STATUS');
		expect(lines.at(-1)).toBe('ns-0        the-widest-name-of-all   Running');
	});
});
