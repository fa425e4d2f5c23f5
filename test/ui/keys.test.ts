import {describe, expect, it} from 'vitest';
import {actionFor, bindingsFor, KEY_TABLE} from '../../source/ui/keys.js';
import {footerText} from '../../source/ui/footer.js';
import {helpGroups, helpScrollHint} from '../../source/ui/help-groups.js';
import {keyName} from '../../source/ui/key-name.js';
import {NO_KEY as none} from './helpers/ink-key.js';

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
		for (const view of ['table', 'lanes', 'detail', 'container', 'help'] as const) {
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

	it('gives the Lanes view the list keys of the table, and its own for time: + zooms there, f follows, ← goes back in time', () => {
		for (const key of ['j', 'k', 'g', 'G', '/', 'n', 's', ':', '?', 'q', 'l', 'p'])
			expect(actionFor(key, 'lanes', true), key).toBe(actionFor(key, 'table', true));
		expect(actionFor('+', 'lanes', true)).toBe('zoomIn');
		expect(actionFor('+', 'table', true)).toBe('faster');
		expect(actionFor('Z', 'lanes', false)).toBe('zoomOut');
		expect(actionFor('f', 'lanes', false)).toBe('follow');
		expect(actionFor('f', 'table', false)).toBe('faulty');
		expect(actionFor('left', 'lanes', false)).toBe('earlier');
		expect(actionFor('shift+right', 'lanes', false)).toBe('panLater');
		expect(actionFor('escape', 'lanes', false)).toBe('closeLanes');
		expect(actionFor('L', 'table', false)).toBe('openLanes');
		expect(actionFor('w', 'lanes', false)).toBeNull();
		expect(footerText('lanes', false, false)).toMatch(/^Enter open at ▼\/fold {2}Esc table {2}←\/→ time {2}\+\/- zoom {2}f follow {2}/);
		// The replay's speed keys are the zoom's in the Lanes view: not offered there.
		expect(footerText('lanes', true, true)).not.toContain('faster');
	});

	it('names keys from Ink input', () => {
		expect(keyName('', {...none, upArrow: true})).toBe('up');
		expect(keyName('', {...none, tab: true, shift: true})).toBe('shift+tab');
		expect(keyName(' ', none)).toBe('space');
		expect(keyName('c', {...none, ctrl: true})).toBe('ctrl+c');
		expect(keyName('G', {...none, shift: true})).toBe('G');
		expect(keyName('', {...none, leftArrow: true, shift: true})).toBe('shift+left');
	});
});
