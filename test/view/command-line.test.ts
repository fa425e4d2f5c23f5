import {describe, expect, it} from 'vitest';
import {commandHint, completeCommand, fitProblem, parseCommand, sessionSpanLine} from '../../source/view/command-line.js';
import type {SessionSpan} from '../../source/view/goto-time.js';

const namespaces = ['default', 'kube-node-lease', 'kube-system', 'local-path-storage'];
const span: SessionSpan = {recordedAtMs: Date.parse('2026-11-25T04:20:57.705Z'), endMs: 94_000};

describe('the : command line', () => {
	it('quits with q or quit', () => {
		for (const text of ['q', 'quit', ' q ', 'q!']) expect(parseCommand(text, namespaces, span)).toEqual({kind: 'quit'});
	});

	it('picks a namespace by name, or all of them', () => {
		expect(parseCommand('ns kube-system', namespaces, span)).toEqual({kind: 'namespace', namespace: 'kube-system'});
		expect(parseCommand('namespace default', namespaces, null)).toEqual({kind: 'namespace', namespace: 'default'});
		expect(parseCommand('ns all', namespaces, span)).toEqual({kind: 'namespace', namespace: null});
		expect(parseCommand('ns -', namespaces, span)).toEqual({kind: 'namespace', namespace: null});
	});

	it('says so in one line for a namespace no pod is in', () => {
		expect(parseCommand('ns kube-sys', namespaces, span)).toEqual({
			kind: 'error',
			problem: 'no pod is in namespace "kube-sys": Tab completes a name; namespaces: default, kube-node-lease, kube-system, local-path-storage',
		});
		expect(parseCommand('ns', namespaces, span)).toEqual({
			kind: 'error',
			problem: 'ns takes one name: ns NAME, or ns all; namespaces: default, kube-node-lease, kube-system, local-path-storage',
		});
	});

	it('reads a time to go to, and anything else as an error with examples from the session', () => {
		expect(parseCommand('0:20', namespaces, span)).toEqual({kind: 'time', time: {target: {kind: 'offset', ms: 20_000}, text: '0:20'}});
		expect(parseCommand('soon', namespaces, span)).toEqual({
			kind: 'error',
			problem: '"soon" is not a command: try 0:47, @04:21:44, +10s, end, ns NAME or q',
		});
		expect(parseCommand('soon', namespaces, null)).toEqual({kind: 'error', problem: '"soon" is not a command: use q or ns NAME'});
		expect(parseCommand('  ', namespaces, span)).toEqual({kind: 'none'});
	});

	it('completes the command word and the namespace with Tab', () => {
		expect(completeCommand('n', namespaces)).toEqual({text: 'ns ', choices: []});
		expect(completeCommand('ns', namespaces)).toEqual({text: 'ns ', choices: []});
		expect(completeCommand('qu', namespaces)).toEqual({text: 'quit', choices: []});
		expect(completeCommand('ns d', namespaces)).toEqual({text: 'ns default', choices: []});
		expect(completeCommand('ns l', namespaces)).toEqual({text: 'ns local-path-storage', choices: []});
		expect(completeCommand('ns k', namespaces)).toEqual({text: 'ns kube-', choices: ['kube-node-lease', 'kube-system']});
		expect(completeCommand('ns x', namespaces)).toEqual({text: 'ns x', choices: []});
		expect(completeCommand('1:2', namespaces)).toEqual({text: '1:2', choices: []});
	});

	it('hints with examples drawn from the session it replays, its span on a line of its own', () => {
		expect(commandHint(span)).toBe('go to 0:47, @04:21:44, +10s or -1m · ns NAME · q');
		expect(sessionSpanLine(span)).toBe('session 0:00–1:34 (04:20:57–04:22:31 UTC)');
		expect(commandHint(null)).toBe('ns NAME (Tab completes) · ns all · q quit');
	});

	it('leaves whole parts of the hint out when the typed text leaves too little room, never cutting one', () => {
		expect(commandHint(span, 46)).toBe('go to 0:47, @04:21:44, +10s or -1m · ns NAME');
		expect(commandHint(span, 36)).toBe('go to 0:47, @04:21:44, +10s or -1m');
		expect(commandHint(span, 30)).toBe('go to 0:47 or @04:21:44');
		expect(commandHint(span, 20)).toBe('');
		expect(commandHint(null, 32)).toBe('ns NAME (Tab completes) · ns all');
	});

	it('fits a problem by leaving out its last clauses, keeping what happened and what to do', () => {
		const problem = 'no pod is in namespace "x": Tab completes a name; namespaces: default, kube-system';
		expect(fitProblem(problem, 100)).toBe(problem);
		expect(fitProblem(problem, 60)).toBe('no pod is in namespace "x": Tab completes a name');
		expect(fitProblem(problem, 20)).toBe(problem);
	});
});
