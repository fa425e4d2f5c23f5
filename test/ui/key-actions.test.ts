import {describe, expect, it} from 'vitest';
import {KEY_ACTIONS} from '../../source/ui/key-actions.js';
import {KEY_TABLE} from '../../source/ui/keys.js';
import type {TimelineTargets} from '../../source/view/timeline-cursor.js';
import {fakePlayer, keyHarness as harness} from './helpers/key-harness.js';

describe('key actions', () => {
	it('has a handler for every action of the key table, and every handler is bound to a key', () => {
		const bound = new Set(KEY_TABLE.map(b => b.action));
		expect([...bound].sort()).toEqual(Object.keys(KEY_ACTIONS).sort());
	});

	it('moves the table cursor, scrolls the detail within its limit, and the help overlay a page at a time', () => {
		const table = harness({});
		table.act('down');
		table.act('down');
		expect(table.h.state.selectedKey).toBe('default/c');
		table.act('bottom');
		expect(table.h.state.selectedKey).toBe('kube-system/f');

		const detail = harness({screen: 'detail', selectedKey: 'default/a'}, {limits: {detailMax: 6}});
		detail.act('pageDown');
		expect(detail.h.state.detailScroll).toBe(4);
		detail.act('pageDown');
		expect(detail.h.state.detailScroll).toBe(6);
		detail.act('top');
		expect(detail.h.state.detailScroll).toBe(0);

		const help = harness({help: true}, {limits: {helpWindow: 10, helpMax: 25}});
		help.act('pageDown');
		expect(help.h.state.helpScroll).toBe(10);
		help.act('bottom');
		expect(help.h.state.helpScroll).toBe(25);
		expect(help.h.state.selectedKey).toBeNull();
	});

	it('scrolls the columns only when some are off-screen that way', () => {
		const none = harness({});
		none.act('columnsRight');
		expect(none.h.state.columnOffset).toBe(0);
		const some = harness({}, {limits: {columnOffsets: {prev: null, next: 2}}});
		some.act('columnsRight');
		expect(some.h.state.columnOffset).toBe(2);
	});

	it('cycles the namespaces the frame lists', () => {
		const {h, act} = harness({});
		act('scope');
		expect(h.state.namespace).toBe('default');
		act('scope');
		expect(h.state.namespace).toBe('kube-system');
	});

	it('drives the replay with the transport keys, and does nothing without one', () => {
		const player = fakePlayer();
		const {act} = harness({}, {player});
		for (const action of ['pause', 'stepForward', 'stepBack', 'faster', 'slower', 'start', 'end'] as const) act(action);
		expect(player.calls).toEqual(['toggle', 'step 1', 'step -1', 'faster', 'slower', 'start', 'end']);
		expect(() => harness({}).act('pause')).not.toThrow();
	});

	it('goes to the next change of the pod under the cursor, paused there, the pod kept selected', () => {
		const player = fakePlayer({'default/b 1': 42_000});
		const {h, act} = harness({selectedKey: 'default/a'}, {player, limits: {selectedKey: 'default/b'}});
		act('nextChange');
		expect(player.calls).toEqual(['pause', 'seek 42000']);
		expect(h.state.selectedKey).toBe('default/b');
		act('prevChange');
		expect(h.state.notice).toBe('no earlier change of default/b');
	});

	it('says so when no pod is selected for [ and ]', () => {
		const {h, act} = harness({}, {player: fakePlayer(), limits: {selectedKey: null}});
		act('nextChange');
		expect(h.state.notice).toBe('no pod selected');
	});

	it('seeks to the transition under the Timeline cursor, paused, and keeps it in view', () => {
		const targets: TimelineTargets = {
			targets: [
				{at: 1_010_000, nth: 0, line: 3},
				{at: 1_020_000, nth: 0, line: 30},
			],
			lineCount: 40,
		};
		const player = fakePlayer();
		const unpicked = harness({screen: 'detail', section: 'Timeline', selectedKey: 'default/a'}, {player, limits: {timeline: targets}});
		unpicked.act('seekTransition');
		expect(unpicked.h.state.notice).toBe('pick a transition with ↑/↓ first');
		expect(player.calls).toEqual([]);

		const picked = harness(
			{screen: 'detail', section: 'Timeline', selectedKey: 'default/a', timelineCursor: {at: 1_020_000, nth: 0}},
			{player, limits: {timeline: targets}, timelineNow: targets},
		);
		picked.act('seekTransition');
		expect(player.calls).toEqual(['pause', 'seek 20000']);
		expect(picked.h.state.detailScroll).toBeGreaterThan(30 - 4);
	});

	it('runs the command line: :q quits, :ns scopes, a time seeks the replay or says live cannot', () => {
		const quit = harness({prompt: {kind: 'command', text: 'q', error: null, note: null}});
		quit.act('promptEnter');
		expect(quit.h.exited).toBe(true);

		const ns = harness({prompt: {kind: 'command', text: 'ns kube-system', error: null, note: null}});
		ns.act('promptEnter');
		expect(ns.h.state.prompt).toBeNull();
		expect(ns.h.state.namespace).toBe('kube-system');

		const live = harness({prompt: {kind: 'command', text: '0:10', error: null, note: null}});
		live.act('promptEnter');
		expect(live.h.state.prompt?.error).toMatch(/^a time needs a replay/);

		const player = fakePlayer();
		const replay = harness({prompt: {kind: 'command', text: '0:10', error: null, note: null}}, {player});
		replay.act('promptEnter');
		expect(player.calls).toEqual(['seek 10000']);
		expect(replay.h.state.prompt).toBeNull();
	});

	it('completes a namespace on the command line and lists the choices when there are several', () => {
		const one = harness({prompt: {kind: 'command', text: 'ns ku', error: null, note: null}});
		one.act('promptComplete');
		expect(one.h.state.prompt).toMatchObject({text: 'ns kube-system', note: null});
		const several = harness({prompt: {kind: 'command', text: 'ns ', error: null, note: null}});
		several.act('promptComplete');
		expect(several.h.state.prompt).toMatchObject({text: 'ns ', note: 'default  kube-system  all'});
	});

	it('applies a typed filter with Enter', () => {
		const {h, act} = harness({prompt: {kind: 'filter', text: 'crash ', error: null, note: null}});
		act('promptEnter');
		expect(h.state).toMatchObject({prompt: null, filter: 'crash'});
	});
});
