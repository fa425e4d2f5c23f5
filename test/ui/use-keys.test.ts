import {describe, expect, it} from 'vitest';
import type {Key} from 'ink';
import {NO_KEY} from './helpers/ink-key.js';
import type {Controls} from '../../source/ui/key-actions.js';
import {keyPresses} from '../../source/ui/key-name.js';
import {routeKey} from '../../source/ui/use-keys.js';
import {keyHarness as harness} from './helpers/key-harness.js';

describe('key routing', () => {
	/** Each character of `chunk` as the app routes it. */
	function type(controls: () => Controls, chunk: string, key: Partial<Key> = {}) {
		for (const press of keyPresses(chunk, {...NO_KEY, ...key})) routeKey(press, controls);
	}

	it('splits a pasted chunk into keys, each seeing the state the one before left: "/crash\\r" filters', () => {
		const {h, controls} = harness({});
		type(controls, '/crash\r');
		expect(h.state).toMatchObject({prompt: null, filter: 'crash'});
	});

	it('types into an open prompt what the table does not bind there (q is text, not quit)', () => {
		const {h, controls} = harness({prompt: {kind: 'filter', text: '', error: null, note: null}});
		type(controls, 'q');
		type(controls, ' ');
		type(controls, '', {upArrow: true});
		expect(h.state.prompt?.text).toBe('q ');
		expect(h.exited).toBe(false);
	});

	it('quits on Ctrl-C even in a prompt, and the next key takes the last notice away', () => {
		const inPrompt = harness({prompt: {kind: 'command', text: '', error: null, note: null}});
		type(inPrompt.controls, 'c', {ctrl: true});
		expect(inPrompt.h.exited).toBe(true);

		const noticed = harness({notice: 'no pod selected'});
		type(noticed.controls, 'j');
		expect(noticed.h.state).toMatchObject({notice: null, selectedKey: 'default/b'});
	});
});
