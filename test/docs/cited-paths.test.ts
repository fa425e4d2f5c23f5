// The docs name files and functions so that a newcomer can open them; a rename must not leave
// them pointing at nothing. Every `source/…`, `test/…` (and the like) path the README and docs/
// cite in backticks exists (but what the build or a bench run makes: .gitignore's folders), a `path:Name` or `path:Holder.member` names something that file
// defines, and every relative Markdown link leads to a file.

import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const DOCS = ['README.md', 'docs/architecture.md', 'docs/session-format.md'];
const CITED = /`((?:source|test|bench|scripts|docs|demo-fixtures|patches)\/[^`\s:]*)(?::([A-Za-z_$][\w$.]*))?`/g;
const LINK = /\]\(([^)\s#]+)(?:#[^)]*)?\)/g;

/** Folders that a build or a bench run makes (.gitignore's), cited though a checkout has none. */
const MADE = readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
	.split('\n')
	.filter(line => line.endsWith('/'))
	.map(line => line.replace(/^\//, ''));

function read(file: string): string {
	return readFileSync(path.join(ROOT, file), 'utf8');
}

/** The names a doc cites in `file` that the file does not mention as a word. */
function missingNames(file: string, names: string): string[] {
	const text = read(file);
	return names.split('.').filter(name => !new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text));
}

describe.each(DOCS)('%s', doc => {
	const text = read(doc);

	it('cites only paths that exist, and names their files define', () => {
		const problems: string[] = [];
		for (const [, cited, names] of text.matchAll(CITED)) {
			const file = cited!;
			if (MADE.some(folder => file.startsWith(folder))) continue;
			if (!existsSync(path.join(ROOT, file))) problems.push(`${file}: no such file or folder`);
			else if (names) for (const name of missingNames(file, names)) problems.push(`${file}: no ${name}`);
		}
		expect(problems).toEqual([]);
	});

	it('links only to files that exist', () => {
		const links = [...text.matchAll(LINK)].map(match => match[1]!).filter(target => !/^[a-z]+:/.test(target));
		const missing = links.filter(target => !existsSync(path.join(ROOT, path.dirname(doc), target)));
		expect(missing).toEqual([]);
	});
});
