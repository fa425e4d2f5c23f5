// kubectl-style plain text table: columns left-aligned, separated by three spaces
// (kubectl's tabwriter padding), widths measured in terminal cells.

import stringWidth from 'string-width';

export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const widths = header.map((title, i) => Math.max(stringWidth(title), ...rows.map(r => stringWidth(r[i] ?? ''))));
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - stringWidth(cell) + 3)))
			.join('')
			.trimEnd();
	return [line(header), ...rows.map(line)].join('\n') + '\n';
}
