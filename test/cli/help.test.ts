// The help pages are data (source/cli/help.ts): these keep them honest — every flag
// the parser knows is in the overview, and every page fits an 80-column terminal.
import {describe, expect, it} from 'vitest';
import {FLAG_SPEC} from '../../source/cli/flags.js';
import {commandHelp, COMMANDS, HELP_WIDTH, overviewHelp, type CommandName} from '../../source/cli/help.js';

const kebab = (name: string) => name.replace(/[A-Z]/g, c => '-' + c.toLowerCase());
const pages = (): Array<[string, string]> => [
	['overview', overviewHelp()],
	...(Object.keys(COMMANDS) as CommandName[]).map(name => [name, commandHelp(name)] as [string, string]),
];

describe('help', () => {
	it('lists every flag the parser knows in the overview', () => {
		const overview = overviewHelp();
		for (const [name, spec] of Object.entries(FLAG_SPEC)) {
			// A boolean that defaults to true is written as its negation (--no-color).
			// One with no default, whose absence means something of its own, may be written --[no-]group.
			const either = spec.type === 'boolean' && !('default' in spec) ? `(--${kebab(name)}|--\\[no-\\]${kebab(name)})` : null;
			const flag = either ?? (spec.type === 'boolean' && 'default' in spec && spec.default === true ? `--no-${kebab(name)}` : `--${kebab(name)}`);
			expect(overview, flag).toMatch(new RegExp(`^  (-\\w, )?${flag}( |$)`, 'm'));
		}
	});

	it('gives each command a page whose flags are all in the overview', () => {
		const flagsOf = (text: string) => [...text.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map(m => m[1]!);
		const overview = new Set(flagsOf(overviewHelp()));
		for (const name of Object.keys(COMMANDS) as CommandName[]) {
			const flags = flagsOf(commandHelp(name));
			expect(flags.length, name).toBeGreaterThan(1);
			for (const flag of flags) expect(overview.has(flag), `${name} ${flag}`).toBe(true);
		}
	});

	it.each(pages())('fits the %s page in an 80-column terminal', (_name, text) => {
		for (const line of text.split('\n')) expect(line.length, line).toBeLessThan(HELP_WIDTH);
	});
});
