// kubectl-style plain text table: columns left-aligned, separated by three spaces
// (kubectl's tabwriter padding), widths measured in terminal cells.

import stringWidth from 'string-width';

export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
	// A loop, not Math.max(...rows): a big cluster's rows are more arguments than the stack holds.
	const widths = header.map(title => stringWidth(title));
	for (const row of rows) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, stringWidth(row[i] ?? ''));
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - stringWidth(cell) + 3)))
			.join('')
			.trimEnd();
	return [line(header), ...rows.map(line)].join('\n') + '\n';
}
