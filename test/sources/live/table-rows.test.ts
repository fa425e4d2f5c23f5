// A Table row's cells as podlife keeps them (sources/live/table-rows.ts), from the shapes the
// real printers send (pkg/printers/internalversion printers.go printPod, podColumnDefinitions).

import {describe, expect, it} from 'vitest';
import {printedRow} from '../../../source/sources/live/table-rows.js';

const wide = ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates'].map(name => ({name}));

describe('printedRow', () => {
	it('keeps the cells by column name, RESTARTS with when it last restarted', () => {
		const cells = ['web-1', '0/1', 'CrashLoopBackOff', '3 (45s ago)', '5m', '10.244.1.7', 'kind-worker', '<none>', '<none>'];
		expect(printedRow(wide, cells)).toEqual({
			ready: '0/1',
			status: 'CrashLoopBackOff',
			restarts: '3 (45s ago)',
			age: '5m',
			ip: '10.244.1.7',
			node: 'kind-worker',
			nominatedNode: '<none>',
			readinessGates: '<none>',
		});
	});

	it('reads a number cell (older servers printed RESTARTS as an integer) and a row without the wide columns', () => {
		const narrow = wide.slice(0, 5).map(column => (column.name === 'Restarts' ? {...column, type: 'integer'} : column));
		expect(printedRow(narrow, ['web-1', '1/1', 'Running', 2, '1h'])).toEqual({ready: '1/1', status: 'Running', restarts: '2', age: '1h'});
	});

	it('keeps nothing without the column definitions (a watch event after the first) or without the core cells', () => {
		expect(printedRow([], ['web-1', '1/1', 'Running', '0', '1h'])).toBeUndefined();
		expect(printedRow(wide.slice(0, 3), ['web-1', '1/1', 'Running'])).toBeUndefined();
	});
});
