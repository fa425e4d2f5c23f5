// `--view lanes` starts the TUI in the Lanes view; it means nothing headless, which says so.
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import {UserError} from '../../source/errors.js';

const MIXED = new URL('../fixtures/captures/mixed.ndjson', import.meta.url).pathname;

async function refusal(...args: string[]): Promise<{code: number; message: string}> {
	try {
		await main(args, {write: () => {}, warn: () => {}, isTty: true});
	} catch (error) {
		if (error instanceof UserError) return {code: error.exitCode, message: error.message};
		throw error;
	}
	throw new Error('podlife accepted it');
}

describe('--view', () => {
	it('is a usage error with --output, naming --output lanes instead', async () => {
		expect(await refusal('replay', MIXED, '--view', 'lanes', '--output', 'table')).toEqual({
			code: 2,
			message: '--view is for the TUI (got --output table); --output lanes prints the lanes as text',
		});
	});

	it('takes table or lanes only', async () => {
		expect(await refusal('replay', MIXED, '--view', 'graph')).toEqual({code: 2, message: '--view must be one of table, lanes (got "graph")'});
	});

	it('is a usage error for a recording without its TUI', async () => {
		expect(await refusal('record', '/nonexistent/x.ndjson', '--no-ui', '--view', 'lanes')).toEqual({code: 2, message: '--view is for the TUI (got --no-ui)'});
	});
});
