import {describe, expect, it} from 'vitest';
import {FAILURE_CHAR, POSITION_CHAR, scrubberCells, scrubberRuns} from '../../source/view/scrubber.js';

const text = (cells: ReturnType<typeof scrubberCells>) => cells.map(c => c.char).join('');

describe('scrubber', () => {
	it('draws entry density as bars scaled to the busiest slice, empty slices as spaces', () => {
		const cells = scrubberCells({density: [0, 1, 4, 8, 8], failures: [], startMs: 0, endMs: 5000, positionMs: 0});
		expect(text(cells)).toBe(`${POSITION_CHAR}▂▅██`);
		expect(text(scrubberCells({density: [0, 8], failures: [], startMs: 0, endMs: 2000, positionMs: 2000}))).toBe(` ${POSITION_CHAR}`);
	});

	it('marks where pods entered a failing state, and the play position over everything', () => {
		const cells = scrubberCells({density: [1, 1, 1, 1, 1], failures: [2500, 4900], startMs: 0, endMs: 5000, positionMs: 0});
		expect(text(cells)).toBe(`${POSITION_CHAR}█${FAILURE_CHAR}█${FAILURE_CHAR}`);
		expect(cells[2]!.kind).toBe('failure');
	});

	it('joins cells of one kind into runs for colouring', () => {
		const runs = scrubberRuns(scrubberCells({density: [1, 1, 1, 1], failures: [3000], startMs: 0, endMs: 4000, positionMs: 0}));
		expect(runs.map(r => r.kind)).toEqual(['position', 'density', 'failure']);
		expect(runs[1]!.text).toBe('██');
	});
});
