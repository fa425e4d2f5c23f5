import {describe, expect, it} from 'vitest';
import {actionFor, bindingsFor, KEY_TABLE} from '../../source/ui/keys.js';
import {footerText} from '../../source/ui/footer.js';
import {helpGroups, helpScrollHint} from '../../source/ui/help-groups.js';
import {keyName} from '../../source/ui/key-name.js';
import type {Key} from 'ink';

const none: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

describe('key table', () => {
	it('gives Esc to the table (clear the filter) only; in the detail Esc goes back; q quits everywhere', () => {
		expect(actionFor('escape', 'table', false)).toBe('escape');
		expect(KEY_TABLE.find(b => b.action === 'escape')?.label).not.toMatch(/quit/);
		expect(actionFor('q', 'table', false)).toBe('quit');
		expect(actionFor('escape', 'detail', false)).toBe('back');
		expect(actionFor('q', 'detail', false)).toBe('quit');
	});

	it('has transport keys only while replaying', () => {
		expect(actionFor('space', 'table', false)).toBeNull();
		expect(actionFor('space', 'table', true)).toBe('pause');
		expect(actionFor(']', 'detail', true)).toBe('nextChange');
		expect(footerText('table', false, true)).toBe('');
		expect(footerText('table', true, true)).toContain('Space pause/play');
	});

	it('binds no key twice in the same view', () => {
		for (const view of ['table', 'detail', 'container', 'help'] as const) {
			const seen = new Map<string, string>();
			for (const binding of bindingsFor(view, true)) {
				for (const key of binding.keys) {
					expect(seen.get(key), `${key} in ${view}`).toBeUndefined();
					seen.set(key, binding.action);
				}
			}
		}
	});

	it('lists every binding in the help overlay; its own keys are in its footer and scroll hint', () => {
		const help = helpGroups(true)
			.flatMap(g => g.entries.map(e => `${e.keys} ${e.label}`))
			.join('\n');
		for (const binding of KEY_TABLE.filter(b => !b.views.every(view => view === 'help'))) expect(help).toContain(binding.label);
		expect(footerText('help', true, false)).toBe('?/Esc close help  q quit');
		expect(helpScrollHint()).toBe('j/k PgUp/PgDn g/G scroll');
	});

	it('names keys from Ink input', () => {
		expect(keyName('', {...none, upArrow: true})).toBe('up');
		expect(keyName('', {...none, tab: true, shift: true})).toBe('shift+tab');
		expect(keyName(' ', none)).toBe('space');
		expect(keyName('c', {...none, ctrl: true})).toBe('ctrl+c');
		expect(keyName('G', {...none, shift: true})).toBe('G');
	});
});
